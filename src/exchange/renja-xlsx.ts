/**
 * The Renja/DPA workbook: import with preview, and the template.
 *
 * One row per nomenclature code (urusan, bidang urusan, program, kegiatan, sub kegiatan), with
 * its first indicator; further indicators of the same code sit on the rows below it with the
 * Kode cell empty (or merged with the row above), the way planning exports print them. The level
 * and the parent follow from the code; the parent must be in the file.
 *
 * The workbook replaces one Renja version (murni or perubahan) of one OPD-year. When the
 * Realisasi column holds values, the file is also that year's DPA (murni → dpa, perubahan →
 * dpa-perubahan): its budget lines are replaced by the rows with a pagu. A column the file does
 * not have keeps what the current Renja records for that code (sasaran links, notes, indicator
 * polarity), so a re-import of an export from the national system loses nothing SIKIPER added.
 */
import type ExcelJS from 'exceljs';
import type {
  AnggaranVersiData,
  Dataset,
  IndikatorRenjaData,
  NodeRenjaData,
  OpdData,
  TahunOpdData,
} from '../dataset/schema.ts';
import { formatRupiah } from '../engine/index.ts';
import { DaftarGalat, type Galat } from './galat.ts';
import { barisSelisih, selisih, type FormatMedan, type NilaiMedan, type Selisih } from './pratinjau-impor.ts';
import { cariOpdTahun, gantiOpdTahun, periksaHasil, type SasaranImpor } from './opd-tahun.ts';
import {
  angkaDariSel,
  angkaDariTeks,
  barisData,
  galatJudul,
  normalJudul,
  PembacaBaris,
  rupiahDariSel,
  tampilSel,
  temukanJudul,
  type Hasil,
  type Judul,
  type Sel,
  type SpekKolom,
} from './xlsx.ts';

export type VersiRenja = 'murni' | 'perubahan';
type Level = NodeRenjaData['level'];

export type KolomRenja =
  | 'kode'
  | 'nama'
  | 'indikator'
  | 'target'
  | 'satuan'
  | 'pagu'
  | 'sumberDana'
  | 'lokasi'
  | 'unit'
  | 'realisasi'
  | 'sasaran'
  | 'catatan'
  | 'kodeIndikator'
  | 'targetTeks'
  | 'targetRenstra'
  | 'polaritas';

/** Accepted headers. Compared without case, spaces or punctuation. */
export const SPEK_RENJA: readonly SpekKolom<KolomRenja>[] = [
  { kunci: 'kode', judul: 'Kode', alias: ['Kode Rekening', 'Nomenklatur', 'Kode Nomenklatur', 'Kode Program/Kegiatan/Sub Kegiatan', 'No Rekening'], wajib: true },
  {
    kunci: 'nama',
    judul: 'Uraian',
    alias: [
      'Program/Kegiatan/Sub Kegiatan',
      'Nama',
      'Nama Program/Kegiatan/Sub Kegiatan',
      'Uraian Program/Kegiatan/Sub Kegiatan',
      'Urusan/Bidang Urusan/Program/Kegiatan/Sub Kegiatan',
      'Urusan/Program/Kegiatan/Sub Kegiatan',
      'Program/Kegiatan',
      'Uraian Urusan/Program/Kegiatan/Sub Kegiatan',
    ],
    wajib: true,
  },
  {
    kunci: 'indikator',
    judul: 'Indikator',
    alias: ['Tolok Ukur', 'Tolak Ukur', 'Indikator Kinerja', 'Tolok Ukur Kinerja', 'Tolak Ukur Kinerja', 'Indikator (Tolok Ukur)', 'Indikator Kinerja (Tolok Ukur)', 'Nama Indikator', 'Indikator Kinerja Tolok Ukur'],
  },
  { kunci: 'target', judul: 'Target', alias: ['Target Kinerja', 'Target Capaian', 'Indikator Kinerja Target'] },
  { kunci: 'satuan', judul: 'Satuan', alias: ['Satuan Target', 'Indikator Kinerja Satuan'] },
  {
    kunci: 'pagu',
    judul: 'Pagu (Rp)',
    alias: ['Pagu', 'Pagu Anggaran', 'Anggaran (Rp)', 'Anggaran', 'Jumlah', 'Jumlah (Rp)', 'Pagu Indikatif', 'Pagu Anggaran (Rp)', 'Alokasi Anggaran', 'Anggaran Pagu'],
  },
  { kunci: 'sumberDana', judul: 'Sumber Dana', alias: ['Sumber Anggaran', 'Sumber Pendanaan'] },
  { kunci: 'lokasi', judul: 'Lokasi', alias: ['Lokasi Kegiatan', 'Lokasi Sasaran'] },
  {
    kunci: 'unit',
    judul: 'Penanggung Jawab',
    alias: ['Bidang', 'Unit', 'Unit Kerja', 'Unit Penanggung Jawab', 'Bidang Penanggung Jawab', 'Pelaksana', 'Perangkat Daerah Penanggung Jawab', 'PJ'],
  },
  { kunci: 'realisasi', judul: 'Realisasi (Rp)', alias: ['Realisasi', 'Realisasi Anggaran', 'Realisasi Keuangan', 'Realisasi Anggaran (Rp)', 'Anggaran Realisasi'] },
  { kunci: 'sasaran', judul: 'Sasaran', alias: ['Kode Sasaran', 'Sasaran Strategis', 'Sasaran Renstra'] },
  { kunci: 'catatan', judul: 'Catatan', alias: ['Keterangan', 'Ket'] },
  { kunci: 'kodeIndikator', judul: 'Kode Indikator', alias: [] },
  { kunci: 'targetTeks', judul: 'Target (Teks)', alias: ['Target Tertulis', 'Target Teks'] },
  { kunci: 'targetRenstra', judul: 'Target Renstra', alias: ['Target Renstra Tahun Ini'] },
  { kunci: 'polaritas', judul: 'Polaritas', alias: ['Arah Indikator'] },
];

