/**
 * A small in-process cache of values computed from the database, each remembered with the data
 * revision (src/db/revisi.ts) it was computed at. A lookup with another revision is a miss, so a
 * write committed by any server process is seen by the next request that reads the revision.
 * Least recently used entries go first once `maks` is reached.
 */
export class CacheRevisi<V> {
  private readonly isi = new Map<string, { revisi: string; nilai: V }>();
  /** Computations under way, so that concurrent misses of one key compute once. */
  private readonly berjalan = new Map<string, { revisi: string; janji: Promise<V> }>();

  constructor(private readonly maks: number) {}

  async ambil(kunci: string, revisi: string, hitung: () => Promise<V>): Promise<V> {
    const ada = this.isi.get(kunci);
    if (ada && ada.revisi === revisi) {
      // Re-inserting moves the key to the end: the Map's order is the recency order.
      this.isi.delete(kunci);
      this.isi.set(kunci, ada);
      return ada.nilai;
    }
    const jalan = this.berjalan.get(kunci);
    if (jalan && jalan.revisi === revisi) return jalan.janji;
    const janji = hitung();
    this.berjalan.set(kunci, { revisi, janji });
    try {
      const nilai = await janji;
      this.isi.delete(kunci);
      this.isi.set(kunci, { revisi, nilai });
      while (this.isi.size > this.maks) {
        const tertua = this.isi.keys().next();
        if (tertua.done) break;
        this.isi.delete(tertua.value);
      }
      return nilai;
    } finally {
      if (this.berjalan.get(kunci)?.janji === janji) this.berjalan.delete(kunci);
    }
  }

  lupakan(kunci: string): void {
    this.isi.delete(kunci);
  }

  get ukuran(): number {
    return this.isi.size;
  }
}
