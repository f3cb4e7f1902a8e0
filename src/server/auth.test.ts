import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { KUNCI_MS, SESI_ABSOLUT_MS, SESI_IDLE_MS } from '../auth/sesi.ts';
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
      const [row] = await h.db.select().from(sesi).where(eq(sesi.id, createHash('sha256').update(cookie.value).digest('hex')));
      assert.ok(row);
      const [u] = await h.db.select({ hash: pengguna.passwordHash }).from(pengguna).where(eq(pengguna.username, user('kabid.p2k')));
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

    it('unknown user and wrong password get the same 401', async () => {
      const a = await login(`tidak-ada${h.pemda.akhiran}`, SANDI);
      const b = await login(user('kabid.hi'), 'salah-sekali');
      assert.equal(a.statusCode, 401);
      assert.equal(b.statusCode, 401);
      assert.deepEqual(a.json(), b.json());
      assert.equal(a.json<{ error: string }>().error, 'login-gagal');
      assert.equal(a.cookies.length, 0);
    });

    it('five failed attempts lock the account for 15 minutes, even for the right password', async () => {
      const name = user('kabid.transmigrasi');
      for (let i = 0; i < 5; i++) assert.equal((await login(name, `salah-${i}`)).statusCode, 401);
      const locked = await login(name, SANDI);
      assert.equal(locked.statusCode, 423);
      assert.equal(locked.json<{ error: string }>().error, 'akun-terkunci');
      const audit = await h.db.select().from(auditLog).where(eq(auditLog.entityKey, name));
      assert.ok(audit.some((a) => a.field === 'locked_until'));
      h.jam.maju(KUNCI_MS + 1000);
      assert.equal((await login(name, SANDI)).statusCode, 200);
      // The count restarts after a success.
      for (let i = 0; i < 4; i++) await login(name, 'salah');
      assert.equal((await login(name, SANDI)).statusCode, 200);
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