const KOLOM_NODE: readonly KolomRenja[] = ['pagu', 'sumberDana', 'lokasi', 'unit', 'realisasi', 'sasaran', 'catatan'];
const SEMUA: readonly KolomRenja[] = SPEK_RENJA.map((s) => s.kunci);

/** Level by the number of code segments (Kepmendagri 050-5889/2021). */
export const LEVEL_SEGMEN: Readonly<Record<number, Level>> = { 1: 'urusan', 2: 'bidang-urusan', 3: 'program', 5: 'kegiatan', 6: 'sub-kegiatan' };
const INDUK_SEGMEN: Readonly<Record<number, number>> = { 2: 1, 3: 2, 5: 3, 6: 5 };
const NAMA_LEVEL: Readonly<Record<Level, string>> = {
  urusan: 'urusan',
  'bidang-urusan': 'bidang urusan',
  program: 'program',
  kegiatan: 'kegiatan',
  'sub-kegiatan': 'sub kegiatan',
};

export function levelKode(kode: string): { level: Level; induk: string | undefined } | undefined {
  const seg = kode.split('.');
  const level = LEVEL_SEGMEN[seg.length];
  if (!level) return undefined;
  const n = INDUK_SEGMEN[seg.length];
  return { level, induk: n === undefined ? undefined : seg.slice(0, n).join('.') };
}

// ---------------------------------------------------------------- reading

interface IndikatorBaca {
  baris: number;
  kode?: string | undefined;
  nama: string;
  target?: number | undefined;
  targetTeks?: string | undefined;
  satuan?: string | undefined;
  targetRenstra?: number | undefined;
  polaritas?: IndikatorRenjaData['polaritas'] | undefined;
}

interface BarisRenja {
  baris: number;
  kode: string;
  nama: string;
  lokasi?: string | undefined;
  pagu?: number | undefined;
  realisasi?: number | undefined;
  sumberDana?: string | undefined;
  unit?: string | undefined;
  sasaran?: string[] | undefined;
  catatan?: string | undefined;
  indikator: IndikatorBaca[];
}

export interface BacaanRenja {
  berkas: string;
  lembar: string;
  judul: Judul<KolomRenja> | undefined;
  baris: BarisRenja[];
  /** The Realisasi column has at least one value: the file is also a DPA. */
  dpa: boolean;
  galat: Galat[];
  peringatan: string[];
}

const KODE = /^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$/;

function kodeDariSel(s: Sel): Hasil<string> {
  let kode: string;
  if (s.jenis === 'angka') {
    if (!Number.isInteger(s.angka)) {
      return { ok: false, pesan: `kode ditulis sebagai angka (${tampilSel(s)}); format kolom Kode sebagai Teks agar angka 0 di belakang tidak hilang` };
    }
    kode = String(s.angka);
  } else if (s.jenis === 'teks') kode = s.teks.replace(/\s+/g, '');
  else return { ok: false, pesan: `${tampilSel(s)} bukan kode` };
  if (!KODE.test(kode)) return { ok: false, pesan: `kode "${kode}" tidak sah: hanya huruf/angka dipisah titik, mis. 2.07.03.2.01.0001` };
  const seg = kode.split('.').length;
  if (!LEVEL_SEGMEN[seg]) {
    return { ok: false, pesan: `kode "${kode}" tidak sesuai nomenklatur: ${seg} segmen (urusan 1, bidang urusan 2, program 3, kegiatan 5, sub kegiatan 6)` };
  }
  return { ok: true, nilai: kode };
}

/** A target cell: a number, or text that starts with one ("14 bulan", "79,17 BB"), kept as written. */
export function targetDariSel(s: Sel): Hasil<{ target: number; targetTeks?: string | undefined }> {
  if (s.jenis === 'angka') return Number.isFinite(s.angka) ? { ok: true, nilai: { target: s.angka } } : { ok: false, pesan: `${tampilSel(s)} bukan angka` };
  if (s.jenis === 'teks') {
    const whole = angkaDariTeks(s.teks);
    if (whole !== undefined) return { ok: true, nilai: { target: whole } };
    const m = /^(-?\d[\d.,]*?)[.,]?\s*([^\d\s.,].*)$/s.exec(s.teks);
    const n = m ? angkaDariTeks(m[1] ?? '') : undefined;
    if (n !== undefined) return { ok: true, nilai: { target: n, targetTeks: s.teks } };
  }
  return { ok: false, pesan: `${tampilSel(s)} bukan target angka (tulis angka, mis. 14, atau angka dengan satuan, mis. "14 bulan")` };
}

