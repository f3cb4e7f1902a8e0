/**
 * Builds the e-SAKIP review package of an OPD-year (src/report/paket-reviu.ts says what it
 * holds): loads the OPD's data and the follow-ups of last year's evaluation once, renders the
 * seven PDFs through the renderer it is given (the server's worker pool, so they run in
 * parallel as far as the pool allows; `buatDokumen` in the CLI's own process), and zips them
 * with `manifest.json` and `SHA256SUMS`. One service for `GET …/paket-reviu` and
 * `sikiper paket-reviu`.
 */
import JSZip from 'jszip';
import type { Dataset } from '../dataset/schema.ts';
import type { Db } from '../db/client.ts';
import { loadDatasetOpd } from '../db/dataset-repository.ts';
import { konteks } from '../measure/konteks.ts';
import type { Dokumen, PermintaanDokumen } from '../report/index.ts';
import { ISI_PAKET_REVIU, type ManifestReviu, namaBerkasReviu, namaPaketReviu, susunManifest, teksSha256Sums } from '../report/paket-reviu.ts';
import { TidakDitemukan } from '../workflow/errors.ts';
import { opsiLkjip } from '../workflow/evaluasi.ts';

export type PembuatDokumen = (d: Dataset, q: PermintaanDokumen) => Promise<Dokumen>;

export interface PaketReviu {
  isi: Buffer;
  namaBerkas: string;
  manifest: ManifestReviu;
}

export async function buatPaketReviu(db: Db, pemda: string, opd: string, tahun: number, opsi: { buat: PembuatDokumen; sekarang: Date }): Promise<PaketReviu> {
  const d = await loadDatasetOpd(db, pemda, opd);
  if (!d) throw new TidakDitemukan(`OPD "${opd}" tidak ada`);
  // Refuses a year without a Renstra (NotFoundError, 404) before any rendering starts.
  konteks(d, opd, tahun);
  const lkjip = await opsiLkjip(db, pemda, opd, tahun);
  const dokumen = await Promise.all(ISI_PAKET_REVIU.map((isi) => opsi.buat(d, { jenis: isi.jenis, format: 'pdf', opd, tahun, lkjip })));
  const manifest = susunManifest(
    d,
    opd,
    tahun,
    opsi.sekarang,
    ISI_PAKET_REVIU.map((isi, i) => {
      const dok = dokumen[i];
      if (!dok) throw new Error(`dokumen ${isi.kode} tidak dibuat`);
      return { isi, data: dok.isi, mime: dok.mime, belumDiisi: dok.placeholder };
    }),
  );
  const zip = new JSZip();
  const date = opsi.sekarang;
  // PDFs are compressed already: stored as they are, so their bytes in the archive are the hashed bytes.
  ISI_PAKET_REVIU.forEach((isi, i) => zip.file(namaBerkasReviu(isi, opd, tahun), dokumen[i]?.isi ?? Buffer.alloc(0), { date, compression: 'STORE' }));
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date });
  zip.file('SHA256SUMS', teksSha256Sums(manifest), { date });
  const isi = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
  return { isi, namaBerkas: namaPaketReviu(d.pemda.slug, opd, tahun), manifest };
}
