/**
 * What the public sees without signing in (docs/open-data.md): per pemda, the OPD-years whose
 * kepala OPD has signed the year off (`pengesahan_tahun`, see evaluasi.ts), and for such a year
 * its figures computed from approved data only.
 *
 * The rule: a year is published exactly while it is signed off. Reopening a year (`bukaTahun`)
 * unpublishes it at once; signing it off again publishes it again. The dataset the public
 * figures are computed from (`bacaDatasetPublik`) keeps realisasi only of published years and
 * only with status `disetujui` (the measure otherwise also counts `diverifikasi`), drops the
 * budget realisation of years not published, and removes every NIP.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { loadDatasetOpd } from '../db/dataset-repository.ts';
import * as t from '../db/schema.ts';
import type { Dataset, OpdData, TahunOpdData } from '../dataset/schema.ts';
import { LISENSI_BAWAAN, type LisensiData } from './pengaturan.ts';

export interface TahunTerbit {
  tahun: number;
  /** When the year was signed off (ISO 8601): the issue date of its open data. */
  disahkan: string;
}

export interface OpdPublik {
  slug: string;
  nama: string;
  singkatan: string | null;
  /** Published years, oldest first. */
  tahun: TahunTerbit[];
}

export interface PemdaPublik {
  id: string;
  slug: string;
  nama: string;
  jenis: string;
  lisensi: LisensiData;
  opd: OpdPublik[];
  /**
   * Changes whenever anything the public pages show may have changed: every data revision of
   * the pemda (any write raises one, src/db/revisi.ts) and every sign-off (made or reopened).
   * The ETag of every public response is derived from it.
   */
  versi: string;
}

/** The pemda as the public sees it; undefined when the slug is unknown. */
export async function bacaPemdaPublik(db: Db, slug: string): Promise<PemdaPublik | undefined> {
  return db.transaction(
    async (tx) => {
      const [p] = await tx
        .select({ id: t.pemda.id, slug: t.pemda.slug, nama: t.pemda.nama, jenis: t.pemda.jenis, pengaturan: t.pemda.pengaturan, version: t.pemda.version })
        .from(t.pemda)
        .where(eq(t.pemda.slug, slug));
      if (!p) return undefined;
      const opd = await tx.select({ slug: t.opd.slug, nama: t.opd.nama, singkatan: t.opd.singkatan }).from(t.opd).where(eq(t.opd.pemdaId, p.id)).orderBy(asc(t.opd.urutan));
      const sah = await tx
        .select({ opd: t.pengesahanTahun.opdSlug, tahun: t.pengesahanTahun.tahun, pada: t.pengesahanTahun.pada })
        .from(t.pengesahanTahun)
        .where(eq(t.pengesahanTahun.pemdaId, p.id))
        .orderBy(asc(t.pengesahanTahun.opdSlug), asc(t.pengesahanTahun.tahun));
      const revisi = await tx
        .select({ lingkup: t.revisiData.lingkup, revisi: t.revisiData.revisi })
        .from(t.revisiData)
        .where(eq(t.revisiData.pemdaId, p.id))
        .orderBy(asc(t.revisiData.lingkup));
      const versi = [
        `p${p.version}`,
        ...revisi.map((r) => `${r.lingkup}=${r.revisi}`),
        ...sah.map((s) => `${s.opd}/${s.tahun}@${s.pada.getTime()}`),
      ].join(';');
      return {
        id: p.id,
        slug: p.slug,
        nama: p.nama,
        jenis: p.jenis,
        lisensi: p.pengaturan.lisensi ?? LISENSI_BAWAAN,
        opd: opd.map((o) => ({
          slug: o.slug,
          nama: o.nama,
          singkatan: o.singkatan,
          tahun: sah.filter((s) => s.opd === o.slug).map((s) => ({ tahun: s.tahun, disahkan: s.pada.toISOString() })),
        })),
        versi,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** The published year of an OPD, if it is one. */
export function tahunTerbit(p: PemdaPublik, opd: string, tahun: number): TahunTerbit | undefined {
  return p.opd.find((o) => o.slug === opd)?.tahun.find((x) => x.tahun === tahun);
}

/** Removes every `nip` field (officials, PK signers), wherever it is. */
function tanpaNip<T>(x: T): T {
  if (Array.isArray(x)) return x.map(tanpaNip) as T;
  if (x !== null && typeof x === 'object') {
    return Object.fromEntries(Object.entries(x).flatMap(([k, v]) => (k === 'nip' ? [] : [[k, tanpaNip(v)]]))) as T;
  }
  return x;
}

/** A year as the public may see it: approved realisasi of a published year, nothing entered of another. */
function tahunPublik(y: TahunOpdData, terbit: ReadonlySet<number>): TahunOpdData {
  if (terbit.has(y.tahun)) return { ...y, realisasi: y.realisasi.filter((r) => r.status === 'disetujui') };
  return {
    ...y,
    realisasi: [],
    anggaran: y.anggaran.map((a) => ({ ...a, baris: a.baris.map((b) => ({ ...b, realisasi: 0 })), kelompok: a.kelompok.map((k) => ({ ...k, realisasi: 0 })) })),
    ikk: [],
    sdgs: [],
  };
}

/**
 * The pemda's own data and one OPD's, reduced to what may be published: see the module
 * comment. Undefined when the OPD does not exist.
 */
export async function bacaDatasetPublik(db: Db, p: PemdaPublik, opd: string): Promise<Dataset | undefined> {
  const o = p.opd.find((x) => x.slug === opd);
  if (!o) return undefined;
  const d = await loadDatasetOpd(db, p.slug, opd);
  if (!d) return undefined;
  const terbit = new Set(o.tahun.map((x) => x.tahun));
  const opdPublik = (x: OpdData): OpdData => ({ ...x, tahun: x.tahun.map((y) => tahunPublik(y, terbit)) });
  return tanpaNip({ ...d, opd: d.opd.map(opdPublik) });
}