function polaritasDariSel(s: Sel): Hasil<IndikatorRenjaData['polaritas']> {
  const t = s.jenis === 'teks' ? normalJudul(s.teks) : '';
  if (t === 'positif' || t === 'naik') return { ok: true, nilai: 'positif' };
  if (t === 'negatif' || t === 'turun') return { ok: true, nilai: 'negatif' };
  return { ok: false, pesan: `${tampilSel(s)} bukan polaritas (isi positif atau negatif)` };
}

const LEMBAR_PETUNJUK = /^(petunjuk|instruksi|keterangan|readme)/i;

/** Reads the first sheet that has a Renja header; problems are collected, not thrown. */
export function bacaRenjaWorkbook(wb: ExcelJS.Workbook, berkas: string): BacaanRenja {
  const galat = new DaftarGalat();
  const peringatan: string[] = [];
  const sheets = wb.worksheets.filter((ws) => !LEMBAR_PETUNJUK.test(ws.name));
  const kosong = (ws: ExcelJS.Worksheet) => ws.actualRowCount === 0;
  const hasil: BacaanRenja = { berkas, lembar: sheets[0]?.name ?? '', judul: undefined, baris: [], dpa: false, galat: galat.isi, peringatan };
  if (sheets.length === 0 || sheets.every(kosong)) {
    galat.tambah({ lembar: sheets[0]?.name, pesan: 'lembar kerja kosong: tidak ada judul kolom maupun baris data' });
    return hasil;
  }
  let chosen: { ws: ExcelJS.Worksheet; judul: Judul<KolomRenja> } | undefined;
  let firstProblem: Galat[] | undefined;
  for (const ws of sheets) {
    if (kosong(ws)) continue;
    const found = temukanJudul(ws, SPEK_RENJA);
    if ('judul' in found) {
      if (chosen) {
        peringatan.push(`lembar "${ws.name}" diabaikan: hanya lembar pertama yang berjudul kolom Renja ("${chosen.ws.name}") yang dibaca`);
        continue;
      }
      if (found.ganda.length > 0) galatJudul(ws.name, SPEK_RENJA, found).forEach((g) => galat.tambah(g));
      chosen = { ws, judul: found.judul };
    } else firstProblem ??= galatJudul(ws.name, SPEK_RENJA, found);
  }
  if (!chosen) {
    (firstProblem ?? []).forEach((g) => galat.tambah(g));
    return hasil;
  }
  const { ws, judul } = chosen;
  hasil.lembar = ws.name;
  hasil.judul = judul;
  const baca = new PembacaBaris(ws.name, judul, galat);
  const rows = barisData(ws, judul, baca, SEMUA);
  if (rows.length === 0) {
    galat.tambah({ lembar: ws.name, pesan: `tidak ada baris data di bawah judul kolom (baris ${judul.baris})` });
    return hasil;
  }

  const seen = new Map<string, number>();
  const seenIndikator = new Map<string, number>();
  let current: BarisRenja | undefined;
  for (const row of rows) {
    const r = row.number;
    const kodeSel = baca.sel(row, 'kode');
    // A formula or error in Kode was reported by `sel`; the row cannot be placed.
    if (kodeSel.jenis === 'kosong' && baca.terisi(row, ['kode'])) continue;
    const indikator = (): IndikatorBaca | undefined => {
      const nama = baca.teks(row, 'indikator');
      const t = baca.ubah(row, 'target', targetDariSel);
      const teks = baca.teks(row, 'targetTeks');
      const satuan = baca.teks(row, 'satuan');
      const targetRenstra = baca.ubah(row, 'targetRenstra', angkaDariSel);
      const polaritas = baca.ubah(row, 'polaritas', polaritasDariSel);
      const kode = baca.teks(row, 'kodeIndikator');
      if (nama === undefined) {
        const stray = (['target', 'satuan', 'kodeIndikator', 'targetTeks', 'targetRenstra', 'polaritas'] as const).find((k) => baca.terisi(row, [k]));
        if (stray) baca.lapor(r, stray, 'diisi tanpa Indikator di baris yang sama');
        return undefined;
      }
      if (kode !== undefined) {
        const prev = seenIndikator.get(kode);
        if (prev !== undefined) baca.lapor(r, 'kodeIndikator', `kode indikator "${kode}" sudah dipakai di baris ${prev}`);
        seenIndikator.set(kode, r);
      }
      return { baris: r, kode, nama, target: t?.target, targetTeks: teks ?? t?.targetTeks, satuan, targetRenstra, polaritas };
    };

    if (kodeSel.jenis === 'kosong') {
      const nama = baca.teks(row, 'nama');
      if (nama !== undefined && /^(jumlah|total)\b/i.test(nama) && !baca.terisi(row, ['indikator'])) continue;
      if (!baca.terisi(row, ['indikator'])) {
        baca.lapor(r, 'kode', 'Kode wajib diisi');
        continue;
      }
      if (!current) {
        baca.lapor(r, 'kode', 'baris indikator tanpa Kode harus berada di bawah baris yang berkode');
        continue;
      }
      if (nama !== undefined && nama !== current.nama) baca.lapor(r, 'nama', `baris tanpa Kode adalah indikator tambahan kode ${current.kode}; Uraian-nya harus kosong atau sama`);
      for (const k of KOLOM_NODE) if (baca.terisi(row, [k])) baca.lapor(r, k, `baris tanpa Kode hanya boleh berisi indikator tambahan kode ${current.kode} (Indikator, Target, Satuan)`);
      const ind = indikator();
      if (ind) current.indikator.push(ind);
      continue;
    }

    const kode = baca.ubah(row, 'kode', kodeDariSel);
    const nama = baca.teks(row, 'nama');
    if (nama === undefined && !baca.terisi(row, ['nama'])) baca.lapor(r, 'nama', 'Uraian wajib diisi');
    const node: BarisRenja = {
      baris: r,
      kode: kode ?? '',
      nama: nama ?? '',
      lokasi: baca.teks(row, 'lokasi'),
      pagu: baca.ubah(row, 'pagu', rupiahDariSel),
      realisasi: baca.ubah(row, 'realisasi', rupiahDariSel),
      sumberDana: baca.teks(row, 'sumberDana'),
      unit: baca.teks(row, 'unit'),
      sasaran: baca.teks(row, 'sasaran')?.split(/[,;\s]+/).filter((x) => x !== ''),
      catatan: baca.teks(row, 'catatan'),
      indikator: [],
    };
    const ind = indikator();
    if (ind) node.indikator.push(ind);
    current = node;
    if (kode === undefined) continue;
    const prev = seen.get(kode);
    if (prev !== undefined) {
      baca.lapor(r, 'kode', `kode "${kode}" sudah ada di baris ${prev}`);
      continue;
    }
    seen.set(kode, r);
    if (node.realisasi !== undefined) hasil.dpa = true;
    hasil.baris.push(node);
  }
  return hasil;
}

