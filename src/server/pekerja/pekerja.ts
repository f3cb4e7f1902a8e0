/**
 * A document worker thread: takes a dataset and a document request (plain, structured-cloned
 * data), builds the document with `buatDokumen` exactly as the CLI does, and returns its bytes.
 * No database access here: the server loads the data on its main thread.
 */
import { parentPort } from 'node:worker_threads';
import { buatDokumen } from '../../report/index.ts';
import type { Masalah } from '../../workflow/errors.ts';
import type { JawabanPekerja, PesanPekerja } from './kolam.ts';

const port = parentPort;
if (!port) throw new Error('pekerja.ts runs only as a worker thread');

port.on('message', (pesan: PesanPekerja) => {
  void kerjakan(pesan).then((jawaban) => {
    if (jawaban.ok) port.postMessage(jawaban, [jawaban.isi]);
    else port.postMessage(jawaban);
  });
});

async function kerjakan({ id, dataset, permintaan }: PesanPekerja): Promise<JawabanPekerja> {
  try {
    const dok = await buatDokumen(dataset, permintaan);
    const isi = dok.isi.buffer.slice(dok.isi.byteOffset, dok.isi.byteOffset + dok.isi.byteLength) as ArrayBuffer;
    return { id, ok: true, isi, mime: dok.mime, namaBerkas: dok.namaBerkas, placeholder: dok.placeholder };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    const issues = (err as { issues?: unknown }).issues;
    return { id, ok: false, galat: { name: err.name, message: err.message, ...(Array.isArray(issues) ? { issues: issues as Masalah[] } : {}) } };
  }
}
