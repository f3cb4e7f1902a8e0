import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { GAGAL_BEBAS_AKUN, GAGAL_BEBAS_PASANGAN, SESI_ABSOLUT_MS, SESI_IDLE_MS, TUNDA_AKUN_MAKS_MS, TUNDA_PASANGAN_MAKS_MS } from '../auth/sesi.ts';
import type { Database } from '../db/client.ts';
import { auditLog, pengguna, sesi } from '../db/schema.ts';
import { testDatabases } from '../db/testing.ts';
import { buildApp } from './app.ts';
import { type Harness, SANDI, siapkan } from './testing.ts';

for (const kind of testDatabases()) {
  describe(`sign-in, sessions and CSRF [${kind.name}]`, () => {
    let h: Harness;
    let user: (nama: string) => string;
    const login = (username: string, password: string, extra: Record<string, unknown> = {}) =>
      h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, ...extra });
    const me = (cookie: string) => h.app.inject({ method: 'GET', url: '/api/me', cookies: { sikiper_sesi: cookie } });

    before(async () => {
      h = await siapkan(kind);
      user = (nama) => `${nama}${h.pemda.akhiran}`;
    });
    after(() => h.close());

    it('signs in with an HttpOnly, SameSite=Strict cookie and answers Me with a CSRF token', async () => {
      const r = await login(user('kabid.p2k'), SANDI);
      assert.equal(r.statusCode, 200, r.body);
      const cookie = r.cookies.find((c) => c.name === 'sikiper_sesi');
      assert.ok(cookie);
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Strict');
      assert.equal(cookie.path, '/');
      assert.equal(cookie.secure, undefined, 'plain http without SIKIPER_COOKIE_SECURE');
      const body = r.json<{ user: { username: string; nama: string; pemda: { slug: string }; peran: unknown[]; csrfToken: string }; csrfToken: string }>();
      assert.equal(body.user.username, user('kabid.p2k'));
      assert.equal(body.user.pemda.slug, h.pemda.slug);
      assert.deepEqual(body.user.peran, [
        { peran: 'kepala-unit', opd: 'disnakertrans', unit: 'bidang-p2k' },
        { peran: 'kepala-unit', opd: 'disnakertrans', unit: 'uptd-blk' },
      ]);
      assert.equal(body.user.csrfToken, body.csrfToken);
      const m = await me(cookie.value);
      assert.equal(m.statusCode, 200);
      assert.equal(m.json<{ nama: string }>().nama, 'Kepala Bidang Pelatihan dan Produktivitas (demo)');

      // Only the hash of the token is stored, and the password only as argon2id.
      const [row] = await h.db.select().from(sesi).where(and(eq(sesi.pemdaId, h.pemda.id), eq(sesi.id, createHash('sha256').update(cookie.value).digest('hex'))));
      assert.ok(row);
      const [u] = await h.db.select({ hash: pengguna.passwordHash }).from(pengguna).where(and(eq(pengguna.pemdaId, h.pemda.id), eq(pengguna.username, user('kabid.p2k'))));
      assert.match(u?.hash ?? '', /^\$argon2id\$/);
    });

    it('the Secure flag follows https or SIKIPER_COOKIE_SECURE', async () => {
      const secure = buildApp({ db: h.db, kind: kind.name } as unknown as Database, { cookieSecure: true, webDist: false });
      const proxied = buildApp({ db: h.db, kind: kind.name } as unknown as Database, { trustProxy: true, webDist: false });
      try {
        const payload = { username: user('pimpinan.paser'), password: SANDI };
        const a = await secure.inject({ method: 'POST', url: '/api/auth/login', payload });
        assert.equal(a.cookies[0]?.secure, true);
        const b = await proxied.inject({ method: 'POST', url: '/api/auth/login', payload, headers: { 'x-forwarded-proto': 'https' } });
        assert.equal(b.cookies[0]?.secure, true);
      } finally {
        await secure.close();
        await proxied.close();
      }
    });

    it('unknown user, wrong password and a throttled attempt get the same 401 and body', async () => {
      const a = await login(`tidak-ada${h.pemda.akhiran}`, SANDI);
      const b = await login(user('kabid.hi'), 'salah-sekali');
      assert.equal(a.statusCode, 401);
      assert.equal(b.statusCode, 401);
      assert.deepEqual(a.json(), b.json());
      assert.equal(a.json<{ error: string }>().error, 'login-gagal');
      assert.equal(a.cookies.length, 0);
      // The same number of failures from one address gives the same answer, headers included,
      // whether the name is an account's or not: nothing tells which accounts exist.
      const ulang = async (name: string, password: string) => {
        const out = [];
        for (let i = 0; i < GAGAL_BEBAS_PASANGAN + 3; i++) {
          const r = await login(name, password, { remoteAddress: '10.20.0.1' });
          out.push({ status: r.statusCode, body: r.body, retryAfter: r.headers['retry-after'] ?? null });
        }
        return out;
      };
      const unknown = await ulang(`bukan-akun${h.pemda.akhiran}`, 'salah-sekali');
      const known = await ulang(user('sekretaris.disnakertrans'), 'salah-sekali');
      assert.deepEqual(unknown, known);
      assert.ok(known.every((k) => k.status === 401 && k.body === b.body));
      assert.ok(known.some((k) => k.retryAfter !== null), 'repeated failures are slowed down');
      // Inside the wait even the right password is refused, with that same answer.
      const right = await login(user('sekretaris.disnakertrans'), SANDI, { remoteAddress: '10.20.0.1' });
      assert.equal(right.statusCode, 401);
      assert.equal(right.body, b.body);
    });

    it('failures from one address slow that address down, never the owner elsewhere; no 423 lockout', async () => {
      const name = user('kabid.transmigrasi');
      const dari = (ip: string, password: string) => login(name, password, { remoteAddress: ip });
      // Repeated failures from X: free at first, then each answer carries a growing Retry-After.
      const tunggu: number[] = [];
      for (let i = 0; i < GAGAL_BEBAS_PASANGAN + 4; i++) {
        const r = await dari('10.30.0.1', `salah-${i}`);
        assert.equal(r.statusCode, 401);
        tunggu.push(Number(r.headers['retry-after'] ?? 0));
        // Let each wait pass so that every attempt is checked and counted.
        h.jam.maju((tunggu[i] ?? 0) * 1000);
      }
      assert.deepEqual(tunggu.slice(0, GAGAL_BEBAS_PASANGAN), Array(GAGAL_BEBAS_PASANGAN).fill(0));
      assert.deepEqual(tunggu.slice(GAGAL_BEBAS_PASANGAN), [1, 2, 4, 8]);
      const dalamTunda = await dari('10.30.0.1', 'salah-lagi');
      assert.equal((await dari('10.30.0.1', 'salah-lagi')).statusCode, 401);
      assert.ok(Number(dalamTunda.headers['retry-after']) > 0);
      // The right password from Y works at once: the attacker at X does not lock the owner out.
      const y = await dari('10.30.0.2', SANDI);
      assert.equal(y.statusCode, 200, y.body);
      assert.ok(!(await h.db.select().from(auditLog).where(and(eq(auditLog.pemdaId, h.pemda.id), eq(auditLog.entityKey, name)))).some((a) => a.field === 'locked_until'));
      // X is still slowed down (its own count), up to its ceiling.
      assert.equal((await dari('10.30.0.1', SANDI)).statusCode, 401);
      h.jam.maju(TUNDA_PASANGAN_MAKS_MS);
      assert.equal((await dari('10.30.0.1', SANDI)).statusCode, 200, 'after the wait the right password works from X too');
    });

    it('many addresses failing for one account slow it down at most 30 s, audited once', async () => {
      const name = user('kabid.p2k2');
      for (let i = 0; i <= GAGAL_BEBAS_AKUN; i++) {
        const r = await login(name, 'salah', { remoteAddress: `10.40.${Math.floor(i / 200)}.${(i % 200) + 1}` });
        assert.equal(r.statusCode, 401);
      }
      const owner = await login(name, SANDI, { remoteAddress: '10.41.0.1' });
      assert.equal(owner.statusCode, 401, 'the per-account ceiling holds every address for a moment');
      const wait = Number(owner.headers['retry-after']);
      assert.ok(wait > 0 && wait * 1000 <= TUNDA_AKUN_MAKS_MS, `Retry-After ${wait}`);
      h.jam.maju(TUNDA_AKUN_MAKS_MS);
      assert.equal((await login(name, SANDI, { remoteAddress: '10.41.0.1' })).statusCode, 200);
      const audit = await h.db.select().from(auditLog).where(and(eq(auditLog.pemdaId, h.pemda.id), eq(auditLog.entityKey, name)));
      assert.equal(audit.filter((a) => a.field === 'masuk_ditunda').length, 1);
    });

    it('sign-in is rate limited per IP', async () => {
      const limited = buildApp({ db: h.db, kind: kind.name } as unknown as Database, { webDist: false, batasMasuk: { max: 10, timeWindow: 60_000 } });
      try {
        const attempt = (ip: string) =>
          limited.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { username: `tidak-ada${h.pemda.akhiran}`, password: 'x' } });
        for (let i = 0; i < 10; i++) assert.equal((await attempt('10.9.9.9')).statusCode, 401);
        const r = await attempt('10.9.9.9');
        assert.equal(r.statusCode, 429);
        assert.equal(r.json<{ error: string }>().error, 'terlalu-banyak-permintaan');
        assert.equal((await attempt('10.9.9.10')).statusCode, 401, 'another address is not limited');
      } finally {
        await limited.close();
      }
    });

    it('without a session the API answers 401 belum-masuk', async () => {
      for (const url of ['/api/me', '/api/pemda', `/api/pemda/${h.pemda.slug}/opd`, `/api/pemda/${h.pemda.slug}/opd/disnakertrans/tahun/2023/capaian`]) {
        const r = await h.app.inject(url);
        assert.equal(r.statusCode, 401, url);
        assert.equal(r.json<{ error: string }>().error, 'belum-masuk');
      }
      assert.equal((await me('token-palsu')).statusCode, 401);
    });

    it('a session ends after 8 idle hours, and 7 days after sign-in however busy', async () => {
      const idle = await h.masuk('pimpinan.paser');
      h.jam.maju(SESI_IDLE_MS - 60_000);
      assert.equal((await me(idle.cookie)).statusCode, 200, 'use extends the idle expiry');
      h.jam.maju(SESI_IDLE_MS - 60_000);
      assert.equal((await me(idle.cookie)).statusCode, 200);
      h.jam.maju(SESI_IDLE_MS + 60_000);
      assert.equal((await me(idle.cookie)).statusCode, 401);

      const busy = await h.masuk('inspektorat.paser');
      for (let elapsed = 0; elapsed < SESI_ABSOLUT_MS - 7 * 3600_000; elapsed += 7 * 3600_000) {
        h.jam.maju(7 * 3600_000);
        assert.equal((await me(busy.cookie)).statusCode, 200);
      }
      h.jam.maju(7 * 3600_000);
      assert.equal((await me(busy.cookie)).statusCode, 401);
    });

    it('sign-in replaces the session the browser had', async () => {
      const first = await h.masuk('keuangan.disnakertrans');
      const r = await login(user('keuangan.disnakertrans'), SANDI, { cookies: { sikiper_sesi: first.cookie } });
      assert.equal(r.statusCode, 200);
      assert.notEqual(r.cookies[0]?.value, first.cookie);
      assert.equal((await me(first.cookie)).statusCode, 401);
    });

    it('logout ends this session; logout-all ends every session of the user', async () => {
      const a = await h.masuk('sekretaris.disnakertrans');
      const b = await h.masuk('sekretaris.disnakertrans');
      const other = await h.masuk('kabid.p2k2');
      assert.equal((await a.req('POST', '/api/auth/logout', undefined, { 'x-csrf-token': '' })).statusCode, 403, 'logout needs the CSRF token too');
      const out = await a.req('POST', '/api/auth/logout');
      assert.equal(out.statusCode, 204);
      assert.match(String(out.headers['set-cookie']), /sikiper_sesi=;/);
      assert.equal((await me(a.cookie)).statusCode, 401);
      assert.equal((await me(b.cookie)).statusCode, 200);

      const c = await h.masuk('sekretaris.disnakertrans');
      assert.equal((await c.req('POST', '/api/auth/logout-all')).statusCode, 204);
      assert.equal((await me(b.cookie)).statusCode, 401);
      assert.equal((await me(c.cookie)).statusCode, 401);
      assert.equal((await me(other.cookie)).statusCode, 200, 'other users keep their sessions');
    });

    it('writes need the session CSRF token and a same-origin Origin', async () => {
      const unit = await h.masuk('kabid.hi');
      const url = `/api/pemda/${h.pemda.slug}/opd/disnakertrans/tahun/2024/triwulan/1/entri/IKU-2`;
      const body = { pembilang: 1, penyebut: 2, version: 0 };
      for (const headers of [{ 'x-csrf-token': '' }, { 'x-csrf-token': 'salah' }, { 'x-csrf-token': (await h.masuk('kabid.p2k')).csrf }]) {
        const r = await unit.req('PUT', url, body, headers);
        assert.equal(r.statusCode, 403, JSON.stringify(headers));
        assert.equal(r.json<{ error: string }>().error, 'csrf');
      }
      const cross = await unit.req('PUT', url, body, { origin: 'https://jahat.example' });
      assert.equal(cross.statusCode, 403);
      assert.equal(cross.json<{ error: string }>().error, 'csrf');
      const crossLogin = await login(user('kabid.hi'), SANDI, { headers: { origin: 'https://jahat.example' } });
      assert.equal(crossLogin.statusCode, 403);
      const same = await unit.req('PUT', url, body, { origin: 'http://localhost:80' });
      assert.equal(same.statusCode, 200, same.body);
    });

    it('the audit log refuses updates and deletes', async () => {
      await assert.rejects(h.db.execute(sql`update audit_log set field = 'x'`));
      await assert.rejects(h.db.execute(sql`delete from audit_log`));
    });
  });
}
