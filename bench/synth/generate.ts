/**
 * Deterministic synthetic datasets shaped like the reference dataset (fixtures/paser-2023), at
 * the size of a whole kabupaten or of the whole country, for benchmarks and load tests.
 *
 * Rules the output keeps, so that it passes `Dataset.parse`, `checkReferences` and the budget
 * rules of `periksaDataset`:
 * - every object is already in the parsed shape (defaults filled in), so `Dataset.parse(d)`
 *   returns a deep-equal copy;
 * - pagu and realisasi of a program and a kegiatan are the sums of their children, the account
 *   groups add up and equal the programs' total, realisasi never exceeds pagu, and the Renja,
 *   the DPA and the PK print the same pagu;
 * - the number of indicators per OPD-year is exactly the requested one.
 *
 * Everything is drawn from a seeded PRNG; each OPD and each year draws from its own stream
 * (`Prng.fork`), so the same seed always gives the same dataset.
 */
import { DATASET_FORMAT, DATASET_VERSION } from '../../src/dataset/schema.ts';
import { SKALA_EMPAT_TINGKAT } from '../../src/engine/skala.ts';
import type {
  AnggaranVersiData,
  Dataset,
  IkkData,
  IndikatorData,
  IndikatorRenjaData,
  NodeRenjaData,
  OpdData,
  PemdaData,
  PerjanjianKinerjaData,
  RealisasiData,
  RenstraData,
  SasaranData,
  SdgsData,
  TahunOpdData,
} from '../../src/dataset/schema.ts';
import {
  AKSI_SUB,
  ANGKA_ROMAWI,
  BULAN,
  GELAR_BELAKANG,
  KATA_KEGIATAN,
  KATA_PROGRAM,
  KEGIATAN_PENUNJANG,
  KUALIFIKASI_KEGIATAN,
  KUALITAS_SASARAN,
  MISI,
  NAMA_BIDANG_URUSAN,
  NAMA_KELUARGA,
  NAMA_LAKI,
  NAMA_PEREMPUAN,
  NAMA_URUSAN,
  namaTempat,
  OBJEK_BIRO,
  OBJEK_KECAMATAN,
  SASARAN_RPJMD,
  SDGS,
  SUB_PENUNJANG_LAIN,
  TEMPLATE_OPD,
  TUJUAN_RPJMD,
  type TemplateOpd,
} from './kosakata.ts';
import { Prng, splitInteger } from './prng.ts';

type Unit = OpdData['unit'][number];
type Pejabat = OpdData['pejabat'][number];
type Tujuan = RenstraData['tujuan'][number];
type Rpjmd = PemdaData['rpjmd'][number];
type IndikatorDaerah = Rpjmd['indikator'][number];
type RencanaAksi = TahunOpdData['rencanaAksi'][number];
type Kelompok = AnggaranVersiData['kelompok'][number];
type Polaritas = IndikatorData['polaritas'];
type Triwulan = 1 | 2 | 3 | 4;

export type JenisPemda = PemdaData['jenis'];

export interface UkuranPemda {
  /** Number of perangkat daerah. */
  opd: number;
  /** First year of data; the Renstra and RPJMD start here. */
  tahunAwal: number;
  /** Number of years of data. */
  tahun: number;
  /** Indicators per OPD and year: Renstra tujuan and sasaran indicators plus Renja indicators. */
  indikatorPerOpdTahun: number;
}

export const UKURAN = {
  /** For unit tests: one OPD, one year, a handful of indicators. */
  tiny: { opd: 1, tahunAwal: 2023, tahun: 1, indikatorPerOpdTahun: 10 },
  /** For tests that need several OPDs and a previous year. */
  kecil: { opd: 3, tahunAwal: 2022, tahun: 2, indikatorPerOpdTahun: 40 },
  /** A kabupaten over one Renstra period. */
  kabupaten: { opd: 40, tahunAwal: 2021, tahun: 5, indikatorPerOpdTahun: 200 },
} as const satisfies Record<string, UkuranPemda>;

export interface OpsiPemda extends Partial<UkuranPemda> {
  seed: number;
  /** Default: from the generated name ("kabupaten-tanjung-harapan"). */
  slug?: string;
  jenis?: JenisPemda;
}

/** The smallest OPD-year the generator can shape: one tujuan and one sasaran indicator, one program > kegiatan > sub kegiatan. */
export const INDIKATOR_MINIMUM = 5;

/** The reference dataset's four-band scale. */
const SKALA: PemdaData['pengaturan']['skala'] = { nama: SKALA_EMPAT_TINGKAT.nama, bands: SKALA_EMPAT_TINGKAT.bands.map((b) => ({ ...b })) };

// ---------------------------------------------------------------- small helpers

const r2 = (x: number): number => Math.round(x * 100) / 100;
const setengah = (x: number): number => Math.round(x * 2) / 2;
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** "30%", "77,92", "12 Dokumen": the way a PK prints a target. */
function teksTarget(nilai: number, satuan: string): string {
  const angka = String(nilai).replace('.', ',');
  if (satuan === '%') return `${angka}%`;
  if (satuan === 'Indeks' || satuan === 'Nilai' || satuan === 'Skor') return angka;
  return `${angka} ${satuan}`;
}

