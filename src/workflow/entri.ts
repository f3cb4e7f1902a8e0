/**
 * Realisasi entries of one quarter as the entry screen shows them: the indicator, its targets,
 * the stored values, evidence, the verification trail, and what the viewer may do with it.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { buktiFile, komentarVerifikasi, pengguna, realisasi } from '../db/schema.ts';
import { type Aktor, lingkupEntri, putuskanTransisi, putuskanUbah } from '../policy/policy.ts';
import { bacaRiwayat, type BarisRiwayat } from './audit.ts';
import { Dilarang, TidakDitemukan } from './errors.ts';
import { bacaKatalogTersimpan, type FormulaEntri, type IndikatorEntri, type Katalog } from './katalog.ts';
import { tahunDisahkan } from './pengesahan.ts';
import type { StatusEntri } from '../policy/status.ts';
import { bacaTenggat, kunciTenggat, type StatusKunci, type Tenggat } from './tenggat.ts';

/** Which entry: an indicator of an OPD in one quarter of a year. */
export interface AlamatEntri {
  opd: string;
  tahun: number;
  triwulan: number;
  kode: string;
}

/** The natural key of an entry in the audit log. */
export const kunciAudit = (k: AlamatEntri) => `${k.opd}/${k.tahun}/${k.triwulan}/${k.kode}`;

export interface Entri {
  kode: string;
  nama: string;
  satuan: string;
  jenis: 'renstra' | 'renja';
  unit: string[];
  formula: FormulaEntri | null;
  target: number | null;
  targetTriwulan: number | null;
  nilai: number | null;
  pembilang: number | null;
  penyebut: number | null;
  keterangan: string | null;
  bukti: Array<{ id: string; nama: string }>;
  status: StatusEntri;
  version: number;
  komentar: Array<{ oleh: string; pada: string; aksi: string; teks: string }>;
  bolehUbah: boolean;
  bolehAjukan: boolean;
  bolehVerifikasi: boolean;
  bolehSetujui: boolean;
  bolehTolak: boolean;
}

export type BarisRealisasi = typeof realisasi.$inferSelect;

/** Stored rows of a quarter (optionally of one indicator), by indicator code. */
export async function bacaBaris(db: Db, katalog: Katalog, triwulan: number, kode?: string): Promise<Map<string, BarisRealisasi>> {
  if (!katalog.tahunOpdId) return new Map();
  const rows = await db
    .select()
    .from(realisasi)
    .where(
      and(
        eq(realisasi.pemdaId, katalog.pemdaId),
        eq(realisasi.tahunOpdId, katalog.tahunOpdId),
        eq(realisasi.triwulan, triwulan),
        kode === undefined ? undefined : eq(realisasi.indikatorKode, kode),
      ),
    );
  return new Map(rows.map((r) => [r.indikatorKode, r]));
}

interface Lampiran {
  bukti: Map<string, Entri['bukti']>;
  komentar: Map<string, Entri['komentar']>;
}

