/**
 * The SIKIPER dataset format, version 1.
 *
 * One dataset holds one pemda with its RPJMD, its perangkat daerah (OPD) and, per OPD,
 * the Renstra, the yearly documents (Renja, DPA, Perjanjian Kinerja), the realisasi and the
 * narrative of the LKJIP. It is what `sikiper import` reads and `sikiper export` writes, and
 * it is the shape the calculation tables are built from.
 *
 * Conventions:
 * - Every code (`kode`) is unique within its scope and is how other parts refer to it.
 * - Money is whole rupiah (`Rupiah`), never a float with cents.
 * - A year is always a calendar year (`tahun: 2023`), never "tahun ke-2".
 * - Figures the seed published but that contradict the rest of the data are not stored here
 *   as facts; the ones the model has a place for (the PK's own budget rows, a target as
 *   printed in an evaluation table) keep their published value, so that `sikiper check` can
 *   report the difference.
 */
import { z } from 'zod';

export const DATASET_FORMAT = 'sikiper-dataset';
export const DATASET_VERSION = 1;

const text = z.string().trim().min(1);
const kode = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._\-#/]+$/, 'kode hanya boleh berisi huruf, angka dan . _ - # /');
const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug hanya huruf kecil, angka dan tanda hubung');
const tahun = z.number().int().min(1990).max(2100);
/** Whole rupiah, exact (safe integer). */
export const Rupiah = z
  .number()
  .int('rupiah harus bilangan bulat')
  .nonnegative()
  .refine(Number.isSafeInteger, 'nilai rupiah terlalu besar');
/** A measured or planned value: a finite decimal number. */
export const Angka = z.number().finite();
const tanggal = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'tanggal berformat YYYY-MM-DD');
const triwulan = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

// ---------------------------------------------------------------- settings

export const RatingBand = z.strictObject({
  /** Lower bound, inclusive, in percent. */
  min: z.number(),
  label: text,
  /** CSS colour used by the dashboard and reports. */
  warna: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
});
export const RatingScale = z.strictObject({
  nama: text,
  /** Bands from the highest to the lowest; a value belongs to the first band whose min it reaches. */
  bands: z.array(RatingBand).min(1),
});

export const LowerIsBetterFormula = z.enum([
  /** (T - (R - T)) / T x 100 = (2T - R) / T x 100, the seed's rule. */
  'selisih',
  /** T / R x 100. */
  'rasio-terbalik',
  /** (2T - R) / T x 100, floored at 0. */
  'selisih-min-nol',
]);

/** The licence the pemda publishes its open data under (docs/open-data.md); absent: CC BY 4.0. */
export const Lisensi = z.strictObject({
  nama: text.max(120),
  url: z.url({ protocol: /^https?$/ }).max(500),
});

export const Pengaturan = z.strictObject({
  skala: RatingScale,
  rumusNegatif: LowerIsBetterFormula.default('selisih'),
  lisensi: Lisensi.optional(),
});

// ---------------------------------------------------------------- indicators

export const Polaritas = z.enum(['positif', 'negatif']);
/** How quarterly values combine into the yearly value. */
export const Agregasi = z.enum(['jumlah', 'akhir', 'rata-rata', 'rasio']);

export const Formula = z.strictObject({
  /** The formula as the IKU document writes it. */
  teks: text,
  /** For computed indicators: what the numerator counts. */
  pembilang: text.optional(),
  /** For computed indicators: what the denominator counts. */
  penyebut: text.optional(),
  /** Multiplier applied to pembilang / penyebut (100 for percentages). */
  pengali: z.number().positive().default(100),
});

/**
 * Binds an indicator's realisasi to the OPD's registers: formulas (docs/formula.md) over register
 * aggregates, evaluated per quarter. The quarters then combine by the indicator's `agregasi` as
 * entered realisasi would. See docs/registers.md.
 */
