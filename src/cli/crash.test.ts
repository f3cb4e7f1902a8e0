/**
 * Crashes: the `sikiper` process killed with SIGKILL in the middle of its work.
 *
 * (a) An import and a restore, killed after they have begun writing, leave the pemda exactly
 *     as it was (fingerprint of every row of every tenant table). On PostgreSQL "begun writing"
 *     is seen exactly: the child's backend holds a transaction id. On the embedded database
 *     (PGlite in a folder) it is seen as the first WAL write after the start; there, a run left
 *     to finish shows that the import does change the data, so the kill did land before the end.
 * (b) The server on the embedded database, killed during a loop of saves, restarts on the same
 *     folder and holds every save it acknowledged.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { migrate, openDatabase } from '../db/client.ts';
import { saveDataset } from '../db/dataset-repository.ts';
import * as t from '../db/schema.ts';
import { randomSlug } from '../db/testing.ts';
import { buatCadangan } from '../exchange/backup.ts';
import { sidikJari } from '../server/testing.ts';
import { generatePemda } from '../../bench/synth/generate.ts';

const BIN = fileURLToPath(new URL('../../bin/sikiper.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sikiper-crash-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const tunggu = (ms: number) => new Promise((r) => setTimeout(r, ms));

function jalankan(args: string[], env: NodeJS.ProcessEnv): { anak: ChildProcess; selesai: Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> } {
  const anak = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  anak.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  anak.stderr?.on('data', (b: Buffer) => (out += b.toString()));
  const selesai = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>((resolve) => anak.on('exit', (code, signal) => resolve({ code, signal, out })));
  return { anak, selesai };
}

/** Waits until `cek` holds (polling), or fails after `ms`. */
async function sampai(cek: () => Promise<boolean> | boolean, ms: number, apa: string): Promise<void> {
  const akhir = Date.now() + ms;
  while (Date.now() < akhir) {
    if (await cek()) return;
    await tunggu(5);
  }
  throw new Error(`tidak terjadi dalam ${ms} ms: ${apa}`);
}

/** Every row of the pemda with this slug. */
async function jejakPemda(url: string, slug: string): Promise<string> {
  const database = await openDatabase({ url });
  try {
    const [p] = await database.db.select({ id: t.pemda.id }).from(t.pemda).where(eq(t.pemda.slug, slug));
    if (!p) return 'tidak ada';
    return `${p.id}\n${await sidikJari(database.db, p.id)}`;
  } finally {
    await database.close();
  }
}

/** The newest write time in the PGlite folder's WAL. */
function walTerakhir(folder: string): number {
  let m = 0;
  for (const f of readdirSync(join(folder, 'pg_wal'))) {
    try {
      m = Math.max(m, statSync(join(folder, 'pg_wal', f)).mtimeMs);
    } catch {
      // a segment recycled while listing
    }
  }
  return m;
}

interface Sasaran {
  name: 'pglite' | 'postgres';
  url: string;
  /** Resolves once the child has written inside its transaction. */
  mulaiMenulis: (anak: ChildProcess, aplikasi: string) => Promise<void>;
  /** Resolves once nothing of the killed child can still be running on the database. */
  beres: (aplikasi: string) => Promise<void>;
}

function sasaran(): Sasaran[] {
  const folder = join(dir, 'pglite');
  const list: Sasaran[] = [
    {
      name: 'pglite',
      url: `file://${folder}`,
      mulaiMenulis: async () => {
        const awal = walTerakhir(folder);
        await sampai(() => walTerakhir(folder) > awal, 180_000, 'WAL ditulis');
      },
      beres: () => Promise.resolve(),
    },
  ];
  const pgUrl = process.env.SIKIPER_TEST_DATABASE_URL;
  if (pgUrl) {
    const backend = async (aplikasi: string, tulis: boolean) => {
      const database = await openDatabase({ url: pgUrl });
      try {
        const r = await database.db.execute<{ n: number }>(
          sql`select count(*)::int as n from pg_stat_activity where application_name = ${aplikasi} ${tulis ? sql`and backend_xid is not null` : sql``}`,
        );
        const rows = Array.isArray(r) ? (r as Array<{ n: number }>) : (r as { rows: Array<{ n: number }> }).rows;
        return rows[0]?.n ?? 0;
      } finally {
        await database.close();
      }
    };
    list.push({
      name: 'postgres',
      url: pgUrl,
      mulaiMenulis: (_anak, aplikasi) => sampai(async () => (await backend(aplikasi, true)) > 0, 180_000, 'transaksi menulis di PostgreSQL'),
      beres: (aplikasi) => sampai(async () => (await backend(aplikasi, false)) === 0, 60_000, 'koneksi anak tertutup'),
    });
  }
  return list;
}

