/**
 * Who may do what. Every permission of the application is decided here; routes and commands
 * ask, they never look at roles themselves.
 *
 * Roles (a user may hold several, each for one scope):
 * - admin-pemda (pemda): manages users, rating scales and deadlines; imports Renja/DPA
 *   workbooks; downloads and restores the pemda's backup; reopens a signed-off year; reads every
 *   OPD; manages registers.
 * - perencana (OPD): edits the plan, PK and LKJIP narrative (the plan also by Renja/DPA workbook
 *   import), edits, imports and verifies realisasi, records evaluation follow-ups, reads the
 *   OPD; manages its registers.
 * - kepala-unit (OPD + unit): enters realisasi of the indicators its unit owns, and sees only those.
 * - kepala-opd (OPD): approves or rejects realisasi, may edit the LKJIP narrative, signs off the
 *   year; reads the OPD.
 * - keuangan (OPD): enters budget realisation (also by workbook import); reads the OPD.
 * - inspektorat (pemda): reads every OPD, evaluates (LKE: the evaluator's answer per criterion,
 *   recommendations), and reads the audit log.
 * - The OPD's own tier of the criterion-level evaluation (penilaian mandiri) is answered by its
 *   perencana and kepala-opd.
 * - pimpinan (pemda): reads every OPD, changes nothing.
 * - pengendali-teknis (pemda): the Inspektorat's supervisor of the SAKIP evaluation: reads every
 *   OPD, reviews the evaluators' criterion answers, changes them with a comment, approves the
 *   evaluation or returns it to the evaluators.
 *
 * Tenancy is not decided here: an actor only ever reaches data of its own pemda (the routes
 * answer 404 for another pemda's slugs), so every scope below is within that pemda.
 */
import type { StatusEntri, StatusTersimpan } from './status.ts';

/** The eight roles (stored as the database enum `peran`). */
export const PERAN = ['admin-pemda', 'perencana', 'kepala-unit', 'kepala-opd', 'keuangan', 'inspektorat', 'pimpinan', 'pengendali-teknis'] as const;

export type Peran = (typeof PERAN)[number];

export interface Penugasan {
  peran: Peran;
  /** OPD slug, for roles that act for one OPD. */
  opd?: string | undefined;
  /** Unit code, for kepala-unit. */
  unit?: string | undefined;
}

/**
 * What an API token may do (src/auth/token.ts). `baca`: read what a pemda-wide reader without
 * duties (pimpinan) reads, and the changes feed. `tulis:<area>`: the writes of one area, never
 * workflow moves (submit, verify, approve), sign-offs, settings, users, backups or tokens:
 * those stay with people.
 */
export const CAKUPAN_TOKEN = ['baca', 'tulis:entri', 'tulis:rencana', 'tulis:anggaran', 'tulis:register'] as const;

export type CakupanToken = (typeof CAKUPAN_TOKEN)[number];

export interface Aktor {
  /** The user; for an API token, the admin who created it (rows that name a user record it). */
  id: string;
  username: string;
  nama: string;
  pemdaId: string;
  pemdaSlug: string;
  pemdaNama: string;
  /** Empty for an API token: its permissions are its scopes. */
  peran: readonly Penugasan[];
  /** Set when the request authenticated with an API token instead of a session. */
  token?: { id: string; nama: string; cakupan: readonly CakupanToken[] } | undefined;
}

