import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  LineRuleType,
  NumberFormat,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  VerticalAlignSection,
  VerticalAlignTable,
  WidthType,
  type FileChild,
  type ISectionOptions,
} from 'docx';
import {
  DEFAULT_TOC_TITLE,
  assertNever,
  inlineRuns,
  placeholderText,
  sectionBlocks,
  type Block,
  type Cover,
  type Inline,
  type Letterhead,
  type ListBlock,
  type ReportDocument,
  type Section,
  type SignatureBlock,
  type Signatory,
  type TableBlock,
} from './model.ts';
import { layoutGrid, distributeWidths } from './render/grid.ts';
import { A4_CM, FONT_PT, cmToTwip, marginsCm, textWidthCm } from './render/page.ts';

const FONT = 'Arial';
const ORDERED_LIST = 'sikiper-ordered';
const HEADER_SHADE = 'D9D9D9';
const PLACEHOLDER_FILL = 'FFFF00';
/** Word sizes runs in half-points. */
const halfPt = (pt: number): number => pt * 2;

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

const TABLE_TEXT = 'TableText';
const TABLE_TEXT_SMALL = 'TableTextSmall';

// Only what differs from the paragraph's style is written: a long table has thousands of runs,
// and every attribute on them costs render time and file size.
function runs(content: Inline, allBold = false): TextRun[] {
  return inlineRuns(content).map((r) => {
    const bold = allBold || r.bold === true;
    return new TextRun({
      text: r.text,
      ...(bold ? { bold } : {}),
      ...(r.italic === true ? { italics: true } : {}),
      ...(r.underline === true ? { underline: {} } : {}),
    });
  });
}

// LibreOffice reads a line spacing without a rule as exact, which makes large letterhead lines
// overlap; Word's default is "auto", so every spacing here names it.
const lineSpacing = (n: number) => ({ line: Math.round(n * 240), lineRule: LineRuleType.AUTO }) as const;
/** Single-spaced, as in table cells and signature blocks, where 1.5 lines waste space. */
const TIGHT = { before: 0, after: 0, ...lineSpacing(1) } as const;

export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  // Each ordered list is its own instance of one numbering definition, so each starts at 1.
  let listInstance = 0;
  const nextListInstance = (): number => ++listInstance;

  const sections: ISectionOptions[] = [];
  if (doc.cover) sections.push(coverSection(doc.cover));
  doc.sections.forEach((section, index) => {
    sections.push(bodySection(section, index === 0, nextListInstance));
  });

  const document = new Document({
    title: doc.title,
    ...(doc.author !== undefined ? { creator: doc.author } : {}),
    // Word fills in the TOC and page references on opening; LibreOffice shows them as written.
    features: { updateFields: true },
    styles: {
      default: {
        document: {
          run: { font: FONT, size: halfPt(FONT_PT.body) },
          paragraph: { spacing: { ...lineSpacing(1.5), after: 120 } },
        },
        heading1: {
          run: { font: FONT, size: halfPt(FONT_PT.heading1), bold: true, color: '000000' },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 360 }, keepNext: true },
        },
        heading2: {
          run: { font: FONT, size: halfPt(FONT_PT.heading2), bold: true, color: '000000' },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
        },
        heading3: {
          run: { font: FONT, size: halfPt(FONT_PT.heading3), bold: true, italics: true, color: '000000' },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
        },
      },
      paragraphStyles: [
        {
          id: TABLE_TEXT,
          name: 'Table Text',
          basedOn: 'Normal',
          quickFormat: true,
          run: { size: halfPt(FONT_PT.table) },
          paragraph: { spacing: TIGHT },
        },
        {
          id: TABLE_TEXT_SMALL,
          name: 'Table Text Small',
          basedOn: TABLE_TEXT,
          quickFormat: true,
          run: { size: halfPt(FONT_PT.tableSmall) },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: ORDERED_LIST,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections,
  });
  return Packer.toBuffer(document);
}

function pageProperties(orientation: Section['orientation']) {
  const m = marginsCm(orientation);
  return {
    size: {
      // docx swaps width and height itself for landscape, so both get the portrait size.
      width: cmToTwip(A4_CM.width),
      height: cmToTwip(A4_CM.height),
      orientation: orientation === 'portrait' ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE,
    },
    margin: {
      top: cmToTwip(m.top),
      right: cmToTwip(m.right),
      bottom: cmToTwip(m.bottom),
      left: cmToTwip(m.left),
      footer: cmToTwip(1),
      header: cmToTwip(1),
    },
  };
}

// Every section gets its own footer, even an empty one: a Word section without one would inherit
// the previous section's, page number and all.
function footer(format: Section['pageNumbers']): Footer {
  const children =
    format === 'none' ? [] : [new TextRun({ children: [PageNumber.CURRENT], size: halfPt(FONT_PT.footer) })];
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children })] });
}

