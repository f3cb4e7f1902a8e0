/**
 * A small pool of worker threads that build documents (LKJIP and PK .docx/.pdf, the quarterly
 * .xlsx) off the server's main thread, so that one long PDF does not stall every other request.
 * What crosses to a worker is plain data: the dataset and the document request; what comes back
 * is the document's bytes (transferred, not copied). Workers start when first needed and are
 * replaced when one dies; an idle pool keeps no process alive.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Dataset } from '../../dataset/schema.ts';
import { NotFoundError } from '../../measure/konteks.ts';
import { MasukanTidakSah, TidakDitemukan, type Masalah } from '../../workflow/errors.ts';
import { type Dokumen, FormatTidakDidukung, type PermintaanDokumen } from '../../report/index.ts';

export interface PesanPekerja {
  id: number;
  dataset: Dataset;
  permintaan: PermintaanDokumen;
}

export type JawabanPekerja =
  | { id: number; ok: true; isi: ArrayBuffer; mime: string; namaBerkas: string; placeholder: string[] }
  | { id: number; ok: false; galat: { name: string; message: string; issues?: Masalah[] } };

/** One thread fewer than the cores (the main thread serves requests), at least one. */
export function ukuranKolamBawaan(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * The thread's entry: the compiled worker module when this module is itself compiled (dist/,
 * `npm start`), else masuk.mjs, which loads the TypeScript source through tsx.
 */
const MASUK = import.meta.url.endsWith('.js') ? new URL('./pekerja.js', import.meta.url) : new URL('./masuk.mjs', import.meta.url);

interface Pekerjaan {
  pesan: PesanPekerja;
  selesai: (d: Dokumen) => void;
  gagal: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  kerja: Pekerjaan | undefined;
}

/** The refusal a worker threw, as the class the server maps to its HTTP answer. */
function galatDari(g: { name: string; message: string; issues?: Masalah[] }): Error {
  switch (g.name) {
    case 'TidakDitemukan':
      return new TidakDitemukan(g.message);
    case 'NotFoundError':
      return new NotFoundError(g.message);
    case 'FormatTidakDidukung':
      return new FormatTidakDidukung(g.message);
    case 'MasukanTidakSah':
      return new MasukanTidakSah(g.issues ?? [{ path: '', message: g.message }]);
    default: {
      const e = new Error(`pembuatan dokumen gagal: ${g.message}`);
      e.name = g.name;
      return e;
    }
  }
}

export class KolamDokumen {
  private readonly slot: Slot[] = [];
  private readonly antre: Pekerjaan[] = [];
  private nomor = 0;
  private ditutup = false;

  constructor(readonly ukuran: number = ukuranKolamBawaan()) {
    if (!Number.isInteger(ukuran) || ukuran < 1) throw new Error(`ukuran kolam pekerja harus bilangan bulat >= 1, bukan ${ukuran}`);
  }

  /** Threads running now (started lazily, at most `ukuran`). */
  get jumlahPekerja(): number {
    return this.slot.length;
  }

  /** Builds the document in a worker thread; refusals (unknown PK version, ...) keep their class. */
  buat(dataset: Dataset, permintaan: PermintaanDokumen): Promise<Dokumen> {
    if (this.ditutup) return Promise.reject(new Error('kolam pekerja dokumen telah ditutup'));
    return new Promise<Dokumen>((selesai, gagal) => {
      this.antre.push({ pesan: { id: ++this.nomor, dataset, permintaan }, selesai, gagal });
      this.pompa();
    });
  }

  /** Stops every thread; work not finished is refused. */
  async tutup(): Promise<void> {
    this.ditutup = true;
    for (const p of this.antre.splice(0)) p.gagal(new Error('kolam pekerja dokumen telah ditutup'));
    await Promise.all(this.slot.splice(0).map(async (s) => {
      s.kerja?.gagal(new Error('kolam pekerja dokumen telah ditutup'));
      s.kerja = undefined;
      await s.worker.terminate();
    }));
  }

  private pompa(): void {
    while (this.antre.length > 0) {
      let s = this.slot.find((x) => x.kerja === undefined);
      if (!s && this.slot.length < this.ukuran) s = this.mulaiPekerja();
      if (!s) return;
      const p = this.antre.shift();
      if (!p) return;
      s.kerja = p;
      s.worker.ref();
      s.worker.postMessage(p.pesan);
    }
  }

  private mulaiPekerja(): Slot {
    // The thread inherits the process's options (e.g. `--import tsx` in the tests); masuk.mjs
    // registers tsx itself where the process has it only for bin/sikiper.js's imports; the
    // compiled worker needs neither.
    const worker = new Worker(MASUK, { execArgv: [...process.execArgv], stdout: false, stderr: false });
    const s: Slot = { worker, kerja: undefined };
    worker.on('message', (j: JawabanPekerja) => {
      const p = s.kerja;
      if (!p || p.pesan.id !== j.id) return;
      s.kerja = undefined;
      worker.unref();
      if (j.ok) p.selesai({ isi: Buffer.from(j.isi), mime: j.mime, namaBerkas: j.namaBerkas, placeholder: j.placeholder });
      else p.gagal(galatDari(j.galat));
      this.pompa();
    });
    const mati = (e: Error) => {
      const i = this.slot.indexOf(s);
      if (i >= 0) this.slot.splice(i, 1);
      const p = s.kerja;
      s.kerja = undefined;
      p?.gagal(e);
      if (!this.ditutup) this.pompa();
    };
    worker.on('error', (e) => mati(new Error(`pekerja dokumen berhenti: ${e.message}`)));
    worker.on('exit', (code) => mati(new Error(`pekerja dokumen berhenti (kode ${code})`)));
    this.slot.push(s);
    return s;
  }
}
