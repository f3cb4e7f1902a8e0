/**
 * Shapes of the document routes (src/server/routes/dokumen.ts): the documents an OPD-year can
 * have (GET …/dokumen), a download or a document job (…/dokumen/:jenis, …/dokumen/:jenis/tugas,
 * /api/pemda/:pemda/tugas/:id) and the LKJIP preview whose every figure names its source
 * (GET …/pratinjau).
 */
import { z } from 'zod';
import { FORMAT_DOKUMEN, JENIS_DOKUMEN } from '../report/jenis.ts';
import type { Pratinjau } from '../report/pratinjau.ts';
import { type Benar, Galat, PemdaParams, TahunParams } from './umum.ts';

export type { FormatDokumen, JenisDokumen } from '../report/jenis.ts';

export const DokumenParams = TahunParams.extend({ jenis: z.enum(JENIS_DOKUMEN).describe('lkjip, pk (Perjanjian Kinerja), triwulan (monitoring triwulan), renstra, iku, renja, rencana-aksi, tindak-lanjut (tindak lanjut hasil evaluasi) atau lhe (laporan hasil evaluasi akuntabilitas kinerja)') });
export const DokumenQuery = z.object({
  format: z.enum(FORMAT_DOKUMEN).optional().describe('docx atau pdf untuk lkjip, pk, renstra, iku, renja, rencana-aksi, tindak-lanjut dan lhe (bawaan docx); xlsx untuk triwulan'),
  versi: z.coerce.number().int('versi PK bilangan bulat').min(0, 'versi PK 0 atau lebih').optional().describe('versi Perjanjian Kinerja (0 = murni, 1 = perubahan I, ...); bawaan: versi terakhir'),
  triwulan: z.coerce.number().int().min(1, 'triwulan 1 sampai 4').max(4, 'triwulan 1 sampai 4').optional().describe('monitoring triwulan: sampai triwulan ini (bawaan 4)'),
});

export const DokumenBody = z
  .strictObject({
    format: DokumenQuery.shape.format,
    versi: z.number().int('versi PK bilangan bulat').min(0, 'versi PK 0 atau lebih').optional().describe(DokumenQuery.shape.versi.description ?? ''),
    triwulan: z.number().int().min(1, 'triwulan 1 sampai 4').max(4, 'triwulan 1 sampai 4').optional().describe(DokumenQuery.shape.triwulan.description ?? ''),
  })
  .describe('dokumen yang diminta; sama dengan query unduhan langsung');
export type DokumenBody = z.input<typeof DokumenBody>;

export const TugasDokumen = z
  .object({
    id: z.string(),
    status: z.enum(['antre', 'berjalan', 'selesai', 'gagal']).describe('antre: menunggu giliran; berjalan: sedang disusun; selesai: berkas siap di …/berkas; gagal: lihat galat'),
    posisi: z.number().int().nullable().describe('urutan dalam antrean (1 = berikutnya); null bila tidak menunggu'),
    galat: Galat.optional().describe('mengapa dokumen gagal dibuat'),
  })
  .meta({ id: 'TugasDokumen' });
export type TugasDokumen = z.output<typeof TugasDokumen>;
export const TugasParams = PemdaParams.extend({ id: z.uuid('id tugas tidak sah') });
export const AntreanPenuh = Galat.describe('antrean penuh (header Retry-After: detik)');

export const DaftarDokumen = z.object({
  dokumen: z.array(z.object({ jenis: z.enum(JENIS_DOKUMEN), format: z.array(z.enum(FORMAT_DOKUMEN)) })),
  pk: z.array(z.object({ versi: z.number().int(), nama: z.string(), tanggal: z.string().nullable() })).describe('versi Perjanjian Kinerja tahun ini, terbaru dahulu'),
});
export type DaftarDokumen = z.output<typeof DaftarDokumen>;

// ---------------------------------------------------------------- LKJIP preview (src/report/pratinjau.ts)

