/**
 * Settings of a pemda (admin pemda): rating scale and lower-is-better rule, quarter deadlines
 * of a year, users and their roles; and budget realisation entry (keuangan). Each write asks
 * the policy inside its command, runs in one transaction with its audit rows and checks the
 * version the client saw (409 versi-usang with `current`).
 */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { buatPenggunaBaru, daftarPengguna, hapusPeran, keluarkanSemua, resetSandi, tambahPeran, ubahPengguna } from '../../auth/kelola.ts';
import type { Database } from '../../db/client.ts';
import { SKALA_EMPAT_TINGKAT, SKALA_LIMA_TINGKAT, type Skala as SkalaEngine } from '../../engine/skala.ts';
import { boleh, lingkupEntri } from '../../policy/policy.ts';
import { bacaAnggaranOpd, simpanAnggaran, tahunBerdata } from '../../workflow/anggaran.ts';
import { Dilarang } from '../../workflow/errors.ts';
import { bacaPengaturan, type PengaturanPemda, ubahPengaturan } from '../../workflow/pengaturan.ts';
import { bacaTenggatTahun } from '../../workflow/tenggat-tahun.ts';
import {
  AnggaranOpd,
  BuatPenggunaBody,
  CabutPeranQuery,
  DaftarPengguna,
  Pengaturan,
  PengaturanBody,
  PenggunaBaru,
  PenggunaParams,
  PeranParams,
  ResetSandiBody,
  SandiBaru,
  SesiDiakhiri,
  SimpanAnggaranBody,
  TahunData,
  TambahPeranBody,
  TenggatTahun,
  TenggatTahunParams,
  UbahPenggunaBody,
} from '../../kontrak/pengaturan.ts';
import { Galat, GALAT_SESI, OpdParams, PemdaParams, TahunParams } from '../../kontrak/umum.ts';
import { aktorPemda } from '../gerbang-sesi.ts';

const GALAT_UBAH = { ...GALAT_SESI, 400: Galat, 409: Galat } as const;

const salin = (s: SkalaEngine) => ({ nama: s.nama, bands: s.bands.map((b) => ({ ...b })) });
const jawabPengaturan = (p: PengaturanPemda) => ({
  skala: salin(p.skala),
  rumusNegatif: p.rumusNegatif,
  lisensi: { ...p.lisensi },
  version: p.version,
  preset: { empat: salin(SKALA_EMPAT_TINGKAT), lima: salin(SKALA_LIMA_TINGKAT) },
});

