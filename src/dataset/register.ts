/**
 * Registers: the lists an OPD keeps (dispute cases, trainings, competency tests, placements) and
 * that indicators are computed from. This module turns a register definition into the formula
 * language's schema, checks cell values against their column types, checks imported totals, and
 * masks personal columns. Pure, no I/O. See docs/registers.md. It belongs to the dataset format:
 * the loader (load.ts) checks every register of a dataset with it; the .xlsx/.csv rows in and out
 * are src/exchange/register-xlsx.ts, the Disnaker presets register-preset.ts.
 */
import type { Dataset, IndikatorData, BarisRegisterData, KolomRegisterData, NilaiSelData, RegisterData, TotalImporData } from './schema.ts';
import { parse, print, type FormulaSchema, type ImportedTotal, type RegisterSchema } from '../formula/index.ts';
import { check } from '../formula/check.ts';
import { parseIsoDate } from '../formula/schema.ts';

/** A register row read from a workbook or CSV file, before it is checked and stored (src/exchange/register-xlsx.ts). */
export interface BarisImpor {
  /** Row number in the file (1-based, the header is row 1). */
  nomor: number;
  id: string | undefined;
  nilai: Record<string, NilaiSelData>;
}

/** A problem of such a file, located by row and column when it has one. */
export interface MasalahImpor {
  baris: number | null;
  kolom: string | null;
  pesan: string;
}

/** The text shown instead of a personal value to someone who may not see it. */
export const DISAMARKAN = '(disamarkan)';

/** Names and phone numbers are always personal; other columns when marked so. */
export function isPribadi(k: Pick<KolomRegisterData, 'tipe' | 'pribadi'>): boolean {
  return k.pribadi || k.tipe === 'nama-orang' || k.tipe === 'telepon';
}

export function skemaRegister(reg: Pick<RegisterData, 'kolom' | 'periode'>): RegisterSchema {
  const columns: Record<string, { type: KolomRegisterData['tipe']; choices?: string[] }> = {};
  for (const k of reg.kolom) columns[k.kode] = k.pilihan ? { type: k.tipe, choices: k.pilihan } : { type: k.tipe };
  const p = reg.periode;
  const period =
    p.jenis === 'tanggal'
      ? ({ kind: 'tanggal', column: p.kolom } as const)
      : p.jenis === 'bulan-tahun'
        ? ({ kind: 'bulan-tahun', month: p.bulan, year: p.tahun } as const)
        : ({ kind: 'tanpa-periode' } as const);
  return { columns, period };
}

/** What the formulas of an OPD can refer to: its registers. */
export function skemaRumus(registers: readonly RegisterData[]): FormulaSchema {
  const out: Record<string, RegisterSchema> = {};
  for (const r of registers) out[r.kode] = skemaRegister(r);
  return { values: {}, registers: out };
}

/**
 * A total's aggregates in canonical form, so that `hitung( kasus_hi ,hasil="PB")` in a file
 * matches `hitung(kasus_hi, hasil = "PB")` in a formula. Keys that are not aggregates of the
 * register are reported by `periksaRegister` and skipped here.
 */
export function totalKanonik(reg: RegisterData, t: TotalImporData): ImportedTotal {
  const values: Record<string, number> = {};
  for (const [key, v] of Object.entries(t.nilai)) {
    const parsed = parse(key);
    if (parsed.ok && parsed.ast.kind === 'aggregate' && parsed.ast.register === reg.kode) values[print(parsed.ast)] = v;
  }
  return { id: t.id, tahun: t.tahun, bulanDari: t.bulanDari, bulanSampai: t.bulanSampai, values };
}

export function tidakKosong(v: NilaiSelData | undefined): boolean {
  return !(v === undefined || v === null || (typeof v === 'string' && v.trim() === ''));
}

