/**
 * The SAKIP evaluation of an OPD-year and the sign-off of the year.
 *
 * - The inspektorat enters the LKE scores (share achieved per sub-component) and the
 *   recommendations ('evaluasi:isi'); the total and the grade come from src/engine/evaluasi.ts.
 * - The perencana of the OPD records the follow-up of each recommendation ('tindak-lanjut:isi').
 * - The kepala OPD signs the year off ('tahun:sahkan') once every quarter of every indicator is
 *   approved; from then on realisasi of that year is locked for everyone (see `tahunDisahkan` in pengesahan.ts,
 *   asked by the realisasi commands). The admin pemda reopens it with a reason ('tahun:buka').
 *
 * Every write runs in one transaction with its audit rows; the evaluation carries a `version`
 * (409 with the current record when stale).
 */
import { isDeepStrictEqual } from 'node:util';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { newId } from '../db/ids.ts';
import * as t from '../db/schema.ts';
import type { RekomendasiEvaluasi, SkorLke, StatusTindakLanjut } from '../db/schema-app.ts';
import type { Rational } from '../engine/decimal.ts';
import { hitungLke, KOMPONEN_LKE, type KodeKomponen, type KodeSub, type PredikatSakip, SUB_KOMPONEN } from '../engine/evaluasi.ts';
import { type Aktor, boleh, type Tindakan } from '../policy/policy.ts';
import { catatAudit, type KonteksAudit } from './audit.ts';
import { Dilarang, MasukanTidakSah, StatusTidakSesuai, TidakDitemukan, VersiUsang } from './errors.ts';
import { bacaKatalog, bacaOpdUntuk } from './katalog.ts';
import type { KonteksPerintah } from './konteks-perintah.ts';
import { nilaiAkhirEvaluasi } from './lke-nilai.ts';
import { type Pengesahan, tahunDisahkan } from './pengesahan.ts';

const audit = (k: KonteksPerintah): KonteksAudit => ({ pemdaId: k.aktor.pemdaId, penggunaId: k.aktor.id, requestId: k.requestId, at: k.sekarang });

export interface RekomendasiTersaji {
  id: string;
  teks: string;
  tindakLanjut: string | null;
  status: StatusTindakLanjut;
  tautan: string[];
  selesaiPada: string | null;
}

export interface Evaluasi {
  ada: boolean;
  perKriteria: boolean;
  skor: SkorLke;
  rekomendasi: RekomendasiTersaji[];
  hasil: {
    komponen: Array<{ kode: KodeKomponen; nama: string; bobot: number; nilai: number; sub: Record<KodeSub, number> }>;
    total: number;
    predikat: PredikatSakip;
  };
  version: number;
  pengesahan: Pengesahan | null;
  boleh: { isi: boolean; tindakLanjut: boolean; sahkan: boolean; buka: boolean };
}

export const SKOR_KOSONG: SkorLke = Object.fromEntries(
  KOMPONEN_LKE.map((k) => [k.kode, Object.fromEntries(SUB_KOMPONEN.map((s) => [s.kode, '0']))]),
) as SkorLke;

async function opdUntuk(db: Db, a: Aktor, slug: string, tindakan?: Tindakan) {
  const opd = await bacaOpdUntuk(db, a, slug);
  if (tindakan && !boleh(a, tindakan)) throw new Dilarang();
  return opd;
}

async function baris(db: Db, pemdaId: string, opd: string, tahun: number, kunci = false) {
  const q = db
    .select()
    .from(t.evaluasiSakip)
    .where(and(eq(t.evaluasiSakip.pemdaId, pemdaId), eq(t.evaluasiSakip.opdSlug, opd), eq(t.evaluasiSakip.tahun, tahun)));
  const [row] = kunci ? await q.for('update') : await q;
  return row;
}

/** The status of a recommendation's follow-up; recommendations recorded before statuses existed read as 'proses' when followed up. */
export function statusRekomendasi(r: RekomendasiEvaluasi): StatusTindakLanjut {
  return r.status ?? (r.tindakLanjut ? 'proses' : 'belum');
}

