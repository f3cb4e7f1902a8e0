/**
 * The SAKIP evaluation answered criterion by criterion (LKE), in three tiers:
 *
 *   mandiri (the OPD's self-assessment: perencana, kepala-opd; 'lke:mandiri')
 *     → evaluator (the Inspektorat; 'evaluasi:isi')
 *     → supervisor (the Inspektorat's pengendali teknis; 'lke:supervisi')
 *     → final
 *
 * Each tier answers in its own stage, with a note and evidence (files, links, confirmed facts of
 * SIKIPER's records, src/workflow/lke-fakta.ts); a tier that leaves a criterion alone keeps the
 * answer of the tier below. Each tier's score is computed by src/engine/evaluasi.ts, never
 * stored. An evaluation is started with a version of the criteria (`kriteria_lke`), loaded per
 * pemda: the version shipped with SIKIPER (referensi/lke/) or one the admin loaded.
 *
 * Every write runs in one transaction with its audit rows. Answers carry their own `version`,
 * moves between stages the evaluation's (409 with the current state when stale).
 */
import { isDeepStrictEqual } from 'node:util';
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray, lte } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { newId } from '../db/ids.ts';
import * as t from '../db/schema.ts';
import type { BuktiJawaban, IsiKriteriaLke, RekomendasiEvaluasi, TahapLke, TingkatLke } from '../db/schema-app.ts';
import { daftarKriteria, KODE_KRITERIA_BAWAAN, kriteriaBawaan, type KriteriaLkeBerkas, uraiKriteriaLke, type FaktaLke } from '../dataset/lke.ts';
import { hitungLke, type HasilLkeKriteria, type JawabanLke, KOMPONEN_LKE, PILIHAN_JAWABAN, Rational } from '../engine/index.ts';
import type { BarisKriteria, BerkasBukti, HasilJawaban, LembarLke, NilaiLke, NilaiTingkat, RekapLke, VersiKriteria } from '../kontrak/lke.ts';
import { type Aktor, boleh, type Tindakan } from '../policy/policy.ts';
import type { BarisRekapLke, DataLhe, NilaiLhe } from '../report/lhe-data.ts';
import { catatAudit, type KonteksAudit, type Perubahan } from './audit.ts';
import { deteksiMime, namaAman } from './berkas.ts';
import { Dilarang, MasukanTidakSah, StatusTidakSesuai, TidakDitemukan, VersiUsang } from './errors.ts';
import { SKOR_KOSONG, statusRekomendasi } from './evaluasi.ts';
import { bacaOpdUntuk, daftarOpd } from './katalog.ts';
import type { KonteksPerintah } from './konteks-perintah.ts';
import { bacaFakta, type Fakta } from './lke-fakta.ts';
import { type BarisJawaban, berlaku, nilaiAkhirEvaluasi, nilaiTingkat, type NilaiTigaTingkat } from './lke-nilai.ts';

const audit = (k: KonteksPerintah): KonteksAudit => ({ pemdaId: k.aktor.pemdaId, penggunaId: k.aktor.id, requestId: k.requestId, at: k.sekarang });
type BarisEvaluasi = typeof t.evaluasiSakip.$inferSelect;
type BarisVersi = typeof t.kriteriaLke.$inferSelect;

const TINDAKAN_TINGKAT: Record<TingkatLke, (opd: string) => Tindakan> = {
  mandiri: (opd) => ({ aksi: 'lke:mandiri', opd }),
  evaluator: (opd) => ({ aksi: 'evaluasi:isi', opd }),
  supervisor: (opd) => ({ aksi: 'lke:supervisi', opd }),
};
const NAMA_TAHAP: Record<TahapLke, string> = { mandiri: 'penilaian mandiri OPD', evaluator: 'evaluator', supervisor: 'pengendali teknis', final: 'final' };

// ---------------------------------------------------------------- criteria versions

function ringkasVersi(v: Pick<BarisVersi, 'kode' | 'nama' | 'regulasi' | 'sumber' | 'berlakuMulai' | 'isi'>): VersiKriteria {
  return { kode: v.kode, nama: v.nama, regulasi: v.regulasi, sumber: v.sumber, berlakuMulai: v.berlakuMulai, jumlahKriteria: daftarKriteria(v.isi).length };
}

const isiDari = (f: KriteriaLkeBerkas): IsiKriteriaLke => ({ komponen: f.komponen });

/** The version an evaluation of the year would use: the pemda's latest in force, else the shipped one. */
async function versiUntukTahun(db: Db, pemdaId: string, tahun: number, kode?: string): Promise<{ baris?: BarisVersi; berkas?: KriteriaLkeBerkas }> {
  const q = db.select().from(t.kriteriaLke);
  if (kode !== undefined) {
    const [baris] = await q.where(and(eq(t.kriteriaLke.pemdaId, pemdaId), eq(t.kriteriaLke.kode, kode)));
    if (baris) return { baris };
    const bawaan = await kriteriaBawaan();
    if (kode === bawaan.kode) return { berkas: bawaan };
    throw new MasukanTidakSah([{ path: 'kriteria', message: `versi kriteria "${kode}" belum dimuat untuk pemda ini` }]);
  }
  const [baris] = await q
    .where(and(eq(t.kriteriaLke.pemdaId, pemdaId), lte(t.kriteriaLke.berlakuMulai, tahun)))
    .orderBy(desc(t.kriteriaLke.berlakuMulai), desc(t.kriteriaLke.dimuatPada))
    .limit(1);
  return baris ? { baris } : { berkas: await kriteriaBawaan() };
}

