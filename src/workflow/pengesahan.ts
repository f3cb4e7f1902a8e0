/**
 * The kepala OPD's sign-off of a year (see evaluasi.ts): once signed, realisasi of that year is
 * locked for everyone. Read by the evaluation and by every realisasi command and entry list.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema.ts';

export interface Pengesahan {
  oleh: string;
  nama: string;
  pada: string;
}

/** The sign-off of a year, if any. */
export async function tahunDisahkan(db: Db, pemdaId: string, opd: string, tahun: number): Promise<Pengesahan | null> {
  const [row] = await db
    .select({ oleh: t.pengguna.username, nama: t.pengguna.nama, pada: t.pengesahanTahun.pada })
    .from(t.pengesahanTahun)
    .innerJoin(t.pengguna, and(eq(t.pengguna.pemdaId, t.pengesahanTahun.pemdaId), eq(t.pengguna.id, t.pengesahanTahun.penggunaId)))
    .where(and(eq(t.pengesahanTahun.pemdaId, pemdaId), eq(t.pengesahanTahun.opdSlug, opd), eq(t.pengesahanTahun.tahun, tahun)));
  return row ? { oleh: row.oleh, nama: row.nama, pada: row.pada.toISOString() } : null;
}
