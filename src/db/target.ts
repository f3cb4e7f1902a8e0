/**
 * Which database the configuration names, decided without opening it: PGlite in a folder or in
 * memory, or a PostgreSQL URL. Its own module, free of the database drivers, so that reading the
 * configuration (src/config/config.ts) and starting the command line stay light.
 */
import { resolve } from 'node:path';

export interface OpenOptions {
  /** postgres://…, file://<folder> or memory://; none or empty: PGlite in `dataDir`. */
  url?: string | undefined;
  /** PGlite folder when no URL is given; default ./data. */
  dataDir?: string | undefined;
  /**
   * PostgreSQL connections of this process; default 20. node-postgres keeps 10 by default; under
   * hundreds of concurrent requests they queue for one (mind max_connections over all processes).
   */
  pool?: number | undefined;
}

export class DatabaseConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseConfigError';
  }
}

export type Target = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string | undefined };

/** Pure: decides what to open from the options. */
export function resolveTarget(opts: OpenOptions = {}): Target {
  const url = (opts.url ?? '').trim();
  if (url === '') return { kind: 'pglite', dataDir: resolve(opts.dataDir ?? './data') };
  if (url === 'memory://') return { kind: 'pglite', dataDir: undefined };
  if (url.startsWith('file://')) {
    const path = url.slice('file://'.length);
    if (path === '') throw new DatabaseConfigError('DATABASE_URL file:// harus menyebut folder, mis. file://./data');
    return { kind: 'pglite', dataDir: resolve(path) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new DatabaseConfigError(`DATABASE_URL bukan URL PostgreSQL yang sah: ${redact(url)}`);
    }
    if (parsed.hostname === '' && !parsed.searchParams.has('host')) {
      throw new DatabaseConfigError(`DATABASE_URL tidak menyebut host: ${redact(url)}`);
    }
    return { kind: 'postgres', url };
  }
  throw new DatabaseConfigError(
    `DATABASE_URL tidak dikenali: ${redact(url)}. Gunakan postgres://user@host:port/db, file://<folder> atau memory://`,
  );
}

/** Hides the password of a URL for messages. */
export function redact(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*):[^@]*@/i, '$1:***@');
}
