/**
 * The LKJIP preview: the document's capaian and budget tables (Tabel 3.3, the per-sasaran
 * analysis tables, Tabel 3.16–3.18) as rows of cells, where every figure names its source: the
 * indicator with its quarterly values and targets, its formula, aggregation, polarity and the
 * capaian rule; the sasaran average; the budget row of the DPA. Built from the same measure
 * tables and the same formatting as the document (lkjip.ts), so every figure reads exactly as
 * in the .docx/.pdf. Pure: who entered and verified a value comes in as `jejak`.
 */
import type { Dataset, IndikatorData, RealisasiData } from '../dataset/schema.ts';
import { formatAngka, formatNilai, nilaiEntri, RUMUS_NEGATIF_LABEL } from '../engine/index.ts';
import { hitungAnggaran, type BarisAnggaran, type LaporanAnggaran } from '../measure/anggaran.ts';
import { hitungCapaian, type IndikatorCapaian, type LaporanCapaian, type Pengukuran } from '../measure/capaian.ts';
import { anggaranTerakhir, konteks, type Konteks } from '../measure/konteks.ts';
import { daftarPlaceholder, susunLkjip } from './lkjip.ts';
import type { Block } from './model.ts';
import { angka, pct, rp } from './teks.ts';

/** One move of a quarterly value: entered (a value changed), submitted, verified, approved, rejected. */
export interface JejakEntri {
  aksi: 'isi' | 'ajukan' | 'verifikasi' | 'setujui' | 'tolak';
  /** Username; "sistem" for changes without a person. */
  oleh: string;
  /** ISO 8601. */
  pada: string;
  komentar?: string | undefined;
}

/** The recorded trail of an entry, by `${kode}/${triwulan}`. */
export type JejakPerEntri = ReadonlyMap<string, readonly JejakEntri[]>;
export const kunciJejak = (kode: string, triwulan: number) => `${kode}/${triwulan}`;

export interface Sel {
  teks: string;
  /** Key into `sumber` when the cell is a computed figure. */
  ref?: string;
  tebal?: boolean;
  /** Columns the cell spans (default 1). */
  lebar?: number;
  rata?: 'kanan';
}

export interface TabelPratinjau {
  id: string;
  judul: string;
  kepala: string[];
  baris: Sel[][];
}

export interface EntriSumber {
  /** null for a value that holds for the whole year. */
  triwulan: number | null;
  targetTriwulan: number | null;
  nilai: number | null;
  pembilang: number | null;
  penyebut: number | null;
  /** The entry's value as the engine reads it (pembilang / penyebut × pengali, or nilai). */
  hasil: string;
  /** 'kosong': a quarter with a target but no value yet. */
  status: RealisasiData['status'] | 'kosong';
  /** Verified or approved entries count; drafts, submitted and rejected ones do not. */
  dihitung: boolean;
  keterangan: string | null;
  /** Who entered, submitted, verified and approved it, oldest first; empty for imported values. */
  jejak: JejakEntri[];
}

interface UkuranTeks {
  target: string;
  realisasi: string;
  capaian: string;
}

