/**
 * Who entered, submitted, verified and approved each quarterly realisasi of an OPD-year, and
 * when: value changes from the audit log, workflow moves from the verification comments. Two
 * queries for the whole OPD-year; the report preview attaches the trail to each figure.
 */
import { and, asc, eq, inArray, like } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditLog, komentarVerifikasi, pengguna } from '../db/schema.ts';
import { kunciJejak, type JejakEntri } from '../report/pratinjau.ts';

/** The audited fields that hold the value itself (status moves come from the comments). */
const FIELD_NILAI = ['nilai', 'pembilang', 'penyebut'];

export async function jejakRealisasi(db: Db, pemdaId: string, opd: string, tahun: number): Promise<Map<string, JejakEntri[]>> {
  const out = new Map<string, JejakEntri[]>();
  const add = (key: string, j: JejakEntri) => out.set(key, [...(out.get(key) ?? []), j]);

  // Entity keys are `${opd}/${tahun}/${triwulan}/${kode}`; slugs hold no LIKE wildcards.
  const prefix = `${opd}/${tahun}/`;
  const edits = await db
    .select({ key: auditLog.entityKey, at: auditLog.at, oleh: pengguna.username, penggunaId: auditLog.penggunaId })
    .from(auditLog)
    .leftJoin(pengguna, and(eq(pengguna.pemdaId, auditLog.pemdaId), eq(pengguna.id, auditLog.penggunaId)))
    .where(and(eq(auditLog.pemdaId, pemdaId), eq(auditLog.entity, 'realisasi'), like(auditLog.entityKey, `${prefix}%`), inArray(auditLog.field, FIELD_NILAI)))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  const seen = new Set<string>();
  for (const e of edits) {
    const rest = e.key.slice(prefix.length);
    const slash = rest.indexOf('/');
    const tw = Number(rest.slice(0, slash));
    const kode = rest.slice(slash + 1);
    if (slash < 0 || !Number.isInteger(tw)) continue;
    // One save changes several fields at once: one "isi" per save.
    const once = `${e.key}|${e.at.toISOString()}|${e.penggunaId ?? ''}`;
    if (seen.has(once)) continue;
    seen.add(once);
    add(kunciJejak(kode, tw), { aksi: 'isi', oleh: e.oleh ?? 'sistem', pada: e.at.toISOString() });
  }

  const moves = await db
    .select({ kode: komentarVerifikasi.indikatorKode, tw: komentarVerifikasi.triwulan, aksi: komentarVerifikasi.aksi, komentar: komentarVerifikasi.komentar, pada: komentarVerifikasi.pada, oleh: pengguna.username })
    .from(komentarVerifikasi)
    .innerJoin(pengguna, and(eq(pengguna.pemdaId, komentarVerifikasi.pemdaId), eq(pengguna.id, komentarVerifikasi.penggunaId)))
    .where(and(eq(komentarVerifikasi.pemdaId, pemdaId), eq(komentarVerifikasi.opdSlug, opd), eq(komentarVerifikasi.tahun, tahun)))
    .orderBy(asc(komentarVerifikasi.pada), asc(komentarVerifikasi.id));
  for (const m of moves) add(kunciJejak(m.kode, m.tw), { aksi: m.aksi, oleh: m.oleh, pada: m.pada.toISOString(), ...(m.komentar ? { komentar: m.komentar } : {}) });

  // A save and a move in the same instant: the save comes first.
  const urut: Record<JejakEntri['aksi'], number> = { isi: 0, ajukan: 1, verifikasi: 2, tolak: 2, setujui: 3 };
  for (const list of out.values()) list.sort((a, b) => a.pada.localeCompare(b.pada) || urut[a.aksi] - urut[b.aksi]);
  return out;
}
