/**
 * Shapes of the criterion-level SAKIP evaluation (src/server/routes/lke.ts,
 * /api/pemda/{pemda}/opd/{opd}/tahun/{tahun}/evaluasi/lke/…): the sheet with every criterion and
 * each tier's answer (OPD self-assessment, Inspektorat evaluator, supervisor), the scores of each
 * tier, evidence (files, links, facts of SIKIPER's own records), the moves between tiers, the
 * pemda's criteria versions and the recap of every OPD.
 */
import { z } from 'zod';
import { JAWABAN_LKE } from '../engine/evaluasi.ts';
import { TahunParams, PemdaParams } from './umum.ts';

export const TINGKAT = ['mandiri', 'evaluator', 'supervisor'] as const;
export const TAHAP = ['mandiri', 'evaluator', 'supervisor', 'final'] as const;
const Predikat = z.enum(['AA', 'A', 'BB', 'B', 'CC', 'C', 'D']);
const Tingkat = z.enum(TINGKAT);
const Jawaban = z.enum(JAWABAN_LKE);

export const FaktaTerkonfirmasi = z.object({ kode: z.string(), uraian: z.string(), sumber: z.string() });

export const JawabanTingkat = z.object({
  jawaban: Jawaban.nullable(),
  catatan: z.string().nullable(),
  tautan: z.array(z.string()),
  fakta: z.array(FaktaTerkonfirmasi).describe('fakta catatan SIKIPER yang dikonfirmasi penjawab sebagai bukti'),
  oleh: z.string().describe('username yang terakhir mengubah'),
  pada: z.string(),
  version: z.number().int(),
});
export type JawabanTingkat = z.output<typeof JawabanTingkat>;

export const BerkasBukti = z.object({ id: z.string(), nama: z.string(), tingkat: Tingkat, ukuran: z.number().int(), mime: z.string() });
export type BerkasBukti = z.output<typeof BerkasBukti>;

export const UsulanFakta = z.object({
  kode: z.string(),
  terpenuhi: z.boolean().describe('catatan SIKIPER mendukung jawaban penuh (Y / A)'),
  uraian: z.string().describe('apa yang tercatat, mis. "Perjanjian Kinerja 2023 versi 1 ditandatangani 3 Januari 2023"'),
  sumber: z.string().describe('dari mana fakta itu dibaca'),
});
export type UsulanFakta = z.output<typeof UsulanFakta>;

export const BarisKriteria = z.object({
  kode: z.string(),
  teks: z.string(),
  jenis: z.enum(['YT', 'AE']),
  pilihan: z.array(Jawaban),
  jawaban: z.object({ mandiri: JawabanTingkat.nullable(), evaluator: JawabanTingkat.nullable(), supervisor: JawabanTingkat.nullable() }),
  /** The answer that counts at each tier: the tier's own, else the one below it. */
  berlaku: z.object({ mandiri: Jawaban.nullable(), evaluator: Jawaban.nullable(), akhir: Jawaban.nullable() }),
  beda: z.boolean().describe('jawaban yang berlaku berbeda antar tingkat'),
  usulan: UsulanFakta.nullable(),
  berkas: z.array(BerkasBukti),
});
export type BarisKriteria = z.output<typeof BarisKriteria>;

export const NilaiTingkat = z.object({
  total: z.number().describe('dibulatkan 2 desimal untuk tampilan; predikat dari nilai tepat'),
  totalTepat: z.string().describe('nilai tepat sebagai desimal'),
  predikat: Predikat,
  terjawab: z.number().int(),
  jumlah: z.number().int(),
  komponen: z.array(z.object({ kode: z.string(), nilai: z.number(), sub: z.array(z.object({ kode: z.string(), nilai: z.number(), terjawab: z.number().int(), jumlah: z.number().int() })) })),
});
export type NilaiTingkat = z.output<typeof NilaiTingkat>;
export const NilaiLke = z.object({ mandiri: NilaiTingkat, evaluator: NilaiTingkat, akhir: NilaiTingkat });
export type NilaiLke = z.output<typeof NilaiLke>;

export const VersiKriteria = z.object({ kode: z.string(), nama: z.string(), regulasi: z.string(), sumber: z.string(), berlakuMulai: z.number().int(), jumlahKriteria: z.number().int() });
export type VersiKriteria = z.output<typeof VersiKriteria>;

export const RekomendasiLalu = z.object({ teks: z.string(), tindakLanjut: z.string().nullable(), status: z.enum(['belum', 'proses', 'selesai']), tautan: z.array(z.string()) });

