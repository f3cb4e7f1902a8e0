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
import { bacaEvaluasi, BelumLengkap, bukaTahun, sahkanTahun, simpanEvaluasi, simpanTindakLanjut } from '../../workflow/evaluasi.ts';
import type { KonteksPerintah } from '../../workflow/konteks-perintah.ts';
import { BelumLengkapGalat, BukaTahunBody, EvaluasiOpd, SimpanEvaluasiBody, TindakLanjutBody, TindakLanjutParams } from '../../kontrak/evaluasi.ts';
import { Galat, GALAT_SESI, TahunParams } from '../../kontrak/umum.ts';
import { aktorPemda } from '../gerbang-sesi.ts';

const BASE = '/api/pemda/:pemda/opd/:opd/tahun/:tahun/evaluasi';
const GALAT_UBAH = { ...GALAT_SESI, 400: Galat, 409: Galat } as const;
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
          body: SimpanEvaluasiBody,
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
          params: TindakLanjutParams,
          body: TindakLanjutBody,
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
          body: BukaTahunBody,
          response: { 200: EvaluasiOpd, ...GALAT_UBAH },
        },
      },
      async (req) => bukaTahun(konteks(req, req.params.pemda), req.params.opd, req.params.tahun, req.body),
    );

    done();
  };
}
