/**
 * Commands of the realisasi workflow. Each runs in one transaction: it locks what it changes,
 * asks the policy, checks the lock, the version and the status (in that order: a forbidden
 * caller learns nothing about the entry's state), writes, and writes the audit rows.
 *
 *   kosong ─simpan─▶ draf ─ajukan─▶ diajukan ─verifikasi─▶ diverifikasi ─setujui─▶ disetujui (locked)
 *                    ▲  ╰─simpan─╯      │                       │
 *                    ╰──simpan── ditolak ◀──────tolak───────────╯
 */
import { createHash } from 'node:crypto';
import { and, eq, max, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { newId } from '../db/ids.ts';
import { naikkanRevisi } from '../db/revisi.ts';
import { buktiFile, komentarVerifikasi, opd as opdTable, realisasi, tahunOpd } from '../db/schema.ts';
import { type AksiStatus, type Aktor, boleh, putuskanTransisi, putuskanUbah, type Keputusan } from '../policy/policy.ts';
import { catatAudit, selisih, type KonteksAudit, type Perubahan } from './audit.ts';
import { deteksiMime, namaAman } from './berkas.ts';
import { type BarisRealisasi, bacaBaris, type Entri, katalogUntuk, kunciAudit, kunciEntri, type AlamatEntri, susunEntri } from './entri.ts';
import { Dilarang, MasukanTidakSah, StatusTidakSesuai, Terkunci, TidakDitemukan, VersiUsang } from './errors.ts';
import type { IndikatorEntri, Katalog } from './katalog.ts';
import type { StatusEntri, StatusTersimpan } from '../policy/status.ts';
import { tahunDisahkan } from './pengesahan.ts';
import { bacaTenggat, type StatusKunci } from './tenggat.ts';
import { periksaNilai } from './validasi.ts';
import type { KonteksPerintah } from './konteks-perintah.ts';

const audit = (k: KonteksPerintah): KonteksAudit => ({ pemdaId: k.aktor.pemdaId, penggunaId: k.aktor.id, requestId: k.requestId, at: k.sekarang });

interface Dimuat {
  katalog: Katalog;
  ind: IndikatorEntri;
  row: BarisRealisasi | undefined;
  status: StatusEntri;
  kunci: StatusKunci;
  /** The kepala OPD signed the year off: realisasi of the year is locked for everyone. */
  disahkan: string | undefined;
}

/** Reads the entry (its row locked for the rest of the transaction) and refuses callers who may not see it. */
async function muat(tx: Db, k: KonteksPerintah, key: AlamatEntri): Promise<Dimuat> {
  const { katalog, lihat } = await katalogUntuk(tx, k.aktor, key.opd, key.tahun);
  const ind = katalog.indikator.find((i) => i.kode === key.kode);
  if (!ind) throw new TidakDitemukan(`indikator "${key.kode}" tidak ada pada ${key.opd} tahun ${key.tahun}`);
  if (!lihat(ind)) throw new Dilarang(`indikator "${key.kode}" bukan milik unit Anda`);
  let row: BarisRealisasi | undefined;
  if (katalog.tahunOpdId) {
    [row] = await tx
      .select()
      .from(realisasi)
      .where(
        and(
          eq(realisasi.pemdaId, katalog.pemdaId),
          eq(realisasi.tahunOpdId, katalog.tahunOpdId),
          eq(realisasi.indikatorKode, key.kode),
          eq(realisasi.triwulan, key.triwulan),
        ),
      )
      .for('update');
  }
  const status: StatusEntri = row?.status ?? 'kosong';
  const t = await bacaTenggat(tx, katalog.pemdaId, key.tahun, key.triwulan);
  const sah = await tahunDisahkan(tx, katalog.pemdaId, key.opd, key.tahun);
  const disahkan = sah ? `tahun ${key.tahun} telah disahkan kepala OPD (${sah.oleh}, ${sah.pada}); realisasi terkunci` : undefined;
  return { katalog, ind, row, status, kunci: kunciEntri(katalog, ind, status, t, key.triwulan, k.sekarang), disahkan };
}

async function periksa(tx: Db, k: KonteksPerintah, key: AlamatEntri, d: Dimuat, keputusan: Keputusan, version: number, ikutTenggat: boolean): Promise<StatusTersimpan> {
  switch (keputusan.hasil) {
    case 'dilarang':
      throw new Dilarang();
    case 'terkunci':
      throw new Terkunci(d.kunci.alasan ?? 'entri terkunci');
    case 'status-tidak-sesuai':
    case 'boleh':
      break;
  }
  if (d.disahkan !== undefined) throw new Terkunci(d.disahkan);
  if (ikutTenggat && d.kunci.terkunci) throw new Terkunci(d.kunci.alasan ?? 'entri terkunci');
  if ((d.row?.version ?? 0) !== version) throw new VersiUsang<Entri>(await susunEntri(tx, k.aktor, d.katalog, d.ind, key.triwulan, k.sekarang));
  if (keputusan.hasil === 'status-tidak-sesuai') throw new StatusTidakSesuai(`entri berstatus ${d.status}`);
  return keputusan.ke;
}

/**
 * The OPD's row for the year, created when the first realisasi of a year arrives. Locking it
 * serializes the inserts of one OPD-year, which share the `urutan` sequence.
 */
async function tahunOpdTerkunci(tx: Db, k: KonteksPerintah, katalog: Katalog): Promise<string> {
  const pemdaId = katalog.pemdaId;
  const locked = () =>
    tx
      .select({ id: tahunOpd.id })
      .from(tahunOpd)
      .where(and(eq(tahunOpd.pemdaId, pemdaId), eq(tahunOpd.opdId, katalog.opd.id), eq(tahunOpd.tahun, katalog.tahun)))
      .for('update');
  const [existing] = await locked();
  if (existing) return existing.id;
  // Creating the year: the OPD row is the lock, and the year may have appeared while waiting for it.
  await tx.select({ id: opdTable.id }).from(opdTable).where(and(eq(opdTable.pemdaId, pemdaId), eq(opdTable.id, katalog.opd.id))).for('update');
  const [created] = await locked();
  if (created) return created.id;
  const [last] = await tx
    .select({ urutan: max(tahunOpd.urutan) })
    .from(tahunOpd)
    .where(and(eq(tahunOpd.pemdaId, pemdaId), eq(tahunOpd.opdId, katalog.opd.id)));
  const id = newId();
  await tx.insert(tahunOpd).values({ pemdaId, id, urutan: (last?.urutan ?? -1) + 1, opdId: katalog.opd.id, tahun: katalog.tahun });
  await catatAudit(tx, audit(k), [{ entity: 'tahun_opd', entityKey: `${katalog.opd.slug}/${katalog.tahun}`, field: 'tahun', lama: null, baru: katalog.tahun }]);
  return id;
}

export interface IsianDraf {
  nilai?: number | null | undefined;
  pembilang?: number | null | undefined;
  penyebut?: number | null | undefined;
  keterangan?: string | null | undefined;
  version: number;
}

const FIELDS = ['nilai', 'pembilang', 'penyebut', 'keterangan', 'status'] as const;

/** Saves the values of an entry as a draft; a field left out keeps its stored value. */
export async function simpanDraf(k: KonteksPerintah, key: AlamatEntri, isian: IsianDraf): Promise<Entri> {
  return k.db.transaction(async (tx) => {
    const d = await muat(tx, k, key);
    const scope = { opd: key.opd, unit: d.ind.unit, status: d.status };
    await periksa(tx, k, key, d, putuskanUbah(k.aktor, scope), isian.version, true);
    const pick = <F extends 'nilai' | 'pembilang' | 'penyebut' | 'keterangan'>(f: F) => (isian[f] === undefined ? (d.row?.[f] ?? null) : isian[f]);
    const keterangan = pick('keterangan');
    const values = {
      nilai: pick('nilai'),
      pembilang: pick('pembilang'),
      penyebut: pick('penyebut'),
      keterangan: keterangan === null || keterangan.trim() === '' ? null : keterangan.trim(),
      status: 'draf' as const,
    };
    const issues = periksaNilai(d.ind, values);
    if (issues.length > 0) throw new MasukanTidakSah(issues);

    let katalog = d.katalog;
    if (d.row) {
      await tx
        .update(realisasi)
        .set({ ...values, updatedAt: k.sekarang, version: d.row.version + 1 })
        .where(and(eq(realisasi.pemdaId, d.row.pemdaId), eq(realisasi.id, d.row.id)));
    } else {
      const tahunOpdId = await tahunOpdTerkunci(tx, k, d.katalog);
      katalog = { ...katalog, tahunOpdId };
      // Another first save of this entry may have committed while this one waited for the lock.
      if ((await bacaBaris(tx, katalog, key.triwulan, key.kode)).size > 0) {
        throw new VersiUsang<Entri>(await susunEntri(tx, k.aktor, katalog, d.ind, key.triwulan, k.sekarang));
      }
      const [last] = await tx
        .select({ urutan: max(realisasi.urutan) })
        .from(realisasi)
        .where(and(eq(realisasi.pemdaId, d.katalog.pemdaId), eq(realisasi.tahunOpdId, tahunOpdId)));
      // Files uploaded before the first save are evidence of this entry too.
      const files = await tx
        .select({ nama: buktiFile.namaAsli })
        .from(buktiFile)
        .where(
          and(
            eq(buktiFile.pemdaId, d.katalog.pemdaId),
            eq(buktiFile.opdSlug, key.opd),
            eq(buktiFile.tahun, key.tahun),
            eq(buktiFile.triwulan, key.triwulan),
            eq(buktiFile.indikatorKode, key.kode),
          ),
        );
      await tx.insert(realisasi).values({
        pemdaId: d.katalog.pemdaId,
        id: newId(),
        urutan: (last?.urutan ?? -1) + 1,
        tahunOpdId,
        indikatorKode: key.kode,
        triwulan: key.triwulan,
        ...values,
        bukti: files.map((f) => f.nama),
        createdAt: k.sekarang,
        updatedAt: k.sekarang,
      });
    }
    await catatAudit(tx, audit(k), selisih('realisasi', kunciAudit(key), d.row, values, FIELDS));
    const entri = await susunEntri(tx, k.aktor, katalog, d.ind, key.triwulan, k.sekarang);
    await naikkanRevisi(tx, k.aktor.pemdaId, key.opd);
    return entri;
  });
}

/** Moves an entry through the workflow; a rejection must say why. */
export async function ubahStatus(k: KonteksPerintah, key: AlamatEntri, aksi: AksiStatus, input: { version: number; komentar?: string | undefined }): Promise<Entri> {
  const komentar = input.komentar?.trim() || undefined;
  if (aksi === 'tolak' && komentar === undefined) throw new MasukanTidakSah([{ path: 'komentar', message: 'alasan penolakan wajib diisi' }]);
  return k.db.transaction(async (tx) => {
    const d = await muat(tx, k, key);
    const keputusan = putuskanTransisi(k.aktor, aksi, { opd: key.opd, unit: d.ind.unit, status: d.status });
    // Only submitting is the unit's own work, bound by the deadline; reviewing goes on after it.
    const ke = await periksa(tx, k, key, d, keputusan, input.version, aksi === 'ajukan');
    const row = d.row;
    if (!row) throw new StatusTidakSesuai('entri belum diisi');
    await tx
      .update(realisasi)
      .set({ status: ke, updatedAt: k.sekarang, version: row.version + 1 })
      .where(and(eq(realisasi.pemdaId, row.pemdaId), eq(realisasi.id, row.id)));
    await tx.insert(komentarVerifikasi).values({
      pemdaId: row.pemdaId,
      id: newId(),
      opdSlug: key.opd,
      tahun: key.tahun,
      indikatorKode: key.kode,
      triwulan: key.triwulan,
      aksi,
      komentar,
      penggunaId: k.aktor.id,
      pada: k.sekarang,
    });
    const changes: Perubahan[] = [{ entity: 'realisasi', entityKey: kunciAudit(key), field: 'status', lama: row.status, baru: ke }];
    if (komentar !== undefined) changes.push({ entity: 'realisasi', entityKey: kunciAudit(key), field: 'komentar', lama: null, baru: komentar });
    await catatAudit(tx, audit(k), changes);
    const entri = await susunEntri(tx, k.aktor, d.katalog, d.ind, key.triwulan, k.sekarang);
    await naikkanRevisi(tx, k.aktor.pemdaId, key.opd);
    return entri;
  });
}

export interface BuktiBaru {
  nama: string;
  isi: Buffer;
}

function bolehUnggah(k: KonteksPerintah, d: Dimuat): void {
  const keputusan = putuskanUbah(k.aktor, { opd: d.katalog.opd.slug, unit: d.ind.unit, status: d.status });
  if (keputusan.hasil === 'dilarang') throw new Dilarang();
  if (d.disahkan !== undefined) throw new Terkunci(d.disahkan);
  if (keputusan.hasil === 'terkunci' || d.kunci.terkunci) throw new Terkunci(d.kunci.alasan ?? 'entri terkunci');
  if (keputusan.hasil === 'status-tidak-sesuai') throw new StatusTidakSesuai(`entri berstatus ${d.status}; bukti tidak dapat ditambah`);
}

/**
 * The checks of `unggahBukti` without writing: run before receiving the file, so that a caller
 * who may not upload is refused before sending megabytes (and without holding a transaction
 * open while they arrive). `unggahBukti` checks again when it writes.
 */
export async function periksaUnggah(k: KonteksPerintah, key: AlamatEntri): Promise<void> {
  await k.db.transaction(async (tx) => bolehUnggah(k, await muat(tx, k, key)));
}

/** Stores an evidence file of an entry that its unit may still change. */
export async function unggahBukti(k: KonteksPerintah, key: AlamatEntri, berkas: BuktiBaru): Promise<{ id: string; nama: string }> {
  const mime = deteksiMime(berkas.isi);
  return k.db.transaction(async (tx) => {
    const d = await muat(tx, k, key);
    bolehUnggah(k, d);
    if (!mime) throw new MasukanTidakSah([{ path: 'berkas', message: 'berkas harus PDF, PNG atau JPEG (diperiksa dari isinya, bukan dari namanya)' }]);
    if (berkas.isi.length === 0) throw new MasukanTidakSah([{ path: 'berkas', message: 'berkas kosong' }]);
    const id = newId();
    const nama = namaAman(berkas.nama, mime);
    const sha256 = createHash('sha256').update(berkas.isi).digest('hex');
    await tx.insert(buktiFile).values({
      pemdaId: k.aktor.pemdaId,
      id,
      opdSlug: key.opd,
      tahun: key.tahun,
      indikatorKode: key.kode,
      triwulan: key.triwulan,
      namaAsli: nama,
      mime,
      ukuran: berkas.isi.length,
      sha256,
      isi: berkas.isi,
      diunggahOleh: k.aktor.id,
      diunggahPada: k.sekarang,
    });
    // The dataset lists evidence by name (the check rules read it). Adding evidence is not an
    // edit of the values, so the version stays and a form open elsewhere is not invalidated.
    if (d.row) {
      await tx
        .update(realisasi)
        .set({ bukti: sql`array_append(${realisasi.bukti}, ${nama})`, updatedAt: k.sekarang })
        .where(and(eq(realisasi.pemdaId, d.row.pemdaId), eq(realisasi.id, d.row.id)));
    }
    await catatAudit(tx, audit(k), [{ entity: 'bukti_file', entityKey: kunciAudit(key), field: 'berkas', lama: null, baru: { id, nama, mime, ukuran: berkas.isi.length, sha256 } }]);
    await naikkanRevisi(tx, k.aktor.pemdaId, key.opd);
    return { id, nama };
  });
}

/** An evidence file, if the actor may read the entry it belongs to. Another pemda's id is simply not found. */
export async function ambilBukti(db: Db, aktor: Aktor, id: string) {
  const [f] = await db
    .select()
    .from(buktiFile)
    .where(and(eq(buktiFile.pemdaId, aktor.pemdaId), eq(buktiFile.id, id)));
  if (!f) throw new TidakDitemukan('bukti tidak ada');
  const { katalog } = await katalogUntuk(db, aktor, f.opdSlug, f.tahun);
  // Evidence of an indicator the plan no longer has is readable by the OPD-wide readers only.
  const unit = katalog.indikator.find((i) => i.kode === f.indikatorKode)?.unit ?? [];
  if (!boleh(aktor, { aksi: 'entri:baca', opd: f.opdSlug, unit })) throw new Dilarang();
  return f;
}
