/**
 * The deadlines of one year as the settings screen shows them: the four quarters with their
 * stored version and per-unit exceptions, and the units that can be given one.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { opd, tenggat, tenggatPengecualian, unit } from '../db/schema.ts';

export interface TenggatTriwulan {
  triwulan: number;
  batas: string | null;
  version: number;
  pengecualian: Array<{ opd: string; unit: string; batas: string }>;
}

export async function bacaTenggatTahun(db: Db, pemdaId: string, tahun: number) {
  const rows = await db.select().from(tenggat).where(and(eq(tenggat.pemdaId, pemdaId), eq(tenggat.tahun, tahun)));
  const exc = await db
    .select({ tenggatId: tenggatPengecualian.tenggatId, opd: tenggatPengecualian.opdSlug, unit: tenggatPengecualian.unitKode, batas: tenggatPengecualian.batas })
    .from(tenggatPengecualian)
    .innerJoin(tenggat, and(eq(tenggat.pemdaId, tenggatPengecualian.pemdaId), eq(tenggat.id, tenggatPengecualian.tenggatId)))
    .where(and(eq(tenggatPengecualian.pemdaId, pemdaId), eq(tenggat.tahun, tahun)))
    .orderBy(asc(tenggatPengecualian.opdSlug), asc(tenggatPengecualian.unitKode));
  const triwulan: TenggatTriwulan[] = [1, 2, 3, 4].map((tw) => {
    const r = rows.find((x) => x.triwulan === tw);
    return {
      triwulan: tw,
      batas: r ? r.batas.toISOString() : null,
      version: r?.version ?? 0,
      pengecualian: r ? exc.filter((e) => e.tenggatId === r.id).map((e) => ({ opd: e.opd, unit: e.unit, batas: e.batas.toISOString() })) : [],
    };
  });
  const units = await db
    .select({ opd: opd.slug, opdNama: opd.nama, kode: unit.kode, nama: unit.nama })
    .from(unit)
    .innerJoin(opd, and(eq(opd.pemdaId, unit.pemdaId), eq(opd.id, unit.opdId)))
    .where(eq(unit.pemdaId, pemdaId))
    .orderBy(asc(opd.urutan), asc(unit.urutan));
  return { tahun, triwulan, unit: units };
}