/** Stores a criteria version for the pemda (in the caller's transaction). */
async function simpanVersi(tx: Db, k: KonteksPerintah, f: KriteriaLkeBerkas): Promise<BarisVersi> {
  const [baris] = (await tx
    .insert(t.kriteriaLke)
    .values({ pemdaId: k.aktor.pemdaId, id: newId(), kode: f.kode, nama: f.nama, regulasi: f.regulasi, sumber: f.sumber, berlakuMulai: f.berlakuMulai, isi: isiDari(f), dimuatPada: k.sekarang })
    .returning()) as [BarisVersi];
  await catatAudit(tx, audit(k), [{ entity: 'kriteria_lke', entityKey: f.kode, field: 'dimuat', lama: null, baru: { nama: f.nama, regulasi: f.regulasi, kriteria: daftarKriteria(f).length } }]);
  return baris;
}

export async function daftarVersiKriteria(db: Db, a: Aktor): Promise<{ versi: VersiKriteria[]; bawaan: VersiKriteria }> {
  const rows = await db.select().from(t.kriteriaLke).where(eq(t.kriteriaLke.pemdaId, a.pemdaId)).orderBy(asc(t.kriteriaLke.berlakuMulai), asc(t.kriteriaLke.kode));
  const b = await kriteriaBawaan();
  return { versi: rows.map(ringkasVersi), bawaan: ringkasVersi({ ...b, isi: isiDari(b) }) };
}

/** Loads a criteria version from the JSON of a criteria file (admin pemda); the code must be new to the pemda. */
export async function muatVersiKriteria(k: KonteksPerintah, json: unknown): Promise<VersiKriteria> {
  if (!boleh(k.aktor, { aksi: 'lke:kriteria' })) throw new Dilarang('hanya admin pemda yang memuat versi kriteria');
  const r = uraiKriteriaLke(json, 'kriteria');
  if (!r.ok) throw new MasukanTidakSah(r.masalah);
  return k.db.transaction(async (tx) => {
    const [ada] = await tx
      .select({ id: t.kriteriaLke.id })
      .from(t.kriteriaLke)
      .where(and(eq(t.kriteriaLke.pemdaId, k.aktor.pemdaId), eq(t.kriteriaLke.kode, r.nilai.kode)));
    if (ada) throw new MasukanTidakSah([{ path: 'kriteria: kode', message: `versi "${r.nilai.kode}" sudah dimuat; beri kode baru untuk versi yang berbeda` }]);
    return ringkasVersi(await simpanVersi(tx, k, r.nilai));
  });
}

// ---------------------------------------------------------------- reading

async function barisEvaluasi(db: Db, pemdaId: string, opd: string, tahun: number, kunci = false): Promise<BarisEvaluasi | undefined> {
  const q = db
    .select()
    .from(t.evaluasiSakip)
    .where(and(eq(t.evaluasiSakip.pemdaId, pemdaId), eq(t.evaluasiSakip.opdSlug, opd), eq(t.evaluasiSakip.tahun, tahun)));
  const [row] = kunci ? await q.for('update') : await q;
  return row;
}

async function bacaVersi(db: Db, pemdaId: string, id: string): Promise<BarisVersi> {
  const [v] = await db.select().from(t.kriteriaLke).where(and(eq(t.kriteriaLke.pemdaId, pemdaId), eq(t.kriteriaLke.id, id)));
  if (!v) throw new TidakDitemukan('versi kriteria evaluasi tidak ada');
  return v;
}

/** Who answered, as usernames: like the history of entries and their comments, the sheet names accounts, not people (docs/security.md). */
async function namaPengguna(db: Db, pemdaId: string, id: readonly string[]): Promise<Map<string, string>> {
  if (id.length === 0) return new Map();
  const rows = await db
    .select({ id: t.pengguna.id, username: t.pengguna.username })
    .from(t.pengguna)
    .where(and(eq(t.pengguna.pemdaId, pemdaId), inArray(t.pengguna.id, [...new Set(id)])));
  return new Map(rows.map((r) => [r.id, r.username]));
}

function sajikanNilai(h: HasilLkeKriteria): NilaiTingkat {
  return {
    total: h.total.toNumber(2),
    totalTepat: h.total.toFixed(10),
    predikat: h.predikat,
    terjawab: h.terjawab,
    jumlah: h.jumlah,
    komponen: h.komponen.map((k) => ({ kode: k.kode, nilai: k.nilai.toNumber(2), sub: k.sub.map((s) => ({ kode: s.kode, nilai: s.nilai.toNumber(2), terjawab: s.terjawab, jumlah: s.jumlah })) })),
  };
}
const sajikanTigaNilai = (n: NilaiTigaTingkat): NilaiLke => ({ mandiri: sajikanNilai(n.mandiri), evaluator: sajikanNilai(n.evaluator), akhir: sajikanNilai(n.akhir) });

/** What the actor may do now, given the stage. */
function bolehLke(a: Aktor, opd: string, row: BarisEvaluasi | undefined) {
  const tahap = row?.tahap ?? null;
  const bisa = (tk: TingkatLke) => boleh(a, TINDAKAN_TINGKAT[tk](opd));
  return {
    mulai: tahap === null && (bisa('mandiri') || bisa('evaluator')),
    mandiri: tahap === 'mandiri' && bisa('mandiri'),
    evaluator: tahap === 'evaluator' && bisa('evaluator'),
    supervisor: tahap === 'supervisor' && bisa('supervisor'),
    ajukan: tahap === 'mandiri' && bisa('mandiri'),
    kirim: tahap === 'evaluator' && bisa('evaluator'),
    setujui: tahap === 'supervisor' && bisa('supervisor'),
    kembalikan: (tahap === 'evaluator' && bisa('evaluator')) || ((tahap === 'supervisor' || tahap === 'final') && bisa('supervisor')),
  };
}

