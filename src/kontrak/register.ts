/**
 * Shapes of the register routes (src/server/routes/register.ts): the registers of an OPD, their
 * rows (add, change, delete, import, export) and the explanation of a register-bound indicator
 * (GET …/indikator/:indikator/penjelasan).
 */
import { z } from 'zod';
import { TipeKolom } from '../dataset/schema.ts';
import type { Penjelasan as PenjelasanUkuran } from '../measure/penjelasan.ts';
import { type Benar, OpdParams, TahunParams } from './umum.ts';

const nama = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/).max(64);
const kodeBaris = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._\-#/]+$/, 'id hanya huruf, angka dan . _ - # /');
export const RegisterParams = OpdParams.extend({ kode: nama.describe('kode register, mis. kasus_hi') });
/** The register a call is about (the path's pemda, opd, kode). */
export type RegisterParams = z.output<typeof RegisterParams>;
export const BarisParams = RegisterParams.extend({ id: kodeBaris.describe('id baris') });
export const NilaiSel = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);
export type NilaiSel = z.output<typeof NilaiSel>;

export const KolomRegister = z.object({
  kode: z.string(),
  nama: z.string(),
  tipe: TipeKolom,
  pilihan: z.array(z.string()).optional(),
  pribadi: z.boolean(),
  wajib: z.boolean(),
});
export type KolomRegister = z.output<typeof KolomRegister>;
export const TotalImpor = z.object({ id: z.string(), tahun: z.number(), bulanDari: z.number(), bulanSampai: z.number(), nilai: z.record(z.string(), z.number()), keterangan: z.string() });
export type TotalImpor = z.output<typeof TotalImpor>;
export const DefinisiRegister = z.object({
  kode: z.string(),
  nama: z.string(),
  uraian: z.string().optional(),
  preset: z.string().optional(),
  unit: z.string().optional(),
  kolom: z.array(KolomRegister),
  periode: z.record(z.string(), z.string()),
  totalImpor: z.array(TotalImpor),
});
export type DefinisiRegister = z.output<typeof DefinisiRegister>;
export const DaftarRegister = z.object({ kelola: z.boolean().describe('pengguna boleh mengubah dan melihat kolom pribadi'), register: z.array(DefinisiRegister.extend({ jumlahBaris: z.number() })) });
export type DaftarRegister = z.output<typeof DaftarRegister>;
export const BarisRegister = z.object({ id: z.string(), nilai: z.record(z.string(), NilaiSel), keterangan: z.string().optional(), version: z.number() });
export type BarisRegister = z.output<typeof BarisRegister>;
export const DaftarBaris = z.object({ kelola: z.boolean(), register: DefinisiRegister, baris: z.array(BarisRegister) });
export type DaftarBaris = z.output<typeof DaftarBaris>;
export const SimpanBaris = z.object({
  id: kodeBaris.optional().describe('id baris baru; kosong = dibuat otomatis'),
  nilai: z.record(z.string(), NilaiSel),
  keterangan: z.string().max(2000).nullable().optional(),
  version: z.number().int().min(0).default(0).describe('versi tersimpan (0 untuk baris baru)'),
});
export type SimpanBaris = z.input<typeof SimpanBaris>;
/** Body of PUT …/baris/:id: the row's id is in the path. */
export const UbahBaris = SimpanBaris.omit({ id: true });
export type UbahBaris = z.input<typeof UbahBaris>;
export const HapusQuery = z.strictObject({ version: z.string().regex(/^[0-9]{1,9}$/, 'version berupa angka desimal').transform(Number).pipe(z.number().int().min(1)) });
export const EksporQuery = z.object({ pribadi: z.enum(['0', '1']).default('0').describe('1 = sertakan kolom pribadi (hanya pengelola register)') });
export const HasilImporRegister = z.object({ ditambah: z.number(), diubah: z.number() });
export type HasilImporRegister = z.output<typeof HasilImporRegister>;

export const IndikatorParams = TahunParams.extend({ indikator: z.string().min(1).max(64) });
export const AgregatPenjelasan = z.object({ rumus: z.string(), register: z.string(), nilai: z.number().nullable(), alasan: z.string().optional(), baris: z.array(z.string()), totalImpor: z.array(z.string()) });
export const SlotPenjelasan = z.object({
  triwulan: z.number().nullable(),
  bulanDari: z.number(),
  bulanSampai: z.number(),
  sumber: z.enum(['register', 'impor']),
  pembilang: z.number().nullable(),
  penyebut: z.number().nullable(),
  nilai: z.number().nullable(),
  alasan: z.string().optional(),
  keterangan: z.string().optional(),
  agregat: z.array(AgregatPenjelasan),
});
export type SlotPenjelasan = z.output<typeof SlotPenjelasan>;
export const Penjelasan = z.object({
  pemda: z.string(),
  opd: z.string(),
  tahun: z.number(),
  indikator: z.object({ kode: z.string(), nama: z.string(), satuan: z.string(), agregasi: z.string() }),
  rumus: z.object({ nilai: z.string().optional(), pembilang: z.string().optional(), penyebut: z.string().optional(), pengali: z.number(), periode: z.string(), teks: z.string() }),
  triwulan: z.array(SlotPenjelasan),
  kumulatif: z.array(SlotPenjelasan).optional(),
  realisasi: z.object({ nilai: z.number().nullable(), alasan: z.string().optional() }),
  capaian: z.number().nullable(),
  register: z.array(
    z.object({
      kode: z.string(),
      nama: z.string(),
      kolom: z.array(z.object({ kode: z.string(), nama: z.string(), tipe: z.string() })),
      baris: z.array(z.object({ id: z.string(), nilai: z.record(z.string(), NilaiSel), keterangan: z.string().optional() })),
      totalImpor: z.array(TotalImpor),
    }),
  ),
});
export type Penjelasan = z.output<typeof Penjelasan>;

/** Compiles only for `true`. */
/**
 * The explanation src/measure/penjelasan.ts builds and this schema are one shape, checked by
 * the compiler both ways.
 */
export type PenjelasanSesuaiUkuran = Benar<PenjelasanUkuran extends z.input<typeof Penjelasan> ? (Penjelasan extends PenjelasanUkuran ? true : false) : false>;
