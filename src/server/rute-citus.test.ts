/**
 * On a Citus cluster every statement of a request must run on one shard: the hot paths (sign-in,
 * the session check of every request, the entry list, a save, the dashboard, the load of an
 * OPD-year behind the LKJIP, the changes feed, the public page) are run through the real app
 * while every statement the driver sends is recorded, then each one is planned again with
 * EXPLAIN and its Citus plan read. A plan whose distributed part has more than one task, or that
 * pulls rows of several shards together (repartition, pull to the coordinator), fails the test
 * with the statement. Runs only when
 * SIKIPER_TEST_CITUS_URL names a database on a Citus coordinator (scripts/run-tests.mjs sets it
 * from SIKIPER_TEST_CITUS; see docs/scaling.md).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { testDatabases } from '../db/testing.ts';
import { type Harness, siapkan } from './testing.ts';

interface Pernyataan {
  text: string;
  values: unknown[];
}

/** Records every statement any pg client of this process sends while recording. */
function buatPerekam() {
  const asli = Object.getOwnPropertyDescriptor(pg.Client.prototype, 'query')?.value as (...a: unknown[]) => unknown;
  let aktif = false;
  let daftar: Pernyataan[] = [];
  function rekam(this: pg.Client, ...args: unknown[]) {
    const [q, v] = args as [unknown, unknown];
    if (aktif) {
      const text = typeof q === 'string' ? q : (q as { text?: string }).text;
      const values = Array.isArray(v) ? v : ((q as { values?: unknown[] } | undefined)?.values ?? []);
      if (typeof text === 'string') daftar.push({ text, values });
    }
    return asli.apply(this, args);
  }
  return {
    pasang: () => Object.defineProperty(pg.Client.prototype, 'query', { value: rekam, configurable: true, writable: true }),
    lepas: () => Object.defineProperty(pg.Client.prototype, 'query', { value: asli, configurable: true, writable: true }),
    async selama<T>(f: () => Promise<T>): Promise<{ hasil: T; pernyataan: Pernyataan[] }> {
      daftar = [];
      aktif = true;
      try {
        const hasil = await f();
        return { hasil, pernyataan: daftar };
      } finally {
        aktif = false;
      }
    },
  };
}

type Rencana = Record<string, unknown> & { Plans?: Rencana[] };

/** The Citus verdict on one plan: how many tasks its distributed scans run and whether it merges shards. */
export function bacaRencana(plan: Rencana): { tugas: number[]; gabung: string[] } {
  const tugas: number[] = [];
  const gabung: string[] = [];
  const jalan = (p: Rencana) => {
    const dq = p['Distributed Query'] as { Job?: Record<string, unknown> } | undefined;
    if (dq?.Job) {
      const n = dq.Job['Task Count'];
      if (typeof n === 'number') tugas.push(n);
      const jobs = dq.Job['Dependent Jobs'];
      if (Array.isArray(jobs) && jobs.length > 0) gabung.push('repartition');
      const sub = dq.Job.Tasks;
      // Each task's plan on its worker: a list of EXPLAIN outputs, each a list of plans.
      if (Array.isArray(sub)) for (const t of sub) for (const r of ((t as { 'Remote Plan'?: unknown[] })['Remote Plan'] ?? []).flat()) jalan((r as { Plan: Rencana }).Plan);
    }
    const node = p['Node Type'];
    const custom = p['Custom Plan Provider'];
    if (typeof custom === 'string' && /INSERT \.\.\. SELECT|MERGE/i.test(custom)) gabung.push(custom);
    if (node === 'Custom Scan' && typeof custom === 'string' && /Citus/.test(custom) && p['Distributed Query'] === undefined) gabung.push(custom);
    const subplans = p['Distributed Subplan'];
    if (subplans !== undefined) gabung.push('subplan');
    for (const c of p.Plans ?? []) jalan(c);
  };
  jalan(plan);
  return { tugas, gabung };
}

