/**
 * The LKJIP narrative of an OPD-year: read it with every section and sasaran and which are still
 * empty; save one section or one sasaran. Readers of the OPD read; the perencana and the kepala
 * of the OPD edit ('narasi:ubah'). A write sends the `version` of the OPD-year it read and gets
 * 409 versi-usang with the current narrative when the year changed in between.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { BAGIAN_NARASI, BATAS_PANJANG, BATAS_PARAGRAF, bacaNarasi, FIELD_SASARAN, ubahBagianNarasi, ubahNarasiSasaran } from '../../workflow/narasi.ts';
import type { KonteksPerintah } from '../../workflow/konteks-perintah.ts';
import { Galat, GALAT_SESI, TahunParams } from '../schemas.ts';
import { aktorPemda } from '../gerbang-sesi.ts';

const BASE = '/api/pemda/:pemda/opd/:opd/tahun/:tahun/narasi';
const GALAT_UBAH = { ...GALAT_SESI, 400: Galat, 409: Galat } as const;

const Bagian = z.enum(BAGIAN_NARASI);
const FieldSasaran = z.enum(FIELD_SASARAN);
const kode = z.string().min(1).max(64).regex(/^[A-Za-z0-9._\-#/]+$/, 'kode tidak sah');
const Paragraf = z
  .array(z.string().max(BATAS_PANJANG, `paragraf paling panjang ${BATAS_PANJANG} karakter`))
  .max(BATAS_PARAGRAF, `paling banyak ${BATAS_PARAGRAF} paragraf`)
  .describe('paragraf atau butir, berurutan; yang kosong dibuang');
const versionBody = z.number().int().min(0).describe('version tahun OPD yang dibaca klien (0 bila belum ada); beda dengan yang tersimpan → 409');

const NarasiOpd = z
  .object({
    bagian: z.array(z.object({ kunci: Bagian, teks: z.array(z.string()), kosong: z.boolean(), wajib: z.boolean().describe('LKJIP menandai bagian ini bila kosong') })),
    sasaran: z.array(
      z.object({
        kode: z.string(),
        nomor: z.number().int(),
        uraian: z.string(),
        isian: z.object(Object.fromEntries(FIELD_SASARAN.map((f) => [f, z.array(z.string())])) as Record<(typeof FIELD_SASARAN)[number], z.ZodArray<z.ZodString>>),
        kosong: z.array(FieldSasaran).describe('isian wajib yang masih kosong (ditandai di LKJIP)'),
      }),
    ),
    version: z.number().int(),
    bolehUbah: z.boolean(),
  })
  .meta({ id: 'NarasiOpd' });

const SasaranBody = z.object({ version: versionBody, ...Object.fromEntries(FIELD_SASARAN.map((f) => [f, Paragraf])) } as { version: typeof versionBody } & Record<
  (typeof FIELD_SASARAN)[number],
  typeof Paragraf
>);

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
          params: TahunParams.extend({ bagian: Bagian }),
          body: z.object({ version: versionBody, teks: Paragraf }),
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
          params: TahunParams.extend({ kode }),
          body: SasaranBody,
          response: { 200: NarasiOpd, ...GALAT_UBAH },
        },
      },
      async (req) => ubahNarasiSasaran(konteks(req, req.params.pemda), req.params.opd, req.params.tahun, req.params.kode, req.body),
    );

    done();
  };
}
