import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { OPS, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { renderDocx } from './docx.ts';
import { inlineText, sectionBlocks, type ReportDocument, type TableBlock } from './model.ts';
import { renderPdf } from './pdf.ts';
import { layoutGrid } from './render/grid.ts';
import { PageNumbering, toRoman } from './render/page.ts';
import { LONG_TABLE_ROWS, sampleReport } from './render/sample.ts';

const CHAPTERS = [
  'KATA PENGANTAR',
  'IKHTISAR EKSEKUTIF',
  'BAB I PENDAHULUAN',
  'BAB II PERENCANAAN KINERJA',
  'BAB III AKUNTABILITAS KINERJA',
  'BAB IV PENUTUP',
];
const TOC_ENTRIES = [
  'KATA PENGANTAR',
  'IKHTISAR EKSEKUTIF',
  'BAB I PENDAHULUAN',
  '1.1 Latar Belakang',
  '1.2 Tugas Pokok dan Fungsi',
  'BAB II PERENCANAAN KINERJA',
  '2.1 Rencana Strategis',
  'BAB III AKUNTABILITAS KINERJA',
  '3.1 Capaian Kinerja Organisasi',
  '3.2 Realisasi Anggaran',
  'BAB IV PENUTUP',
];
/** Texts that must appear in this order in the body of both formats. */
const IN_ORDER = [
  'LAPORAN KINERJA INSTANSI PEMERINTAH',
  'KATA PENGANTAR',
  'Drs. H. AHMAD SYAHRANI, M.Si',
  'DAFTAR ISI',
  'IKHTISAR EKSEKUTIF',
  'BAB I PENDAHULUAN',
  'pelatihan kerja',
  'Sekretariat',
  'BAB II PERENCANAAN KINERJA',
  'BAB III AKUNTABILITAS KINERJA',
  'Tabel 3.1 Capaian Indikator Kinerja Utama Tahun 2023',
  '87,17',
  'Sumber : Dinas Tenaga Kerja dan Transmigrasi Kabupaten Paser, 2024',
  '[Belum diisi: penyebab capaian sasaran 1]',
  '3.2 Realisasi Anggaran',
  'Tabel 3.3 Capaian Kinerja dan Realisasi Anggaran per Sub Kegiatan',
  'Sub Kegiatan Pelatihan Kerja 2',
  'JUMLAH',
  '18.820.531.793',
  'Sumber : DPA dan LRA Dinas Tenaga Kerja dan Transmigrasi, 2023',
  'BAB IV PENUTUP',
  '[Belum diisi: langkah perbaikan tahun 2024]',
  'PEMERINTAH KABUPATEN PASER',
  'DINAS TENAGA KERJA DAN TRANSMIGRASI',
  'PERJANJIAN KINERJA TAHUN 2024',
  'Tanah Grogot, 2 Januari 2024',
  'PIHAK KEDUA',
  'PIHAK PERTAMA',
  'dr. FAHMI FADLI',
  'NIP. 19700512 199003 1 007',
];

/**
 * Wall time and this process's CPU time. The CPU time is what the bounds below check: on a shared
 * machine the wall time says more about the neighbours than about the renderer.
 */
async function timed<T>(work: () => Promise<T>): Promise<{ result: T; wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return { result, wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

const ms = (n: number): string => `${n.toFixed(0)} ms`;

function assertInOrder(haystack: string, needles: readonly string[], from = 0): void {
  let at = from;
  for (const needle of needles) {
    const found = haystack.indexOf(needle, at);
    assert.ok(found >= 0, `"${needle}" missing or out of order (searched from ${at})`);
    at = found + needle.length;
  }
}

const unescapeXml = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

const textOf = (xml: string): string =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1] ?? '')).join('');

const paragraphsOf = (xml: string): string[] => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);

const attr = (element: string, name: string): string | undefined =>
  new RegExp(`${name}="([^"]*)"`).exec(element)?.[1];

