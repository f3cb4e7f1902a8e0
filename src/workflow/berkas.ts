/**
 * Evidence files: what a file is, from its first bytes. The name and the Content-Type the
 * browser sends are the uploader's claims; the stored type is what the content proves.
 */
import type { MIME_BUKTI } from '../db/schema-app.ts';

export type MimeBukti = (typeof MIME_BUKTI)[number];

const SIGNATURES: ReadonlyArray<{ mime: MimeBukti; bytes: readonly number[] }> = [
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

export function deteksiMime(isi: Uint8Array): MimeBukti | undefined {
  return SIGNATURES.find((s) => s.bytes.every((b, i) => isi[i] === b))?.mime;
}

const EXTENSION: Record<MimeBukti, string> = { 'application/pdf': '.pdf', 'image/png': '.png', 'image/jpeg': '.jpg' };

/**
 * A display name safe to store and to send back in Content-Disposition: no folders, no
 * control or bidi-override characters, at most 150 characters, and an extension that matches
 * the detected type (so that a saved "laporan.pdf.exe" does not keep its disguise).
 */
export function namaAman(asli: string, mime: MimeBukti): string {
  const base = asli.split(/[\\/]/).pop() ?? '';
  // Control characters and bidi overrides are exactly what this removes.
  // eslint-disable-next-line no-control-regex
  const clean = base.normalize('NFC').replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069"]/g, '').trim();
  const ext = EXTENSION[mime];
  const stem = clean.replace(/\.[^.]*$/, '').slice(0, 140) || 'bukti';
  const known = mime === 'image/jpeg' ? /\.jpe?g$/i : new RegExp(`\\${ext}$`, 'i');
  return known.test(clean) && clean.length <= 150 ? clean : `${stem}${ext}`;
}
