/**
 * Quarterly deadlines. After the deadline of a quarter, its realisasi can no longer be entered
 * or submitted, except by units given a later deadline of their own. Verification and approval
 * go on after the deadline: they are the planners' and the head's work on what was submitted.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { newId } from '../db/ids.ts';
import { opd, tenggat, tenggatPengecualian, unit } from '../db/schema.ts';
import { type Aktor, boleh } from '../policy/policy.ts';
import { catatAudit, type KonteksAudit, type Perubahan } from './audit.ts';
import { Dilarang, MasukanTidakSah, VersiUsang } from './errors.ts';

export interface Tenggat {
  /** Stored version (0: never set), for optimistic concurrency of `aturTenggat`. */
  version: number;
  batas: Date;
  pengecualian: Array<{ opd: string; unit: string; batas: Date }>;
}

export async function bacaTenggat(db: Db, pemdaId: string, tahun: number, triwulan: number): Promise<Tenggat | undefined> {
  const [row] = await db
    .select({ id: tenggat.id, batas: tenggat.batas, version: tenggat.version })
    .from(tenggat)
    .where(and(eq(tenggat.pemdaId, pemdaId), eq(tenggat.tahun, tahun), eq(tenggat.triwulan, triwulan)));
  if (!row) return undefined;
  const pengecualian = await db
    .select({ opd: tenggatPengecualian.opdSlug, unit: tenggatPengecualian.unitKode, batas: tenggatPengecualian.batas })
    .from(tenggatPengecualian)
    .where(and(eq(tenggatPengecualian.pemdaId, pemdaId), eq(tenggatPengecualian.tenggatId, row.id)))
    .orderBy(asc(tenggatPengecualian.opdSlug), asc(tenggatPengecualian.unitKode));
  return { version: row.version, batas: row.batas, pengecualian };
}

/** The deadline that applies to work owed by these units of an OPD: the latest one any of them has. */
export function batasUntuk(t: Omit<Tenggat, 'version'> | undefined, opdSlug: string, units: Iterable<string>): Date | undefined {
  if (!t) return undefined;
  const mine = new Set(units);
  return t.pengecualian
    .filter((p) => p.opd === opdSlug && mine.has(p.unit))
    .reduce((latest, p) => (p.batas > latest ? p.batas : latest), t.batas);
}

export interface StatusKunci {
  terkunci: boolean;
  alasan?: string;
  batas?: Date;
}

export function kunciTenggat(t: Omit<Tenggat, 'version'> | undefined, opdSlug: string, units: Iterable<string>, triwulan: number, sekarang: Date): StatusKunci {
  const batas = batasUntuk(t, opdSlug, units);
  if (!batas) return { terkunci: false };
  if (sekarang <= batas) return { terkunci: false, batas };
  return { terkunci: true, batas, alasan: `tenggat pengisian triwulan ${triwulan} telah lewat (${batas.toISOString()})` };
}

/** A quarter's deadline as the API shows it (also the `current` of a stale write). */
export function sajikanTenggat(tahun: number, triwulan: number, t: Tenggat | undefined) {
  return {
    tahun,
    triwulan,
    version: t?.version ?? 0,
    batas: t ? t.batas.toISOString() : null,
    pengecualian: (t?.pengecualian ?? []).map((p) => ({ opd: p.opd, unit: p.unit, batas: p.batas.toISOString() })),
  };
}

export interface AturTenggat {
  /** The version the caller read (0 when there was none); another one is 409 with the stored deadline. */
  version: number;
  tahun: number;
  triwulan: number;
  batas: Date;
  pengecualian: Array<{ opd: string; unit: string; batas: Date }>;
}

