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
import { Dilarang, TidakDitemukan } from '../../workflow/errors.ts';
import type { KonteksPerintah } from '../../workflow/konteks-perintah.ts';
import { daftarBaris, daftarRegister, hapusBaris, imporBaris, registerLengkap, simpanBaris } from '../../workflow/register.ts';
import { BarisParams, BarisRegister, DaftarBaris, DaftarRegister, EksporQuery, HapusQuery, HasilImporRegister, IndikatorParams, Penjelasan, RegisterParams, SimpanBaris, UbahBaris } from '../../kontrak/register.ts';
import { Galat, GALAT_SESI, OpdParams } from '../../kontrak/umum.ts';
import { aktorPemda } from '../gerbang-sesi.ts';
import { kirimUnduhan } from '../unduh.ts';
import { bacaUnggahan } from '../unggah.ts';

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
      { schema: { tags, summary: 'Tambah (atau ubah, dengan id dan version) baris register; tercatat di log audit', params: RegisterParams, body: SimpanBaris, response: { 200: BarisRegister, ...GALAT_UBAH } } },
      async (req) => simpanBaris(konteks(req, req.params.pemda), req.params.opd, req.params.kode, req.body.id, req.body),
    );

    app.put(
      `${base}/:kode/baris/:id`,
      { schema: { tags, summary: 'Ubah baris register (version = versi tersimpan); tercatat di log audit', params: BarisParams, body: UbahBaris, response: { 200: BarisRegister, ...GALAT_UBAH } } },
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
          response: { 200: HasilImporRegister, ...GALAT_UBAH, 413: Galat },
        },
      },
      async (req) => {
        const k = konteks(req, req.params.pemda);
        if (!boleh(k.aktor, { aksi: 'register:kelola', opd: req.params.opd })) throw new Dilarang(`tidak berwenang mengelola register OPD "${req.params.opd}"`);
        const berkas = await bacaUnggahan(req, BATAS_UKURAN_XLSX);
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
        return kirimUnduhan(reply, { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', nama: `register-${req.params.kode}.xlsx`, isi: buf });
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