function denganAplikasi(url: string, aplikasi: string): string {
  if (!url.startsWith('postgres')) return url;
  const u = new URL(url);
  u.searchParams.set('application_name', aplikasi);
  return u.toString();
}

for (const s of sasaran()) {
  describe(`killed import and restore leave the database as it was [${s.name}]`, { timeout: 900_000 }, () => {
    const slug = randomSlug('crash');
    const ukuran = { opd: 4, tahunAwal: 2023, tahun: 1, indikatorPerOpdTahun: 40 };
    const lama = generatePemda({ seed: 11, slug, ...ukuran });
    // A pemda large enough that its transaction writes WAL well before it commits, so that on
    // the embedded database the kill lands inside it (a small one may only reach WAL at commit).
    const baru = generatePemda({ seed: 13, slug, ...ukuran, opd: 10, indikatorPerOpdTahun: 80 });
    const berkasBaru = join(dir, `${s.name}-baru.json`);
    const berkasCadangan = join(dir, `${s.name}-baru.sikiper.gz`);

    async function siapkanLama(): Promise<string> {
      const database = await openDatabase({ url: s.url });
      try {
        await migrate(database);
        await saveDataset(database.db, lama);
      } finally {
        await database.close();
      }
      return jejakPemda(s.url, slug);
    }

    async function bunuhSaatMenulis(args: string[]): Promise<void> {
      const aplikasi = `sikiper-crash-${randomBytes(4).toString('hex')}`;
      const { anak, selesai } = jalankan(args, { DATABASE_URL: denganAplikasi(s.url, aplikasi) });
      let keluar = false;
      void selesai.then(() => (keluar = true));
      await Promise.race([s.mulaiMenulis(anak, aplikasi), selesai.then((r) => Promise.reject(new Error(`anak selesai sebelum dibunuh: ${r.code} ${r.out}`)))]);
      assert.equal(keluar, false);
      anak.kill('SIGKILL');
      const r = await selesai;
      assert.equal(r.signal, 'SIGKILL', `the child ended by itself: ${r.out}`);
      assert.doesNotMatch(r.out, /diimpor|dipulihkan/, 'the child reported success before it was killed');
      await s.beres(aplikasi);
    }

    it('import killed while writing', async () => {
      writeFileSync(berkasBaru, JSON.stringify(baru));
      const sebelum = await siapkanLama();
      await bunuhSaatMenulis(['import', berkasBaru]);
      assert.equal(await jejakPemda(s.url, slug), sebelum, 'a killed import changed the database');
      if (s.name === 'pglite') {
        // The same import left to finish does change the data: the kill above came before the end.
        const { selesai } = jalankan(['import', berkasBaru], { DATABASE_URL: s.url });
        const r = await selesai;
        assert.equal(r.code, 0, r.out);
        assert.notEqual(await jejakPemda(s.url, slug), sebelum);
      }
    });

    it('restore killed while writing', async () => {
      const mem = await openDatabase({ url: 'memory://' });
      try {
        await migrate(mem);
        await saveDataset(mem.db, baru);
        writeFileSync(berkasCadangan, (await buatCadangan(mem.db, { pemda: [slug] })).isi);
      } finally {
        await mem.close();
      }
      const sebelum = await siapkanLama();
      await bunuhSaatMenulis(['restore', berkasCadangan]);
      assert.equal(await jejakPemda(s.url, slug), sebelum, 'a killed restore changed the database');
    });
  });
}

async function portBebas(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('tanpa port'))));
    });
  });
}

