/**
 * Realisasi entry and verification for one quarter of an OPD: list, save a draft, move through
 * the workflow, history, evidence files, and the quarter deadlines.
 */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { UKURAN_BUKTI_MAKS } from '../../db/schema-app.ts';
import type { Database } from '../../db/client.ts';
import type { AksiStatus } from '../../policy/policy.ts';
import { daftarEntri, type AlamatEntri, riwayatEntri } from '../../workflow/entri.ts';
import { MasukanTidakSah } from '../../workflow/errors.ts';
import type { KonteksPerintah } from '../../workflow/konteks-perintah.ts';
import { ambilBukti, periksaUnggah, simpanDraf, ubahStatus, unggahBukti } from '../../workflow/perintah.ts';
import { aturTenggat, bacaTenggat, sajikanTenggat } from '../../workflow/tenggat.ts';
import { Bukti, DaftarEntri, Entri, Riwayat, SimpanBody, StatusBody, TolakBody } from '../../kontrak/entri.ts';
import { BuktiParams, EntriParams, Galat, GALAT_SESI, TenggatBody, TenggatParams, TenggatResponse, TriwulanParams } from '../../kontrak/umum.ts';
import { aktor, aktorPemda } from '../gerbang-sesi.ts';
import { kirimUnduhan } from '../unduh.ts';
import { bacaUnggahan } from '../unggah.ts';

const ENTRI = '/api/pemda/:pemda/opd/:opd/tahun/:tahun/triwulan/:tw/entri';

/** Answers of the routes that change an entry. */
const GALAT_UBAH = { ...GALAT_SESI, 400: Galat, 409: Galat, 423: Galat } as const;