interface Bahan {
  row: BarisEvaluasi | undefined;
  versi: { ringkas: VersiKriteria; isi: IsiKriteriaLke };
  jawaban: BarisJawaban[];
  berkas: Array<Omit<typeof t.buktiLke.$inferSelect, 'isi'>>;
  nama: Map<string, string>;
  fakta: Map<FaktaLke, Fakta>;
}

/**
 * Everything the sheet is made of. `hanya`: the one criterion a save answers, whose fact alone is
 * read (the facts read the OPD-year's plan, the heaviest part), or taken from `fakta` when the
 * save has just read it.
 */
async function bahan(
  db: Db,
  a: Aktor,
  opd: string,
  tahun: number,
  row: BarisEvaluasi | undefined,
  hanya?: { kode: string; fakta?: Map<FaktaLke, Fakta> | undefined; versi?: BarisVersi | undefined },
): Promise<Bahan> {
  let versi: Bahan['versi'];
  if (row?.kriteriaId) {
    const v = hanya?.versi ?? (await bacaVersi(db, a.pemdaId, row.kriteriaId));
    versi = { ringkas: ringkasVersi(v), isi: v.isi };
  } else {
    const v = await versiUntukTahun(db, a.pemdaId, tahun);
    const src = v.baris ?? { ...(v.berkas as KriteriaLkeBerkas), isi: isiDari(v.berkas as KriteriaLkeBerkas) };
    versi = { ringkas: ringkasVersi(src), isi: src.isi };
  }
  const id = row?.kriteriaId ? row.id : undefined;
  const jawaban = id ? await db.select().from(t.jawabanLke).where(and(eq(t.jawabanLke.pemdaId, a.pemdaId), eq(t.jawabanLke.evaluasiId, id))) : [];
  const berkas = id
    ? await db
        .select({
          pemdaId: t.buktiLke.pemdaId,
          id: t.buktiLke.id,
          evaluasiId: t.buktiLke.evaluasiId,
          kriteriaKode: t.buktiLke.kriteriaKode,
          tingkat: t.buktiLke.tingkat,
          namaAsli: t.buktiLke.namaAsli,
          mime: t.buktiLke.mime,
          ukuran: t.buktiLke.ukuran,
          sha256: t.buktiLke.sha256,
          diunggahOleh: t.buktiLke.diunggahOleh,
          diunggahPada: t.buktiLke.diunggahPada,
        })
        .from(t.buktiLke)
        .where(and(eq(t.buktiLke.pemdaId, a.pemdaId), eq(t.buktiLke.evaluasiId, id)))
        .orderBy(asc(t.buktiLke.diunggahPada))
    : [];
  const perluFakta = daftarKriteria(versi.isi).some((x) => x.kriteria.fakta !== undefined && (hanya === undefined || x.kriteria.kode === hanya.kode));
  const fakta = !perluFakta ? new Map<FaktaLke, Fakta>() : (hanya?.fakta ?? (await bacaFakta(db, { id: a.pemdaId, slug: a.pemdaSlug }, opd, tahun)));
  return { row, versi, jawaban, berkas, nama: await namaPengguna(db, a.pemdaId, jawaban.map((j) => j.diubahOleh)), fakta };
}

function barisKriteria(b: Bahan, kode: string): BarisKriteria {
  const c = daftarKriteria(b.versi.isi).find((x) => x.kriteria.kode === kode)?.kriteria;
  if (!c) throw new TidakDitemukan(`kriteria ${kode} tidak ada`);
  const per = (tk: TingkatLke) => b.jawaban.find((j) => j.kriteriaKode === kode && j.tingkat === tk);
  const saji = (tk: TingkatLke) => {
    const j = per(tk);
    return j
      ? {
          jawaban: (j.jawaban as JawabanLke | null) ?? null,
          catatan: j.catatan,
          tautan: j.bukti.tautan,
          fakta: j.bukti.fakta,
          oleh: b.nama.get(j.diubahOleh) ?? '',
          pada: j.diubahPada.toISOString(),
          version: j.version,
        }
      : null;
  };
  const jawaban = { mandiri: saji('mandiri'), evaluator: saji('evaluator'), supervisor: saji('supervisor') };
  const b3 = berlaku({ mandiri: jawaban.mandiri?.jawaban ?? null, evaluator: jawaban.evaluator?.jawaban ?? null, supervisor: jawaban.supervisor?.jawaban ?? null });
  const f = c.fakta === undefined ? undefined : b.fakta.get(c.fakta as FaktaLke);
  return {
    kode: c.kode,
    teks: c.teks,
    jenis: c.jenis,
    pilihan: [...PILIHAN_JAWABAN[c.jenis]],
    jawaban,
    berlaku: b3,
    beda: new Set([b3.mandiri, b3.evaluator, b3.akhir].filter((x) => x !== null)).size > 1,
    usulan: f ? { kode: f.kode, terpenuhi: f.terpenuhi, uraian: f.uraian, sumber: f.sumber } : null,
    berkas: b.berkas.filter((x) => x.kriteriaKode === kode).map((x) => ({ id: x.id, nama: x.namaAsli, tingkat: x.tingkat, ukuran: x.ukuran, mime: x.mime })),
  };
}