export const RumusIndikator = z
  .strictObject({
    /** One formula giving the value (already multiplied, e.g. a percentage). */
    nilai: text.optional(),
    /** Or a numerator and a denominator formula; the value is pembilang / penyebut x the formula's pengali. */
    pembilang: text.optional(),
    penyebut: text.optional(),
    /** The value when the denominator is 0 (e.g. 0 when nobody was certified yet); otherwise such a quarter cannot be computed. */
    bilaPenyebutNol: z.number().finite().optional(),
    /**
     * What each evaluation sees: `triwulan` the quarter's months, `kumulatif` January to the
     * quarter's end, `tahunan` one evaluation for the whole year (a yearly value).
     */
    periode: z.enum(['triwulan', 'kumulatif', 'tahunan']).default('triwulan'),
    /** First year the registers are kept; earlier years use entered realisasi. */
    dariTahun: tahun,
    /** Last year the binding applies (absent: every later year); later years use entered realisasi. */
    sampaiTahun: tahun.optional(),
    /** Quarters (or, without triwulan, the year) whose figures cannot be derived from the register rows: imported as published, with why. */
    impor: z
      .array(
        z.strictObject({
          /** Year of the figure. */
          tahun,
          triwulan: triwulan.optional(),
          nilai: Angka.optional(),
          pembilang: Angka.optional(),
          penyebut: Angka.optional(),
          keterangan: text,
        }),
      )
      .default([]),
  })
  .refine((r) => (r.nilai !== undefined) !== (r.pembilang !== undefined || r.penyebut !== undefined), {
    message: 'isi "nilai", atau "pembilang" dan "penyebut"',
  })
  .refine((r) => (r.pembilang === undefined) === (r.penyebut === undefined), { message: '"pembilang" dan "penyebut" diisi bersama' });

export const NilaiTahun = z.strictObject({
  tahun,
  nilai: Angka,
  /** A grade printed with the value, e.g. "BB" for a SAKIP score. */
  predikat: z.string().trim().optional(),
});

export const Indikator = z.strictObject({
  kode,
  nama: text,
  satuan: text,
  polaritas: Polaritas.default('positif'),
  agregasi: Agregasi.default('akhir'),
  /** Decimals a published realisasi is rounded to before capaian is computed. */
  desimal: z.number().int().min(0).max(6).default(2),
  formula: Formula.optional(),
  /** When set, the realisasi is computed from the OPD's registers instead of entered. */
  rumus: RumusIndikator.optional(),
  sumberData: z.string().trim().optional(),
  /** Codes of the units responsible for the data. */
  penanggungJawab: z.array(kode).default([]),
  /** True when the indicator is an IKU of the OPD. */
  iku: z.boolean().default(false),
  baseline: NilaiTahun.optional(),
  target: z.array(NilaiTahun).default([]),
  /** Target at the end of the Renstra period (kondisi kinerja akhir periode). */
  targetAkhir: NilaiTahun.optional(),
});

// ---------------------------------------------------------------- pemda and RPJMD

export const Pejabat = z.strictObject({
  nama: text,
  nip: z.string().regex(/^\d{18}$/, 'NIP terdiri dari 18 angka').optional(),
  pangkat: z.string().trim().optional(),
  jabatan: text,
  /** Unit code within the OPD, when the official heads or belongs to one. */
  unit: kode.optional(),
  mulai: tanggal.optional(),
  selesai: tanggal.optional(),
});

export const IndikatorDaerah = Indikator.extend({
  /** RPJMD sasaran code this indicator measures. */
  sasaran: kode,
  /** OPD slugs that carry the indicator. */
  pengampu: z.array(slug).default([]),
  realisasi: z
    .array(
      NilaiTahun.extend({
        sumber: z.string().trim().optional(),
      }),
    )
    .default([]),
  /** Values of other regions for comparison (province, national). */
  pembanding: z
    .array(z.strictObject({ tahun, wilayah: text, nilai: Angka }))
    .default([]),
});

