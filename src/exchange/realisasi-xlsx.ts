/**
 * The realisasi workbook: performance realisasi per indicator and quarter, and budget
 * realisasi per code of the DPA, with preview and all-or-nothing commit; and its template.
 *
 * Unlike the Renja, a realisasi file is a partial update: a row adds the entry of its indicator
 * and quarter or replaces the one recorded, and entries the file does not mention stay. Imported
 * entries get the status the importer may give (by default `diajukan`, waiting for
 * verification), so that they only count in capaian once someone verified them.
 */
import type ExcelJS from 'exceljs';
import type { AnggaranVersiData, Dataset, RealisasiData, TahunOpdData } from '../dataset/schema.ts';
import { StatusRealisasi } from '../dataset/schema.ts';
import { formatRupiah } from '../engine/index.ts';
import { DaftarGalat, type Galat } from './galat.ts';
import { cariOpdTahun, gantiOpdTahun, periksaHasil, type SasaranImpor } from './opd-tahun.ts';
import { barisSelisih, selisih, type FormatMedan, type NilaiMedan, type Selisih } from './pratinjau-impor.ts';
import { FMT_ANGKA, FMT_RUPIAH, gayaJudul, tulisPetunjuk } from './renja-xlsx.ts';
import {
  angkaDariSel,
  barisData,
  galatJudul,
  normalJudul,
  PembacaBaris,
  rupiahDariSel,
  tampilSel,
  teksDariSel,
  temukanJudul,
  type Hasil,
  type Judul,
  type Sel,
  type SpekKolom,
} from './xlsx.ts';

type Status = RealisasiData['status'];
type Triwulan = NonNullable<RealisasiData['triwulan']>;

export type KolomKinerja = 'kodeIndikator' | 'namaIndikator' | 'triwulan' | 'nilai' | 'pembilang' | 'penyebut' | 'predikat' | 'keterangan' | 'bukti';
export type KolomAnggaran = 'kode' | 'nama' | 'pagu' | 'realisasi';

export const SPEK_KINERJA: readonly SpekKolom<KolomKinerja>[] = [
  { kunci: 'kodeIndikator', judul: 'Kode Indikator', alias: ['Kode', 'Kode IKU', 'Kode Indikator Kinerja'], wajib: true },
  { kunci: 'namaIndikator', judul: 'Indikator', alias: ['Nama Indikator', 'Indikator Kinerja', 'Uraian', 'Uraian Indikator'] },
  { kunci: 'triwulan', judul: 'Triwulan', alias: ['TW', 'Periode', 'Triwulan Ke'] },
  { kunci: 'nilai', judul: 'Nilai', alias: ['Realisasi', 'Nilai Realisasi', 'Realisasi Kinerja'] },
  { kunci: 'pembilang', judul: 'Pembilang', alias: ['Numerator'] },
  { kunci: 'penyebut', judul: 'Penyebut', alias: ['Denominator'] },
  { kunci: 'predikat', judul: 'Predikat', alias: [] },
  { kunci: 'keterangan', judul: 'Keterangan', alias: ['Catatan', 'Penjelasan', 'Ket'] },
  { kunci: 'bukti', judul: 'Bukti', alias: ['Bukti Dukung', 'Data Dukung', 'Tautan Bukti'] },
];

export const SPEK_ANGGARAN: readonly SpekKolom<KolomAnggaran>[] = [
  { kunci: 'kode', judul: 'Kode', alias: ['Kode Rekening', 'Nomenklatur', 'Kode Nomenklatur'], wajib: true },
  { kunci: 'nama', judul: 'Uraian', alias: ['Program/Kegiatan/Sub Kegiatan', 'Nama'] },
  { kunci: 'pagu', judul: 'Pagu (Rp)', alias: ['Pagu', 'Pagu Anggaran', 'Anggaran (Rp)', 'Anggaran'] },
  { kunci: 'realisasi', judul: 'Realisasi (Rp)', alias: ['Realisasi', 'Realisasi Anggaran', 'Realisasi Keuangan', 'Realisasi Anggaran (Rp)'], wajib: true },
];

