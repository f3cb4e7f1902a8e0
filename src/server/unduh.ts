/**
 * Every file the server hands out (documents, evidence, register and table workbooks, backups)
 * leaves through one helper, with the same headers: an `attachment` with an ASCII name and its
 * UTF-8 form (RFC 6266), and no caching by shared caches (the files hold a pemda's own data).
 */
import type { FastifyReply } from 'fastify';

export interface Unduhan {
  mime: string;
  /** The name offered to the browser; non-ASCII characters survive in `filename*`. */
  nama: string;
  isi: Buffer | Uint8Array;
  /** Further response headers (e.g. a checksum or a content security policy). */
  header?: Readonly<Record<string, string>>;
}

/** `attachment` with an ASCII filename and its UTF-8 form (RFC 6266). */
export function disposisi(nama: string): string {
  const ascii = nama.replace(/[^A-Za-z0-9._-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(nama)}`;
}

/** Sends the file as a download. Fastify sends the bytes as they are (no serializer applies). */
export function kirimUnduhan(reply: FastifyReply, u: Unduhan): FastifyReply {
  reply.type(u.mime).header('content-disposition', disposisi(u.nama)).header('cache-control', 'private, no-store');
  for (const [k, v] of Object.entries(u.header ?? {})) reply.header(k, v);
  return reply.send(u.isi);
}
