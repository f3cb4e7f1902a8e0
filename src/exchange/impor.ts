/**
 * Reads whatever `sikiper export` wrote, or a dataset folder: the format is decided by the
 * content, not the name (a ZIP is a workbook, `{` is JSON, gzip is a backup and is pointed to
 * `restore`), so a renamed file gets a message about what it really is.
 */
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { bacaBerkasDataset } from '../dataset/load.ts';
import type { Dataset } from '../dataset/schema.ts';
import { BATAS_UKURAN_DATASET_XLSX, bacaDatasetXlsx } from './dataset-xlsx.ts';
import { ImporError } from './galat.ts';
import { bacaBerkasTerbatas, periksaXlsx } from './xlsx.ts';

async function awalBerkas(path: string, n: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** A dataset from a folder, a .json file or a dataset .xlsx workbook; all validated, with located errors. */
export async function bacaBerkasImpor(path: string): Promise<Dataset> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    throw new ImporError([{ pesan: `tidak dapat dibuka: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'berkas atau folder tidak ada' : (e as Error).message}` }], path);
  }
  if (info.isDirectory()) return bacaBerkasDataset(path);
  const head = await awalBerkas(path, 4);
  if (head[0] === 0x1f && head[1] === 0x8b) throw new ImporError([{ pesan: 'ini berkas cadangan (gzip); pulihkan dengan `sikiper restore`' }], path);
  if (head[0] === 0x50 && head[1] === 0x4b) return bacaDatasetXlsx(await bacaBerkasTerbatas(path, BATAS_UKURAN_DATASET_XLSX), path);
  if (extname(path).toLowerCase() === '.xlsx') {
    throw new ImporError([{ pesan: periksaXlsx(await bacaBerkasTerbatas(path, BATAS_UKURAN_DATASET_XLSX), BATAS_UKURAN_DATASET_XLSX) ?? 'bukan berkas .xlsx' }], path);
  }
  return bacaBerkasDataset(path);
}