/** Why a cell value does not fit its column, or undefined when it does. Empty fits unless the column is required. */
export function periksaSel(k: KolomRegisterData, v: NilaiSelData | undefined): string | undefined {
  if (!tidakKosong(v)) return k.wajib ? `kolom ${k.nama} wajib diisi` : undefined;
  switch (k.tipe) {
    case 'angka':
      return typeof v === 'number' && Number.isFinite(v) ? undefined : `${k.nama} harus angka, ditemukan ${JSON.stringify(v)}`;
    case 'tanggal':
      return typeof v === 'string' && parseIsoDate(v.trim()) ? undefined : `${k.nama} harus tanggal YYYY-MM-DD, ditemukan ${JSON.stringify(v)}`;
    case 'ya-tidak':
      return typeof v === 'boolean' ? undefined : `${k.nama} harus ya/tidak (true/false), ditemukan ${JSON.stringify(v)}`;
    case 'pilihan':
      if (typeof v !== 'string') return `${k.nama} harus salah satu pilihan, ditemukan ${JSON.stringify(v)}`;
      return !k.pilihan || k.pilihan.includes(v) ? undefined : `${k.nama} "${v}" bukan pilihan (${k.pilihan.join(', ')})`;
    case 'teks':
    case 'nama-orang':
    case 'telepon':
      return typeof v === 'string' || typeof v === 'number' ? undefined : `${k.nama} harus teks, ditemukan ${JSON.stringify(v)}`;
  }
}

/** Year and month a row belongs to, when the register places rows in time. */
export function bulanBaris(reg: RegisterData, b: BarisRegisterData): { tahun: number; bulan: number } | undefined {
  const p = reg.periode;
  if (p.jenis === 'tanggal') {
    const v = b.nilai[p.kolom];
    const d = typeof v === 'string' ? parseIsoDate(v.trim()) : undefined;
    return d ? { tahun: d.year, bulan: d.month } : undefined;
  }
  if (p.jenis === 'bulan-tahun') {
    const m = b.nilai[p.bulan];
    const y = b.nilai[p.tahun];
    return typeof m === 'number' && typeof y === 'number' && Number.isInteger(m) && Number.isInteger(y) ? { tahun: y, bulan: m } : undefined;
  }
  return undefined;
}

export interface MasalahRegister {
  /** Path inside the register, e.g. `baris[3].nilai.pekerja`. */
  path: (string | number)[];
  message: string;
}

/** Problems of one row against its register's columns. */
export function periksaBaris(reg: RegisterData, b: BarisRegisterData): MasalahRegister[] {
  const problems: MasalahRegister[] = [];
  const kolom = new Map(reg.kolom.map((k) => [k.kode, k]));
  for (const key of Object.keys(b.nilai)) {
    if (!kolom.has(key)) problems.push({ path: ['nilai', key], message: `kolom "${key}" tidak ada di register ${reg.kode}` });
  }
  for (const k of reg.kolom) {
    const why = periksaSel(k, b.nilai[k.kode]);
    if (why) problems.push({ path: ['nilai', k.kode], message: why });
  }
  const waktu = problems.length === 0 ? bulanBaris(reg, b) : undefined;
  if (waktu) {
    const t = reg.totalImpor.find((x) => x.tahun === waktu.tahun && x.bulanDari <= waktu.bulan && waktu.bulan <= x.bulanSampai);
    if (t) problems.push({ path: ['nilai'], message: `bulan ${waktu.bulan} ${waktu.tahun} sudah diwakili total impor "${t.id}"; baris ini akan terhitung dua kali` });
  }
  return problems;
}

