/**
 * The import of a Renja/DPA or realisasi workbook into one OPD-year: one service for the CLI and
 * the HTTP route, so both refuse the same things with the same words.
 *
 * Preview reads the workbook and compares it with the OPD-year's read model (the OPD with that
 * year and the one before); commit does the same inside one transaction that holds the OPD's
 * row lock, checks the lock rules against the current data, and writes only that OPD-year's
 * changed rows (saveDataset with a scope). Lock rules, checked on preview and on commit:
 * - a year signed off by the head of the OPD takes no import at all until the admin reopens it;
 * - an approved realisasi entry is not replaced;
 * - a quarter whose entry deadline has passed (with the units' exceptions) takes no realisasi,
 *   as on the entry screen.
 */
import { and, eq } from 'drizzle-orm';
import type { Dataset, RealisasiData } from '../dataset/schema.ts';
import type { Db } from '../db/client.ts';
import { loadDatasetOpd, saveDataset } from '../db/dataset-repository.ts';
import { opd as tabelOpd, pemda as tabelPemda } from '../db/schema.ts';
import { tahunDisahkan } from '../workflow/pengesahan.ts';
import { bacaTenggat, kunciTenggat } from '../workflow/tenggat.ts';
import { ImporError, type Galat } from './galat.ts';
import { periksaHasil } from './opd-tahun.ts';
import { bacaRealisasiWorkbook, type BacaanRealisasi, type PratinjauRealisasi, terapkanRealisasi } from './realisasi-xlsx.ts';
import { bacaRenjaWorkbook, type PratinjauRenja, terapkanRenja, type VersiRenja } from './renja-xlsx.ts';
import { segarkanStatistik } from './statistik.ts';
import { BATAS_UKURAN_XLSX, muatWorkbook } from './xlsx.ts';

export interface PermintaanImpor {
  jenis: 'renja' | 'realisasi';
  pemda: string;
  opd: string;
  tahun: number;
  /** Renja: the version the workbook replaces. */
  versi?: VersiRenja | undefined;
  /** Realisasi: the DPA version whose realisasi the budget sheet updates (default the latest). */
  dpa?: 'dpa' | 'dpa-perubahan' | undefined;
  /** Realisasi: the status of the imported entries (default `diajukan`); who may give more is the caller's decision. */
  status?: RealisasiData['status'] | undefined;
  berkas: { nama: string; isi: Uint8Array };
  commit: boolean;
  sekarang: Date;
}

export type PratinjauImpor = PratinjauRenja | PratinjauRealisasi;

export interface HasilImporOpdTahun<P = PratinjauImpor> {
  pratinjau: P;
  galat: Galat[];
  /** True when the change was committed. */
  ditulis: boolean;
}

export interface OpsiLayanan {
  /** Called after the workbook is read: the caller's permission check on what it holds (e.g. a performance sheet). */
  izinkan?: (bacaan: { lembarKinerja?: string | undefined; anggaran: boolean }) => void;
  /** Written inside the import's transaction, only when the import is written (the audit row). */
  catat?: (tx: Db, pratinjau: PratinjauImpor) => Promise<void>;
}

/** Preview or commit the import of one workbook into one OPD-year. */
export async function imporOpdTahun(db: Db, p: PermintaanImpor, opsi: OpsiLayanan = {}): Promise<HasilImporOpdTahun> {
  const wb = await muatWorkbook(p.berkas.isi, p.berkas.nama, BATAS_UKURAN_XLSX);
  const sasaran = { pemda: p.pemda, opd: p.opd, tahun: p.tahun };
  let terapkan: (d: Dataset) => { dataset: Dataset; pratinjau: PratinjauImpor; galat: Galat[] };
  let realisasi: BacaanRealisasi | undefined;
  if (p.jenis === 'renja') {
    const bacaan = bacaRenjaWorkbook(wb, p.berkas.nama);
    opsi.izinkan?.({ anggaran: bacaan.dpa });
    terapkan = (d) => terapkanRenja(d, bacaan, { ...sasaran, versi: p.versi ?? 'murni' });
  } else {
    const bacaan = bacaRealisasiWorkbook(wb, p.berkas.nama);
    realisasi = bacaan;
    opsi.izinkan?.({ lembarKinerja: bacaan.kinerja?.nama, anggaran: bacaan.anggaran !== undefined });
    terapkan = (d) => terapkanRealisasi(d, bacaan, { ...sasaran, status: p.status, dpa: p.dpa });
  }

  const jalankan = async (conn: Db): Promise<HasilImporOpdTahun & { dataset?: Dataset }> => {
    const pemdaId = await idPemda(conn, p.pemda);
    const d = await loadDatasetOpd(conn, p.pemda, p.opd, [p.tahun - 1, p.tahun]);
    if (!d) throw new ImporError([{ pesan: `OPD "${p.opd}" tidak ada di pemda "${p.pemda}"` }]);
    const h = terapkan(d);
    const galat = [...h.galat, ...(await periksaKunci(conn, pemdaId, p, d, realisasi))];
    if (galat.length === 0) galat.push(...periksaHasil(h.dataset));
    return { pratinjau: h.pratinjau, galat, ditulis: false, dataset: galat.length === 0 ? h.dataset : undefined };
  };

  if (!p.commit) {
    const { pratinjau, galat, ditulis } = await jalankan(db);
    return { pratinjau, galat, ditulis };
  }
  let out: HasilImporOpdTahun | undefined;
  await db.transaction(async (tx) => {
    // The OPD's row lock first: the data checked and changed below is the data written.
    await kunciOpd(tx, p.pemda, p.opd);
    const { dataset, ...hasil } = await jalankan(tx);
    if (!dataset) {
      out = hasil;
      return;
    }
    await segarkanStatistik(tx);
    await saveDataset(tx, dataset, { opd: p.opd, tahun: p.tahun });
    await opsi.catat?.(tx, hasil.pratinjau);
    out = { ...hasil, ditulis: true };
  });
  if (!out) throw new Error('transaksi impor selesai tanpa hasil');
  return out;
}