const DML = /^[\s(]*(select|insert|update|delete|with)\b/i;

if (!testDatabases().some((d) => d.name === 'citus')) {
  it('every request runs on one shard', { skip: 'only on a Citus cluster: SIKIPER_TEST_CITUS=$(scripts/citus.sh start 2)' }, () => undefined);
}

for (const kind of testDatabases().filter((d) => d.name === 'citus')) {
  describe(`every request runs on one shard [${kind.name}]`, () => {
    let h: Harness;
    let periksa: pg.Client;
    const perekam = buatPerekam();

    before(async () => {
      h = await siapkan(kind);
      // A second pemda, so that its shards hold rows too.
      await h.pemdaBaru();
      const url = process.env.SIKIPER_TEST_CITUS_URL;
      if (!url) throw new Error('SIKIPER_TEST_CITUS_URL tidak diatur');
      periksa = new pg.Client({ connectionString: url });
      await periksa.connect();
      perekam.pasang();
    });
    after(async () => {
      perekam.lepas();
      await periksa.end();
      await h.close();
    });

    /** Plans each recorded statement and returns those that do not stay on one shard. */
    async function lintasShard(pernyataan: readonly Pernyataan[]): Promise<Array<{ text: string; alasan: string }>> {
      const salah: Array<{ text: string; alasan: string }> = [];
      for (const s of pernyataan) {
        if (!DML.test(s.text)) continue;
        let rows: Array<{ 'QUERY PLAN': Array<{ Plan: Rencana }> }>;
        try {
          ({ rows } = await periksa.query<{ 'QUERY PLAN': Array<{ Plan: Rencana }> }>({ text: `explain (format json) ${s.text}`, values: s.values }));
        } catch (e) {
          // Citus refuses to plan some statements across shards at all (a join that needs repartitioning).
          salah.push({ text: s.text, alasan: `ditolak: ${(e as Error).message}` });
          continue;
        }
        const plan = rows[0]?.['QUERY PLAN'][0]?.Plan;
        assert.ok(plan, s.text);
        const { tugas, gabung } = bacaRencana(plan);
        const banyak = tugas.filter((n) => n > 1);
        if (banyak.length > 0 || gabung.length > 0) salah.push({ text: s.text, alasan: [...banyak.map((n) => `${n} tugas`), ...gabung].join(', ') });
      }
      return salah;
    }

    const laporkan = (salah: ReadonlyArray<{ text: string; alasan: string }>) => salah.map((s) => `${s.alasan}: ${s.text}`).join('\n\n');

    it('the check itself: a query of every pemda is seen as several shards, one of one pemda as one', async () => {
      const semua = await lintasShard([{ text: 'select count(*) from realisasi', values: [] }]);
      assert.equal(semua.length, 1, 'an unfiltered count must be reported');
      assert.match(semua[0]?.alasan ?? '', /\d+ tugas/);
      const satu = await lintasShard([{ text: 'select count(*) from realisasi where pemda_id = $1', values: [h.pemda.id] }]);
      assert.deepEqual(satu, []);
      const gabung = await lintasShard([{ text: 'select count(*) from audit_log a join pengguna p on p.id = a.pengguna_id', values: [] }]);
      assert.equal(gabung.length, 1, 'a join across pemda must be reported');
    });

    it('sign-in, the session check, entry lists, saves, the dashboard, the OPD-year load, the evaluation, the feed and the public page each run on one shard', async (t) => {
      const base = `/api/pemda/${h.pemda.slug}/opd/disnakertrans`;
      const jalur: Array<[string, () => Promise<{ statusCode: number; body: string }>]> = [];
      let unit = await h.masuk('kabid.p2k');
      const perencana = await h.masuk('perencana.disnakertrans');
      const masuk = await perekam.selama(async () => {
        unit = await h.masuk('kabid.p2k');
        return { statusCode: 200, body: '' };
      });
      const hasil: Array<{ nama: string; n: number; salah: Array<{ text: string; alasan: string }> }> = [];
      hasil.push({ nama: 'sign-in', n: masuk.pernyataan.length, salah: await lintasShard(masuk.pernyataan) });
      const entri = `${base}/tahun/2024/triwulan/1/entri`;
      jalur.push(['session check (/api/me)', () => unit.req('GET', '/api/me')]);
      jalur.push(['entry list', () => unit.req('GET', entri)]);
      jalur.push(['save', () => unit.req('PUT', `${entri}/IKU-1`, { pembilang: 18, penyebut: 27, keterangan: 'uji rute', version: 0 })]);
      jalur.push(['save again', () => unit.req('PUT', `${entri}/IKU-1`, { pembilang: 19, penyebut: 27, version: 1 })]);
      jalur.push(['submit', () => unit.req('POST', `${entri}/IKU-1/ajukan`, { version: 2 })]);
      jalur.push(['dashboard', () => perencana.req('GET', `${base}/tahun/2024/dashboard`)]);
      jalur.push(['OPD-year load (LKJIP)', () => perencana.req('GET', `${base}/tahun/2023/dokumen`)]);
      jalur.push(['verification queue of the planner', () => perencana.req('GET', entri)]);
      const lke = `${base}/tahun/2024/evaluasi/lke`;
      jalur.push(['evaluation sheet (LKE)', () => perencana.req('GET', lke)]);
      jalur.push(['start the evaluation', () => perencana.req('POST', `${lke}/mulai`, { version: 0 })]);
      jalur.push(['answer a criterion', () => perencana.req('PUT', `${lke}/jawaban/1.a.2`, { tingkat: 'mandiri', version: 0, jawaban: 'Y', catatan: null, tautan: [], fakta: true })]);
      const admin = await h.masuk('admin.paser');
      jalur.push(['evaluation recap of the pemda', () => admin.req('GET', `/api/pemda/${h.pemda.slug}/tahun/2024/evaluasi/rekap`)]);
      jalur.push(['changes feed', () => admin.req('GET', `/api/pemda/${h.pemda.slug}/perubahan`)]);
      jalur.push(['public page of the pemda', () => h.app.inject({ method: 'GET', url: `/publik/${h.pemda.slug}` })]);
      for (const [nama, f] of jalur) {
        const { hasil: r, pernyataan } = await perekam.selama(f);
        assert.equal(r.statusCode, 200, `${nama}: ${r.body}`);
        assert.ok(pernyataan.length > 0, `${nama}: no statement recorded`);
        hasil.push({ nama, n: pernyataan.length, salah: await lintasShard(pernyataan) });
      }
      t.diagnostic(hasil.map((x) => `${x.nama}: ${x.n} statements`).join('; '));
      const gagal = hasil.filter((x) => x.salah.length > 0);
      assert.deepEqual(
        gagal.map((x) => x.nama),
        [],
        gagal.map((x) => `${x.nama}:\n${laporkan(x.salah)}`).join('\n\n'),
      );
    });
  });
}