export const Rpjmd = z.strictObject({
  periodeAwal: tahun,
  periodeAkhir: tahun,
  nomorDokumen: z.string().trim().optional(),
  visi: text,
  misi: z.array(z.strictObject({ kode, nomor: z.number().int().positive(), uraian: text })),
  tujuan: z.array(z.strictObject({ kode, misi: kode, uraian: text })),
  sasaran: z.array(z.strictObject({ kode, tujuan: kode, uraian: text })),
  indikator: z.array(IndikatorDaerah).default([]),
});

export const Pemda = z.strictObject({
  slug,
  nama: text,
  jenis: z.enum(['provinsi', 'kabupaten', 'kota']),
  provinsi: z.string().trim().optional(),
  ibukota: z.string().trim().optional(),
  pejabat: z.array(Pejabat).default([]),
  pengaturan: Pengaturan,
  rpjmd: z.array(Rpjmd).default([]),
});

// ---------------------------------------------------------------- OPD profile

export const Unit = z.strictObject({
  kode,
  nama: text,
  jenis: z.enum(['pimpinan', 'sekretariat', 'subbagian', 'bidang', 'seksi', 'uptd', 'fungsional']),
  induk: kode.optional(),
  tugas: z.string().trim().optional(),
  fungsi: z.array(text).default([]),
});

export const ProfilOpd = z.strictObject({
  kedudukan: z.string().trim().optional(),
  tugas: z.string().trim().optional(),
  fungsi: z.array(text).default([]),
  dasarHukumOrganisasi: z.string().trim().optional(),
  isuStrategis: z.array(text).default([]),
  arahKebijakan: z.array(text).default([]),
  /** The regulations the LKJIP lists as its legal basis (BAB I). */
  dasarHukumLaporan: z.array(text).default([]),
});

// ---------------------------------------------------------------- Renstra and IKU

export const Tujuan = z.strictObject({
  kode,
  uraian: text,
  /** RPJMD tujuan code this tujuan supports. */
  rpjmdTujuan: kode.optional(),
  indikator: z.array(Indikator).default([]),
});

export const Sasaran = z.strictObject({
  kode,
  /** Number as the LKJIP orders the sasaran ("Sasaran 1"). */
  nomor: z.number().int().positive(),
  tujuan: kode,
  uraian: text,
  /** RPJMD sasaran code this sasaran supports. */
  rpjmdSasaran: kode.optional(),
  indikator: z.array(Indikator).min(1),
});

export const IkuVersi = z.strictObject({
  versi: z.number().int().nonnegative(),
  nama: text,
  nomorDokumen: z.string().trim().optional(),
  tanggal: tanggal.optional(),
  baris: z.array(
    z.strictObject({
      sasaran: kode,
      /** The Renstra indicator this IKU row is; absent when the row names an indicator the Renstra does not have. */
      indikator: kode.optional(),
      nama: text,
      formula: text,
      sumberData: z.string().trim().optional(),
      penanggungJawab: z.string().trim().optional(),
    }),
  ),
});

export const Renstra = z.strictObject({
  periodeAwal: tahun,
  periodeAkhir: tahun,
  nomorDokumen: z.string().trim().optional(),
  tujuan: z.array(Tujuan).min(1),
  sasaran: z.array(Sasaran).min(1),
  iku: z.array(IkuVersi).default([]),
});

// ---------------------------------------------------------------- Renja and budget

export const LevelRenja = z.enum(['urusan', 'bidang-urusan', 'program', 'kegiatan', 'sub-kegiatan']);

export const IndikatorRenja = z.strictObject({
  kode,
  nama: text,
  /** Target of the Renja, as a number with its unit. */
  target: Angka.optional(),
  /** The target as written when it is not a plain number ("14 Bulan", "79,17 BB"). */
  targetTeks: z.string().trim().optional(),
  satuan: z.string().trim().optional(),
  /** Target of the Renstra for this year, when an evaluation table prints a different one. */
  targetRenstra: Angka.optional(),
  polaritas: Polaritas.default('positif'),
});

