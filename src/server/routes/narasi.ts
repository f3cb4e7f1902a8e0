/**
 * The LKJIP narrative of an OPD-year: read it with every section and sasaran and which are still
 * empty; save one section or one sasaran. Readers of the OPD read; the perencana and the kepala
 * of the OPD edit ('narasi:ubah'). A write sends the `version` of the OPD-year it read and gets
 * 409 versi-usang with the current narrative when the year changed in between.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client.ts';
import { bacaNarasi, ubahBagianNarasi, ubahNarasiSasaran } from '../../workflow/narasi.ts';
import type { KonteksPerintah } from '../../workflow/konteks-perintah.ts';
import { BagianBody, BagianParams, NarasiOpd, SasaranBody, SasaranParams } from '../../kontrak/narasi.ts';
import { Galat, GALAT_SESI, TahunParams } from '../../kontrak/umum.ts';
import { aktorPemda } from '../gerbang-sesi.ts';

const BASE = '/api/pemda/:pemda/opd/:opd/tahun/:tahun/narasi';
const GALAT_UBAH = { ...GALAT_SESI, 400: Galat, 409: Galat } as const;

export function routesNarasi(database: Database, sekarang: () => Date): FastifyPluginCallbackZod {
  const db = database.db;
  const konteks = (req: FastifyRequest, pemda: string): KonteksPerintah => ({ db, aktor: aktorPemda(req, pemda), sekarang: sekarang(), requestId: req.id });

  return (app, _opts, done) => {
    const tags = ['narasi'];

    app.get(
      BASE,
      { schema: { tags, summary: 'Narasi LKJIP: bagian per bab dan per sasaran, mana yang masih kosong', params: TahunParams, response: { 200: NarasiOpd, ...GALAT_SESI } } },
      async (req) => bacaNarasi(db, aktorPemda(req, req.params.pemda), req.params.opd, req.params.tahun),
    );

    app.put(
      `${BASE}/bagian/:bagian`,
      {
        schema: {
          tags,
          summary: 'Simpan satu bagian narasi (perencana atau kepala OPD)',
          params: BagianParams,
          body: BagianBody,
          response: { 200: NarasiOpd, ...GALAT_UBAH },
        },
      },
      async (req) => ubahBagianNarasi(konteks(req, req.params.pemda), req.params.opd, req.params.tahun, req.params.bagian, req.body),
    );

    app.put(
      `${BASE}/sasaran/:kode`,
      {
        schema: {
          tags,
          summary: 'Simpan narasi satu sasaran: output, outcome, sebab, solusi, kekuatan, upaya (perencana atau kepala OPD)',
          params: SasaranParams,
          body: SasaranBody,
          response: { 200: NarasiOpd, ...GALAT_UBAH },
        },
      },
      async (req) => ubahNarasiSasaran(konteks(req, req.params.pemda), req.params.opd, req.params.tahun, req.params.kode, req.body),
    );

    done();
  };
}
