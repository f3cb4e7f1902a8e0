import type { Cell, ReportDocument, Section, Signatory } from '../model.ts';

// A small LKJIP with a Perjanjian Kinerja annex that uses every node and option of the report
// model. The renderer tests read it back from both formats; it is also handy for eyeballing output.

export const KEPALA_DINAS: Signatory = {
  titleLines: ['PIHAK PERTAMA', 'Kepala Dinas Tenaga Kerja dan Transmigrasi', 'Kabupaten Paser'],
  name: 'Drs. H. AHMAD SYAHRANI, M.Si',
  rank: 'Pembina Utama Muda (IV/c)',
  nip: '19700512 199003 1 007',
};

export const BUPATI: Signatory = {
  titleLines: ['PIHAK KEDUA', 'Bupati Paser'],
  name: 'dr. FAHMI FADLI',
};

export const LONG_TABLE_ROWS = 64;

/** Indonesian grouping: dots for thousands, a comma for decimals. */
function angka(n: number, decimals = 0): string {
  const [int = '0', frac] = n.toFixed(decimals).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return frac === undefined ? grouped : `${grouped},${frac}`;
}

function longTableBody(): Cell[][] {
  const rows: Cell[][] = [];
  let no = 0;
  while (rows.length < LONG_TABLE_ROWS) {
    no++;
    if (no % 8 === 1) {
      rows.push([
        { content: '' },
        { content: `Program Penempatan Tenaga Kerja ${Math.ceil(no / 8)}`, colSpan: 3, bold: true, shade: true },
        { content: '', colSpan: 6, shade: true },
      ]);
      continue;
    }
    const pagu = 1_250_000_000 + no * 37_513_791;
    const realisasi = Math.round(pagu * (0.8 + (no % 7) / 50));
    // Every fifth sub kegiatan has two indicators: its number and name span both rows.
    const twoIndicators = no % 5 === 0 && rows.length + 2 <= LONG_TABLE_ROWS;
    rows.push([
      { content: String(no), align: 'center', ...(twoIndicators ? { rowSpan: 2 } : {}) },
      { content: `Sub Kegiatan Pelatihan Kerja ${no}`, ...(twoIndicators ? { rowSpan: 2 } : {}) },
      { content: `Jumlah peserta pelatihan ${no}` },
      { content: 'orang' },
      { content: angka(100 + no) },
      { content: angka(90 + no) },
      { content: angka(((90 + no) / (100 + no)) * 100, 2) },
      { content: angka(pagu) },
      { content: angka(realisasi) },
      { content: angka((realisasi / pagu) * 100, 2) },
    ]);
    if (twoIndicators) {
      rows.push([
        { content: `Persentase peserta bersertifikat ${no}` },
        { content: '%' },
        { content: '80,00' },
        { content: '72,50' },
        { content: '90,63' },
        { content: '-', align: 'center' },
        { content: '-', align: 'center' },
        { content: '-', align: 'center' },
      ]);
    }
  }
  rows.push([
    { content: 'JUMLAH', colSpan: 7, bold: true, align: 'center' },
    { content: '18.820.531.793', bold: true },
    { content: '16.405.981.522', bold: true },
    { content: '87,17', bold: true },
  ]);
  return rows;
}

const frontMatter: Section = {
  orientation: 'portrait',
  pageNumbers: 'roman',
  blocks: [
    { type: 'heading', level: 1, text: 'KATA PENGANTAR' },
    {
      type: 'paragraph',
      firstLineIndent: true,
      content: [
        { text: 'Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa atas tersusunnya ' },
        { text: 'Laporan Kinerja Instansi Pemerintah (LKJIP)', bold: true },
        { text: ' Dinas Tenaga Kerja dan Transmigrasi Kabupaten Paser Tahun 2023 sebagai wujud ' },
        { text: 'akuntabilitas', italic: true },
        { text: ' pelaksanaan tugas dan fungsi.' },
      ],
    },
    { type: 'signature', placeDate: 'Tanah Grogot, 2 Januari 2024', signatories: [{ ...KEPALA_DINAS, titleLines: ['Kepala Dinas,'] }] },
    { type: 'pageBreak' },
    { type: 'toc' },
    { type: 'pageBreak' },
    { type: 'heading', level: 1, text: 'IKHTISAR EKSEKUTIF' },
    {
      type: 'paragraph',
      content: 'Capaian rata-rata sasaran strategis Dinas Tenaga Kerja dan Transmigrasi Tahun 2023 sebesar 87,17 persen.',
    },
  ],
};

