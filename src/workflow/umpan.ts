/**
 * The changes feed: what changed in a pemda's recorded data, in commit order, for other systems
 * to follow with a cursor (GET /api/pemda/:pemda/perubahan). It is read from the audit log,
 * which every command writes in its own transaction and nobody can change.
 *
 * Lossless under concurrency: audit rows carry the writing transaction's id (`xact`, from
 * `pg_current_xact_id()`) and a sequence number (`urutan`). A sequence or a timestamp alone is
 * not enough: a transaction that took number 10 and commits after one that took 11 would appear
 * behind a cursor that has already passed 11. So the feed returns only rows of transactions
 * older than every transaction still running (`xact < pg_snapshot_xmin(pg_current_snapshot())`,
 * all of them have ended, committed or not), in (xact, urutan) order: nothing can later appear
 * before a position the feed has handed out. The price: a long-running transaction anywhere in
 * the database holds back the feed (not the data) until it ends. On Citus the ids and the horizon
 * are the coordinator's. A transaction that writes one shard commits there before the coordinator
 * does, so the rule holds; one that also writes a reference table (pemda settings, a new account)
 * commits in two phases, and its rows become visible on the worker just after the coordinator's
 * commit: a reader in that moment (normally well under a millisecond; longer only if a worker is
 * lost mid-commit) could pass it. docs/scaling.md lists this.
 *
 * Field-level rows are grouped into events: one event per maximal run of rows of one
 * transaction, entity and key (a command writes a record's fields together). Paging never splits
 * an event, so the cursor always sits between events and every event is delivered exactly once.
 * An event names its kind, the record, the OPD and year when the key has them, the time and the
 * changed fields, never the values (the client reads the record itself, with its own
 * permissions). Administrative records (accounts, API tokens) are not in the feed.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { MasukanTidakSah } from './errors.ts';

/** The entities the feed carries, and whether their key starts with the OPD slug. */
const ENTITAS: Record<string, { opd: boolean }> = {
  realisasi: { opd: true },
  bukti_file: { opd: true },
  tahun_opd: { opd: true },
  indikator: { opd: true },
  renja_node: { opd: true },
  renja_indikator: { opd: true },
  pk: { opd: true },
  pk_kinerja: { opd: true },
  rencana_aksi: { opd: true },
  'impor-renja': { opd: true },
  'impor-realisasi': { opd: true },
  anggaran_baris: { opd: true },
  register_baris: { opd: true },
  narasi: { opd: true },
  evaluasi_sakip: { opd: true },
  pengesahan_tahun: { opd: true },
  tenggat: { opd: false },
  tenggat_pengecualian: { opd: false },
  pengaturan: { opd: false },
  cadangan: { opd: false },
};

export const ENTITAS_UMPAN: readonly string[] = Object.keys(ENTITAS);

export interface Peristiwa {
  /** What happened, e.g. `entri.disetujui`, `rencana.diubah`, `tahun.disahkan`. */
  jenis: string;
  entitas: string;
  kunci: string;
  opd: string | null;
  tahun: number | null;
  pada: Date;
  medan: string[];
}

export interface HalamanUmpan {
  peristiwa: Peristiwa[];
  /** Where to resume: pass it as `setelah` to read what follows (also when nothing came). */
  berikutnya: string;
  /** More events can be read right now. */
  lebih: boolean;
}

interface Posisi {
  xact: string;
  urutan: number;
}

const AWAL: Posisi = { xact: '0', urutan: 0 };

export function kodeKursor(p: Posisi): string {
  return Buffer.from(`${p.xact}.${p.urutan}`).toString('base64url');
}

/** The position a cursor names; a cursor that this server did not make is refused (400). */
export function bacaKursor(kursor: string | undefined): Posisi {
  if (kursor === undefined) return AWAL;
  const teks = /^[A-Za-z0-9_-]{1,64}$/.test(kursor) ? Buffer.from(kursor, 'base64url').toString('latin1') : '';
  const m = /^([0-9]{1,19})\.([0-9]{1,15})$/.exec(teks);
  if (!m?.[1] || !m[2]) throw new MasukanTidakSah([{ path: 'setelah', message: 'kursor tidak sah; pakai nilai berikutnya dari jawaban sebelumnya' }]);
  return { xact: m[1], urutan: Number(m[2]) };
}

/** Rows read per page at most; a page of `batas` events is cut from them. */
const BARIS_MAKS = 5000;

interface Baris {
  xact: string;
  urutan: number;
  entity: string;
  entity_key: string;
  field: string;
  at: Date | string;
  status: string | null;
  lama_kosong: boolean;
  baru_kosong: boolean;
}

/** The rows of `db.execute`, which one driver gives as an array and another as `{ rows }`. */
const barisDari = <T>(res: unknown): T[] => (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];

