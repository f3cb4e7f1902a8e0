/**
 * Shapes of the LKJIP narrative routes (src/server/routes/narasi.ts,
 * /api/pemda/{pemda}/opd/{opd}/tahun/{tahun}/narasi/…): the narrative of an OPD-year, one section
 * or one sasaran saved at a time.
 */
import { z } from 'zod';
import { TahunParams } from './umum.ts';

/** The chapter-level sections, in the order the LKJIP prints them. */
export const BAGIAN_NARASI = ['latarBelakang', 'maksudTujuan', 'kendala', 'langkahMengatasi', 'faktorKeberhasilan', 'permasalahan', 'langkahKedepan', 'penutup'] as const;
/** The fields of one sasaran. `output`, `outcome` and `kekuatan` are optional in the LKJIP (no placeholder when empty). */
export const FIELD_SASARAN = ['output', 'outcome', 'sebab', 'solusi', 'kekuatan', 'upaya'] as const;
/** Most paragraphs in one section or field, and the longest paragraph. */
export const BATAS_PARAGRAF = 50;
export const BATAS_PANJANG = 5000;

export const BagianNarasi = z.enum(BAGIAN_NARASI);
export type BagianNarasi = z.output<typeof BagianNarasi>;
export const FieldSasaran = z.enum(FIELD_SASARAN);
export type FieldSasaran = z.output<typeof FieldSasaran>;
const kode = z.string().min(1).max(64).regex(/^[A-Za-z0-9._\-#/]+$/, 'kode tidak sah');
const Paragraf = z
  .array(z.string().max(BATAS_PANJANG, `paragraf paling panjang ${BATAS_PANJANG} karakter`))
  .max(BATAS_PARAGRAF, `paling banyak ${BATAS_PARAGRAF} paragraf`)
  .describe('paragraf atau butir, berurutan; yang kosong dibuang');
const versionBody = z.number().int().min(0).describe('version tahun OPD yang dibaca klien (0 bila belum ada); beda dengan yang tersimpan → 409');

export const NarasiOpd = z
  .object({
    bagian: z.array(z.object({ kunci: BagianNarasi, teks: z.array(z.string()), kosong: z.boolean(), wajib: z.boolean().describe('LKJIP menandai bagian ini bila kosong') })),
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
export type NarasiOpd = z.output<typeof NarasiOpd>;

export const BagianParams = TahunParams.extend({ bagian: BagianNarasi });
export const BagianBody = z.object({ version: versionBody, teks: Paragraf });
export type BagianBody = z.input<typeof BagianBody>;
export const SasaranParams = TahunParams.extend({ kode });
export const SasaranBody = z.object({ version: versionBody, ...Object.fromEntries(FIELD_SASARAN.map((f) => [f, Paragraf])) } as { version: typeof versionBody } & Record<
  (typeof FIELD_SASARAN)[number],
  typeof Paragraf
>);
export type SasaranBody = z.input<typeof SasaranBody>;
