/**
 * Realisasi computed from registers: an indicator with a `rumus` binding takes its quarterly
 * (or yearly) values from formulas over the OPD's registers, with the rows behind every
 * aggregate. Pure: the dataset in, figures and traces out. See docs/registers.md.
 */
import type { IndikatorData, OpdData, RealisasiData, RumusIndikatorData } from '../dataset/schema.ts';
import { nilaiEntri, type Nilai, type NilaiTriwulan } from '../engine/index.ts';
import { evaluate, parse, type AggregateTrace, type Evaluation, type Expr, type Periode, type RegisterRow } from '../formula/index.ts';
import { skemaRumus, totalKanonik } from '../dataset/register.ts';

export interface BagianRumus {
  readonly bagian: 'nilai' | 'pembilang' | 'penyebut';
  readonly rumus: string;
  readonly hasil: Evaluation;
}

/** One evaluation: a quarter (or the year) and how its value was obtained. */
export interface SlotRumus {
  readonly triwulan: 1 | 2 | 3 | 4 | undefined;
  readonly periode: Periode;
  /** `register`: computed from rows and imported totals; `impor`: a published figure recorded in the binding. */
  readonly sumber: 'register' | 'impor';
  readonly bagian: readonly BagianRumus[];
  readonly keterangan: string | undefined;
  readonly nilai: Nilai;
  /** The entry as the rest of the system reads it; absent when the value could not be computed. */
  readonly entri: RealisasiData | undefined;
}

export interface HasilRumus {
  readonly indikator: string;
  readonly tahun: number;
  readonly rumus: RumusIndikatorData;
  readonly slot: readonly SlotRumus[];
  /** The first slot that could not be computed, with why; the yearly value is then not computable either. */
  readonly galat: string | undefined;
}

/** Whether the binding applies to a year (registers are kept from `dariTahun`, up to `sampaiTahun` when set). */
export function rumusBerlaku(ind: Pick<IndikatorData, 'rumus'>, tahun: number): boolean {
  return ind.rumus !== undefined && tahun >= ind.rumus.dariTahun && (ind.rumus.sampaiTahun === undefined || tahun <= ind.rumus.sampaiTahun);
}

const parsed = new Map<string, Expr | string>();
function ast(src: string): Expr | string {
  let v = parsed.get(src);
  if (v === undefined) {
    const r = parse(src);
    v = r.ok ? r.ast : r.error.message;
    parsed.set(src, v);
  }
  return v;
}

/** Number for the engine's entry shape; register aggregates are counts and sums of entered numbers. */
function angka(n: Nilai): number | undefined {
  return n.status === 'ada' ? n.value.toNumber() : undefined;
}

