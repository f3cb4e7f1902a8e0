/**
 * The LKJIP narrative of an OPD-year: what the figures cannot write (background, obstacles,
 * causes and solutions per sasaran, next steps). It is stored as the `narasi` jsonb of the
 * tahun_opd row, in the dataset's `Narasi` shape, and rendered by src/report/lkjip.ts, which
 * marks every empty field with a placeholder.
 *
 * Edits are per section or per sasaran. Each runs in one transaction: it locks the tahun_opd row,
 * asks the policy ('narasi:ubah'), compares the row's `version` with the one the client read
 * (409 with the current narrative otherwise), writes the narrative with the version raised, and
 * writes one audit row per changed field with the paragraphs before and after.
 */
import { and, asc, desc, eq, gte, lte, max } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../db/client.ts';
import { newId } from '../db/ids.ts';
import * as t from '../db/schema.ts';
import { Narasi, type NarasiSasaran } from '../dataset/schema.ts';
import { BAGIAN_NARASI, type BagianNarasi, FIELD_SASARAN, type FieldSasaran } from '../kontrak/narasi.ts';
import { type Aktor, boleh } from '../policy/policy.ts';
import { catatAudit, type KonteksAudit, type Perubahan } from './audit.ts';
import { Dilarang, TidakDitemukan, VersiUsang } from './errors.ts';
import { bacaOpd, bacaOpdUntuk } from './katalog.ts';
import type { KonteksPerintah } from './konteks-perintah.ts';

/** Fields whose emptiness the LKJIP marks with a placeholder. */
export const FIELD_SASARAN_WAJIB: readonly FieldSasaran[] = ['sebab', 'solusi', 'upaya'];
/** Sections the LKJIP prints without a placeholder when empty. */
const BAGIAN_OPSIONAL: readonly BagianNarasi[] = ['penutup'];

type DataNarasi = z.infer<typeof Narasi>;
type DataNarasiSasaran = z.infer<typeof NarasiSasaran>;

export interface BagianTerbaca {
  kunci: BagianNarasi;
  teks: string[];
  kosong: boolean;
  /** The LKJIP shows a placeholder for this section while it is empty. */
  wajib: boolean;
}

export interface SasaranTerbaca {
  kode: string;
  nomor: number;
  uraian: string;
  isian: Record<FieldSasaran, string[]>;
  /** Required fields still empty (each is a placeholder in the LKJIP). */
  kosong: FieldSasaran[];
}

export interface NarasiTerbaca {
  bagian: BagianTerbaca[];
  sasaran: SasaranTerbaca[];
  /** Version of the tahun_opd row; 0 while the year has no row yet. */
  version: number;
  bolehUbah: boolean;
}

const audit = (k: KonteksPerintah): KonteksAudit => ({ pemdaId: k.aktor.pemdaId, penggunaId: k.aktor.id, requestId: k.requestId, at: k.sekarang });


/** The sasaran of the Renstra that covers the year, in Renstra order. */
async function sasaranTahun(db: Db, pemdaId: string, opdId: string, tahun: number) {
  const [r] = await db
    .select({ id: t.renstra.id })
    .from(t.renstra)
    .where(and(eq(t.renstra.pemdaId, pemdaId), eq(t.renstra.opdId, opdId), lte(t.renstra.periodeAwal, tahun), gte(t.renstra.periodeAkhir, tahun)))
    .orderBy(desc(t.renstra.periodeAwal))
    .limit(1);
  if (!r) return [];
  return db
    .select({ kode: t.sasaran.kode, nomor: t.sasaran.nomor, uraian: t.sasaran.uraian })
    .from(t.sasaran)
    .where(and(eq(t.sasaran.pemdaId, pemdaId), eq(t.sasaran.renstraId, r.id)))
    .orderBy(asc(t.sasaran.urutan));
}

const kosongkan = (): DataNarasi => Narasi.parse({});

function susun(narasi: DataNarasi | null | undefined, sasaran: Array<{ kode: string; nomor: number; uraian: string }>, version: number, bolehUbah: boolean): NarasiTerbaca {
  const n = narasi ?? kosongkan();
  return {
    bagian: BAGIAN_NARASI.map((kunci) => ({ kunci, teks: n[kunci], kosong: n[kunci].length === 0, wajib: !BAGIAN_OPSIONAL.includes(kunci) })),
    sasaran: sasaran.map((s) => {
      const ns = n.sasaran.find((x) => x.sasaran === s.kode);
      const isian = Object.fromEntries(FIELD_SASARAN.map((f) => [f, ns?.[f] ?? []])) as Record<FieldSasaran, string[]>;
      // The LKJIP prints solusi and upaya as one list: it is empty only when both are.
      const kosong = FIELD_SASARAN_WAJIB.filter((f) => isian[f].length === 0 && (f === 'sebab' || isian.solusi.length + isian.upaya.length === 0));
      return { ...s, isian, kosong };
    }),
    version,
    bolehUbah,
  };
}

async function barisTahun(db: Db, pemdaId: string, opdId: string, tahun: number, kunci: boolean) {
  const q = db
    .select({ id: t.tahunOpd.id, narasi: t.tahunOpd.narasi, version: t.tahunOpd.version })
    .from(t.tahunOpd)
    .where(and(eq(t.tahunOpd.pemdaId, pemdaId), eq(t.tahunOpd.opdId, opdId), eq(t.tahunOpd.tahun, tahun)));
  const [row] = kunci ? await q.for('update') : await q;
  return row;
}

