/**
 * The browser's own types around a document download; the server's shapes of the document routes
 * are in the contract (@kontrak/dokumen.ts).
 */
import type { DokumenBody, FormatDokumen, JenisDokumen } from '@kontrak/dokumen.ts';

/** What the download button asks for: the document (a path segment) and the job's body. */
export type PermintaanUnduh = DokumenBody & { jenis: JenisDokumen; format: FormatDokumen };

/** Where a download is: waiting in the server's queue, being built, or being received (0..1). */
export type KemajuanUnduh = { tahap: 'antre'; posisi: number } | { tahap: 'menyusun' } | { tahap: 'menerima'; bagian: number };

export interface BerkasUnduhan {
  blob: Blob;
  nama: string;
}