export const LembarLke = z
  .object({
    ada: z.boolean().describe('evaluasi per kriteria sudah dimulai untuk tahun ini'),
    version: z.number().int().describe('version evaluasi (untuk mulai dan perpindahan tahap)'),
    tahap: z.enum(TAHAP).nullable(),
    kriteria: VersiKriteria.nullable().describe('versi kriteria yang dipakai (atau akan dipakai bila dimulai)'),
    komponen: z.array(
      z.object({
        kode: z.string(),
        nama: z.string(),
        bobot: z.number(),
        sub: z.array(z.object({ kode: z.string(), nama: z.string(), bobot: z.number(), kriteria: z.array(BarisKriteria) })),
      }),
    ),
    nilai: NilaiLke.nullable(),
    catatanTahap: z.string().nullable().describe('komentar pengembalian terakhir'),
    rekomendasiLalu: z.array(RekomendasiLalu).describe('rekomendasi evaluasi tahun sebelumnya dan tindak lanjutnya'),
    boleh: z.object({
      mulai: z.boolean(),
      mandiri: z.boolean().describe('boleh mengisi jawaban tingkat mandiri sekarang'),
      evaluator: z.boolean(),
      supervisor: z.boolean(),
      ajukan: z.boolean(),
      kirim: z.boolean(),
      setujui: z.boolean(),
      kembalikan: z.boolean(),
    }),
  })
  .meta({ id: 'LembarLke' });
export type LembarLke = z.output<typeof LembarLke>;

export const MulaiLkeBody = z.object({
  version: z.number().int().min(0).describe('version evaluasi yang dibaca (0 bila belum ada)'),
  kriteria: z.string().max(60).optional().describe('kode versi kriteria; bawaan: versi terbaru yang berlaku untuk tahun itu'),
});
export type MulaiLkeBody = z.input<typeof MulaiLkeBody>;

export const JawabanParams = TahunParams.extend({ kode: z.string().min(1).max(20).regex(/^[0-9A-Za-z.]+$/, 'kode kriteria tidak sah') });
const tautan = z.url({ protocol: /^https?$/, error: 'tautan harus alamat http:// atau https://' }).max(1000);
export const SimpanJawabanBody = z.object({
  tingkat: Tingkat,
  version: z.number().int().min(0).describe('version jawaban tingkat itu yang dibaca (0 bila belum ada); beda → 409 dengan current'),
  jawaban: Jawaban.nullable(),
  catatan: z.string().max(4000).nullable(),
  tautan: z.array(tautan).max(20),
  fakta: z.boolean().describe('lampirkan fakta catatan SIKIPER yang diusulkan untuk kriteria ini sebagai bukti (dibaca ulang saat disimpan)'),
});
export type SimpanJawabanBody = z.input<typeof SimpanJawabanBody>;
export const HasilJawaban = z.object({ kriteria: BarisKriteria, nilai: NilaiLke }).meta({ id: 'HasilJawaban' });
export type HasilJawaban = z.output<typeof HasilJawaban>;

export const LANGKAH = ['ajukan', 'kirim', 'setujui', 'kembalikan'] as const;
export const LangkahParams = TahunParams.extend({ langkah: z.enum(LANGKAH).describe('ajukan: OPD → evaluator; kirim: evaluator → supervisor; setujui: supervisor → final; kembalikan: satu tahap ke belakang') });
export const LangkahBody = z.object({ version: z.number().int().min(0), komentar: z.string().max(2000).optional() });
export type LangkahBody = z.input<typeof LangkahBody>;

export const BuktiLkeParams = z.object({ id: z.uuid('id bukti tidak sah') });
export const HapusBuktiParams = TahunParams.extend({ id: z.uuid('id bukti tidak sah') });

export const DaftarKriteria = z.object({ versi: z.array(VersiKriteria), bawaan: VersiKriteria }).meta({ id: 'DaftarKriteria' });
export type DaftarKriteria = z.output<typeof DaftarKriteria>;

export const RekapParams = PemdaParams.extend({ tahun: TahunParams.shape.tahun });
export const BarisRekap = z.object({
  opd: z.string(),
  nama: z.string(),
  tahap: z.enum(['ringkas', 'mandiri', 'evaluator', 'supervisor', 'final']).nullable().describe('ringkas: evaluasi dua belas persentase; null: belum dievaluasi'),
  total: z.number().nullable(),
  predikat: Predikat.nullable(),
  peringkat: z.number().int().nullable(),
  komponen: z.array(z.object({ kode: z.string(), nama: z.string(), bobot: z.number(), nilai: z.number() })),
  rekomendasi: z.number().int(),
  rekomendasiSelesai: z.number().int(),
});
export const RekapLke = z.object({ tahun: z.number().int(), baris: z.array(BarisRekap) }).meta({ id: 'RekapLke' });
export type RekapLke = z.output<typeof RekapLke>;
