import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type {
  Content,
  ContentText,
  CustomTableLayout,
  DynamicContent,
  Margins,
  Node,
  NodeQueries,
  StyleDictionary,
  TableCell,
  TDocumentDefinitions,
  TFontDictionary,
} from 'pdfmake/interfaces.js';
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
import { distributeWidths, layoutGrid } from './render/grid.ts';
import { FONT_PT, PageNumbering, cmToPt, marginsCm, textWidthCm } from './render/page.ts';

// Arimo has Arial's metrics, so the PDF breaks lines and pages much as the Word version (set in
// Arial) does. It ships as an npm package, so rendering reads nothing but these four files.
const require = createRequire(import.meta.url);
const arimo = (file: string): string => require.resolve(`@expo-google-fonts/arimo/${file}`);
const FONT = 'Arimo';
const FONTS: TFontDictionary = {
  [FONT]: {
    normal: arimo('400Regular/Arimo_400Regular.ttf'),
    bold: arimo('700Bold/Arimo_700Bold.ttf'),
    italics: arimo('400Regular_Italic/Arimo_400Regular_Italic.ttf'),
    bolditalics: arimo('700Bold_Italic/Arimo_700Bold_Italic.ttf'),
  },
};
const FONT_FILES = new Set(Object.values(FONTS).flatMap((f) => [f.normal, f.bold, f.italics, f.bolditalics]));

const HEADER_SHADE = '#D9D9D9';
const PLACEHOLDER_FILL = '#FFFF00';
const CELL_PAD_X = 3;
const CELL_PAD_Y = 2;
const RULE = 0.5;
/** Space between lines in body text, close to Word's 1.5 lines for the same font size. */
const BODY_LINE_HEIGHT = 1.3;
/** Styles of nodes that must not count as content when looking for what follows on a page. */
const FOOTER_STYLE = 'pageFooter';
/** Ids of headings listed in the TOC; the other headings and captions get keep ids. */
const TOC_ID = 'h-';
const KEEP_ID = 'keep-';

const STYLES: StyleDictionary = {
  body: { fontSize: FONT_PT.body, lineHeight: BODY_LINE_HEIGHT, margin: [0, 0, 0, 6] },
  h1: { fontSize: FONT_PT.heading1, bold: true, alignment: 'center', margin: [0, 0, 0, 18] },
  h2: { fontSize: FONT_PT.heading2, bold: true, margin: [0, 12, 0, 6] },
  h3: { fontSize: FONT_PT.heading3, bold: true, italics: true, margin: [0, 12, 0, 6] },
  caption: { fontSize: FONT_PT.body, bold: true, alignment: 'center', margin: [0, 12, 0, 6] },
  source: { fontSize: FONT_PT.source, italics: true, margin: [0, 3, 0, 12] },
  tocTitle: { fontSize: FONT_PT.heading1, bold: true, alignment: 'center', margin: [0, 0, 0, 18] },
  [FOOTER_STYLE]: { fontSize: FONT_PT.footer, alignment: 'center' },
};

const GRID_LAYOUT: CustomTableLayout = {
  hLineWidth: () => RULE,
  vLineWidth: () => RULE,
  paddingLeft: () => CELL_PAD_X,
  paddingRight: () => CELL_PAD_X,
  paddingTop: () => CELL_PAD_Y,
  paddingBottom: () => CELL_PAD_Y,
};

const NO_LINES: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

interface TocEntry {
  id: string;
  text: string;
  level: 1 | 2;
  section: number;
}

/** What a layout pass is told: what the pass before it found out. */
interface Pass {
  /** The TOC's page labels; null in a first pass, which prints stand-ins of the same size. */
  tocLabels: ReadonlyMap<string, string> | null;
  /** Keep chains that an earlier pass had to move to the next page. */
  breakBefore: ReadonlySet<string>;
}

/** What a layout pass finds out. */
interface Layout {
  numbering: PageNumbering;
  headingPages: Map<string, number>;
  moved: Set<string>;
}

