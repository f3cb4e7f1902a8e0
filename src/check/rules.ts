/**
 * Validation rules over recorded data. Each finding says where (OPD, year, document, code),
 * what is wrong and the figures involved, so a planner can go straight to the line.
 * They find the kind of inconsistencies that hand-typed reports carry.
 */
import type { AnggaranVersiData, Dataset, NodeRenjaData, OpdData, TahunOpdData } from '../dataset/schema.ts';
import { formatAngka } from '../engine/index.ts';

export type Tingkat = 'galat' | 'peringatan';

export interface Temuan {
  aturan: AturanKode;
  tingkat: Tingkat;
  /** Where: "disnakertrans / 2023 / dpa-perubahan / 2.07.01". */
  lokasi: string;
  pesan: string;
  /** The figures involved, as JSON numbers. */
  nilai: Record<string, number | string>;
}

export const ATURAN = {
  'anak-tidak-sama-induk': 'Jumlah anak tidak sama dengan induknya (pagu/realisasi program, kegiatan, sub kegiatan)',
  'kelompok-belanja': 'Kelompok belanja tidak sama dengan jumlah rinciannya atau dengan total program',
  'anggaran-beda-dokumen': 'Baris anggaran yang sama bernilai beda di Renja, DPA dan Perjanjian Kinerja',
  'realisasi-melebihi-pagu': 'Realisasi anggaran melebihi pagu',
  'target-pk-beda-renstra': 'Target Perjanjian Kinerja berbeda dengan target Renstra tahun itu',
  'pembilang-melebihi-penyebut': 'Pembilang lebih besar dari penyebut pada indikator persentase',
  'triwulan-hilang': 'Realisasi triwulan belum lengkap',
  'bukti-kosong': 'Realisasi yang diajukan atau disetujui tanpa bukti dukung',
  'target-tidak-ada': 'Indikator tanpa target untuk tahun itu',
} as const;
export type AturanKode = keyof typeof ATURAN;

const rp = (x: number) => formatAngka(x, 0);

interface Ctx {
  opd: OpdData;
  year: TahunOpdData;
  out: Temuan[];
}

function lokasi(c: Ctx, ...parts: string[]): string {
  return [c.opd.slug, String(c.year.tahun), ...parts].join(' / ');
}

function childrenSum(c: Ctx, nodes: NodeRenjaData[], amount: (kode: string) => { pagu: number; realisasi?: number } | undefined, doc: string): void {
  const children = new Map<string, NodeRenjaData[]>();
  for (const n of nodes) {
    if (!n.induk || (n.level !== 'kegiatan' && n.level !== 'sub-kegiatan')) continue;
    const list = children.get(n.induk);
    if (list) list.push(n);
    else children.set(n.induk, [n]);
  }
  for (const parent of nodes) {
    const kids = children.get(parent.kode) ?? [];
    if (kids.length === 0 || (parent.level !== 'program' && parent.level !== 'kegiatan')) continue;
    const p = amount(parent.kode);
    const parts = kids.map((k) => amount(k.kode));
    if (!p || parts.some((x) => x === undefined)) continue;
    for (const field of ['pagu', 'realisasi'] as const) {
      const pv = p[field];
      if (pv === undefined) continue;
      const total = parts.reduce((a, x) => a + (x?.[field] ?? 0), 0);
      if (total !== pv) {
        c.out.push({
          aturan: 'anak-tidak-sama-induk',
          tingkat: 'galat',
          lokasi: lokasi(c, doc, parent.kode),
          pesan: `${field} ${parent.level} "${parent.nama}" Rp${rp(pv)} tidak sama dengan jumlah ${kids.length} ${kids[0]?.level ?? ''} di bawahnya Rp${rp(total)} (selisih Rp${rp(pv - total)})`,
          nilai: { [field]: pv, jumlahAnak: total, selisih: pv - total },
        });
      }
    }
  }
}

