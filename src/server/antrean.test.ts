/**
 * The heavy-work queue (security finding F5: documents rendered on the request thread stalled
 * every request). The queue alone: limits, a full queue refused, positions in fair order. Over
 * HTTP: the server answers /api/health while a PDF of the reference LKJIP renders; with room for
 * one job and N waiting, N+2 requests give N+1 documents and one 503 with Retry-After and an
 * Indonesian message, and the jobs report their places in order; another pemda's document is
 * made while the first pemda's jobs wait.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testDatabases } from '../db/testing.ts';
import { MIME } from '../report/index.ts';
import { Antrean, AntreanPenuh } from './antrean.ts';
import { type Harness, type Klien, type Pemda, siapkan } from './testing.ts';

/** A job the test finishes when it wants. */
function kerjaTertahan() {
  let lepas!: () => void;
  const selesai = new Promise<void>((r) => (lepas = r));
  let mulai = false;
  return {
    kerja: async () => {
      mulai = true;
      await selesai;
    },
    lepas,
    get mulai() {
      return mulai;
    },
  };
}

const giliran = () => new Promise<void>((r) => setImmediate(r));

describe('the heavy-work queue', () => {
  it('runs at most `serentak` jobs, refuses beyond `maks` waiting, and starts the next when one ends', async () => {
    const q = new Antrean({ serentak: 1, serentakPemda: 1, maks: 2, maksPemda: 2 });
    const k = [kerjaTertahan(), kerjaTertahan(), kerjaTertahan()];
    const t = k.map((x) => q.masuk('a', x.kerja));
    await giliran();
    assert.deepEqual(t.map((x) => [x.tiket.status, x.tiket.posisi]), [['berjalan', null], ['antre', 1], ['antre', 2]]);
    assert.deepEqual(k.map((x) => x.mulai), [true, false, false]);
    assert.throws(() => q.masuk('a', async () => {}), (e: unknown) => e instanceof AntreanPenuh && e.cobaLagiDetik >= 1 && /antrean penuh/.test(e.message));
    k[0]?.lepas();
    await t[0]?.hasil;
    await giliran();
    assert.deepEqual(t.map((x) => [x.tiket.status, x.tiket.posisi]), [['selesai', null], ['berjalan', null], ['antre', 1]]);
    k[1]?.lepas();
    k[2]?.lepas();
    await Promise.all(t.map((x) => x.hasil));
    assert.deepEqual(q.keadaan, { menunggu: 0, berjalan: 0 });
  });

  it('a failing job frees its place and its caller gets the error', async () => {
    const q = new Antrean({ serentak: 1, serentakPemda: 1, maks: 1, maksPemda: 1 });
    const gagal = q.jalankan('a', () => Promise.reject(new Error('rusak')));
    const berikut = q.jalankan('a', () => Promise.resolve(7));
    await assert.rejects(gagal, /rusak/);
    assert.equal(await berikut, 7);
  });

  it('another pemda waits behind the running job only, not behind the first pemda\'s queue', async () => {
    const q = new Antrean({ serentak: 1, serentakPemda: 1, maks: 10, maksPemda: 5 });
    const a = [kerjaTertahan(), kerjaTertahan(), kerjaTertahan(), kerjaTertahan()];
    const ta = a.map((x) => q.masuk('a', x.kerja));
    const b = kerjaTertahan();
    const tb = q.masuk('b', b.kerja);
    const c = kerjaTertahan();
    const tc = q.masuk('c', c.kerja);
    await giliran();
    // a1 runs; b and c are next, then a's other jobs in their order.
    assert.deepEqual([tb.tiket.posisi, tc.tiket.posisi, ...ta.map((x) => x.tiket.posisi)], [1, 2, null, 3, 4, 5]);
    a[0]?.lepas();
    await giliran();
    await giliran();
    assert.equal(b.mulai, true);
    assert.equal(a[1]?.mulai, false);
    b.lepas();
    c.lepas();
    for (const x of a) x.lepas();
    await Promise.all([...ta, tb, tc].map((x) => x.hasil));
  });

  it('the per-pemda limits: one pemda runs at most `serentakPemda` jobs and queues at most `maksPemda`', async () => {
    const q = new Antrean({ serentak: 2, serentakPemda: 1, maks: 10, maksPemda: 1 });
    const a = [kerjaTertahan(), kerjaTertahan()];
    const ta = a.map((x) => q.masuk('a', x.kerja));
    assert.throws(() => q.masuk('a', async () => {}), AntreanPenuh);
    const b = kerjaTertahan();
    const tb = q.masuk('b', b.kerja);
    await giliran();
    assert.deepEqual([...ta, tb].map((x) => x.tiket.status), ['berjalan', 'antre', 'berjalan']);
    for (const x of [...a, b]) x.lepas();
    await Promise.all([...ta, tb].map((x) => x.hasil));
  });
});