// ---------------------------------------------------------------- applying

export interface PratinjauRenja {
  pemda: string;
  opd: string;
  tahun: number;
  versi: VersiRenja;
  berkas: string;
  lembar: string;
  jumlahBaris: number;
  renja: Selisih;
  /** Present when the file carries realisasi, i.e. is also the DPA. */
  dpa?: (Selisih & { versi: AnggaranVersiData['versi'] }) | undefined;
  peringatan: string[];
}

export interface OpsiImporRenja extends SasaranImpor {
  versi: VersiRenja;
}

const ANGKA_ID = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 6 });
const angkaTeks = (n: number | undefined) => (n === undefined ? '' : ANGKA_ID.format(n));

function ringkasIndikator(i: IndikatorRenjaData): string {
  const target = i.targetTeks ?? angkaTeks(i.target);
  return [
    i.nama,
    target ? `target ${target}${i.satuan && !i.targetTeks ? ` ${i.satuan}` : ''}` : '',
    i.targetTeks && i.satuan ? `satuan ${i.satuan}` : '',
    i.targetRenstra === undefined ? '' : `target Renstra ${angkaTeks(i.targetRenstra)}`,
    i.polaritas === 'negatif' ? 'negatif' : '',
  ]
    .filter((x) => x !== '')
    .join('; ');
}

function medanNode(n: NodeRenjaData): Map<string, NilaiMedan> {
  const m = new Map<string, NilaiMedan>([
    ['nama', n.nama],
    ['lokasi', n.lokasi],
    ['pagu', n.pagu],
    ['sumber dana', n.sumberDana],
    ['penanggung jawab', n.unit],
    ['catatan', n.catatan],
    ['sasaran', n.sasaran.join(', ')],
  ]);
  for (const i of n.indikator) m.set(`indikator ${i.kode}`, ringkasIndikator(i));
  return m;
}

/** Money fields in rupiah, the rest as they are. */
const formatRupiahMedan: FormatMedan = (medan, v) => (typeof v === 'number' && (medan === 'pagu' || medan === 'realisasi') ? formatRupiah(v) : String(v));

function lokasi(b: BacaanRenja, baris: number, kunci: KolomRenja, pesan: string): Galat {
  const k = b.judul?.kolom.get(kunci);
  return { lembar: b.lembar, baris, kolom: k?.huruf, judul: k?.teks, pesan };
}

function cariUnit(opd: OpdData, teks: string): string | undefined {
  const n = normalJudul(teks);
  return (opd.unit.find((u) => normalJudul(u.kode) === n) ?? opd.unit.find((u) => normalJudul(u.nama) === n))?.kode;
}

/**
 * Builds the new Renja version (and DPA) of the OPD-year from what was read, against the
 * current dataset. Pure: returns the changed dataset, the preview and every problem found.
 */
