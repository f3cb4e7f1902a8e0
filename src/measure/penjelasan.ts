/**
 * The explanation of a register-bound indicator: its formulas, the value per quarter (or year),
 * and the register rows and imported totals behind each value, without personal columns. The
 * CLI (`sikiper indikator explain`) and the dashboard's "Penjelasan" panel show this. Pure.
 */
import type { Dataset, NilaiSelData } from '../dataset/schema.ts';
import { statusText, toJson } from '../engine/index.ts';
import { explain, parse } from '../formula/index.ts';
import { isPribadi, tanpaPribadi } from '../dataset/register.ts';
import { hitungCapaian } from './capaian.ts';
import { konteks, NotFoundError } from './konteks.ts';
import { barisDipakai, hitungRumus, type SlotRumus } from './rumus.ts';

export interface PenjelasanAgregat {
  rumus: string;
  register: string;
  nilai: number | null;
  alasan?: string;
  baris: string[];
  totalImpor: string[];
}

export interface PenjelasanSlot {
  triwulan: number | null;
  bulanDari: number;
  bulanSampai: number;
  sumber: 'register' | 'impor';
  pembilang: number | null;
  penyebut: number | null;
  nilai: number | null;
  alasan?: string;
  keterangan?: string;
  agregat: PenjelasanAgregat[];
}

export interface PenjelasanRegister {
  kode: string;
  nama: string;
  /** Columns shown; personal columns are left out. */
  kolom: Array<{ kode: string; nama: string; tipe: string }>;
  baris: Array<{ id: string; nilai: Record<string, NilaiSelData>; keterangan?: string }>;
  totalImpor: Array<{ id: string; tahun: number; bulanDari: number; bulanSampai: number; nilai: Record<string, number>; keterangan: string }>;
}

export interface Penjelasan {
  pemda: string;
  opd: string;
  tahun: number;
  indikator: { kode: string; nama: string; satuan: string; agregasi: string };
  rumus: { nilai?: string; pembilang?: string; penyebut?: string; pengali: number; periode: string; teks: string };
  triwulan: PenjelasanSlot[];
  /**
   * For a yearly binding (`periode: tahunan`): the same formulas January to the end of each
   * quarter, for information; quarters an imported total cuts through say why they cannot be computed.
   */
  kumulatif?: PenjelasanSlot[];
  realisasi: { nilai: number | null; alasan?: string };
  capaian: number | null;
  register: PenjelasanRegister[];
}

const teks = (src: string | undefined): string | undefined => {
  if (src === undefined) return undefined;
  const p = parse(src);
  return p.ok ? explain(p.ast) : src;
};

/** Units owning a Renstra indicator of the OPD-year (`penanggungJawab`), for the policy; NotFoundError when there is no such indicator. */
export function unitIndikator(d: Dataset, opdSlug: string, tahun: number, kode: string): readonly string[] {
  const renstra = d.opd.find((o) => o.slug === opdSlug)?.renstra.find((r) => r.periodeAwal <= tahun && tahun <= r.periodeAkhir);
  const ind = renstra && [...renstra.tujuan.flatMap((t) => t.indikator), ...renstra.sasaran.flatMap((s) => s.indikator)].find((i) => i.kode === kode);
  if (!ind) throw new NotFoundError(`indikator "${kode}" tidak ada di Renstra ${opdSlug} tahun ${tahun}`);
  return ind.penanggungJawab;
}