/**
 * Page numbers: every section is a pdfmake `section` node with its own footer function. pdfmake
 * calls footers page by page in order, so `PageNumbering` sees where each section starts and
 * prints roman or arabic numbers restarting where the model says, as Word does.
 *
 * The TOC: pdfmake's own `toc` can only print physical page numbers, so a document with a TOC is
 * laid out twice. The first pass records the page of every heading; the second prints the TOC with
 * the labels those pages carry in their footers. The TOC takes the same space in both passes, so
 * nothing else moves.
 *
 * Keeping headings and captions with what follows: pdfmake lays the whole document out again each
 * time `pageBreakBefore` moves a node, so only the first node of a run of headings and a caption
 * (a keep chain) is ever moved, and the second pass is told up front which ones the first moved.
 */
export async function renderPdf(doc: ReportDocument): Promise<Buffer> {
  let pass: Pass = { tocLabels: null, breakBefore: new Set() };
  if (doc.sections.some((s) => s.blocks.some((b) => b.type === 'toc'))) {
    const layout: Layout = { numbering: new PageNumbering(doc.sections), headingPages: new Map(), moved: new Set() };
    const first = buildDocument(doc, pass, layout);
    await createPdf(first.definition).getStream();
    const tocLabels = new Map<string, string>();
    for (const entry of first.toc) {
      const page = layout.headingPages.get(entry.id);
      tocLabels.set(entry.id, (page === undefined ? null : layout.numbering.labelFor(entry.section, page)) ?? '');
    }
    pass = { tocLabels, breakBefore: layout.moved };
  }
  const layout: Layout = { numbering: new PageNumbering(doc.sections), headingPages: new Map(), moved: new Set() };
  return createPdf(buildDocument(doc, pass, layout).definition).getBuffer();
}

function createPdf(definition: TDocumentDefinitions) {
  pdfmake.setFonts(FONTS);
  // The report never loads images or fonts from elsewhere; refuse anything that tries.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => FONT_FILES.has(path));
  return pdfmake.createPdf(definition);
}

/**
 * A run of headings, maybe ending in a table caption, that must start on the same page as the
 * first line of the block after them.
 */
interface KeepChain {
  /** Id of that first line: a leaf node, as pdfmake only tracks the pages of leaves reliably. */
  anchor?: string;
}

interface BuildContext {
  pass: Pass;
  toc: readonly TocEntry[];
  ids: { heading: number; keep: number; lastLevel1: string };
  /** Every keep chain, by the id of its first node. */
  chains: Map<string, KeepChain>;
  /** The chain the next heading or caption joins, if the block before was a heading. */
  openChain: KeepChain | null;
}