export const NodeRenja = z.strictObject({
  /** Nomenclature code (Kepmendagri 050-5889/2021), e.g. 2.07.03.2.01.0001. */
  kode,
  level: LevelRenja,
  induk: kode.optional(),
  nama: text,
  lokasi: z.string().trim().optional(),
  indikator: z.array(IndikatorRenja).default([]),
  /** Pagu as the Renja records it. Absent for urusan rows. */
  pagu: Rupiah.optional(),
  sumberDana: z.string().trim().optional(),
  /** Unit code in charge. */
  unit: kode.optional(),
  catatan: z.string().trim().optional(),
  /** For programs: the sasaran codes the program supports. */
  sasaran: z.array(kode).default([]),
});

export const RenjaVersi = z.strictObject({
  versi: z.enum(['murni', 'perubahan']),
  nama: z.string().trim().optional(),
  tanggal: tanggal.optional(),
  sumber: z.string().trim().optional(),
  node: z.array(NodeRenja).min(1),
});

export const KelompokBelanja = z.enum([
  'belanja',
  'operasi',
  'pegawai',
  'barang-jasa',
  'hibah',
  'modal',
  'modal-peralatan-mesin',
  'modal-gedung-bangunan',
]);

export const AnggaranVersi = z.strictObject({
  versi: z.enum(['dpa', 'dpa-perubahan']),
  tanggal: tanggal.optional(),
  sumber: z.string().trim().optional(),
  /** Pagu and realisasi per Renja node, as recorded at every level. */
  baris: z.array(z.strictObject({ kode, pagu: Rupiah, realisasi: Rupiah })),
  /** Pagu and realisasi per account group. */
  kelompok: z
    .array(z.strictObject({ kelompok: KelompokBelanja, pagu: Rupiah, realisasi: Rupiah }))
    .default([]),
});

// ---------------------------------------------------------------- Perjanjian Kinerja

export const Penandatangan = z.strictObject({
  nama: text,
  jabatan: text,
  nip: z.string().regex(/^\d{18}$/).optional(),
  pangkat: z.string().trim().optional(),
});

export const PerjanjianKinerja = z.strictObject({
  /** 0 = murni, 1 = perubahan I, 2 = perubahan II ... */
  versi: z.number().int().nonnegative(),
  nama: text,
  tanggal: tanggal.optional(),
  tempat: z.string().trim().optional(),
  pihakPertama: Penandatangan,
  pihakKedua: Penandatangan,
  kinerja: z
    .array(
      z.strictObject({
        sasaran: kode,
        indikator: kode,
        target: Angka,
        /** The target as printed ("1 Kawasan", "30%"). */
        targetTeks: z.string().trim().optional(),
      }),
    )
    .min(1),
  /** Program and kegiatan budget rows as the PK itself prints them. */
  anggaran: z
    .array(
      z.strictObject({
        program: kode,
        kegiatan: kode,
        pagu: Rupiah,
        sumberDana: z.string().trim().default('APBD'),
      }),
    )
    .default([]),
  penjelasan: z
    .array(
      z.strictObject({
        indikator: kode,
        uraianSasaran: text,
        relevansi: text,
        formulasi: text,
        sumberData: text,
        penjelasanTarget: text,
      }),
    )
    .default([]),
});

// ---------------------------------------------------------------- measurement

export const StatusRealisasi = z.enum(['draf', 'diajukan', 'ditolak', 'diverifikasi', 'disetujui']);

export const Realisasi = z.strictObject({
  /** Code of a Renstra indicator or a Renja indicator. */
  indikator: kode,
  /** 1..4 for a quarter; absent for a value that holds for the whole year. */
  triwulan: triwulan.optional(),
  nilai: Angka.optional(),
  pembilang: Angka.optional(),
  penyebut: Angka.optional(),
  predikat: z.string().trim().optional(),
  keterangan: z.string().trim().optional(),
  bukti: z.array(text).default([]),
  status: StatusRealisasi.default('disetujui'),
});

export const RencanaAksi = z.strictObject({
  indikator: kode,
  triwulan,
  target: Angka,
});

// ---------------------------------------------------------------- other indicator sets

