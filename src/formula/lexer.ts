/**
 * Splits a formula into tokens. Never throws: text it cannot read becomes one `invalid` token
 * that ends the stream, so the parser reports it only if nothing earlier in the formula is wrong.
 */

export type Keyword = 'dan' | 'atau' | 'tidak' | 'dalam' | 'kosong' | 'terisi' | 'benar' | 'salah';

export type Operator = '+' | '-' | '*' | '/' | '=' | '!=' | '<' | '<=' | '>' | '>=';

export type Token =
  | { readonly kind: 'number'; readonly text: string; readonly start: number; readonly end: number }
  | { readonly kind: 'string'; readonly value: string; readonly start: number; readonly end: number }
  | { readonly kind: 'name'; readonly name: string; readonly start: number; readonly end: number }
  | { readonly kind: 'keyword'; readonly keyword: Keyword; readonly start: number; readonly end: number }
  | { readonly kind: 'op'; readonly op: Operator; readonly start: number; readonly end: number }
  | { readonly kind: '(' | ')' | ','; readonly start: number; readonly end: number }
  | { readonly kind: 'eof'; readonly start: number; readonly end: number }
  /** `found` completes the sentence "ditemukan …" of the parser's message. */
  | { readonly kind: 'invalid'; readonly found: string; readonly start: number; readonly end: number };

/** Keywords are case-insensitive; the English spellings are aliases. */
const KEYWORDS = new Map<string, Keyword>([
  ['dan', 'dan'],
  ['and', 'dan'],
  ['atau', 'atau'],
  ['or', 'atau'],
  ['tidak', 'tidak'],
  ['not', 'tidak'],
  ['dalam', 'dalam'],
  ['in', 'dalam'],
  ['kosong', 'kosong'],
  ['terisi', 'terisi'],
  ['benar', 'benar'],
  ['true', 'benar'],
  ['salah', 'salah'],
  ['false', 'salah'],
]);

export function keywordOf(word: string): Keyword | undefined {
  return KEYWORDS.get(word.toLowerCase());
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isLetter = (c: string | undefined): boolean =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_');
const isWordChar = (c: string | undefined): boolean => isLetter(c) || isDigit(c);

/** Operators written with typographic symbols (as in reports and word processors) are accepted too. */
const SYMBOL_OPERATORS: Readonly<Record<string, Operator>> = {
  '×': '*',
  '÷': '/',
  '≠': '!=',
  '≤': '<=',
  '≥': '>=',
};

/** Characters people bring from spreadsheets and word processors, with what to write instead. */
const HINTS: Readonly<Record<string, string>> = {
  "'": 'teks ditulis di antara tanda petik ganda "…"',
  ';': 'argumen fungsi dipisahkan dengan koma',
  '%': 'rumus tidak memakai tanda persen; kalikan dengan 100',
  '“': 'teks ditulis di antara tanda petik ganda biasa "…"',
  '”': 'teks ditulis di antara tanda petik ganda biasa "…"',
};

function unknownCharacter(cp: number): string {
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  if (cp < 0x20 || cp === 0x7f || (cp >= 0xd800 && cp <= 0xdfff)) return `karakter ${hex} yang tidak sah`;
  const c = String.fromCodePoint(cp);
  const hint = HINTS[c];
  return `karakter "${c}" yang tidak dikenal${hint ? ` (${hint})` : ''}`;
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = source.length;
  const invalid = (start: number, end: number, found: string): Token[] => {
    tokens.push({ kind: 'invalid', found, start, end });
    return tokens;
  };

  while (i < n) {
    const c = source[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0') {
      i++;
      continue;
    }
    const start = i;

    if (isDigit(c)) {
      while (isDigit(source[i])) i++;
      let dots = 0;
      while (source[i] === '.' && isDigit(source[i + 1])) {
        dots++;
        i++;
        while (isDigit(source[i])) i++;
      }
      if (source[i] === '.') {
        return invalid(start, i + 1, `angka tidak lengkap "${source.slice(start, i + 1)}" (setelah titik desimal harus ada angka)`);
      }
      if (dots > 1) {
        // 1.000.000 is a thousands-grouped number as Indonesians write it; the formula has no grouping.
        return invalid(start, i, `angka "${source.slice(start, i)}" yang tidak sah (rumus tidak memakai pemisah ribuan; titik adalah pemisah desimal)`);
      }
      tokens.push({ kind: 'number', text: source.slice(start, i), start, end: i });
      continue;
    }

    if (isLetter(c)) {
      while (isWordChar(source[i])) i++;
      while (source[i] === '.') {
        if (!isLetter(source[i + 1])) {
          return invalid(start, i + 1, `nama tidak lengkap "${source.slice(start, i + 1)}" (setelah titik harus ada nama kolom)`);
        }
        i++;
        while (isWordChar(source[i])) i++;
      }
      const word = source.slice(start, i);
      const kw = word.includes('.') ? undefined : keywordOf(word);
      tokens.push(kw ? { kind: 'keyword', keyword: kw, start, end: i } : { kind: 'name', name: word, start, end: i });
      continue;
    }

    if (c === '"') {
      i++;
      let value = '';
      for (;;) {
        const d = source[i];
        if (d === undefined || d === '\n' || d === '\r') {
          return invalid(start, i, 'teks yang tidak ditutup (tanda " penutup tidak ada)');
        }
        if (d === '"') {
          i++;
          break;
        }
        if (d === '\\') {
          const e = source[i + 1];
          const esc = e === '"' ? '"' : e === '\\' ? '\\' : e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : undefined;
          if (esc === undefined) {
            return invalid(start, i + 2, `teks dengan urutan escape yang tidak sah "\\${e ?? ''}" (yang sah: \\" \\\\ \\n \\r \\t)`);
          }
          value += esc;
          i += 2;
          continue;
        }
        value += d;
        i++;
      }
      tokens.push({ kind: 'string', value, start, end: i });
      continue;
    }

    const two = source.slice(i, i + 2);
    const twoOp: Operator | undefined =
      two === '!=' || two === '<>' ? '!=' : two === '<=' ? '<=' : two === '>=' ? '>=' : two === '==' ? '=' : undefined;
    if (twoOp) {
      tokens.push({ kind: 'op', op: twoOp, start, end: i + 2 });
      i += 2;
      continue;
    }
    if (c === '+' || c === '-' || c === '*' || c === '/' || c === '=' || c === '<' || c === '>') {
      tokens.push({ kind: 'op', op: c, start, end: i + 1 });
      i++;
      continue;
    }
    const sym = c === undefined ? undefined : SYMBOL_OPERATORS[c];
    if (sym) {
      tokens.push({ kind: 'op', op: sym, start, end: i + 1 });
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: c, start, end: i + 1 });
      i++;
      continue;
    }
    // A lone surrogate half or an astral character: report the whole code point.
    const cp = source.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    return invalid(start, i + width, unknownCharacter(cp));
  }
  tokens.push({ kind: 'eof', start: n, end: n });
  return tokens;
}