/** Every problem of a register definition, its rows and its imported totals. */
export function periksaRegister(reg: RegisterData): MasalahRegister[] {
  const problems: MasalahRegister[] = [];
  const seen = new Set<string>();
  reg.kolom.forEach((k, i) => {
    if (seen.has(k.kode)) problems.push({ path: ['kolom', i, 'kode'], message: `kolom "${k.kode}" ganda` });
    seen.add(k.kode);
    if (k.tipe === 'pilihan' && !k.pilihan?.length) problems.push({ path: ['kolom', i, 'pilihan'], message: 'kolom pilihan memerlukan daftar pilihan' });
  });
  const tipe = new Map(reg.kolom.map((k) => [k.kode, k.tipe]));
  const p = reg.periode;
  const perlu = (kode: string, t: string, path: (string | number)[]) => {
    if (tipe.get(kode) !== t) problems.push({ path, message: `kolom periode "${kode}" harus ada dan bertipe ${t}` });
  };
  if (p.jenis === 'tanggal') perlu(p.kolom, 'tanggal', ['periode', 'kolom']);
  if (p.jenis === 'bulan-tahun') {
    perlu(p.bulan, 'angka', ['periode', 'bulan']);
    perlu(p.tahun, 'angka', ['periode', 'tahun']);
  }
  const ids = new Set<string>();
  reg.baris.forEach((b, i) => {
    if (ids.has(b.id)) problems.push({ path: ['baris', i, 'id'], message: `id baris "${b.id}" ganda` });
    ids.add(b.id);
    for (const x of periksaBaris(reg, b)) problems.push({ path: ['baris', i, ...x.path], message: x.message });
  });
  const schema = skemaRumus([reg]);
  const totalIds = new Set<string>();
  reg.totalImpor.forEach((t, i) => {
    if (totalIds.has(t.id)) problems.push({ path: ['totalImpor', i, 'id'], message: `id total impor "${t.id}" ganda` });
    totalIds.add(t.id);
    if (t.bulanDari > t.bulanSampai) problems.push({ path: ['totalImpor', i, 'bulanSampai'], message: 'bulanSampai sebelum bulanDari' });
    if (p.jenis === 'tanpa-periode') problems.push({ path: ['totalImpor', i], message: 'register tanpa periode tidak memakai total impor' });
    for (const key of Object.keys(t.nilai)) {
      const parsed = parse(key);
      if (!parsed.ok) {
        problems.push({ path: ['totalImpor', i, 'nilai', key], message: parsed.error.message });
        continue;
      }
      if (parsed.ast.kind !== 'aggregate' || parsed.ast.register !== reg.kode || parsed.ast.fn === 'unik') {
        problems.push({ path: ['totalImpor', i, 'nilai', key], message: `harus hitung(${reg.kode} …) atau jumlah(${reg.kode}.kolom …)` });
        continue;
      }
      const c = check(parsed.ast, schema);
      if (!c.ok) problems.push({ path: ['totalImpor', i, 'nilai', key], message: c.errors.map((e) => e.message).join('; ') });
    }
  });
  return problems;
}

/** A row as someone who may not see personal data sees it. */
export function samarkanBaris(reg: Pick<RegisterData, 'kolom'>, b: BarisRegisterData): BarisRegisterData {
  const nilai: Record<string, NilaiSelData> = { ...b.nilai };
  for (const k of reg.kolom) if (isPribadi(k) && tidakKosong(nilai[k.kode])) nilai[k.kode] = DISAMARKAN;
  return { ...b, nilai };
}

/** The dataset with every register's personal columns masked: what an export holds by default. */
export function samarkanDataset(d: Dataset): Dataset {
  return { ...d, opd: d.opd.map((o) => ({ ...o, register: o.register.map((r) => ({ ...r, baris: r.baris.map((b) => samarkanBaris(r, b)) })) })) };
}

/** A row without its personal columns at all (for explanations and reports). */
export function tanpaPribadi(reg: Pick<RegisterData, 'kolom'>, b: BarisRegisterData): BarisRegisterData {
  const nilai: Record<string, NilaiSelData> = {};
  for (const k of reg.kolom) if (!isPribadi(k) && b.nilai[k.kode] !== undefined) nilai[k.kode] = b.nilai[k.kode] ?? null;
  return { ...b, nilai };
}

/** Problems of an indicator's binding: each formula must parse, fit the registers and give a number. */
export function periksaRumus(ind: Pick<IndikatorData, 'rumus'>, skema: FormulaSchema): MasalahRegister[] {
  const r = ind.rumus;
  if (!r) return [];
  const problems: MasalahRegister[] = [];
  for (const bagian of ['nilai', 'pembilang', 'penyebut'] as const) {
    const src = r[bagian];
    if (src === undefined) continue;
    const parsed = parse(src);
    if (!parsed.ok) {
      problems.push({ path: [bagian], message: parsed.error.message });
      continue;
    }
    const c = check(parsed.ast, skema);
    for (const e of c.errors) problems.push({ path: [bagian], message: e.message });
  }
  const seen = new Set<string>();
  r.impor.forEach((x, i) => {
    const key = `${x.tahun} ${x.triwulan ?? 'tahun'}`;
    if (seen.has(key)) problems.push({ path: ['impor', i, 'triwulan'], message: `impor ${key} ganda` });
    seen.add(key);
    if (r.periode === 'tahunan' && x.triwulan !== undefined) problems.push({ path: ['impor', i, 'triwulan'], message: 'rumus tahunan: impor tanpa triwulan' });
    if (r.periode !== 'tahunan' && x.triwulan === undefined) problems.push({ path: ['impor', i, 'triwulan'], message: 'impor memerlukan triwulan' });
    if (x.nilai === undefined && (x.pembilang === undefined || x.penyebut === undefined)) {
      problems.push({ path: ['impor', i], message: 'impor memerlukan nilai, atau pembilang dan penyebut' });
    }
  });
  return problems;
}