export function terapkanRenja(d: Dataset, b: BacaanRenja, opsi: OpsiImporRenja): { dataset: Dataset; pratinjau: PratinjauRenja; galat: Galat[] } {
  const galat: Galat[] = [...b.galat];
  const { opd, tahun } = cariOpdTahun(d, opsi);
  const lamaVersi = tahun.renja.find((r) => r.versi === opsi.versi);
  const pratinjauDasar = { pemda: d.pemda.slug, opd: opd.slug, tahun: opsi.tahun, versi: opsi.versi, berkas: b.berkas, lembar: b.lembar, jumlahBaris: b.baris.length, peringatan: b.peringatan };
  if (!b.judul || b.baris.length === 0) {
    // Nothing readable: comparing would list every stored code as removed.
    return { dataset: d, galat, pratinjau: { ...pratinjauDasar, renja: { baru: lamaVersi === undefined, tambah: [], ubah: [], hapus: [], tetap: 0 } } };
  }
  const lamaNode = new Map((lamaVersi?.node ?? []).map((n) => [n.kode, n]));
  const punya = (k: KolomRenja) => b.judul?.kolom.has(k) ?? false;
  const kodeFile = new Map(b.baris.map((x) => [x.kode, x]));
  const sasaranOpd = new Set(opd.renstra.flatMap((r) => r.sasaran.map((s) => s.kode)));
  const unitList = opd.unit.map((u) => `${u.kode} (${u.nama})`).join(', ');

  // Indicator codes already taken by codes the file names explicitly, so that generated ones avoid them.
  const dipakai = new Set(b.baris.flatMap((x) => x.indikator.flatMap((i) => (i.kode ? [i.kode] : []))));
  const nodes: NodeRenjaData[] = [];
  for (const x of b.baris) {
    const lv = levelKode(x.kode);
    if (!lv) continue;
    const old = lamaNode.get(x.kode);
    if (lv.induk !== undefined && !kodeFile.has(lv.induk)) {
      const indukLevel = levelKode(lv.induk)?.level;
      galat.push(lokasi(b, x.baris, 'kode', `induk "${lv.induk}" tidak ada di berkas: ${NAMA_LEVEL[lv.level]} ${x.kode} memerlukan baris ${indukLevel ? NAMA_LEVEL[indukLevel] : 'induk'} ${lv.induk}`));
    }
    let unit: string | undefined = old?.unit;
    if (punya('unit')) {
      unit = undefined;
      if (x.unit !== undefined) {
        unit = cariUnit(opd, x.unit);
        if (!unit) galat.push(lokasi(b, x.baris, 'unit', `unit "${x.unit}" tidak dikenal; isi kode atau nama unit OPD: ${unitList || '(OPD belum punya unit)'}`));
      }
    }
    let sasaran = old?.sasaran ?? [];
    if (punya('sasaran')) {
      sasaran = x.sasaran ?? [];
      for (const s of sasaran) if (!sasaranOpd.has(s)) galat.push(lokasi(b, x.baris, 'sasaran', `sasaran "${s}" tidak ada di Renstra ${opd.slug}`));
    }
    let indikator: IndikatorRenjaData[] = old?.indikator ?? [];
    if (punya('indikator')) {
      const oldByKode = new Map((old?.indikator ?? []).map((i) => [i.kode, i]));
      const oldByNama = new Map((old?.indikator ?? []).map((i) => [normalJudul(i.nama), i]));
      let next = 1;
      const kodeBaru = () => {
        while (dipakai.has(`${x.kode}#${next}`)) next++;
        return `${x.kode}#${next}`;
      };
      indikator = x.indikator.map((i): IndikatorRenjaData => {
        // Without an explicit code an indicator keeps the code it had under the same name, so realisasi stay attached to it.
        let kode = i.kode;
        if (kode === undefined) {
          const byName = oldByNama.get(normalJudul(i.nama));
          kode = byName && !dipakai.has(byName.kode) ? byName.kode : kodeBaru();
        }
        dipakai.add(kode);
        const prev = oldByKode.get(kode);
        const target = punya('target') ? i.target : prev?.target;
        const targetTeks = punya('target') || punya('targetTeks') ? i.targetTeks : prev?.targetTeks;
        const satuan = punya('satuan') ? i.satuan : prev?.satuan;
        const targetRenstra = punya('targetRenstra') ? i.targetRenstra : prev?.targetRenstra;
        return {
          kode,
          nama: i.nama,
          ...(target === undefined ? {} : { target }),
          ...(targetTeks === undefined ? {} : { targetTeks }),
          ...(satuan === undefined ? {} : { satuan }),
          ...(targetRenstra === undefined ? {} : { targetRenstra }),
          polaritas: (punya('polaritas') ? i.polaritas : prev?.polaritas) ?? 'positif',
        };
      });
    }
    const lokasiNode = punya('lokasi') ? x.lokasi : old?.lokasi;
    const pagu = punya('pagu') ? x.pagu : old?.pagu;
    const sumberDana = punya('sumberDana') ? x.sumberDana : old?.sumberDana;
    const catatan = punya('catatan') ? x.catatan : old?.catatan;
    nodes.push({
      kode: x.kode,
      level: lv.level,
      ...(lv.induk === undefined ? {} : { induk: lv.induk }),
      nama: x.nama,
      ...(lokasiNode === undefined ? {} : { lokasi: lokasiNode }),
      indikator,
      ...(pagu === undefined ? {} : { pagu }),
      ...(sumberDana === undefined ? {} : { sumberDana }),
      ...(unit === undefined ? {} : { unit }),
      ...(catatan === undefined ? {} : { catatan }),
      sasaran,
    });
  }

  const versiBaru = { ...(lamaVersi ?? { versi: opsi.versi, sumber: `impor ${b.berkas}` }), node: nodes };
  const renja = lamaVersi ? tahun.renja.map((r) => (r === lamaVersi ? versiBaru : r)) : [...tahun.renja, versiBaru];

  let anggaran = tahun.anggaran;
  let dpaSelisih: PratinjauRenja['dpa'];
  if (b.dpa) {
    const versiDpa: AnggaranVersiData['versi'] = opsi.versi === 'murni' ? 'dpa' : 'dpa-perubahan';
    const lamaDpa = tahun.anggaran.find((a) => a.versi === versiDpa);
    const baris: AnggaranVersiData['baris'] = [];
    for (const x of b.baris) {
      if (x.pagu !== undefined) baris.push({ kode: x.kode, pagu: x.pagu, realisasi: x.realisasi ?? 0 });
      else if (x.realisasi !== undefined) galat.push(lokasi(b, x.baris, 'realisasi', 'Realisasi diisi tanpa Pagu'));
    }
    const dpaBaru: AnggaranVersiData = { ...(lamaDpa ?? { versi: versiDpa, kelompok: [], sumber: `impor ${b.berkas}` }), baris };
    anggaran = lamaDpa ? tahun.anggaran.map((a) => (a === lamaDpa ? dpaBaru : a)) : [...tahun.anggaran, dpaBaru];
    const medanDpa = (x: { pagu: number; realisasi: number }) => new Map<string, NilaiMedan>([['pagu', x.pagu], ['realisasi', x.realisasi]]);
    const namaKode = (kode: string) => ({ nama: kodeFile.get(kode)?.nama ?? lamaNode.get(kode)?.nama ?? '' });
    dpaSelisih = { versi: versiDpa, ...selisih(lamaDpa?.baris, baris, medanDpa, (x) => namaKode(x.kode), true, formatRupiahMedan) };
  }

  const tahunBaru: TahunOpdData = { ...tahun, renja, anggaran };
  const dataset = gantiOpdTahun(d, opd.slug, tahunBaru);
  if (galat.length === 0) galat.push(...periksaHasil(dataset));
  const pratinjau: PratinjauRenja = {
    ...pratinjauDasar,
    renja: selisih(lamaVersi?.node, nodes, medanNode, (n) => ({ jenis: NAMA_LEVEL[n.level], nama: n.nama }), true, formatRupiahMedan),
    dpa: dpaSelisih,
  };
  return { dataset, pratinjau, galat };
}