/** Computes the slots of a bound indicator for one year. */
export function hitungRumus(opd: Pick<OpdData, 'register'>, ind: IndikatorData, tahun: number): HasilRumus | undefined {
  const rumus = ind.rumus;
  if (!rumus || !rumusBerlaku(ind, tahun)) return undefined;
  const pengali = ind.formula?.pengali ?? 100;
  const schema = skemaRumus(opd.register);
  const registers: Record<string, RegisterRow[]> = {};
  const totals: Record<string, ReturnType<typeof totalKanonik>[]> = {};
  for (const r of opd.register) {
    registers[r.kode] = r.baris.map((b) => ({ id: b.id, values: b.nilai }));
    totals[r.kode] = r.totalImpor.map((t) => totalKanonik(r, t));
  }
  const periods: Array<{ triwulan: 1 | 2 | 3 | 4 | undefined; periode: Periode }> =
    rumus.periode === 'tahunan'
      ? [{ triwulan: undefined, periode: { tahun } }]
      : ([1, 2, 3, 4] as const).map((q) => ({ triwulan: q, periode: { tahun, triwulan: q, kumulatif: rumus.periode === 'kumulatif' } }));

  const slot = periods.map(({ triwulan, periode }): SlotRumus => {
    const base = { indikator: ind.kode, ...(triwulan === undefined ? {} : { triwulan }), bukti: [], status: 'disetujui' as const };
    const impor = rumus.impor.find((x) => x.tahun === tahun && x.triwulan === triwulan);
    if (impor) {
      const e = { nilai: impor.nilai, pembilang: impor.pembilang, penyebut: impor.penyebut };
      return {
        triwulan,
        periode,
        sumber: 'impor',
        bagian: [],
        keterangan: impor.keterangan,
        nilai: nilaiEntri(e, pengali),
        entri: { ...base, ...defined(e), keterangan: `angka impor: ${impor.keterangan}` },
      };
    }
    const run = (bagian: BagianRumus['bagian'], src: string): BagianRumus => {
      const tree = ast(src);
      const hasil: Evaluation =
        typeof tree === 'string'
          ? { nilai: { status: 'tidak-dapat-dihitung', alasan: `rumus ${bagian}: ${tree}` }, trace: [] }
          : evaluate(tree, { schema, period: periode, registers, totals });
      return { bagian, rumus: src, hasil };
    };
    const keterangan = 'dihitung dari register';
    if (rumus.nilai !== undefined) {
      const b = run('nilai', rumus.nilai);
      const v = angka(b.hasil.nilai);
      return { triwulan, periode, sumber: 'register', bagian: [b], keterangan, nilai: b.hasil.nilai, entri: v === undefined ? undefined : { ...base, nilai: v, keterangan } };
    }
    const p = run('pembilang', rumus.pembilang ?? '');
    const q = run('penyebut', rumus.penyebut ?? '');
    const pv = angka(p.hasil.nilai);
    const qv = angka(q.hasil.nilai);
    if (pv === undefined || qv === undefined) {
      const missing = pv === undefined ? p.hasil.nilai : q.hasil.nilai;
      return { triwulan, periode, sumber: 'register', bagian: [p, q], keterangan, nilai: missing, entri: undefined };
    }
    // A zero denominator with a declared value reads as that value (e.g. TW1 = 0 before anyone was certified).
    const e: Omit<NilaiTriwulan, 'triwulan'> =
      qv === 0 && rumus.bilaPenyebutNol !== undefined && ind.agregasi !== 'rasio'
        ? { nilai: rumus.bilaPenyebutNol }
        : { pembilang: pv, penyebut: qv, ...(qv === 0 && rumus.bilaPenyebutNol !== undefined ? { nilai: rumus.bilaPenyebutNol } : {}) };
    const nilai = nilaiEntri(e, pengali);
    return { triwulan, periode, sumber: 'register', bagian: [p, q], keterangan, nilai, entri: nilai.status === 'ada' ? { ...base, ...defined(e), keterangan } : undefined };
  });
  const failed = slot.find((s) => s.entri === undefined);
  const galat =
    failed === undefined
      ? undefined
      : `${failed.triwulan === undefined ? 'tahun' : `triwulan ${failed.triwulan}`}: ${failed.nilai.status === 'tidak-dapat-dihitung' ? failed.nilai.alasan : 'belum diisi'}`;
  return { indikator: ind.kode, tahun, rumus, slot, galat };
}

function defined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

/** The register rows and totals every aggregate of a slot used, without duplicates, in order. */
export function barisDipakai(s: SlotRumus): Array<{ register: string; rowIds: string[]; totalIds: string[] }> {
  const out = new Map<string, { register: string; rowIds: Set<string>; totalIds: Set<string> }>();
  const traces: AggregateTrace[] = s.bagian.flatMap((b) => [...b.hasil.trace]);
  for (const t of traces) {
    const x = out.get(t.register) ?? { register: t.register, rowIds: new Set<string>(), totalIds: new Set<string>() };
    t.rowIds.forEach((id) => x.rowIds.add(id));
    t.totalIds.forEach((id) => x.totalIds.add(id));
    out.set(t.register, x);
  }
  return [...out.values()].map((x) => ({ register: x.register, rowIds: [...x.rowIds], totalIds: [...x.totalIds] }));
}