const bab1: Section = {
  orientation: 'portrait',
  pageNumbers: 'arabic',
  restartNumbering: true,
  blocks: [
    { type: 'heading', level: 1, text: 'BAB I PENDAHULUAN' },
    { type: 'heading', level: 2, text: '1.1 Latar Belakang' },
    {
      type: 'paragraph',
      firstLineIndent: true,
      content:
        'Laporan Kinerja disusun berdasarkan Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas ' +
        'Kinerja Instansi Pemerintah dan Peraturan Menteri PANRB Nomor 53 Tahun 2014.',
    },
    { type: 'heading', level: 2, text: '1.2 Tugas Pokok dan Fungsi' },
    {
      type: 'list',
      ordered: true,
      items: [
        'perumusan kebijakan teknis di bidang ketenagakerjaan dan ketransmigrasian;',
        [{ text: 'pelaksanaan ' }, { text: 'pelatihan kerja', bold: true }, { text: ' dan produktivitas;' }],
        'pelaksanaan evaluasi dan pelaporan.',
      ],
    },
    { type: 'heading', level: 3, text: 'Struktur Organisasi' },
    { type: 'list', ordered: false, items: ['Sekretariat', 'Bidang Pelatihan dan Penempatan Tenaga Kerja', 'Bidang Transmigrasi'] },
    { type: 'pageBreak' },
    { type: 'heading', level: 1, text: 'BAB II PERENCANAAN KINERJA' },
    { type: 'heading', level: 2, text: '2.1 Rencana Strategis' },
    { type: 'paragraph', align: 'justify', content: 'Sasaran strategis: meningkatnya penyerapan tenaga kerja lokal.' },
    { type: 'pageBreak' },
    { type: 'heading', level: 1, text: 'BAB III AKUNTABILITAS KINERJA' },
    { type: 'heading', level: 2, text: '3.1 Capaian Kinerja Organisasi' },
    {
      type: 'table',
      caption: 'Tabel 3.1 Capaian Indikator Kinerja Utama Tahun 2023',
      columns: [{ width: 1, align: 'center' }, { width: 6 }, { width: 2, align: 'right' }, { width: 2, align: 'right' }, { width: 2, align: 'right' }],
      header: [[{ content: 'No' }, { content: 'Indikator Kinerja' }, { content: 'Target' }, { content: 'Realisasi' }, { content: 'Capaian (%)' }]],
      body: [
        [{ content: '1' }, { content: 'Tingkat pengangguran terbuka' }, { content: '4,50' }, { content: '5,16' }, { content: '87,17' }],
        [{ content: '2' }, { content: 'Persentase tenaga kerja bersertifikat' }, { content: '60,00' }, { content: '55,00' }, { content: '91,67' }],
      ],
      source: 'Sumber : Dinas Tenaga Kerja dan Transmigrasi Kabupaten Paser, 2024',
    },
    { type: 'placeholder', text: 'penyebab capaian sasaran 1' },
    { type: 'paragraph', align: 'center', content: [{ text: 'Analisis per sasaran disajikan berikut.', italic: true }] },
  ],
};

const anggaran: Section = {
  orientation: 'landscape',
  pageNumbers: 'arabic',
  blocks: [
    { type: 'heading', level: 2, text: '3.2 Realisasi Anggaran' },
    {
      type: 'table',
      caption: 'Tabel 3.3 Capaian Kinerja dan Realisasi Anggaran per Sub Kegiatan',
      small: true,
      columns: [
        { width: 0.6, align: 'center' },
        { width: 4 },
        { width: 4 },
        { width: 1.2, align: 'center' },
        { width: 1.2, align: 'right' },
        { width: 1.3, align: 'right' },
        { width: 1.3, align: 'right' },
        { width: 2.4, align: 'right' },
        { width: 2.4, align: 'right' },
        { width: 1.3, align: 'right' },
      ],
      header: [
        [
          { content: 'No', rowSpan: 2 },
          { content: 'Program / Sub Kegiatan', rowSpan: 2 },
          { content: 'Indikator', rowSpan: 2 },
          { content: 'Satuan', rowSpan: 2 },
          { content: 'Kinerja', colSpan: 3 },
          { content: 'Anggaran', colSpan: 3 },
        ],
        [
          { content: 'Target' },
          { content: 'Realisasi' },
          { content: 'Capaian (%)' },
          { content: 'Pagu (Rp)' },
          { content: 'Realisasi (Rp)' },
          { content: 'Serapan (%)' },
        ],
      ],
      body: longTableBody(),
      source: 'Sumber : DPA dan LRA Dinas Tenaga Kerja dan Transmigrasi, 2023',
    },
  ],
};

const penutup: Section = {
  orientation: 'portrait',
  pageNumbers: 'arabic',
  blocks: [
    { type: 'heading', level: 1, text: 'BAB IV PENUTUP' },
    { type: 'paragraph', firstLineIndent: true, content: 'Demikian Laporan Kinerja ini disusun.' },
    { type: 'placeholder', text: 'langkah perbaikan tahun 2024' },
  ],
};

const perjanjianKinerja: Section = {
  orientation: 'portrait',
  pageNumbers: 'none',
  letterhead: {
    lines: ['PEMERINTAH KABUPATEN PASER', 'DINAS TENAGA KERJA DAN TRANSMIGRASI'],
    address: 'Jalan Jenderal Sudirman No. 27 Tanah Grogot, Kode Pos 76211',
  },
  blocks: [
    { type: 'paragraph', align: 'center', content: [{ text: 'PERJANJIAN KINERJA TAHUN 2024', bold: true }] },
    {
      type: 'paragraph',
      content:
        'Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi ' +
        'pada hasil, kami yang bertanda tangan di bawah ini bersepakat.',
    },
    {
      type: 'signature',
      placeDate: 'Tanah Grogot, 2 Januari 2024',
      signatories: [BUPATI, KEPALA_DINAS],
    },
  ],
};

export function sampleReport(): ReportDocument {
  return {
    title: 'LKJIP Dinas Tenaga Kerja dan Transmigrasi Kabupaten Paser Tahun 2023',
    author: 'Dinas Tenaga Kerja dan Transmigrasi Kabupaten Paser',
    cover: {
      titleLines: ['LAPORAN KINERJA INSTANSI PEMERINTAH', '(LKJIP)'],
      subtitle: 'TAHUN 2023',
      organisationLines: ['DINAS TENAGA KERJA DAN TRANSMIGRASI', 'KABUPATEN PASER'],
      year: '2024',
    },
    sections: [frontMatter, bab1, anggaran, penutup, perjanjianKinerja],
  };
}