export const JejakEntri = z.object({ aksi: z.enum(['isi', 'ajukan', 'verifikasi', 'setujui', 'tolak']), oleh: z.string().describe('username'), pada: z.string(), komentar: z.string().optional() });
export type JejakEntri = z.output<typeof JejakEntri>;
export const SelPratinjau = z.object({ teks: z.string(), ref: z.string().optional().describe('kunci ke sumber'), tebal: z.boolean().optional(), lebar: z.number().int().optional(), rata: z.literal('kanan').optional() });
export type SelPratinjau = z.output<typeof SelPratinjau>;
export const TabelPratinjau = z.object({ id: z.string(), judul: z.string(), kepala: z.array(z.string()), baris: z.array(z.array(SelPratinjau)) });
export type TabelPratinjau = z.output<typeof TabelPratinjau>;
const Ukuran = z.object({ target: z.string(), realisasi: z.string(), capaian: z.string() });
export const EntriSumber = z.object({
  triwulan: z.number().int().nullable(),
  targetTriwulan: z.number().nullable(),
  nilai: z.number().nullable(),
  pembilang: z.number().nullable(),
  penyebut: z.number().nullable(),
  hasil: z.string(),
  status: z.enum(['kosong', 'draf', 'diajukan', 'ditolak', 'diverifikasi', 'disetujui']),
  dihitung: z.boolean(),
  keterangan: z.string().nullable(),
  jejak: z.array(JejakEntri).describe('kosong untuk nilai hasil impor dataset'),
});
export type EntriSumber = z.output<typeof EntriSumber>;
export const SumberPratinjau = z.discriminatedUnion('jenis', [
  z.object({
    jenis: z.literal('indikator'),
    kode: z.string(),
    nama: z.string(),
    satuan: z.string(),
    sasaran: z.object({ nomor: z.number(), uraian: z.string() }),
    polaritas: z.enum(['positif', 'negatif']),
    agregasi: z.enum(['jumlah', 'akhir', 'rata-rata', 'rasio']),
    caraAgregasi: z.string(),
    desimal: z.number().int(),
    formula: z.object({ teks: z.string(), pembilang: z.string().nullable(), penyebut: z.string().nullable(), pengali: z.number() }).nullable(),
    sumberData: z.string().nullable(),
    penanggungJawab: z.array(z.string()),
    aturanCapaian: z.string(),
    sumberTarget: z.enum(['pk', 'renstra', 'tidak-ada']),
    tahunIni: Ukuran.extend({ predikat: z.string().nullable(), realisasiSebelumPembulatan: z.string() }),
    tahunLalu: Ukuran,
    targetAkhirRenstra: z.object({ target: z.string(), capaian: z.string() }),
    entri: z.array(EntriSumber),
  }),
  z.object({
    jenis: z.literal('sasaran'),
    kode: z.string(),
    nomor: z.number(),
    uraian: z.string(),
    capaian: z.string(),
    predikat: z.string().nullable(),
    capaianTahunLalu: z.string(),
    cara: z.string(),
    indikator: z.array(z.object({ ref: z.string(), nama: z.string(), capaian: z.string(), capaianTahunLalu: z.string() })),
  }),
  z.object({ jenis: z.literal('rata-rata'), capaian: z.string(), predikat: z.string().nullable(), cara: z.string(), sasaran: z.array(z.object({ ref: z.string(), nomor: z.number(), capaian: z.string() })) }),
  z.object({ jenis: z.literal('anggaran'), kode: z.string(), nama: z.string(), level: z.string(), pagu: z.string(), realisasi: z.string(), sisa: z.string(), serapan: z.string(), dokumen: z.string(), cara: z.string() }),
  z.object({
    jenis: z.literal('efisiensi'),
    nomor: z.number().nullable(),
    uraian: z.string(),
    capaianKinerja: z.string(),
    serapan: z.string(),
    efisiensi: z.string(),
    cara: z.string(),
    program: z.array(z.object({ ref: z.string(), nama: z.string(), serapan: z.string() })),
  }),
]);
export type SumberPratinjau = z.output<typeof SumberPratinjau>;
export const PratinjauLkjip = z
  .object({
    pemda: z.string(),
    opd: z.object({ slug: z.string(), nama: z.string() }),
    tahun: z.number().int(),
    skala: z.object({ nama: z.string(), bands: z.array(z.object({ min: z.number(), label: z.string(), warna: z.string().nullable() })) }),
    tabel: z.array(TabelPratinjau),
    sumber: z.record(z.string(), SumberPratinjau).describe('asal setiap angka, menurut ref sel'),
    narasi: z.array(z.object({ judul: z.string(), isi: z.array(z.string()).describe('kosong: belum ditulis') })),
    belumDiisi: z.array(z.object({ bagian: z.string(), teks: z.string() })).describe('narasi yang ditandai kosong di draf LKJIP'),
  })
  .meta({ id: 'PratinjauLkjip' });
export type PratinjauLkjip = z.output<typeof PratinjauLkjip>;

/** Compiles only for `true`. */
/**
 * The preview src/report/pratinjau.ts builds and this schema are one shape, checked by the
 * compiler both ways: the report's Pratinjau can be sent through the schema, and what the
 * schema promises the browser is no more than the report builds.
 */
export type PratinjauSesuaiLaporan = Benar<Pratinjau extends z.input<typeof PratinjauLkjip> ? (PratinjauLkjip extends Pratinjau ? true : false) : false>;