const sajikanRekomendasi = (r: RekomendasiEvaluasi): RekomendasiTersaji => ({
  id: r.id,
  teks: r.teks,
  tindakLanjut: r.tindakLanjut,
  status: statusRekomendasi(r),
  tautan: r.tautan ?? [],
  selesaiPada: r.selesaiPada ?? null,
});

type BarisEvaluasi = typeof t.evaluasiSakip.$inferSelect;

/** The evaluation as served; a criterion-level evaluation's total and grade are its final tier's (src/workflow/lke.ts). */
async function susun(db: Db, a: Aktor, opd: string, row: BarisEvaluasi | undefined, pengesahan: Pengesahan | null): Promise<Evaluasi> {
  const lke = row?.kriteriaId ? (await nilaiAkhirEvaluasi(db, a.pemdaId, [row])).get(row.id)?.nilai.akhir : undefined;
  return susunDari(a, opd, row, pengesahan, lke);
}

function susunDari(a: Aktor, opd: string, row: BarisEvaluasi | undefined, pengesahan: Pengesahan | null, lke: { total: Rational; predikat: PredikatSakip } | undefined): Evaluasi {
  const skor = row?.skor ?? SKOR_KOSONG;
  const h = hitungLke(skor);
  return {
    ada: row !== undefined,
    perKriteria: row?.kriteriaId != null,
    skor,
    rekomendasi: (row?.rekomendasi ?? []).map(sajikanRekomendasi),
    hasil: lke
      ? { komponen: [], total: lke.total.toNumber(2), predikat: lke.predikat }
      : {
      komponen: h.komponen.map((k) => ({
        kode: k.kode,
        nama: KOMPONEN_LKE.find((x) => x.kode === k.kode)?.nama ?? k.kode,
        bobot: k.bobot,
        nilai: k.nilai.toNumber(2),
        sub: Object.fromEntries(Object.entries(k.sub).map(([s, v]) => [s, v.toNumber(2)])) as Record<KodeSub, number>,
      })),
      total: h.total.toNumber(2),
      predikat: h.predikat,
        },
    version: row?.version ?? 0,
    pengesahan,
    boleh: {
      isi: boleh(a, { aksi: 'evaluasi:isi', opd }),
      tindakLanjut: row !== undefined && boleh(a, { aksi: 'tindak-lanjut:isi', opd }),
      sahkan: pengesahan === null && boleh(a, { aksi: 'tahun:sahkan', opd }),
      buka: pengesahan !== null && boleh(a, { aksi: 'tahun:buka', opd }),
    },
  };
}

export async function bacaEvaluasi(db: Db, a: Aktor, opd: string, tahun: number): Promise<Evaluasi> {
  await opdUntuk(db, a, opd);
  return susun(db, a, opd, await baris(db, a.pemdaId, opd, tahun), await tahunDisahkan(db, a.pemdaId, opd, tahun));
}

/** Scores as exact decimal strings in 0..100, or the located problems. */
function periksaSkor(skor: SkorLke): SkorLke {
  const issues = KOMPONEN_LKE.flatMap((k) =>
    SUB_KOMPONEN.flatMap((s) => {
      const v = skor[k.kode][s.kode];
      const n = Number(v);
      return /^\d{1,3}(\.\d{1,4})?$/.test(v) && n >= 0 && n <= 100 ? [] : [{ path: `skor.${k.kode}.${s.kode}`, message: 'nilai 0 sampai 100, paling banyak 4 desimal' }];
    }),
  );
  if (issues.length > 0) throw new MasukanTidakSah(issues);
  return Object.fromEntries(KOMPONEN_LKE.map((k) => [k.kode, Object.fromEntries(SUB_KOMPONEN.map((s) => [s.kode, skor[k.kode][s.kode]]))])) as SkorLke;
}

export interface IsiEvaluasi {
  version: number;
  skor: SkorLke;
  /** Recommendations in order; an existing one keeps its id (and its follow-up). */
  rekomendasi: Array<{ id?: string | undefined; teks: string }>;
}

