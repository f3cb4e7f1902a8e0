/**
 * The plan editor of an OPD: Renstra and IKU, Renja and pagu, PK versions and their comparison,
 * quarterly targets. Readers of the OPD read; the perencana of the OPD edits ('rencana:ubah').
 * Every write sends the `version` it read and gets 409 versi-usang with `current` when the
 * record changed in between. Money is whole rupiah as a decimal string.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import type { KonteksPerintah } from '../../workflow/konteks-perintah.ts';
import {
  bacaPk,
  bacaRencanaAksi,
  bacaRenja,
  bacaRenstra,
  bandingPk,
  buatRevisiPk,
  daftarPk,
  ubahIndikator,
  ubahPagu,
  ubahTargetPk,
  ubahTargetRenja,
  ubahTargetTriwulan,
} from '../../workflow/rencana.ts';
import { Galat, GALAT_SESI, TahunParams } from '../schemas.ts';
import { aktorPemda } from '../gerbang-sesi.ts';

const BASE = '/api/pemda/:pemda/opd/:opd/tahun/:tahun/rencana';
const GALAT_UBAH = { ...GALAT_SESI, 400: Galat, 409: Galat } as const;

const angka = z.number().refine(Number.isFinite, 'bilangan hingga');
const nonNeg = angka.refine((n) => n >= 0, 'tidak boleh negatif');
const kode = z.string().min(1).max(64).regex(/^[A-Za-z0-9._\-#/]+$/, 'kode tidak sah').describe('kode, di-encode dengan encodeURIComponent');
const rupiah = z.string().regex(/^\d{1,16}$/, 'rupiah bulat tanpa pemisah, mis. "155565000"').describe('rupiah bulat sebagai string (tepat, tanpa pembulatan)');
const tanggal = z.iso.date('tanggal berformat YYYY-MM-DD');
const versionBody = z.number().int().min(0).describe('version yang dibaca klien; beda dengan yang tersimpan → 409');

const Polaritas = z.enum(['positif', 'negatif']);
const Agregasi = z.enum(['jumlah', 'akhir', 'rata-rata', 'rasio']);
const NilaiTahun = z.object({ tahun: z.number().int().min(1990).max(2100), nilai: angka });
const Formula = z.object({
  teks: z.string().max(2000),
  pembilang: z.string().max(1000).nullable(),
  penyebut: z.string().max(1000).nullable(),
  pengali: z.number().positive('pengali harus lebih dari 0'),
});

const IndikatorRenstra = z
  .object({
    kode: z.string(),
    nama: z.string(),
    satuan: z.string(),
    polaritas: Polaritas,
    agregasi: Agregasi,
    desimal: z.number().int(),
    iku: z.boolean(),
    formula: Formula.nullable(),
    sumberData: z.string().nullable(),
    penanggungJawab: z.array(z.string()),
    baseline: NilaiTahun.nullable(),
    target: z.array(NilaiTahun),
    targetAkhir: NilaiTahun.nullable().describe('target akhir periode Renstra'),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'IndikatorRenstra' });

const PohonRenstra = z.object({
  renstra: z.object({ periodeAwal: z.number().int(), periodeAkhir: z.number().int(), nomorDokumen: z.string().nullable() }),
  tujuan: z.array(
    z.object({
      kode: z.string(),
      uraian: z.string(),
      indikator: z.array(IndikatorRenstra),
      sasaran: z.array(z.object({ kode: z.string(), nomor: z.number().int(), uraian: z.string(), indikator: z.array(IndikatorRenstra) })),
    }),
  ),
  bolehUbah: z.boolean(),
});

const UbahIndikatorBody = z.object({
  version: versionBody,
  satuan: z.string().trim().min(1, 'satuan wajib diisi').max(64),
  polaritas: Polaritas,
  agregasi: Agregasi,
  formula: Formula.nullable(),
  baseline: NilaiTahun.nullable(),
  target: z.array(NilaiTahun).max(20),
  targetAkhir: NilaiTahun.nullable(),
});

const IndikatorRenja = z.object({
  kode: z.string(),
  nama: z.string(),
  satuan: z.string().nullable(),
  target: z.number().nullable(),
  targetTeks: z.string().nullable(),
  version: z.number().int(),
});
const NodeRenja = z
  .object({
    kode: z.string(),
    level: z.enum(['urusan', 'bidang-urusan', 'program', 'kegiatan', 'sub-kegiatan']),
    induk: z.string().nullable(),
    nama: z.string(),
    pagu: rupiah.nullable(),
    jumlahAnak: rupiah.nullable().describe('jumlah pagu anak (kegiatan di bawah program, sub kegiatan di bawah kegiatan)'),
    tidakSesuai: z.boolean().describe('jumlah pagu anak tidak sama dengan pagu node ini'),
    indikator: z.array(IndikatorRenja),
    version: z.number().int(),
  })
  .meta({ id: 'NodeRenja' });
const PohonRenja = z.object({
  versi: z.object({ versi: z.enum(['murni', 'perubahan']), nama: z.string().nullable(), tanggal: z.string().nullable() }),
  node: z.array(NodeRenja),
  totalPagu: rupiah,
  bolehUbah: z.boolean(),
});

const RingkasPk = z.object({
  versi: z.number().int(),
  nama: z.string(),
  tanggal: z.string().nullable(),
  terkini: z.boolean().describe('versi terakhir: dipakai untuk capaian dan satu-satunya yang dapat diubah'),
  jumlahKinerja: z.number().int(),
  version: z.number().int(),
});
const KinerjaPk = z.object({
  sasaran: z.string(),
  indikator: z.string(),
  nama: z.string().nullable(),
  satuan: z.string().nullable(),
  target: z.number(),
  targetTeks: z.string().nullable(),
  version: z.number().int(),
});
const DetailPk = RingkasPk.extend({
  tempat: z.string().nullable(),
  bolehUbah: z.boolean(),
  kinerja: z.array(KinerjaPk),
  anggaran: z.array(z.object({ program: z.string(), kegiatan: z.string(), pagu: rupiah, sumberDana: z.string() })),
  penjelasan: z.array(z.object({ indikator: z.string(), formulasi: z.string(), penjelasanTarget: z.string() })),
}).meta({ id: 'DetailPk' });

const InfoPk = z.object({ versi: z.number().int(), nama: z.string(), tanggal: z.string().nullable() });
const BandingPk = z
  .object({
    a: InfoPk,
    b: InfoPk,
    baris: z.array(
      z.object({
        sasaran: z.string(),
        indikator: z.string(),
        nama: z.string().nullable(),
        satuan: z.string().nullable(),
        targetA: z.number().nullable(),
        targetTeksA: z.string().nullable(),
        targetB: z.number().nullable(),
        targetTeksB: z.string().nullable(),
        berubah: z.boolean(),
      }),
    ),
    jumlahBerubah: z.number().int(),
  })
  .meta({ id: 'BandingPk' });

const TargetTriwulan = z
  .object({
    kode: z.string(),
    nama: z.string(),
    satuan: z.string(),
    jenis: z.enum(['renstra', 'renja']),
    targetTahun: z.number().nullable(),
    triwulan: z.array(z.object({ triwulan: z.number().int(), target: z.number().nullable(), version: z.number().int().describe('0 bila belum ada') })),
  })
  .meta({ id: 'TargetTriwulan' });

const KodeParams = TahunParams.extend({ kode });
const VersiParams = TahunParams.extend({ versi: z.string().regex(/^[0-9]{1,4}$/, 'versi berupa angka desimal').transform(Number).pipe(z.number().int().min(0).max(1000)) });
const KinerjaParams = VersiParams.extend({ indikator: kode });
const TriwulanKodeParams = KodeParams.extend({ tw: z.coerce.number().int().min(1, 'triwulan 1 sampai 4').max(4, 'triwulan 1 sampai 4') });

export function routesRencana(database: Database, sekarang: () => Date): FastifyPluginCallbackZod {
  const db = database.db;
  const konteks = (req: FastifyRequest, pemda: string): KonteksPerintah => ({ db, aktor: aktorPemda(req, pemda), sekarang: sekarang(), requestId: req.id });

  return (app, _opts, done) => {
    const tags = ['rencana'];

    app.get(
      `${BASE}/renstra`,
      {
        schema: {
          tags,
          summary: 'Pohon Renstra yang mencakup tahun: tujuan → sasaran → indikator (IKU, formula, baseline, target)',
          params: TahunParams,
          response: { 200: PohonRenstra, ...GALAT_SESI },
        },
      },
      async (req) => bacaRenstra(db, aktorPemda(req, req.params.pemda), req.params.opd, req.params.tahun),
    );

    app.put(
      `${BASE}/renstra/indikator/:kode`,
      {
        schema: {
          tags,
          summary: 'Ubah definisi dan target indikator Renstra (perencana OPD)',
          description: 'Target tahunan diganti seluruhnya dengan daftar yang dikirim; tahun harus di dalam periode Renstra.',
          params: KodeParams,
          body: UbahIndikatorBody,
          response: { 200: IndikatorRenstra, ...GALAT_UBAH },
        },
      },
      async (req) => ubahIndikator(konteks(req, req.params.pemda), req.params.opd, req.params.tahun, req.params.kode, req.body),
    );

    app.get(
      `${BASE}/renja`,
      {
        schema: {
          tags,
          summary: 'Renja tahun (versi perubahan bila ada): program/kegiatan/sub kegiatan, indikator, target dan pagu dengan jumlahnya',
          params: TahunParams,
          response: { 200: PohonRenja, ...GALAT_SESI },
        },
      },
      async (req) => bacaRenja(db, aktorPemda(req, req.params.pemda), req.params.opd, req.params.tahun),
    );

    app.put(
      `${BASE}/renja/node/:kode`,
      {
        schema: {
          tags,
          summary: 'Ubah pagu program/kegiatan/sub kegiatan (perencana OPD)',
          params: KodeParams,
          body: z.object({ version: versionBody, pagu: rupiah.nullable() }),
          response: { 200: NodeRenja, ...GALAT_UBAH },
        },
      },
      async (req) =>
        ubahPagu(konteks(req, req.params.pemda), req.params.opd, req.params.tahun, req.params.kode, {
          version: req.body.version,
          pagu: req.body.pagu === null ? null : BigInt(req.body.pagu),
        }),
    );

    app.put(
      `${BASE}/renja/indikator/:kode`,
      {
        schema: {
          tags,
          summary: 'Ubah target indikator Renja (perencana OPD)',
          params: KodeParams,
          body: z.object({ version: versionBody, target: nonNeg.nullable(), targetTeks: z.string().max(200).nullable().optional() }),
          response: { 200: IndikatorRenja, ...GALAT_UBAH },
        },
      },
      async (req) =>
        ubahTargetRenja(konteks(req, req.params.pemda), req.params.opd, req.params.tahun, req.params.kode, {
          version: req.body.version,
          target: req.body.target,
          targetTeks: req.body.targetTeks ?? null,
        }),
    );

    app.get(
      `${BASE}/pk`,
      { schema: { tags, summary: 'Versi Perjanjian Kinerja tahun ini', params: TahunParams, response: { 200: z.object({ versi: z.array(RingkasPk), bolehUbah: z.boolean() }), ...GALAT_SESI } } },
      async (req) => daftarPk(db, aktorPemda(req, req.params.pemda), req.params.opd, req.params.tahun),
    );

    app.get(
      `${BASE}/pk/banding`,
      {
        schema: {
          tags,
          summary: 'Bandingkan dua versi PK berdampingan: indikator, target di A, target di B, berubah',
          params: TahunParams,
          querystring: z.object({ a: z.coerce.number().int().min(0), b: z.coerce.number().int().min(0) }),
          response: { 200: BandingPk, ...GALAT_SESI },
        },
      },
      async (req) => bandingPk(db, aktorPemda(req, req.params.pemda), req.params.opd, req.params.tahun, req.query.a, req.query.b),
    );

    app.get(
      `${BASE}/pk/:versi`,
      { schema: { tags, summary: 'Satu versi PK: target kinerja, anggaran dan penjelasan', params: VersiParams, response: { 200: DetailPk, ...GALAT_SESI } } },
      async (req) => bacaPk(db, aktorPemda(req, req.params.pemda), req.params.opd, req.params.tahun, req.params.versi),
    );

    app.post(
      `${BASE}/pk`,
      {
        schema: {
          tags,
          summary: 'Buat revisi PK dari versi terakhir (perencana OPD)',
          description:
            'Menyalin target kinerja, anggaran dan lampiran penjelasan versi `dari` (harus versi terakhir, dengan version yang dibaca) ke versi berikutnya. ' +
            'Versi lama menjadi hanya-baca.',
          params: TahunParams,
          body: z.object({
            dari: z.number().int().min(0),
            version: versionBody,
            nama: z.string().trim().min(1, 'nama versi wajib diisi').max(200),
            tanggal: tanggal.nullable(),
          }),
          response: { 201: DetailPk, ...GALAT_UBAH },
        },
      },
      async (req, reply) => reply.code(201).send(await buatRevisiPk(konteks(req, req.params.pemda), req.params.opd, req.params.tahun, req.body)),
    );

    app.put(
      `${BASE}/pk/:versi/kinerja/:indikator`,
      {
        schema: {
          tags,
          summary: 'Ubah target satu indikator pada PK versi terakhir (perencana OPD)',
          description: 'Versi yang sudah digantikan hanya dapat dibaca: 409 status-tidak-sesuai.',
          params: KinerjaParams,
          body: z.object({ version: versionBody, target: nonNeg, targetTeks: z.string().max(200).nullable().optional() }),
          response: { 200: KinerjaPk, ...GALAT_UBAH },
        },
      },
      async (req) =>
        ubahTargetPk(konteks(req, req.params.pemda), req.params.opd, req.params.tahun, req.params.versi, req.params.indikator, {
          version: req.body.version,
          target: req.body.target,
          targetTeks: req.body.targetTeks ?? null,
        }),
    );

    app.get(
      `${BASE}/triwulan`,
      {
        schema: {
          tags,
          summary: 'Target triwulan (rencana aksi) setiap indikator',
          params: TahunParams,
          response: { 200: z.object({ indikator: z.array(TargetTriwulan), bolehUbah: z.boolean() }), ...GALAT_SESI },
        },
      },
      async (req) => bacaRencanaAksi(db, aktorPemda(req, req.params.pemda), req.params.opd, req.params.tahun),
    );

    app.put(
      `${BASE}/triwulan/:tw/:kode`,
      {
        schema: {
          tags,
          summary: 'Ubah target triwulan satu indikator; null menghapusnya (perencana OPD)',
          params: TriwulanKodeParams,
          body: z.object({ version: versionBody.describe('0 bila target triwulan belum ada'), target: nonNeg.nullable() }),
          response: { 200: TargetTriwulan, ...GALAT_UBAH },
        },
      },
      async (req) => ubahTargetTriwulan(konteks(req, req.params.pemda), req.params.opd, req.params.tahun, req.params.kode, req.params.tw, req.body),
    );

    done();
  };
}