const ROMAWI: Readonly<Record<string, Triwulan>> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** 1..4, I..IV, TW1, "Triwulan II", Q3; empty or "tahunan" for a value of the whole year. */
export function triwulanDariSel(s: Sel): Hasil<Triwulan | undefined> {
  const salah = { ok: false as const, pesan: `${tampilSel(s)} bukan triwulan (isi 1–4, I–IV atau TW1–TW4; kosongkan untuk nilai setahun)` };
  if (s.jenis === 'angka') return s.angka === 1 || s.angka === 2 || s.angka === 3 || s.angka === 4 ? { ok: true, nilai: s.angka } : salah;
  if (s.jenis !== 'teks') return salah;
  const t = normalJudul(s.teks).replace(/^(triwulan|tw|q)/, '');
  if (t === 'tahunan' || t === 'tahun' || t === 'setahun') return { ok: true, nilai: undefined };
  if (t === '1' || t === '2' || t === '3' || t === '4') return { ok: true, nilai: Number(t) as Triwulan };
  const r = ROMAWI[t];
  return r ? { ok: true, nilai: r } : salah;
}

// ---------------------------------------------------------------- reading

interface EntriBaca {
  baris: number;
  indikator: string;
  triwulan: Triwulan | undefined;
  nilai?: number | undefined;
  pembilang?: number | undefined;
  penyebut?: number | undefined;
  predikat?: string | undefined;
  keterangan?: string | undefined;
  bukti?: string[] | undefined;
}

interface AnggaranBaca {
  baris: number;
  kode: string;
  pagu?: number | undefined;
  realisasi: number;
}

interface Lembar<K extends string> {
  nama: string;
  judul: Judul<K>;
}

export interface BacaanRealisasi {
  berkas: string;
  kinerja?: Lembar<KolomKinerja> & { entri: EntriBaca[] };
  anggaran?: Lembar<KolomAnggaran> & { baris: AnggaranBaca[] };
  galat: Galat[];
  peringatan: string[];
}

const LEMBAR_PETUNJUK = /^(petunjuk|instruksi|readme)/i;

function jenisLembar(ws: ExcelJS.Worksheet): 'kinerja' | 'anggaran' | { galat: Galat[] } {
  const nama = normalJudul(ws.name);
  const k = temukanJudul(ws, SPEK_KINERJA);
  const a = temukanJudul(ws, SPEK_ANGGARAN);
  if (/anggaran|keuangan|dpa/.test(nama)) return 'judul' in a ? 'anggaran' : { galat: galatJudul(ws.name, SPEK_ANGGARAN, a) };
  if (/kinerja|indikator/.test(nama)) return 'judul' in k ? 'kinerja' : { galat: galatJudul(ws.name, SPEK_KINERJA, k) };
  if ('judul' in k) {
    const c = k.judul.kolom;
    if (c.has('triwulan') || c.has('pembilang') || c.has('penyebut') || normalJudul(c.get('kodeIndikator')?.teks ?? '') === 'kodeindikator') return 'kinerja';
  }
  if ('judul' in a) return 'anggaran';
  if ('judul' in k) return 'kinerja';
  return { galat: galatJudul(ws.name, SPEK_KINERJA, k) };
}

function daftarBukti(s: Sel): Hasil<string[]> {
  const t = teksDariSel(s);
  return t.ok ? { ok: true, nilai: t.nilai.split(/\s*[\n;]\s*/).filter((x) => x !== '') } : t;
}