export async function bacaNarasi(db: Db, a: Aktor, opdSlug: string, tahun: number): Promise<NarasiTerbaca> {
  const opd = await bacaOpdUntuk(db, a, opdSlug);
  const row = await barisTahun(db, a.pemdaId, opd.id, tahun, false);
  return susun(row?.narasi, await sasaranTahun(db, a.pemdaId, opd.id, tahun), row?.version ?? 0, boleh(a, { aksi: 'narasi:ubah', opd: opdSlug }));
}

/** Trims each paragraph and drops the empty ones. */
export function rapikan(teks: readonly string[]): string[] {
  return teks.map((s) => s.replace(/\r\n?/g, '\n').trim()).filter((s) => s !== '');
}

type Ubah = { jenis: 'bagian'; bagian: BagianNarasi; teks: readonly string[] } | { jenis: 'sasaran'; kode: string; isian: Record<FieldSasaran, readonly string[]> };

async function ubah(k: KonteksPerintah, opdSlug: string, tahun: number, version: number, u: Ubah): Promise<NarasiTerbaca> {
  return k.db.transaction(async (tx) => {
    const pemdaId = k.aktor.pemdaId;
    const opd = await bacaOpd(tx, pemdaId, opdSlug);
    if (!opd) throw new TidakDitemukan(`OPD "${opdSlug}" tidak ada`);
    if (!boleh(k.aktor, { aksi: 'narasi:ubah', opd: opdSlug })) throw new Dilarang(`tidak berwenang mengubah narasi LKJIP OPD "${opdSlug}"`);
    const sasaran = await sasaranTahun(tx, pemdaId, opd.id, tahun);
    if (u.jenis === 'sasaran' && !sasaran.some((s) => s.kode === u.kode)) throw new TidakDitemukan(`sasaran "${u.kode}" tidak ada pada Renstra tahun ${tahun}`);

    let row = await barisTahun(tx, pemdaId, opd.id, tahun, true);
    if ((row?.version ?? 0) !== version) throw new VersiUsang<NarasiTerbaca>(susun(row?.narasi, sasaran, row?.version ?? 0, true));
    if (!row) {
      // The year's row is created by its first write; the OPD row serializes concurrent creations.
      await tx.select({ id: t.opd.id }).from(t.opd).where(and(eq(t.opd.pemdaId, pemdaId), eq(t.opd.id, opd.id))).for('update');
      row = await barisTahun(tx, pemdaId, opd.id, tahun, true);
      if (row) throw new VersiUsang<NarasiTerbaca>(susun(row.narasi, sasaran, row.version, true));
      const [last] = await tx.select({ urutan: max(t.tahunOpd.urutan) }).from(t.tahunOpd).where(and(eq(t.tahunOpd.pemdaId, pemdaId), eq(t.tahunOpd.opdId, opd.id)));
      const id = newId();
      await tx.insert(t.tahunOpd).values({ pemdaId, id, urutan: (last?.urutan ?? -1) + 1, opdId: opd.id, tahun, createdAt: k.sekarang, updatedAt: k.sekarang });
      await catatAudit(tx, audit(k), [{ entity: 'tahun_opd', entityKey: `${opdSlug}/${tahun}`, field: 'tahun', lama: null, baru: tahun }]);
      row = { id, narasi: null, version: 1 };
    }

    const lama = row.narasi ? Narasi.parse(row.narasi) : kosongkan();
    const baru: DataNarasi = structuredClone(lama);
    const changes: Perubahan[] = [];
    const catat = (entityKey: string, field: string, before: string[], after: string[]) => {
      if (JSON.stringify(before) !== JSON.stringify(after)) changes.push({ entity: 'narasi', entityKey, field, lama: before, baru: after });
    };
    if (u.jenis === 'bagian') {
      baru[u.bagian] = rapikan(u.teks);
      catat(`${opdSlug}/${tahun}`, u.bagian, lama[u.bagian], baru[u.bagian]);
    } else {
      const before = lama.sasaran.find((s) => s.sasaran === u.kode);
      const after: DataNarasiSasaran = { sasaran: u.kode, output: [], outcome: [], sebab: [], solusi: [], kekuatan: [], upaya: [] };
      for (const f of FIELD_SASARAN) {
        after[f] = rapikan(u.isian[f]);
        catat(`${opdSlug}/${tahun}/sasaran/${u.kode}`, f, before?.[f] ?? [], after[f]);
      }
      const i = baru.sasaran.findIndex((s) => s.sasaran === u.kode);
      if (i >= 0) baru.sasaran[i] = after;
      else baru.sasaran.push(after);
    }
    if (changes.length === 0) return susun(lama, sasaran, row.version, true);
    const next = row.version + 1;
    await tx
      .update(t.tahunOpd)
      .set({ narasi: baru, version: next, updatedAt: k.sekarang })
      .where(and(eq(t.tahunOpd.pemdaId, pemdaId), eq(t.tahunOpd.id, row.id)));
    await catatAudit(tx, audit(k), changes);
    return susun(baru, sasaran, next, true);
  });
}

/** Replaces the paragraphs of one chapter-level section. */
export function ubahBagianNarasi(k: KonteksPerintah, opdSlug: string, tahun: number, bagian: BagianNarasi, input: { version: number; teks: readonly string[] }): Promise<NarasiTerbaca> {
  return ubah(k, opdSlug, tahun, input.version, { jenis: 'bagian', bagian, teks: input.teks });
}

/** Replaces every field of one sasaran's narrative. */
export function ubahNarasiSasaran(
  k: KonteksPerintah,
  opdSlug: string,
  tahun: number,
  kode: string,
  input: { version: number } & Record<FieldSasaran, readonly string[]>,
): Promise<NarasiTerbaca> {
  return ubah(k, opdSlug, tahun, input.version, { jenis: 'sasaran', kode, isian: input });
}
