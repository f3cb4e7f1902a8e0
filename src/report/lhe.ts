/**
 * The Laporan Hasil Evaluasi (LHE) Akuntabilitas Kinerja of one OPD-year: the criterion-level SAKIP
 * evaluation (LKE, src/report/lhe-data.ts) as a document of the Inspektorat: the scores per
 * component and sub-component (the OPD's self-assessment and the final score), the grade with its
 * scale, the findings, the recommendations and the follow-up of the previous year's. Scores are
 * the exact strings the engine computed, printed with 2 decimals; nothing is recomputed. Before
 * the evaluation is final the document says it is a draft. Sparse data is said as it is: no
 * findings, no recommendations, unanswered criteria ("—").
 */
import type { Dataset, OpdData } from '../dataset/schema.ts';
import { formatAngka, formatTanggal, Rational, type PredikatSakip } from '../engine/index.ts';
import { NotFoundError } from '../measure/konteks.ts';
import type { DataLhe, NilaiLhe } from './lhe-data.ts';
import type { Block, Cell, Letterhead, ReportDocument } from './model.ts';
import { c, h, num, p, tabel } from './teks.ts';

/** Printed for a missing answer, note or score. */
export const KOSONG = '—';

/** An exact decimal string with 2 decimals, the Indonesian way: "72.4583333333" → "72,46". */
export function nilaiLhe(s: string): string {
  return formatAngka(Rational.from(s), 2);
}

/** The grade scale of PermenPAN-RB 88/2021, from the top. */
export const SKALA_PREDIKAT: ReadonlyArray<{ predikat: PredikatSakip; rentang: string; makna: string }> = [
  { predikat: 'AA', rentang: '> 90 – 100', makna: 'Sangat Memuaskan' },
  { predikat: 'A', rentang: '> 80 – 90', makna: 'Memuaskan' },
  { predikat: 'BB', rentang: '> 70 – 80', makna: 'Sangat Baik' },
  { predikat: 'B', rentang: '> 60 – 70', makna: 'Baik' },
  { predikat: 'CC', rentang: '> 50 – 60', makna: 'Cukup (Memadai)' },
  { predikat: 'C', rentang: '> 30 – 50', makna: 'Kurang' },
  { predikat: 'D', rentang: '0 – 30', makna: 'Sangat Kurang' },
];

const TAHAP: Record<Exclude<DataLhe['tahap'], 'final'>, string> = {
  mandiri: 'penilaian mandiri oleh perangkat daerah',
  evaluator: 'penilaian oleh evaluator Inspektorat',
  supervisor: 'reviu oleh pengendali teknis',
};

export const STATUS_TINDAK_LANJUT: Record<DataLhe['rekomendasiLalu'][number]['status'], string> = { belum: 'Belum', proses: 'Dalam proses', selesai: 'Selesai' };

/** The draft notice, or undefined when the evaluation is final. */
export function teksDraf(tahap: DataLhe['tahap']): string | undefined {
  return tahap === 'final' ? undefined : `Draf: evaluasi masih pada tahap ${TAHAP[tahap]}; nilai dapat berubah.`;
}

const bobot = (x: number): string => formatAngka(x, 2, { buangNolBelakang: true });

function kopInspektorat(d: Dataset): Letterhead {
  return { lines: [`PEMERINTAH ${d.pemda.nama.toUpperCase()}`, 'INSPEKTORAT'] };
}

/** Rows of the score table: each component (bold) with its sub-components, then the total. */
function barisNilai(mandiri: NilaiLhe, akhir: NilaiLhe): Cell[][] {
  const mKomponen = new Map(mandiri.komponen.map((k) => [k.kode, k]));
  const rows: Cell[][] = [];
  for (const k of akhir.komponen) {
    const m = mKomponen.get(k.kode);
    rows.push([c(`${k.kode} ${k.nama}`, { bold: true }), num(bobot(k.bobot), { bold: true }), num(m ? nilaiLhe(m.nilai) : KOSONG, { bold: true }), num(nilaiLhe(k.nilai), { bold: true })]);
    const mSub = new Map((m?.sub ?? []).map((x) => [x.kode, x]));
    for (const s of k.sub) {
      const ms = mSub.get(s.kode);
      rows.push([c(`${s.kode} ${s.nama}`), num(bobot(s.bobot)), num(ms ? nilaiLhe(ms.nilai) : KOSONG), num(nilaiLhe(s.nilai))]);
    }
  }
  const totalBobot = akhir.komponen.reduce((a, k) => a + k.bobot, 0);
  rows.push([c('Jumlah', { bold: true }), num(bobot(totalBobot), { bold: true }), num(nilaiLhe(mandiri.total), { bold: true }), num(nilaiLhe(akhir.total), { bold: true })]);
  return rows;
}

