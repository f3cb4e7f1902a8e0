/**
 * Progress of a year's quarterly realisasi per unit: what is still missing and who owes it.
 * The counts are cumulative stages (terisi >= diajukan >= diverifikasi >= disetujui): an
 * approved entry was also filled in, submitted and verified.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { realisasi } from '../db/schema.ts';
import type { Katalog } from './katalog.ts';
import type { StatusEntri } from './status.ts';

export interface ProgresUnit {
  kode: string;
  nama: string;
  total: number;
  terisi: number;
  diajukan: number;
  diverifikasi: number;
  disetujui: number;
  kepala?: string;
}

export interface ProgresTriwulan {
  triwulan: number;
  unit: ProgresUnit[];
}

const TAHAP: Record<StatusEntri, number> = { kosong: 0, draf: 1, ditolak: 1, diajukan: 2, diverifikasi: 3, disetujui: 4 };

export async function progres(db: Db, katalog: Katalog): Promise<ProgresTriwulan[]> {
  const rows = katalog.tahunOpdId
    ? await db
        .select({ kode: realisasi.indikatorKode, triwulan: realisasi.triwulan, status: realisasi.status })
        .from(realisasi)
        .where(and(eq(realisasi.pemdaId, katalog.pemdaId), eq(realisasi.tahunOpdId, katalog.tahunOpdId), isNotNull(realisasi.triwulan)))
    : [];
  const tahap = new Map(rows.map((r) => [`${r.triwulan}/${r.kode}`, TAHAP[r.status]]));
  return [1, 2, 3, 4].map((triwulan) => ({
    triwulan,
    unit: katalog.unit.flatMap((u) => {
      const owned = katalog.indikator.filter((i) => i.unit.includes(u.kode));
      if (owned.length === 0) return [];
      const reached = (n: number) => owned.filter((i) => (tahap.get(`${triwulan}/${i.kode}`) ?? 0) >= n).length;
      return [
        {
          kode: u.kode,
          nama: u.nama,
          total: owned.length,
          terisi: reached(1),
          diajukan: reached(2),
          diverifikasi: reached(3),
          disetujui: reached(4),
          ...(u.kepala === undefined ? {} : { kepala: u.kepala }),
        },
      ];
    }),
  }));
}