export type Sumber =
  | {
      jenis: 'indikator';
      kode: string;
      nama: string;
      satuan: string;
      sasaran: { nomor: number; uraian: string };
      polaritas: IndikatorData['polaritas'];
      agregasi: IndikatorData['agregasi'];
      caraAgregasi: string;
      desimal: number;
      formula: { teks: string; pembilang: string | null; penyebut: string | null; pengali: number } | null;
      sumberData: string | null;
      penanggungJawab: string[];
      /** The capaian rule applied: higher-is-better, or the pemda's lower-is-better rule. */
      aturanCapaian: string;
      sumberTarget: 'pk' | 'renstra' | 'tidak-ada';
      tahunIni: UkuranTeks & { predikat: string | null; realisasiSebelumPembulatan: string };
      tahunLalu: UkuranTeks;
      targetAkhirRenstra: { target: string; capaian: string };
      entri: EntriSumber[];
    }
  | {
      jenis: 'sasaran';
      kode: string;
      nomor: number;
      uraian: string;
      capaian: string;
      predikat: string | null;
      capaianTahunLalu: string;
      cara: string;
      indikator: Array<{ ref: string; nama: string; capaian: string; capaianTahunLalu: string }>;
    }
  | {
      jenis: 'rata-rata';
      capaian: string;
      predikat: string | null;
      cara: string;
      sasaran: Array<{ ref: string; nomor: number; capaian: string }>;
    }
  | {
      jenis: 'anggaran';
      kode: string;
      nama: string;
      level: string;
      pagu: string;
      realisasi: string;
      sisa: string;
      serapan: string;
      dokumen: string;
      cara: string;
    }
  | {
      jenis: 'efisiensi';
      nomor: number | null;
      uraian: string;
      capaianKinerja: string;
      serapan: string;
      efisiensi: string;
      cara: string;
      program: Array<{ ref: string; nama: string; serapan: string }>;
    };

export interface Narasi {
  judul: string;
  /** Empty: still to be written; the draft shows a placeholder there. */
  isi: string[];
}

export interface Pratinjau {
  pemda: string;
  opd: { slug: string; nama: string };
  tahun: number;
  skala: { nama: string; bands: Array<{ min: number; label: string; warna: string | null }> };
  tabel: TabelPratinjau[];
  sumber: Record<string, Sumber>;
  narasi: Narasi[];
  /** Every narrative the draft still marks as empty, with the section it sits in. */
  belumDiisi: Array<{ bagian: string; teks: string }>;
}

const AGREGASI: Record<IndikatorData['agregasi'], string> = {
  jumlah: 'jumlah nilai triwulan (kumulatif)',
  akhir: 'nilai triwulan terakhir (posisi akhir)',
  'rata-rata': 'rata-rata nilai triwulan yang diisi',
  rasio: 'jumlah pembilang semua triwulan / jumlah penyebut semua triwulan × pengali',
};

const persenSatuan = (satuan: string) => (satuan === '%' ? '%' : '');
const ukuranTeks = (p: Pengukuran, satuan: string): UkuranTeks => ({ target: `${angka(p.target.nilai)}${persenSatuan(satuan)}`, realisasi: `${angka(p.realisasi.nilai)}${persenSatuan(satuan)}`, capaian: pct(p.capaian) });
const num = (teks: string, ref?: string, tebal = false): Sel => ({ teks, rata: 'kanan', ...(ref ? { ref } : {}), ...(tebal ? { tebal } : {}) });
const txt = (teks: string, opts: Omit<Sel, 'teks'> = {}): Sel => ({ teks, ...opts });
const nullable = (n: number | undefined) => (n === undefined ? null : n);

export const refIndikator = (kode: string) => `indikator:${kode}`;
export const refSasaran = (kode: string) => `sasaran:${kode}`;
export const refAnggaran = (kode: string) => `anggaran:${kode}`;
export const refEfisiensi = (kode: string) => `efisiensi:${kode}`;
export const REF_RATA_RATA = 'rata-rata';
export const REF_ANGGARAN_TOTAL = 'anggaran:total';
export const REF_EFISIENSI_RATA_RATA = 'efisiensi:rata-rata';

function aturanCapaian(k: Konteks, ind: IndikatorData): string {
  return ind.polaritas === 'negatif'
    ? `Semakin kecil realisasi semakin baik: Capaian = ${RUMUS_NEGATIF_LABEL[k.rumusNegatif]}`
    : 'Semakin besar realisasi semakin baik: Capaian = Realisasi / Rencana x 100%';
}

