/**
 * Database errors as the rest of the program may see them. A failed query reaches the code as
 * Drizzle's DrizzleQueryError, whose message holds the SQL and every parameter (argon2 hashes,
 * names, entered values), around the driver's error, whose `detail` repeats the offending
 * values ("Key (username)=(budi) already exists."). Neither may reach a log: what is logged is
 * the SQLSTATE, the constraint, table and column names, and the stack without the message.
 */

/** The fields of a node-postgres or PGlite error that name no value. */
export interface GalatBasisData {
  /** SQLSTATE, e.g. 23505 (unique violation). */
  code: string;
  constraint?: string | undefined;
  table?: string | undefined;
  column?: string | undefined;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * On Citus a constraint broken on a worker is named after its shard ("realisasi_periode_uq_102957"),
 * and a statement run over several shards (INSERT ... SELECT) returns the worker's message under
 * SQLSTATE XX000 without the constraint field. Both are read back to the schema's names and codes.
 */
const SHARD = /_\d{6,}$/;
const PESAN_CITUS: ReadonlyArray<[RegExp, string]> = [
  [/violates unique constraint "([^"]+)"/, '23505'],
  [/violates foreign key constraint "([^"]+)"/, '23503'],
  [/violates check constraint "([^"]+)"/, '23514'],
  [/violates exclusion constraint "([^"]+)"/, '23P01'],
];

/** The driver's error inside `e` (itself or along its `cause` chain), if `e` is a database error. */
export function galatBasisData(e: unknown): GalatBasisData | undefined {
  let x: unknown = e;
  for (let depth = 0; depth < 5 && x !== null && typeof x === 'object'; depth++) {
    const o = x as { code?: unknown; constraint?: unknown; table?: unknown; column?: unknown; cause?: unknown; message?: unknown };
    if (typeof o.code === 'string' && SQLSTATE.test(o.code)) {
      const teks = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
      const tanpaShard = (v: unknown) => teks(v)?.replace(SHARD, '');
      if (o.code === 'XX000' && typeof o.message === 'string') {
        for (const [pola, code] of PESAN_CITUS) {
          const m = pola.exec(o.message);
          if (m) return { code, constraint: tanpaShard(m[1]), table: tanpaShard(o.table), column: teks(o.column) };
        }
      }
      return { code: o.code, constraint: tanpaShard(o.constraint), table: tanpaShard(o.table), column: teks(o.column) };
    }
    x = o.cause;
  }
  return undefined;
}

/** A failed query: Drizzle's wrapper (it carries `params`) or a driver error. */
function galatKueri(e: unknown): boolean {
  if (galatBasisData(e)) return true;
  let x: unknown = e;
  for (let depth = 0; depth < 5 && x !== null && typeof x === 'object'; depth++) {
    if ('params' in x || (x as Error).name === 'DrizzleQueryError') return true;
    x = (x as { cause?: unknown }).cause;
  }
  return false;
}

/** SQLSTATE 23505: a row with the same unique key exists (often: created by a concurrent request). */
export function pelanggaranUnik(e: unknown): GalatBasisData | undefined {
  const g = galatBasisData(e);
  return g?.code === '23505' ? g : undefined;
}

/** Runs `f`; a unique violation it raises becomes the command's own refusal (`galat()`), which names the field. */
export async function tangkapUnik<T>(galat: () => Error, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (pelanggaranUnik(e)) throw galat();
    throw e;
  }
}

/** The stack's frames only: the first lines repeat the message. */
function bingkai(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined;
  const frames = stack.split('\n').filter((l) => /^\s+at /.test(l));
  return frames.length > 0 ? frames.join('\n') : undefined;
}

export interface GalatLog {
  [k: string]: unknown;
  type: string;
  message: string;
  /** Frames only, without the message. */
  stack: string;
}

/**
 * An error as a log line may hold it (the logger's `err` serializer). A query error keeps its
 * SQLSTATE and names but neither its message (SQL and parameters) nor the driver's detail;
 * any other error keeps its name, code and message. Causes are serialized the same way.
 */
export function galatUntukLog(e: unknown, depth = 0): GalatLog {
  if (e === null || typeof e !== 'object') return { type: typeof e, message: String(e).slice(0, 500), stack: '' };
  const o = e as Error & { code?: unknown; statusCode?: unknown; cause?: unknown };
  const type = typeof o.name === 'string' ? o.name : 'Error';
  const stack = bingkai(o.stack) ?? '';
  if (galatKueri(e)) {
    const g = galatBasisData(e);
    return {
      type,
      message: 'galat basis data (kueri dan parameternya tidak dicatat)',
      ...(g ? { sqlState: g.code, constraint: g.constraint, table: g.table, column: g.column } : {}),
      stack,
    };
  }
  return {
    type,
    message: typeof o.message === 'string' ? o.message.slice(0, 500) : '',
    ...(typeof o.code === 'string' ? { code: o.code } : {}),
    ...(typeof o.statusCode === 'number' ? { statusCode: o.statusCode } : {}),
    stack,
    ...(o.cause !== undefined && depth < 3 ? { cause: galatUntukLog(o.cause, depth + 1) } : {}),
  };
}

/** One line for a terminal: what failed, without SQL, parameters or values. */
export function ringkasGalatBasisData(e: unknown): string {
  const g = galatBasisData(e);
  if (!g) return 'galat basis data';
  return [`galat basis data SQLSTATE ${g.code}`, g.constraint && `constraint ${g.constraint}`, g.table && `tabel ${g.table}`].filter(Boolean).join(', ');
}