function buildDocument(doc: ReportDocument, pass: Pass, layout: Layout): { definition: TDocumentDefinitions; toc: TocEntry[] } {
  const toc: TocEntry[] = [];
  // Headings are numbered before anything is drawn so the TOC, which comes first, can list them.
  doc.sections.forEach((section, index) => {
    for (const block of sectionBlocks(section)) {
      if (block.type === 'heading' && block.level <= 2) {
        toc.push({ id: `${TOC_ID}${toc.length + 1}`, text: block.text, level: block.level === 1 ? 1 : 2, section: index });
      }
    }
  });
  const context: BuildContext = { pass, toc, ids: { heading: 0, keep: 0, lastLevel1: '' }, chains: new Map(), openChain: null };

  const content: Content[] = [];
  if (doc.cover) content.push({ section: coverContent(doc.cover), pageOrientation: 'portrait', footer: null });
  doc.sections.forEach((section, index) => {
    const m = marginsCm(section.orientation);
    const margins: Margins = [cmToPt(m.left), cmToPt(m.top), cmToPt(m.right), cmToPt(m.bottom)];
    const footer: DynamicContent = (page) => {
      const label = layout.numbering.label(index, page);
      return label === null ? null : { text: label, style: FOOTER_STYLE, margin: [0, cmToPt(0.8), 0, 0] };
    };
    const blocks: Content[] = [];
    if (section.letterhead) blocks.push(letterhead(section.letterhead, section));
    closeChain(context);
    for (const block of sectionBlocks(section)) {
      const nodes = renderBlock(block, section, context);
      if (context.openChain !== null && block.type !== 'heading') {
        const target = block.type === 'table' ? nodes.find((n) => typeof n === 'object' && 'table' in n) : nodes[0];
        const leaf = target === undefined ? undefined : firstLeaf(target);
        if (leaf !== undefined) context.openChain.anchor = leaf.id ??= keepId(context);
      }
      blocks.push(...nodes);
      if (block.type !== 'heading') closeChain(context);
    }
    content.push({ section: blocks, pageOrientation: section.orientation, pageMargins: margins, footer });
  });

  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    info: { title: doc.title, ...(doc.author !== undefined ? { author: doc.author } : {}), creator: 'SIKIPER' },
    defaultStyle: { font: FONT, fontSize: FONT_PT.body },
    styles: STYLES,
    content,
    pageBreakBefore: (node: Node, queries: NodeQueries) => {
      const id = node.id;
      if (id === undefined) return false;
      const page = node.pageNumbers[0];
      if (page !== undefined && id.startsWith(TOC_ID)) layout.headingPages.set(id, page);
      const anchor = context.chains.get(id)?.anchor;
      // A chain already near the top of its page cannot do better on the next one.
      if (anchor === undefined || node.startPosition.verticalRatio < 0.1) return false;
      if (queries.getFollowingNodesOnPage().some((n) => n.id === anchor)) return false;
      if (!queries.getNodesOnNextPage().some((n) => n.id === anchor)) return false;
      layout.moved.add(id);
      // pdfmake does not ask about a node again once it is moved; it starts the next page.
      if (page !== undefined && id.startsWith(TOC_ID)) layout.headingPages.set(id, page + 1);
      return true;
    },
  };
  return { definition, toc };
}

// A call rather than an assignment in the loop, so TypeScript does not narrow `openChain` to null
// across the calls that open it again.
function closeChain(context: BuildContext): void {
  context.openChain = null;
}

/**
 * Gives a heading or caption its place in a keep chain, and says whether an earlier pass moved
 * the chain it starts to the next page.
 */
function keep(id: string, context: BuildContext): { pageBreak?: 'before' } {
  if (context.openChain !== null) return {};
  context.openChain = {};
  context.chains.set(id, context.openChain);
  return context.pass.breakBefore.has(id) ? { pageBreak: 'before' } : {};
}

function text(content: Inline): ContentText['text'] {
  return inlineRuns(content).map((r) => ({
    text: r.text,
    ...(r.bold === true ? { bold: true } : {}),
    ...(r.italic === true ? { italics: true } : {}),
    ...(r.underline === true ? { decoration: 'underline' as const } : {}),
  }));
}

function keepId(context: BuildContext): string {
  return `${KEEP_ID}${++context.ids.keep}`;
}

type Leaf = ContentText & { id?: string };

/**
 * The first text of a block, where a keep chain is anchored: for a table, the first non-empty cell
 * of its first body row, since the header rows go wherever that row goes.
 */
function firstLeaf(node: Content | TableCell): Leaf | undefined {
  if (typeof node !== 'object' || Array.isArray(node)) return undefined;
  if ('table' in node && node.table !== undefined) {
    const row = node.table.body[node.table.headerRows ?? 0] ?? [];
    for (const cell of row) {
      const leaf = firstLeaf(cell);
      if (leaf !== undefined) return leaf;
    }
    return undefined;
  }
  const children: readonly (Content | TableCell)[] | undefined =
    'stack' in node ? node.stack : 'ul' in node ? node.ul : 'ol' in node ? node.ol : undefined;
  if (children !== undefined) {
    for (const child of children) {
      const leaf = firstLeaf(child);
      if (leaf !== undefined) return leaf;
    }
    return undefined;
  }
  if (!('text' in node)) return undefined;
  const hasText = (t: unknown): boolean =>
    typeof t === 'string' ? t.trim() !== '' : Array.isArray(t) ? t.some(hasText) : typeof t === 'object' && t !== null && 'text' in t && hasText(t.text);
  return hasText(node.text) ? (node as Leaf) : undefined;
}