function sumberIndikator(k: Konteks, sasaran: { nomor: number; uraian: string }, src: IndikatorData, i: IndikatorCapaian, jejak: JejakPerEntri): Sumber {
  const pengali = src.formula?.pengali ?? 100;
  const entri = k.data.realisasi
    .filter((r) => r.indikator === i.kode)
    .sort((a, b) => (a.triwulan ?? 0) - (b.triwulan ?? 0))
    .map(
      (r): EntriSumber => ({
        triwulan: r.triwulan ?? null,
        targetTriwulan: r.triwulan === undefined ? null : nullable(k.data.rencanaAksi.find((x) => x.indikator === i.kode && x.triwulan === r.triwulan)?.target),
        nilai: nullable(r.nilai),
        pembilang: nullable(r.pembilang),
        penyebut: nullable(r.penyebut),
        hasil: `${formatNilai(nilaiEntri(r, pengali))}${persenSatuan(i.satuan)}`,
        status: r.status,
        dihitung: r.status === 'diverifikasi' || r.status === 'disetujui',
        keterangan: r.keterangan ?? null,
        jejak: r.triwulan === undefined ? [] : [...(jejak.get(kunciJejak(i.kode, r.triwulan)) ?? [])],
      }),
    );
  // Quarters with a target (rencana aksi) but nothing entered yet are part of the picture too.
  for (const ra of k.data.rencanaAksi.filter((x) => x.indikator === i.kode)) {
    if (entri.some((e) => e.triwulan === ra.triwulan)) continue;
    entri.push({ triwulan: ra.triwulan, targetTriwulan: ra.target, nilai: null, pembilang: null, penyebut: null, hasil: formatNilai({ status: 'belum-diisi' }), status: 'kosong', dihitung: false, keterangan: null, jejak: [] });
  }
  entri.sort((a, b) => (a.triwulan ?? 0) - (b.triwulan ?? 0));
  return {
    jenis: 'indikator',
    kode: i.kode,
    nama: i.nama,
    satuan: i.satuan,
    sasaran,
    polaritas: src.polaritas,
    agregasi: src.agregasi,
    caraAgregasi: AGREGASI[src.agregasi],
    desimal: src.desimal,
    formula: src.formula ? { teks: src.formula.teks, pembilang: src.formula.pembilang ?? null, penyebut: src.formula.penyebut ?? null, pengali } : null,
    sumberData: src.sumberData ?? null,
    penanggungJawab: src.penanggungJawab.map((u) => k.opd.unit.find((x) => x.kode === u)?.nama ?? u),
    aturanCapaian: aturanCapaian(k, src),
    sumberTarget: i.target.sumber,
    tahunIni: {
      ...ukuranTeks(i, i.satuan),
      realisasi: `${angka(i.realisasi.nilai)}${persenSatuan(i.satuan)}${i.realisasi.predikat ? ` ${i.realisasi.predikat}` : ''}`,
      predikat: i.predikat ?? null,
      realisasiSebelumPembulatan: i.realisasi.mentah.status === 'ada' ? formatAngka(i.realisasi.mentah.value, 6) : formatNilai(i.realisasi.mentah),
    },
    tahunLalu: ukuranTeks(i.lalu, i.satuan),
    targetAkhirRenstra: { target: angka(i.akhir.target.nilai), capaian: pct(i.akhir.capaian) },
    entri,
  };
}

function tabelCapaian(cap: LaporanCapaian): TabelPratinjau {
  const baris: Sel[][] = cap.sasaran.flatMap((s) =>
    s.indikator.map((i, idx) => {
      const ref = refIndikator(i.kode);
      return [
        txt(idx === 0 ? String(s.nomor) : ''),
        txt(idx === 0 ? s.uraian : ''),
        txt(i.nama),
        num(`${angka(i.target.nilai)}${persenSatuan(i.satuan)}`, ref),
        num(`${angka(i.realisasi.nilai)}${persenSatuan(i.satuan)}${i.realisasi.predikat ? ` ${i.realisasi.predikat}` : ''}`, ref),
        num(pct(i.capaian), ref),
        txt(i.predikat ?? '-'),
      ];
    }),
  );
  baris.push([txt('Rata-rata Capaian Kinerja', { lebar: 5, tebal: true }), num(pct(cap.rataRata.capaian), REF_RATA_RATA, true), txt(cap.rataRata.predikat ?? '-', { tebal: true })]);
  return { id: 'tabel-3.3', judul: 'Tabel 3.3 Capaian Indikator Kinerja Utama Sasaran Strategis', kepala: ['No', 'Sasaran', 'Indikator Sasaran', 'Target', 'Realisasi', 'Capaian', 'Predikat'], baris };
}

