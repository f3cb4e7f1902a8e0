/**
 * The plan editor of an OPD: Renstra and IKU, Renja and pagu, PK versions and their comparison,
 * quarterly targets. Readers of the OPD read; the perencana of the OPD edits ('rencana:ubah').
 * Every write sends the `version` it read and gets 409 versi-usang with `current` when the
 * record changed in between. Money is whole rupiah as a decimal string.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
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
import {
  BandingPk,
  BandingPkQuery,
  BuatRevisiPkBody,
  DaftarPk,
  DaftarTargetTriwulan,
  DetailPk,
  IndikatorRenja,
  IndikatorRenstra,
  KinerjaParams,
  KinerjaPk,
  KodeParams,
  NodeRenja,
  PohonRenja,
  PohonRenstra,
  TargetTriwulan,
  TriwulanKodeParams,
  UbahIndikatorBody,
  UbahPaguBody,
  UbahTargetPkBody,
  UbahTargetRenjaBody,
  UbahTargetTriwulanBody,
  VersiParams,
} from '../../kontrak/rencana.ts';
import { Galat, GALAT_SESI, TahunParams } from '../../kontrak/umum.ts';
import { aktorPemda } from '../gerbang-sesi.ts';

const BASE = '/api/pemda/:pemda/opd/:opd/tahun/:tahun/rencana';
const GALAT_UBAH = { ...GALAT_SESI, 400: Galat, 409: Galat } as const;

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
          body: UbahPaguBody,
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
          body: UbahTargetRenjaBody,
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
      { schema: { tags, summary: 'Versi Perjanjian Kinerja tahun ini', params: TahunParams, response: { 200: DaftarPk, ...GALAT_SESI } } },
      async (req) => daftarPk(db, aktorPemda(req, req.params.pemda), req.params.opd, req.params.tahun),
    );

    app.get(
      `${BASE}/pk/banding`,
      {
        schema: {
          tags,
          summary: 'Bandingkan dua versi PK berdampingan: indikator, target di A, target di B, berubah',
          params: TahunParams,
          querystring: BandingPkQuery,
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
          body: BuatRevisiPkBody,
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
          body: UbahTargetPkBody,
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
          response: { 200: DaftarTargetTriwulan, ...GALAT_SESI },
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
          body: UbahTargetTriwulanBody,
          response: { 200: TargetTriwulan, ...GALAT_UBAH },
        },
      },
      async (req) => ubahTargetTriwulan(konteks(req, req.params.pemda), req.params.opd, req.params.tahun, req.params.kode, req.params.tw, req.body),
    );

    done();
  };
}