// ---------------------------------------------------------------- preview text

export function teksPratinjauRenja(p: PratinjauRenja): string {
  return [
    `Pratinjau impor Renja ${p.versi} ${p.tahun}: OPD ${p.opd}, pemda ${p.pemda}; berkas ${p.berkas}, lembar "${p.lembar}", ${p.jumlahBaris} kode`,
    ...barisSelisih(`Renja ${p.versi}`, p.renja),
    ...(p.dpa ? barisSelisih(`DPA ${p.dpa.versi}`, p.dpa) : ['DPA: tidak diubah (kolom Realisasi kosong atau tidak ada)']),
    ...p.peringatan.map((w) => `peringatan: ${w}`),
  ].join('\n');
}

// ---------------------------------------------------------------- writing

export const FMT_RUPIAH = '#,##0';
export const FMT_ANGKA = '#,##0.00';

export function gayaJudul(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7ECF0' } };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
}

/** The columns SIKIPER writes, in this order; `Realisasi (Rp)` only with a DPA, `Target (Teks)` only when needed. */
const TULIS: ReadonlyArray<{ kunci: KolomRenja; lebar: number }> = [
  { kunci: 'kode', lebar: 20 },
  { kunci: 'nama', lebar: 55 },
  { kunci: 'indikator', lebar: 50 },
  { kunci: 'target', lebar: 14 },
  { kunci: 'satuan', lebar: 12 },
  { kunci: 'pagu', lebar: 18 },
  { kunci: 'sumberDana', lebar: 12 },
  { kunci: 'lokasi', lebar: 16 },
  { kunci: 'unit', lebar: 28 },
  { kunci: 'realisasi', lebar: 18 },
  { kunci: 'sasaran', lebar: 10 },
  { kunci: 'catatan', lebar: 14 },
  { kunci: 'targetTeks', lebar: 18 },
  { kunci: 'targetRenstra', lebar: 12 },
  { kunci: 'polaritas', lebar: 10 },
];

/** What goes into the Target cell so that reading it back gives the same target and text. */
function selTarget(i: IndikatorRenjaData): { target: number | string | null; teks: string | null } {
  if (i.targetTeks !== undefined) {
    const back = targetDariSel({ jenis: 'teks', teks: i.targetTeks });
    if (back.ok && back.nilai.target === i.target && back.nilai.targetTeks === i.targetTeks) return { target: i.targetTeks, teks: null };
    return { target: i.target ?? null, teks: i.targetTeks };
  }
  return { target: i.target ?? null, teks: null };
}

export interface OpsiLembarRenja {
  /** Pagu and realisasi per code from the DPA; adds the Realisasi column. */
  dpa?: ReadonlyMap<string, { pagu: number; realisasi: number }> | undefined;
  /** Unit code → what to write in Penanggung Jawab (default: the code). */
  unit?: ((kode: string) => string) | undefined;
}

/**
 * Writes Renja nodes in the import layout: header on row 1, frozen; one row per code with its
 * first indicator, one row below it (Kode empty) per further indicator.
 */
