/**
 * The one file of a multipart upload (evidence, register rows, workbooks, backups): one helper for
 * every upload route, so each refuses the same things with the same words.
 */
import type { FastifyRequest } from 'fastify';
import { MasukanTidakSah } from '../workflow/errors.ts';

/**
 * Reads the single file part of the request, at most `batas` bytes. A request that is not
 * multipart, holds no file, or whose body is broken (no boundary, cut off) is 400
 * `masukan-tidak-sah` on the field `berkas`; a file above `batas` keeps @fastify/multipart's 413
 * (`FST_REQ_FILE_TOO_LARGE`), which a caller may restate.
 */
export async function bacaUnggahan(req: FastifyRequest, batas: number): Promise<{ nama: string; isi: Buffer }> {
  if (!req.isMultipart()) throw new MasukanTidakSah([{ path: 'berkas', message: 'kirim berkas sebagai multipart/form-data' }]);
  try {
    const file = await req.file({ limits: { fileSize: batas, files: 1, fields: 5, parts: 6 } });
    if (!file) throw new MasukanTidakSah([{ path: 'berkas', message: 'tidak ada berkas' }]);
    return { nama: file.filename, isi: await file.toBuffer() };
  } catch (e) {
    // A broken multipart body is the client's error, not the server's.
    const status = (e as { statusCode?: number }).statusCode;
    if (e instanceof MasukanTidakSah || (status !== undefined && status >= 400 && status < 500)) throw e;
    throw new MasukanTidakSah([{ path: 'berkas', message: `isi multipart/form-data tidak sah: ${e instanceof Error ? e.message : String(e)}` }]);
  }
}