export function routesPengaturan(database: Database, sekarang: () => Date): FastifyPluginCallbackZod {
  const db = database.db;
  const audit = (req: FastifyRequest) => ({ requestId: req.id, at: sekarang() });

  return (app, _opts, done) => {
    const tags = ['pengaturan'];
    const P = '/api/pemda/:pemda/pengaturan';

    app.get(
      P,
      { schema: { tags, summary: 'Skala predikat dan rumus indikator negatif (admin pemda)', params: PemdaParams, response: { 200: Pengaturan, ...GALAT_SESI } } },
      async (req) => {
        const a = aktorPemda(req, req.params.pemda);
        if (!boleh(a, { aksi: 'skala:atur' })) throw new Dilarang('hanya admin pemda');
        return jawabPengaturan(await bacaPengaturan(db, a.pemdaId));
      },
    );

    app.put(
      P,
      {
        schema: {
          tags,
          summary: 'Ubah skala predikat dan/atau rumus indikator negatif (admin pemda)',
          description: 'Band dari tertinggi ke terendah, batas bawah menurun tegas, band terendah mulai 0. Capaian dan predikat di dasbor langsung mengikuti.',
          params: PemdaParams,
          body: PengaturanBody,
          response: { 200: Pengaturan, ...GALAT_UBAH },
        },
      },
      async (req) => {
        const a = aktorPemda(req, req.params.pemda);
        return jawabPengaturan(await ubahPengaturan(db, a, audit(req), req.body));
      },
    );

    app.get(
      '/api/pemda/:pemda/tenggat/:tahun',
      {
        schema: {
          tags,
          summary: 'Tenggat keempat triwulan satu tahun dengan pengecualian per unit (admin pemda)',
          description: 'Diubah dengan PUT /api/pemda/{pemda}/tenggat/{tahun}/{tw} (dengan version).',
          params: TenggatTahunParams,
          response: { 200: TenggatTahun, ...GALAT_SESI },
        },
      },
      async (req) => {
        const a = aktorPemda(req, req.params.pemda);
        if (!boleh(a, { aksi: 'tenggat:atur' })) throw new Dilarang('hanya admin pemda');
        return bacaTenggatTahun(db, a.pemdaId, req.params.tahun);
      },
    );

    // ------------------------------------------------------------ users
    const U = '/api/pemda/:pemda/pengguna';
    app.get(
      U,
      {
        schema: {
          tags,
          summary: 'Pengguna pemda dan perannya (admin pemda; memuat data pribadi)',
          params: PemdaParams,
          response: { 200: DaftarPengguna, ...GALAT_SESI },
        },
      },
      async (req) => ({ pengguna: await daftarPengguna(db, aktorPemda(req, req.params.pemda), sekarang()) }),
    );

    app.post(
      U,
      {
        schema: {
          tags,
          summary: 'Buat pengguna dengan perannya (admin pemda)',
          description: 'Kata sandi awal (argon2id): dikirim admin atau dibuat acak dan dikembalikan sekali sebagai sandiAwal.',
          params: PemdaParams,
          body: BuatPenggunaBody,
          response: { 201: PenggunaBaru, ...GALAT_UBAH },
        },
      },
      async (req, reply) => reply.code(201).send(await buatPenggunaBaru(db, aktorPemda(req, req.params.pemda), audit(req), req.body)),
    );

    app.patch(
      `${U}/:id`,
      {
        schema: {
          tags,
          summary: 'Ubah nama atau aktifkan/nonaktifkan pengguna (admin pemda); menonaktifkan mengakhiri semua sesinya',
          params: PenggunaParams,
          body: UbahPenggunaBody,
          response: { 204: z.null(), ...GALAT_UBAH },
        },
      },
      async (req, reply) => {
        await ubahPengguna(db, aktorPemda(req, req.params.pemda), audit(req), req.params.id, req.body);
        return reply.code(204).send(null);
      },
    );

    app.post(
      `${U}/:id/reset-sandi`,
      {
        schema: {
          tags,
          summary: 'Atur ulang kata sandi (admin pemda); membuka kunci dan mengakhiri semua sesi pengguna',
          params: PenggunaParams,
          body: ResetSandiBody,
          response: { 200: SandiBaru, ...GALAT_UBAH },
        },
      },
      async (req) => resetSandi(db, aktorPemda(req, req.params.pemda), audit(req), req.params.id, req.body),
    );

    app.post(
      `${U}/:id/keluar-semua`,
      {
        schema: {
          tags,
          summary: 'Keluarkan pengguna dari semua perangkat (admin pemda)',
          params: PenggunaParams,
          response: { 200: SesiDiakhiri, ...GALAT_SESI },
        },
      },
      async (req) => ({ sesiDiakhiri: await keluarkanSemua(db, aktorPemda(req, req.params.pemda), audit(req), req.params.id) }),
    );

    app.post(
      `${U}/:id/peran`,
      {
        schema: {
          tags,
          summary: 'Tambah peran (admin pemda): admin-pemda/inspektorat/pimpinan tanpa OPD; perencana/kepala-opd/keuangan dengan OPD; kepala-unit dengan OPD dan unit',
          params: PenggunaParams,
          body: TambahPeranBody,
          response: { 204: z.null(), ...GALAT_UBAH },
        },
      },
      async (req, reply) => {
        await tambahPeran(db, aktorPemda(req, req.params.pemda), audit(req), req.params.id, req.body);
        return reply.code(204).send(null);
      },
    );

    app.delete(
      `${U}/:id/peran/:peranId`,
      {
        schema: {
          tags,
          summary: 'Cabut peran (admin pemda); version pengguna sebagai query',
          params: PeranParams,
          querystring: CabutPeranQuery,
          response: { 204: z.null(), ...GALAT_UBAH },
        },
      },
      async (req, reply) => {
        await hapusPeran(db, aktorPemda(req, req.params.pemda), audit(req), req.params.id, req.params.peranId, req.query.version);
        return reply.code(204).send(null);
      },
    );

    // ------------------------------------------------------------ budget realisation
    const A = '/api/pemda/:pemda/opd/:opd/tahun/:tahun/realisasi-anggaran';
    app.get(
      A,
      {
        schema: {
          tags: ['anggaran'],
          summary: 'Baris DPA terakhir (program, kegiatan, sub kegiatan) dengan pagu dan realisasi',
          params: TahunParams,
          response: { 200: AnggaranOpd, ...GALAT_SESI },
        },
      },
      async (req) => bacaAnggaranOpd(db, aktorPemda(req, req.params.pemda), req.params.opd, req.params.tahun),
    );

    app.put(
      A,
      {
        schema: {
          tags: ['anggaran'],
          summary: 'Simpan realisasi anggaran (keuangan OPD)',
          description:
            'Rupiah bulat, tidak negatif. Hanya baris terbawah yang diisi; baris induknya bergeser sebesar perubahan yang sama. Semua baris dalam satu transaksi; ' +
            'version tiap baris harus sama dengan yang tersimpan (409 versi-usang). Realisasi melebihi pagu diterima dengan peringatan.',
          params: TahunParams,
          body: SimpanAnggaranBody,
          response: { 200: AnggaranOpd, ...GALAT_UBAH },
        },
      },
      async (req) => simpanAnggaran(db, aktorPemda(req, req.params.pemda), audit(req), req.params.opd, req.params.tahun, req.body.baris),
    );

    app.get(
      '/api/pemda/:pemda/opd/:opd/tahun-data',
      {
        schema: {
          tags: ['laporan'],
          summary: 'Tahun yang memiliki data untuk OPD, terbaru dahulu',
          params: OpdParams,
          response: { 200: TahunData, ...GALAT_SESI },
        },
      },
      async (req) => {
        const a = aktorPemda(req, req.params.pemda);
        const tahun = await tahunBerdata(db, a.pemdaId, req.params.opd);
        if (!lingkupEntri(a, req.params.opd)) throw new Dilarang(`tidak berwenang membaca OPD "${req.params.opd}"`);
        return { tahun };
      },
    );
    done();
  };
}
