/** Plain-text tables for the terminal. */
export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** Maximum width; longer cells wrap onto further lines. */
  max?: number;
}

function wrap(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
    while (line.length > width) {
      lines.push(line.slice(0, width));
      line = line.slice(width);
    }
  }
  if (line) lines.push(line);
  return lines;
}

export function renderTable(title: string, columns: Column[], rows: string[][]): string {
  const widths = columns.map((c, i) => Math.min(c.max ?? 60, Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length))));
  const pad = (s: string, i: number) => ((columns[i]?.align ?? 'left') === 'right' ? s.padStart(widths[i] ?? 0) : s.padEnd(widths[i] ?? 0));
  const sep = widths.map((w) => '-'.repeat(w)).join('-+-');
  const line = (cells: string[]) => {
    const wrapped = cells.map((c, i) => wrap(c, widths[i] ?? 1));
    const height = Math.max(...wrapped.map((w) => w.length));
    const out: string[] = [];
    for (let h = 0; h < height; h++) out.push(wrapped.map((w, i) => pad(w[h] ?? '', i)).join(' | ').trimEnd());
    return out.join('\n');
  };
  return [title, line(columns.map((c) => c.header)), sep, ...rows.map(line)].join('\n');
}
