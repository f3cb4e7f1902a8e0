/**
 * Demo accounts for the Paser reference dataset: one per role, and one head per unit that owns
 * an IKU, so that the whole realisasi workflow can be tried out. Used by `sikiper serve` and by
 * the tests.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';
import type { Penugasan } from '../policy/policy.ts';
import type { KonteksAudit } from '../workflow/audit.ts';
import { buatPengguna } from './pengguna.ts';

const OPD = 'disnakertrans';

export const PENGGUNA_DEMO: ReadonlyArray<{ username: string; nama: string; peran: Penugasan[] }> = [
  { username: 'admin.paser', nama: 'Admin Pemda (demo)', peran: [{ peran: 'admin-pemda' }] },
  { username: 'perencana.disnakertrans', nama: 'Perencana Disnakertrans (demo)', peran: [{ peran: 'perencana', opd: OPD }] },
  { username: 'kepala.disnakertrans', nama: 'Kepala Dinas (demo)', peran: [{ peran: 'kepala-opd', opd: OPD }] },
  { username: 'keuangan.disnakertrans', nama: 'Keuangan Disnakertrans (demo)', peran: [{ peran: 'keuangan', opd: OPD }] },
  { username: 'inspektorat.paser', nama: 'Inspektorat (demo)', peran: [{ peran: 'inspektorat' }] },
  { username: 'pimpinan.paser', nama: 'Pimpinan Daerah (demo)', peran: [{ peran: 'pimpinan' }] },
  { username: 'pengendali.paser', nama: 'Pengendali Teknis Inspektorat (demo)', peran: [{ peran: 'pengendali-teknis' }] },
  {
    username: 'kabid.p2k',
    nama: 'Kepala Bidang Pelatihan dan Produktivitas (demo)',
    peran: [
      { peran: 'kepala-unit', opd: OPD, unit: 'bidang-p2k' },
      { peran: 'kepala-unit', opd: OPD, unit: 'uptd-blk' },
    ],
  },
  { username: 'kabid.hi', nama: 'Kepala Bidang Hubungan Industrial (demo)', peran: [{ peran: 'kepala-unit', opd: OPD, unit: 'bidang-hi' }] },
  { username: 'sekretaris.disnakertrans', nama: 'Sekretaris Dinas (demo)', peran: [{ peran: 'kepala-unit', opd: OPD, unit: 'sekretariat' }] },
  { username: 'kabid.transmigrasi', nama: 'Kepala Bidang Transmigrasi (demo)', peran: [{ peran: 'kepala-unit', opd: OPD, unit: 'bidang-transmigrasi' }] },
  { username: 'kabid.p2k2', nama: 'Kepala Bidang Penempatan Kerja (demo)', peran: [{ peran: 'kepala-unit', opd: OPD, unit: 'bidang-p2k2' }] },
];

export interface OpsiDemo {
  /** Pemda slug the dataset was stored under; default "paser". */
  pemda?: string;
  /** Password for every demo account; default: a fresh random one. */
  sandi?: string;
  /** Appended to every username, so that several test pemda can share one database (usernames are global). */
  akhiran?: string;
  sekarang?: Date;
}

/** Creates the demo accounts; returns their usernames and the password they share. */
export async function buatPenggunaDemo(db: Db, opsi: OpsiDemo = {}): Promise<{ username: string[]; sandi: string }> {
  const sandi = opsi.sandi ?? randomBytes(12).toString('base64url');
  const akhiran = opsi.akhiran ?? '';
  const audit: Omit<KonteksAudit, 'pemdaId'> = { penggunaId: null, requestId: null, at: opsi.sekarang ?? new Date() };
  const baru = PENGGUNA_DEMO.map((p) => ({ ...p, username: `${p.username}${akhiran}`, sandi }));
  await buatPengguna(db, opsi.pemda ?? 'paser', baru, audit);
  return { username: baru.map((b) => b.username), sandi };
}
