import type { Cell, TableBlock } from '../model.ts';

export interface PlacedCell {
  cell: Cell;
  row: number;
  col: number;
  colSpan: number;
  rowSpan: number;
}

/** A position of the table grid: where a cell starts, or a position a span from elsewhere covers. */
export type Slot = { kind: 'start'; placed: PlacedCell } | { kind: 'covered'; origin: PlacedCell };

/**
 * Places the HTML-style rows of a table (header rows, then body rows) on a full grid. Word takes
 * the rows as they are, but pdfmake needs a slot for every position, so both renderers share this
 * and a malformed table fails here with its row number rather than as a broken document.
 */
export function layoutGrid(table: TableBlock): Slot[][] {
  const columnCount = table.columns.length;
  const rows = [...table.header, ...table.body];
  const grid: (Slot | undefined)[][] = rows.map(() => new Array<Slot | undefined>(columnCount).fill(undefined));
  const where = (r: number) =>
    r < table.header.length ? `header row ${r + 1}` : `body row ${r - table.header.length + 1}`;

  rows.forEach((cells, r) => {
    const line = grid[r] ?? [];
    let c = 0;
    for (const cell of cells) {
      while (c < columnCount && line[c] !== undefined) c++;
      const colSpan = cell.colSpan ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      if (!Number.isInteger(colSpan) || !Number.isInteger(rowSpan) || colSpan < 1 || rowSpan < 1) {
        throw new Error(`Table ${where(r)}: spans must be positive integers`);
      }
      if (c + colSpan > columnCount) {
        throw new Error(`Table ${where(r)}: cells run past the ${columnCount} columns`);
      }
      const lastRow = r + rowSpan - 1;
      if (lastRow >= rows.length) throw new Error(`Table ${where(r)}: rowSpan runs past the last row`);
      if (r < table.header.length && lastRow >= table.header.length) {
        throw new Error(`Table ${where(r)}: a header cell cannot span into the body`);
      }
      const placed: PlacedCell = { cell, row: r, col: c, colSpan, rowSpan };
      for (let rr = r; rr <= lastRow; rr++) {
        const target = grid[rr] ?? [];
        for (let cc = c; cc < c + colSpan; cc++) {
          if (target[cc] !== undefined) throw new Error(`Table ${where(r)}: cells overlap in column ${cc + 1}`);
          target[cc] = rr === r && cc === c ? { kind: 'start', placed } : { kind: 'covered', origin: placed };
        }
      }
      c += colSpan;
    }
    const filled = line.filter((s) => s !== undefined).length;
    if (filled !== columnCount) {
      throw new Error(`Table ${where(r)}: covers ${filled} of ${columnCount} columns`);
    }
  });
  return grid.map((line) => line.map((s) => s as Slot));
}

/** Scales relative column widths to `total`, rounding so the parts add up to it exactly. */
export function distributeWidths(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!(sum > 0) || weights.some((w) => !(w > 0))) throw new Error('Table column widths must be positive');
  const out = weights.map((w) => Math.floor((w / sum) * total));
  const last = out.length - 1;
  out[last] = (out[last] ?? 0) + total - out.reduce((a, b) => a + b, 0);
  return out;
}
