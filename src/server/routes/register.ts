/**
 * Registers of an OPD over HTTP: list, rows (personal columns masked unless the actor manages
 * the register), add/change/delete rows, import .xlsx/.csv all-or-nothing, export .xlsx
 * (masked by default), and the explanation of a register-bound indicator.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { loadDatasetOpd } from '../../db/dataset-repository.ts';
import { jelaskanIndikator, unitIndikator } from '../../measure/penjelasan.ts';
import { boleh } from '../../policy/policy.ts';
import { bacaBerkasRegister, tulisRegisterXlsx } from '../../exchange/register-xlsx.ts';
import { BATAS_UKURAN_XLSX } from '../../exchange/xlsx.ts';
import { Dilarang, MasukanTidakSah, TidakDitemukan } from '../../workflow/errors.ts';
import type { KonteksPerintah } from '../../workflow/konteks-perintah.ts';
import { daftarBaris, daftarRegister, hapusBaris, imporBaris, registerLengkap, simpanBaris } from '../../workflow/register.ts';
import { Galat, GALAT_SESI, OpdParams, TahunParams } from '../schemas.ts';
import { aktorPemda } from '../gerbang-sesi.ts';

const nama = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/).max(64);
const kodeBaris = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._\-#/]+$/, 'id hanya huruf, angka dan . _ - # /');
const RegisterParams = OpdParams.extend({ kode: nama.describe('kode register, mis. kasus_hi') });
const BarisParams = RegisterParams.extend({ id: kodeBaris.describe('id baris') });
const Sel = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);

const Kolom = z.object({
  kode: z.string(),
  nama: z.string(),
  tipe: z.string(),
  pilihan: z.array(z.string()).optional(),
  pribadi: z.boolean(),
  wajib: z.boolean(),
});
const TotalImpor = z.object({ id: z.string(), tahun: z.number(), bulanDari: z.number(), bulanSampai: z.number(), nilai: z.record(z.string(), z.number()), keterangan: z.string() });
const Definisi = z.object({
  kode: z.string(),
  nama: z.string(),
  uraian: z.string().optional(),
  preset: z.string().optional(),
  unit: z.string().optional(),
  kolom: z.array(Kolom),
  periode: z.record(z.string(), z.string()),
  totalImpor: z.array(TotalImpor),
});
const DaftarRegister = z.object({ kelola: z.boolean().describe('pengguna boleh mengubah dan melihat kolom pribadi'), register: z.array(Definisi.extend({ jumlahBaris: z.number() })) });
const Baris = z.object({ id: z.string(), nilai: z.record(z.string(), Sel), keterangan: z.string().optional(), version: z.number() });
const DaftarBaris = z.object({ kelola: z.boolean(), register: Definisi, baris: z.array(Baris) });
const SimpanBaris = z.object({
  id: kodeBaris.optional().describe('id baris baru; kosong = dibuat otomatis'),
  nilai: z.record(z.string(), Sel),
  keterangan: z.string().max(2000).nullable().optional(),
  version: z.number().int().min(0).default(0).describe('versi tersimpan (0 untuk baris baru)'),
});
const HapusQuery = z.strictObject({ version: z.string().regex(/^[0-9]{1,9}$/, 'version berupa angka desimal').transform(Number).pipe(z.number().int().min(1)) });
const EksporQuery = z.object({ pribadi: z.enum(['0', '1']).default('0').describe('1 = sertakan kolom pribadi (hanya pengelola register)') });
const HasilImpor = z.object({ ditambah: z.number(), diubah: z.number() });
const IndikatorParams = TahunParams.extend({ indikator: z.string().min(1).max(64) });
const Agregat = z.object({ rumus: z.string(), register: z.string(), nilai: z.number().nullable(), alasan: z.string().optional(), baris: z.array(z.string()), totalImpor: z.array(z.string()) });
const Slot = z.object({
  triwulan: z.number().nullable(),
  bulanDari: z.number(),
  bulanSampai: z.number(),
  sumber: z.enum(['register', 'impor']),
  pembilang: z.number().nullable(),
  penyebut: z.number().nullable(),
  nilai: z.number().nullable(),
  alasan: z.string().optional(),
  keterangan: z.string().optional(),
  agregat: z.array(Agregat),
});
const Penjelasan = z.object({
  pemda: z.string(),
  opd: z.string(),
  tahun: z.number(),
  indikator: z.object({ kode: z.string(), nama: z.string(), satuan: z.string(), agregasi: z.string() }),
  rumus: z.object({ nilai: z.string().optional(), pembilang: z.string().optional(), penyebut: z.string().optional(), pengali: z.number(), periode: z.string(), teks: z.string() }),
  triwulan: z.array(Slot),
  kumulatif: z.array(Slot).optional(),
  realisasi: z.object({ nilai: z.number().nullable(), alasan: z.string().optional() }),
  capaian: z.number().nullable(),
  register: z.array(
    z.object({
      kode: z.string(),
      nama: z.string(),
      kolom: z.array(z.object({ kode: z.string(), nama: z.string(), tipe: z.string() })),
      baris: z.array(z.object({ id: z.string(), nilai: z.record(z.string(), Sel), keterangan: z.string().optional() })),
      totalImpor: z.array(TotalImpor),
    }),
  ),
});

const GALAT_UBAH = { ...GALAT_SESI, 400: Galat, 409: Galat } as const;

export function routesRegister(database: Database, sekarang: () => Date): FastifyPluginCallbackZod {
  const db = database.db;
  const konteks = (req: FastifyRequest, pemda: string): KonteksPerintah => ({ db, aktor: aktorPemda(req, pemda), sekarang: sekarang(), requestId: req.id });
  const base = '/api/pemda/:pemda/opd/:opd/register';

  return (app, _opts, done) => {
    const tags = ['register'];

    app.get(base, { schema: { tags, summary: 'Register OPD (definisi, total impor, jumlah baris)', params: OpdParams, response: { 200: DaftarRegister, ...GALAT_SESI } } }, async (req) =>
      daftarRegister(db, aktorPemda(req, req.params.pemda), req.params.opd),
    );

    app.get(
      `${base}/:kode/baris`,
      { schema: { tags, summary: 'Baris register; kolom data pribadi disamarkan kecuali bagi pengelola register', params: RegisterParams, response: { 200: DaftarBaris, ...GALAT_SESI } } },
      async (req) => daftarBaris(db, aktorPemda(req, req.params.pemda), req.params.opd, req.params.kode),
    );

    app.post(
      `${base}/:kode/baris`,
      { schema: { tags, summary: 'Tambah (atau ubah, dengan id dan version) baris register; tercatat di log audit', params: RegisterParams, body: SimpanBaris, response: { 200: Baris, ...GALAT_UBAH } } },
      async (req) => simpanBaris(konteks(req, req.params.pemda), req.params.opd, req.params.kode, req.body.id, req.body),
    );

    app.put(
      `${base}/:kode/baris/:id`,
      { schema: { tags, summary: 'Ubah baris register (version = versi tersimpan); tercatat di log audit', params: BarisParams, body: SimpanBaris.omit({ id: true }), response: { 200: Baris, ...GALAT_UBAH } } },
      async (req) => simpanBaris(konteks(req, req.params.pemda), req.params.opd, req.params.kode, req.params.id, req.body),
    );

    app.delete(
      `${base}/:kode/baris/:id`,
      { schema: { tags, summary: 'Hapus baris register; tercatat di log audit', params: BarisParams, querystring: HapusQuery, response: { 204: z.null(), ...GALAT_UBAH } } },
      async (req, reply) => {
        await hapusBaris(konteks(req, req.params.pemda), req.params.opd, req.params.kode, req.params.id, req.query.version);
        return reply.code(204).send(null);
      },
    );

    app.post(
      `${base}/:kode/impor`,
      {
        schema: {
          tags,
          summary: 'Impor baris dari .xlsx/.csv (multipart, satu berkas): semua atau tidak sama sekali',
          description: 'Baris pertama berisi nama atau kode kolom; kolom "id" opsional (id yang ada mengganti baris itu). Galat: 400 masukan-tidak-sah dengan issues per baris dan kolom.',
          consumes: ['multipart/form-data'],
          params: RegisterParams,
          response: { 200: HasilImpor, ...GALAT_UBAH, 413: Galat },
        },
      },
      async (req) => {
        const k = konteks(req, req.params.pemda);
        if (!boleh(k.aktor, { aksi: 'register:kelola', opd: req.params.opd })) throw new Dilarang(`tidak berwenang mengelola register OPD "${req.params.opd}"`);
        if (!req.isMultipart()) throw new MasukanTidakSah([{ path: 'berkas', message: 'kirim berkas sebagai multipart/form-data' }]);
        let berkas: { nama: string; isi: Buffer };
        try {
          const file = await req.file({ limits: { fileSize: BATAS_UKURAN_XLSX, files: 1, fields: 5, parts: 6 } });
          if (!file) throw new MasukanTidakSah([{ path: 'berkas', message: 'tidak ada berkas' }]);
          berkas = { nama: file.filename, isi: await file.toBuffer() };
        } catch (e) {
          // A broken multipart body (no boundary, cut off) is the client's error, not the server's.
          const status = (e as { statusCode?: number }).statusCode;
          if (e instanceof MasukanTidakSah || (status !== undefined && status >= 400 && status < 500)) throw e;
          throw new MasukanTidakSah([{ path: 'berkas', message: `isi multipart/form-data tidak sah: ${e instanceof Error ? e.message : String(e)}` }]);
        }
        const lengkap = await registerLengkap(db, k.aktor, req.params.opd, req.params.kode, false);
        const { baris, masalah } = await bacaBerkasRegister(lengkap, berkas.nama, berkas.isi);
        return imporBaris(k, req.params.opd, req.params.kode, baris, masalah);
      },
    );

    app.get(
      `${base}/:kode/ekspor.xlsx`,
      { schema: { tags, summary: 'Ekspor register ke .xlsx; kolom pribadi disamarkan kecuali pribadi=1 oleh pengelola', params: RegisterParams, querystring: EksporQuery } },
      async (req, reply) => {
        const a = aktorPemda(req, req.params.pemda);
        const pribadi = req.query.pribadi === '1';
        const reg = await registerLengkap(db, a, req.params.opd, req.params.kode, pribadi);
        const buf = await tulisRegisterXlsx(reg, { pribadi });
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="register-${req.params.kode}.xlsx"`)
          .send(buf);
      },
    );

    app.get(
      '/api/pemda/:pemda/opd/:opd/tahun/:tahun/indikator/:indikator/penjelasan',
      {
        schema: {
          tags,
          summary: 'Penjelasan indikator yang dihitung dari register: rumus, nilai per triwulan, baris di baliknya (tanpa kolom pribadi)',
          params: IndikatorParams,
          response: { 200: Penjelasan, ...GALAT_SESI },
        },
      },
      async (req) => {
        const a = aktorPemda(req, req.params.pemda);
        if (!boleh(a, { aksi: 'opd:baca', opd: req.params.opd }) && !boleh(a, { aksi: 'register:baca', opd: req.params.opd })) {
          throw new Dilarang(`tidak berwenang membaca OPD "${req.params.opd}"`);
        }
        const d = await loadDatasetOpd(db, a.pemdaSlug, req.params.opd);
        if (!d) throw new TidakDitemukan(`OPD "${req.params.opd}" tidak ada`);
        // The figures of one indicator: a unit head only for its own unit's (as the entries and their history).
        const unit = unitIndikator(d, req.params.opd, req.params.tahun, req.params.indikator);
        if (!boleh(a, { aksi: 'indikator:baca', opd: req.params.opd, unit })) throw new Dilarang(`indikator "${req.params.indikator}" bukan milik unit Anda`);
        return jelaskanIndikator(d, req.params.opd, req.params.tahun, req.params.indikator);
      },
    );

    done();
  };
}