export async function simpanEvaluasi(k: KonteksPerintah, opd: string, tahun: number, input: IsiEvaluasi): Promise<Evaluasi> {
  return k.db.transaction(async (tx) => {
    await opdUntuk(tx, k.aktor, opd, { aksi: 'evaluasi:isi', opd });
    const pemdaId = k.aktor.pemdaId;
    const skor = periksaSkor(input.skor);
    const row = await baris(tx, pemdaId, opd, tahun, true);
    const pengesahan = await tahunDisahkan(tx, pemdaId, opd, tahun);
    if ((row?.version ?? 0) !== input.version) throw new VersiUsang<Evaluasi>(await susun(tx, k.aktor, opd, row, pengesahan));
    if (row?.kriteriaId && !isDeepStrictEqual(row.skor, skor)) {
      throw new MasukanTidakSah([{ path: 'skor', message: 'evaluasi ini dijawab per kriteria (LKE); nilainya dihitung dari jawaban, bukan diisi' }]);
    }
    const lama = row?.rekomendasi ?? [];
    const issues = input.rekomendasi.flatMap((r, i) =>
      r.id !== undefined && !lama.some((x) => x.id === r.id) ? [{ path: `rekomendasi.${i}.id`, message: 'rekomendasi tidak dikenal' }] : [],
    );
    if (issues.length > 0) throw new MasukanTidakSah(issues);
    const rekomendasi: RekomendasiEvaluasi[] = input.rekomendasi
      .map((r) => {
        const ada = lama.find((x) => x.id === r.id);
        return ada ? { ...ada, teks: r.teks.trim() } : { id: r.id ?? newId(), teks: r.teks.trim(), tindakLanjut: null };
      })
      .filter((r) => r.teks !== '');
    const key = `${opd}/${tahun}`;
    const changes = [];
    if (!isDeepStrictEqual(row?.skor ?? null, skor)) changes.push({ entity: 'evaluasi_sakip', entityKey: key, field: 'skor', lama: row?.skor ?? null, baru: skor });
    if (!isDeepStrictEqual(lama, rekomendasi)) changes.push({ entity: 'evaluasi_sakip', entityKey: key, field: 'rekomendasi', lama: row ? lama : null, baru: rekomendasi });
    if (changes.length === 0 && row) return susun(tx, k.aktor, opd, row, pengesahan);
    let next: typeof t.evaluasiSakip.$inferSelect;
    if (row) {
      [next] = (await tx
        .update(t.evaluasiSakip)
        .set({ skor, rekomendasi, version: row.version + 1, updatedAt: k.sekarang })
        .where(and(eq(t.evaluasiSakip.pemdaId, pemdaId), eq(t.evaluasiSakip.id, row.id)))
        .returning()) as [typeof t.evaluasiSakip.$inferSelect];
    } else {
      [next] = (await tx
        .insert(t.evaluasiSakip)
        .values({ pemdaId, id: newId(), opdSlug: opd, tahun, skor, rekomendasi, createdAt: k.sekarang, updatedAt: k.sekarang })
        .returning()) as [typeof t.evaluasiSakip.$inferSelect];
    }
    await catatAudit(tx, audit(k), changes);
    return susun(tx, k.aktor, opd, next, pengesahan);
  });
}

export interface IsiTindakLanjut {
  version: number;
  tindakLanjut: string;
  /** Default: 'proses' when a follow-up is written, else 'belum'. 'selesai' needs the follow-up and at least one link of evidence. */
  status?: StatusTindakLanjut | undefined;
  tautan?: string[] | undefined;
}

