/**
 * The scores of criterion-level evaluations as they are read everywhere (the LKE sheet, the
 * evaluation summary, the recap of every OPD, the LHE): the criteria version of each evaluation
 * and the answers of its tiers, scored by src/engine/evaluasi.ts. No arithmetic here.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema.ts';
import type { IsiKriteriaLke, TingkatLke } from '../db/schema-app.ts';
import { hitungLkeKriteria, type HasilLkeKriteria, type JawabanLke } from '../engine/evaluasi.ts';

export type BarisJawaban = typeof t.jawabanLke.$inferSelect;

/** The answer that counts at each tier: a tier's own answer, else the one of the tier below. */
export function berlaku(per: Partial<Record<TingkatLke, JawabanLke | null>>): { mandiri: JawabanLke | null; evaluator: JawabanLke | null; akhir: JawabanLke | null } {
  const mandiri = per.mandiri ?? null;
  const evaluator = per.evaluator ?? mandiri;
  return { mandiri, evaluator, akhir: per.supervisor ?? evaluator };
}

export interface NilaiTigaTingkat {
  mandiri: HasilLkeKriteria;
  evaluator: HasilLkeKriteria;
  akhir: HasilLkeKriteria;
}

/** Scores of the three tiers from the answer rows of one evaluation. */
export function nilaiTingkat(isi: IsiKriteriaLke, jawaban: readonly BarisJawaban[]): NilaiTigaTingkat {
  const per = new Map<string, Partial<Record<TingkatLke, JawabanLke | null>>>();
  for (const j of jawaban) {
    const m = per.get(j.kriteriaKode) ?? {};
    m[j.tingkat] = (j.jawaban as JawabanLke | null) ?? null;
    per.set(j.kriteriaKode, m);
  }
  const pada = (tingkat: 'mandiri' | 'evaluator' | 'akhir') => (kode: string) => berlaku(per.get(kode) ?? {})[tingkat] ?? undefined;
  return { mandiri: hitungLkeKriteria(isi, pada('mandiri')), evaluator: hitungLkeKriteria(isi, pada('evaluator')), akhir: hitungLkeKriteria(isi, pada('akhir')) };
}

/** Final scores of criterion-level evaluations, by evaluation id, in a fixed number of queries. */
export async function nilaiAkhirEvaluasi(db: Db, pemdaId: string, evaluasi: ReadonlyArray<{ id: string; kriteriaId: string | null }>): Promise<Map<string, { isi: IsiKriteriaLke; nilai: NilaiTigaTingkat }>> {
  const lke = evaluasi.filter((e): e is { id: string; kriteriaId: string } => e.kriteriaId !== null);
  const out = new Map<string, { isi: IsiKriteriaLke; nilai: NilaiTigaTingkat }>();
  if (lke.length === 0) return out;
  const versi = await db
    .select({ id: t.kriteriaLke.id, isi: t.kriteriaLke.isi })
    .from(t.kriteriaLke)
    .where(and(eq(t.kriteriaLke.pemdaId, pemdaId), inArray(t.kriteriaLke.id, [...new Set(lke.map((e) => e.kriteriaId))])));
  const jawaban = await db
    .select()
    .from(t.jawabanLke)
    .where(and(eq(t.jawabanLke.pemdaId, pemdaId), inArray(t.jawabanLke.evaluasiId, lke.map((e) => e.id))));
  for (const e of lke) {
    const isi = versi.find((v) => v.id === e.kriteriaId)?.isi;
    if (!isi) continue;
    out.set(e.id, { isi, nilai: nilaiTingkat(isi, jawaban.filter((j) => j.evaluasiId === e.id)) });
  }
  return out;
}