/** The comment of the latest move between stages, if it had one (a return always has). */
async function komentarTerakhir(db: Db, pemdaId: string, opd: string, tahun: number): Promise<string | null> {
  const [akhir, sebelum] = await db
    .select({ field: t.auditLog.field, baru: t.auditLog.newValue })
    .from(t.auditLog)
    .where(and(eq(t.auditLog.pemdaId, pemdaId), eq(t.auditLog.entity, 'evaluasi_sakip'), eq(t.auditLog.entityKey, `${opd}/${tahun}`), inArray(t.auditLog.field, ['tahap', 'komentarTahap'])))
    .orderBy(desc(t.auditLog.at), desc(t.auditLog.urutan))
    .limit(2);
  return akhir?.field === 'komentarTahap' && sebelum?.field === 'tahap' && typeof akhir.baru === 'string' ? akhir.baru : null;
}

async function rekomendasiLalu(db: Db, pemdaId: string, opd: string, tahun: number) {
  const lalu = await barisEvaluasi(db, pemdaId, opd, tahun - 1);
  return (lalu?.rekomendasi ?? []).map((r) => ({ teks: r.teks, tindakLanjut: r.tindakLanjut, status: statusRekomendasi(r), tautan: r.tautan ?? [] }));
}

async function susunLembar(db: Db, a: Aktor, opd: string, tahun: number, row: BarisEvaluasi | undefined): Promise<LembarLke> {
  const b = await bahan(db, a, opd, tahun, row);
  const mulai = row?.kriteriaId ? row : undefined;
  return {
    ada: mulai !== undefined,
    version: row?.version ?? 0,
    tahap: mulai?.tahap ?? null,
    kriteria: b.versi.ringkas,
    komponen: b.versi.isi.komponen.map((k) => ({
      kode: k.kode,
      nama: k.nama,
      bobot: k.bobot,
      sub: k.sub.map((s) => ({ kode: s.kode, nama: s.nama, bobot: s.bobot, kriteria: s.kriteria.map((c) => barisKriteria(b, c.kode)) })),
    })),
    nilai: mulai ? sajikanTigaNilai(nilaiTingkat(b.versi.isi, b.jawaban)) : null,
    catatanTahap: mulai ? await komentarTerakhir(db, a.pemdaId, opd, tahun) : null,
    rekomendasiLalu: await rekomendasiLalu(db, a.pemdaId, opd, tahun),
    boleh: bolehLke(a, opd, mulai),
  };
}

export async function bacaLembarLke(db: Db, a: Aktor, opd: string, tahun: number): Promise<LembarLke> {
  await bacaOpdUntuk(db, a, opd);
  return susunLembar(db, a, opd, tahun, await barisEvaluasi(db, a.pemdaId, opd, tahun));
}

// ---------------------------------------------------------------- starting and moving

export async function mulaiLke(k: KonteksPerintah, opd: string, tahun: number, input: { version: number; kriteria?: string | undefined }): Promise<LembarLke> {
  return k.db.transaction(async (tx) => {
    await bacaOpdUntuk(tx, k.aktor, opd);
    if (!boleh(k.aktor, TINDAKAN_TINGKAT.mandiri(opd)) && !boleh(k.aktor, TINDAKAN_TINGKAT.evaluator(opd))) throw new Dilarang('hanya OPD atau Inspektorat yang memulai evaluasi');
    const pemdaId = k.aktor.pemdaId;
    const row = await barisEvaluasi(tx, pemdaId, opd, tahun, true);
    if ((row?.version ?? 0) !== input.version) throw new VersiUsang<LembarLke>(await susunLembar(tx, k.aktor, opd, tahun, row));
    if (row?.kriteriaId) throw new StatusTidakSesuai(`evaluasi per kriteria ${opd} tahun ${tahun} sudah dimulai`);
    const v = await versiUntukTahun(tx, pemdaId, tahun, input.kriteria);
    const versi = v.baris ?? (await simpanVersi(tx, k, v.berkas as KriteriaLkeBerkas));
    let next: BarisEvaluasi;
    if (row) {
      [next] = (await tx
        .update(t.evaluasiSakip)
        .set({ kriteriaId: versi.id, tahap: 'mandiri', version: row.version + 1, updatedAt: k.sekarang })
        .where(and(eq(t.evaluasiSakip.pemdaId, pemdaId), eq(t.evaluasiSakip.id, row.id)))
        .returning()) as [BarisEvaluasi];
    } else {
      [next] = (await tx
        .insert(t.evaluasiSakip)
        .values({ pemdaId, id: newId(), opdSlug: opd, tahun, skor: SKOR_KOSONG, rekomendasi: [], kriteriaId: versi.id, tahap: 'mandiri', createdAt: k.sekarang, updatedAt: k.sekarang })
        .returning()) as [BarisEvaluasi];
    }
    await catatAudit(tx, audit(k), [
      { entity: 'evaluasi_sakip', entityKey: `${opd}/${tahun}`, field: 'kriteria', lama: null, baru: versi.kode },
      { entity: 'evaluasi_sakip', entityKey: `${opd}/${tahun}`, field: 'tahap', lama: null, baru: 'mandiri' },
    ]);
    return susunLembar(tx, k.aktor, opd, tahun, next);
  });
}

export type LangkahLke = 'ajukan' | 'kirim' | 'setujui' | 'kembalikan';

