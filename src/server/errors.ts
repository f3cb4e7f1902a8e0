/**
 * One mapping from every refusal to its HTTP answer. Bodies are `{ error: <kode> }` plus what
 * the client needs to act (`issues`, `alasan`, `current`); internal details stay in the log.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { pelanggaranUnik } from '../db/galat.ts';
import { BatasTerlampaui } from '../exchange/galat.ts';
import { NotFoundError } from '../measure/konteks.ts';
import { AntreanPenuh } from './antrean.ts';
import { Dilarang, MasukanTidakSah, StatusTidakSesuai, SudahAda, Terkunci, TidakDitemukan, VersiUsang, type Masalah } from '../workflow/errors.ts';

/** A refusal decided in the HTTP layer itself (session, CSRF, pemda scope). */
export class HttpGalat extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: { error: string; message?: string },
  ) {
    super(body.message ?? body.error);
  }
}

export const belumMasuk = () => new HttpGalat(401, { error: 'belum-masuk', message: 'silakan masuk terlebih dahulu' });
export const galatCsrf = (message: string) => new HttpGalat(403, { error: 'csrf', message });

/** Request validation failed: the validator compiler returns this, Fastify hands it to the error handler. */
export class ValidasiGagal extends Error {
  statusCode = 400;
  constructor(readonly issues: Masalah[]) {
    super('masukan tidak sah');
  }
}

export interface Jawaban {
  status: number;
  body: Record<string, unknown>;
  header?: Record<string, string>;
}

function jawab(error: unknown): Jawaban | undefined {
  if (error instanceof HttpGalat) return { status: error.statusCode, body: error.body };
  if (error instanceof AntreanPenuh) return { status: 503, body: { error: 'antrean-penuh', message: error.message }, header: { 'retry-after': String(error.cobaLagiDetik) } };
  // An uploaded file beyond a size limit (uncompressed size, ZIP entries, ratio, rows): the message names the limit.
  if (error instanceof BatasTerlampaui) return { status: 413, body: { error: 'berkas-terlalu-besar', message: error.galat.map((g) => g.pesan).join('; ') } };
  if (error instanceof ValidasiGagal || error instanceof MasukanTidakSah) return { status: 400, body: { error: 'masukan-tidak-sah', issues: error.issues } };
  if (error instanceof TidakDitemukan || error instanceof NotFoundError) return { status: 404, body: { error: 'tidak-ditemukan', message: error.message } };
  if (error instanceof Dilarang) return { status: 403, body: { error: 'dilarang', message: error.message } };
  if (error instanceof VersiUsang) return { status: 409, body: { error: 'versi-usang', message: error.message, current: error.current } };
  if (error instanceof SudahAda) return { status: 409, body: { error: 'sudah-ada', message: error.message, ...(error.issues.length > 0 ? { issues: error.issues } : {}) } };
  // A unique key the command did not check itself, or a concurrent request that created the same
  // record between the command's check and its insert: a conflict, not a server error.
  if (pelanggaranUnik(error)) return { status: 409, body: { error: 'sudah-ada', message: 'data dengan kunci yang sama sudah ada (mungkin baru saja dibuat oleh permintaan lain); muat ulang lalu periksa' } };
  if (error instanceof StatusTidakSesuai) return { status: 409, body: { error: 'status-tidak-sesuai', message: error.message } };
  if (error instanceof Terkunci) return { status: 423, body: { error: 'terkunci', alasan: error.alasan } };
  const e = error as Partial<FastifyError>;
  switch (e.statusCode) {
    case 413:
      return { status: 413, body: { error: e.code === 'FST_REQ_FILE_TOO_LARGE' ? 'berkas-terlalu-besar' : 'permintaan-terlalu-besar', message: 'ukuran melebihi batas' } };
    case 415:
      return { status: 415, body: { error: 'jenis-konten-tidak-didukung', message: e.message } };
    case 429:
      return { status: 429, body: { error: 'terlalu-banyak-permintaan', message: 'terlalu banyak percobaan; coba lagi nanti' } };
    case undefined:
      return undefined;
    default:
      return e.statusCode >= 400 && e.statusCode < 500 ? { status: e.statusCode, body: { error: 'permintaan-tidak-sah', message: e.message } } : undefined;
  }
}

/** The answer to a refusal, or 500 for anything else (e.g. the outcome of a queued document job). */
export function jawabanGalat(error: unknown): Jawaban {
  return jawab(error) ?? { status: 500, body: { error: 'galat-server', message: 'terjadi galat di server' } };
}

export function pasangPenanganGalat(app: FastifyInstance): void {
  app.setErrorHandler((error, req, reply) => {
    const answer = jawab(error);
    if (answer) return reply.code(answer.status).headers(answer.header ?? {}).send(answer.body);
    // The logger's err serializer (galatUntukLog) keeps SQL, parameters and values out of the log.
    req.log.error({ err: error }, 'galat server');
    return reply.code(500).send({ error: 'galat-server', message: 'terjadi galat di server' });
  });
}