/** What an actor asks to do. Entry actions carry the units owning the indicator. */
export type Tindakan =
  | { aksi: 'opd:baca'; opd: string }
  | { aksi: 'nip:lihat'; opd: string }
  | { aksi: 'entri:baca'; opd: string; unit: readonly string[] }
  | { aksi: 'entri:ubah'; opd: string; unit: readonly string[] }
  /** Read one indicator's computed figures (its explanation: values, numerators, denominators, the rows behind them). Carries the units owning it. */
  | { aksi: 'indikator:baca'; opd: string; unit: readonly string[] }
  | { aksi: 'tenggat:atur' }
  | { aksi: 'audit:baca' }
  | { aksi: 'pengguna:kelola' }
  | { aksi: 'skala:atur' }
  | { aksi: 'anggaran:ubah'; opd: string }
  /** Edit the OPD's plan: Renstra indicators, Renja pagu and targets, PK versions, quarterly targets. */
  | { aksi: 'rencana:ubah'; opd: string }
  /**
   * Generate and download an OPD-year document (LKJIP, PK, quarterly workbook, the plan and
   * follow-up documents of the e-SAKIP review), the review package of all of them, or the LKJIP
   * preview with its sources.
   */
  | { aksi: 'dokumen:unduh'; opd: string; jenis: 'lkjip' | 'pk' | 'triwulan' | 'renstra' | 'iku' | 'renja' | 'rencana-aksi' | 'tindak-lanjut' | 'paket-reviu' | 'pratinjau' | 'lhe' }
  /** Import a Renja/DPA workbook into the OPD's plan and budget. */
  | { aksi: 'impor:renja'; opd: string }
  /** Import quarterly performance realisasi from a workbook. */
  | { aksi: 'impor:realisasi-kinerja'; opd: string }
  /** Import budget realisation (the DPA's realisasi column) from a workbook. */
  | { aksi: 'impor:realisasi-anggaran'; opd: string }
  /** Export the OPD's tables as a workbook. */
  | { aksi: 'ekspor:tabel'; opd: string }
  /** Download a backup of the whole pemda and restore one. */
  | { aksi: 'cadangan:kelola' }
  /** Read an OPD's registers (personal columns masked unless the actor may also manage them). */
  | { aksi: 'register:baca'; opd: string }
  /** Add, change, delete and import register rows, and see personal columns. */
  | { aksi: 'register:kelola'; opd: string }
  /** Edit the LKJIP narrative of the OPD (per section and per sasaran). */
  | { aksi: 'narasi:ubah'; opd: string }
  /** Enter the SAKIP evaluation (LKE scores, recommendations) of an OPD-year. */
  | { aksi: 'evaluasi:isi'; opd: string }
  /** Answer the OPD's own tier of the criterion-level evaluation (penilaian mandiri) and submit it. */
  | { aksi: 'lke:mandiri'; opd: string }
  /** Review the evaluators' answers of the criterion-level evaluation, approve it or return it. */
  | { aksi: 'lke:supervisi'; opd: string }
  /** Load a version of the evaluation criteria (LKE) for the pemda. */
  | { aksi: 'lke:kriteria' }
  /** The recap of every OPD's evaluation of a year. */
  | { aksi: 'lke:rekap' }
  /** Record the OPD's follow-up of the evaluation's recommendations. */
  | { aksi: 'tindak-lanjut:isi'; opd: string }
  /** Sign off the OPD's year (locks its realisasi). */
  | { aksi: 'tahun:sahkan'; opd: string }
  /** Reopen a signed-off year, with a reason. */
  | { aksi: 'tahun:buka'; opd: string }
  /** Read the pemda's changes feed (what changed, in commit order). */
  | { aksi: 'perubahan:baca' }
  /** Create, list and revoke the pemda's API tokens. */
  | { aksi: 'token:kelola' };

export type AksiStatus = 'ajukan' | 'verifikasi' | 'setujui' | 'tolak';

const SELURUH_PEMDA: ReadonlySet<Peran> = new Set(['admin-pemda', 'inspektorat', 'pimpinan', 'pengendali-teknis']);
const PEMBACA_OPD: ReadonlySet<Peran> = new Set(['perencana', 'kepala-opd', 'keuangan']);
/** Roles that handle official documents signed with NIPs. */
const PEMBACA_NIP: ReadonlySet<Peran> = new Set(['perencana', 'kepala-opd']);

const punya = (a: Aktor, peran: Peran, opd?: string) => a.peran.some((p) => p.peran === peran && (opd === undefined || p.opd === opd));

/** Units of an OPD the actor heads. */
function unitDipimpin(a: Aktor, opd: string): Set<string> {
  return new Set(a.peran.flatMap((p) => (p.peran === 'kepala-unit' && p.opd === opd && p.unit !== undefined ? [p.unit] : [])));
}

/** The actor heads one of the units owning an indicator. */
function pemilik(a: Aktor, opd: string, unit: readonly string[]): boolean {
  const mine = unitDipimpin(a, opd);
  return unit.some((u) => mine.has(u));
}