export function tulisLembarRenja(ws: ExcelJS.Worksheet, nodes: readonly NodeRenjaData[], opsi: OpsiLembarRenja = {}): void {
  const perlu = (k: KolomRenja): boolean => {
    switch (k) {
      case 'realisasi':
        return opsi.dpa !== undefined;
      case 'targetTeks':
        return nodes.some((n) => n.indikator.some((i) => selTarget(i).teks !== null));
      case 'targetRenstra':
        return nodes.some((n) => n.indikator.some((i) => i.targetRenstra !== undefined));
      case 'polaritas':
        return nodes.some((n) => n.indikator.some((i) => i.polaritas !== 'positif'));
      case 'kodeIndikator':
        return nodes.some((n) => n.indikator.some((i, idx) => i.kode !== `${n.kode}#${idx + 1}`));
      case 'kode':
      case 'nama':
      case 'indikator':
      case 'target':
      case 'satuan':
      case 'pagu':
      case 'sumberDana':
      case 'lokasi':
      case 'unit':
      case 'sasaran':
      case 'catatan':
        return true;
    }
  };
  const cols = [...TULIS, { kunci: 'kodeIndikator' as const, lebar: 22 }].filter((c) => perlu(c.kunci));
  const idx = new Map(cols.map((c, i) => [c.kunci, i + 1]));
  const judulOf = (k: KolomRenja) => SPEK_RENJA.find((s) => s.kunci === k)?.judul ?? k;
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  cols.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.lebar;
  });
  const header = ws.getRow(1);
  header.values = cols.map((c) => judulOf(c.kunci));
  gayaJudul(header);
  const put = (row: ExcelJS.Row, k: KolomRenja, v: ExcelJS.CellValue) => {
    const c = idx.get(k);
    if (c !== undefined && v !== null && v !== undefined && v !== '') row.getCell(c).value = v;
  };
  for (const n of nodes) {
    const lines = Math.max(1, n.indikator.length);
    for (let li = 0; li < lines; li++) {
      const row = ws.addRow([]);
      const ind = n.indikator[li];
      if (li === 0) {
        put(row, 'kode', n.kode);
        put(row, 'nama', n.nama);
        put(row, 'pagu', n.pagu ?? null);
        put(row, 'sumberDana', n.sumberDana ?? null);
        put(row, 'lokasi', n.lokasi ?? null);
        put(row, 'unit', n.unit === undefined ? null : (opsi.unit ?? ((k: string) => k))(n.unit));
        put(row, 'realisasi', opsi.dpa?.get(n.kode)?.realisasi ?? null);
        put(row, 'sasaran', n.sasaran.join(', '));
        put(row, 'catatan', n.catatan ?? null);
        if (n.level === 'urusan' || n.level === 'bidang-urusan' || n.level === 'program') row.font = { bold: true };
      }
      if (ind) {
        const t = selTarget(ind);
        put(row, 'indikator', ind.nama);
        put(row, 'target', t.target);
        put(row, 'targetTeks', t.teks);
        put(row, 'satuan', ind.satuan ?? null);
        put(row, 'targetRenstra', ind.targetRenstra ?? null);
        put(row, 'polaritas', ind.polaritas);
        put(row, 'kodeIndikator', ind.kode);
      }
      for (const k of ['pagu', 'realisasi'] as const) {
        const c = idx.get(k);
        if (c !== undefined) row.getCell(c).numFmt = FMT_RUPIAH;
      }
      const kc = idx.get('kode');
      if (kc !== undefined) row.getCell(kc).numFmt = '@';
    }
  }
  ws.getColumn(idx.get('nama') ?? 2).alignment = { wrapText: true, vertical: 'top' };
}

/**
 * DPA pagu and realisasi by code when the DPA matches the Renja version; the DPA's own pagu is
 * what the Realisasi column pairs with.
 */
export function dpaPerKode(a: AnggaranVersiData | undefined): Map<string, { pagu: number; realisasi: number }> | undefined {
  return a ? new Map(a.baris.map((b) => [b.kode, { pagu: b.pagu, realisasi: b.realisasi }])) : undefined;
}

const CONTOH: NodeRenjaData[] = [
  { kode: '2', level: 'urusan', nama: 'Urusan Pemerintahan Wajib yang Tidak Berkaitan dengan Pelayanan Dasar', indikator: [], sasaran: [] },
  { kode: '2.07', level: 'bidang-urusan', induk: '2', nama: 'Urusan Pemerintahan Bidang Tenaga Kerja', indikator: [], sasaran: [] },
  {
    kode: '2.07.03',
    level: 'program',
    induk: '2.07',
    nama: 'Program Pelatihan Kerja dan Produktivitas Tenaga Kerja',
    lokasi: 'Kab. Contoh',
    indikator: [{ kode: '2.07.03#1', nama: 'Persentase tenaga kerja bersertifikat kompetensi', target: 60, satuan: '%', polaritas: 'positif' }],
    pagu: 2_238_947_501,
    sumberDana: 'APBD',
    unit: 'Bidang Pelatihan dan Produktivitas Kerja',
    sasaran: ['S1'],
  },
  {
    kode: '2.07.03.2.01',
    level: 'kegiatan',
    induk: '2.07.03',
    nama: 'Pelaksanaan Pelatihan berdasarkan Unit Kompetensi',
    lokasi: 'Kab. Contoh',
    indikator: [{ kode: '2.07.03.2.01#1', nama: 'Jumlah peserta pelatihan yang lulus', target: 200, satuan: 'Orang', polaritas: 'positif' }],
    pagu: 1_620_354_264,
    sumberDana: 'APBD',
    unit: 'UPTD Balai Latihan Kerja',
    sasaran: [],
  },
  {
    kode: '2.07.03.2.01.0001',
    level: 'sub-kegiatan',
    induk: '2.07.03.2.01',
    nama: 'Proses Pelaksanaan Pendidikan dan Pelatihan Keterampilan bagi Pencari Kerja',
    lokasi: 'Kab. Contoh',
    indikator: [
      { kode: '2.07.03.2.01.0001#1', nama: 'Jumlah pencari kerja yang dilatih', target: 224, satuan: 'Orang', polaritas: 'positif' },
      { kode: '2.07.03.2.01.0001#2', nama: 'Lama pelatihan', target: 14, targetTeks: '14 hari', satuan: 'Hari', polaritas: 'positif' },
    ],
    pagu: 1_225_354_264,
    sumberDana: 'APBD',
    unit: 'UPTD Balai Latihan Kerja',
    sasaran: [],
  },
];

