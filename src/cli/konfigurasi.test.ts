import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { KonfigurasiTidakSah, periksaKonfigurasi } from './konfigurasi.ts';

const BIN = fileURLToPath(new URL('../../bin/sikiper.js', import.meta.url));

function masalah(env: NodeJS.ProcessEnv): string[] {
  try {
    periksaKonfigurasi(env);
    return [];
  } catch (e) {
    assert.ok(e instanceof KonfigurasiTidakSah);
    return e.masalah.map((m) => m.variabel);
  }
}

describe('configuration checked at start', () => {
  it('accepts an empty environment and good values', () => {
    assert.deepEqual(masalah({}), []);
    assert.deepEqual(
      masalah({ DATABASE_URL: 'postgres://u@db:5432/sikiper', PORT: '8080', HOST: '0.0.0.0', SIKIPER_COOKIE_SECURE: '1', SIKIPER_TRUST_PROXY: '0', SIKIPER_ALLOWED_ORIGINS: 'http://localhost:5173, https://ui.example.go.id' }),
      [],
    );
    assert.deepEqual(masalah({ DATABASE_URL: 'file://./data' }), []);
    assert.deepEqual(masalah({ SIKIPER_PEKERJA: '1', SIKIPER_PEKERJA_PEMDA: '1', SIKIPER_ANTREAN_MAKS: '0', SIKIPER_ANTREAN_PEMDA: '10' }), []);
  });

  it('names every bad variable', () => {
    assert.deepEqual(masalah({ PORT: 'abc' }), ['PORT']);
    assert.deepEqual(masalah({ PORT: '70000' }), ['PORT']);
    assert.deepEqual(masalah({ PORT: '-1' }), ['PORT']);
    assert.deepEqual(masalah({ DATABASE_URL: 'mysql://x/y' }), ['DATABASE_URL']);
    assert.deepEqual(masalah({ SIKIPER_COOKIE_SECURE: 'yes', SIKIPER_TRUST_PROXY: 'true' }), ['SIKIPER_COOKIE_SECURE', 'SIKIPER_TRUST_PROXY']);
    assert.deepEqual(masalah({ SIKIPER_ALLOWED_ORIGINS: 'http://localhost:5173/' }), ['SIKIPER_ALLOWED_ORIGINS']);
    assert.deepEqual(masalah({ SIKIPER_DEMO_PASSWORD: 'pendek' }), ['SIKIPER_DEMO_PASSWORD']);
    assert.deepEqual(masalah({ SIKIPER_PEKERJA: '0', SIKIPER_PEKERJA_PEMDA: 'dua', SIKIPER_ANTREAN_MAKS: '-1', SIKIPER_ANTREAN_PEMDA: '1.5' }), ['SIKIPER_PEKERJA', 'SIKIPER_PEKERJA_PEMDA', 'SIKIPER_ANTREAN_MAKS', 'SIKIPER_ANTREAN_PEMDA']);
  });

  it('does not print secrets in its messages', () => {
    try {
      periksaKonfigurasi({ DATABASE_URL: 'postgres://u:rahasia-sekali@/x', SIKIPER_DEMO_PASSWORD: 'rahasia' });
      assert.fail('accepted');
    } catch (e) {
      assert.ok(e instanceof KonfigurasiTidakSah);
      assert.doesNotMatch(e.message, /rahasia/);
    }
  });

  it('warns about unknown SIKIPER_* variables (typos)', () => {
    assert.match(periksaKonfigurasi({ SIKIPER_COOKIE_SECUR: '1' }).peringatan.join('\n'), /SIKIPER_COOKIE_SECUR /);
    assert.deepEqual(periksaKonfigurasi({ SIKIPER_TEST_POSTGRES: 'x' }).peringatan, []);
  });

  it('the sikiper command refuses a bad PORT before doing anything, naming the variable', () => {
    const r = spawnSync(process.execPath, [BIN, 'serve'], { env: { ...process.env, PORT: '99999', DATABASE_URL: 'memory://' }, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /konfigurasi tidak sah/);
    assert.match(r.stderr, /PORT: .*0 sampai 65535.*"99999"/);
    assert.equal(r.stdout, '', 'nothing was started');
  });
});