function bagianNilai(opd: OpdData, tahun: number, data: DataLhe): Block[] {
  const akhir = data.akhir;
  const skala = SKALA_PREDIKAT.find((s) => s.predikat === akhir.predikat);
  const sementara = data.tahap === 'final' ? '' : ' sementara';
  return [
    h(2, 'A. Nilai Hasil Evaluasi'),
    p(
      `Nilai penilaian mandiri ${opd.nama} adalah ${nilaiLhe(data.mandiri.total)} dan nilai akhir${sementara} hasil evaluasi adalah ${nilaiLhe(akhir.total)}, dengan rincian per komponen dan sub komponen sebagai berikut.`,
    ),
    tabel(
      `Tabel 1 Nilai Evaluasi Akuntabilitas Kinerja ${opd.nama} Tahun ${tahun}`,
      [{ width: 5 }, { width: 1.2, align: 'right' }, { width: 1.8, align: 'right' }, { width: 1.6, align: 'right' }],
      [[c('Komponen'), c('Bobot'), c('Nilai penilaian mandiri'), c('Nilai akhir')]],
      barisNilai(data.mandiri, akhir),
    ),
    h(2, 'B. Predikat'),
    p([
      { text: `Dengan nilai akhir${sementara} ${nilaiLhe(akhir.total)}, akuntabilitas kinerja ${opd.nama} tahun ${tahun} memperoleh predikat ` },
      { text: akhir.predikat, bold: true },
      { text: skala ? ` (${skala.makna}).` : '.' },
    ]),
    p('Predikat ditetapkan dari nilai akhir menurut skala berikut.'),
    tabel(
      'Tabel 2 Skala Predikat Evaluasi Akuntabilitas Kinerja',
      [{ width: 1, align: 'center' }, { width: 1.6, align: 'center' }, { width: 3 }],
      [[c('Predikat'), c('Nilai'), c('Interpretasi')]],
      SKALA_PREDIKAT.map((s) => {
        const ini = s.predikat === akhir.predikat;
        return [c(s.predikat, { bold: ini }), c(s.rentang, { bold: ini }), c(s.makna, { bold: ini })];
      }),
    ),
  ];
}

function bagianTemuan(data: DataLhe): Block[] {
  const blocks: Block[] = [h(2, 'C. Temuan')];
  if (data.temuan.length === 0) {
    blocks.push(p('Tidak ada kriteria dengan jawaban akhir di bawah nilai penuh, sehingga tidak ada temuan yang dicatat.'));
    return blocks;
  }
  blocks.push(
    p(`Terdapat ${data.temuan.length} kriteria dengan jawaban akhir di bawah nilai penuh atau belum dijawab, sebagai berikut.`),
    tabel(
      'Tabel 3 Temuan Hasil Evaluasi',
      [{ width: 0.9 }, { width: 4.5 }, { width: 0.9, align: 'center' }, { width: 3.5 }],
      [[c('Kode'), c('Kriteria'), c('Jawaban'), c('Catatan')]],
      data.temuan.map((t) => [c(t.kode), c(t.teks), c(t.jawaban ?? KOSONG), c(t.catatan?.trim() ? t.catatan : KOSONG)]),
      { small: true },
    ),
  );
  return blocks;
}

function bagianRekomendasi(data: DataLhe): Block[] {
  const blocks: Block[] = [h(2, 'D. Rekomendasi')];
  if (data.rekomendasi.length === 0) {
    blocks.push(p('Tidak ada rekomendasi yang diberikan dalam evaluasi ini.'));
    return blocks;
  }
  blocks.push(
    p('Untuk meningkatkan akuntabilitas kinerja, direkomendasikan hal-hal berikut.'),
    tabel('Tabel 4 Rekomendasi', [{ width: 0.5, align: 'center' }, { width: 9 }], [[c('No'), c('Rekomendasi')]], data.rekomendasi.map((r, i) => [c(String(i + 1)), c(r.teks)])),
  );
  return blocks;
}

