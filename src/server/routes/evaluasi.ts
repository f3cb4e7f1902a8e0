/**
 * SAKIP evaluation of an OPD-year and the year's sign-off. Readers of the OPD read; the
 * inspektorat enters scores and recommendations ('evaluasi:isi'); the perencana of the OPD
 * records follow-ups ('tindak-lanjut:isi'); the kepala OPD signs the year off ('tahun:sahkan'),
 * refused with the list of quarters not yet approved; the admin pemda reopens with a reason
 * ('tahun:buka'). Writes of the evaluation send its `version` (409 with `current` when stale).
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { KOMPONEN_LKE, SUB_KOMPONEN } from '../../engine/evaluasi.ts';
import { bacaEvaluasi, BelumLengkap, bukaTahun, sahkanTahun, simpanEvaluasi, simpanTindakLanjut } from '../../workflow/evaluasi.ts';
import type { KonteksPerintah } from '../../workflow/konteks-perintah.ts';
import { Galat, GALAT_SESI, TahunParams } from '../schemas.ts';
import { aktorPemda } from '../gerbang-sesi.ts';

const BASE = '/api/pemda/:pemda/opd/:opd/tahun/:tahun/evaluasi';
const GALAT_UBAH = { ...GALAT_SESI, 400: Galat, 409: Galat } as const;
const versionBody = z.number().int().min(0).describe('version evaluasi yang dibaca klien (0 bila belum ada); beda dengan yang tersimpan → 409');

const persen = z.string().regex(/^\d{1,3}(\.\d{1,4})?$/, 'nilai 0 sampai 100 dengan titik desimal, mis. "87.5"').describe('persen capaian sub komponen 0..100, desimal tepat');
const SkorKomponen = z.object(Object.fromEntries(SUB_KOMPONEN.map((s) => [s.kode, persen])) as Record<(typeof SUB_KOMPONEN)[number]['kode'], typeof persen>);
const Skor = z.object(Object.fromEntries(KOMPONEN_LKE.map((k) => [k.kode, SkorKomponen])) as Record<(typeof KOMPONEN_LKE)[number]['kode'], typeof SkorKomponen>);
const Rekomendasi = z.object({ id: z.string(), teks: z.string(), tindakLanjut: z.string().nullable() });

const EvaluasiOpd = z
  .object({
    ada: z.boolean(),
    skor: Skor,
    rekomendasi: z.array(Rekomendasi),
    hasil: z.object({
      komponen: z.array(z.object({ kode: z.string(), nama: z.string(), bobot: z.number(), nilai: z.number(), sub: z.record(z.string(), z.number()) })),
      total: z.number().describe('dibulatkan 2 desimal untuk tampilan; predikat dihitung dari nilai tepat'),
      predikat: z.enum(['AA', 'A', 'BB', 'B', 'CC', 'C', 'D']),
    }),
    version: z.number().int(),
    pengesahan: z.object({ oleh: z.string(), nama: z.string(), pada: z.string() }).nullable(),
    boleh: z.object({ isi: z.boolean(), tindakLanjut: z.boolean(), sahkan: z.boolean(), buka: z.boolean() }),
  })
  .meta({ id: 'EvaluasiOpd' });

const BelumLengkapGalat = z.object({
  error: z.literal('belum-lengkap'),
  message: z.string(),
  kurang: z.array(z.object({ indikator: z.string(), nama: z.string(), triwulan: z.number().int(), status: z.string() })),
});

export function routesEvaluasi(database: Database, sekarang: () => Date): FastifyPluginCallbackZod {
  const db = database.db;
  const konteks = (req: FastifyRequest, pemda: string): KonteksPerintah => ({ db, aktor: aktorPemda(req, pemda), sekarang: sekarang(), requestId: req.id });

  return (app, _opts, done) => {
    const tags = ['evaluasi'];

    app.get(
      BASE,
      { schema: { tags, summary: 'Evaluasi SAKIP (LKE) tahun OPD: skor, nilai, predikat, rekomendasi, tindak lanjut, pengesahan', params: TahunParams, response: { 200: EvaluasiOpd, ...GALAT_SESI } } },
      async (req) => bacaEvaluasi(db, aktorPemda(req, req.params.pemda), req.params.opd, req.params.tahun),
    );

    app.put(
      BASE,
      {
        schema: {
          tags,
          summary: 'Isi evaluasi SAKIP: skor sub komponen dan rekomendasi (inspektorat)',
          params: TahunParams,
          body: z.object({
            version: versionBody,
            skor: Skor,
            rekomendasi: z.array(z.object({ id: z.string().max(64).optional(), teks: z.string().max(2000, 'rekomendasi paling panjang 2000 karakter') })).max(50),
          }),
          response: { 200: EvaluasiOpd, ...GALAT_UBAH },
        },
      },
      async (req) => simpanEvaluasi(konteks(req, req.params.pemda), req.params.opd, req.params.tahun, req.body),
    );

    app.put(
      `${BASE}/rekomendasi/:id/tindak-lanjut`,
      {
        schema: {
          tags,
          summary: 'Catat tindak lanjut satu rekomendasi (perencana OPD)',
          params: TahunParams.extend({ id: z.string().min(1).max(64) }),
          body: z.object({ version: versionBody, tindakLanjut: z.string().max(2000) }),
          response: { 200: EvaluasiOpd, ...GALAT_UBAH },
        },
      },
      async (req) => simpanTindakLanjut(konteks(req, req.params.pemda), req.params.opd, req.params.tahun, req.params.id, req.body),
    );

    app.post(
      `${BASE}/sahkan`,
      {
        schema: {
          tags,
          summary: 'Sahkan tahun (kepala OPD): semua triwulan setiap indikator harus disetujui; setelahnya realisasi tahun itu terkunci',
          params: TahunParams,
          response: { 200: EvaluasiOpd, ...GALAT_SESI, 409: z.union([BelumLengkapGalat, Galat]) },
        },
      },
      async (req, reply) => {
        try {
          return await sahkanTahun(konteks(req, req.params.pemda), req.params.opd, req.params.tahun);
        } catch (e) {
          if (e instanceof BelumLengkap) return reply.code(409).send({ error: 'belum-lengkap', message: e.message, kurang: e.kurang });
          throw e;
        }
      },
    );

    app.post(
      `${BASE}/buka`,
      {
        schema: {
          tags,
          summary: 'Buka kembali tahun yang telah disahkan, dengan alasan (admin pemda)',
          params: TahunParams,
          body: z.object({ alasan: z.string().trim().min(1, 'alasan wajib diisi').max(1000) }),
          response: { 200: EvaluasiOpd, ...GALAT_UBAH },
        },
      },
      async (req) => bukaTahun(konteks(req, req.params.pemda), req.params.opd, req.params.tahun, req.body),
    );

    done();
  };
}