function tabelAnalisis(cap: LaporanCapaian, tahun: number): TabelPratinjau[] {
  return cap.sasaran.map((s, index) => {
    const nomor = 4 + index * 3;
    const baris: Sel[][] = s.indikator.map((i) => {
      const ref = refIndikator(i.kode);
      return [txt(i.nama), txt(i.satuan), num(angka(i.lalu.target.nilai), ref), num(angka(i.lalu.realisasi.nilai), ref), num(angka(i.lalu.capaian), ref), num(angka(i.target.nilai), ref), num(angka(i.realisasi.nilai), ref), num(angka(i.capaian), ref)];
    });
    baris.push([txt('Rata-rata capaian kinerja', { lebar: 4, tebal: true }), num(angka(s.capaianLalu), refSasaran(s.kode), true), txt('', { lebar: 2 }), num(angka(s.capaian), refSasaran(s.kode), true)]);
    return {
      id: `tabel-3.${nomor}`,
      judul: `Tabel 3.${nomor} Analisis Pencapaian Sasaran Strategis ${s.nomor} ${s.uraian}`,
      kepala: ['Indikator Kinerja', 'Satuan', `Target ${tahun - 1}`, `Realisasi ${tahun - 1}`, 'Capaian (%)', `Target ${tahun}`, `Realisasi ${tahun}`, 'Capaian (%)'],
      baris,
    };
  });
}

function tabelAnggaran(ang: LaporanAnggaran, nomor: number): TabelPratinjau[] {
  const t316: Sel[][] = ang.baris.map((b) => {
    const tebal = b.level === 'program';
    const ref = refAnggaran(b.kode);
    return [txt(b.kode, { tebal }), txt(tebal ? b.nama.toUpperCase() : b.nama, { tebal }), num(rp(b.pagu), ref, tebal), num(rp(b.realisasi), ref, tebal), num(angka(b.serapan), ref, tebal)];
  });
  t316.push([txt('Total', { lebar: 2, tebal: true }), num(rp(ang.total.pagu), REF_ANGGARAN_TOTAL, true), num(rp(ang.total.realisasi), REF_ANGGARAN_TOTAL, true), num(angka(ang.total.serapan), REF_ANGGARAN_TOTAL, true)]);
  const t317: Sel[][] = ang.sasaran.flatMap((s) =>
    s.program.length === 0
      ? [[txt(String(s.nomor)), txt(s.uraian), txt('-'), num('-'), num('-'), num('-')]]
      : s.program.map((pg, i) => [txt(i === 0 ? String(s.nomor) : ''), txt(i === 0 ? s.uraian : ''), txt(pg.nama), num(rp(pg.pagu), refAnggaran(pg.kode)), num(rp(pg.realisasi), refAnggaran(pg.kode)), num(angka(pg.serapan), refAnggaran(pg.kode))]),
  );
  const t318: Sel[][] = [
    ...ang.sasaran.map((s) => [txt(String(s.nomor)), txt(s.uraian), num(angka(s.capaianKinerja), refSasaran(s.kode)), num(angka(s.serapanRataRataProgram), refEfisiensi(s.kode)), num(angka(s.efisiensi), refEfisiensi(s.kode))]),
    [
      txt('Rata-rata', { lebar: 2, tebal: true }),
      num(angka(ang.rataRata.capaianKinerja), REF_RATA_RATA, true),
      num(angka(ang.rataRata.serapanRataRataProgram), REF_EFISIENSI_RATA_RATA, true),
      num(angka(ang.rataRata.efisiensi), REF_EFISIENSI_RATA_RATA, true),
    ],
  ];
  return [
    { id: `tabel-3.${nomor}`, judul: `Tabel 3.${nomor} Realisasi Anggaran`, kepala: ['Kode', 'Program / Kegiatan / Sub Kegiatan', 'Pagu Anggaran (Rp)', 'Realisasi Anggaran (Rp)', '%'], baris: t316 },
    { id: `tabel-3.${nomor + 1}`, judul: `Tabel 3.${nomor + 1} Realisasi Anggaran per Sasaran Strategis dan Program`, kepala: ['No', 'Sasaran', 'Program', 'Pagu Anggaran (Rp)', 'Realisasi Anggaran (Rp)', 'Capaian (%)'], baris: t317 },
    { id: `tabel-3.${nomor + 2}`, judul: `Tabel 3.${nomor + 2} Tingkat Efisiensi Penggunaan Anggaran`, kepala: ['No', 'Sasaran', '% Capaian Kinerja', '% Capaian Realisasi Anggaran', 'Tingkat Efisiensi'], baris: t318 },
  ];
}