/** Sets a quarter's deadline and replaces its exceptions, in one transaction with its audit rows. */
export async function aturTenggat(db: Db, aktor: Aktor, audit: Omit<KonteksAudit, 'pemdaId' | 'penggunaId'>, input: AturTenggat): Promise<Tenggat> {
  if (!boleh(aktor, { aksi: 'tenggat:atur' })) throw new Dilarang('hanya admin pemda yang mengatur tenggat');
  const pemdaId = aktor.pemdaId;
  const issues = input.pengecualian.flatMap((p, i) =>
    p.batas <= input.batas ? [{ path: `pengecualian.${i}.batas`, message: 'batas pengecualian harus lebih lambat dari batas umum' }] : [],
  );
  const seen = new Set<string>();
  input.pengecualian.forEach((p, i) => {
    const key = `${p.opd}/${p.unit}`;
    if (seen.has(key)) issues.push({ path: `pengecualian.${i}`, message: `unit ${key} disebut lebih dari sekali` });
    seen.add(key);
  });
  const slugs = [...new Set(input.pengecualian.map((p) => p.opd))];
  const known =
    slugs.length === 0
      ? []
      : await db
          .select({ opd: opd.slug, unit: unit.kode })
          .from(unit)
          .innerJoin(opd, and(eq(opd.pemdaId, unit.pemdaId), eq(opd.id, unit.opdId)))
          .where(and(eq(unit.pemdaId, pemdaId), inArray(opd.slug, slugs)));
  input.pengecualian.forEach((p, i) => {
    if (!known.some((k) => k.opd === p.opd && k.unit === p.unit)) issues.push({ path: `pengecualian.${i}.unit`, message: `unit "${p.unit}" tidak ada di OPD "${p.opd}"` });
  });
  if (issues.length > 0) throw new MasukanTidakSah(issues);

  const key = `${input.tahun}/${input.triwulan}`;
  await db.transaction(async (tx) => {
    const [old] = await tx
      .select()
      .from(tenggat)
      .where(and(eq(tenggat.pemdaId, pemdaId), eq(tenggat.tahun, input.tahun), eq(tenggat.triwulan, input.triwulan)))
      .for('update');
    if ((old?.version ?? 0) !== input.version) {
      const kini = await bacaTenggat(tx, pemdaId, input.tahun, input.triwulan);
      throw new VersiUsang(sajikanTenggat(input.tahun, input.triwulan, kini));
    }
    const changes: Perubahan[] = [];
    let id: string;
    if (old) {
      id = old.id;
      await tx
        .update(tenggat)
        .set({ batas: input.batas, updatedAt: audit.at, version: old.version + 1 })
        .where(and(eq(tenggat.pemdaId, pemdaId), eq(tenggat.id, id)));
    } else {
      id = newId();
      await tx.insert(tenggat).values({ pemdaId, id, tahun: input.tahun, triwulan: input.triwulan, batas: input.batas, createdAt: audit.at, updatedAt: audit.at });
    }
    if (old?.batas.getTime() !== input.batas.getTime()) {
      changes.push({ entity: 'tenggat', entityKey: key, field: 'batas', lama: old?.batas.toISOString() ?? null, baru: input.batas.toISOString() });
    }
    const before = await tx
      .delete(tenggatPengecualian)
      .where(and(eq(tenggatPengecualian.pemdaId, pemdaId), eq(tenggatPengecualian.tenggatId, id)))
      .returning({ opd: tenggatPengecualian.opdSlug, unit: tenggatPengecualian.unitKode, batas: tenggatPengecualian.batas });
    if (input.pengecualian.length > 0) {
      await tx
        .insert(tenggatPengecualian)
        .values(input.pengecualian.map((p) => ({ pemdaId, id: newId(), tenggatId: id, opdSlug: p.opd, unitKode: p.unit, batas: p.batas, createdAt: audit.at })));
    }
    const all = new Set([...before, ...input.pengecualian].map((p) => `${p.opd}/${p.unit}`));
    for (const u of all) {
      const lama = before.find((p) => `${p.opd}/${p.unit}` === u)?.batas.toISOString() ?? null;
      const baru = input.pengecualian.find((p) => `${p.opd}/${p.unit}` === u)?.batas.toISOString() ?? null;
      if (lama !== baru) changes.push({ entity: 'tenggat_pengecualian', entityKey: `${key}/${u}`, field: 'batas', lama, baru });
    }
    await catatAudit(tx, { ...audit, pemdaId, penggunaId: aktor.id }, changes);
  });
  return { version: input.version + 1, batas: input.batas, pengecualian: input.pengecualian };
}