export async function simpanTindakLanjut(k: KonteksPerintah, opd: string, tahun: number, id: string, input: IsiTindakLanjut): Promise<Evaluasi> {
  return k.db.transaction(async (tx) => {
    await opdUntuk(tx, k.aktor, opd, { aksi: 'tindak-lanjut:isi', opd });
    const pemdaId = k.aktor.pemdaId;
    const row = await baris(tx, pemdaId, opd, tahun, true);
    if (!row) throw new TidakDitemukan(`belum ada evaluasi ${opd} tahun ${tahun}`);
    const pengesahan = await tahunDisahkan(tx, pemdaId, opd, tahun);
    const r = row.rekomendasi.find((x) => x.id === id);
    if (!r) throw new TidakDitemukan('rekomendasi tidak ada');
    if (row.version !== input.version) throw new VersiUsang<Evaluasi>(await susun(tx, k.aktor, opd, row, pengesahan));
    const tindakLanjut = input.tindakLanjut.trim() || null;
    const tautan = input.tautan ? [...new Set(input.tautan.map((x) => x.trim()))] : (r.tautan ?? []);
    const status = input.status ?? (tindakLanjut ? 'proses' : 'belum');
    if (status === 'selesai' && (!tindakLanjut || tautan.length === 0)) {
      throw new MasukanTidakSah([{ path: 'status', message: 'tindak lanjut selesai memerlukan uraian tindak lanjut dan sedikitnya satu tautan bukti' }]);
    }
    if (status !== 'belum' && !tindakLanjut) throw new MasukanTidakSah([{ path: 'tindakLanjut', message: 'tulis tindak lanjutnya' }]);
    const lama = sajikanRekomendasi(r);
    const selesaiPada = status === 'selesai' ? (lama.status === 'selesai' ? lama.selesaiPada : k.sekarang.toISOString()) : null;
    const baru: RekomendasiEvaluasi = { ...r, tindakLanjut, status, tautan, selesaiPada };
    const key = `${opd}/${tahun}/rekomendasi/${id}`;
    const changes = (['tindakLanjut', 'status', 'tautan'] as const).flatMap((f) =>
      isDeepStrictEqual(lama[f], baru[f]) ? [] : [{ entity: 'evaluasi_sakip', entityKey: key, field: f, lama: lama[f], baru: baru[f] }],
    );
    if (changes.length === 0) return susun(tx, k.aktor, opd, row, pengesahan);
    const rekomendasi = row.rekomendasi.map((x) => (x.id === id ? baru : x));
    const [next] = (await tx
      .update(t.evaluasiSakip)
      .set({ rekomendasi, version: row.version + 1, updatedAt: k.sekarang })
      .where(and(eq(t.evaluasiSakip.pemdaId, pemdaId), eq(t.evaluasiSakip.id, row.id)))
      .returning()) as [typeof t.evaluasiSakip.$inferSelect];
    await catatAudit(tx, audit(k), changes);
    return susun(tx, k.aktor, opd, next, pengesahan);
  });
}

/** Follow-ups of the evaluation of a year, as the next year's LKJIP lists them. */
export async function tindakLanjutDariEvaluasi(db: Db, pemdaId: string, opd: string, tahunEvaluasi: number) {
  const row = await baris(db, pemdaId, opd, tahunEvaluasi);
  return (row?.rekomendasi ?? []).map((r) => ({ rekomendasi: r.teks, tindakLanjut: r.tindakLanjut ?? '', tahunEvaluasi }));
}

// ---------------------------------------------------------------- sign-off

export interface Kekurangan {
  indikator: string;
  nama: string;
  /** The units that owe the realisasi, in the OPD's order. */
  unit: Array<{ kode: string; nama: string }>;
  triwulan: number;
  status: string;
}

/** Quarters of indicators of the year not yet approved. */
export async function kekuranganTahun(db: Db, pemdaId: string, opd: string, tahun: number): Promise<Kekurangan[]> {
  const katalog = await bacaKatalog(db, pemdaId, opd, tahun);
  if (!katalog) throw new TidakDitemukan(`OPD "${opd}" tidak ada`);
  const rows = katalog.tahunOpdId
    ? await db
        .select({ kode: t.realisasi.indikatorKode, triwulan: t.realisasi.triwulan, status: t.realisasi.status })
        .from(t.realisasi)
        .where(and(eq(t.realisasi.pemdaId, pemdaId), eq(t.realisasi.tahunOpdId, katalog.tahunOpdId)))
    : [];
  return katalog.indikator.flatMap((i) =>
    [1, 2, 3, 4].flatMap((tw) => {
      const status = rows.find((r) => r.kode === i.kode && r.triwulan === tw)?.status ?? 'kosong';
      return status === 'disetujui' ? [] : [{ indikator: i.kode, nama: i.nama, unit: katalog.unit.filter((u) => i.unit.includes(u.kode)).map((u) => ({ kode: u.kode, nama: u.nama })), triwulan: tw, status }];
    }),
  );
}