/** Holds the document jobs of the pemda named, once their turn has come, until released. */
class Gerbang {
  readonly tertahan = new Set<string>();
  readonly mulai: string[] = [];
  private tunggu: Array<() => void> = [];
  tahan = async (pemda: string): Promise<void> => {
    this.mulai.push(pemda);
    if (this.tertahan.has(pemda)) await new Promise<void>((r) => this.tunggu.push(r));
  };
  lepas(): void {
    this.tertahan.clear();
    for (const r of this.tunggu.splice(0)) r();
  }
}

interface TugasJson {
  id: string;
  status: 'antre' | 'berjalan' | 'selesai' | 'gagal';
  posisi: number | null;
  galat?: { error: string; message?: string };
}

async function tungguSelesai(k: Klien, pemda: string, id: string): Promise<TugasJson> {
  for (;;) {
    const r = await k.req('GET', `/api/pemda/${pemda}/tugas/${id}`);
    assert.equal(r.statusCode, 200, r.body);
    const t = r.json<TugasJson>();
    if (t.status === 'selesai' || t.status === 'gagal') return t;
    await new Promise((res) => setTimeout(res, 50));
  }
}

for (const kind of testDatabases()) {
  describe(`documents are rendered off the request thread [${kind.name}]`, () => {
    let h: Harness;
    before(async () => {
      h = await siapkan(kind, { beban: { pekerja: 1 } });
    });
    after(() => h.close());

    it('/api/health answers within 1 s while a PDF of the reference LKJIP renders', async () => {
      const p = await h.masuk('perencana.disnakertrans');
      let selesai = false;
      const pdf = p.req('GET', `/api/pemda/${h.pemda.slug}/opd/disnakertrans/tahun/2023/dokumen/lkjip?format=pdf`).finally(() => (selesai = true));
      const lama: number[] = [];
      while (!selesai) {
        const t0 = performance.now();
        const r = await h.app.inject({ method: 'GET', url: '/api/health' });
        const ms = performance.now() - t0;
        assert.equal(r.statusCode, 200);
        if (!selesai) lama.push(ms);
        await new Promise((res) => setTimeout(res, 20));
      }
      const r = await pdf;
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.headers['content-type'], MIME.pdf);
      assert.ok(r.rawPayload.subarray(0, 5).toString() === '%PDF-', 'a PDF');
      // Rendering takes seconds: many health checks were answered meanwhile, each quickly.
      assert.ok(lama.length >= 5, `only ${lama.length} health checks during the rendering`);
      const terlama = Math.max(...lama);
      assert.ok(terlama < 1000, `a health check took ${Math.round(terlama)} ms during the rendering`);
    });
  });

  describe(`the document queue over HTTP [${kind.name}]`, () => {
    const N = 3;
    const gerbang = new Gerbang();
    let h: Harness;
    let b: Pemda;
    let pa: Klien;
    let pb: Klien;
    const url = (pemda: string) => `/api/pemda/${pemda}/opd/disnakertrans/tahun/2023/dokumen/triwulan`;

    before(async () => {
      h = await siapkan(kind, { beban: { pekerja: 1, antrean: { serentak: 1, serentakPemda: 1, maks: N, maksPemda: N }, tahan: gerbang.tahan } });
      b = await h.pemdaBaru();
      pa = await h.masuk('perencana.disnakertrans');
      pb = await h.masuk('perencana.disnakertrans', b);
    });
    after(() => h.close());

    it(`with room for 1 job and ${N} waiting, ${N + 2} direct downloads give ${N + 1} files and one 503`, async () => {
      gerbang.tertahan.add(h.pemda.slug);
      const semua = Array.from({ length: N + 2 }, () => pa.req('GET', url(h.pemda.slug)));
      // The refused one is answered at once, while the others wait.
      const ditolak = await Promise.race(semua.map((x, i) => x.then(() => i)));
      const r = await semua[ditolak];
      assert.equal(r?.statusCode, 503, r?.body);
      assert.match(String(r?.headers['retry-after']), /^[1-9][0-9]*$/);
      assert.equal(r?.json<{ error: string }>().error, 'antrean-penuh');
      assert.match(r?.json<{ message: string }>().message ?? '', /antrean penuh; coba lagi dalam \d+ detik/);
      gerbang.lepas();
      const jawaban = await Promise.all(semua);
      assert.deepEqual(jawaban.map((x) => x.statusCode).sort(), [...Array<number>(N + 1).fill(200), 503]);
      for (const x of jawaban.filter((y) => y.statusCode === 200)) assert.equal(x.headers['content-type'], MIME.xlsx);
    });

    it('jobs report their places in order; a full queue is 503; each finished job gives its file', async () => {
      gerbang.tertahan.add(h.pemda.slug);
      const ids: string[] = [];
      const tempat: Array<[string, number | null]> = [];
      for (let i = 0; i < N + 1; i++) {
        const r = await pa.req('POST', `${url(h.pemda.slug)}/tugas`, { triwulan: 2 });
        assert.equal(r.statusCode, 202, r.body);
        const t = r.json<TugasJson>();
        ids.push(t.id);
        tempat.push([t.status, t.posisi]);
      }
      assert.deepEqual(tempat, [['berjalan', null], ['antre', 1], ['antre', 2], ['antre', 3]]);
      const penuh = await pa.req('POST', `${url(h.pemda.slug)}/tugas`, {});
      assert.equal(penuh.statusCode, 503, penuh.body);
      assert.ok(Number(penuh.headers['retry-after']) >= 1);
      assert.match(penuh.json<{ message: string }>().message, /antrean penuh/);
      // Reading a job reports the same place; the file of an unfinished job is 409.
      const kedua = await pa.req('GET', `/api/pemda/${h.pemda.slug}/tugas/${ids[2]}`);
      assert.deepEqual([kedua.json<TugasJson>().status, kedua.json<TugasJson>().posisi], ['antre', 2]);
      assert.equal((await pa.req('GET', `/api/pemda/${h.pemda.slug}/tugas/${ids[2]}/berkas`)).statusCode, 409);
      // Someone else's job, or the job under another pemda, is not found.
      const kepala = await h.masuk('kepala.disnakertrans');
      assert.equal((await kepala.req('GET', `/api/pemda/${h.pemda.slug}/tugas/${ids[0]}`)).statusCode, 404);
      assert.equal((await pb.req('GET', `/api/pemda/${b.slug}/tugas/${ids[0]}`)).statusCode, 404);

      gerbang.lepas();
      for (const id of ids) {
        const t = await tungguSelesai(pa, h.pemda.slug, id);
        assert.equal(t.status, 'selesai', JSON.stringify(t));
        const f = await pa.req('GET', `/api/pemda/${h.pemda.slug}/tugas/${id}/berkas`);
        assert.equal(f.statusCode, 200, f.body);
        assert.equal(f.headers['content-type'], MIME.xlsx);
        assert.match(String(f.headers['content-disposition']), /TRIWULAN-.*-tw2\.xlsx/);
      }
    });

    it('a job that fails reports why, and its file answers as the download would (unknown PK version: 404)', async () => {
      const r = await pa.req('POST', `/api/pemda/${h.pemda.slug}/opd/disnakertrans/tahun/2023/dokumen/pk/tugas`, { format: 'docx', versi: 99 });
      assert.equal(r.statusCode, 202, r.body);
      const t = await tungguSelesai(pa, h.pemda.slug, r.json<TugasJson>().id);
      assert.equal(t.status, 'gagal');
      assert.equal(t.galat?.error, 'tidak-ditemukan');
      assert.equal((await pa.req('GET', `/api/pemda/${h.pemda.slug}/tugas/${t.id}/berkas`)).statusCode, 404);
      // Bad requests are refused before they take a place.
      assert.equal((await pa.req('POST', `${url(h.pemda.slug)}/tugas`, { format: 'pdf' })).statusCode, 400);
      assert.equal((await pa.req('POST', `${url(h.pemda.slug)}/tugas`, { lain: 1 })).statusCode, 400);
    });

    it('another pemda\'s document is made while the first pemda\'s jobs wait', async () => {
      // Room for two jobs, one per pemda: pemda A's first job holds one, its others wait.
      const h2 = await siapkan(kind, { beban: { pekerja: 1, antrean: { serentak: 2, serentakPemda: 1, maks: 10, maksPemda: 5 }, tahan: gerbang.tahan } });
      try {
        const b2 = await h2.pemdaBaru();
        const ka = await h2.masuk('perencana.disnakertrans');
        const kb = await h2.masuk('perencana.disnakertrans', b2);
        gerbang.tertahan.add(h2.pemda.slug);
        const ids: string[] = [];
        for (let i = 0; i < 4; i++) {
          const r = await ka.req('POST', `${url(h2.pemda.slug)}/tugas`, {});
          assert.equal(r.statusCode, 202, r.body);
          ids.push(r.json<TugasJson>().id);
        }
        const r = await kb.req('POST', `${url(b2.slug)}/tugas`, {});
        assert.equal(r.statusCode, 202, r.body);
        assert.deepEqual([r.json<TugasJson>().status, r.json<TugasJson>().posisi], ['berjalan', null]);
        const t = await tungguSelesai(kb, b2.slug, r.json<TugasJson>().id);
        assert.equal(t.status, 'selesai');
        // Pemda A's jobs are all still where they were: one held, three waiting.
        const a = await Promise.all(ids.map(async (id) => (await ka.req('GET', `/api/pemda/${h2.pemda.slug}/tugas/${id}`)).json<TugasJson>()));
        assert.deepEqual(a.map((x) => [x.status, x.posisi]), [['berjalan', null], ['antre', 1], ['antre', 2], ['antre', 3]]);
        // A direct download of pemda B does not wait behind them either.
        const langsung = await kb.req('GET', url(b2.slug));
        assert.equal(langsung.statusCode, 200, langsung.body);
        gerbang.lepas();
        for (const id of ids) assert.equal((await tungguSelesai(ka, h2.pemda.slug, id)).status, 'selesai');
      } finally {
        gerbang.lepas();
        await h2.close();
      }
    });
  });
}