function coverSection(cover: Cover): ISectionOptions {
  const lines = (texts: readonly string[], sizePt: number, after: number): Paragraph[] =>
    texts.map(
      (text, i) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { ...TIGHT, after: i === texts.length - 1 ? after : 60 },
          children: [new TextRun({ text, bold: true, size: halfPt(sizePt) })],
        }),
    );
  const children: Paragraph[] = [...lines(cover.titleLines, FONT_PT.coverTitle, 480)];
  if (cover.subtitle !== undefined) children.push(...lines([cover.subtitle], FONT_PT.coverOrganisation, 2400));
  else children.push(new Paragraph({ spacing: { ...TIGHT, after: 2400 } }));
  children.push(...lines(cover.organisationLines, FONT_PT.coverOrganisation, 240));
  children.push(...lines([cover.year], FONT_PT.coverOrganisation, 0));
  return {
    properties: { page: pageProperties('portrait'), verticalAlign: VerticalAlignSection.CENTER },
    footers: { default: footer('none') },
    children,
  };
}

function bodySection(section: Section, first: boolean, nextListInstance: () => number): ISectionOptions {
  const restart = first || section.restartNumbering === true;
  const children: FileChild[] = [];
  if (section.letterhead) children.push(...letterhead(section.letterhead));
  for (const block of sectionBlocks(section)) children.push(...renderBlock(block, section, nextListInstance));
  if (children.length === 0) children.push(new Paragraph({}));
  return {
    properties: {
      page: {
        ...pageProperties(section.orientation),
        pageNumbers: {
          ...(restart ? { start: 1 } : {}),
          formatType: section.pageNumbers === 'roman' ? NumberFormat.LOWER_ROMAN : NumberFormat.DECIMAL,
        },
      },
    },
    footers: { default: footer(section.pageNumbers) },
    children,
  };
}

function letterhead(head: Letterhead): Paragraph[] {
  const out = head.lines.map(
    (text, i) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: TIGHT,
        children: [
          new TextRun({
            text,
            bold: true,
            size: halfPt(i === head.lines.length - 1 ? FONT_PT.letterheadMain : FONT_PT.letterheadTop),
          }),
        ],
      }),
  );
  if (head.address !== undefined) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: TIGHT,
        children: [new TextRun({ text: head.address, size: halfPt(FONT_PT.letterheadAddress) })],
      }),
    );
  }
  // The kop surat's double rule: a thick line over a thin one, drawn as the last line's border.
  const rule = new Paragraph({
    spacing: { before: 0, after: 240, ...lineSpacing(1) },
    border: { top: { style: BorderStyle.THIN_THICK_SMALL_GAP, size: 24, color: '000000', space: 1 } },
    children: [],
  });
  return [...out, rule];
}

function renderBlock(block: Block, section: Section, nextListInstance: () => number): FileChild[] {
  switch (block.type) {
    case 'heading':
      return [
        new Paragraph({
          heading:
            block.level === 1
              ? HeadingLevel.HEADING_1
              : block.level === 2
                ? HeadingLevel.HEADING_2
                : HeadingLevel.HEADING_3,
          children: [new TextRun(block.text)],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          alignment: ALIGN[block.align ?? 'justify'],
          ...(block.firstLineIndent === true ? { indent: { firstLine: cmToTwip(1.25) } } : {}),
          children: runs(block.content),
        }),
      ];
    case 'list':
      return list(block, nextListInstance);
    case 'table':
      return table(block, section);
    case 'signature':
      return signature(block, section);
    case 'toc':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 0, after: 360 },
          children: [new TextRun({ text: block.title ?? DEFAULT_TOC_TITLE, bold: true, size: halfPt(FONT_PT.heading1) })],
        }),
        new TableOfContents(block.title ?? DEFAULT_TOC_TITLE, { hyperlink: true, headingStyleRange: '1-2' }),
      ];
    case 'pageBreak':
      // An empty paragraph 1 pt high, so the new page starts where the text does.
      return [
        new Paragraph({
          pageBreakBefore: true,
          spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT },
          children: [],
        }),
      ];
    case 'placeholder':
      return [
        new Paragraph({
          alignment: AlignmentType.LEFT,
          children: [
            new TextRun({
              text: placeholderText(block),
              italics: true,
              highlight: 'yellow',
              // Highlight alone is dropped by some converters; the shading keeps the mark visible.
              shading: { type: ShadingType.CLEAR, fill: PLACEHOLDER_FILL, color: 'auto' },
            }),
          ],
        }),
      ];
    default:
      return assertNever(block);
  }
}