void describe('table grid', () => {
  const table = (header: TableBlock['header'], body: TableBlock['body']): TableBlock => ({
    type: 'table',
    columns: [{ width: 1 }, { width: 1 }, { width: 1 }],
    header,
    body,
  });

  void it('places spanned cells and marks the positions they cover', () => {
    const grid = layoutGrid(
      table(
        [
          [{ content: 'A', rowSpan: 2 }, { content: 'B', colSpan: 2 }],
          [{ content: 'b1' }, { content: 'b2' }],
        ],
        [[{ content: '1' }, { content: '2' }, { content: '3' }]],
      ),
    );
    assert.deepEqual(
      grid.map((row) => row.map((s) => (s.kind === 'start' ? inlineText(s.placed.cell.content) : `(${inlineText(s.origin.cell.content)})`))),
      [
        ['A', 'B', '(B)'],
        ['(A)', 'b1', 'b2'],
        ['1', '2', '3'],
      ],
    );
  });

  void it('rejects rows that do not cover every column, overlap, or span out of the header', () => {
    assert.throws(() => layoutGrid(table([], [[{ content: '1' }, { content: '2' }]])), /body row 1: covers 2 of 3/);
    assert.throws(
      () => layoutGrid(table([], [[{ content: '1', colSpan: 2 }, { content: '2', colSpan: 2 }]])),
      /run past the 3 columns/,
    );
    assert.throws(
      () =>
        layoutGrid(
          table([[{ content: 'A', rowSpan: 2 }, { content: 'B' }, { content: 'C' }]], [[{ content: '1' }, { content: '2' }]]),
        ),
      /header cell cannot span into the body/,
    );
  });
});

void describe('section blocks', () => {
  void it('drops page breaks at either end of a section, which would only leave blank pages', () => {
    const blocks = sectionBlocks({
      orientation: 'portrait',
      pageNumbers: 'arabic',
      blocks: [
        { type: 'pageBreak' },
        { type: 'heading', level: 1, text: 'A' },
        { type: 'pageBreak' },
        { type: 'heading', level: 1, text: 'B' },
        { type: 'pageBreak' },
        { type: 'pageBreak' },
      ],
    });
    assert.deepEqual(
      blocks.map((b) => b.type),
      ['heading', 'pageBreak', 'heading'],
    );
  });
});

void describe('page numbering', () => {
  void it('writes lower-case roman numerals', () => {
    assert.deepEqual([1, 2, 3, 4, 9, 14, 40, 1999].map(toRoman), ['i', 'ii', 'iii', 'iv', 'ix', 'xiv', 'xl', 'mcmxcix']);
  });

  void it('restarts where a section asks and continues elsewhere, counting unnumbered pages', () => {
    const numbering = new PageNumbering([
      { orientation: 'portrait', pageNumbers: 'roman', blocks: [] },
      { orientation: 'portrait', pageNumbers: 'arabic', restartNumbering: true, blocks: [] },
      { orientation: 'landscape', pageNumbers: 'none', blocks: [] },
      { orientation: 'portrait', pageNumbers: 'arabic', blocks: [] },
    ]);
    const pages: [number, number][] = [[0, 2], [0, 3], [1, 4], [1, 5], [2, 6], [3, 7]];
    assert.deepEqual(
      pages.map(([section, page]) => numbering.label(section, page)),
      ['i', 'ii', '1', '2', null, '4'],
    );
  });
});