/** Events of the pemda after the cursor, at most `batas`. */
export async function bacaUmpan(db: Db, pemdaId: string, setelah: string | undefined, batas: number): Promise<HalamanUmpan> {
  const dari = bacaKursor(setelah);
  const entitas = sql.join(
    ENTITAS_UMPAN.map((e) => sql`${e}`),
    sql`, `,
  );
  // Read in a statement of its own, so that it is the snapshot of the server that assigned the
  // transaction ids: on Citus the coordinator, where the audit rows' default was evaluated, not the
  // worker the query below runs on. An earlier horizon than the query's own only holds events back.
  const horizon = await db.execute(sql`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`);
  const xmin = barisDari<{ xmin: string }>(horizon)[0]?.xmin ?? '0';
  const res = await db.execute(sql`
    select xact::text as xact, urutan, entity, entity_key, field, at,
           case when field = 'status' then new_value #>> '{}' end as status,
           coalesce(old_value, 'null'::jsonb) = 'null'::jsonb as lama_kosong,
           coalesce(new_value, 'null'::jsonb) = 'null'::jsonb as baru_kosong
      from audit_log
     where pemda_id = ${pemdaId}
       and entity in (${entitas})
       and xact < ${xmin}::xid8
       and (xact, urutan) > (${dari.xact}::xid8, ${dari.urutan}::bigint)
     order by xact, urutan
     limit ${BARIS_MAKS + 1}`);
  const rows = barisDari<Baris>(res);
  const penuh = rows.length > BARIS_MAKS;
  const runs: Baris[][] = [];
  for (const r of rows.slice(0, BARIS_MAKS)) {
    const last = runs.at(-1)?.at(-1);
    if (last && last.xact === r.xact && last.entity === r.entity && last.entity_key === r.entity_key) runs.at(-1)?.push(r);
    else runs.push([r]);
  }
  // The last run may go on beyond the rows read: leave it for the next page (a single run
  // longer than the rows read, which no command writes, is delivered as it is).
  if (penuh && runs.length > 1) runs.pop();
  const diambil = runs.slice(0, batas);
  const akhir = diambil.at(-1)?.at(-1);
  return {
    peristiwa: diambil.map(susunPeristiwa),
    berikutnya: kodeKursor(akhir ? { xact: akhir.xact, urutan: Number(akhir.urutan) } : dari),
    lebih: runs.length > batas || penuh,
  };
}

function susunPeristiwa(run: Baris[]): Peristiwa {
  const first = run[0];
  if (!first) throw new Error('peristiwa tanpa baris');
  const bagian = first.entity_key.split('/');
  const punyaOpd = ENTITAS[first.entity]?.opd ?? false;
  const tahun = punyaOpd && /^[0-9]{4}$/.test(bagian[1] ?? '') ? Number(bagian[1]) : null;
  const medan = [...new Set(run.map((r) => r.field))];
  return {
    jenis: jenis(first.entity, run),
    entitas: first.entity,
    kunci: first.entity_key,
    opd: punyaOpd ? (bagian[0] ?? null) : null,
    tahun,
    pada: first.at instanceof Date ? first.at : new Date(first.at),
    medan,
  };
}

const STATUS_ALUR = new Set(['diajukan', 'diverifikasi', 'disetujui', 'ditolak']);

function jenis(entity: string, run: Baris[]): string {
  switch (entity) {
    case 'realisasi': {
      const status = run.find((r) => r.field === 'status')?.status;
      return status && STATUS_ALUR.has(status) ? `entri.${status}` : 'entri.diubah';
    }
    case 'bukti_file':
      return 'entri.bukti-ditambah';
    case 'tahun_opd':
      return 'tahun.dibuat';
    case 'indikator':
    case 'renja_node':
    case 'renja_indikator':
    case 'pk_kinerja':
    case 'rencana_aksi':
      return 'rencana.diubah';
    case 'pk':
      return 'rencana.pk-dibuat';
    case 'impor-renja':
      return 'rencana.diimpor';
    case 'impor-realisasi':
      return 'entri.diimpor';
    case 'anggaran_baris':
      return 'anggaran.diubah';
    case 'register_baris':
      if (run.every((r) => r.lama_kosong)) return 'register.ditambah';
      if (run.every((r) => r.baru_kosong)) return 'register.dihapus';
      return 'register.diubah';
    case 'narasi':
      return 'narasi.diubah';
    case 'evaluasi_sakip':
      return 'evaluasi.diubah';
    case 'pengesahan_tahun':
      return run.some((r) => r.field === 'disahkan' && r.baru_kosong) ? 'tahun.dibuka' : 'tahun.disahkan';
    case 'tenggat':
    case 'tenggat_pengecualian':
      return 'tenggat.diubah';
    case 'pengaturan':
      return 'pengaturan.diubah';
    case 'cadangan':
      return 'cadangan.dipulihkan';
    default:
      return `${entity}.diubah`;
  }
}
