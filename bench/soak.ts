/**
 * Soak test (not part of `npm test`): runs the save-realisasi load against a real server for a
 * long time and reports errors, the server's memory over time, and a final data check that
 * every acknowledged save is stored.
 *
 *   npm run soak                      # 10 minutes, embedded database in a temporary folder
 *   npm run soak -- --detik 90        # 90 seconds
 *   npm run soak -- --koneksi 20      # concurrent connections (default 8)
 *   SOAK_DATABASE_URL=postgres://... npm run soak   # against PostgreSQL instead
 *
 * The server is `sikiper serve` in a child process (the load generator, autocannon, runs in
 * this one). Saves carry the version they last saw; two connections that pick the same entry
 * at once get one 200 and one 409 `versi-usang`, which is counted as a conflict, not an error.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

interface AutocannonResult {
  requests: { total: number; average: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats?: Record<string, { count: number }>;
}
interface Instance extends PromiseLike<AutocannonResult> {
  stop: () => void;
}
type Autocannon = (opts: Record<string, unknown>) => Instance;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const BIN = fileURLToPath(new URL('../bin/sikiper.js', import.meta.url));
const SANDI = `soak-${Date.now()}-sandi`;

const { values: arg } = parseArgs({
  options: { detik: { type: 'string' }, koneksi: { type: 'string', default: '8' }, sampel: { type: 'string', default: '5' } },
});
const detik = Number(arg.detik ?? process.env.SOAK_DURATION ?? 600);
const koneksi = Number(arg.koneksi);
const selangSampel = Number(arg.sampel) * 1000;
if (!Number.isInteger(detik) || detik < 5 || !Number.isInteger(koneksi) || koneksi < 1) {
  process.stderr.write('pakai: npm run soak -- [--detik N (>= 5)] [--koneksi N] [--sampel detik]\n');
  process.exit(2);
}

function portBebas(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('tanpa port'))));
    });
  });
}

/** Resident memory of a process in MiB, from /proc (Linux). */
function rssMiB(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

const tunggu = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sikiper-soak-'));
  const port = await portBebas();
  const base = `http://127.0.0.1:${port}`;
  const dbUrl = process.env.SOAK_DATABASE_URL ?? '';
  const server: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--port', String(port)], {
    env: { ...process.env, DATABASE_URL: dbUrl, SIKIPER_DATA_DIR: dataDir, SIKIPER_DEMO_PASSWORD: SANDI },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  server.stdout?.on('data', (b: Buffer) => process.stdout.write(`  [server] ${b.toString().replace(/kata sandi.*\n/g, '')}`));
  try {
    const siapSebelum = Date.now() + 300_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error('server berhenti sebelum siap');
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > siapSebelum) throw new Error('server tidak siap dalam 5 menit');
      await tunggu(200);
    }
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'perencana.disnakertrans', password: SANDI }),
    });
    if (login.status !== 200) throw new Error(`login ${login.status}: ${await login.text()}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    const entri = (tw: number) => `/api/pemda/${'paser'}/opd/disnakertrans/tahun/2024/triwulan/${tw}/entri`;

    // Every (quarter, indicator) the planner may edit, with its stored version.
    const kunci: Array<{ tw: number; kode: string }> = [];
    const versi = new Map<string, number>();
    for (const tw of [1, 2, 3, 4]) {
      const r = (await (await fetch(`${base}${entri(tw)}`, { headers })).json()) as { indikator: Array<{ kode: string; version: number; bolehUbah: boolean }> };
      for (const i of r.indikator.filter((x) => x.bolehUbah && x.kode.startsWith('IKU'))) {
        kunci.push({ tw, kode: i.kode });
        versi.set(`${tw}/${i.kode}`, i.version);
      }
    }
    if (kunci.length < koneksi * 2) throw new Error(`terlalu sedikit entri (${kunci.length}) untuk ${koneksi} koneksi`);
    process.stdout.write(`soak: ${detik} s, ${koneksi} koneksi, ${kunci.length} entri, basis data ${dbUrl ? 'postgres' : 'pglite'}\n`);

    const diakui = new Map<string, { version: number; nilai: number }>();
    let berikut = 0;
    let urutan = 0;
    let konflik = 0;
    let disimpan = 0;
    const galat: Record<string, number> = {};
    const rss: Array<{ t: number; mib: number }> = [];
    const mulai = Date.now();
    const sampel = () => {
      const m = rssMiB(server.pid ?? 0);
      if (m !== undefined) rss.push({ t: Math.round((Date.now() - mulai) / 1000), mib: Math.round(m * 10) / 10 });
    };
    sampel();
    const pewaktu = setInterval(sampel, selangSampel);

    const beban = autocannon({
      url: base,
      connections: koneksi,
      duration: detik,
      timeout: 30,
      requests: [
        {
          method: 'PUT',
          headers,
          setupRequest: (req: Record<string, unknown>, ctx: Record<string, unknown>) => {
            const k = kunci[berikut++ % kunci.length] ?? { tw: 1, kode: 'IKU-1' };
            const nilai = urutan++ % 100;
            ctx.kunci = `${k.tw}/${k.kode}`;
            ctx.nilai = nilai;
            return { ...req, path: `${entri(k.tw)}/${encodeURIComponent(k.kode)}`, body: JSON.stringify({ version: versi.get(`${k.tw}/${k.kode}`) ?? 0, nilai }) };
          },
          onResponse: (status: number, body: string, ctx: Record<string, unknown>) => {
            const k = String(ctx.kunci);
            if (status === 200) {
              disimpan++;
              const e = JSON.parse(body) as { version: number; nilai: number };
              if ((versi.get(k) ?? 0) < e.version) versi.set(k, e.version);
              const lama = diakui.get(k);
              if (!lama || lama.version < e.version) diakui.set(k, { version: e.version, nilai: e.nilai });
            } else if (status === 409) {
              konflik++;
              try {
                const c = (JSON.parse(body) as { current?: { version?: number } }).current;
                if (c?.version !== undefined && (versi.get(k) ?? 0) < c.version) versi.set(k, c.version);
              } catch {
                // counted as a conflict all the same
              }
            } else {
              galat[String(status)] = (galat[String(status)] ?? 0) + 1;
            }
          },
        },
      ],
    });
    const hasil = await beban;
    clearInterval(pewaktu);
    sampel();

    // Final data check: every acknowledged save is what the server now returns.
    let hilang = 0;
    for (const tw of [1, 2, 3, 4]) {
      const r = (await (await fetch(`${base}${entri(tw)}`, { headers })).json()) as { indikator: Array<{ kode: string; nilai: number | null; version: number }> };
      for (const i of r.indikator) {
        const a = diakui.get(`${tw}/${i.kode}`);
        // A stored version above the acknowledged one is a later save whose answer the load
        // generator dropped when it stopped; below it, or another value at it, is a lost save.
        if (a && (i.version < a.version || (i.version === a.version && i.nilai !== a.nilai))) {
          hilang++;
          process.stdout.write(`  HILANG: ${tw}/${i.kode} diakui v${a.version}=${a.nilai}, tersimpan v${i.version}=${i.nilai}\n`);
        }
      }
    }

    const setelahPemanasan = rss.find((r) => r.t >= Math.min(30, detik / 4)) ?? rss[0];
    const akhir = rss.at(-1);
    const puncak = Math.max(...rss.map((r) => r.mib));
    const ringkas = {
      detik,
      koneksi,
      permintaan: hasil.requests.total,
      perDetik: Math.round(hasil.requests.average),
      latensiMs: { p50: hasil.latency.p50, p99: hasil.latency.p99, maks: hasil.latency.max },
      disimpan,
      konflik409: konflik,
      galat: { ...galat, koneksi: hasil.errors, timeout: hasil.timeouts },
      rssMiB: { awal: rss[0]?.mib, setelahPemanasan: setelahPemanasan?.mib, puncak, akhir: akhir?.mib },
      pertumbuhanSetelahPemanasanMiB: akhir && setelahPemanasan ? Math.round((akhir.mib - setelahPemanasan.mib) * 10) / 10 : undefined,
      entriDiakui: diakui.size,
      entriHilang: hilang,
    };
    process.stdout.write(`${JSON.stringify(ringkas, null, 2)}\n`);
    process.stdout.write(`rss (detik:MiB): ${rss.map((r) => `${r.t}:${r.mib}`).join(' ')}\n`);
    const gagal = hilang > 0 || Object.keys(galat).length > 0 || hasil.errors > 0 || hasil.timeouts > 0;
    process.stdout.write(gagal ? 'SOAK GAGAL\n' : 'SOAK LULUS: tanpa galat, setiap simpanan yang diakui ada\n');
    return gagal ? 1 : 0;
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