function bacaKinerja(ws: ExcelJS.Worksheet, judul: Judul<KolomKinerja>, galat: DaftarGalat): EntriBaca[] {
  const baca = new PembacaBaris(ws.name, judul, galat);
  if (!baca.ada('nilai') && !baca.ada('pembilang') && !baca.ada('penyebut')) {
    galat.tambah({ lembar: ws.name, pesan: 'kolom Nilai (atau Pembilang dan Penyebut) tidak ditemukan di 10 baris pertama' });
    return [];
  }
  const rows = barisData(ws, judul, baca, SPEK_KINERJA.map((s) => s.kunci));
  if (rows.length === 0) galat.tambah({ lembar: ws.name, pesan: `tidak ada baris data di bawah judul kolom (baris ${judul.baris})` });
  const seen = new Map<string, number>();
  const out: EntriBaca[] = [];
  for (const row of rows) {
    const r = row.number;
    const before = galat.isi.length;
    const indikator = baca.teks(row, 'kodeIndikator');
    if (indikator === undefined && !baca.terisi(row, ['kodeIndikator'])) baca.lapor(r, 'kodeIndikator', 'Kode Indikator wajib diisi');
    const triwulan = baca.ubah(row, 'triwulan', triwulanDariSel);
    const nilai = baca.ubah(row, 'nilai', angkaDariSel);
    const pembilang = baca.ubah(row, 'pembilang', angkaDariSel);
    const penyebut = baca.ubah(row, 'penyebut', angkaDariSel);
    const filled = (k: KolomKinerja) => baca.terisi(row, [k]);
    if (filled('pembilang') !== filled('penyebut')) baca.lapor(r, filled('pembilang') ? 'penyebut' : 'pembilang', 'Pembilang dan Penyebut harus diisi keduanya');
    if (!filled('nilai') && !filled('pembilang') && !filled('penyebut')) baca.lapor(r, baca.ada('nilai') ? 'nilai' : 'pembilang', 'Nilai (atau Pembilang dan Penyebut) wajib diisi');
    const entri: EntriBaca = {
      baris: r,
      indikator: indikator ?? '',
      triwulan,
      nilai,
      pembilang,
      penyebut,
      predikat: baca.teks(row, 'predikat'),
      keterangan: baca.teks(row, 'keterangan'),
      bukti: baca.ubah(row, 'bukti', daftarBukti),
    };
    if (indikator === undefined || galat.isi.length > before) continue;
    const key = `${indikator}\u0000${triwulan ?? ''}`;
    const prev = seen.get(key);
    if (prev !== undefined) {
      baca.lapor(r, 'kodeIndikator', `indikator "${indikator}" ${triwulan ? `triwulan ${triwulan}` : 'tahunan'} sudah ada di baris ${prev}`);
      continue;
    }
    seen.set(key, r);
    out.push(entri);
  }
  return out;
}

function bacaAnggaran(ws: ExcelJS.Worksheet, judul: Judul<KolomAnggaran>, galat: DaftarGalat): AnggaranBaca[] {
  const baca = new PembacaBaris(ws.name, judul, galat);
  const rows = barisData(ws, judul, baca, SPEK_ANGGARAN.map((s) => s.kunci));
  if (rows.length === 0) galat.tambah({ lembar: ws.name, pesan: `tidak ada baris data di bawah judul kolom (baris ${judul.baris})` });
  const seen = new Map<string, number>();
  const out: AnggaranBaca[] = [];
  for (const row of rows) {
    const r = row.number;
    const before = galat.isi.length;
    const nama = baca.teks(row, 'nama');
    if (!baca.terisi(row, ['kode']) && nama !== undefined && /^(jumlah|total)\b/i.test(nama)) continue;
    const kode = baca.teks(row, 'kode')?.replace(/\s+/g, '');
    if (kode === undefined && !baca.terisi(row, ['kode'])) baca.lapor(r, 'kode', 'Kode wajib diisi');
    const realisasi = baca.ubah(row, 'realisasi', rupiahDariSel);
    if (realisasi === undefined && !baca.terisi(row, ['realisasi'])) baca.lapor(r, 'realisasi', 'Realisasi wajib diisi');
    const pagu = baca.ubah(row, 'pagu', rupiahDariSel);
    if (kode === undefined || realisasi === undefined || galat.isi.length > before) continue;
    const prev = seen.get(kode);
    if (prev !== undefined) {
      baca.lapor(r, 'kode', `kode "${kode}" sudah ada di baris ${prev}`);
      continue;
    }
    seen.set(kode, r);
    out.push({ baris: r, kode, pagu, realisasi });
  }
  return out;
}