function sumberAnggaran(b: BarisAnggaran, dokumen: string): Sumber {
  return {
    jenis: 'anggaran',
    kode: b.kode,
    nama: b.nama,
    level: b.level,
    pagu: `Rp${rp(b.pagu)}`,
    realisasi: `Rp${rp(b.realisasi)}`,
    sisa: `Rp${rp(b.pagu - b.realisasi)}`,
    serapan: pct(b.serapan),
    dokumen,
    cara: 'Serapan = Realisasi / Pagu × 100%',
  };
}

/** The nearest heading before each placeholder of the LKJIP draft. */
function placeholderBerbagian(blocks: readonly Block[]): Array<{ bagian: string; teks: string }> {
  let bagian = '';
  const out: Array<{ bagian: string; teks: string }> = [];
  for (const b of blocks) {
    if (b.type === 'heading') bagian = b.text;
    if (b.type === 'placeholder') out.push({ bagian, teks: b.text });
  }
  return out;
}

export function susunPratinjau(d: Dataset, opdSlug: string, tahun: number, jejak: JejakPerEntri = new Map()): Pratinjau {
  const k = konteks(d, opdSlug, tahun);
  const cap = hitungCapaian(d, opdSlug, tahun);
  const ang = hitungAnggaran(d, opdSlug, tahun, cap);
  const sumber: Record<string, Sumber> = {};
  const renstraInd = new Map(k.renstra.sasaran.flatMap((s) => s.indikator).map((i) => [i.kode, i]));

  for (const s of cap.sasaran) {
    for (const i of s.indikator) {
      const src = renstraInd.get(i.kode);
      if (src) sumber[refIndikator(i.kode)] = sumberIndikator(k, { nomor: s.nomor, uraian: s.uraian }, src, i, jejak);
    }
    sumber[refSasaran(s.kode)] = {
      jenis: 'sasaran',
      kode: s.kode,
      nomor: s.nomor,
      uraian: s.uraian,
      capaian: pct(s.capaian),
      predikat: s.predikat ?? null,
      capaianTahunLalu: pct(s.capaianLalu),
      cara: 'Capaian sasaran = rata-rata capaian indikatornya (tanpa pembobotan); predikat menurut skala penilaian',
      indikator: s.indikator.map((i) => ({ ref: refIndikator(i.kode), nama: i.nama, capaian: pct(i.capaian), capaianTahunLalu: pct(i.lalu.capaian) })),
    };
  }
  sumber[REF_RATA_RATA] = {
    jenis: 'rata-rata',
    capaian: pct(cap.rataRata.capaian),
    predikat: cap.rataRata.predikat ?? null,
    cara: 'Rata-rata capaian OPD = rata-rata capaian sasaran strategis',
    sasaran: cap.sasaran.map((s) => ({ ref: refSasaran(s.kode), nomor: s.nomor, capaian: pct(s.capaian) })),
  };

  const versi = anggaranTerakhir(k.data);
  const dokumen = versi ? `${versi.versi === 'dpa-perubahan' ? 'DPA Perubahan' : 'DPA'}${versi.sumber ? ` (${versi.sumber})` : ''}` : 'tanpa DPA';
  for (const b of ang.baris) sumber[refAnggaran(b.kode)] = sumberAnggaran(b, dokumen);
  sumber[REF_ANGGARAN_TOTAL] = {
    jenis: 'anggaran',
    kode: 'total',
    nama: 'Total program',
    level: 'total',
    pagu: `Rp${rp(ang.total.pagu)}`,
    realisasi: `Rp${rp(ang.total.realisasi)}`,
    sisa: `Rp${rp(ang.total.sisa)}`,
    serapan: pct(ang.total.serapan),
    dokumen,
    cara: 'Jumlah pagu dan realisasi seluruh program; Serapan = Realisasi / Pagu × 100%',
  };
  const caraEfisiensi = 'Tingkat efisiensi = % capaian kinerja sasaran − rata-rata % serapan anggaran program pendukungnya (poin persen)';
  for (const s of ang.sasaran) {
    sumber[refEfisiensi(s.kode)] = {
      jenis: 'efisiensi',
      nomor: s.nomor,
      uraian: s.uraian,
      capaianKinerja: pct(s.capaianKinerja),
      serapan: pct(s.serapanRataRataProgram),
      efisiensi: angka(s.efisiensi),
      cara: caraEfisiensi,
      program: s.program.map((p) => ({ ref: refAnggaran(p.kode), nama: p.nama, serapan: pct(p.serapan) })),
    };
  }
  sumber[REF_EFISIENSI_RATA_RATA] = {
    jenis: 'efisiensi',
    nomor: null,
    uraian: 'Rata-rata seluruh sasaran',
    capaianKinerja: pct(ang.rataRata.capaianKinerja),
    serapan: pct(ang.rataRata.serapanRataRataProgram),
    efisiensi: angka(ang.rataRata.efisiensi),
    cara: 'Rata-rata nilai per sasaran pada Tabel efisiensi',
    program: [],
  };

  const narasiSasaran = (kode: string) => k.data.narasi?.sasaran.find((n) => n.sasaran === kode);
  const bersih = (items: readonly string[] | undefined) => (items ?? []).flatMap((s) => s.split(/\n+/)).map((s) => s.trim()).filter(Boolean);
  const narasi: Narasi[] = cap.sasaran.flatMap((s) => {
    const n = narasiSasaran(s.kode);
    return [
      { judul: `Sasaran ${s.nomor}: penyebab capaian`, isi: bersih(n?.sebab) },
      { judul: `Sasaran ${s.nomor}: solusi dan upaya`, isi: bersih([...(n?.solusi ?? []), ...(n?.upaya ?? [])]) },
    ];
  });
  const model = susunLkjip(d, opdSlug, tahun);
  // The same list the document marks; kept in document order.
  const belumDiisi = placeholderBerbagian(model.sections.flatMap((s) => s.blocks));
  if (belumDiisi.length !== daftarPlaceholder(model).length) throw new Error('placeholder tidak lengkap');

  return {
    pemda: d.pemda.slug,
    opd: { slug: k.opd.slug, nama: k.opd.nama },
    tahun,
    skala: { nama: k.skala.nama, bands: k.skala.bands.map((b) => ({ min: b.min, label: b.label, warna: b.warna ?? null })) },
    tabel: [tabelCapaian(cap), ...tabelAnalisis(cap, tahun), ...tabelAnggaran(ang, 4 + cap.sasaran.length * 3)],
    sumber,
    narasi,
    belumDiisi,
  };
}
