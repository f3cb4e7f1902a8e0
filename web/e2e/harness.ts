/**
 * What every browser test needs: the real server as a child process on a free port with a fresh
 * database, Debian's Chromium driven by playwright-core, and checks that hold on every page
 * (no request leaves the server's origin, no Content-Security-Policy violation).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'web', 'dist');

/** `false` when the tests can run, else why they are skipped (node:test prints the reason). */
export const lewati: string | false = existsSync(CHROMIUM) ? false : `${CHROMIUM} not found: browser tests skipped (apt-get install -y chromium)`;

export const SANDI = 'demo-e2e-sandi-2023';
export const PEMDA = 'paser';
export const OPD = 'disnakertrans';

export const DESKTOP = { width: 1366, height: 768 };
export const PONSEL = { width: 375, height: 812 };

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** The tests must exercise this tree's UI, not a stale build. */
function pastikanBuild(): void {
  const index = join(DIST, 'index.html');
  if (!existsSync(index)) throw new Error('web/dist/index.html is missing: run `npm run build:web` (scripts/run-tests.mjs does it before the browser tests)');
  if (newest(join(ROOT, 'web', 'src')) > statSync(index).mtimeMs) throw new Error('web/dist is older than web/src: run `npm run build:web`');
}

async function portBebas(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface Server {
  url: string;
  /** The server's PGlite folder. */
  dataDir: string;
  /** Stops the server; its folder is removed unless `simpanData` (to start it again on the same data). */
  stop(opsi?: { simpanData?: boolean }): Promise<void>;
}

/** A server on a fresh database, or on the folder of a stopped one (`dataDir`). */
export async function mulaiServer(opsi: { dataDir?: string } = {}): Promise<Server> {
  pastikanBuild();
  const dataDir = opsi.dataDir ?? mkdtempSync(join(tmpdir(), 'sikiper-e2e-'));
  const port = await portBebas();
  const env: NodeJS.ProcessEnv = { ...process.env, SIKIPER_DATA_DIR: dataDir, SIKIPER_DEMO_PASSWORD: SANDI, PORT: String(port), HOST: '127.0.0.1' };
  // The browser tests always run on a fresh embedded database, whatever the suite's database is.
  delete env.DATABASE_URL;
  delete env.SIKIPER_COOKIE_SECURE;
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin', 'sikiper.js'), 'serve', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (b: Buffer) => (log += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (log += b.toString()));
  const url = `http://127.0.0.1:${port}`;
  const batas = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${log}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > batas) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer /api/health within 90 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    dataDir,
    async stop(o = {}) {
      if (child.exitCode === null) {
        const keluar = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await keluar;
        clearTimeout(t);
      }
      if (!o.simpanData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function mulaiBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface Halaman {
  page: Page;
  context: BrowserContext;
  /** Requests that tried to leave the server's origin (blocked). */
  luar: string[];
  /** Content-Security-Policy violations and uncaught page errors. */
  galat: string[];
  tutup(): Promise<void>;
}

export async function halamanBaru(browser: Browser, server: Server, viewport = DESKTOP): Promise<Halaman> {
  // Reduced motion: no transitions, so what a test reads is the end state, not a frame of an animation.
  const context = await browser.newContext({ viewport, locale: 'id-ID', timezoneId: 'Asia/Makassar', baseURL: server.url, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const luar: string[] = [];
  const galat: string[] = [];
  await context.route('**/*', async (route) => {
    const u = route.request().url();
    if (u.startsWith(server.url) || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    luar.push(u);
    return route.abort();
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) galat.push(m.text());
  });
  page.on('pageerror', (e) => galat.push(`pageerror: ${e.message}`));
  return { page, context, luar, galat, tutup: () => context.close() };
}

/** Logs in through the login form, as a person would. */
export async function masuk(page: Page, username: string): Promise<void> {
  await page.goto('/masuk');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(SANDI);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('navigation', { name: 'Navigasi utama' }).waitFor();
}

export async function keluar(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Keluar' }).click();
  await page.getByLabel('Nama pengguna').waitFor();
}

/** True when the page is wider than the window (a horizontal scrollbar on the whole page). */
export async function meluber(page: Page): Promise<{ lebar: number; jendela: number; pelaku: string[] }> {
  return page.evaluate(() => {
    const d = document.documentElement;
    const jendela = d.clientWidth;
    const pelaku: string[] = [];
    if (d.scrollWidth > jendela) {
      for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
        const r = el.getBoundingClientRect();
        if (r.right > jendela + 1 && !el.closest('.gulir')) pelaku.push(`${el.tagName.toLowerCase()}.${el.className.toString().slice(0, 60)} (${Math.round(r.right)}px)`);
        if (pelaku.length >= 5) break;
      }
    }
    return { lebar: d.scrollWidth, jendela, pelaku };
  });
}

const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');

/**
 * Saves docs/screenshots/<nama>.png when SIKIPER_SCREENSHOTS=1 (not on every CI run): the
 * window, the whole page, or (a number) the top of the page up to that height in pixels.
 */
export async function potret(page: Page, nama: string, luas: boolean | number = true): Promise<void> {
  if (process.env.SIKIPER_SCREENSHOTS !== '1') return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${nama}.png`);
  if (typeof luas === 'number') {
    const tinggi = await page.evaluate(() => document.documentElement.scrollHeight);
    const lebar = page.viewportSize()?.width ?? DESKTOP.width;
    await page.screenshot({ path, fullPage: true, clip: { x: 0, y: 0, width: lebar, height: Math.min(tinggi, luas) }, animations: 'disabled' });
  } else await page.screenshot({ path, fullPage: luas, animations: 'disabled' });
}

/** URL path of an entry, with the kode encoded as the API requires (it contains # and .). */
export function pathEntri(tahun: number, tw: number, kode?: string): string {
  const base = `/api/pemda/${PEMDA}/opd/${OPD}/tahun/${tahun}/triwulan/${tw}/entri`;
  return kode === undefined ? base : `${base}/${encodeURIComponent(kode)}`;
}

/** Calls the API from inside the page, with the page's session cookie and CSRF token, as a script in the page could. */
export async function apiDariHalaman(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await fetch('/api/me', { credentials: 'same-origin' });
      const token = me.ok ? ((await me.json()) as { csrfToken: string }).csrfToken : '';
      const headers: Record<string, string> = { accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (method !== 'GET') headers['x-csrf-token'] = token;
      const r = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await r.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON; keep the text
      }
      return { status: r.status, body: parsed };
    },
    { method, path, body },
  );
}

/** Polls until `cek` holds; the message says what was awaited when it does not. */
export async function tunggu(cek: () => Promise<boolean> | boolean, pesan: string, batasMs = 15_000): Promise<void> {
  const akhir = Date.now() + batasMs;
  for (;;) {
    if (await cek()) return;
    if (Date.now() > akhir) throw new Error(`timed out waiting for: ${pesan}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface PelanggaranAxe {
  id: string;
  impact?: string | null;
  nodes: Array<{ target: unknown[] }>;
}

/**
 * The axe-core violations of the page, or of the element a selector names, as
 * "rule (impact): targets" lines (empty when there is none). axe is evaluated over the DevTools
 * protocol, so the page's Content-Security-Policy does not apply to it.
 */
export async function pelanggaranAxe(page: Page, selector?: string): Promise<string[]> {
  await page.evaluate(AXE);
  const v = await page.evaluate(async (sel) => {
    const w = window as unknown as { axe: { run: (ctx: Element | Document) => Promise<{ violations: PelanggaranAxe[] }> } };
    const konteks = sel === undefined ? document : document.querySelector(sel);
    if (!konteks) return [{ id: `tidak ada elemen ${sel ?? ''}`, impact: null, nodes: [] }];
    return (await w.axe.run(konteks)).violations;
  }, selector);
  return v.map((x) => `${x.id} (${x.impact ?? '?'}): ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
