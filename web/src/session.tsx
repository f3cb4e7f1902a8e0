import { createContext, useContext, useEffect, useState } from 'react';
import { api } from './api.ts';
import type { Me, Peran } from '@kontrak/umum.ts';
import type { Opd, Triwulan } from './types.ts';

export interface Sesi {
  me: Me;
  keluar: (semua?: boolean) => Promise<void>;
}

export const SesiContext = createContext<Sesi | undefined>(undefined);

export function useSesi(): Sesi {
  const s = useContext(SesiContext);
  if (!s) throw new Error('useSesi dipakai di luar SesiContext');
  return s;
}

export function punya(me: Me, ...peran: Peran[]): boolean {
  return me.peran.some((p) => peran.includes(p.peran));
}

/** Roles that read a whole OPD (its dashboard); a unit head sees only its own indicators. */
export const bolehDasbor = (me: Me) => punya(me, 'admin-pemda', 'inspektorat', 'pimpinan', 'pengendali-teknis', 'perencana', 'kepala-opd', 'keuangan');
export const bolehEntri = (me: Me) => punya(me, 'kepala-unit', 'perencana');
/** The OPD's registers: whoever reads the OPD, and unit heads (personal columns masked). */
export const bolehRegister = (me: Me) => bolehDasbor(me) || bolehEntri(me);
export const bolehVerifikasi = (me: Me) => punya(me, 'perencana', 'kepala-opd');
export const bolehImpor = (me: Me) => punya(me, 'perencana', 'admin-pemda', 'keuangan');
export const bolehCadangan = (me: Me) => punya(me, 'admin-pemda');
export const bolehAudit = (me: Me) => punya(me, 'admin-pemda', 'inspektorat');
export const bolehToken = (me: Me) => punya(me, 'admin-pemda');
/** The recap of every OPD's evaluation of a year: the pemda-wide readers. */
export const bolehRekapEvaluasi = (me: Me) => punya(me, 'admin-pemda', 'inspektorat', 'pengendali-teknis', 'pimpinan');

/** Roles that see every OPD of the pemda rather than the one named in the role. */
const PERAN_PEMDA: Peran[] = ['admin-pemda', 'inspektorat', 'pimpinan', 'pengendali-teknis'];

/** The OPD a user may look at: the pemda's list, narrowed to the user's own unless a pemda-wide role. */
export function useDaftarOpd(me: Me): { opd: Opd[]; memuat: boolean } {
  const [state, setState] = useState<{ opd: Opd[]; memuat: boolean }>({ opd: [], memuat: true });
  useEffect(() => {
    let aktif = true;
    const milik = [...new Set(me.peran.map((p) => p.opd).filter((o): o is string => !!o))];
    const seluruh = me.peran.some((p) => PERAN_PEMDA.includes(p.peran));
    void api
      .daftarOpd(me.pemda.slug)
      .then((r) => r.opd)
      .catch(() => milik.map((slug) => ({ slug, nama: slug })))
      .then((semua) => {
        if (!aktif) return;
        const opd = seluruh ? semua : semua.filter((o) => milik.includes(o.slug));
        for (const slug of milik) if (!opd.some((o) => o.slug === slug)) opd.push({ slug, nama: slug });
        setState({ opd, memuat: false });
      });
    return () => {
      aktif = false;
    };
  }, [me]);
  return state;
}

const KUNCI_TAHUN = 'sikiper:tahun';

/**
 * The year a page opens on: the one last chosen, else the year being reported — in the first
 * quarter the LKJIP of the previous year is due, so that is the year people work on.
 */
export function tahunBawaan(now = new Date()): number {
  const simpan = Number(localStorage.getItem(KUNCI_TAHUN));
  if (Number.isInteger(simpan) && simpan >= 1990 && simpan <= 2100) return simpan;
  return now.getMonth() < 3 ? now.getFullYear() - 1 : now.getFullYear();
}

export function ingatTahun(tahun: number): void {
  localStorage.setItem(KUNCI_TAHUN, String(tahun));
}

/** The quarter whose realisasi is being collected now: the one that last ended. */
export function triwulanBawaan(tahun: number, now = new Date()): Triwulan {
  if (tahun < now.getFullYear()) return 4;
  if (tahun > now.getFullYear()) return 1;
  const selesai = Math.floor(now.getMonth() / 3);
  return Math.min(4, Math.max(1, selesai)) as Triwulan;
}

export function daftarTahun(now = new Date(), pilihan?: number): number[] {
  const y = now.getFullYear();
  const list: number[] = [];
  for (let t = y + 1; t >= y - 6; t--) list.push(t);
  if (pilihan !== undefined && !list.includes(pilihan)) list.push(pilihan);
  return list.sort((a, b) => b - a);
}