/** Reads the performance sheet and/or the budget sheet; problems are collected, not thrown. */
export function bacaRealisasiWorkbook(wb: ExcelJS.Workbook, berkas: string): BacaanRealisasi {
  const galat = new DaftarGalat();
  const hasil: BacaanRealisasi = { berkas, galat: galat.isi, peringatan: [] };
  const sheets = wb.worksheets.filter((ws) => !LEMBAR_PETUNJUK.test(ws.name));
  const isi = sheets.filter((ws) => ws.actualRowCount > 0);
  if (isi.length === 0) {
    galat.tambah({ lembar: sheets[0]?.name, pesan: 'lembar kerja kosong: tidak ada judul kolom maupun baris data' });
    return hasil;
  }
  for (const ws of isi) {
    const jenis = jenisLembar(ws);
    if (typeof jenis !== 'string') {
      jenis.galat.forEach((g) => galat.tambah(g));
      continue;
    }
    if ((jenis === 'kinerja' && hasil.kinerja) || (jenis === 'anggaran' && hasil.anggaran)) {
      hasil.peringatan.push(`lembar "${ws.name}" diabaikan: lembar realisasi ${jenis} sudah dibaca dari lembar sebelumnya`);
      continue;
    }
    if (jenis === 'kinerja') {
      const found = temukanJudul(ws, SPEK_KINERJA);
      if (!('judul' in found)) continue;
      galatJudul(ws.name, SPEK_KINERJA, found).forEach((g) => galat.tambah(g));
      hasil.kinerja = { nama: ws.name, judul: found.judul, entri: bacaKinerja(ws, found.judul, galat) };
    } else {
      const found = temukanJudul(ws, SPEK_ANGGARAN);
      if (!('judul' in found)) continue;
      galatJudul(ws.name, SPEK_ANGGARAN, found).forEach((g) => galat.tambah(g));
      hasil.anggaran = { nama: ws.name, judul: found.judul, baris: bacaAnggaran(ws, found.judul, galat) };
    }
  }
  return hasil;
}

// ---------------------------------------------------------------- applying

export interface OpsiImporRealisasi extends SasaranImpor {
  /** Status of the imported entries; default `diajukan`. Whether the importer may give more is the caller's decision. */
  status?: Status | undefined;
  /** The DPA version whose realisasi the budget sheet updates; default the latest (dpa-perubahan, else dpa). */
  dpa?: AnggaranVersiData['versi'] | undefined;
}

export interface PratinjauRealisasi {
  pemda: string;
  opd: string;
  tahun: number;
  berkas: string;
  status: Status;
  kinerja?: (Selisih & { lembar: string }) | undefined;
  anggaran?: (Selisih & { lembar: string; versi: AnggaranVersiData['versi'] }) | undefined;
  peringatan: string[];
}

const kunciEntri = (e: { indikator: string; triwulan?: number | undefined }) => `${e.indikator} ${e.triwulan ? `TW${e.triwulan}` : 'tahunan'}`;
const ANGKA_ID = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 6 });
const angka = (n: number) => ANGKA_ID.format(n);

function medanEntri(e: RealisasiData): Map<string, NilaiMedan> {
  return new Map<string, NilaiMedan>([
    ['nilai', e.nilai],
    ['pembilang', e.pembilang],
    ['penyebut', e.penyebut],
    ['predikat', e.predikat],
    ['keterangan', e.keterangan],
    ['bukti', e.bukti.join('; ')],
    ['status', e.status],
  ]);
}

const formatEntri: FormatMedan = (medan, v) => (typeof v !== 'number' ? String(v) : medan === 'realisasi' ? formatRupiah(v) : angka(v));