async function bacaLampiran(db: Db, katalog: Katalog, triwulan: number, kode: readonly string[]): Promise<Lampiran> {
  const bukti = new Map<string, Entri['bukti']>();
  const komentar = new Map<string, Entri['komentar']>();
  if (kode.length === 0) return { bukti, komentar };
  const scope = <T extends typeof buktiFile | typeof komentarVerifikasi>(table: T) =>
    and(
      eq(table.pemdaId, katalog.pemdaId),
      eq(table.opdSlug, katalog.opd.slug),
      eq(table.tahun, katalog.tahun),
      eq(table.triwulan, triwulan),
      inArray(table.indikatorKode, [...kode]),
    );
  const files = await db
    .select({ kode: buktiFile.indikatorKode, id: buktiFile.id, nama: buktiFile.namaAsli })
    .from(buktiFile)
    .where(scope(buktiFile))
    .orderBy(asc(buktiFile.diunggahPada), asc(buktiFile.id));
  for (const f of files) bukti.set(f.kode, [...(bukti.get(f.kode) ?? []), { id: f.id, nama: f.nama }]);
  const notes = await db
    .select({ kode: komentarVerifikasi.indikatorKode, oleh: pengguna.username, pada: komentarVerifikasi.pada, aksi: komentarVerifikasi.aksi, teks: komentarVerifikasi.komentar })
    .from(komentarVerifikasi)
    .innerJoin(pengguna, and(eq(pengguna.pemdaId, komentarVerifikasi.pemdaId), eq(pengguna.id, komentarVerifikasi.penggunaId)))
    .where(scope(komentarVerifikasi))
    .orderBy(asc(komentarVerifikasi.pada), asc(komentarVerifikasi.id));
  for (const n of notes) {
    komentar.set(n.kode, [...(komentar.get(n.kode) ?? []), { oleh: n.oleh, pada: n.pada.toISOString(), aksi: n.aksi, teks: n.teks ?? '' }]);
  }
  return { bukti, komentar };
}

/** Whether an entry can still be changed by its unit: approved entries never, others until the deadline. */
export function kunciEntri(katalog: Katalog, ind: IndikatorEntri, status: StatusEntri, t: Tenggat | undefined, triwulan: number, sekarang: Date): StatusKunci {
  if (status === 'disetujui') return { terkunci: true, alasan: 'entri sudah disetujui kepala OPD dan terkunci' };
  return kunciTenggat(t, katalog.opd.slug, ind.unit, triwulan, sekarang);
}

function susun(aktor: Aktor, katalog: Katalog, ind: IndikatorEntri, triwulan: number, row: BarisRealisasi | undefined, lampiran: Lampiran, kunci: StatusKunci): Entri {
  const status: StatusEntri = row?.status ?? 'kosong';
  const scope = { opd: katalog.opd.slug, unit: ind.unit, status };
  const bisa = (d: { hasil: string }) => d.hasil === 'boleh';
  return {
    kode: ind.kode,
    nama: ind.nama,
    satuan: ind.satuan,
    jenis: ind.jenis,
    unit: ind.unit,
    formula: ind.formula,
    target: ind.target,
    targetTriwulan: ind.targetTriwulan.get(triwulan) ?? null,
    nilai: row?.nilai ?? null,
    pembilang: row?.pembilang ?? null,
    penyebut: row?.penyebut ?? null,
    keterangan: row?.keterangan ?? null,
    bukti: lampiran.bukti.get(ind.kode) ?? [],
    status,
    version: row?.version ?? 0,
    komentar: lampiran.komentar.get(ind.kode) ?? [],
    bolehUbah: !kunci.terkunci && bisa(putuskanUbah(aktor, scope)),
    bolehAjukan: !kunci.terkunci && bisa(putuskanTransisi(aktor, 'ajukan', scope)),
    bolehVerifikasi: bisa(putuskanTransisi(aktor, 'verifikasi', scope)),
    bolehSetujui: bisa(putuskanTransisi(aktor, 'setujui', scope)),
    bolehTolak: bisa(putuskanTransisi(aktor, 'tolak', scope)),
  };
}

/** One entry, read inside the caller's transaction when there is one. */
export async function susunEntri(db: Db, aktor: Aktor, katalog: Katalog, ind: IndikatorEntri, triwulan: number, sekarang: Date): Promise<Entri> {
  const rows = await bacaBaris(db, katalog, triwulan, ind.kode);
  const lampiran = await bacaLampiran(db, katalog, triwulan, [ind.kode]);
  const t = await bacaTenggat(db, katalog.pemdaId, katalog.tahun, triwulan);
  const row = rows.get(ind.kode);
  const sah = await kunciPengesahan(db, katalog);
  return susun(aktor, katalog, ind, triwulan, row, lampiran, sah ?? kunciEntri(katalog, ind, row?.status ?? 'kosong', t, triwulan, sekarang));
}