/** The move a step makes from a stage, and which tier's permission it needs. */
const LANGKAH: Record<LangkahLke, Partial<Record<TahapLke, { ke: TahapLke; oleh: TingkatLke }>>> = {
  ajukan: { mandiri: { ke: 'evaluator', oleh: 'mandiri' } },
  kirim: { evaluator: { ke: 'supervisor', oleh: 'evaluator' } },
  setujui: { supervisor: { ke: 'final', oleh: 'supervisor' } },
  kembalikan: { evaluator: { ke: 'mandiri', oleh: 'evaluator' }, supervisor: { ke: 'evaluator', oleh: 'supervisor' }, final: { ke: 'supervisor', oleh: 'supervisor' } },
};

export async function langkahLke(k: KonteksPerintah, opd: string, tahun: number, langkah: LangkahLke, input: { version: number; komentar?: string | undefined }): Promise<LembarLke> {
  const komentar = input.komentar?.trim() ?? '';
  return k.db.transaction(async (tx) => {
    await bacaOpdUntuk(tx, k.aktor, opd);
    const pemdaId = k.aktor.pemdaId;
    const row = await barisEvaluasi(tx, pemdaId, opd, tahun, true);
    const aturan = LANGKAH[langkah];
    const bolehSiapa = [...new Set(Object.values(aturan).map((x) => x.oleh))];
    if (!bolehSiapa.some((tk) => boleh(k.aktor, TINDAKAN_TINGKAT[tk](opd)))) throw new Dilarang(`tidak berwenang: ${langkah}`);
    if (langkah === 'kembalikan' && komentar === '') throw new MasukanTidakSah([{ path: 'komentar', message: 'tulis alasan pengembalian' }]);
    if (!row?.kriteriaId || !row.tahap) throw new StatusTidakSesuai(`evaluasi per kriteria ${opd} tahun ${tahun} belum dimulai`);
    if (row.version !== input.version) throw new VersiUsang<LembarLke>(await susunLembar(tx, k.aktor, opd, tahun, row));
    const pindah = aturan[row.tahap];
    if (!pindah) throw new StatusTidakSesuai(`tidak dapat ${langkah} pada tahap ${NAMA_TAHAP[row.tahap]}`);
    if (!boleh(k.aktor, TINDAKAN_TINGKAT[pindah.oleh](opd))) throw new Dilarang(`tahap ${NAMA_TAHAP[row.tahap]} bukan wewenang Anda`);
    const [next] = (await tx
      .update(t.evaluasiSakip)
      .set({ tahap: pindah.ke, version: row.version + 1, updatedAt: k.sekarang })
      .where(and(eq(t.evaluasiSakip.pemdaId, pemdaId), eq(t.evaluasiSakip.id, row.id)))
      .returning()) as [BarisEvaluasi];
    const changes: Perubahan[] = [{ entity: 'evaluasi_sakip', entityKey: `${opd}/${tahun}`, field: 'tahap', lama: row.tahap, baru: pindah.ke }];
    if (komentar !== '' || langkah === 'kembalikan') changes.push({ entity: 'evaluasi_sakip', entityKey: `${opd}/${tahun}`, field: 'komentarTahap', lama: null, baru: komentar || null });
    await catatAudit(tx, audit(k), changes);
    return susunLembar(tx, k.aktor, opd, tahun, next);
  });
}

// ---------------------------------------------------------------- answers and evidence

/** The evaluation row at the stage of `tingkat`, locked, with the actor's right to answer it checked. */
async function untukMenjawab(tx: Db, a: Aktor, opd: string, tahun: number, tingkat: TingkatLke): Promise<{ row: BarisEvaluasi & { kriteriaId: string }; versi: BarisVersi }> {
  await bacaOpdUntuk(tx, a, opd);
  if (!boleh(a, TINDAKAN_TINGKAT[tingkat](opd))) throw new Dilarang(`tidak berwenang mengisi jawaban tingkat ${NAMA_TAHAP[tingkat]}`);
  const row = await barisEvaluasi(tx, a.pemdaId, opd, tahun, true);
  if (!row?.kriteriaId || !row.tahap) throw new StatusTidakSesuai(`evaluasi per kriteria ${opd} tahun ${tahun} belum dimulai`);
  if (row.tahap !== tingkat) throw new StatusTidakSesuai(`evaluasi sedang pada tahap ${NAMA_TAHAP[row.tahap]}; jawaban tingkat ${NAMA_TAHAP[tingkat]} tidak dapat diubah`);
  return { row: row as BarisEvaluasi & { kriteriaId: string }, versi: await bacaVersi(tx, a.pemdaId, row.kriteriaId) };
}

async function hasilJawaban(db: Db, a: Aktor, opd: string, tahun: number, row: BarisEvaluasi, kode: string, versi: BarisVersi, fakta?: Map<FaktaLke, Fakta>): Promise<HasilJawaban> {
  const b = await bahan(db, a, opd, tahun, row, { kode, fakta, versi });
  return { kriteria: barisKriteria(b, kode), nilai: sajikanTigaNilai(nilaiTingkat(b.versi.isi, b.jawaban)) };
}

export interface IsiJawaban {
  tingkat: TingkatLke;
  version: number;
  jawaban: JawabanLke | null;
  catatan: string | null;
  tautan: string[];
  fakta: boolean;
}