/** Reads every table of an OPD (not only its own indicators). */
function bacaOpd(a: Aktor, opd: string): boolean {
  if (a.token) return a.token.cakupan.includes('baca');
  return a.peran.some((p) => SELURUH_PEMDA.has(p.peran) || (PEMBACA_OPD.has(p.peran) && p.opd === opd));
}

/**
 * The actions each token scope allows. A read scope reads what pimpinan reads (no NIPs, no audit
 * log, register rows with personal columns masked); a write scope writes one area.
 */
const AKSI_CAKUPAN: Record<CakupanToken, ReadonlySet<Tindakan['aksi']>> = {
  baca: new Set(['opd:baca', 'entri:baca', 'indikator:baca', 'dokumen:unduh', 'ekspor:tabel', 'register:baca', 'perubahan:baca']),
  'tulis:entri': new Set(['entri:ubah', 'impor:realisasi-kinerja']),
  'tulis:rencana': new Set(['rencana:ubah', 'impor:renja']),
  'tulis:anggaran': new Set(['anggaran:ubah', 'impor:realisasi-anggaran']),
  'tulis:register': new Set(['register:kelola']),
};

function bolehToken(cakupan: readonly CakupanToken[], t: Tindakan): boolean {
  return cakupan.some((c) => AKSI_CAKUPAN[c].has(t.aksi));
}

export function boleh(a: Aktor, t: Tindakan): boolean {
  if (a.token) return bolehToken(a.token.cakupan, t);
  switch (t.aksi) {
    case 'opd:baca':
      return bacaOpd(a, t.opd);
    case 'nip:lihat':
      return punya(a, 'admin-pemda') || a.peran.some((p) => PEMBACA_NIP.has(p.peran) && p.opd === t.opd);
    case 'entri:baca':
      return bacaOpd(a, t.opd) || pemilik(a, t.opd, t.unit);
    case 'entri:ubah':
      return punya(a, 'perencana', t.opd) || pemilik(a, t.opd, t.unit);
    case 'indikator:baca':
      // Like the entries: a unit head reads the figures of its own unit's indicators only; the
      // OPD-wide tables (capaian) stay closed to it.
      return bacaOpd(a, t.opd) || pemilik(a, t.opd, t.unit);
    case 'audit:baca':
      // The whole pemda's change log: its administrator and its internal auditor.
      return punya(a, 'admin-pemda') || punya(a, 'inspektorat');
    case 'tenggat:atur':
    case 'pengguna:kelola':
    case 'skala:atur':
      return punya(a, 'admin-pemda');
    case 'anggaran:ubah':
      return punya(a, 'keuangan', t.opd);
    case 'rencana:ubah':
      return punya(a, 'perencana', t.opd);
    case 'dokumen:unduh':
      // Every document covers the whole OPD, so only those who read the whole OPD get it; a unit
      // head (who sees only its own indicators) does not.
      return bacaOpd(a, t.opd);
    case 'impor:renja':
      return punya(a, 'admin-pemda') || punya(a, 'perencana', t.opd);
    case 'impor:realisasi-kinerja':
      return punya(a, 'perencana', t.opd);
    case 'impor:realisasi-anggaran':
      return punya(a, 'perencana', t.opd) || punya(a, 'keuangan', t.opd);
    case 'ekspor:tabel':
      return bacaOpd(a, t.opd);
    case 'cadangan:kelola':
      return punya(a, 'admin-pemda');
    case 'register:baca':
      return bacaOpd(a, t.opd) || unitDipimpin(a, t.opd).size > 0;
    case 'register:kelola':
      return punya(a, 'admin-pemda') || punya(a, 'perencana', t.opd);
    case 'narasi:ubah':
      return punya(a, 'perencana', t.opd) || punya(a, 'kepala-opd', t.opd);
    case 'evaluasi:isi':
      return punya(a, 'inspektorat');
    case 'lke:mandiri':
      return punya(a, 'perencana', t.opd) || punya(a, 'kepala-opd', t.opd);
    case 'lke:supervisi':
      return punya(a, 'pengendali-teknis');
    case 'lke:kriteria':
      return punya(a, 'admin-pemda');
    case 'lke:rekap':
      return a.peran.some((p) => SELURUH_PEMDA.has(p.peran));
    case 'tindak-lanjut:isi':
      return punya(a, 'perencana', t.opd);
    case 'tahun:sahkan':
      return punya(a, 'kepala-opd', t.opd);
    case 'tahun:buka':
      return punya(a, 'admin-pemda');
    case 'perubahan:baca':
      // The feed covers every OPD of the pemda: only who reads the whole pemda.
      return a.peran.some((p) => SELURUH_PEMDA.has(p.peran));
    case 'token:kelola':
      return punya(a, 'admin-pemda');
  }
}