function lokasi<K extends string>(l: Lembar<K>, baris: number, kunci: K, pesan: string): Galat {
  const k = l.judul.kolom.get(kunci);
  return { lembar: l.nama, baris, kolom: k?.huruf, judul: k?.teks, pesan };
}

/** Applies what was read to the OPD-year. Pure: the changed dataset, the preview and every problem. */
export function terapkanRealisasi(d: Dataset, b: BacaanRealisasi, opsi: OpsiImporRealisasi): { dataset: Dataset; pratinjau: PratinjauRealisasi; galat: Galat[] } {
  const galat: Galat[] = [...b.galat];
  const peringatan = [...b.peringatan];
  const status = StatusRealisasi.parse(opsi.status ?? 'diajukan');
  const { opd, tahun } = cariOpdTahun(d, opsi);
  let baru: TahunOpdData = tahun;
  const pratinjau: PratinjauRealisasi = { pemda: d.pemda.slug, opd: opd.slug, tahun: opsi.tahun, berkas: b.berkas, status, peringatan };
  if (!b.kinerja && !b.anggaran && galat.length === 0) galat.push({ pesan: 'tidak ada lembar realisasi kinerja maupun realisasi anggaran di berkas' });

  if (b.kinerja) {
    const l = b.kinerja;
    const renstra = opd.renstra.find((r) => r.periodeAwal <= opsi.tahun && opsi.tahun <= r.periodeAkhir);
    const known = new Set([
      ...opd.renstra.flatMap((r) => [...r.tujuan.flatMap((t) => t.indikator), ...r.sasaran.flatMap((s) => s.indikator)].map((i) => i.kode)),
      ...tahun.renja.flatMap((r) => r.node.flatMap((n) => n.indikator.map((i) => i.kode))),
    ]);
    const realisasi = [...tahun.realisasi];
    const diimpor: RealisasiData[] = [];
    for (const e of l.entri) {
      if (!known.has(e.indikator)) {
        galat.push(lokasi(l, e.baris, 'kodeIndikator', `indikator "${e.indikator}" tidak ada di Renstra${renstra ? ` ${renstra.periodeAwal}–${renstra.periodeAkhir}` : ''} maupun Renja ${opsi.tahun} OPD ${opd.slug}`));
        continue;
      }
      const at = realisasi.findIndex((x) => x.indikator === e.indikator && x.triwulan === e.triwulan);
      const old = at >= 0 ? realisasi[at] : undefined;
      const has = (k: KolomKinerja) => l.judul.kolom.has(k);
      const predikat = has('predikat') ? e.predikat : old?.predikat;
      const keterangan = has('keterangan') ? e.keterangan : old?.keterangan;
      const entri: RealisasiData = {
        indikator: e.indikator,
        ...(e.triwulan === undefined ? {} : { triwulan: e.triwulan }),
        ...(e.nilai === undefined ? {} : { nilai: e.nilai }),
        ...(e.pembilang === undefined ? {} : { pembilang: e.pembilang }),
        ...(e.penyebut === undefined ? {} : { penyebut: e.penyebut }),
        ...(predikat === undefined ? {} : { predikat }),
        ...(keterangan === undefined ? {} : { keterangan }),
        bukti: has('bukti') ? (e.bukti ?? []) : (old?.bukti ?? []),
        status,
      };
      if (old) realisasi[at] = entri;
      else realisasi.push(entri);
      diimpor.push(entri);
    }
    const lama = tahun.realisasi.map((x) => ({ ...x, kode: kunciEntri(x) }));
    const baruList = diimpor.map((x) => ({ ...x, kode: kunciEntri(x) }));
    pratinjau.kinerja = { lembar: l.nama, ...selisih(lama, baruList, medanEntri, () => ({ nama: '' }), false, formatEntri) };
    pratinjau.kinerja.baru = tahun.realisasi.length === 0;
    baru = { ...baru, realisasi };
  }

  if (b.anggaran) {
    const l = b.anggaran;
    const versi = opsi.dpa ? tahun.anggaran.find((a) => a.versi === opsi.dpa) : (tahun.anggaran.find((a) => a.versi === 'dpa-perubahan') ?? tahun.anggaran[0]);
    if (!versi) {
      galat.push({ lembar: l.nama, pesan: `OPD ${opd.slug} belum punya DPA${opsi.dpa ? ` ${opsi.dpa}` : ''} tahun ${opsi.tahun}; impor DPA dulu (import-renja dengan kolom Realisasi)` });
    } else {
      const byKode = new Map(versi.baris.map((x, i) => [x.kode, i]));
      const baris = [...versi.baris];
      const nama = new Map(tahun.renja.flatMap((r) => r.node.map((n) => [n.kode, n.nama] as const)));
      for (const x of l.baris) {
        const i = byKode.get(x.kode);
        const old = i === undefined ? undefined : baris[i];
        if (i === undefined || !old) {
          galat.push(lokasi(l, x.baris, 'kode', `kode "${x.kode}" tidak ada di DPA ${versi.versi} ${opsi.tahun}`));
          continue;
        }
        if (x.pagu !== undefined && x.pagu !== old.pagu) peringatan.push(`${l.nama} baris ${x.baris}: pagu ${formatRupiah(x.pagu)} berbeda dengan DPA (${formatRupiah(old.pagu)}); yang diimpor hanya realisasi`);
        if (x.realisasi > old.pagu) peringatan.push(`${l.nama} baris ${x.baris}: realisasi ${formatRupiah(x.realisasi)} melebihi pagu ${formatRupiah(old.pagu)}`);
        baris[i] = { ...old, realisasi: x.realisasi };
      }
      const medan = (x: { pagu: number; realisasi: number }) => new Map<string, NilaiMedan>([['realisasi', x.realisasi]]);
      const imported = new Set(l.baris.map((x) => x.kode));
      pratinjau.anggaran = {
        lembar: l.nama,
        versi: versi.versi,
        ...selisih(versi.baris.filter((x) => imported.has(x.kode)), baris.filter((x) => imported.has(x.kode)), medan, (x) => ({ nama: nama.get(x.kode) ?? '' }), false, formatEntri),
      };
      baru = { ...baru, anggaran: baru.anggaran.map((a) => (a === versi ? { ...a, baris } : a)) };
    }
  }

  const dataset = gantiOpdTahun(d, opd.slug, baru);
  if (galat.length === 0) galat.push(...periksaHasil(dataset));
  return { dataset, pratinjau, galat };
}