export async function simpanJawaban(k: KonteksPerintah, opd: string, tahun: number, kode: string, input: IsiJawaban): Promise<HasilJawaban> {
  return k.db.transaction(async (tx) => {
    const { row, versi } = await untukMenjawab(tx, k.aktor, opd, tahun, input.tingkat);
    const isi = versi.isi;
    const pemdaId = k.aktor.pemdaId;
    const c = daftarKriteria(isi).find((x) => x.kriteria.kode === kode)?.kriteria;
    if (!c) throw new TidakDitemukan(`kriteria ${kode} tidak ada pada versi kriteria evaluasi ini`);
    if (input.jawaban !== null && !PILIHAN_JAWABAN[c.jenis].includes(input.jawaban)) {
      throw new MasukanTidakSah([{ path: 'jawaban', message: `kriteria ${kode} dijawab ${PILIHAN_JAWABAN[c.jenis].join(', ')}` }]);
    }
    const [lama] = await tx
      .select()
      .from(t.jawabanLke)
      .where(and(eq(t.jawabanLke.pemdaId, pemdaId), eq(t.jawabanLke.evaluasiId, row.id), eq(t.jawabanLke.kriteriaKode, kode), eq(t.jawabanLke.tingkat, input.tingkat)))
      .for('update');
    if ((lama?.version ?? 0) !== input.version) throw new VersiUsang<HasilJawaban>(await hasilJawaban(tx, k.aktor, opd, tahun, row, kode, versi));
    let fakta: BuktiJawaban['fakta'] = [];
    let terbaca: Map<FaktaLke, Fakta> | undefined;
    if (input.fakta) {
      if (c.fakta === undefined) throw new MasukanTidakSah([{ path: 'fakta', message: `kriteria ${kode} tidak punya fakta catatan SIKIPER` }]);
      terbaca = await bacaFakta(tx, { id: pemdaId, slug: k.aktor.pemdaSlug }, opd, tahun);
      const f = terbaca.get(c.fakta as FaktaLke);
      if (f) fakta = [{ kode: f.kode, uraian: f.uraian, sumber: f.sumber }];
    }
    const catatan = input.catatan?.trim() || null;
    const bukti: BuktiJawaban = { tautan: [...new Set(input.tautan.map((x) => x.trim()))], fakta };
    const key = `${opd}/${tahun}/${kode}/${input.tingkat}`;
    const changes: Perubahan[] = [];
    const beda = (field: string, a: unknown, b: unknown) => {
      if (!isDeepStrictEqual(a, b)) changes.push({ entity: 'jawaban_lke', entityKey: key, field, lama: a, baru: b });
    };
    beda('jawaban', lama?.jawaban ?? null, input.jawaban);
    beda('catatan', lama?.catatan ?? null, catatan);
    beda('tautan', lama?.bukti.tautan ?? [], bukti.tautan);
    beda('fakta', lama?.bukti.fakta ?? [], bukti.fakta);
    if (changes.length > 0) {
      if (lama) {
        await tx
          .update(t.jawabanLke)
          .set({ jawaban: input.jawaban, catatan, bukti, diubahOleh: k.aktor.id, diubahPada: k.sekarang, version: lama.version + 1 })
          .where(and(eq(t.jawabanLke.pemdaId, pemdaId), eq(t.jawabanLke.id, lama.id)));
      } else {
        await tx.insert(t.jawabanLke).values({ pemdaId, id: newId(), evaluasiId: row.id, kriteriaKode: kode, tingkat: input.tingkat, jawaban: input.jawaban, catatan, bukti, diubahOleh: k.aktor.id, diubahPada: k.sekarang });
      }
      await catatAudit(tx, audit(k), changes);
    }
    return hasilJawaban(tx, k.aktor, opd, tahun, row, kode, versi, terbaca);
  });
}

/** The checks of an upload, run before its body is read: who may attach a file now, and to which tier. */
export async function tingkatUnggah(db: Db, a: Aktor, opd: string, tahun: number): Promise<TingkatLke> {
  await bacaOpdUntuk(db, a, opd);
  const row = await barisEvaluasi(db, a.pemdaId, opd, tahun);
  if (!row?.tahap) throw new StatusTidakSesuai(`evaluasi per kriteria ${opd} tahun ${tahun} belum dimulai`);
  if (row.tahap === 'final') throw new StatusTidakSesuai('evaluasi telah final');
  if (!boleh(a, TINDAKAN_TINGKAT[row.tahap](opd))) throw new Dilarang(`tidak berwenang mengisi jawaban tingkat ${NAMA_TAHAP[row.tahap]}`);
  return row.tahap;
}

/** Attaches an evidence file to the answer of the tier whose stage it is. */
export async function unggahBuktiLke(k: KonteksPerintah, opd: string, tahun: number, kode: string, berkas: { nama: string; isi: Buffer }): Promise<BerkasBukti> {
  const mime = deteksiMime(berkas.isi);
  return k.db.transaction(async (tx) => {
    const tingkat = await tingkatUnggah(tx, k.aktor, opd, tahun);
    const { row, versi } = await untukMenjawab(tx, k.aktor, opd, tahun, tingkat);
    if (!daftarKriteria(versi.isi).some((x) => x.kriteria.kode === kode)) throw new TidakDitemukan(`kriteria ${kode} tidak ada`);
    if (!mime) throw new MasukanTidakSah([{ path: 'berkas', message: 'berkas harus PDF, PNG atau JPEG' }]);
    const id = newId();
    const nama = namaAman(berkas.nama, mime);
    const sha256 = createHash('sha256').update(berkas.isi).digest('hex');
    await tx.insert(t.buktiLke).values({
      pemdaId: k.aktor.pemdaId,
      id,
      evaluasiId: row.id,
      kriteriaKode: kode,
      tingkat,
      namaAsli: nama,
      mime,
      ukuran: berkas.isi.length,
      sha256,
      isi: berkas.isi,
      diunggahOleh: k.aktor.id,
      diunggahPada: k.sekarang,
    });
    await catatAudit(tx, audit(k), [{ entity: 'jawaban_lke', entityKey: `${opd}/${tahun}/${kode}/${tingkat}`, field: 'berkas', lama: null, baru: { id, nama, sha256, ukuran: berkas.isi.length } }]);
    return { id, nama, tingkat, ukuran: berkas.isi.length, mime };
  });
}

