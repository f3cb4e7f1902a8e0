/**
 * Log hygiene: with request logging on, a sign-in, a save, an error and a sign-out leave no
 * password, session cookie, CSRF token, person's name or entered value in the log.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PENGGUNA_DEMO } from '../auth/demo.ts';
import { testDatabases } from '../db/testing.ts';
import { type Harness, SANDI, siapkan } from './testing.ts';

for (const kind of testDatabases()) {
  describe(`request logs keep secrets and personal data out [${kind.name}]`, () => {
    let h: Harness;
    const baris: string[] = [];

    before(async () => {
      h = await siapkan(kind, { logger: true, logStream: { write: (s) => void baris.push(s) } });
    });
    after(() => h.close());

    it('logs requests without passwords, cookies, CSRF tokens, names or values', async () => {
      const k = await h.masuk('perencana.disnakertrans');
      const url = `/api/pemda/${h.pemda.slug}/opd/disnakertrans/tahun/2024/triwulan/1/entri/IKU-1`;
      const keterangan = 'Catatan Budi Santoso 0812-3456-7890';
      let r = await k.req('PUT', url, { version: 0, nilai: 73.25, keterangan });
      assert.equal(r.statusCode, 200, r.body);
      r = await k.req('PUT', url, { version: 0, nilai: 74.5, keterangan });
      assert.equal(r.statusCode, 409);
      r = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: k.username, password: 'salah-sandi-rahasia' } });
      assert.equal(r.statusCode, 401);
      r = await k.req('POST', '/api/auth/logout', {});
      assert.equal(r.statusCode, 204);

      const log = baris.join('');
      // The log is on and records the requests (so the checks below are not vacuous).
      assert.ok(baris.length >= 8, `only ${baris.length} log lines`);
      assert.match(log, /"url":"\/api\/auth\/login"/);
      assert.match(log, new RegExp(`"url":"${url.replace(/[/.]/g, '\\$&')}"`));
      assert.match(log, /"statusCode":409/);

      const nama = PENGGUNA_DEMO.find((p) => p.username === 'perencana.disnakertrans')?.nama ?? '';
      for (const [apa, rahasia] of [
        ['password', SANDI],
        ['wrong password', 'salah-sandi-rahasia'],
        ['session cookie', k.cookie],
        ['CSRF token', k.csrf],
        ["the user's name", nama],
        ['entered text', 'Budi Santoso'],
        ['phone number', '0812-3456-7890'],
        ['entered value', '73.25'],
      ] as const) {
        assert.ok(rahasia.length > 4);
        assert.ok(!log.includes(rahasia), `the log contains the ${apa}`);
      }
      assert.doesNotMatch(log, /sikiper_sesi=/i);
      assert.doesNotMatch(log, /"(cookie|x-csrf-token|set-cookie|password)"/i);
    });
  });
}
