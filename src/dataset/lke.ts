/**
 * The criteria of the SAKIP evaluation as data (LKE: components → sub-components → criteria with
 * weights and answer types), one version per regulation. The version shipped with SIKIPER is
 * `referensi/lke/permenpanrb-88-2021.json` (its source is named in the file and in referensi/lke/README.md);
 * an admin pemda loads another version as a JSON file of the same shape, validated here.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { periksaStrukturLke, type StrukturLke } from '../engine/evaluasi.ts';

const kode = z.string().trim().min(1).max(20).regex(/^[0-9A-Za-z.]+$/, 'kode hanya angka, huruf dan titik, mis. "1.a.2"');
const bobot = z.number({ error: 'bobot berupa angka dengan titik desimal, mis. 4.5' }).min(0).max(100);

export const FAKTA_LKE = [
  'renstra-ada',
  'iku-ditetapkan',
  'iku-direviu',
  'renja-ada',
  'pk-ditandatangani',
  'rencana-aksi-ada',
  'realisasi-triwulan',
  'realisasi-diverifikasi',
  'lkjip-disahkan',
  'tindak-lanjut-dicatat',
] as const;
export type FaktaLke = (typeof FAKTA_LKE)[number];

export const KriteriaLkeBerkas = z
  .object({
    kode: z.string().trim().min(1).max(60).regex(/^[a-z0-9-]+$/, 'kode versi huruf kecil, angka dan tanda hubung, mis. "permenpanrb-88-2021-pd"'),
    nama: z.string().trim().min(1).max(300),
    regulasi: z.string().trim().min(1).max(500),
    sumber: z.string().trim().min(1).max(4000),
    berlakuMulai: z.number().int().min(2000).max(2100),
    komponen: z
      .array(
        z.strictObject({
          kode,
          nama: z.string().trim().min(1).max(300),
          bobot,
          sub: z
            .array(
              z.strictObject({
                kode,
                nama: z.string().trim().min(1).max(300),
                bobot,
                kriteria: z
                  .array(
                    z.strictObject({
                      kode,
                      teks: z.string().trim().min(1).max(2000),
                      jenis: z.enum(['YT', 'AE'], { error: 'jenis jawaban "YT" (ya/tidak) atau "AE" (A sampai E)' }),
                      fakta: z.enum(FAKTA_LKE).optional(),
                    }),
                  )
                  .min(1),
              }),
            )
            .min(1),
        }),
      )
      .min(1),
  })
  .superRefine((v, ctx) => {
    for (const m of periksaStrukturLke(v)) ctx.addIssue({ code: 'custom', path: ['komponen'], message: m });
  });
export type KriteriaLkeBerkas = z.output<typeof KriteriaLkeBerkas>;

const LOCALE = z.locales.id();

/** The located problems of a criteria file (in Indonesian, like the API's), or its checked content. */
export function uraiKriteriaLke(json: unknown, berkas: string): { ok: true; nilai: KriteriaLkeBerkas } | { ok: false; masalah: Array<{ path: string; message: string }> } {
  const r = KriteriaLkeBerkas.safeParse(json, { error: LOCALE.localeError });
  if (r.success) return { ok: true, nilai: r.data };
  return { ok: false, masalah: r.error.issues.map((i) => ({ path: `${berkas}: ${i.path.join('.') || '(akar)'}`, message: i.message })) };
}

export const KODE_KRITERIA_BAWAAN = 'permenpanrb-88-2021-pd';

let bawaan: Promise<KriteriaLkeBerkas> | undefined;

/** The criteria shipped with SIKIPER (PermenPAN-RB 88/2021), read once per process. */
export function kriteriaBawaan(): Promise<KriteriaLkeBerkas> {
  bawaan ??= (async () => {
    const url = new URL('../../referensi/lke/permenpanrb-88-2021.json', import.meta.url);
    const r = uraiKriteriaLke(JSON.parse(await readFile(url, 'utf8')), 'referensi/lke/permenpanrb-88-2021.json');
    if (!r.ok) throw new Error(r.masalah.map((m) => `${m.path}: ${m.message}`).join('\n'));
    return r.nilai;
  })();
  return bawaan;
}

/** Every criterion of a structure with its sub-component and component, in order. */
export function daftarKriteria(s: StrukturLke) {
  return s.komponen.flatMap((k) => k.sub.flatMap((x) => x.kriteria.map((c) => ({ komponen: k, sub: x, kriteria: c }))));
}