export function teksPratinjauRealisasi(p: PratinjauRealisasi): string {
  return [
    `Pratinjau impor realisasi ${p.tahun}: OPD ${p.opd}, pemda ${p.pemda}; berkas ${p.berkas}; status entri: ${p.status}`,
    ...(p.kinerja ? barisSelisih(`Realisasi kinerja (lembar "${p.kinerja.lembar}")`, p.kinerja) : ['Realisasi kinerja: tidak ada lembar']),
    ...(p.anggaran ? barisSelisih(`Realisasi anggaran DPA ${p.anggaran.versi} (lembar "${p.anggaran.lembar}")`, p.anggaran) : ['Realisasi anggaran: tidak ada lembar']),
    ...p.peringatan.map((w) => `peringatan: ${w}`),
  ].join('\n');
}

// ---------------------------------------------------------------- template

const PETUNJUK_REALISASI: ReadonlyArray<[string, string]> = [
  ['Lembar', 'Lembar "Realisasi Kinerja" untuk realisasi indikator, "Realisasi Anggaran" untuk realisasi DPA. Boleh hanya salah satu; lembar dikenali dari nama (kinerja/anggaran) atau dari judul kolomnya.'],
  ['Kode Indikator', 'Wajib. Kode indikator Renstra (mis. IKU-1) atau indikator Renja (mis. 2.07.03#1) OPD itu. Diterima juga: Kode.'],
  ['Indikator', 'Nama indikator, hanya untuk dibaca; tidak diimpor.'],
  ['Triwulan', '1–4 (juga I–IV, TW1–TW4). Kosongkan untuk nilai yang berlaku setahun. Satu indikator hanya boleh satu baris per triwulan.'],
  ['Nilai', 'Realisasi sebagai angka (26,15 atau 26.15). Untuk indikator berumus, isi Pembilang dan Penyebut (keduanya) sebagai gantinya atau di samping Nilai.'],
  ['Predikat, Keterangan, Bukti', 'Opsional. Bukti: nama berkas atau tautan, beberapa dipisah titik koma atau baris baru. Kolom yang tidak ada di berkas mempertahankan isi yang sudah tercatat.'],
  ['Kode (anggaran)', 'Wajib. Kode program/kegiatan/sub kegiatan yang ada di DPA tahun itu.'],
  ['Realisasi (Rp)', 'Wajib. Rupiah bulat: 1234567 atau 1.234.567. Kolom Pagu boleh ada, tetapi hanya realisasi yang diimpor.'],
  ['Status', 'Entri yang diimpor berstatus "diajukan" (menunggu verifikasi) kecuali peran pengimpor mengizinkan lebih; hanya entri terverifikasi/disetujui yang dihitung dalam capaian.'],
  ['Aturan umum', 'Urutan dan nama kolom toleran (lihat docs/exchange.md). Sel rumus atau galat ditolak. Bila ada satu kesalahan saja, tidak ada yang disimpan. Ukuran berkas paling besar 10 MB.'],
  ['Perintah', 'Pratinjau: sikiper import-realisasi BERKAS --pemda P --opd O --tahun T. Simpan: tambahkan --commit.'],
];