describe('the embedded database survives the server killed during writes [pglite]', { timeout: 900_000 }, () => {
  const SANDI = 'sandi-uji-kill-server';

  async function nyalakan(dataDir: string) {
    const port = await portBebas();
    const { anak, selesai } = jalankan(['serve', '--port', String(port)], { SIKIPER_DATA_DIR: dataDir, DATABASE_URL: '', SIKIPER_DEMO_PASSWORD: SANDI });
    const base = `http://127.0.0.1:${port}`;
    let mati = false;
    void selesai.then(() => (mati = true));
    await sampai(
      async () => {
        if (mati) throw new Error(`server berhenti: ${(await selesai).out}`);
        try {
          return (await fetch(`${base}/api/health`)).ok;
        } catch {
          return false;
        }
      },
      300_000,
      'server siap',
    );
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'perencana.disnakertrans', password: SANDI }) });
    assert.equal(login.status, 200, await login.clone().text());
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    return { anak, selesai, base, headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' } };
  }

  it('holds every acknowledged save after kill -9 and restart', async () => {
    const dataDir = join(dir, 'server');
    const s1 = await nyalakan(dataDir);
    const entri = (tw: number) => `${s1.base}/api/pemda/paser/opd/disnakertrans/tahun/2024/triwulan/${tw}/entri`;
    const daftar = (await (await fetch(entri(1), { headers: s1.headers })).json()) as { indikator: Array<{ kode: string; version: number; bolehUbah: boolean }> };
    const kode = daftar.indikator.filter((i) => i.bolehUbah).map((i) => i.kode).slice(0, 12);
    assert.ok(kode.length >= 3, `editable indicators: ${kode.join(", ")}`);

    const diakui = new Map<string, number>();
    let jumlahDiakui = 0;
    const versi = new Map<string, number>();
    let terbang: { kunci: string; nilai: number } | undefined;
    const mulai = Date.now();
    for (let i = 0; ; i++) {
      const k = kode[i % kode.length] ?? '';
      const tw = (Math.floor(i / kode.length) % 4) + 1;
      const kunci = `${tw}/${k}`;
      const nilai = 10 + (i % 200) * 0.25;
      const kirim = fetch(`${entri(tw)}/${encodeURIComponent(k)}`, { method: 'PUT', headers: s1.headers, body: JSON.stringify({ version: versi.get(kunci) ?? 0, nilai }) });
      if (jumlahDiakui >= 25 && Date.now() - mulai > 3000) {
        // Kill while this save is in flight.
        terbang = { kunci, nilai };
        void kirim.catch(() => undefined);
        await tunggu(5);
        s1.anak.kill('SIGKILL');
        break;
      }
      const r = await kirim;
      const teks = await r.text();
      assert.equal(r.status, 200, teks);
      const e = JSON.parse(teks) as { version: number; nilai: number };
      versi.set(kunci, e.version);
      diakui.set(kunci, nilai);
      jumlahDiakui++;
    }
    const akhir = await s1.selesai;
    assert.equal(akhir.signal, 'SIGKILL');

    const s2 = await nyalakan(dataDir);
    try {
      const tersimpan = new Map<string, number | null>();
      for (const tw of [1, 2, 3, 4]) {
        const r = await fetch(`${s2.base}/api/pemda/paser/opd/disnakertrans/tahun/2024/triwulan/${tw}/entri`, { headers: s2.headers });
        assert.equal(r.status, 200);
        for (const i of ((await r.json()) as { indikator: Array<{ kode: string; nilai: number | null }> }).indikator) tersimpan.set(`${tw}/${i.kode}`, i.nilai);
      }
      for (const [kunci, nilai] of diakui) {
        const ada = tersimpan.get(kunci);
        // The save in flight at the kill may or may not have committed; either is a whole save.
        if (terbang?.kunci === kunci && ada === terbang.nilai) continue;
        assert.equal(ada, nilai, `acknowledged save ${kunci} = ${nilai} lost after the crash`);
      }
    } finally {
      s2.anak.kill('SIGTERM');
      await s2.selesai;
    }
  });
});