function coverContent(cover: Cover): Content[] {
  const lines = (texts: readonly string[], fontSize: number, after: number): Content[] =>
    texts.map((t, i) => ({
      text: t,
      fontSize,
      bold: true,
      alignment: 'center' as const,
      margin: [0, 0, 0, i === texts.length - 1 ? after : 3] as Margins,
    }));
  return [
    { text: '', margin: [0, cmToPt(6), 0, 0] },
    ...lines(cover.titleLines, FONT_PT.coverTitle, 24),
    ...(cover.subtitle !== undefined ? lines([cover.subtitle], FONT_PT.coverOrganisation, 0) : []),
    { text: '', margin: [0, cmToPt(5), 0, 0] },
    ...lines(cover.organisationLines, FONT_PT.coverOrganisation, 12),
    ...lines([cover.year], FONT_PT.coverOrganisation, 0),
  ];
}

function letterhead(head: Letterhead, section: Section): Content {
  const width = cmToPt(textWidthCm(section.orientation));
  const lines: Content[] = head.lines.map((t, i) => ({
    text: t,
    bold: true,
    alignment: 'center' as const,
    fontSize: i === head.lines.length - 1 ? FONT_PT.letterheadMain : FONT_PT.letterheadTop,
  }));
  if (head.address !== undefined) {
    lines.push({ text: head.address, alignment: 'center', fontSize: FONT_PT.letterheadAddress });
  }
  // The kop surat's double rule: a thick line over a thin one.
  lines.push({
    canvas: [
      { type: 'line', x1: 0, y1: 3, x2: width, y2: 3, lineWidth: 2.25 },
      { type: 'line', x1: 0, y1: 6, x2: width, y2: 6, lineWidth: 0.75 },
    ],
    margin: [0, 0, 0, 14],
  });
  return { stack: lines };
}

function renderBlock(block: Block, section: Section, context: BuildContext): Content[] {
  switch (block.type) {
    case 'heading':
      return [heading(block.level, block.text, context)];
    case 'paragraph':
      return [
        {
          text: text(block.content),
          style: 'body',
          alignment: block.align ?? 'justify',
          ...(block.firstLineIndent === true ? { leadingIndent: cmToPt(1.25) } : {}),
        },
      ];
    case 'list':
      return [list(block)];
    case 'table':
      return table(block, section, context);
    case 'signature':
      return [signature(block)];
    case 'toc':
      return [tocContent(block.title ?? DEFAULT_TOC_TITLE, context)];
    case 'pageBreak':
      return [{ text: '', pageBreak: 'after' }];
    case 'placeholder':
      return [
        {
          text: [{ text: placeholderText(block), background: PLACEHOLDER_FILL, italics: true }],
          style: 'body',
          alignment: 'left',
        },
      ];
    default:
      return assertNever(block);
  }
}

function heading(level: 1 | 2 | 3, value: string, context: BuildContext): Content {
  const style = level === 1 ? 'h1' : level === 2 ? 'h2' : 'h3';
  if (level === 3) {
    const id = keepId(context);
    return { text: value, style, id, ...keep(id, context) };
  }
  const entry = context.toc[context.ids.heading++];
  if (entry === undefined) throw new Error('Heading count changed while building the PDF');
  if (level === 1) context.ids.lastLevel1 = entry.id;
  return {
    text: value,
    style,
    id: entry.id,
    ...keep(entry.id, context),
    outline: true,
    ...(level === 2 && context.ids.lastLevel1 !== '' ? { outlineParentId: context.ids.lastLevel1 } : {}),
  };
}

function list(block: ListBlock): Content {
  const items = block.items.map((item) => ({ text: text(item), style: 'body', alignment: 'justify' as const }));
  return block.ordered ? { ol: items, margin: [cmToPt(0.5), 0, 0, 6] } : { ul: items, margin: [cmToPt(0.5), 0, 0, 6] };
}