function budgetRules(c: Ctx, nodes: NodeRenjaData[]): void {
  const byKode = new Map(nodes.map((n) => [n.kode, n]));
  // Renja pagu tree.
  childrenSum(c, nodes, (k) => {
    const n = byKode.get(k);
    return n?.pagu === undefined ? undefined : { pagu: n.pagu };
  }, 'renja');
  for (const a of c.year.anggaran) {
    const rows = new Map(a.baris.map((b) => [b.kode, b]));
    childrenSum(c, nodes, (k) => rows.get(k), a.versi);
    for (const b of a.baris) {
      if (b.realisasi > b.pagu) {
        c.out.push({
          aturan: 'realisasi-melebihi-pagu',
          tingkat: 'galat',
          lokasi: lokasi(c, a.versi, b.kode),
          pesan: `realisasi Rp${rp(b.realisasi)} melebihi pagu Rp${rp(b.pagu)}`,
          nilai: { pagu: b.pagu, realisasi: b.realisasi },
        });
      }
      const n = byKode.get(b.kode);
      if (n?.pagu !== undefined && n.pagu !== b.pagu) {
        c.out.push({
          aturan: 'anggaran-beda-dokumen',
          tingkat: 'galat',
          lokasi: lokasi(c, a.versi, b.kode),
          pesan: `pagu "${n.nama}" di Renja Rp${rp(n.pagu)} tetapi di ${a.versi.toUpperCase()} Rp${rp(b.pagu)}`,
          nilai: { renja: n.pagu, [a.versi]: b.pagu, selisih: b.pagu - n.pagu },
        });
      }
    }
    accountGroups(c, a, nodes);
  }
  const dpa = c.year.anggaran.find((a) => a.versi === 'dpa-perubahan') ?? c.year.anggaran[0];
  const dpaRows = new Map((dpa?.baris ?? []).map((b) => [b.kode, b]));
  for (const pk of c.year.pk) {
    for (const row of pk.anggaran) {
      const reference = dpaRows.get(row.kegiatan)?.pagu ?? byKode.get(row.kegiatan)?.pagu;
      const source = dpaRows.has(row.kegiatan) ? (dpa?.versi ?? 'dpa').toUpperCase() : 'Renja';
      if (reference !== undefined && reference !== row.pagu) {
        c.out.push({
          aturan: 'anggaran-beda-dokumen',
          tingkat: 'galat',
          lokasi: lokasi(c, `pk v${pk.versi}`, row.kegiatan),
          pesan: `anggaran "${byKode.get(row.kegiatan)?.nama ?? row.kegiatan}" di ${pk.nama} Rp${rp(row.pagu)} tetapi di ${source} Rp${rp(reference)}`,
          nilai: { pk: row.pagu, [source.toLowerCase()]: reference, selisih: row.pagu - reference },
        });
      }
      const parent = byKode.get(row.kegiatan)?.induk;
      if (parent !== undefined && parent !== row.program) {
        c.out.push({
          aturan: 'anggaran-beda-dokumen',
          tingkat: 'galat',
          lokasi: lokasi(c, `pk v${pk.versi}`, row.kegiatan),
          pesan: `kegiatan ${row.kegiatan} tercantum di bawah program ${row.program}, padahal di Renja di bawah ${parent}`,
          nilai: { programPk: row.program, programRenja: parent },
        });
      }
    }
  }
}

function accountGroups(c: Ctx, a: AnggaranVersiData, nodes: NodeRenjaData[]): void {
  const g = new Map(a.kelompok.map((k) => [k.kelompok, k]));
  const compare = (whole: string, parts: string[]) => {
    const w = g.get(whole as never);
    const ps = parts.map((p) => g.get(p as never));
    if (!w || ps.some((p) => !p)) return;
    for (const field of ['pagu', 'realisasi'] as const) {
      const total = ps.reduce((s, p) => s + (p?.[field] ?? 0), 0);
      if (total !== w[field]) {
        c.out.push({
          aturan: 'kelompok-belanja',
          tingkat: 'galat',
          lokasi: lokasi(c, a.versi, `kelompok ${whole}`),
          pesan: `${field} belanja ${whole} Rp${rp(w[field])} tidak sama dengan ${parts.join(' + ')} Rp${rp(total)}`,
          nilai: { [whole]: w[field], jumlah: total, selisih: w[field] - total },
        });
      }
    }
  };
  compare('belanja', ['operasi', 'modal']);
  compare('operasi', ['pegawai', 'barang-jasa', 'hibah']);
  compare('modal', ['modal-peralatan-mesin', 'modal-gedung-bangunan']);
  const total = g.get('belanja');
  if (total) {
    const programCodes = new Set(nodes.filter((n) => n.level === 'program').map((n) => n.kode));
    const programs = a.baris.filter((b) => programCodes.has(b.kode));
    for (const field of ['pagu', 'realisasi'] as const) {
      const sum = programs.reduce((s, b) => s + b[field], 0);
      if (programs.length > 0 && sum !== total[field]) {
        c.out.push({
          aturan: 'kelompok-belanja',
          tingkat: 'galat',
          lokasi: lokasi(c, a.versi, 'total'),
          pesan: `${field} total belanja Rp${rp(total[field])} tidak sama dengan jumlah program Rp${rp(sum)}`,
          nilai: { belanja: total[field], jumlahProgram: sum, selisih: total[field] - sum },
        });
      }
    }
  }
}

