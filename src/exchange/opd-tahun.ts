/**
 * What the Renja and realisasi imports share: finding the OPD-year in a dataset, replacing it
 * without touching the rest, and checking the result. The read-change-write cycle against the
 * database is the import service (impor-opd-tahun.ts).
 */
import { checkReferences } from '../dataset/load.ts';
import { Dataset as DatasetSchema, type Dataset, type OpdData, type TahunOpdData } from '../dataset/schema.ts';
import { formatPath } from '../dataset/load.ts';
import { ImporError, type Galat } from './galat.ts';

export interface SasaranImpor {
  pemda: string;
  opd: string;
  tahun: number;
}

export function tahunKosong(tahun: number): TahunOpdData {
  return { tahun, renja: [], anggaran: [], pk: [], rencanaAksi: [], realisasi: [], ikk: [], sdgs: [], tindakLanjut: [], penghargaan: [] };
}

/** The OPD and its year (an empty year when nothing was recorded yet). */
export function cariOpdTahun(d: Dataset, s: SasaranImpor): { opd: OpdData; tahun: TahunOpdData; baru: boolean } {
  const opd = d.opd.find((o) => o.slug === s.opd);
  if (!opd) {
    const known = d.opd.map((o) => o.slug).join(', ');
    throw new ImporError([{ pesan: `OPD "${s.opd}" tidak ada di pemda "${d.pemda.slug}"${known ? ` (yang ada: ${known})` : ''}` }]);
  }
  const tahun = opd.tahun.find((t) => t.tahun === s.tahun);
  return { opd, tahun: tahun ?? tahunKosong(s.tahun), baru: tahun === undefined };
}

/** A copy of the dataset in which only the given OPD-year is replaced (or added, in year order). */
export function gantiOpdTahun(d: Dataset, opdSlug: string, baru: TahunOpdData): Dataset {
  return {
    ...d,
    opd: d.opd.map((o) => {
      if (o.slug !== opdSlug) return o;
      const exists = o.tahun.some((t) => t.tahun === baru.tahun);
      const tahun = exists ? o.tahun.map((t) => (t.tahun === baru.tahun ? baru : t)) : [...o.tahun, baru].sort((a, b) => a.tahun - b.tahun);
      return { ...o, tahun };
    }),
  };
}

/**
 * The changed dataset checked as a whole: the schema (a value the import built wrongly) and the
 * references (a removed code that another document still points at).
 */
export function periksaHasil(d: Dataset): Galat[] {
  const parsed = DatasetSchema.safeParse(d);
  if (!parsed.success) {
    return parsed.error.issues.map((i) => ({ pesan: `hasil impor tidak sah: ${formatPath(i.path)}: ${i.message}` }));
  }
  return checkReferences(d).map((p) => ({ pesan: `data lain masih merujuk kode yang tidak ada setelah impor: ${p.path}: ${p.message}` }));
}