function table(block: TableBlock, section: Section, context: BuildContext): Content[] {
  const grid = layoutGrid(block);
  const n = block.columns.length;
  const fontSize = block.small === true ? FONT_PT.tableSmall : FONT_PT.table;
  // pdfmake's widths exclude cell padding and rules; take those off so the table fills the text width.
  const available = cmToPt(textWidthCm(section.orientation)) - n * 2 * CELL_PAD_X - (n + 1) * RULE;
  const widths = distributeWidths(
    block.columns.map((c) => c.width),
    available,
  );
  const headerCount = block.header.length;

  const body: TableCell[][] = grid.map((slots, r) =>
    slots.map((slot): TableCell => {
      if (slot.kind === 'covered') return {};
      const { cell, col, colSpan, rowSpan } = slot.placed;
      const isHeader = r < headerCount;
      const shade = cell.shade ?? isHeader;
      return {
        text: text(cell.content),
        alignment: cell.align ?? (isHeader ? 'center' : (block.columns[col]?.align ?? 'left')),
        ...((cell.bold ?? false) || isHeader ? { bold: true } : {}),
        ...(shade ? { fillColor: HEADER_SHADE } : {}),
        ...(colSpan > 1 ? { colSpan } : {}),
        ...(rowSpan > 1 ? { rowSpan } : {}),
        // pdfmake centres a cell spanning rows as if it were one row high, pushing its text over
        // the rule below, so those stay at the top.
        ...(isHeader && rowSpan === 1 ? { verticalAlignment: 'middle' as const } : {}),
      };
    }),
  );

  const out: Content[] = [];
  if (block.caption !== undefined) {
    const id = keepId(context);
    out.push({ text: block.caption, style: 'caption', id, ...keep(id, context) });
  }
  out.push({
    table: { headerRows: headerCount, keepWithHeaderRows: 1, dontBreakRows: true, widths, body },
    layout: GRID_LAYOUT,
    fontSize,
  });
  if (block.source !== undefined) out.push({ text: block.source, style: 'source' });
  else out.push({ text: '', margin: [0, 0, 0, 12] });
  return out;
}

// Titles and names sit in separate rows so that, side by side, the two names line up however
// many lines each title wraps to.
function signature(block: SignatureBlock): Content {
  const centered = (value: string, extra: Partial<ContentText> = {}): Content => ({
    text: value,
    alignment: 'center',
    ...extra,
  });
  const titles = (s: Signatory): TableCell => ({ stack: s.titleLines.map((t) => centered(t)) });
  const names = (s: Signatory): TableCell => ({
    stack: [
      // The space above the name is where the wet signature and the stamp go.
      centered(s.name, { bold: true, decoration: 'underline', margin: [0, 60, 0, 0] }),
      ...(s.rank !== undefined ? [centered(s.rank)] : []),
      ...(s.nip !== undefined ? [centered(`NIP. ${s.nip}`)] : []),
    ],
  });
  const [first, second] = block.signatories;
  const row = (part: (s: Signatory) => TableCell): TableCell[] =>
    second === undefined ? [{ text: '' }, part(first)] : [part(first), part(second)];
  const body: TableCell[][] = [];
  if (block.placeDate !== undefined) body.push([{ text: '' }, centered(block.placeDate)]);
  body.push(row(titles), row(names));
  return {
    table: { widths: ['*', '*'], dontBreakRows: true, body },
    layout: NO_LINES,
    unbreakable: true,
    margin: [0, 12, 0, 12],
  };
}

function tocContent(title: string, context: BuildContext): Content {
  const labels = context.pass.tocLabels;
  const rows: TableCell[][] = context.toc.map((entry) => [
    {
      text: entry.text,
      linkToDestination: entry.id,
      margin: [entry.level === 1 ? 0 : cmToPt(0.75), 2, 0, 2],
      ...(entry.level === 1 ? { bold: true } : {}),
    },
    // The first pass prints a stand-in of the same height, so the real labels fit in its place.
    { text: labels === null ? '0' : (labels.get(entry.id) ?? ''), alignment: 'right', linkToDestination: entry.id, margin: [0, 2, 0, 2] },
  ]);
  return {
    stack: [
      { text: title, style: 'tocTitle' },
      ...(rows.length > 0 ? [{ table: { widths: ['*', 40], body: rows }, layout: NO_LINES }] : []),
    ],
  };
}