function list(block: ListBlock, nextListInstance: () => number): Paragraph[] {
  const instance = block.ordered ? nextListInstance() : 0;
  return block.items.map(
    (item) =>
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        spacing: { ...lineSpacing(1.5), after: 60 },
        ...(block.ordered ? { numbering: { reference: ORDERED_LIST, level: 0, instance } } : { bullet: { level: 0 } }),
        children: runs(item),
      }),
  );
}

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const CELL_MARGINS = { top: 40, bottom: 40, left: 80, right: 80 } as const;

function table(block: TableBlock, section: Section): FileChild[] {
  const grid = layoutGrid(block);
  const total = cmToTwip(textWidthCm(section.orientation));
  const widths = distributeWidths(
    block.columns.map((c) => c.width),
    total,
  );
  const paragraphStyle = block.small === true ? TABLE_TEXT_SMALL : TABLE_TEXT;
  const headerCount = block.header.length;

  const rows = grid.map((slots, r) => {
    const isHeader = r < headerCount;
    const cells: TableCell[] = [];
    for (const slot of slots) {
      if (slot.kind === 'covered') continue;
      const { cell, col, colSpan, rowSpan } = slot.placed;
      const align = cell.align ?? (isHeader ? 'center' : (block.columns[col]?.align ?? 'left'));
      const shade = cell.shade ?? isHeader;
      cells.push(
        new TableCell({
          ...(colSpan > 1 ? { columnSpan: colSpan } : {}),
          ...(rowSpan > 1 ? { rowSpan } : {}),
          ...(shade ? { shading: { type: ShadingType.CLEAR, fill: HEADER_SHADE, color: 'auto' } } : {}),
          ...(isHeader ? { verticalAlign: VerticalAlignTable.CENTER } : {}),
          children: [
            new Paragraph({
              style: paragraphStyle,
              ...(align !== 'left' ? { alignment: ALIGN[align] } : {}),
              children: runs(cell.content, (cell.bold ?? false) || isHeader),
            }),
          ],
        }),
      );
    }
    return new TableRow({ ...(isHeader ? { tableHeader: true } : {}), cantSplit: true, children: cells });
  });

  const out: FileChild[] = [];
  if (block.caption !== undefined) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { before: 240, after: 120, ...lineSpacing(1) },
        children: [new TextRun({ text: block.caption, bold: true })],
      }),
    );
  }
  out.push(
    new Table({
      width: { size: total, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      margins: CELL_MARGINS,
      borders: {
        top: CELL_BORDER,
        bottom: CELL_BORDER,
        left: CELL_BORDER,
        right: CELL_BORDER,
        insideHorizontal: CELL_BORDER,
        insideVertical: CELL_BORDER,
      },
      rows,
    }),
  );
  out.push(
    new Paragraph({
      spacing: { before: 60, after: 240, ...lineSpacing(1) },
      children:
        block.source !== undefined
          ? [new TextRun({ text: block.source, italics: true, size: halfPt(FONT_PT.source) })]
          : [],
    }),
  );
  return out;
}

// Titles and names sit in separate rows so that, side by side, the two names line up however
// many lines each title wraps to.
function signature(block: SignatureBlock, section: Section): FileChild[] {
  const total = cmToTwip(textWidthCm(section.orientation));
  const half = Math.floor(total / 2);
  const centered = (children: TextRun[], before = 0): Paragraph =>
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { ...TIGHT, before }, children });
  const cell = (children: Paragraph[]): TableCell =>
    new TableCell({
      width: { size: half, type: WidthType.DXA },
      borders: TableBorders.NONE,
      children: children.length > 0 ? children : [centered([])],
    });
  const titles = (s: Signatory): Paragraph[] => s.titleLines.map((t) => centered([new TextRun(t)]));
  const names = (s: Signatory): Paragraph[] => [
    // The space above the name is where the wet signature and the stamp go.
    centered([new TextRun({ text: s.name, bold: true, underline: {} })], 1440),
    ...(s.rank !== undefined ? [centered([new TextRun(s.rank)])] : []),
    ...(s.nip !== undefined ? [centered([new TextRun(`NIP. ${s.nip}`)])] : []),
  ];
  const [first, second] = block.signatories;
  const row = (part: (s: Signatory) => Paragraph[]): TableRow =>
    new TableRow({
      cantSplit: true,
      children: second === undefined ? [cell([]), cell(part(first))] : [cell(part(first)), cell(part(second))],
    });
  const rows: TableRow[] = [];
  if (block.placeDate !== undefined) {
    rows.push(new TableRow({ cantSplit: true, children: [cell([]), cell([centered([new TextRun(block.placeDate)])])] }));
  }
  rows.push(row(titles), row(names));
  return [
    new Paragraph({ spacing: TIGHT, keepNext: true, children: [] }),
    new Table({
      width: { size: half * 2, type: WidthType.DXA },
      columnWidths: [half, half],
      layout: TableLayoutType.FIXED,
      borders: TableBorders.NONE,
      rows,
    }),
  ];
}