function indicatorRules(c: Ctx): void {
  const renstra = c.opd.renstra.find((r) => r.periodeAwal <= c.year.tahun && c.year.tahun <= r.periodeAkhir);
  const indikator = new Map((renstra?.sasaran ?? []).flatMap((s) => s.indikator).map((i) => [i.kode, i]));
  const pk = [...c.year.pk].sort((a, b) => b.versi - a.versi)[0];
  for (const row of pk?.kinerja ?? []) {
    const ind = indikator.get(row.indikator);
    const t = ind?.target.find((x) => x.tahun === c.year.tahun);
    if (!ind) continue;
    if (!t) {
      c.out.push({
        aturan: 'target-tidak-ada',
        tingkat: 'peringatan',
        lokasi: lokasi(c, 'renstra', row.indikator),
        pesan: `indikator "${ind.nama}" tidak punya target Renstra tahun ${c.year.tahun}`,
        nilai: { pk: row.target },
      });
    } else if (t.nilai !== row.target) {
      c.out.push({
        aturan: 'target-pk-beda-renstra',
        tingkat: 'peringatan',
        lokasi: lokasi(c, `pk v${pk?.versi ?? 0}`, row.indikator),
        pesan: `target "${ind.nama}" di ${pk?.nama ?? 'PK'} ${formatAngka(row.target, 2, { buangNolBelakang: true })} tetapi di Renstra ${formatAngka(t.nilai, 2, { buangNolBelakang: true })}`,
        nilai: { pk: row.target, renstra: t.nilai },
      });
    }
  }
  const allIndicators = new Map(
    [...(renstra?.sasaran ?? []).flatMap((s) => s.indikator), ...(renstra?.tujuan ?? []).flatMap((t) => t.indikator)].map((i) => [i.kode, i]),
  );
  const byIndicator = new Map<string, TahunOpdData['realisasi']>();
  for (const r of c.year.realisasi) {
    const list = byIndicator.get(r.indikator);
    if (list) list.push(r);
    else byIndicator.set(r.indikator, [r]);
  }
  for (const [kode, entries] of byIndicator) {
    const ind = allIndicators.get(kode);
    for (const r of entries) {
      const where = () => lokasi(c, 'realisasi', r.triwulan ? `${kode} TW${r.triwulan}` : kode);
      if (ind?.satuan === '%' && r.pembilang !== undefined && r.penyebut !== undefined && r.pembilang > r.penyebut) {
        c.out.push({
          aturan: 'pembilang-melebihi-penyebut',
          tingkat: 'galat',
          lokasi: where(),
          pesan: `pembilang ${formatAngka(r.pembilang, 0)} lebih besar dari penyebut ${formatAngka(r.penyebut, 0)}`,
          nilai: { pembilang: r.pembilang, penyebut: r.penyebut },
        });
      }
      if (r.status !== 'draf' && r.status !== 'ditolak' && r.bukti.length === 0) {
        c.out.push({
          aturan: 'bukti-kosong',
          tingkat: 'peringatan',
          lokasi: where(),
          pesan: `realisasi berstatus ${r.status} tanpa bukti dukung`,
          nilai: {},
        });
      }
    }
    const quarters = entries.filter((r) => r.triwulan !== undefined).map((r) => r.triwulan);
    if (quarters.length > 0 && !entries.some((r) => r.triwulan === undefined)) {
      const missing = [1, 2, 3, 4].filter((q) => !quarters.includes(q as 1 | 2 | 3 | 4));
      if (missing.length > 0) {
        c.out.push({
          aturan: 'triwulan-hilang',
          tingkat: 'peringatan',
          lokasi: lokasi(c, 'realisasi', kode),
          pesan: `triwulan ${missing.join(', ')} belum diisi`,
          nilai: { terisi: quarters.length },
        });
      }
    }
  }
}

export interface OpsiCek {
  opd?: string | undefined;
  tahun?: number | undefined;
}

export function periksaDataset(d: Dataset, opsi: OpsiCek = {}): Temuan[] {
  const out: Temuan[] = [];
  for (const opd of d.opd) {
    if (opsi.opd && opd.slug !== opsi.opd) continue;
    for (const year of opd.tahun) {
      if (opsi.tahun && year.tahun !== opsi.tahun) continue;
      const c: Ctx = { opd, year, out };
      const nodes = (year.renja.find((r) => r.versi === 'perubahan') ?? year.renja[0])?.node ?? [];
      budgetRules(c, nodes);
      indicatorRules(c);
    }
  }
  // Errors first; within a level, the order the rules found them.
  return out.map((t, i) => ({ t, i })).sort((a, b) => (a.t.tingkat === b.t.tingkat ? a.i - b.i : a.t.tingkat === 'galat' ? -1 : 1)).map((x) => x.t);
}