function ukuran(opsi: Partial<UkuranPemda>): UkuranPemda {
  const u = { ...UKURAN.kabupaten, ...definedOnly(opsi) };
  if (!Number.isInteger(u.opd) || u.opd < 1) throw new RangeError(`jumlah OPD harus bilangan bulat >= 1 (diberikan ${u.opd})`);
  if (!Number.isInteger(u.tahun) || u.tahun < 1) throw new RangeError(`jumlah tahun harus bilangan bulat >= 1 (diberikan ${u.tahun})`);
  if (!Number.isInteger(u.tahunAwal) || u.tahunAwal < 1991 || u.tahunAwal + u.tahun > 2100) throw new RangeError(`tahun awal di luar rentang (diberikan ${u.tahunAwal})`);
  if (!Number.isInteger(u.indikatorPerOpdTahun) || u.indikatorPerOpdTahun < INDIKATOR_MINIMUM) {
    throw new RangeError(`indikator per OPD-tahun minimal ${INDIKATOR_MINIMUM} (diberikan ${u.indikatorPerOpdTahun})`);
  }
  return u;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

// ---------------------------------------------------------------- values

/**
 * How an indicator's values are entered and combined over the year. Renja indicators are
 * measured as "posisi akhir" by the tables, so they only use the last three kinds.
 */
type JenisNilai =
  /** Mean of quarterly ratios (the seed's IKU 1). */
  | 'persen-rata-rata'
  /** Summed numerators over summed denominators (the seed's IKU 2). */
  | 'persen-rasio'
  /** A count summed over the quarters. */
  | 'jumlah'
  /** An index, score or rate: the last quarter's value. */
  | 'posisi'
  /** A SAKIP score with its grade, posisi akhir. */
  | 'skor'
  /** A cumulative percentage from a numerator and a fixed denominator, posisi akhir. */
  | 'persen-posisi'
  /** A cumulative count, posisi akhir. */
  | 'kumulatif';

const AGREGASI: Record<JenisNilai, IndikatorData['agregasi']> = {
  'persen-rata-rata': 'rata-rata',
  'persen-rasio': 'rasio',
  jumlah: 'jumlah',
  posisi: 'akhir',
  skor: 'akhir',
  'persen-posisi': 'akhir',
  kumulatif: 'akhir',
};

interface RencanaNilai {
  jenis: JenisNilai;
  polaritas: Polaritas;
  satuan: string;
  /** The year before the first (baseline). */
  awal: number;
  /** Target per year, index 0 = tahunAwal. */
  target: number[];
}

/** Targets over the years: percentages and indices creep towards their ceiling, rates fall, counts grow. */
function lintasan(rng: Prng, jenis: JenisNilai, polaritas: Polaritas, satuan: string, tahun: number, rentang?: readonly [number, number]): RencanaNilai {
  const target: number[] = [];
  let awal: number;
  if (jenis === 'jumlah' || jenis === 'kumulatif') {
    const [lo, hi] = rentang ?? [10, 500];
    awal = rng.int(lo, hi);
    const tumbuh = lo === hi ? 0 : rng.float(0, 0.08);
    for (let k = 0; k < tahun; k++) target.push(Math.max(1, Math.round(awal * (1 + tumbuh) ** (k + 1))));
  } else if (jenis === 'skor') {
    awal = r2(rng.float(55, 72));
    const langkah = rng.float(1, 3);
    for (let k = 0; k < tahun; k++) target.push(r2(Math.min(88, awal + langkah * (k + 1))));
  } else if (polaritas === 'negatif') {
    awal = r2(rng.float(4, 30));
    const langkah = rng.float(0.1, 1);
    for (let k = 0; k < tahun; k++) target.push(r2(Math.max(0.5, awal - langkah * (k + 1))));
  } else if (satuan === '%') {
    awal = Math.round(rng.float(35, 85));
    const langkah = rng.float(0.5, 3);
    for (let k = 0; k < tahun; k++) target.push(Math.min(100, setengah(awal + langkah * (k + 1))));
  } else {
    awal = r2(rng.float(62, 82));
    const langkah = rng.float(0.3, 1.5);
    for (let k = 0; k < tahun; k++) target.push(r2(Math.min(95, awal + langkah * (k + 1))));
  }
  return { jenis, polaritas, satuan, awal, target };
}

/** How well a unit did against its target: mostly close to it, some short, a few far off or well over. */
function faktorCapaian(rng: Prng): number {
  const x = rng.next();
  if (x < 0.68) return rng.float(0.92, 1.08);
  if (x < 0.88) return rng.float(0.65, 0.92);
  if (x < 0.97) return rng.float(1.08, 1.35);
  return rng.float(0.2, 0.65);
}

interface Entri {
  triwulan: Triwulan;
  nilai?: number;
  pembilang?: number;
  penyebut?: number;
  predikat?: string;
}

function predikatSakip(nilai: number): string {
  if (nilai > 90) return 'AA';
  if (nilai > 80) return 'A';
  if (nilai > 70) return 'BB';
  if (nilai > 60) return 'B';
  if (nilai > 50) return 'CC';
  if (nilai > 30) return 'C';
  return 'D';
}

const TRIWULAN: readonly Triwulan[] = [1, 2, 3, 4];

/** The four quarterly entries that make a yearly value of about `capai`. */
function entriTriwulan(rng: Prng, jenis: JenisNilai, capai: number): Entri[] {
  switch (jenis) {
    case 'persen-rata-rata': {
      const a = Math.min(100, capai);
      const nolAwal = rng.chance(0.1);
      const rasio = TRIWULAN.map(() => rng.float(0.8, 1.2));
      const rata = rasio.reduce((s, x) => s + x, 0) / 4;
      return TRIWULAN.map((q, i) => {
        if (nolAwal && q === 1) return { triwulan: q, nilai: 0 };
        const persen = Math.min(100, (a * (rasio[i] ?? 1)) / rata);
        const penyebut = rng.int(12, 250);
        return { triwulan: q, pembilang: Math.min(penyebut, Math.round((persen * penyebut) / 100)), penyebut };
      });
    }
    case 'persen-rasio': {
      const a = Math.min(100, capai);
      return TRIWULAN.map((q) => {
        const penyebut = rng.int(5, 120);
        const p = Math.round(((a * rng.float(0.85, 1.15)) / 100) * penyebut);
        return { triwulan: q, pembilang: Math.max(0, Math.min(penyebut, p)), penyebut };
      });
    }
    case 'persen-posisi': {
      const penyebut = rng.int(20, 500);
      const akhir = Math.min(penyebut, Math.round((Math.min(100, capai) * penyebut) / 100));
      const naik = [rng.float(0.1, 0.3), rng.float(0.35, 0.6), rng.float(0.65, 0.9), 1];
      return TRIWULAN.map((q, i) => ({ triwulan: q, pembilang: Math.round(akhir * (naik[i] ?? 1)), penyebut }));
    }
    case 'jumlah': {
      const total = Math.max(0, Math.round(capai));
      return splitInteger(rng, total, 4).map((nilai, i) => ({ triwulan: TRIWULAN[i] ?? 4, nilai }));
    }
    case 'kumulatif': {
      const total = Math.max(0, Math.round(capai));
      return TRIWULAN.map((q) => ({ triwulan: q, nilai: Math.round((total * q) / 4) }));
    }
    case 'posisi': {
      const akhir = r2(Math.max(0, capai));
      return TRIWULAN.map((q) => ({ triwulan: q, nilai: q === 4 ? akhir : r2(akhir * rng.float(0.9, 1.02)) }));
    }
    case 'skor': {
      const akhir = r2(Math.min(100, capai));
      const lalu = r2(akhir * rng.float(0.93, 0.99));
      return TRIWULAN.map((q) => (q === 4 ? { triwulan: q, nilai: akhir, predikat: predikatSakip(akhir) } : { triwulan: q, nilai: lalu, predikat: predikatSakip(lalu) }));
    }
  }
}

/** Realisasi rows of one indicator-year, including the occasional unfilled or draft ones. */
function realisasiIndikator(rng: Prng, kode: string, rencana: RencanaNilai, k: number, bukti: readonly string[], peluangKosong: number): RealisasiData[] {
  const target = rencana.target[k] ?? rencana.awal;
  if (rng.chance(peluangKosong)) {
    // Rows a unit opened and never filled in: drafts do not count, so the indicator reads "belum diisi".
    return TRIWULAN.map((q) => ({ indikator: kode, triwulan: q, keterangan: 'Belum diisi oleh unit pengampu', bukti: [], status: 'draf' }));
  }
  const f = faktorCapaian(rng);
  const capai = rencana.polaritas === 'negatif' ? target * (2 - f) : target * f;
  const q4Draf = rng.chance(peluangKosong);
  const status: RealisasiData['status'] = rng.chance(0.1) ? 'diverifikasi' : 'disetujui';
  return entriTriwulan(rng, rencana.jenis, capai).map((e): RealisasiData => {
    if (q4Draf && e.triwulan === 4) {
      return { indikator: kode, triwulan: 4, keterangan: 'Data triwulan IV masih diverifikasi unit', bukti: [], status: 'draf' };
    }
    return { indikator: kode, ...e, bukti: [bukti[e.triwulan - 1] ?? 'Laporan triwulan'], status };
  });
}

// ---------------------------------------------------------------- people

interface Orang {
  nama: string;
  nip: string;
}

function orang(rng: Prng, tahunAcuan: number, umur: readonly [number, number]): Orang {
  const perempuan = rng.chance(0.4);
  const depan = rng.weighted(perempuan ? ['', 'Hj. ', 'Dra. ', 'Ir. ', 'dr. '] : ['', 'H. ', 'Drs. ', 'Ir. ', 'dr. '], [12, 3, 1, 1, 1]);
  const pertama = rng.pick(perempuan ? NAMA_PEREMPUAN : NAMA_LAKI);
  const keluarga = rng.chance(0.8) ? ` ${rng.pick(NAMA_KELUARGA)}` : '';
  const gelar = depan === 'dr. ' ? (rng.chance(0.5) ? ', M.Kes.' : '') : depan === 'Drs. ' || depan === 'Dra. ' ? (rng.chance(0.5) ? ', M.Si.' : '') : `, ${rng.pick(GELAR_BELAKANG)}`;
  const lahir = tahunAcuan - rng.int(umur[0], umur[1]);
  const cpns = Math.min(tahunAcuan - 1, lahir + rng.int(23, 30));
  // NIP: birth date (8), appointment year and month (6), sex (1), serial number (3).
  const nip = `${lahir}${pad(rng.int(1, 12), 2)}${pad(rng.int(1, 28), 2)}${cpns}${pad(rng.int(1, 12), 2)}${perempuan ? 2 : 1}${pad(rng.int(1, 12), 3)}`;
  return { nama: `${depan}${pertama}${keluarga}${gelar}`, nip };
}

// ---------------------------------------------------------------- the pemda and its RPJMD

interface KonteksPemda {
  nama: string;
  jenis: JenisPemda;
  tempat: string;
  ibukota: string;
  kepala: { nama: string; jabatan: string };
  tahunAwal: number;
  tahunAkhir: number;
  jumlahTahun: number;
  /** RPJMD sasaran codes per RPJMD tujuan code. */
  sasaranRpjmd: Map<string, string[]>;
}

const GELAR_KEPALA_DAERAH: Record<JenisPemda, string> = { provinsi: 'Gubernur', kabupaten: 'Bupati', kota: 'Wali Kota' };

function rpjmd(rng: Prng, kp: KonteksPemda, opdSlugs: readonly string[]): { rpjmd: Rpjmd; sasaranRpjmd: Map<string, string[]> } {
  const jumlahMisi = Math.min(MISI.length, 4);
  const misi = MISI.slice(0, jumlahMisi).map((uraian, i) => ({ kode: `M${i + 1}`, nomor: i + 1, uraian }));
  const tujuan = misi.map((m, i) => ({ kode: `${m.kode}.T${i + 1}`, misi: m.kode, uraian: TUJUAN_RPJMD[i % TUJUAN_RPJMD.length] ?? 'Tujuan daerah' }));
  const sasaranRpjmd = new Map<string, string[]>();
  const sasaran: Rpjmd['sasaran'] = [];
  const indikator: IndikatorDaerah[] = [];
  let n = 0;
  tujuan.forEach((t, ti) => {
    for (let j = 0; j < 2; j++) {
      const def = SASARAN_RPJMD[n % SASARAN_RPJMD.length] ?? SASARAN_RPJMD[0];
      if (!def) continue;
      const [uraian, namaIndikator, satuan, polaritas, nilaiAwal] = def;
      const kode = `${t.kode}.S${ti + 1}.${j + 1}`;
      sasaran.push({ kode, tujuan: t.kode, uraian });
      sasaranRpjmd.set(t.kode, [...(sasaranRpjmd.get(t.kode) ?? []), kode]);
      const langkah = polaritas === 'negatif' ? -rng.float(0.1, 0.4) : rng.float(0.3, 1.5);
      const tahunList = Array.from({ length: kp.jumlahTahun }, (_, k) => kp.tahunAwal + k);
      const target = tahunList.map((tahun, k) => ({ tahun, nilai: r2(nilaiAwal + langkah * (k + 1)) }));
      indikator.push({
        kode: `IKD-${n + 1}`,
        nama: namaIndikator,
        satuan,
        polaritas,
        agregasi: 'akhir',
        desimal: 2,
        sumberData: satuan === '%' || namaIndikator.startsWith('Indeks Pembangunan') ? 'Badan Pusat Statistik' : 'Laporan Kinerja Pemerintah Daerah',
        penanggungJawab: [],
        iku: true,
        baseline: { tahun: kp.tahunAwal - 1, nilai: nilaiAwal },
        target,
        targetAkhir: { tahun: kp.tahunAkhir, nilai: target[target.length - 1]?.nilai ?? nilaiAwal },
        sasaran: kode,
        pengampu: rng.sample(opdSlugs, Math.min(opdSlugs.length, rng.int(1, 2))),
        realisasi: target.map((t) => ({ tahun: t.tahun, nilai: r2(t.nilai * (polaritas === 'negatif' ? rng.float(0.95, 1.08) : rng.float(0.94, 1.05))) })),
        pembanding: target.flatMap((t) => [
          { tahun: t.tahun, wilayah: kp.jenis === 'provinsi' ? 'Rata-rata Provinsi' : 'Provinsi', nilai: r2(t.nilai * rng.float(0.95, 1.05)) },
          { tahun: t.tahun, wilayah: 'Nasional', nilai: r2(t.nilai * rng.float(0.93, 1.07)) },
        ]),
      });
      n++;
    }
  });
  return {
    rpjmd: {
      periodeAwal: kp.tahunAwal,
      periodeAkhir: kp.tahunAkhir,
      nomorDokumen: `Peraturan Daerah ${kp.nama} Nomor ${rng.int(1, 12)} Tahun ${kp.tahunAwal} tentang RPJMD ${kp.nama} Tahun ${kp.tahunAwal}-${kp.tahunAkhir}`,
      visi: `Terwujudnya ${kp.nama} yang Maju, Sejahtera dan Berdaya Saing`,
      misi,
      tujuan,
      sasaran,
      indikator,
    },
    sasaranRpjmd,
  };
}

// ---------------------------------------------------------------- OPD templates beyond the list

function templateOpd(index: number, jenis: JenisPemda, pakai: Set<string>, rng: Prng): TemplateOpd {
  const daftar = TEMPLATE_OPD;
  const t = daftar[index];
  if (t) return t;
  if (jenis === 'provinsi') {
    const obj = OBJEK_BIRO[(index - daftar.length) % OBJEK_BIRO.length] ?? 'Umum';
    const nomor = Math.floor((index - daftar.length) / OBJEK_BIRO.length) + 1;
    const nama = nomor > 1 ? `Biro ${obj} ${nomor}` : `Biro ${obj}`;
    return { bidangUrusan: '4.01', nama, singkatan: nama, slug: slugify(nama), kepala: `Kepala ${nama}`, subUnit: 'Bagian', objek: [obj, 'Tata Usaha Biro', 'Evaluasi dan Pelaporan'] };
  }
  // Kecamatan are perangkat daerah of a kabupaten or kota; their names must not repeat.
  let tempat = namaTempat((xs) => rng.pick(xs), rng.chance(0.5));
  for (let i = 2; pakai.has(`kecamatan-${slugify(tempat)}`); i++) tempat = `${namaTempat((xs) => rng.pick(xs), rng.chance(0.5))}${i > 20 ? ` ${i}` : ''}`;
  return {
    bidangUrusan: '7.01',
    nama: `Kecamatan ${tempat}`,
    singkatan: `Kec. ${tempat}`,
    slug: `kecamatan-${slugify(tempat)}`,
    kepala: `Camat ${tempat}`,
    subUnit: 'Seksi',
    objek: OBJEK_KECAMATAN,
  };
}

// ---------------------------------------------------------------- the OPD plan (same every year)

interface RencanaIndikatorRenja {
  kode: string;
  nama: string;
  nilai: RencanaNilai;
  /** Print the target as text too ("12 Dokumen"). */
  denganTeks: boolean;
}

interface RencanaNode {
  kode: string;
  level: 'program' | 'kegiatan' | 'sub-kegiatan';
  induk: string;
  nama: string;
  unit: string;
  catatan?: string;
  sasaran: string[];
  indikator: RencanaIndikatorRenja[];
  /** Share of the OPD's budget; only sub kegiatan carry one. */
  bobot: number;
}

interface RencanaIndikatorRenstra {
  data: IndikatorData;
  nilai: RencanaNilai;
  sasaran: string | undefined;
}

interface RencanaOpd {
  template: TemplateOpd;
  opd: Omit<OpdData, 'tahun'>;
  kepala: Pejabat;
  indikatorRenstra: RencanaIndikatorRenstra[];
  /** Urusan and bidang urusan rows, then the tree in Renja order. */
  nodeTetap: NodeRenjaData[];
  node: RencanaNode[];
  /** Yearly total pagu before the yearly change. */
  paguDasar: number;
}

/** Programs > kegiatan > sub kegiatan counts that give `n` Renja indicators at one or two per node. */
function bentukRenja(rng: Prng, n: number): number[][] {
  const bentuk = Array.from({ length: rng.int(6, 10) }, () => Array.from({ length: rng.int(3, 5) }, () => rng.int(2, 4)));
  const hitung = () => bentuk.reduce((s, p) => s + 1 + p.length + p.reduce((a, b) => a + b, 0), 0);
  let jumlah = hitung();
  while (jumlah > n) {
    const subLebih = bentuk.flatMap((p, pi) => p.flatMap((s, ki) => (s > 1 ? [[pi, ki] as const] : [])));
    if (subLebih.length > 0) {
      const [pi, ki] = rng.pick(subLebih);
      const p = bentuk[pi];
      if (p) p[ki] = (p[ki] ?? 1) - 1;
    } else {
      const kegLebih = bentuk.filter((p) => p.length > 1);
      if (kegLebih.length > 0) rng.pick(kegLebih).pop();
      else bentuk.pop();
    }
    jumlah = hitung();
  }
  while (jumlah * 2 < n) {
    const p = rng.pick(bentuk);
    const ki = rng.int(0, p.length - 1);
    p[ki] = (p[ki] ?? 0) + 1;
    jumlah++;
  }
  return bentuk;
}

function rencanaOpd(rng: Prng, kp: KonteksPemda, template: TemplateOpd, n: number, rpjmdTujuan: readonly string[]): RencanaOpd {
  const { tahunAwal, tahunAkhir, jumlahTahun } = kp;
  const nama = template.nama;
  const singkatan = template.singkatan;

  // Units: the head, the secretariat with its sub-units, and one bidang per subject area used.
  const objek = rng.sample(template.objek, Math.min(template.objek.length, rng.int(3, 5)));
  const jenisSub: Unit['jenis'] = template.subUnit === 'Seksi' ? 'seksi' : 'bidang';
  const unit: Unit[] = [
    { kode: 'pimpinan', nama: template.kepala, jenis: 'pimpinan', fungsi: [] },
    { kode: 'sekretariat', nama: template.bidangUrusan === '7.01' ? 'Sekretariat Kecamatan' : 'Sekretariat', jenis: 'sekretariat', induk: 'pimpinan', fungsi: [] },
    { kode: 'subbag-umum', nama: 'Sub Bagian Umum dan Kepegawaian', jenis: 'subbagian', induk: 'sekretariat', fungsi: [] },
    { kode: 'subbag-keuangan', nama: 'Sub Bagian Keuangan dan Aset', jenis: 'subbagian', induk: 'sekretariat', fungsi: [] },
    { kode: 'perencanaan', nama: 'Kelompok Jabatan Fungsional Perencana', jenis: 'fungsional', induk: 'sekretariat', fungsi: [] },
    ...objek.map((o, i): Unit => ({
      kode: `${jenisSub}-${i + 1}`,
      nama: `${template.subUnit} ${o}`,
      jenis: jenisSub,
      induk: 'pimpinan',
      tugas: `${template.subUnit} ${o} mempunyai tugas melaksanakan perumusan dan pelaksanaan kebijakan teknis di bidang ${o.toLowerCase()}.`,
      fungsi: [],
    })),
  ];
  if (rng.chance(0.3)) unit.push({ kode: 'uptd-1', nama: `UPTD ${objek[0] ?? 'Pelayanan'}`, jenis: 'uptd', induk: 'pimpinan', fungsi: [] });
  const unitObjek = (i: number) => `${jenisSub}-${(i % objek.length) + 1}`;

  const kepalaOrang = orang(rng, tahunAwal, [45, 56]);
  const kepala: Pejabat = {
    nama: kepalaOrang.nama,
    nip: kepalaOrang.nip,
    pangkat: rng.pick(['Pembina Utama Muda', 'Pembina Tingkat I']),
    jabatan: template.bidangUrusan === '7.01' ? template.kepala : `${template.kepala} ${kp.nama}`,
    unit: 'pimpinan',
    mulai: `${tahunAwal - rng.int(0, 3)}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`,
  };
  const pejabat: Pejabat[] = [kepala];
  const tambah = (jabatan: string, unitKode: string, pangkat: readonly string[], umur: readonly [number, number]) => {
    const o = orang(rng, tahunAwal, umur);
    pejabat.push({ nama: o.nama, nip: o.nip, pangkat: rng.pick(pangkat), jabatan, unit: unitKode });
  };
  const sekretaris = template.bidangUrusan === '7.01' ? 'Sekretaris Camat' : nama.startsWith('Sekretariat') ? `Kepala Bagian Umum ${nama}` : `Sekretaris ${nama}`;
  tambah(sekretaris, 'sekretariat', ['Pembina', 'Pembina Tingkat I'], [40, 55]);
  tambah('Kepala Sub Bagian Umum dan Kepegawaian', 'subbag-umum', ['Penata', 'Penata Tingkat I'], [30, 50]);
  tambah('Kepala Sub Bagian Keuangan dan Aset', 'subbag-keuangan', ['Penata', 'Penata Tingkat I'], [30, 50]);
  tambah('Perencana Ahli Muda', 'perencanaan', ['Penata Tingkat I', 'Pembina'], [30, 50]);
  objek.forEach((o, i) => tambah(`Kepala ${template.subUnit} ${o}`, `${jenisSub}-${i + 1}`, ['Pembina', 'Penata Tingkat I'], [38, 55]));

  // Renstra: tujuan and sasaran with their indicators; the rest of the count goes to the Renja.
  const jumlahSasaran = Math.min(rng.int(4, 8), Math.max(1, Math.floor(n / 20)));
  const jumlahTujuan = Math.min(rng.int(2, 4), jumlahSasaran);
  const perSasaran = Array.from({ length: jumlahSasaran }, () => rng.int(1, 3));
  while (jumlahTujuan + perSasaran.reduce((a, b) => a + b, 0) > n - 3) {
    const i = perSasaran.findIndex((x) => x > 1);
    if (i < 0) break;
    perSasaran[i] = (perSasaran[i] ?? 2) - 1;
  }
  const akuntabilitas = jumlahSasaran >= 2;
  const objekSasaran = (i: number) => objek[i % objek.length] ?? nama;

  const indikatorRenstra: RencanaIndikatorRenstra[] = [];
  const tahunTarget = (v: RencanaNilai) => v.target.map((nilai, k) => ({ tahun: tahunAwal + k, nilai }));
  const indikatorData = (kode: string, namaInd: string, v: RencanaNilai, penanggungJawab: string[], formula: IndikatorData['formula'], iku: boolean): IndikatorData => ({
    kode,
    nama: namaInd,
    satuan: v.satuan,
    polaritas: v.polaritas,
    agregasi: AGREGASI[v.jenis],
    desimal: v.jenis === 'jumlah' ? 0 : 2,
    ...(formula ? { formula } : {}),
    sumberData: `Laporan Kinerja ${singkatan} Tahun Berjalan`,
    penanggungJawab,
    iku,
    baseline: { tahun: tahunAwal - 1, nilai: v.awal },
    target: tahunTarget(v),
    targetAkhir: { tahun: tahunAkhir, nilai: v.target[v.target.length - 1] ?? v.awal },
  });

  const tujuan: Tujuan[] = Array.from({ length: jumlahTujuan }, (_, t) => {
    const o = objekSasaran(t);
    const v = lintasan(rng, 'posisi', 'positif', 'Indeks', jumlahTahun);
    const data = indikatorData(`IKT-${t + 1}`, `Indeks Kinerja ${o}`, v, [], undefined, false);
    indikatorRenstra.push({ data, nilai: v, sasaran: undefined });
    const rpjmdT = rpjmdTujuan.length > 0 ? rpjmdTujuan[rng.int(0, rpjmdTujuan.length - 1)] : undefined;
    return {
      kode: `T${t + 1}`,
      uraian: `Meningkatkan ${rng.pick(KUALITAS_SASARAN)} ${o}`,
      ...(rpjmdT ? { rpjmdTujuan: rpjmdT } : {}),
      indikator: [data],
    };
  });

  let nomorIku = 0;
  const sasaran: SasaranData[] = perSasaran.map((jumlahInd, s) => {
    const kode = `S${s + 1}`;
    const tujuanKode = `T${(s % jumlahTujuan) + 1}`;
    const rpjmdT = tujuan[s % jumlahTujuan]?.rpjmdTujuan;
    const rpjmdS = rpjmdT ? kp.sasaranRpjmd.get(rpjmdT) : undefined;
    const terakhir = akuntabilitas && s === jumlahSasaran - 1;
    const o = terakhir ? `Akuntabilitas Kinerja ${singkatan}` : objekSasaran(s);
    const pj = terakhir ? ['perencanaan'] : [unitObjek(s)];
    const indikator: IndikatorData[] = Array.from({ length: jumlahInd }, (_, j) => {
      nomorIku++;
      const kodeInd = `IKU-${nomorIku}`;
      let v: RencanaNilai;
      let namaInd: string;
      let formula: IndikatorData['formula'];
      const pilih = terakhir
        ? j === 0
          ? 'skor'
          : rng.pick(['tindak-lanjut', 'posisi'] as const)
        : rng.weighted(['persen-rata-rata', 'persen-rasio', 'posisi', 'jumlah', 'negatif'] as const, [20, 25, 15, 20, 12]);
      switch (pilih) {
        case 'skor':
          v = lintasan(rng, 'skor', 'positif', 'Nilai', jumlahTahun);
          namaInd = `Nilai SAKIP ${singkatan}`;
          formula = { teks: `Nilai hasil evaluasi SAKIP ${singkatan} oleh Inspektorat`, pengali: 100 };
          break;
        case 'tindak-lanjut': {
          v = lintasan(rng, 'persen-rasio', 'positif', '%', jumlahTahun);
          const pembilang = 'Jumlah rekomendasi hasil pengawasan yang telah ditindaklanjuti';
          const penyebut = 'Jumlah rekomendasi hasil pengawasan';
          namaInd = 'Persentase Rekomendasi Hasil Pengawasan yang Ditindaklanjuti';
          formula = { teks: `${pembilang} / ${penyebut} x 100%`, pembilang, penyebut, pengali: 100 };
          break;
        }
        case 'persen-rata-rata':
        case 'persen-rasio': {
          v = lintasan(rng, pilih, 'positif', '%', jumlahTahun);
          const benda = rng.pick(['Layanan', 'Kegiatan', 'Kasus']);
          const [hasil, hasilKecil] = rng.pick([
            ['Memenuhi Standar', 'memenuhi standar'],
            ['Diselesaikan Tepat Waktu', 'diselesaikan tepat waktu'],
            ['Tertangani', 'tertangani'],
          ] as const);
          const pembilang = `Jumlah ${benda.toLowerCase()} ${o.toLowerCase()} yang ${hasilKecil}`;
          const penyebut = `Jumlah seluruh ${benda.toLowerCase()} ${o.toLowerCase()} yang ${rng.pick(['direncanakan', 'terdaftar', 'diterima'])}`;
          namaInd = `Persentase ${benda} ${o} yang ${hasil}`;
          formula = { teks: `${pembilang} / ${penyebut} x 100%`, pembilang, penyebut, pengali: 100 };
          break;
        }
        case 'posisi':
          v = lintasan(rng, 'posisi', 'positif', 'Indeks', jumlahTahun);
          namaInd = `Indeks Kepuasan Masyarakat terhadap Layanan ${terakhir ? `Administrasi ${singkatan}` : o}`;
          formula = { teks: `Nilai indeks hasil survei kepuasan masyarakat terhadap layanan ${o.toLowerCase()}`, pengali: 100 };
          break;
        case 'jumlah': {
          const satuan = rng.pick(['Orang', 'Kelompok', 'Unit', 'Desa'] as const);
          v = lintasan(rng, 'jumlah', 'positif', satuan, jumlahTahun, satuan === 'Orang' ? [100, 3000] : [10, 200]);
          namaInd = {
            Orang: `Jumlah Penerima Manfaat ${o}`,
            Kelompok: `Jumlah Kelompok Sasaran ${o} yang Dibina`,
            Unit: `Jumlah Unit Layanan ${o} yang Beroperasi`,
            Desa: `Jumlah Desa yang Mendapatkan Intervensi ${o}`,
          }[satuan];
          formula = { teks: `Jumlah ${satuan.toLowerCase()} penerima manfaat ${o.toLowerCase()} dalam satu tahun`, pengali: 100 };
          break;
        }
        case 'negatif':
          v = lintasan(rng, 'posisi', 'negatif', '%', jumlahTahun);
          namaInd = `Persentase Permasalahan ${o} yang Belum Tertangani`;
          formula = { teks: `Jumlah permasalahan ${o.toLowerCase()} yang belum tertangani / Jumlah permasalahan ${o.toLowerCase()} x 100%`, pengali: 100 };
          break;
      }
      const data = indikatorData(kodeInd, namaInd, v, pj, formula, true);
      indikatorRenstra.push({ data, nilai: v, sasaran: kode });
      return data;
    });
    return {
      kode,
      nomor: s + 1,
      tujuan: tujuanKode,
      uraian: terakhir ? `Meningkatnya Akuntabilitas Kinerja ${nama}` : `Meningkatnya ${rng.pick(KUALITAS_SASARAN)} ${o}`,
      ...(rpjmdS && rpjmdS.length > 0 ? { rpjmdSasaran: rng.pick(rpjmdS) } : {}),
      indikator,
    };
  });

  const renstra: RenstraData = {
    periodeAwal: tahunAwal,
    periodeAkhir: tahunAkhir,
    nomorDokumen: `Peraturan ${GELAR_KEPALA_DAERAH[kp.jenis]} tentang Rencana Strategis ${nama} Tahun ${tahunAwal}-${tahunAkhir}`,
    tujuan,
    sasaran,
    iku: [
      {
        versi: 0,
        nama: `Indikator Kinerja Utama ${singkatan} Tahun ${tahunAwal}-${tahunAkhir}`,
        nomorDokumen: `050/${rng.int(10, 99)}/${slugify(singkatan).toUpperCase().replace(/-/g, '')}/${tahunAwal}`,
        tanggal: `${tahunAwal}-${pad(rng.int(2, 6), 2)}-${pad(rng.int(1, 28), 2)}`,
        baris: sasaran.flatMap((s) =>
          s.indikator.map((ind) => {
            const pj = unit.find((u) => u.kode === ind.penanggungJawab[0])?.nama;
            return {
              sasaran: s.kode,
              indikator: ind.kode,
              nama: ind.nama,
              formula: ind.formula?.teks ?? ind.nama,
              ...(ind.sumberData ? { sumberData: ind.sumberData } : {}),
              ...(pj ? { penanggungJawab: pj } : {}),
            };
          }),
        ),
      },
    ],
  };

  // Renja tree: urusan > bidang urusan > programs; program 01 is the support program every OPD has.
  const nRenstra = indikatorRenstra.length;
  const nRenja = n - nRenstra;
  const bentuk = bentukRenja(rng, nRenja);
  const urusan = template.bidangUrusan.split('.')[0] ?? '1';
  const nodeTetap: NodeRenjaData[] = [
    { kode: urusan, level: 'urusan', nama: NAMA_URUSAN[urusan] ?? 'Urusan Pemerintahan', indikator: [], sasaran: [] },
    {
      kode: template.bidangUrusan,
      level: 'bidang-urusan',
      induk: urusan,
      nama: `Urusan Pemerintahan Bidang ${NAMA_BIDANG_URUSAN[template.bidangUrusan] ?? nama}`,
      indikator: [],
      sasaran: [],
    },
  ];
  const node: RencanaNode[] = [];
  const daerah = kp.jenis === 'provinsi' ? 'Provinsi' : 'Kabupaten/Kota';
  const bagianPenunjang = rng.float(0.3, 0.5);
  const bobotProgram = bentuk.map((_, i) => (i === 0 ? 0 : rng.float(0.3, 1)));
  const totalBobotLain = bobotProgram.reduce((a, b) => a + b, 0);
  bentuk.forEach((kegiatanList, pi) => {
    const penunjang = pi === 0;
    const kodeProgram = `${template.bidangUrusan}.${pad(pi + 1, 2)}`;
    const o = penunjang ? '' : (objek[(pi - 1) % objek.length] ?? nama);
    const unitProgram = penunjang ? 'sekretariat' : unitObjek(pi - 1);
    const sasaranProgram = penunjang || jumlahSasaran === 1 ? `S${jumlahSasaran}` : `S${((pi - 1) % (akuntabilitas ? jumlahSasaran - 1 : jumlahSasaran)) + 1}`;
    const namaProgram = penunjang ? `Program Penunjang Urusan Pemerintahan Daerah ${daerah}` : `Program ${KATA_PROGRAM[(pi - 1 + rng.int(0, 3)) % KATA_PROGRAM.length] ?? 'Pengelolaan'} ${o}`;
    const program: RencanaNode = {
      kode: kodeProgram,
      level: 'program',
      induk: template.bidangUrusan,
      nama: namaProgram,
      unit: unitProgram,
      sasaran: [sasaranProgram],
      indikator: [],
      bobot: 0,
    };
    node.push(program);
    const bobotKegiatan = kegiatanList.map(() => rng.float(0.2, 1) ** 2);
    const totalKeg = bobotKegiatan.reduce((a, b) => a + b, 0);
    const bagianProgram = penunjang ? bagianPenunjang : ((1 - bagianPenunjang) * (bobotProgram[pi] ?? 0)) / (totalBobotLain || 1);
    kegiatanList.forEach((jumlahSub, ki) => {
      const standar = penunjang ? KEGIATAN_PENUNJANG[ki] : undefined;
      const nomorKeg = standar?.nomor ?? (penunjang ? 10 + ki - KEGIATAN_PENUNJANG.length : ki + 1);
      const kodeKeg = `${kodeProgram}.2.${pad(nomorKeg, 2)}`;
      const kata = KATA_KEGIATAN[(ki + pi) % KATA_KEGIATAN.length] ?? 'Pengelolaan';
      const namaKeg = standar?.nama ?? (penunjang ? `Penunjang Urusan Pemerintahan Lainnya ${ki + 1}` : `${kata} ${o} ${KUALIFIKASI_KEGIATAN[ki % KUALIFIKASI_KEGIATAN.length] ?? ''}`.trim());
      const kegiatan: RencanaNode = { kode: kodeKeg, level: 'kegiatan', induk: kodeProgram, nama: namaKeg, unit: unitProgram, ...(penunjang ? { catatan: 'Rutin' } : {}), sasaran: [], indikator: [], bobot: 0 };
      node.push(kegiatan);
      const gaji = standar?.nomor === 2;
      const bobotSub = Array.from({ length: jumlahSub }, (_, si) => (gaji && si === 0 ? 12 : rng.float(0.1, 1) ** 2));
      const totalSub = bobotSub.reduce((a, b) => a + b, 0);
      const bagianKeg = (bagianProgram * (bobotKegiatan[ki] ?? 0) * (gaji ? 3 : 1)) / totalKeg;
      const nomorDipakai = new Set<number>();
      for (let si = 0; si < jumlahSub; si++) {
        const subStandar = standar?.sub[si];
        let nomorSub = subStandar?.nomor ?? si + 1;
        while (nomorDipakai.has(nomorSub)) nomorSub++;
        nomorDipakai.add(nomorSub);
        const aksi = AKSI_SUB[(si + ki * 3 + pi * 5) % AKSI_SUB.length] ?? AKSI_SUB[0];
        const benda = aksi ? rng.pick(aksi.benda) : 'Sarana';
        const namaSub = subStandar?.nama ?? (penunjang || !aksi ? (SUB_PENUNJANG_LAIN[(si + ki) % SUB_PENUNJANG_LAIN.length] ?? 'Penyediaan Jasa Penunjang') : `${aksi.kata} ${benda} ${o}`);
        const sub: RencanaNode = {
          kode: `${kodeKeg}.${pad(nomorSub, 4)}`,
          level: 'sub-kegiatan',
          induk: kodeKeg,
          nama: namaSub,
          unit: unitProgram,
          ...(penunjang ? { catatan: 'Rutin' } : {}),
          sasaran: [],
          indikator: [],
          bobot: (bagianKeg * (bobotSub[si] ?? 0)) / totalSub,
        };
        const satuan = subStandar?.satuan ?? (penunjang || !aksi ? 'Laporan' : aksi.satuan);
        const rentang = subStandar?.target ?? (penunjang || !aksi ? ([1, 12] as const) : aksi.target);
        const namaInd = subStandar?.indikator ?? (penunjang || !aksi ? `Jumlah Laporan ${namaSub}` : `Jumlah ${benda} ${o} ${aksi.kataIndikator}`);
        sub.indikator.push({ kode: `${sub.kode}#1`, nama: namaInd, nilai: lintasan(rng, 'kumulatif', 'positif', satuan, jumlahTahun, rentang), denganTeks: rng.chance(0.1) });
        node.push(sub);
      }
      const namaIndKeg = standar?.indikator ?? `Persentase ${namaKeg} yang Terlaksana Sesuai Rencana`;
      kegiatan.indikator.push({ kode: `${kodeKeg}#1`, nama: namaIndKeg, nilai: lintasan(rng, 'persen-posisi', 'positif', '%', jumlahTahun), denganTeks: false });
    });
    const pilih = penunjang ? 'persen' : rng.weighted(['persen', 'indeks', 'negatif'] as const, [60, 25, 15]);
    const ukuranProgram = penunjang ? `Pelayanan Administrasi Perkantoran ${singkatan}` : o;
    program.indikator.push(
      pilih === 'persen'
        ? { kode: `${kodeProgram}#1`, nama: `Persentase ${rng.pick(['Capaian', 'Cakupan', 'Pemenuhan'])} ${ukuranProgram}`, nilai: lintasan(rng, 'persen-posisi', 'positif', '%', jumlahTahun), denganTeks: false }
        : pilih === 'indeks'
          ? { kode: `${kodeProgram}#1`, nama: `Indeks Kepuasan Layanan ${ukuranProgram}`, nilai: lintasan(rng, 'posisi', 'positif', 'Indeks', jumlahTahun), denganTeks: false }
          : { kode: `${kodeProgram}#1`, nama: `Persentase Keluhan Layanan ${ukuranProgram}`, nilai: lintasan(rng, 'posisi', 'negatif', '%', jumlahTahun), denganTeks: false },
    );
  });
  // Second indicators fill the count exactly; real Renja nodes often carry two.
  const tambahan = nRenja - node.length;
  for (const x of rng.sample(node, tambahan)) {
    const kode = `${x.kode}#2`;
    x.indikator.push(
      x.level === 'sub-kegiatan'
        ? { kode, nama: `Jumlah Laporan Pelaksanaan ${x.nama}`, nilai: lintasan(rng, 'kumulatif', 'positif', 'Laporan', jumlahTahun, [1, 12]), denganTeks: false }
        : { kode, nama: `Persentase Ketepatan Waktu Pelaksanaan ${x.nama.replace(/^Program /, '')}`, nilai: lintasan(rng, 'persen-posisi', 'positif', '%', jumlahTahun), denganTeks: false },
    );
  }

  const besar = ['1.01', '1.02', '1.03'].includes(template.bidangUrusan) ? 3 : 1;
  return {
    template,
    opd: {
      slug: template.slug,
      nama,
      singkatan,
      alamat: `Jalan ${namaTempat((xs) => rng.pick(xs), true)} No. ${rng.int(1, 120)}, ${kp.ibukota}`,
      telepon: `(0${rng.int(21, 987)}) ${rng.int(20000, 99999)}`,
      email: `${slugify(singkatan).replace(/-/g, '')}@${slugify(kp.tempat).replace(/-/g, '')}.go.id`,
      website: `https://${slugify(singkatan).replace(/-/g, '')}.${slugify(kp.tempat).replace(/-/g, '')}.go.id`,
      profil: {
        kedudukan: `${nama} merupakan unsur pelaksana urusan pemerintahan ${NAMA_BIDANG_URUSAN[template.bidangUrusan]?.toLowerCase() ?? ''} yang berada di bawah dan bertanggung jawab kepada ${kp.kepala.jabatan}.`,
        tugas: `membantu ${kp.kepala.jabatan} melaksanakan urusan pemerintahan di bidang ${objek.map((x) => x.toLowerCase()).join(', ')}`,
        fungsi: objek.map((o) => `perumusan dan pelaksanaan kebijakan di bidang ${o.toLowerCase()};`),
        isuStrategis: objek.slice(0, 2).map((o) => `Belum optimalnya ${rng.pick(KUALITAS_SASARAN).toLowerCase()} ${o.toLowerCase()}.`),
        arahKebijakan: objek.slice(0, 2).map((o) => `Meningkatkan ${rng.pick(KUALITAS_SASARAN).toLowerCase()} ${o.toLowerCase()}.`),
        dasarHukumLaporan: [
          'Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah;',
          'Peraturan Menteri PAN dan RB Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah;',
        ],
      },
      unit,
      pejabat,
      renstra: [renstra],
      register: [],
    },
    kepala,
    indikatorRenstra,
    nodeTetap,
    node,
    paguDasar: Math.round(rng.logUniform(2e9, 25e9) * besar),
  };
}

// ---------------------------------------------------------------- one OPD-year

/** Splits `realisasi` over groups in proportion to their pagu, never above a group's pagu. */
function bagiRealisasi(pagu: readonly number[], realisasi: number): number[] {
  const total = pagu.reduce((a, b) => a + b, 0);
  if (total === 0) return pagu.map(() => 0);
  // BigInt: pagu x realisasi of a few billion each is far beyond 2^53.
  const out = pagu.map((p) => Number((BigInt(p) * BigInt(realisasi)) / BigInt(total)));
  let sisa = realisasi - out.reduce((a, b) => a + b, 0);
  for (let i = 0; sisa > 0; i = (i + 1) % out.length) {
    if ((out[i] ?? 0) < (pagu[i] ?? 0)) {
      out[i] = (out[i] ?? 0) + 1;
      sisa--;
    }
  }
  return out;
}

function tahunOpd(rng: Prng, kp: KonteksPemda, r: RencanaOpd, k: number): TahunOpdData {
  const tahun = kp.tahunAwal + k;
  const { template } = r;
  const bukti = ANGKA_ROMAWI.map((rom) => `Laporan Capaian Kinerja Triwulan ${rom} ${template.singkatan} Tahun ${tahun}`);

  // Budget: sub kegiatan pagu from the plan's shares, realisasi below pagu, parents as sums.
  const paguTahun = Math.round(r.paguDasar * rng.float(0.92, 1.12));
  const subs = r.node.filter((n) => n.level === 'sub-kegiatan');
  const ribuan = Math.floor(paguTahun / 1000);
  const minimum = Math.min(5000, Math.floor(ribuan / (subs.length * 4)));
  const paguSub = splitInteger(rng, ribuan, subs.length, minimum, subs.map((s) => s.bobot * rng.float(0.85, 1.15))).map((x) => x * 1000);
  const serapanDasar = rng.float(0.82, 0.98);
  const angka = new Map<string, { pagu: number; realisasi: number }>();
  subs.forEach((s, i) => {
    const pagu = paguSub[i] ?? 0;
    const x = rng.next();
    const rate = x < 0.1 ? 1 : x < 0.13 ? rng.float(0.2, 0.6) : Math.min(1, Math.max(0, serapanDasar + rng.float(-0.08, 0.06)));
    angka.set(s.kode, { pagu, realisasi: Math.floor(pagu * rate) });
  });
  // Sub kegiatan, then kegiatan, roll up into their parents.
  for (const level of ['sub-kegiatan', 'kegiatan'] as const) {
    for (const n of r.node) {
      if (n.level !== level) continue;
      const a = angka.get(n.kode);
      const induk = angka.get(n.induk) ?? { pagu: 0, realisasi: 0 };
      angka.set(n.induk, { pagu: induk.pagu + (a?.pagu ?? 0), realisasi: induk.realisasi + (a?.realisasi ?? 0) });
    }
  }

  const renjaNode: NodeRenjaData[] = [
    ...r.nodeTetap,
    ...r.node.map((n): NodeRenjaData => ({
      kode: n.kode,
      level: n.level,
      induk: n.induk,
      nama: n.nama,
      lokasi: template.bidangUrusan === '7.01' ? template.nama : kp.nama,
      indikator: n.indikator.map((ind): IndikatorRenjaData => {
        const target = ind.nilai.target[k] ?? ind.nilai.awal;
        return {
          kode: ind.kode,
          nama: ind.nama,
          target,
          ...(ind.denganTeks ? { targetTeks: teksTarget(target, ind.nilai.satuan) } : {}),
          satuan: ind.nilai.satuan,
          polaritas: ind.nilai.polaritas,
        };
      }),
      pagu: angka.get(n.kode)?.pagu ?? 0,
      sumberDana: 'APBD',
      unit: n.unit,
      ...(n.catatan ? { catatan: n.catatan } : {}),
      sasaran: n.sasaran,
    })),
  ];

  const programs = r.node.filter((n) => n.level === 'program');
  const totalPagu = programs.reduce((s, p) => s + (angka.get(p.kode)?.pagu ?? 0), 0);
  const totalRealisasi = programs.reduce((s, p) => s + (angka.get(p.kode)?.realisasi ?? 0), 0);
  const gaji = subs.find((s) => /\.2\.02\.0001$/.test(s.kode));
  const bagianPegawai = Math.min(0.7, (gaji ? (angka.get(gaji.kode)?.pagu ?? 0) / Math.max(1, totalPagu) : 0.3) + rng.float(0, 0.03));
  const bagianModal = rng.float(0.03, 0.2);
  const bagianHibah = rng.chance(0.2) ? rng.float(0.005, 0.03) : 0;
  const bagianMesin = rng.float(0.3, 0.8);
  // pegawai, barang-jasa, hibah, modal-peralatan-mesin, modal-gedung-bangunan
  const paguDaun = splitInteger(rng, totalPagu, 5, 0, [
    bagianPegawai,
    Math.max(0.05, 1 - bagianPegawai - bagianModal - bagianHibah),
    bagianHibah,
    bagianModal * bagianMesin,
    bagianModal * (1 - bagianMesin),
  ]);
  const realDaun = bagiRealisasi(paguDaun, totalRealisasi);
  const daun = (i: number) => ({ pagu: paguDaun[i] ?? 0, realisasi: realDaun[i] ?? 0 });
  const jumlahkan = (...xs: { pagu: number; realisasi: number }[]) => ({ pagu: xs.reduce((s, x) => s + x.pagu, 0), realisasi: xs.reduce((s, x) => s + x.realisasi, 0) });
  const operasi = jumlahkan(daun(0), daun(1), daun(2));
  const modal = jumlahkan(daun(3), daun(4));
  const kelompok: Kelompok[] = [
    { kelompok: 'belanja', ...jumlahkan(operasi, modal) },
    { kelompok: 'operasi', ...operasi },
    { kelompok: 'pegawai', ...daun(0) },
    { kelompok: 'barang-jasa', ...daun(1) },
    { kelompok: 'hibah', ...daun(2) },
    { kelompok: 'modal', ...modal },
    { kelompok: 'modal-peralatan-mesin', ...daun(3) },
    { kelompok: 'modal-gedung-bangunan', ...daun(4) },
  ];
  const anggaran: AnggaranVersiData = {
    versi: 'dpa-perubahan',
    tanggal: `${tahun}-${pad(rng.int(8, 10), 2)}-${pad(rng.int(1, 28), 2)}`,
    sumber: `DPA Perubahan ${template.singkatan} Tahun ${tahun} dan Laporan Realisasi Anggaran`,
    baris: r.node.map((n) => ({ kode: n.kode, pagu: angka.get(n.kode)?.pagu ?? 0, realisasi: angka.get(n.kode)?.realisasi ?? 0 })),
    kelompok,
  };

  const kegiatan = r.node.filter((n) => n.level === 'kegiatan');
  const sasaranInd = r.indikatorRenstra.filter((x) => x.sasaran !== undefined);
  const pk: PerjanjianKinerjaData = {
    versi: 0,
    nama: `Perjanjian Kinerja Tahun ${tahun}`,
    tanggal: `${tahun}-${pad(rng.int(1, 2), 2)}-${pad(rng.int(2, 28), 2)}`,
    tempat: kp.ibukota,
    pihakPertama: { nama: r.kepala.nama, jabatan: r.kepala.jabatan, ...(r.kepala.nip ? { nip: r.kepala.nip } : {}) },
    pihakKedua: { nama: kp.kepala.nama, jabatan: kp.kepala.jabatan },
    kinerja: sasaranInd.map((x) => {
      const target = x.nilai.target[k] ?? x.nilai.awal;
      return { sasaran: x.sasaran ?? 'S1', indikator: x.data.kode, target, targetTeks: teksTarget(target, x.nilai.satuan) };
    }),
    anggaran: kegiatan.map((n) => ({ program: n.induk, kegiatan: n.kode, pagu: angka.get(n.kode)?.pagu ?? 0, sumberDana: 'APBD' })),
    penjelasan: sasaranInd.map((x) => ({
      indikator: x.data.kode,
      uraianSasaran: `Sasaran ${x.sasaran ?? ''} diukur dengan indikator ${x.data.nama}.`,
      relevansi: `Indikator ini menggambarkan keberhasilan ${template.nama} dalam mencapai sasaran strategis.`,
      formulasi: x.data.formula?.teks ?? x.data.nama,
      sumberData: x.data.sumberData ?? 'Laporan kinerja',
      penjelasanTarget: `Target tahun ${tahun} sebesar ${teksTarget(x.nilai.target[k] ?? x.nilai.awal, x.nilai.satuan)} sesuai Renstra.`,
    })),
  };

  const rencanaAksi: RencanaAksi[] = sasaranInd.flatMap((x) => {
    const target = x.nilai.target[k] ?? x.nilai.awal;
    const perTw = x.nilai.jenis === 'jumlah' ? splitInteger(rng, Math.round(target), 4) : [0.25, 0.5, 0.75, 1].map((f) => r2(target * f));
    return TRIWULAN.map((q, i) => ({ indikator: x.data.kode, triwulan: q, target: perTw[i] ?? target }));
  });

  // A few sasaran indicators per pemda stay unfilled; Renja ones a little more often.
  const realisasi: RealisasiData[] = [
    ...r.indikatorRenstra.flatMap((x) => realisasiIndikator(rng, x.data.kode, x.nilai, k, bukti, 0.005)),
    ...r.node.flatMap((n) => n.indikator.flatMap((ind) => realisasiIndikator(rng, ind.kode, ind.nilai, k, bukti, 0.01))),
  ];

  const ikk: IkkData[] = Array.from({ length: rng.int(2, 4) }, (_, i) => {
    const o = r.template.objek[i % r.template.objek.length] ?? template.nama;
    const penyebut = rng.int(20, 5000);
    const pembilang = Math.round(penyebut * rng.float(0.3, 1));
    return {
      nomor: i + 1,
      nama: `Persentase Layanan ${o} yang Memenuhi Standar Pelayanan Minimal`,
      pembilangNama: `Jumlah layanan ${o.toLowerCase()} yang memenuhi standar pelayanan minimal`,
      pembilang,
      penyebutNama: `Jumlah seluruh layanan ${o.toLowerCase()}`,
      penyebut,
      pengali: 100,
      satuan: '%',
      hasilTerbit: r2((pembilang / penyebut) * 100),
      sumber: `LPPD ${template.singkatan} Tahun ${tahun}`,
    };
  });

  const sdgs: SdgsData[] = rng.sample(subs, rng.int(0, 2)).map((s, i) => {
    const target = rng.int(10, 5000);
    return {
      nomor: i + 1,
      tujuanSdgs: rng.pick(SDGS),
      subKegiatan: s.kode,
      target,
      realisasi: Math.round(target * rng.float(0.6, 1.1)),
      satuan: s.indikator[0]?.nilai.satuan ?? 'Orang',
      sumber: `Laporan capaian SDGs ${template.singkatan} Tahun ${tahun}`,
    };
  });

  return {
    tahun,
    renja: [{ versi: 'perubahan', nama: `Rencana Kerja Perubahan Tahun ${tahun}`, tanggal: `${tahun}-${pad(rng.int(7, 9), 2)}-${pad(rng.int(1, 28), 2)}`, node: renjaNode }],
    anggaran: [anggaran],
    pk: [pk],
    rencanaAksi,
    realisasi,
    ikk,
    sdgs,
    tindakLanjut: [],
    penghargaan: [],
    lkjip: { tempat: kp.ibukota, tanggalTeks: `${rng.pick(BULAN.slice(0, 3))} ${tahun + 1}`, tanggalPenetapan: `${tahun + 1}-01-${pad(rng.int(10, 31), 2)}` },
  };
}

// ---------------------------------------------------------------- public API

/** One pemda: its RPJMD, `opd` perangkat daerah, each with a Renstra and `tahun` years of data. */
export function generatePemda(opsi: OpsiPemda): Dataset {
  const u = ukuran(opsi);
  const jenis = opsi.jenis ?? 'kabupaten';
  const rng = new Prng(opsi.seed);
  const pemdaRng = rng.fork(0);
  const tempat = namaTempat((xs) => pemdaRng.pick(xs), pemdaRng.chance(0.5));
  const nama = `${jenis === 'provinsi' ? 'Provinsi' : jenis === 'kota' ? 'Kota' : 'Kabupaten'} ${tempat}`;
  const ibukota = jenis === 'kota' ? tempat : namaTempat((xs) => pemdaRng.pick(xs), true);
  const kepalaOrang = orang(pemdaRng, u.tahunAwal, [45, 60]);
  const wakilOrang = orang(pemdaRng, u.tahunAwal, [40, 60]);
  const sekdaOrang = orang(pemdaRng, u.tahunAwal, [48, 57]);
  const gelar = GELAR_KEPALA_DAERAH[jenis];
  const kp: KonteksPemda = {
    nama,
    jenis,
    tempat,
    ibukota,
    kepala: { nama: kepalaOrang.nama, jabatan: `${gelar} ${tempat}` },
    tahunAwal: u.tahunAwal,
    tahunAkhir: u.tahunAwal + u.tahun - 1,
    jumlahTahun: u.tahun,
    sasaranRpjmd: new Map(),
  };

  const pakai = new Set<string>();
  const templates: TemplateOpd[] = [];
  const namaRng = rng.fork(1);
  for (let i = 0; i < u.opd; i++) {
    const t = templateOpd(i, jenis, pakai, namaRng);
    pakai.add(t.slug);
    templates.push(t);
  }
  const { rpjmd: dokumenRpjmd, sasaranRpjmd } = rpjmd(rng.fork(2), kp, templates.map((t) => t.slug));
  kp.sasaranRpjmd = sasaranRpjmd;
  const tujuanRpjmd = dokumenRpjmd.tujuan.map((t) => t.kode);

  const opd: OpdData[] = templates.map((template, i) => {
    const opdRng = rng.fork(3, i);
    const rencana = rencanaOpd(opdRng, kp, template, u.indikatorPerOpdTahun, tujuanRpjmd);
    const tahun = Array.from({ length: u.tahun }, (_, k) => tahunOpd(opdRng.fork(4, k), kp, rencana, k));
    return { ...rencana.opd, tahun };
  });

  return {
    format: DATASET_FORMAT,
    version: DATASET_VERSION,
    pemda: {
      slug: opsi.slug ?? slugify(nama),
      nama,
      jenis,
      ...(jenis === 'provinsi' ? {} : { provinsi: `Provinsi ${namaTempat((xs) => pemdaRng.pick(xs), true)}` }),
      ibukota,
      pejabat: [
        { nama: kepalaOrang.nama, jabatan: `${gelar} ${tempat}` },
        { nama: wakilOrang.nama, jabatan: `Wakil ${gelar} ${tempat}` },
        { nama: sekdaOrang.nama, nip: sekdaOrang.nip, pangkat: 'Pembina Utama Madya', jabatan: `Sekretaris Daerah ${nama}` },
      ],
      pengaturan: { skala: SKALA, rumusNegatif: 'selisih' },
      rpjmd: [dokumenRpjmd],
    },
    opd,
  };
}

export interface OpsiNasional extends Partial<UkuranPemda> {
  seed: number;
  /** Number of pemda; default 546, the country's autonomous regions. */
  jumlah?: number;
}

export const JUMLAH_PEMDA_NASIONAL = 546;
/**
 * Proportions of the kinds. The domain notes give 38 provinsi, 416 kabupaten and 98 kota, which
 * add up to 552, not 546; only their ratio is used, so 546 pemda are 38 / 411 / 97.
 */
const PROPORSI = { provinsi: 38, kabupaten: 416, kota: 98 } as const;
const TOTAL_PROPORSI = PROPORSI.provinsi + PROPORSI.kabupaten + PROPORSI.kota;

/**
 * The kind of the i-th of `jumlah` pemda, spread like the real list: each provinsi followed by
 * its kabupaten and kota, in the national proportions.
 */
export function jenisKe(i: number, jumlah: number = JUMLAH_PEMDA_NASIONAL): JenisPemda {
  const prov = Math.round((jumlah * PROPORSI.provinsi) / TOTAL_PROPORSI);
  const kota = Math.round((jumlah * PROPORSI.kota) / TOTAL_PROPORSI);
  // Position x starts a new step of a staircase that climbs `banyak` times over `dari` positions.
  const naik = (x: number, banyak: number, dari: number) => banyak > 0 && Math.floor((x * banyak) / dari) > Math.floor(((x - 1) * banyak) / dari);
  if (naik(i, prov, jumlah)) return 'provinsi';
  const provSampaiI = prov > 0 ? Math.floor((i * prov) / jumlah) + 1 : 0;
  return naik(i - provSampaiI, kota, jumlah - prov) ? 'kota' : 'kabupaten';
}

/**
 * Every pemda of the country, one at a time: a country of kabupaten-sized datasets does not fit
 * in memory, so the caller stores or measures each one and lets it go. Pemda i uses seed + i and
 * gets a unique slug.
 */
export function* generateNasional(opsi: OpsiNasional): Generator<Dataset, void, undefined> {
  const jumlah = opsi.jumlah ?? JUMLAH_PEMDA_NASIONAL;
  const ukuranOpsi: Partial<UkuranPemda> = { opd: opsi.opd, tahunAwal: opsi.tahunAwal, tahun: opsi.tahun, indikatorPerOpdTahun: opsi.indikatorPerOpdTahun };
  for (let i = 0; i < jumlah; i++) {
    const d = generatePemda({ ...ukuranOpsi, seed: opsi.seed + i, jenis: jenisKe(i, jumlah) });
    d.pemda.slug = `${d.pemda.slug}-${pad(i + 1, 3)}`;
    yield d;
  }
}

export interface RingkasanDataset {
  opd: number;
  opdTahun: number;
  /** Renstra (tujuan and sasaran) and Renja indicators, summed over OPD-years. */
  indikator: number;
  realisasi: number;
  nodeRenja: number;
  barisAnggaran: number;
  kelompokAnggaran: number;
  pk: number;
  rencanaAksi: number;
  ikk: number;
  sdgs: number;
  unit: number;
  pejabat: number;
}

/** Row counts of a dataset, per table, for tests and benchmark reports. */
export function ringkasan(d: Dataset): RingkasanDataset {
  const out: RingkasanDataset = { opd: d.opd.length, opdTahun: 0, indikator: 0, realisasi: 0, nodeRenja: 0, barisAnggaran: 0, kelompokAnggaran: 0, pk: 0, rencanaAksi: 0, ikk: 0, sdgs: 0, unit: 0, pejabat: 0 };
  for (const o of d.opd) {
    out.unit += o.unit.length;
    out.pejabat += o.pejabat.length;
    for (const y of o.tahun) {
      out.opdTahun++;
      const renstra = o.renstra.find((r) => r.periodeAwal <= y.tahun && y.tahun <= r.periodeAkhir);
      out.indikator += (renstra?.tujuan.reduce((s, t) => s + t.indikator.length, 0) ?? 0) + (renstra?.sasaran.reduce((s, t) => s + t.indikator.length, 0) ?? 0);
      const renja = y.renja.find((r) => r.versi === 'perubahan') ?? y.renja[0];
      out.nodeRenja += renja?.node.length ?? 0;
      out.indikator += renja?.node.reduce((s, n) => s + n.indikator.length, 0) ?? 0;
      out.realisasi += y.realisasi.length;
      out.barisAnggaran += y.anggaran.reduce((s, a) => s + a.baris.length, 0);
      out.kelompokAnggaran += y.anggaran.reduce((s, a) => s + a.kelompok.length, 0);
      out.pk += y.pk.length;
      out.rencanaAksi += y.rencanaAksi.length;
      out.ikk += y.ikk.length;
      out.sdgs += y.sdgs.length;
    }
  }
  return out;
}
