import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const BIN = fileURLToPath(new URL('../../bin/sikiper.js', import.meta.url));

/** The environment of this process without any SIKIPER_* variable of the caller's. */
function lingkungan(tambahan: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SIKIPER_') && k !== 'PORT' && k !== 'HOST'));
  return { ...env, ...tambahan };
}

describe('the sikiper command reads its configuration once at start', () => {
  it('refuses a bad PORT before doing anything, naming the variable', () => {
    const r = spawnSync(process.execPath, [BIN, 'serve'], { env: lingkungan({ PORT: '99999', DATABASE_URL: 'memory://' }), encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /konfigurasi tidak sah/);
    assert.match(r.stderr, /PORT: .*0 sampai 65535.*"99999"/);
    assert.equal(r.stdout, '', 'nothing was started');
  });

  it('warns about an unknown SIKIPER_* variable and not about the pool and cache sizes it uses', () => {
    const env = lingkungan({ SIKIPER_PG_POOL: '5', SIKIPER_CACHE_DASBOR: '10', SIKIPER_CACHE_KATALOG: '10', SIKIPER_CACHE_DASHBOARD: '10' });
    const r = spawnSync(process.execPath, [BIN, 'help'], { env, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /peringatan: variabel SIKIPER_CACHE_DASHBOARD tidak dikenal/);
    assert.doesNotMatch(r.stderr, /variabel SIKIPER_(PG_POOL|CACHE_DASBOR|CACHE_KATALOG) tidak dikenal/);
    assert.match(r.stdout, /Usage: sikiper/);
  });
});