export const Ikk = z.strictObject({
  nomor: z.number().int().positive(),
  nama: text,
  pembilangNama: text,
  pembilang: Angka,
  penyebutNama: text,
  penyebut: Angka,
  pengali: z.number().positive().default(100),
  satuan: z.string().trim().default('%'),
  /** The result as the source document publishes it. */
  hasilTerbit: Angka.optional(),
  sumber: z.string().trim().optional(),
});

export const Sdgs = z.strictObject({
  nomor: z.number().int().positive(),
  tujuanSdgs: text,
  /** Renja sub kegiatan code. */
  subKegiatan: kode,
  target: Angka,
  realisasi: Angka,
  satuan: text,
  sumber: z.string().trim().optional(),
});

// ---------------------------------------------------------------- narrative

export const NarasiSasaran = z.strictObject({
  sasaran: kode,
  output: z.array(text).default([]),
  outcome: z.array(text).default([]),
  sebab: z.array(text).default([]),
  solusi: z.array(text).default([]),
  kekuatan: z.array(text).default([]),
  upaya: z.array(text).default([]),
});

export const Narasi = z.strictObject({
  latarBelakang: z.array(text).default([]),
  maksudTujuan: z.array(text).default([]),
  kendala: z.array(text).default([]),
  langkahMengatasi: z.array(text).default([]),
  faktorKeberhasilan: z.array(text).default([]),
  permasalahan: z.array(text).default([]),
  langkahKedepan: z.array(text).default([]),
  penutup: z.array(text).default([]),
  /** Narrative on the regency IKU the OPD carries (causes and efforts). */
  ikuDaerah: z
    .array(z.strictObject({ indikator: kode, sebab: z.array(text).default([]), upaya: z.array(text).default([]) }))
    .default([]),
  sasaran: z.array(NarasiSasaran).default([]),
});

export const TindakLanjut = z.strictObject({
  rekomendasi: text,
  tindakLanjut: text,
  /** Year of the evaluation the recommendation came from. */
  tahunEvaluasi: tahun.optional(),
});

export const Penghargaan = z.strictObject({
  nama: text,
  pemberi: text,
  tanggal: tanggal.optional(),
});

// ---------------------------------------------------------------- per year

export const TahunOpd = z.strictObject({
  tahun,
  renja: z.array(RenjaVersi).default([]),
  anggaran: z.array(AnggaranVersi).default([]),
  pk: z.array(PerjanjianKinerja).default([]),
  rencanaAksi: z.array(RencanaAksi).default([]),
  realisasi: z.array(Realisasi).default([]),
  ikk: z.array(Ikk).default([]),
  sdgs: z.array(Sdgs).default([]),
  narasi: Narasi.optional(),
  tindakLanjut: z.array(TindakLanjut).default([]),
  penghargaan: z.array(Penghargaan).default([]),
  /** Place and date line of the LKJIP ("Tana Paser, Februari 2024"). */
  lkjip: z
    .strictObject({
      tempat: z.string().trim().optional(),
      tanggalTeks: z.string().trim().optional(),
      tanggalPenetapan: tanggal.optional(),
      nomorPenetapan: z.string().trim().optional(),
    })
    .optional(),
});

// ---------------------------------------------------------------- registers

/** Column types of a register (the formula language's names, src/formula/schema.ts). */
export const TipeKolom = z.enum(['teks', 'angka', 'tanggal', 'pilihan', 'ya-tidak', 'nama-orang', 'telepon']);
/** A name a formula can use: letters, digits and _, not starting with a digit. */
const namaRumus = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'nama hanya huruf, angka dan _ (tanpa spasi), tidak diawali angka')
  .max(64);
const bulan = z.number().int().min(1).max(12);

export const KolomRegister = z.strictObject({
  kode: namaRumus,
  nama: text,
  tipe: TipeKolom,
  /** The answers of a `pilihan` column. */
  pilihan: z.array(text).optional(),
  /** Personal data (address, birth date, ...). `nama-orang` and `telepon` columns are always personal. */
  pribadi: z.boolean().default(false),
  wajib: z.boolean().default(false),
});

