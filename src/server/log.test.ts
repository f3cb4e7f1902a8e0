/**
 * Log hygiene: with request logging on, a sign-in, a save, an error and a sign-out leave no
 * password, session cookie, CSRF token, person's name or entered value in the log; a query the
 * database refuses is logged by its SQLSTATE, never with its SQL parameters (an argon2 hash, a
 * name), and concurrent creations of one username are 409, not 500.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { PENGGUNA_DEMO } from '../auth/demo.ts';
import * as t from '../db/schema.ts';
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

    it('a failed query is logged by SQLSTATE and constraint, without its parameters', async () => {
      const admin = await h.masuk('admin.paser');
      const url = `/api/pemda/${h.pemda.slug}/pengguna`;
      const akhir = randomBytes(4).toString('hex');
      const username = `ditolak.${akhir}`;
      const nama = 'Sutrisno Hadiwijoyo';
      const sandi = `Rahasia-Uji-${akhir}-Panjang`;
      // A trigger refusing exactly this username makes the insert fail inside the database (on
      // PostgreSQL the test database is shared: no other insert is affected).
      const fn = `tolak_uji_${akhir}`;
      await h.db.execute(
        sql.raw(`create function ${fn}() returns trigger language plpgsql as $$ begin if new.username = '${username}' then raise exception 'ditolak untuk uji' using errcode = 'P0001'; end if; return new; end $$`),
      );
      // On Citus a trigger on a distributed table needs this setting (a placeholder elsewhere).
      const denganPemicu = (q: string) =>
        h.db.transaction(async (tx) => {
          await tx.execute(sql`set local citus.enable_unsafe_triggers to on`);
          await tx.execute(sql.raw(q));
        });
      await denganPemicu(`create trigger ${fn} before insert on pengguna for each row execute function ${fn}()`);
      const mulai = baris.length;
      let r;
      try {
        r = await admin.req('POST', url, { username, nama, sandi, peran: [] });
      } finally {
        await denganPemicu(`drop trigger ${fn} on pengguna`);
        await h.db.execute(sql.raw(`drop function ${fn}()`));
      }
      assert.equal(r.statusCode, 500, r.body);
      assert.ok(!r.body.includes(nama) && !r.body.includes('argon2'));
      const [galat, ...lain] = baris.slice(mulai).filter((l) => l.includes('galat server'));
      assert.ok(galat !== undefined && lain.length === 0, baris.slice(mulai).join(''));
      const bersih = (log: string, rahasia: ReadonlyArray<readonly [string, string]>) => {
        for (const [apa, x] of [...rahasia, ['password', sandi], ['argon2 hash', '$argon2id$'], ['SQL', 'insert into']] as const) {
          assert.ok(!log.toLowerCase().includes(x.toLowerCase()), `the log contains the ${apa}`);
        }
      };
      bersih(baris.slice(mulai).join(''), [
        ['name', nama],
        ['username', username],
      ]);
      // What is logged instead: the SQLSTATE.
      assert.match(galat, /"sqlState":"P0001"/);

      // Six creations of one username at once: one is created, the others are told it exists (409, not logged as errors).
      const dari = baris.length;
      const kembar = `kembar.${akhir}`;
      const namaKembar = 'Kembar Purnamasari';
      const hasil = await Promise.all(Array.from({ length: 6 }, () => admin.req('POST', url, { username: kembar, nama: namaKembar, sandi, peran: [] })));
      const [simpan] = await h.db.select({ hash: t.pengguna.passwordHash }).from(t.pengguna).where(sql`${t.pengguna.pemdaId} = ${h.pemda.id} and ${t.pengguna.username} = ${kembar}`);
      assert.ok(simpan);
      bersih(baris.slice(dari).join(''), [
        ["the second account's name", namaKembar],
        ['stored hash', simpan.hash],
      ]);
      assert.deepEqual(hasil.map((x) => x.statusCode).sort(), [201, 409, 409, 409, 409, 409], hasil.map((x) => x.body).join(' | '));
    });
  });
}
