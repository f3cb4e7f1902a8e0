/**
 * The Perjanjian Kinerja of any version: the statement, the signatures, the sasaran / indikator /
 * target table, the program / kegiatan / anggaran table, and the annex "Penjelasan Kinerja".
 */
import type { Dataset, OpdData, PerjanjianKinerjaData } from '../dataset/schema.ts';
import { formatAngka, formatTanggal } from '../engine/index.ts';
import { konteks, renjaTerakhir } from '../measure/konteks.ts';
import type { Block, Cell, ReportDocument, Signatory } from './model.ts';
import { NotFoundError } from '../measure/konteks.ts';
import { c, h, num, p, rp, tabel } from './teks.ts';

function signatory(role: string, s: PerjanjianKinerjaData['pihakPertama']): Signatory {
  return { titleLines: [role, s.jabatan], name: s.nama, ...(s.pangkat ? { rank: s.pangkat } : {}), ...(s.nip ? { nip: s.nip } : {}) };
}

/** `level` is the heading level of the document's parts: 2 on its own, 3 inside an LKJIP annex. */
export function blokPerjanjianKinerja(d: Dataset, opd: OpdData, tahun: number, pk: PerjanjianKinerjaData, level: 2 | 3 = 2): Block[] {
  const k = konteks(d, opd.slug, tahun);
  const sasaran = new Map(k.renstra.sasaran.map((s) => [s.kode, s]));
  const indikator = new Map(k.renstra.sasaran.flatMap((s) => s.indikator).map((i) => [i.kode, i]));
  const nodes = new Map(renjaTerakhir(k.data).map((n) => [n.kode, n]));
  const placeDate = `${pk.tempat ?? d.pemda.ibukota ?? d.pemda.nama}, ${pk.tanggal ? formatTanggal(pk.tanggal) : `${tahun}`}`;
  const signatures: Block = { type: 'signature', placeDate, signatories: [signatory('PIHAK KEDUA', pk.pihakKedua), signatory('PIHAK PERTAMA', pk.pihakPertama)] };

  const kinerja: Cell[][] = pk.kinerja.map((row, i) => [
    c(`${i + 1}.`),
    c(sasaran.get(row.sasaran)?.uraian ?? row.sasaran),
    c(indikator.get(row.indikator)?.nama ?? row.indikator),
    num(row.targetTeks ?? `${formatAngka(row.target, 2, { buangNolBelakang: true })}${indikator.get(row.indikator)?.satuan === '%' ? '%' : ''}`),
  ]);
  const programs = [...new Set(pk.anggaran.map((a) => a.program))];
  const anggaran: Cell[][] = programs.flatMap((prog, pi) => {
    const rows = pk.anggaran.filter((a) => a.program === prog);
    return rows.map((a, i) => [
      ...(i === 0 ? [c(`${pi + 1}. ${nodes.get(prog)?.nama ?? prog}`, { rowSpan: rows.length })] : []),
      c(`${i + 1}. ${nodes.get(a.kegiatan)?.nama ?? a.kegiatan}`),
      num(`Rp${rp(a.pagu)}`),
    ]);
  });
  const total = pk.anggaran.reduce((s, a) => s + a.pagu, 0);
  if (anggaran.length > 0) anggaran.push([c('Jumlah', { colSpan: 2, bold: true }), num(`Rp${rp(total)}`, { bold: true })]);

  const blocks: Block[] = [
    h(level, `${pk.nama.toUpperCase()} TAHUN ${tahun}`),
    p('Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:'),
    p(`Nama: ${pk.pihakPertama.nama}`, false),
    p(`Jabatan: ${pk.pihakPertama.jabatan}`, false),
    p('selanjutnya disebut pihak pertama,', false),
    p(`Nama: ${pk.pihakKedua.nama}`, false),
    p(`Jabatan: ${pk.pihakKedua.jabatan}`, false),
    p('selaku atasan langsung pihak pertama, selanjutnya disebut pihak kedua.', false),
    p('Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.'),
    p('Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi.'),
    signatures,
    { type: 'pageBreak' },
    tabel(
      `Perjanjian Kinerja Tahun ${tahun} ${opd.nama}`,
      [{ width: 0.5, align: 'center' }, { width: 3.2 }, { width: 3.6 }, { width: 1.2, align: 'right' }],
      [[c('No'), c('Sasaran'), c('Indikator Kinerja'), c('Target')], [c('1'), c('2'), c('3'), c('4')]],
      kinerja,
    ),
  ];
  if (anggaran.length > 0) {
    blocks.push(tabel(`Program, Kegiatan dan Anggaran Tahun ${tahun}`, [{ width: 3 }, { width: 4 }, { width: 1.8, align: 'right' }], [[c('Program'), c('Kegiatan'), c('Anggaran')]], anggaran));
  }
  blocks.push(signatures);
  if (pk.penjelasan.length > 0) {
    blocks.push({ type: 'pageBreak' }, h(level, `PENJELASAN KINERJA TAHUN ${tahun}`));
    pk.penjelasan.forEach((e, i) => {
      const ind = indikator.get(e.indikator);
      const row = pk.kinerja.find((r) => r.indikator === e.indikator);
      blocks.push(
        h(3, `Penjelasan Kinerja ${i + 1}`),
        p(e.uraianSasaran),
        tabel(
          `Indikator Kinerja ${i + 1}`,
          [{ width: 2.4 }, { width: 2.4 }, { width: 2.8 }, { width: 2 }],
          [[c('Uraian'), c('Relevansi'), c('Formulasi'), c('Sumber Data')]],
          [[c(sasaran.get(row?.sasaran ?? '')?.uraian ?? ind?.nama ?? e.indikator), c(e.relevansi), c(e.formulasi), c(e.sumberData)]],
        ),
        tabel(
          `Target Kinerja ${i + 1}`,
          [{ width: 3 }, { width: 1.2, align: 'right' }, { width: 5 }],
          [[c('Indikator Kinerja'), c('Target'), c('Penjelasan')]],
          [[c(ind?.nama ?? e.indikator), num(row ? (row.targetTeks ?? formatAngka(row.target, 2, { buangNolBelakang: true })) : '-'), c(e.penjelasanTarget)]],
        ),
      );
    });
  }
  return blocks;
}

/** The PK document of a version (default: the latest). */
export function susunPk(d: Dataset, opdSlug: string, tahun: number, versi?: number): ReportDocument {
  const k = konteks(d, opdSlug, tahun);
  const list = [...k.data.pk].sort((a, b) => b.versi - a.versi);
  const pk = versi === undefined ? list[0] : list.find((x) => x.versi === versi);
  if (!pk) throw new NotFoundError(`tidak ada Perjanjian Kinerja ${opdSlug} tahun ${tahun}${versi === undefined ? '' : ` versi ${versi}`}`);
  return {
    title: `${pk.nama} Tahun ${tahun} ${k.opd.nama}`,
    author: k.opd.nama,
    sections: [
      {
        orientation: 'portrait',
        pageNumbers: 'arabic',
        letterhead: {
          lines: [`PEMERINTAH ${d.pemda.nama.toUpperCase()}`, k.opd.nama.toUpperCase()],
          ...(k.opd.alamat ? { address: k.opd.alamat } : {}),
        },
        blocks: blokPerjanjianKinerja(d, k.opd, tahun, pk),
      },
    ],
  };
}