export const PeriodeRegister = z.discriminatedUnion('jenis', [
  z.strictObject({ jenis: z.literal('tanggal'), kolom: namaRumus }),
  z.strictObject({ jenis: z.literal('bulan-tahun'), bulan: namaRumus, tahun: namaRumus }),
  z.strictObject({ jenis: z.literal('tanpa-periode') }),
]);

export const NilaiSel = z.union([z.string(), z.number().finite(), z.boolean(), z.null()]);

export const BarisRegister = z.strictObject({
  id: kode,
  nilai: z.record(z.string(), NilaiSel),
  keterangan: z.string().trim().optional(),
});

/**
 * Totals imported for months whose rows are missing (e.g. a list that starts in August): per
 * register aggregate as written in a formula (`hitung(kasus_hi, hasil = "PB")`), its value over
 * bulanDari..bulanSampai of the year.
 */
export const TotalImpor = z.strictObject({
  id: kode,
  tahun,
  bulanDari: bulan,
  bulanSampai: bulan,
  nilai: z.record(z.string(), Angka),
  keterangan: text,
});

export const Register = z.strictObject({
  /** The register's name in formulas, e.g. `kasus_hi`. */
  kode: namaRumus,
  nama: text,
  uraian: z.string().trim().optional(),
  /** The preset it was created from (src/dataset/register-preset.ts), if any. */
  preset: z.string().trim().optional(),
  /** Unit that keeps the register. */
  unit: kode.optional(),
  kolom: z.array(KolomRegister).min(1),
  periode: PeriodeRegister,
  baris: z.array(BarisRegister).default([]),
  totalImpor: z.array(TotalImpor).default([]),
});

export const Opd = z.strictObject({
  slug,
  nama: text,
  singkatan: z.string().trim().optional(),
  alamat: z.string().trim().optional(),
  telepon: z.string().trim().optional(),
  email: z.string().trim().optional(),
  website: z.string().trim().optional(),
  profil: ProfilOpd.optional(),
  unit: z.array(Unit).default([]),
  pejabat: z.array(Pejabat).default([]),
  renstra: z.array(Renstra).default([]),
  tahun: z.array(TahunOpd).default([]),
  /** Lists the OPD keeps (dispute cases, trainings, ...) that indicators are computed from. */
  register: z.array(Register).default([]),
});

export const Dataset = z.strictObject({
  format: z.literal(DATASET_FORMAT),
  version: z.literal(DATASET_VERSION),
  pemda: Pemda,
  opd: z.array(Opd).default([]),
});

export type Dataset = z.infer<typeof Dataset>;
export type DatasetInput = z.input<typeof Dataset>;
export type PemdaData = z.infer<typeof Pemda>;
export type OpdData = z.infer<typeof Opd>;
export type TahunOpdData = z.infer<typeof TahunOpd>;
export type RenstraData = z.infer<typeof Renstra>;
export type SasaranData = z.infer<typeof Sasaran>;
export type IndikatorData = z.infer<typeof Indikator>;
export type IndikatorDaerahData = z.infer<typeof IndikatorDaerah>;
export type NodeRenjaData = z.infer<typeof NodeRenja>;
export type IndikatorRenjaData = z.infer<typeof IndikatorRenja>;
export type AnggaranVersiData = z.infer<typeof AnggaranVersi>;
export type PerjanjianKinerjaData = z.infer<typeof PerjanjianKinerja>;
export type RealisasiData = z.infer<typeof Realisasi>;
export type RatingScaleData = z.infer<typeof RatingScale>;
export type LowerIsBetterFormulaData = z.infer<typeof LowerIsBetterFormula>;
export type IkkData = z.infer<typeof Ikk>;
export type SdgsData = z.infer<typeof Sdgs>;
export type RegisterData = z.infer<typeof Register>;
export type KolomRegisterData = z.infer<typeof KolomRegister>;
export type BarisRegisterData = z.infer<typeof BarisRegister>;
export type TotalImporData = z.infer<typeof TotalImpor>;
export type RumusIndikatorData = z.infer<typeof RumusIndikator>;
export type NilaiSelData = z.infer<typeof NilaiSel>;