/**
 * Which indicators of an OPD the actor sees: all of them, those of some units, or none (the
 * actor has no business with the OPD).
 */
export function lingkupEntri(a: Aktor, opd: string): { semua: true } | { semua: false; unit: ReadonlySet<string> } | undefined {
  if (bacaOpd(a, opd)) return { semua: true };
  const unit = unitDipimpin(a, opd);
  return unit.size > 0 ? { semua: false, unit } : undefined;
}

/** OPD slugs (of the actor's pemda) the actor may open, in the order given. */
export function opdTerlihat(a: Aktor, semua: readonly string[]): string[] {
  if (a.token) return a.token.cakupan.includes('baca') ? [...semua] : [];
  if (a.peran.some((p) => SELURUH_PEMDA.has(p.peran))) return [...semua];
  const own = new Set(a.peran.flatMap((p) => (p.opd === undefined ? [] : [p.opd])));
  return semua.filter((s) => own.has(s));
}

// ---------------------------------------------------------------- the realisasi workflow

export type Keputusan = { hasil: 'boleh'; ke: StatusTersimpan } | { hasil: 'dilarang' } | { hasil: 'status-tidak-sesuai' } | { hasil: 'terkunci' };

/**
 * Who moves an entry from which status. `dari` lists the statuses the move starts from for
 * that role; a role that may make the move but not from the entry's current status gets
 * 'status-tidak-sesuai', a role that may never make it gets 'dilarang'.
 */
const TRANSISI: Record<AksiStatus, { ke: StatusTersimpan; oleh: Array<{ peran: Peran; dari: readonly StatusEntri[] }> }> = {
  ajukan: { ke: 'diajukan', oleh: [{ peran: 'kepala-unit', dari: ['draf', 'ditolak'] }] },
  verifikasi: { ke: 'diverifikasi', oleh: [{ peran: 'perencana', dari: ['diajukan'] }] },
  setujui: { ke: 'disetujui', oleh: [{ peran: 'kepala-opd', dari: ['diverifikasi'] }] },
  tolak: {
    ke: 'ditolak',
    oleh: [
      { peran: 'perencana', dari: ['diajukan'] },
      { peran: 'kepala-opd', dari: ['diajukan', 'diverifikasi'] },
    ],
  },
};

export interface EntriLingkup {
  opd: string;
  unit: readonly string[];
  status: StatusEntri;
}

function berperanUntuk(a: Aktor, peran: Peran, e: EntriLingkup): boolean {
  return peran === 'kepala-unit' ? pemilik(a, e.opd, e.unit) : punya(a, peran, e.opd);
}

/** May the actor move the entry with this action? An approved entry is locked for everyone. */
export function putuskanTransisi(a: Aktor, aksi: AksiStatus, e: EntriLingkup): Keputusan {
  const rule = TRANSISI[aksi];
  const roles = rule.oleh.filter((r) => berperanUntuk(a, r.peran, e));
  if (roles.length === 0) return { hasil: 'dilarang' };
  if (e.status === 'disetujui') return { hasil: 'terkunci' };
  return roles.some((r) => r.dari.includes(e.status)) ? { hasil: 'boleh', ke: rule.ke } : { hasil: 'status-tidak-sesuai' };
}

/** May the actor edit the entry's values? Only before it is submitted, or after it was rejected. */
export function putuskanUbah(a: Aktor, e: EntriLingkup): Keputusan {
  if (!boleh(a, { aksi: 'entri:ubah', opd: e.opd, unit: e.unit })) return { hasil: 'dilarang' };
  switch (e.status) {
    case 'kosong':
    case 'draf':
    case 'ditolak':
      return { hasil: 'boleh', ke: 'draf' };
    case 'diajukan':
    case 'diverifikasi':
      return { hasil: 'status-tidak-sesuai' };
    case 'disetujui':
      return { hasil: 'terkunci' };
  }
}