void describe('Word rendering', () => {
  const doc = sampleReport();
  let buffer: Buffer;
  let zip: JSZip;
  let xml: string;
  let timing = { wallMs: 0, cpuMs: 0 };

  before(async () => {
    await renderDocx(doc); // warm up module code so the timing below is the steady state
    const run = await timed(() => renderDocx(doc));
    buffer = run.result;
    timing = run;
    zip = await JSZip.loadAsync(buffer);
    xml = await zip.file('word/document.xml')!.async('string');
  });

  void it('renders quickly', (t) => {
    t.diagnostic(`docx: ${ms(timing.wallMs)} wall, ${ms(timing.cpuMs)} CPU, ${buffer.length} bytes`);
  });

  void it('writes the texts in order, after the table of contents', () => {
    const text = textOf(xml);
    const tocEnd = xml.indexOf('</w:sdt>');
    assert.ok(tocEnd > 0, 'the TOC is a content control');
    assert.ok(text.includes('LAPORAN KINERJA INSTANSI PEMERINTAH'));
    assertInOrder(textOf(xml.slice(0, tocEnd)), IN_ORDER.slice(0, 4));
    assertInOrder(textOf(xml.slice(tocEnd)), IN_ORDER.slice(4));
  });

  void it('gives the chapters Word heading styles, in order', () => {
    const headings = (style: string) =>
      paragraphsOf(xml)
        .filter((p) => p.includes(`<w:pStyle w:val="${style}"/>`))
        .map(textOf);
    assert.deepEqual(headings('Heading1'), CHAPTERS);
    assert.deepEqual(headings('Heading2'), TOC_ENTRIES.filter((e) => /^\d/.test(e)));
    assert.deepEqual(headings('Heading3'), ['Struktur Organisasi']);
  });

  void it('has a TOC field over heading levels 1 and 2, updated when Word opens the file', async () => {
    const instructions = [...xml.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((m) =>
      unescapeXml(m[1] ?? ''),
    );
    assert.ok(
      instructions.some((i) => i.includes('TOC') && i.includes('\\o "1-2"') && i.includes('\\h')),
      instructions.join(' | '),
    );
    const settings = await zip.file('word/settings.xml')!.async('string');
    assert.match(settings, /<w:updateFields(?: w:val="(?:true|1|on)")?\/>/);
  });

  void it('merges cells across columns and rows, and repeats the two header rows', () => {
    const start = xml.indexOf('Tabel 3.3 Capaian Kinerja');
    const table = xml.slice(xml.indexOf('<w:tbl>', start), xml.indexOf('</w:tbl>', start));
    const rows = [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    assert.equal(rows.length, 2 + LONG_TABLE_ROWS + 1);
    assert.deepEqual(
      rows.map((r) => r.includes('<w:tblHeader/>')),
      rows.map((_, i) => i < 2),
    );
    const header = rows[0] ?? '';
    assert.equal([...header.matchAll(/<w:gridSpan w:val="3"\/>/g)].length, 2, 'Kinerja and Anggaran span 3 columns');
    assert.equal([...header.matchAll(/<w:vMerge w:val="restart"\/>/g)].length, 4, 'No, Program, Indikator, Satuan');
    assert.equal([...(rows[1] ?? '').matchAll(/<w:vMerge(?: w:val="continue")?\/>/g)].length, 4);
    assert.match(table, /<w:gridSpan w:val="7"\/>[\s\S]*JUMLAH/);
    assert.match(table, /<w:tblBorders>[\s\S]*<w:insideH w:val="single"/);
    assert.match(table, /<w:shd [^>]*w:fill="D9D9D9"/);
  });

  void it('centres captions in bold above tables and puts the source line below in small italics', () => {
    const paragraphs = paragraphsOf(xml);
    const caption = paragraphs.find((p) => textOf(p) === 'Tabel 3.1 Capaian Indikator Kinerja Utama Tahun 2023') ?? '';
    assert.match(caption, /<w:jc w:val="center"\/>/);
    assert.match(caption, /<w:b\/>/);
    assert.match(caption, /<w:keepNext\/>/);
    const source = paragraphs.find((p) => textOf(p).startsWith('Sumber : DPA')) ?? '';
    assert.match(source, /<w:i\/>/);
    assert.match(source, /<w:sz w:val="18"\/>/);
  });

  void it('marks placeholders with a yellow highlight and shading', () => {
    const run = [...xml.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)]
      .map((m) => m[0])
      .find((r) => r.includes('[Belum diisi: penyebab capaian sasaran 1]'));
    assert.ok(run);
    assert.match(run, /<w:highlight w:val="yellow"\/>/);
    assert.match(run, /<w:shd [^>]*w:fill="FFFF00"/);
  });

  void it('lays out sections with their orientation, number format and restarts', async () => {
    const sections = [...xml.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    const summary = await Promise.all(
      sections.map(async (s) => {
        const size = /<w:pgSz [^>]*\/>/.exec(s)?.[0] ?? '';
        const numbers = /<w:pgNumType[^>]*\/>/.exec(s)?.[0] ?? '';
        const footerId = attr(/<w:footerReference [^>]*w:type="default"[^>]*\/>/.exec(s)?.[0] ?? '', 'r:id');
        const target = attr(new RegExp(`<Relationship [^>]*Id="${footerId}"[^>]*/>`).exec(rels)?.[0] ?? '', 'Target');
        assert.ok(target, 'every section has its own footer');
        const footer = await zip.file(`word/${target}`)!.async('string');
        return {
          orient: attr(size, 'w:orient'),
          wide: Number(attr(size, 'w:w')) > Number(attr(size, 'w:h')),
          fmt: attr(numbers, 'w:fmt'),
          start: attr(numbers, 'w:start'),
          pageField: /<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>|<w:fldSimple [^>]*w:instr="\s*PAGE\s*"/.test(footer),
        };
      }),
    );
    assert.deepEqual(summary, [
      { orient: 'portrait', wide: false, fmt: undefined, start: undefined, pageField: false }, // cover
      { orient: 'portrait', wide: false, fmt: 'lowerRoman', start: '1', pageField: true },
      { orient: 'portrait', wide: false, fmt: 'decimal', start: '1', pageField: true },
      { orient: 'landscape', wide: true, fmt: 'decimal', start: undefined, pageField: true },
      { orient: 'portrait', wide: false, fmt: 'decimal', start: undefined, pageField: true },
      { orient: 'portrait', wide: false, fmt: 'decimal', start: undefined, pageField: false }, // Perjanjian Kinerja
    ]);
  });

  void it('draws the letterhead with a rule and signatures with underlined bold names and NIP', () => {
    const paragraphs = paragraphsOf(xml);
    const kopIndex = paragraphs.findIndex((p) => textOf(p) === 'PEMERINTAH KABUPATEN PASER');
    const rule = paragraphs.slice(kopIndex).find((p) => p.includes('<w:pBdr>')) ?? '';
    assert.match(rule, /<w:top w:val="thinThickSmallGap"/);
    const name = paragraphs.find((p) => textOf(p) === 'dr. FAHMI FADLI') ?? '';
    assert.match(name, /<w:b\/>/);
    assert.match(name, /<w:u w:val="single"\/>/);
    assert.ok(paragraphs.some((p) => textOf(p) === 'NIP. 19700512 199003 1 007'));
  });

  void it('sets A4, Arial 12 pt and the document title', async () => {
    assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/);
    const styles = await zip.file('word/styles.xml')!.async('string');
    assert.match(styles, /<w:rFonts w:ascii="Arial"/);
    assert.match(styles, /<w:docDefaults>[\s\S]*<w:sz w:val="24"\/>/);
    const core = await zip.file('docProps/core.xml')!.async('string');
    assert.match(core, /<dc:title>LKJIP Dinas Tenaga Kerja/);
  });

  void it('opens in LibreOffice, when it is installed', (t) => {
    const soffice = spawnSync('which', ['soffice'], { encoding: 'utf8' }).stdout.trim();
    if (soffice === '') {
      t.skip('soffice not installed');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'sikiper-docx-'));
    try {
      writeFileSync(join(dir, 'lkjip.docx'), buffer);
      execFileSync(
        soffice,
        [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'lkjip.docx')],
        { timeout: 120_000, stdio: 'ignore' },
      );
      const pdf = readFileSync(join(dir, 'lkjip.pdf'));
      assert.ok(pdf.subarray(0, 5).toString() === '%PDF-' && pdf.length > 10_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

interface PdfPage {
  text: string;
  lines: string[];
  footer: string | null;
  width: number;
  height: number;
  fills: Set<string>;
  /** Baseline of each text item, to compare the heights of things drawn side by side. */
  y: Map<string, number>;
}

async function readPdf(buffer: Buffer) {
  const pdf = await getDocument({ data: new Uint8Array(buffer), verbosity: 0 }).promise;
  const fillOps = new Set<number>([OPS.setFillRGBColor]);
  const pages: PdfPage[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const lines: string[] = [];
    const y = new Map<string, number>();
    let line = '';
    let footer: string | null = null;
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const baseline = Number((item.transform as unknown[])[5] ?? 0);
      // Everything below 50 pt from the bottom edge is the footer; the text area ends higher.
      if (baseline < 50 && item.str.trim() !== '') footer = (footer ?? '') + item.str.trim();
      else {
        line += item.str;
        if (item.str.trim() !== '') y.set(item.str.trim(), baseline);
      }
      if (item.hasEOL) {
        lines.push(line.trim());
        line = '';
      }
    }
    if (line.trim() !== '') lines.push(line.trim());
    const ops = await page.getOperatorList();
    const fills = new Set<string>();
    ops.fnArray.forEach((fn, i) => {
      const colour = (ops.argsArray[i] as unknown[] | undefined)?.[0];
      if (fillOps.has(fn) && typeof colour === 'string') fills.add(colour.toLowerCase());
    });
    pages.push({ text: lines.join('\n'), lines, footer, width: viewport.width, height: viewport.height, fills, y });
  }
  const outline = (await pdf.getOutline()) ?? [];
  const info = (await pdf.getMetadata()).info as { Title?: string };
  await pdf.destroy();
  return { pages, outline, info };
}

void describe('PDF rendering', () => {
  const doc: ReportDocument = sampleReport();
  let buffer: Buffer;
  let pages: PdfPage[];
  let outline: { title: string; items: { title: string }[] }[];
  let title: string | undefined;
  let timing = { wallMs: 0, cpuMs: 0 };

  before(async () => {
    await renderPdf(doc);
    const run = await timed(() => renderPdf(doc));
    buffer = run.result;
    timing = run;
    const read = await readPdf(buffer);
    pages = read.pages;
    outline = read.outline;
    title = read.info.Title;
  });

  void it('renders in reasonable time', (t) => {
    t.diagnostic(`pdf: ${ms(timing.wallMs)} wall, ${ms(timing.cpuMs)} CPU, ${pages.length} pages, ${buffer.length} bytes`);
  });

  void it('writes the texts in order, after the table of contents', () => {
    const all = pages.map((p) => p.text).join('\n');
    const tocPage = pages.findIndex((p) => p.lines[0] === 'DAFTAR ISI');
    assert.ok(tocPage > 0);
    assertInOrder(pages.slice(0, tocPage + 1).map((p) => p.text).join('\n'), IN_ORDER.slice(0, 4));
    assertInOrder(pages.slice(tocPage + 1).map((p) => p.text).join('\n'), IN_ORDER.slice(4));
    assert.equal(title, doc.title);
    assert.ok(all.includes('87,17') && all.includes('18.820.531.793'));
  });

  void it('numbers pages: none on the cover, roman front matter, arabic body from 1, none on the annex', () => {
    const footers = pages.map((p) => p.footer);
    const bodyPages = pages.length - 1 - 3 - 1;
    assert.deepEqual(footers, [
      null,
      'i',
      'ii',
      'iii',
      ...Array.from({ length: bodyPages }, (_, i) => String(i + 1)),
      null,
    ]);
    assert.ok(bodyPages >= 7, `only ${bodyPages} body pages`);
    assert.deepEqual(
      pages.flatMap((p, i) => (p.lines.length === 0 ? [i + 1] : [])),
      [],
      'blank pages',
    );
  });

  void it('lists the headings in the TOC with the page numbers printed on their pages', () => {
    const toc = pages.find((p) => p.lines[0] === 'DAFTAR ISI');
    assert.ok(toc);
    const entries = toc.lines.slice(1).map((l) => /^(.*\S)\s+([ivx]+|\d+)$/.exec(l)).filter((m) => m !== null);
    assert.deepEqual(
      entries.map((m) => m[1]),
      TOC_ENTRIES,
    );
    for (const m of entries) {
      const headingPage: PdfPage | undefined = pages.find((p) => p !== toc && p.lines.includes(m[1] ?? ''));
      assert.equal(headingPage?.footer, m[2], `${m[1]} is listed on page ${m[2]}`);
    }
    assert.deepEqual(
      outline.map((o) => o.title),
      CHAPTERS,
    );
    assert.deepEqual(
      outline.find((o) => o.title === 'BAB III AKUNTABILITAS KINERJA')?.items.map((i) => i.title),
      ['3.1 Capaian Kinerja Organisasi', '3.2 Realisasi Anggaran'],
    );
  });

  void it('puts the long table on landscape pages and repeats its header rows on each', () => {
    const tablePages = pages.filter((p) => p.text.includes('Sub Kegiatan Pelatihan Kerja'));
    assert.ok(tablePages.length >= 3, `the table spans ${tablePages.length} pages`);
    for (const p of tablePages) {
      assert.ok(p.width > p.height, 'landscape');
      assert.ok(p.lines.some((l) => l.startsWith('No Program / Sub Kegiatan Indikator Satuan')), p.lines.slice(0, 3).join('|'));
      assert.ok(p.text.includes('Kinerja Anggaran') && p.text.includes('Pagu (Rp) Realisasi (Rp)'));
    }
    assert.equal(pages.filter((p) => p.text.includes('Tabel 3.3 Capaian Kinerja')).length, 1, 'the caption is not repeated');
    for (const p of pages.filter((page) => !tablePages.includes(page))) assert.ok(p.height > p.width, 'portrait');
    const rows = pages.flatMap((p) => p.lines).filter((l) => /^\d+ Sub Kegiatan Pelatihan Kerja/.test(l));
    assert.equal(new Set(rows).size, rows.length, 'no row is printed twice');
  });

  void it('highlights placeholders in yellow and shades header cells', () => {
    const withPlaceholder = pages.filter((p) => p.text.includes('[Belum diisi:'));
    assert.equal(withPlaceholder.length, 2);
    for (const p of withPlaceholder) assert.ok(p.fills.has('#ffff00'));
    assert.ok(pages.filter((p) => !p.text.includes('[Belum diisi:')).every((p) => !p.fills.has('#ffff00')));
    assert.ok(pages.some((p) => p.fills.has('#d9d9d9')));
  });

  void it('draws the letterhead and lines up the two signatories side by side', () => {
    const annex = pages.at(-1);
    assert.ok(annex);
    assert.deepEqual(annex.lines.slice(0, 3), [
      'PEMERINTAH KABUPATEN PASER',
      'DINAS TENAGA KERJA DAN TRANSMIGRASI',
      'Jalan Jenderal Sudirman No. 27 Tanah Grogot, Kode Pos 76211',
    ]);
    assert.equal(annex.y.get('dr. FAHMI FADLI'), annex.y.get('Drs. H. AHMAD SYAHRANI, M.Si'));
    assert.equal(annex.y.get('PIHAK KEDUA'), annex.y.get('PIHAK PERTAMA'));
    assert.ok(annex.text.includes('NIP. 19700512 199003 1 007'));
  });
});

void describe('PDF keeps headings and captions with what follows them', () => {
  void it('never leaves a heading or caption at the foot of a page, and lists it where it went', async () => {
    // Filler lines push a heading, a caption and a table down the page a line at a time, through
    // the positions where the heading or the caption alone would still fit.
    let moved = 0;
    for (let filler = 25; filler <= 29; filler++) {
      const doc: ReportDocument = {
        title: 'keep',
        sections: [
          { orientation: 'portrait', pageNumbers: 'roman', blocks: [{ type: 'toc' }] },
          {
            orientation: 'portrait',
            pageNumbers: 'arabic',
            restartNumbering: true,
            blocks: [
              ...Array.from({ length: filler }, (_, i) => ({ type: 'paragraph' as const, content: `Baris pengisi ${i + 1}.` })),
              { type: 'heading', level: 2, text: '3.9 Judul Bagian' },
              {
                type: 'table',
                caption: 'Tabel 3.9 Contoh',
                columns: [{ width: 1 }, { width: 3 }],
                header: [[{ content: 'No' }, { content: 'Uraian' }]],
                body: [[{ content: '1' }, { content: 'Baris pertama tabel' }]],
              },
            ],
          },
        ],
      };
      const { pages } = await readPdf(await renderPdf(doc));
      const pageOf = (text: string) => pages.findIndex((p) => p.lines.includes(text));
      const heading = pageOf('3.9 Judul Bagian');
      assert.equal(pageOf('Tabel 3.9 Contoh'), heading, `caption with heading, ${filler} lines`);
      assert.equal(pageOf('1 Baris pertama tabel'), heading, `first row with heading, ${filler} lines`);
      assert.deepEqual(pages[0]?.lines.slice(1), [`3.9 Judul Bagian ${pages[heading]?.footer}`], `TOC, ${filler} lines`);
      if (heading === 2 && pageOf(`Baris pengisi ${filler}.`) === 1) moved++;
    }
    assert.ok(moved > 0, 'some filler length made the renderer move the heading');
  });
});

void describe('render time for a long report', () => {
  // About 60 pages: the sample with its long table repeated.
  const doc = sampleReport();
  const landscape = doc.sections[2];
  assert.ok(landscape);
  const long: ReportDocument = {
    ...doc,
    sections: [...doc.sections.slice(0, 2), ...Array.from({ length: 12 }, () => landscape), ...doc.sections.slice(3)],
  };
  void it('renders a document of 50+ dense landscape pages in both formats (timings are in npm run bench)', async (t) => {
    await renderDocx(long);
    const docx = await timed(() => renderDocx(long));
    const pdf = await timed(() => renderPdf(long));
    const { pages } = await readPdf(pdf.result);
    t.diagnostic(
      `${pages.length} pages: docx ${ms(docx.wallMs)} wall / ${ms(docx.cpuMs)} CPU, ` +
        `pdf ${ms(pdf.wallMs)} wall / ${ms(pdf.cpuMs)} CPU`,
    );
    assert.ok(pages.length >= 50, `${pages.length} pages`);
  });
});