const PETUNJUK_RENJA: ReadonlyArray<[string, string]> = [
  ['Kode', 'Wajib. Kode nomenklatur (Kepmendagri 050-5889/2021). Jumlah segmen menentukan tingkat: 2 = urusan, 2.07 = bidang urusan, 2.07.03 = program, 2.07.03.2.01 = kegiatan, 2.07.03.2.01.0001 = sub kegiatan. Induk setiap baris (mis. 2.07.03 untuk 2.07.03.2.01) harus ada di berkas. Format kolom ini sebagai Teks agar 2.10 tidak menjadi 2,1. Judul lain yang diterima: Kode Rekening, Nomenklatur.'],
  ['Uraian', 'Wajib. Nama urusan/program/kegiatan/sub kegiatan. Diterima juga: Program/Kegiatan/Sub Kegiatan, Nama.'],
  ['Indikator', 'Tolok ukur kinerja baris itu. Indikator kedua dan seterusnya ditulis di baris di bawahnya dengan Kode dan Uraian kosong. Diterima juga: Tolok Ukur, Tolak Ukur, Indikator Kinerja.'],
  ['Target', 'Angka (14) atau angka dengan satuan ("14 bulan", "79,17 BB"); teksnya disimpan seperti ditulis.'],
  ['Satuan', 'Satuan target: %, Orang, Dokumen, Kawasan, ...'],
  ['Pagu (Rp)', 'Rupiah bulat, tanpa sen: 1234567 atau 1.234.567. Diterima juga: Pagu, Pagu Anggaran, Anggaran (Rp), Jumlah.'],
  ['Sumber Dana', 'Mis. APBD, DAK, DBH.'],
  ['Lokasi', 'Lokasi pelaksanaan.'],
  ['Penanggung Jawab', 'Kode atau nama unit OPD (bidang, sub bagian, UPTD) yang terdaftar. Diterima juga: Bidang, Unit.'],
  ['Realisasi (Rp)', 'Hanya untuk DPA. Bila satu sel saja terisi, berkas juga menjadi DPA tahun itu (Renja murni → DPA, Renja perubahan → DPA perubahan): baris DPA diganti dengan semua baris yang berpagu; realisasi kosong dihitung 0. Hapus kolom ini atau biarkan kosong untuk mengimpor Renja saja.'],
  ['Sasaran', 'Kode sasaran Renstra yang didukung program, dipisah koma (mis. S1, S2).'],
  ['Catatan', 'Bebas. Diterima juga: Keterangan.'],
  ['Kolom tambahan', 'Kode Indikator, Target (Teks), Target Renstra, Polaritas (positif/negatif) boleh ditambahkan. Kolom yang tidak ada di berkas tidak mengubah data yang sudah tercatat untuk kode yang sama.'],
  ['Aturan umum', 'Judul kolom dicari di 10 baris pertama (boleh dua baris dengan sel gabungan), urutan kolom bebas, huruf besar/kecil dan tanda baca diabaikan. Sel berisi rumus atau galat (#REF!, #N/A) ditolak: tempel sebagai nilai. Kode yang sama dua kali ditolak. Bila ada satu kesalahan saja, tidak ada yang disimpan. Ukuran berkas paling besar 10 MB.'],
  ['Perintah', 'Pratinjau: sikiper import-renja BERKAS --pemda P --opd O --tahun T --versi murni|perubahan. Simpan: tambahkan --commit.'],
];

/** Writes an instructions sheet: a title and two columns (item, explanation). */
export function tulisPetunjuk(wb: ExcelJS.Workbook, judul: string, isi: ReadonlyArray<[string, string]>): void {
  const ws = wb.addWorksheet('Petunjuk');
  ws.getCell('A1').value = judul;
  ws.getCell('A1').font = { bold: true, size: 13 };
  ws.getColumn(1).width = 22;
  ws.getColumn(2).width = 110;
  const head = ws.getRow(3);
  head.values = ['Kolom / hal', 'Penjelasan'];
  gayaJudul(head);
  for (const [a, b] of isi) {
    const row = ws.addRow([a, b]);
    row.getCell(1).font = { bold: true };
    row.alignment = { wrapText: true, vertical: 'top' };
  }
}

/** The Renja/DPA template: header, one example row per level, instructions on a second sheet. */
export async function buatTemplateRenja(): Promise<Buffer> {
  const wb = new (await import('exceljs')).default.Workbook();
  wb.creator = 'SIKIPER';
  wb.title = 'Templat Renja/DPA SIKIPER';
  const ws = wb.addWorksheet('Renja');
  tulisLembarRenja(ws, CONTOH, { dpa: new Map(), unit: (k) => k });
  for (let r = 2; r <= ws.rowCount; r++) ws.getRow(r).font = { ...ws.getRow(r).font, italic: true, color: { argb: 'FF555555' } };
  tulisPetunjuk(wb, 'Petunjuk pengisian Renja/DPA — ganti baris contoh di lembar Renja dengan data Anda', PETUNJUK_RENJA);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