async function idPemda(db: Db, slug: string): Promise<string> {
  const [row] = await db.select({ id: tabelPemda.id }).from(tabelPemda).where(eq(tabelPemda.slug, slug));
  if (!row) throw new ImporError([{ pesan: `pemda "${slug}" tidak ada di basis data; impor datasetnya dulu` }]);
  return row.id;
}

async function kunciOpd(tx: Db, pemda: string, opd: string): Promise<void> {
  const pemdaId = await idPemda(tx, pemda);
  await tx
    .select({ id: tabelOpd.id })
    .from(tabelOpd)
    .where(and(eq(tabelOpd.pemdaId, pemdaId), eq(tabelOpd.slug, opd)))
    .for('update');
}

/** What the lock rules refuse in this import, each located at its row when it has one. */
export async function periksaKunci(db: Db, pemdaId: string, p: PermintaanImpor, d: Dataset, b: BacaanRealisasi | undefined): Promise<Galat[]> {
  const sah = await tahunDisahkan(db, pemdaId, p.opd, p.tahun);
  if (sah) {
    return [
      {
        pesan: `tahun ${p.tahun} OPD "${p.opd}" telah disahkan kepala OPD (${sah.oleh}, ${sah.pada.slice(0, 10)}); impor tidak dapat mengubahnya sampai admin pemda membuka tahun itu`,
      },
    ];
  }
  const k = b?.kinerja;
  if (!k) return [];
  const opd = d.opd.find((o) => o.slug === p.opd);
  const tahun = opd?.tahun.find((y) => y.tahun === p.tahun);
  const disetujui = new Set((tahun?.realisasi ?? []).filter((e) => e.status === 'disetujui').map((e) => `${e.indikator} ${e.triwulan ?? ''}`));
  // The units answerable for an indicator: the Renstra's person in charge, or the Renja node's unit.
  const unit = new Map<string, string[]>();
  for (const r of opd?.renstra ?? []) {
    for (const x of [...r.tujuan, ...r.sasaran]) for (const i of x.indikator) unit.set(i.kode, i.penanggungJawab);
  }
  for (const r of tahun?.renja ?? []) for (const n of r.node) for (const i of n.indikator) if (!unit.has(i.kode)) unit.set(i.kode, n.unit ? [n.unit] : []);
  const tenggat = new Map<number, Awaited<ReturnType<typeof bacaTenggat>>>();
  const kolom = k.judul.kolom.get('kodeIndikator');
  const galat: Galat[] = [];
  for (const e of k.entri) {
    const di = { lembar: k.nama, baris: e.baris, kolom: kolom?.huruf, judul: kolom?.teks };
    const nama = `realisasi ${e.indikator}${e.triwulan ? ` triwulan ${e.triwulan}` : ''}`;
    if (disetujui.has(`${e.indikator} ${e.triwulan ?? ''}`)) {
      galat.push({ ...di, pesan: `${nama} sudah disetujui dan terkunci; tidak dapat diganti lewat impor` });
      continue;
    }
    if (e.triwulan === undefined) continue;
    if (!tenggat.has(e.triwulan)) tenggat.set(e.triwulan, await bacaTenggat(db, pemdaId, p.tahun, e.triwulan));
    const kunci = kunciTenggat(tenggat.get(e.triwulan), p.opd, unit.get(e.indikator) ?? [], e.triwulan, p.sekarang);
    if (kunci.terkunci) galat.push({ ...di, pesan: `${nama}: ${kunci.alasan ?? 'tenggat telah lewat'}; tidak dapat diimpor` });
  }
  return galat;
}
