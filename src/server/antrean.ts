/**
 * The queue in front of heavy work (documents, workbook and backup previews): at most
 * `serentak` jobs run at once, at most `serentakPemda` of one pemda, and at most `maks` wait
 * (`maksPemda` of one pemda); a job beyond that is refused at once with `AntreanPenuh` (503 with
 * Retry-After), instead of making everyone wait longer.
 *
 * Waiting jobs start in fair order: each pemda's jobs take turns (a job's turn is one after its
 * pemda's previous job still waiting or running, and never before the turn now being served),
 * so a pemda that asks for many documents at once does not make another pemda wait behind all
 * of them. Within a turn, first come first served.
 */

export interface OpsiAntrean {
  /** Heavy jobs running at once, over all pemda. */
  serentak: number;
  /** Heavy jobs of one pemda running at once. */
  serentakPemda: number;
  /** Jobs waiting, over all pemda; one more is refused. */
  maks: number;
  /** Jobs of one pemda waiting; one more is refused. */
  maksPemda: number;
}

/** The queue is full: the request is refused, to be tried again after `cobaLagiDetik`. */
export class AntreanPenuh extends Error {
  override name = 'AntreanPenuh';
  constructor(readonly cobaLagiDetik: number) {
    super(`server sedang menyusun banyak dokumen dan antrean penuh; coba lagi dalam ${cobaLagiDetik} detik`);
  }
}

export type StatusTiket = 'antre' | 'berjalan' | 'selesai';

/** A job's place: `posisi` is 1 for the next job to start, null once it runs. */
export interface Tiket {
  readonly status: StatusTiket;
  readonly posisi: number | null;
}

interface Entri extends Tiket {
  readonly nomor: number;
  readonly pemda: string;
  readonly putaran: number;
  status: StatusTiket;
  mulai: () => void;
}

export class Antrean {
  private readonly menunggu: Entri[] = [];
  private readonly berjalanPemda = new Map<string, number>();
  private readonly menungguPemda = new Map<string, number>();
  /** The turn of each pemda's latest job still waiting or running. */
  private readonly putaranPemda = new Map<string, number>();
  private readonly aktifPemda = new Map<string, number>();
  private berjalan = 0;
  private putaranSekarang = 0;
  private nomor = 0;
  /** Moving average of a job's duration, for Retry-After. */
  private rerataMs = 3000;

  constructor(readonly opsi: OpsiAntrean) {
    for (const [k, v] of Object.entries(opsi)) if (!Number.isInteger(v) || v < (k.startsWith('maks') ? 0 : 1)) throw new Error(`antrean: ${k} tidak sah (${v})`);
  }

  /** Jobs waiting and running now. */
  get keadaan(): { menunggu: number; berjalan: number } {
    return { menunggu: this.menunggu.length, berjalan: this.berjalan };
  }

  /**
   * Puts `kerja` in the queue: the ticket tells its place while it waits, `hasil` is its result.
   * Throws `AntreanPenuh` (nothing queued) when the queue is full.
   */
  masuk<T>(pemda: string, kerja: () => Promise<T>): { tiket: Tiket; hasil: Promise<T> } {
    const bisaLangsung = this.berjalan < this.opsi.serentak && (this.berjalanPemda.get(pemda) ?? 0) < this.opsi.serentakPemda;
    if (!bisaLangsung && (this.menunggu.length >= this.opsi.maks || (this.menungguPemda.get(pemda) ?? 0) >= this.opsi.maksPemda)) {
      throw new AntreanPenuh(this.perkiraanDetik());
    }
    const aktif = this.aktifPemda.get(pemda) ?? 0;
    const sebelumnya = this.putaranPemda.get(pemda);
    const putaran = aktif > 0 && sebelumnya !== undefined ? Math.max(this.putaranSekarang, sebelumnya + 1) : this.putaranSekarang;
    this.putaranPemda.set(pemda, putaran);
    this.aktifPemda.set(pemda, aktif + 1);
    this.menungguPemda.set(pemda, (this.menungguPemda.get(pemda) ?? 0) + 1);

    const menunggu = this.menunggu;
    let mulai!: () => void;
    const siap = new Promise<void>((r) => (mulai = r));
    const e: Entri = {
      nomor: ++this.nomor,
      pemda,
      putaran,
      status: 'antre',
      mulai,
      get posisi() {
        return this.status === 'antre' ? menunggu.indexOf(e) + 1 : null;
      },
    };
    const i = this.menunggu.findIndex((x) => x.putaran > putaran || (x.putaran === putaran && x.nomor > e.nomor));
    this.menunggu.splice(i < 0 ? this.menunggu.length : i, 0, e);

    const hasil = siap.then(async () => {
      const t0 = performance.now();
      try {
        return await kerja();
      } finally {
        this.rerataMs = 0.8 * this.rerataMs + 0.2 * (performance.now() - t0);
        this.selesai(e);
      }
    });
    this.pompa();
    return { tiket: e, hasil };
  }

  /** Runs `kerja` when its turn comes; throws `AntreanPenuh` when the queue is full. */
  jalankan<T>(pemda: string, kerja: () => Promise<T>): Promise<T> {
    return this.masuk(pemda, kerja).hasil;
  }

  /** Seconds after which a refused request may find room: the work ahead at the average duration. */
  perkiraanDetik(): number {
    const detik = Math.ceil(((this.menunggu.length + this.berjalan) * this.rerataMs) / this.opsi.serentak / 1000);
    return Math.min(120, Math.max(1, detik));
  }

  private pompa(): void {
    while (this.berjalan < this.opsi.serentak) {
      const i = this.menunggu.findIndex((x) => (this.berjalanPemda.get(x.pemda) ?? 0) < this.opsi.serentakPemda);
      if (i < 0) return;
      const [e] = this.menunggu.splice(i, 1);
      if (!e) return;
      e.status = 'berjalan';
      this.berjalan++;
      this.berjalanPemda.set(e.pemda, (this.berjalanPemda.get(e.pemda) ?? 0) + 1);
      kurangi(this.menungguPemda, e.pemda);
      this.putaranSekarang = Math.max(this.putaranSekarang, e.putaran);
      e.mulai();
    }
  }

  private selesai(e: Entri): void {
    e.status = 'selesai';
    this.berjalan--;
    kurangi(this.berjalanPemda, e.pemda);
    if (kurangi(this.aktifPemda, e.pemda) === 0) this.putaranPemda.delete(e.pemda);
    this.pompa();
  }
}

function kurangi(m: Map<string, number>, k: string): number {
  const n = (m.get(k) ?? 0) - 1;
  if (n <= 0) m.delete(k);
  else m.set(k, n);
  return Math.max(0, n);
}