function bagianTindakLanjut(tahun: number, data: DataLhe): Block[] {
  const blocks: Block[] = [h(2, `E. Tindak Lanjut Rekomendasi Evaluasi Tahun ${tahun - 1}`)];
  const list = data.rekomendasiLalu;
  if (list.length === 0) {
    blocks.push(p(`Tidak ada rekomendasi hasil evaluasi tahun ${tahun - 1} yang tercatat, sehingga tidak ada tindak lanjut yang dilaporkan.`));
    return blocks;
  }
  const n = (s: 'belum' | 'proses' | 'selesai') => list.filter((r) => r.status === s).length;
  blocks.push(
    p(`Dari ${list.length} rekomendasi hasil evaluasi tahun ${tahun - 1}, ${n('selesai')} selesai ditindaklanjuti, ${n('proses')} dalam proses dan ${n('belum')} belum ditindaklanjuti.`),
    tabel(
      `Tabel 5 Tindak Lanjut Rekomendasi Evaluasi Tahun ${tahun - 1}`,
      [{ width: 0.5, align: 'center' }, { width: 4 }, { width: 4 }, { width: 1.3, align: 'center' }],
      [[c('No'), c('Rekomendasi'), c('Tindak lanjut'), c('Status')]],
      list.map((r, i) => [c(String(i + 1)), c(r.teks), c(r.tindakLanjut?.trim() ? r.tindakLanjut : KOSONG), c(STATUS_TINDAK_LANJUT[r.status])]),
    ),
  );
  return blocks;
}

function penutup(d: Dataset, opd: OpdData, data: DataLhe): Block[] {
  const blocks: Block[] = [
    h(2, 'F. Penutup'),
    p(`Demikian laporan hasil evaluasi ini disusun sebagai bahan perbaikan akuntabilitas kinerja ${opd.nama}.`),
  ];
  if (data.disetujui) {
    const tanggal = formatTanggal(data.disetujui.pada.slice(0, 10));
    const nama = data.disetujui.nama.trim();
    // The approver's name as recorded; an account since removed has none, and then none is printed.
    blocks.push(p(`Disetujui oleh ${nama || 'pengendali teknis'} pada ${tanggal}.`, false));
    if (nama) {
      blocks.push({
        type: 'signature',
        placeDate: `${d.pemda.ibukota ?? d.pemda.nama}, ${tanggal}`,
        signatories: [{ titleLines: ['Pengendali Teknis', `Inspektorat ${d.pemda.nama}`], name: nama }],
      });
    }
  } else {
    blocks.push(p('Laporan ini belum disetujui oleh pengendali teknis.', false));
  }
  return blocks;
}

export function susunLhe(d: Dataset, opdSlug: string, tahun: number, data: DataLhe): ReportDocument {
  const opd = d.opd.find((o) => o.slug === opdSlug);
  if (!opd) throw new NotFoundError(`OPD "${opdSlug}" tidak ada di pemda "${d.pemda.slug}"`);
  if (data.tahun !== tahun) throw new Error(`data LHE tahun ${data.tahun} diminta untuk tahun ${tahun}`);
  const draf = teksDraf(data.tahap);
  const blocks: Block[] = [
    h(1, `LAPORAN HASIL EVALUASI AKUNTABILITAS KINERJA ${opd.nama.toUpperCase()} TAHUN ${tahun}`),
    ...(draf ? [p([{ text: draf, bold: true }], false)] : []),
    p(
      `Evaluasi akuntabilitas kinerja atas ${opd.nama} ${d.pemda.nama} tahun ${tahun} dilaksanakan berdasarkan ${data.kriteria.regulasi}, dengan kriteria ${data.kriteria.nama} (versi ${data.kriteria.kode}). ` +
        'Setiap kriteria dijawab lebih dahulu oleh perangkat daerah sebagai penilaian mandiri, kemudian dinilai oleh evaluator Inspektorat dan direviu oleh pengendali teknis; kriteria yang belum dijawab bernilai nol.',
    ),
    ...bagianNilai(opd, tahun, data),
    ...bagianTemuan(data),
    ...bagianRekomendasi(data),
    ...bagianTindakLanjut(tahun, data),
    ...penutup(d, opd, data),
  ];
  return {
    title: `Laporan Hasil Evaluasi Akuntabilitas Kinerja ${opd.nama} Tahun ${tahun}`,
    author: `Inspektorat ${d.pemda.nama}`,
    sections: [{ orientation: 'portrait', pageNumbers: 'arabic', letterhead: kopInspektorat(d), blocks }],
  };
}
