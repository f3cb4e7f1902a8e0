import type { PageNumberFormat, Section } from '../model.ts';

// Page geometry shared by both renderers so the Word and PDF versions break pages alike.
// A4, with the wide margin on the bound edge: the left edge of portrait pages, and the top edge
// of landscape pages, which are bound rotated.
export const A4_CM = { width: 21, height: 29.7 } as const;

export interface MarginsCm {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export function marginsCm(orientation: Section['orientation']): MarginsCm {
  return orientation === 'portrait'
    ? { top: 2.5, right: 2, bottom: 2.5, left: 3 }
    : { top: 3, right: 2.5, bottom: 2, left: 2.5 };
}

/** Width between the margins, in cm. */
export function textWidthCm(orientation: Section['orientation']): number {
  const m = marginsCm(orientation);
  const pageWidth = orientation === 'portrait' ? A4_CM.width : A4_CM.height;
  return pageWidth - m.left - m.right;
}

export const cmToPt = (cm: number): number => (cm * 72) / 2.54;
export const cmToTwip = (cm: number): number => Math.round((cm * 1440) / 2.54);

// Font sizes in points, as Indonesian government documents usually set them.
export const FONT_PT = {
  body: 12,
  table: 10,
  tableSmall: 9,
  source: 9,
  footer: 10,
  heading1: 14,
  heading2: 12,
  heading3: 12,
  coverTitle: 18,
  coverOrganisation: 14,
  letterheadTop: 14,
  letterheadMain: 16,
  letterheadAddress: 10,
} as const;

const ROMAN: readonly [number, string][] = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
  [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

export function toRoman(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

export function formatPageNumber(n: number, format: PageNumberFormat): string | null {
  switch (format) {
    case 'roman':
      return toRoman(n);
    case 'arabic':
      return String(n);
    case 'none':
      return null;
  }
}

/**
 * The printed page number of each physical page, as Word numbers sections: from 1 at the first
 * section and at each section that restarts, otherwise on from the page before. It learns where
 * sections start as pages are reported to it in order, which is how pdfmake calls footers.
 */
export class PageNumbering {
  private readonly starts = new Map<number, number>();
  private lastPage = 0;

  constructor(private readonly sections: readonly Section[]) {}

  /** `page` is the 1-based physical page, `section` the index into the document's sections. */
  label(section: number, page: number): string | null {
    if (page <= this.lastPage) this.starts.clear(); // a new layout pass
    this.lastPage = page;
    if (!this.starts.has(section)) this.starts.set(section, page);
    return this.labelFor(section, page);
  }

  /** The label of a page in a section whose start page has already been seen. */
  labelFor(section: number, page: number): string | null {
    const format = this.sections[section]?.pageNumbers ?? 'none';
    let first = section;
    while (first > 0 && this.sections[first]?.restartNumbering !== true) first--;
    const start = this.starts.get(first);
    if (start === undefined) return null;
    return formatPageNumber(page - start + 1, format);
  }

  sectionStarts(): ReadonlyMap<number, number> {
    return this.starts;
  }
}