export async function buatTemplateRealisasi(): Promise<Buffer> {
  const wb = new (await import('exceljs')).default.Workbook();
  wb.creator = 'SIKIPER';
  wb.title = 'Templat Realisasi SIKIPER';
  const k = wb.addWorksheet('Realisasi Kinerja', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  k.columns = [
    { header: 'Kode Indikator', width: 22 },
    { header: 'Indikator', width: 50 },
    { header: 'Triwulan', width: 10 },
    { header: 'Nilai', width: 12, style: { numFmt: FMT_ANGKA } },
    { header: 'Pembilang', width: 12, style: { numFmt: FMT_ANGKA } },
    { header: 'Penyebut', width: 12, style: { numFmt: FMT_ANGKA } },
    { header: 'Predikat', width: 10 },
    { header: 'Keterangan', width: 50 },
    { header: 'Bukti', width: 40 },
  ];
  gayaJudul(k.getRow(1));
  k.addRow(['IKU-1', 'Persentase tenaga kerja bersertifikat yang ditempatkan', 3, null, 18, 27, null, '18 dari 27 tenaga kerja bersertifikat ditempatkan', 'rekap-penempatan-tw3.pdf']);
  k.addRow(['IKU-3', 'Nilai evaluasi SAKIP', null, 79.17, null, null, 'BB', 'Nilai LHE Inspektorat', 'lhe-sakip.pdf']);
  const a = wb.addWorksheet('Realisasi Anggaran', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  a.columns = [
    { header: 'Kode', width: 22, style: { numFmt: '@' } },
    { header: 'Uraian', width: 55 },
    { header: 'Realisasi (Rp)', width: 18, style: { numFmt: FMT_RUPIAH } },
  ];
  gayaJudul(a.getRow(1));
  a.addRow(['2.07.03.2.01.0001', 'Proses Pelaksanaan Pendidikan dan Pelatihan Keterampilan bagi Pencari Kerja', 1_190_000_000]);
  for (const ws of [k, a]) for (let r = 2; r <= ws.rowCount; r++) ws.getRow(r).font = { italic: true, color: { argb: 'FF555555' } };
  tulisPetunjuk(wb, 'Petunjuk pengisian realisasi — ganti baris contoh dengan data Anda', PETUNJUK_REALISASI);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
