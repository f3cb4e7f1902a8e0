/**
 * Heavy work of the server: the document worker pool, the queue in front of it (also used by
 * the workbook and backup previews) and the document jobs the web app follows while it waits
 * ("Antrean ke-3"). One set per app, decorated on it as `beban`; jobs and their files live in
 * this process's memory for a few minutes.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { KolamDokumen, ukuranKolamBawaan } from './pekerja/kolam.ts';
import type { Aktor } from '../policy/policy.ts';
import { Antrean, type OpsiAntrean, type Tiket } from './antrean.ts';
import { jawabanGalat, type Jawaban } from './errors.ts';

declare module 'fastify' {
  interface FastifyInstance {
    beban: Beban;
  }
}

export interface OpsiBeban {
  /** Worker threads that build documents (SIKIPER_PEKERJA); default one less than the cores (at least 1). */
  pekerja?: number;
  /** Limits of the queue (SIKIPER_PEKERJA_PEMDA, SIKIPER_ANTREAN_MAKS, SIKIPER_ANTREAN_PEMDA through the configuration). */
  antrean?: Partial<OpsiAntrean>;
  /** Tests: awaited when a document job's turn has come, before it loads anything. */
  tahan?: (pemdaSlug: string) => Promise<void>;
}

/** A finished document as the routes send it. */
export interface Berkas {
  isi: Buffer;
  mime: string;
  nama: string;
  /** Narrative sections still marked empty. */
  placeholder: number;
}

export type StatusTugas = 'antre' | 'berjalan' | 'selesai' | 'gagal';

export interface Tugas {
  id: string;
  pemdaId: string;
  penggunaId: string;
  tiket: Tiket;
  status: StatusTugas;
  berkas?: Berkas;
  galat?: Jawaban;
  /** What made it fail, answered again when its file is asked for. */
  sebab?: unknown;
  /** Forgotten after this time (ms since epoch), once finished. */
  sampai?: number;
}

/** How long a finished job (and its file) can be fetched. */
const SIMPAN_MS = 10 * 60_000;
/** Finished jobs kept at most; the oldest are forgotten first. */
const SELESAI_MAKS = 100;

/** Whose job it is: the user, or the API token (whose actor id is the admin who created it). */
const pemilikTugas = (a: Aktor) => (a.token ? `token:${a.token.id}` : a.id);

export class Beban {
  readonly antrean: Antrean;
  readonly kolam: KolamDokumen;
  readonly tahan: ((pemdaSlug: string) => Promise<void>) | undefined;
  private readonly tugas = new Map<string, Tugas>();

  constructor(opsi: OpsiBeban = {}) {
    const pekerja = opsi.pekerja ?? ukuranKolamBawaan();
    this.kolam = new KolamDokumen(pekerja);
    const serentak = opsi.antrean?.serentak ?? pekerja;
    this.antrean = new Antrean({
      serentak,
      serentakPemda: opsi.antrean?.serentakPemda ?? Math.max(1, Math.ceil(serentak / 2)),
      maks: opsi.antrean?.maks ?? 20,
      maksPemda: opsi.antrean?.maksPemda ?? 10,
    });
    this.tahan = opsi.tahan;
  }

  /** Queues a document job of the actor; throws `AntreanPenuh` when the queue is full. */
  buatTugas(a: Aktor, kerja: () => Promise<Berkas>): Tugas {
    this.bersihkan();
    const { tiket, hasil } = this.antrean.masuk(a.pemdaId, kerja);
    const t: Tugas = { id: randomUUID(), pemdaId: a.pemdaId, penggunaId: pemilikTugas(a), tiket, status: 'antre' };
    this.tugas.set(t.id, t);
    hasil.then(
      (berkas) => {
        t.status = 'selesai';
        t.berkas = berkas;
        t.sampai = Date.now() + SIMPAN_MS;
      },
      (e: unknown) => {
        t.status = 'gagal';
        t.galat = jawabanGalat(e);
        t.sebab = e;
        t.sampai = Date.now() + SIMPAN_MS;
      },
    );
    return this.segarkan(t);
  }

  /** The actor's own job; another user's or another pemda's is not found. */
  bacaTugas(a: Aktor, id: string): Tugas | undefined {
    this.bersihkan();
    const t = this.tugas.get(id);
    if (!t || t.pemdaId !== a.pemdaId || t.penggunaId !== pemilikTugas(a)) return undefined;
    return this.segarkan(t);
  }

  /** Waiting or running as its ticket says (finished is set when the result arrives). */
  private segarkan(t: Tugas): Tugas {
    if (t.status === 'antre' || t.status === 'berjalan') t.status = t.tiket.status === 'antre' ? 'antre' : 'berjalan';
    return t;
  }

  async tutup(): Promise<void> {
    await this.kolam.tutup();
  }

  private bersihkan(): void {
    const now = Date.now();
    const selesai = [...this.tugas.values()].filter((t) => t.sampai !== undefined);
    for (const t of selesai) if ((t.sampai ?? 0) < now) this.tugas.delete(t.id);
    const sisa = selesai.filter((t) => this.tugas.has(t.id)).sort((x, y) => (x.sampai ?? 0) - (y.sampai ?? 0));
    for (const t of sisa.slice(0, Math.max(0, sisa.length - SELESAI_MAKS))) this.tugas.delete(t.id);
  }
}

/**
 * Runs heavy work of a request in its turn (one queue with the documents): the request waits,
 * or is refused 503 with Retry-After when the queue is full. Without a `beban` on the app (a
 * route tested on its own), the work simply runs.
 */
export function antreBerat<T>(req: FastifyRequest, pemdaId: string, kerja: () => Promise<T>): Promise<T> {
  const beban = (req.server as { beban?: Beban }).beban;
  return beban ? beban.antrean.jalankan(pemdaId, kerja) : kerja();
}