/** Thrown when the year cannot be signed off yet; `kurang` lists what is missing. */
export class BelumLengkap extends StatusTidakSesuai {
  constructor(readonly kurang: Kekurangan[]) {
    super(`${kurang.length} isian triwulan belum disetujui: ${kurang.slice(0, 10).map((x) => `${x.indikator} TW${x.triwulan} (${x.status})`).join(', ')}${kurang.length > 10 ? ', …' : ''}`);
  }
}

export async function sahkanTahun(k: KonteksPerintah, opd: string, tahun: number): Promise<Evaluasi> {
  return k.db.transaction(async (tx) => {
    const o = await opdUntuk(tx, k.aktor, opd, { aksi: 'tahun:sahkan', opd });
    const pemdaId = k.aktor.pemdaId;
    // The OPD row serializes sign-offs and first realisasi saves of the OPD.
    await tx.select({ id: t.opd.id }).from(t.opd).where(and(eq(t.opd.pemdaId, pemdaId), eq(t.opd.id, o.id))).for('update');
    if (await tahunDisahkan(tx, pemdaId, opd, tahun)) throw new StatusTidakSesuai(`tahun ${tahun} sudah disahkan`);
    const kurang = await kekuranganTahun(tx, pemdaId, opd, tahun);
    if (kurang.length > 0) throw new BelumLengkap(kurang);
    await tx.insert(t.pengesahanTahun).values({ pemdaId, id: newId(), opdSlug: opd, tahun, penggunaId: k.aktor.id, pada: k.sekarang });
    await catatAudit(tx, audit(k), [{ entity: 'pengesahan_tahun', entityKey: `${opd}/${tahun}`, field: 'disahkan', lama: null, baru: k.sekarang.toISOString() }]);
    return susun(tx, k.aktor, opd, await baris(tx, pemdaId, opd, tahun), await tahunDisahkan(tx, pemdaId, opd, tahun));
  });
}

export async function bukaTahun(k: KonteksPerintah, opd: string, tahun: number, input: { alasan: string }): Promise<Evaluasi> {
  const alasan = input.alasan.trim();
  if (alasan === '') throw new MasukanTidakSah([{ path: 'alasan', message: 'alasan pembukaan wajib diisi' }]);
  return k.db.transaction(async (tx) => {
    await opdUntuk(tx, k.aktor, opd, { aksi: 'tahun:buka', opd });
    const pemdaId = k.aktor.pemdaId;
    const [row] = await tx
      .delete(t.pengesahanTahun)
      .where(and(eq(t.pengesahanTahun.pemdaId, pemdaId), eq(t.pengesahanTahun.opdSlug, opd), eq(t.pengesahanTahun.tahun, tahun)))
      .returning();
    if (!row) throw new StatusTidakSesuai(`tahun ${tahun} belum disahkan`);
    await catatAudit(tx, audit(k), [
      { entity: 'pengesahan_tahun', entityKey: `${opd}/${tahun}`, field: 'disahkan', lama: row.pada.toISOString(), baru: null },
      { entity: 'pengesahan_tahun', entityKey: `${opd}/${tahun}`, field: 'alasanBuka', lama: null, baru: alasan },
    ]);
    return susun(tx, k.aktor, opd, await baris(tx, pemdaId, opd, tahun), null);
  });
}

/**
 * What the LKJIP of a year takes from the application rather than the dataset: the year's
 * sign-off, and the follow-ups of the previous year's evaluation (its recommendations are
 * followed up during the year the LKJIP reports on).
 */
export async function opsiLkjip(db: Db, pemdaSlug: string, opd: string, tahun: number): Promise<{ pengesahan: { nama: string; pada: string } | null; tindakLanjut: Array<{ rekomendasi: string; tindakLanjut: string; tahunEvaluasi: number }> }> {
  const [p] = await db.select({ id: t.pemda.id }).from(t.pemda).where(eq(t.pemda.slug, pemdaSlug));
  if (!p) return { pengesahan: null, tindakLanjut: [] };
  const sah = await tahunDisahkan(db, p.id, opd, tahun);
  return { pengesahan: sah ? { nama: sah.nama, pada: sah.pada } : null, tindakLanjut: await tindakLanjutDariEvaluasi(db, p.id, opd, tahun - 1) };
}