export function routesEntri(database: Database, sekarang: () => Date): FastifyPluginCallbackZod {
  const db = database.db;
  const konteks = (req: FastifyRequest, pemda: string): KonteksPerintah => ({ db, aktor: aktorPemda(req, pemda), sekarang: sekarang(), requestId: req.id });
  const alamat = (p: { opd: string; tahun: number; tw: number; kode: string }): AlamatEntri => ({ opd: p.opd, tahun: p.tahun, triwulan: p.tw, kode: p.kode });

  return (app, _opts, done) => {
    const tags = ['realisasi'];

    app.get(
      ENTRI,
      {
        schema: {
          tags,
          summary: 'Daftar entri realisasi satu triwulan',
          description: 'Kepala unit hanya melihat indikator unitnya; perencana, kepala OPD dan pembaca melihat semua indikator OPD.',
          params: TriwulanParams,
          response: { 200: DaftarEntri, ...GALAT_SESI },
        },
      },
      async (req) => {
        const a = aktorPemda(req, req.params.pemda);
        return daftarEntri(db, a, req.params.opd, req.params.tahun, req.params.tw, sekarang());
      },
    );

    app.put(
      `${ENTRI}/:kode`,
      {
        schema: {
          tags,
          summary: 'Simpan draf realisasi',
          description:
            'Kolom yang tidak dikirim tetap; null mengosongkan. version harus sama dengan versi tersimpan (0 untuk entri baru), jika tidak 409 versi-usang dengan current. ' +
            'Entri yang ditolak menjadi draf lagi. Entri yang disetujui atau triwulan yang lewat tenggat: 423 terkunci.',
          params: EntriParams,
          body: SimpanBody,
          response: { 200: Entri, ...GALAT_UBAH },
        },
      },
      async (req) => simpanDraf(konteks(req, req.params.pemda), alamat(req.params), req.body),
    );

    const transisi = (aksi: AksiStatus, summary: string) =>
      app.post(
        `${ENTRI}/:kode/${aksi}`,
        { schema: { tags, summary, params: EntriParams, body: StatusBody, response: { 200: Entri, ...GALAT_UBAH } } },
        async (req) => ubahStatus(konteks(req, req.params.pemda), alamat(req.params), aksi, req.body),
      );
    transisi('ajukan', 'Ajukan entri (kepala unit pemilik: draf/ditolak → diajukan)');
    transisi('verifikasi', 'Verifikasi entri (perencana: diajukan → diverifikasi)');
    transisi('setujui', 'Setujui entri (kepala OPD: diverifikasi → disetujui; entri lalu terkunci)');

    app.post(
      `${ENTRI}/:kode/tolak`,
      {
        schema: {
          tags,
          summary: 'Tolak entri dengan alasan (perencana: diajukan; kepala OPD: diajukan/diverifikasi → ditolak)',
          params: EntriParams,
          body: TolakBody,
          response: { 200: Entri, ...GALAT_UBAH },
        },
      },
      async (req) => ubahStatus(konteks(req, req.params.pemda), alamat(req.params), 'tolak', req.body),
    );

    app.get(
      `${ENTRI}/:kode/riwayat`,
      { schema: { tags, summary: 'Riwayat perubahan entri (dari log audit)', params: EntriParams, response: { 200: Riwayat, ...GALAT_SESI } } },
      async (req) => {
        const a = aktorPemda(req, req.params.pemda);
        const rows = await riwayatEntri(db, a, alamat(req.params));
        return { riwayat: rows.map((r) => ({ oleh: r.oleh, pada: r.pada.toISOString(), field: r.field, lama: r.lama, baru: r.baru })) };
      },
    );

    app.post(
      `${ENTRI}/:kode/bukti`,
      {
        schema: {
          tags,
          summary: 'Unggah bukti dukung (multipart, satu berkas PDF/PNG/JPEG, paling besar 5 MB)',
          description: 'Jenis berkas ditentukan dari isinya (magic bytes), bukan dari nama atau Content-Type.',
          consumes: ['multipart/form-data'],
          params: EntriParams,
          response: { 201: Bukti, ...GALAT_UBAH, 413: Galat },
        },
      },
      async (req, reply) => {
        const k = konteks(req, req.params.pemda);
        if (!req.isMultipart()) throw new MasukanTidakSah([{ path: 'berkas', message: 'kirim berkas sebagai multipart/form-data' }]);
        await periksaUnggah(k, alamat(req.params));
        const hasil = await unggahBukti(k, alamat(req.params), await bacaUnggahan(req, UKURAN_BUKTI_MAKS));
        return reply.code(201).send(hasil);
      },
    );

    app.get(
      '/api/bukti/:id',
      { schema: { tags, summary: 'Unduh bukti dukung (berkas asli; 401/403/404 sebagai Galat)', params: BuktiParams } },
      async (req, reply) => {
        const f = await ambilBukti(db, aktor(req), req.params.id);
        return kirimUnduhan(reply, {
          mime: f.mime,
          nama: f.namaAsli,
          isi: f.isi,
          header: { 'content-security-policy': "default-src 'none'; sandbox", 'x-content-sha256': f.sha256 },
        });
      },
    );

    app.get(
      '/api/pemda/:pemda/tenggat/:tahun/:tw',
      { schema: { tags: ['admin'], summary: 'Tenggat pengisian triwulan dan versinya', params: TenggatParams, response: { 200: TenggatResponse, ...GALAT_SESI } } },
      async (req) => {
        const a = aktorPemda(req, req.params.pemda);
        return sajikanTenggat(req.params.tahun, req.params.tw, await bacaTenggat(db, a.pemdaId, req.params.tahun, req.params.tw));
      },
    );

    app.put(
      '/api/pemda/:pemda/tenggat/:tahun/:tw',
      {
        schema: {
          tags: ['admin'],
          summary: 'Atur tenggat pengisian triwulan (admin pemda)',
          description:
            'Mengganti batas umum dan seluruh pengecualian per unit. Batas pengecualian harus lebih lambat dari batas umum. ' +
            'version harus sama dengan versi tersimpan (0 bila belum pernah diatur), jika tidak 409 versi-usang dengan current.',
          params: TenggatParams,
          body: TenggatBody,
          response: { 200: TenggatResponse, ...GALAT_SESI, 400: Galat, 409: Galat },
        },
      },
      async (req) => {
        const a = aktorPemda(req, req.params.pemda);
        const t = await aturTenggat(
          db,
          a,
          { requestId: req.id, at: sekarang() },
          {
            version: req.body.version,
            tahun: req.params.tahun,
            triwulan: req.params.tw,
            batas: new Date(req.body.batas),
            pengecualian: (req.body.pengecualian ?? []).map((p) => ({ opd: p.opd, unit: p.unit, batas: new Date(p.batas) })),
          },
        );
        return sajikanTenggat(req.params.tahun, req.params.tw, t);
      },
    );
    done();
  };
}