/** The lock of a signed-off year (every entry of the year, for everyone), if the year is signed off. */
async function kunciPengesahan(db: Db, katalog: Katalog): Promise<StatusKunci | undefined> {
  const sah = await tahunDisahkan(db, katalog.pemdaId, katalog.opd.slug, katalog.tahun);
  return sah ? { terkunci: true, alasan: `tahun ${katalog.tahun} telah disahkan kepala OPD (${sah.oleh}, ${sah.pada}); realisasi terkunci` } : undefined;
}

export interface DaftarEntri {
  terkunci: boolean;
  alasan?: string;
  tenggat?: string;
  indikator: Entri[];
}

/** The catalogue of an OPD-year for an actor, or why not: 404 for an unknown OPD, 403 for an OPD the actor has no role in. */
export async function katalogUntuk(db: Db, aktor: Aktor, opd: string, tahun: number): Promise<{ katalog: Katalog; lihat: (ind: IndikatorEntri) => boolean }> {
  const katalog = await bacaKatalogTersimpan(db, aktor.pemdaId, opd, tahun);
  if (!katalog) throw new TidakDitemukan(`OPD "${opd}" tidak ada`);
  const lingkup = lingkupEntri(aktor, opd);
  if (!lingkup) throw new Dilarang(`tidak berwenang atas OPD "${opd}"`);
  if (!katalog.adaRenstra && katalog.indikator.length === 0) throw new TidakDitemukan(`tidak ada Renstra atau Renja ${opd} untuk tahun ${tahun}`);
  const lihat = (ind: IndikatorEntri) => lingkup.semua || ind.unit.some((u) => lingkup.unit.has(u));
  return { katalog, lihat };
}

export async function daftarEntri(db: Db, aktor: Aktor, opd: string, tahun: number, triwulan: number, sekarang: Date): Promise<DaftarEntri> {
  const { katalog, lihat } = await katalogUntuk(db, aktor, opd, tahun);
  const visible = katalog.indikator.filter(lihat);
  const rows = await bacaBaris(db, katalog, triwulan);
  const lampiran = await bacaLampiran(
    db,
    katalog,
    triwulan,
    visible.map((i) => i.kode),
  );
  const t = await bacaTenggat(db, katalog.pemdaId, tahun, triwulan);
  const lingkup = lingkupEntri(aktor, opd);
  const units = lingkup?.semua === false ? lingkup.unit : katalog.unit.map((u) => u.kode);
  const sah = await kunciPengesahan(db, katalog);
  const quarter = sah ?? kunciTenggat(t, opd, units, triwulan, sekarang);
  return {
    terkunci: quarter.terkunci,
    ...(quarter.alasan === undefined ? {} : { alasan: quarter.alasan }),
    ...(quarter.batas === undefined ? {} : { tenggat: quarter.batas.toISOString() }),
    indikator: visible.map((ind) => {
      const row = rows.get(ind.kode);
      return susun(aktor, katalog, ind, triwulan, row, lampiran, sah ?? kunciEntri(katalog, ind, row?.status ?? 'kosong', t, triwulan, sekarang));
    }),
  };
}

/** History of an entry from the audit log: values, status moves, comments and evidence. */
export async function riwayatEntri(db: Db, aktor: Aktor, key: AlamatEntri): Promise<BarisRiwayat[]> {
  const { katalog, lihat } = await katalogUntuk(db, aktor, key.opd, key.tahun);
  const ind = katalog.indikator.find((i) => i.kode === key.kode);
  if (!ind) throw new TidakDitemukan(`indikator "${key.kode}" tidak ada pada ${key.opd} tahun ${key.tahun}`);
  if (!lihat(ind)) throw new Dilarang(`indikator "${key.kode}" bukan milik unit Anda`);
  return bacaRiwayat(db, aktor.pemdaId, ['realisasi', 'bukti_file'], kunciAudit(key));
}