/** Removes an evidence file of the tier whose stage it is. */
export async function hapusBuktiLke(k: KonteksPerintah, opd: string, tahun: number, id: string): Promise<void> {
  await k.db.transaction(async (tx) => {
    await bacaOpdUntuk(tx, k.aktor, opd);
    const row0 = await barisEvaluasi(tx, k.aktor.pemdaId, opd, tahun);
    const [f] = row0
      ? await tx
          .select({ id: t.buktiLke.id, tingkat: t.buktiLke.tingkat, kode: t.buktiLke.kriteriaKode, nama: t.buktiLke.namaAsli, sha256: t.buktiLke.sha256 })
          .from(t.buktiLke)
          .where(and(eq(t.buktiLke.pemdaId, k.aktor.pemdaId), eq(t.buktiLke.id, id), eq(t.buktiLke.evaluasiId, row0.id)))
      : [];
    if (!f) throw new TidakDitemukan('bukti tidak ada');
    await untukMenjawab(tx, k.aktor, opd, tahun, f.tingkat);
    await tx.delete(t.buktiLke).where(and(eq(t.buktiLke.pemdaId, k.aktor.pemdaId), eq(t.buktiLke.id, id)));
    await catatAudit(tx, audit(k), [{ entity: 'jawaban_lke', entityKey: `${opd}/${tahun}/${f.kode}/${f.tingkat}`, field: 'berkas', lama: { id: f.id, nama: f.nama, sha256: f.sha256 }, baru: null }]);
  });
}

/** An evidence file, for whoever reads the OPD. */
export async function ambilBuktiLke(db: Db, a: Aktor, id: string) {
  const [f] = await db
    .select({ isi: t.buktiLke.isi, mime: t.buktiLke.mime, namaAsli: t.buktiLke.namaAsli, sha256: t.buktiLke.sha256, opd: t.evaluasiSakip.opdSlug })
    .from(t.buktiLke)
    .innerJoin(t.evaluasiSakip, and(eq(t.evaluasiSakip.pemdaId, t.buktiLke.pemdaId), eq(t.evaluasiSakip.id, t.buktiLke.evaluasiId)))
    .where(and(eq(t.buktiLke.pemdaId, a.pemdaId), eq(t.buktiLke.id, id)));
  if (!f) throw new TidakDitemukan('bukti tidak ada');
  await bacaOpdUntuk(db, a, f.opd);
  return f;
}

// ---------------------------------------------------------------- recap and LHE

const saji2 = (r: Rational) => r.toNumber(2);

/** Every OPD's evaluation of a year (criterion-level or the twelve shares), ranked by total. */
export async function rekapLke(db: Db, a: Aktor, tahun: number): Promise<{ rekap: RekapLke; baris: BarisRekapLke[] }> {
  if (!boleh(a, { aksi: 'lke:rekap' })) throw new Dilarang('rekap evaluasi untuk pembaca seluruh pemda');
  const semua = await daftarOpd(db, a.pemdaId);
  const rows = await db.select().from(t.evaluasiSakip).where(and(eq(t.evaluasiSakip.pemdaId, a.pemdaId), eq(t.evaluasiSakip.tahun, tahun)));
  const lke = await nilaiAkhirEvaluasi(db, a.pemdaId, rows);
  const baris: BarisRekapLke[] = semua.map((o) => {
    const row = rows.find((r) => r.opdSlug === o.slug);
    const rekomendasi = row?.rekomendasi ?? [];
    const umum = { opd: o.slug, nama: o.nama, rekomendasi: rekomendasi.length, rekomendasiSelesai: rekomendasi.filter((r) => statusRekomendasi(r) === 'selesai').length };
    if (!row) return { ...umum, tahap: null, total: null, predikat: null, komponen: [] };
    const n = lke.get(row.id);
    if (n) {
      const h = n.nilai.akhir;
      return {
        ...umum,
        tahap: row.tahap,
        total: h.total.toFixed(10),
        predikat: h.predikat,
        komponen: h.komponen.map((x) => ({ kode: x.kode, nama: n.isi.komponen.find((c) => c.kode === x.kode)?.nama ?? x.kode, bobot: x.bobot, nilai: x.nilai.toFixed(10) })),
      };
    }
    const h = hitungLke(row.skor);
    return {
      ...umum,
      tahap: 'ringkas',
      total: h.total.toFixed(10),
      predikat: h.predikat,
      komponen: h.komponen.map((x) => ({ kode: x.kode, nama: KOMPONEN_LKE.find((c) => c.kode === x.kode)?.nama ?? x.kode, bobot: x.bobot, nilai: x.nilai.toFixed(10) })),
    };
  });
  baris.sort((x, y) => (x.total === null ? 1 : 0) - (y.total === null ? 1 : 0) || (x.total !== null && y.total !== null ? Rational.from(y.total).cmp(Rational.from(x.total)) : 0));
  const rekap: RekapLke = {
    tahun,
    baris: baris.map((b) => ({
      opd: b.opd,
      nama: b.nama,
      tahap: b.tahap,
      total: b.total === null ? null : saji2(Rational.from(b.total)),
      predikat: b.predikat,
      // Equal exact totals share a rank (1, 2, 2, 4).
      peringkat: b.total === null ? null : 1 + baris.filter((x) => x.total !== null && Rational.from(x.total).cmp(Rational.from(b.total as string)) > 0).length,
      komponen: b.komponen.map((x) => ({ kode: x.kode, nama: x.nama, bobot: x.bobot, nilai: saji2(Rational.from(x.nilai)) })),
      rekomendasi: b.rekomendasi,
      rekomendasiSelesai: b.rekomendasiSelesai,
    })),
  };
  return { rekap, baris };
}

