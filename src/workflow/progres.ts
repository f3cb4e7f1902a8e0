/**
 * Progress of a year's quarterly realisasi per unit: what is still missing and who owes it.
 * The counts are cumulative stages (terisi >= diajukan >= diverifikasi >= disetujui): an
 * approved entry was also filled in, submitted and verified.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { realisasi } from '../db/schema.ts';
import type { Katalog } from './katalog.ts';
import type { StatusEntri } from '../policy/status.ts';

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
  // Stage reached per quarter and indicator code.
  const tahap = [1, 2, 3, 4].map(() => new Map<string, number>());
  for (const r of rows) if (r.triwulan !== null) tahap[r.triwulan - 1]?.set(r.kode, TAHAP[r.status]);
  const milik = katalog.unit.map((u) => ({ u, owned: katalog.indikator.filter((i) => i.unit.includes(u.kode)).map((i) => i.kode) })).filter((x) => x.owned.length > 0);
  return [1, 2, 3, 4].map((triwulan) => {
    const stage = tahap[triwulan - 1] ?? new Map<string, number>();
    return {
      triwulan,
      unit: milik.map(({ u, owned }) => {
        // reached[n] = indicators that reached at least stage n.
        const reached = [0, 0, 0, 0, 0];
        for (const kode of owned) {
          const n = stage.get(kode) ?? 0;
          for (let s = 1; s <= n; s++) reached[s] = (reached[s] ?? 0) + 1;
        }
        return {
          kode: u.kode,
          nama: u.nama,
          total: owned.length,
          terisi: reached[1] ?? 0,
          diajukan: reached[2] ?? 0,
          diverifikasi: reached[3] ?? 0,
          disetujui: reached[4] ?? 0,
          ...(u.kepala === undefined ? {} : { kepala: u.kepala }),
        };
      }),
    };
  });
}