/** Throws NotFoundError when the OPD, year or indicator does not exist or the indicator has no binding for the year. */
export function jelaskanIndikator(d: Dataset, opdSlug: string, tahun: number, kode: string): Penjelasan {
  const k = konteks(d, opdSlug, tahun);
  const ind = [...k.renstra.tujuan.flatMap((t) => t.indikator), ...k.renstra.sasaran.flatMap((s) => s.indikator)].find((i) => i.kode === kode);
  if (!ind) throw new NotFoundError(`indikator "${kode}" tidak ada di Renstra ${opdSlug} ${k.renstra.periodeAwal}–${k.renstra.periodeAkhir}`);
  const h = k.rumus.get(kode);
  if (!ind.rumus || !h) throw new NotFoundError(`indikator "${kode}" tidak dihitung dari register pada tahun ${tahun}`);
  const pengali = ind.formula?.pengali ?? 100;
  const r = ind.rumus;
  const rumusTeks =
    r.nilai !== undefined ? (teks(r.nilai) ?? '') : `(${teks(r.pembilang) ?? ''}) / (${teks(r.penyebut) ?? ''})${pengali === 1 ? '' : ` × ${pengali}`}`;
  const dipakai = new Map<string, { baris: Set<string>; total: Set<string> }>();
  const slotJson = (s: SlotRumus): PenjelasanSlot => {
    for (const u of barisDipakai(s)) {
      const x = dipakai.get(u.register) ?? { baris: new Set<string>(), total: new Set<string>() };
      u.rowIds.forEach((id) => x.baris.add(id));
      u.totalIds.forEach((id) => x.total.add(id));
      dipakai.set(u.register, x);
    }
    const alasan = statusText(s.nilai);
    return {
      triwulan: s.triwulan ?? null,
      bulanDari: s.periode.triwulan === undefined || s.periode.kumulatif ? 1 : s.periode.triwulan * 3 - 2,
      bulanSampai: s.periode.triwulan === undefined ? 12 : s.periode.triwulan * 3,
      sumber: s.sumber,
      pembilang: s.entri?.pembilang ?? null,
      penyebut: s.entri?.penyebut ?? null,
      nilai: toJson(s.nilai),
      ...(alasan ? { alasan } : {}),
      ...(s.keterangan ? { keterangan: s.keterangan } : {}),
      agregat: s.bagian.flatMap((b) =>
        b.hasil.trace.map((t) => {
          const why = statusText(t.nilai);
          return { rumus: t.formula, register: t.register, nilai: toJson(t.nilai, 6), ...(why ? { alasan: why } : {}), baris: [...t.rowIds], totalImpor: [...t.totalIds] };
        }),
      ),
    };
  };
  const triwulan = h.slot.map(slotJson);
  const perTriwulan = r.periode === 'tahunan' ? hitungRumus(k.opd, { ...ind, rumus: { ...r, periode: 'kumulatif', impor: [] } }, tahun) : undefined;
  const cap = hitungCapaian(d, opdSlug, tahun)
    .sasaran.flatMap((s) => s.indikator)
    .find((i) => i.kode === kode);
  const realisasiAlasan = cap ? statusText(cap.realisasi.nilai) : undefined;
  const register = k.opd.register
    .filter((reg) => dipakai.has(reg.kode))
    .map((reg): PenjelasanRegister => {
      const used = dipakai.get(reg.kode);
      return {
        kode: reg.kode,
        nama: reg.nama,
        kolom: reg.kolom.filter((c) => !isPribadi(c)).map((c) => ({ kode: c.kode, nama: c.nama, tipe: c.tipe })),
        baris: reg.baris
          .filter((b) => used?.baris.has(b.id))
          .map((b) => {
            const x = tanpaPribadi(reg, b);
            return { id: x.id, nilai: x.nilai, ...(x.keterangan ? { keterangan: x.keterangan } : {}) };
          }),
        totalImpor: reg.totalImpor.filter((t) => used?.total.has(t.id)),
      };
    });
  return {
    pemda: d.pemda.slug,
    opd: opdSlug,
    tahun,
    indikator: { kode: ind.kode, nama: ind.nama, satuan: ind.satuan, agregasi: ind.agregasi },
    rumus: { ...(r.nilai !== undefined ? { nilai: r.nilai } : { pembilang: r.pembilang ?? '', penyebut: r.penyebut ?? '' }), pengali, periode: r.periode, teks: rumusTeks },
    triwulan,
    ...(perTriwulan ? { kumulatif: perTriwulan.slot.map(slotJson) } : {}),
    realisasi: { nilai: cap ? toJson(cap.realisasi.nilai) : null, ...(realisasiAlasan ? { alasan: realisasiAlasan } : {}) },
    capaian: cap ? toJson(cap.capaian) : null,
    register,
  };
}