function nilaiLhe(isi: IsiKriteriaLke, h: HasilLkeKriteria): NilaiLhe {
  return {
    total: h.total.toFixed(10),
    predikat: h.predikat,
    komponen: h.komponen.map((k) => {
      const c = isi.komponen.find((x) => x.kode === k.kode);
      return { kode: k.kode, nama: c?.nama ?? k.kode, bobot: k.bobot, nilai: k.nilai.toFixed(10), sub: k.sub.map((s) => ({ kode: s.kode, nama: c?.sub.find((x) => x.kode === s.kode)?.nama ?? s.kode, bobot: s.bobot, nilai: s.nilai.toFixed(10) })) };
    }),
  };
}

/** What the LHE of an OPD-year prints (src/report/lhe.ts). */
export async function dataLhe(db: Db, a: Aktor, opd: string, tahun: number): Promise<DataLhe> {
  await bacaOpdUntuk(db, a, opd);
  return dataLhePemda(db, a.pemdaId, opd, tahun);
}

/** The LHE's data without an actor (the command line, which acts for the whole installation). */
export async function dataLhePemda(db: Db, pemdaId: string, opd: string, tahun: number): Promise<DataLhe> {
  const a = { pemdaId };
  const row = await barisEvaluasi(db, a.pemdaId, opd, tahun);
  if (!row?.kriteriaId || !row.tahap) throw new TidakDitemukan(`belum ada evaluasi per kriteria ${opd} tahun ${tahun}`);
  const v = await bacaVersi(db, a.pemdaId, row.kriteriaId);
  const jawaban = await db.select().from(t.jawabanLke).where(and(eq(t.jawabanLke.pemdaId, a.pemdaId), eq(t.jawabanLke.evaluasiId, row.id)));
  const n = nilaiTingkat(v.isi, jawaban);
  const temuan = daftarKriteria(v.isi).flatMap(({ komponen, kriteria }) => {
    const per = (tk: TingkatLke) => jawaban.find((j) => j.kriteriaKode === kriteria.kode && j.tingkat === tk);
    const akhir = berlaku({ mandiri: (per('mandiri')?.jawaban as JawabanLke | null) ?? null, evaluator: (per('evaluator')?.jawaban as JawabanLke | null) ?? null, supervisor: (per('supervisor')?.jawaban as JawabanLke | null) ?? null }).akhir;
    if (akhir === 'Y' || akhir === 'A') return [];
    const catatan = per('supervisor')?.catatan ?? per('evaluator')?.catatan ?? per('mandiri')?.catatan ?? null;
    return [{ kode: kriteria.kode, teks: kriteria.teks, komponen: komponen.nama, jawaban: akhir, catatan }];
  });
  let disetujui: DataLhe['disetujui'] = null;
  if (row.tahap === 'final') {
    const [r] = await db
      .select({ pada: t.auditLog.at, nama: t.pengguna.nama })
      .from(t.auditLog)
      .leftJoin(t.pengguna, and(eq(t.pengguna.pemdaId, t.auditLog.pemdaId), eq(t.pengguna.id, t.auditLog.penggunaId)))
      .where(and(eq(t.auditLog.pemdaId, a.pemdaId), eq(t.auditLog.entity, 'evaluasi_sakip'), eq(t.auditLog.entityKey, `${opd}/${tahun}`), eq(t.auditLog.field, 'tahap')))
      .orderBy(desc(t.auditLog.at), desc(t.auditLog.urutan))
      .limit(1);
    if (r) disetujui = { nama: r.nama ?? '', pada: r.pada.toISOString() };
  }
  const rek = (r: RekomendasiEvaluasi) => ({ teks: r.teks, tindakLanjut: r.tindakLanjut, status: statusRekomendasi(r) });
  const lalu = await barisEvaluasi(db, a.pemdaId, opd, tahun - 1);
  return {
    opd,
    tahun,
    kriteria: { kode: v.kode, nama: v.nama, regulasi: v.regulasi },
    tahap: row.tahap,
    disetujui,
    mandiri: nilaiLhe(v.isi, n.mandiri),
    akhir: nilaiLhe(v.isi, n.akhir),
    temuan,
    rekomendasi: row.rekomendasi.map(rek),
    rekomendasiLalu: (lalu?.rekomendasi ?? []).map(rek),
  };
}

/** The final score of a criterion-level evaluation, for the evaluation summary. */
export { nilaiAkhirEvaluasi } from './lke-nilai.ts';
export { KODE_KRITERIA_BAWAAN };
