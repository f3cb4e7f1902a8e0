/**
 * The engines field of package.json and the installed dependencies agree: every package of the
 * lockfile that names the Node versions it runs on accepts the lowest version of each range
 * package.json promises. With `engine-strict=true` in .npmrc, `npm ci` refuses a lockfile that
 * breaks this; the test says which package does, before anyone installs.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import semver from 'semver';

interface PaketKunci {
  version?: string;
  engines?: { node?: string } | string[];
}

const paket = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const kunci = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, PaketKunci> };

/** The lowest Node version of each `||` branch of a range: the versions the promise starts at. */
export function versiTerendah(rentang: string): string[] {
  return new semver.Range(rentang).set.map((cabang) => {
    const v = semver.minVersion(new semver.Range(cabang.map((c) => c.value).join(' ')));
    if (!v) throw new Error(`rentang "${rentang}" tanpa versi terendah`);
    return v.version;
  });
}

/** Packages whose engines.node refuses one of the given Node versions, as "name@version needs range (on v)". */
export function mesinBertentangan(paketKunci: Record<string, PaketKunci>, versi: readonly string[]): string[] {
  const salah: string[] = [];
  for (const [jalur, p] of Object.entries(paketKunci)) {
    const node = Array.isArray(p.engines) ? undefined : p.engines?.node;
    if (jalur === '' || node === undefined) continue;
    for (const v of versi) {
      if (!semver.satisfies(v, node)) salah.push(`${jalur.replace(/^.*node_modules\//, '')}@${p.version ?? '?'} needs node ${node} (on ${v})`);
    }
  }
  return salah;
}

test('.npmrc makes npm refuse an engine mismatch', () => {
  assert.match(readFileSync('.npmrc', 'utf8'), /^engine-strict=true$/m);
});

test('every locked package runs on the lowest Node version of each range of package.json', () => {
  const versi = versiTerendah(paket.engines.node);
  assert.ok(versi.length >= 1);
  assert.ok(semver.satisfies(process.version, paket.engines.node), `this Node ${process.version} is outside ${paket.engines.node}`);
  assert.deepEqual(mesinBertentangan(kunci.packages, versi), []);
});

test('the check fires on a package that needs a newer Node', () => {
  const contoh = { '': {}, 'node_modules/cookie': { version: '2.0.2', engines: { node: '>=22' } }, 'node_modules/ok': { version: '1.0.0', engines: { node: '>=18' } } };
  assert.deepEqual(mesinBertentangan(contoh, ['20.19.0']), ['cookie@2.0.2 needs node >=22 (on 20.19.0)']);
  assert.deepEqual(versiTerendah('^20.19.0 || >=22.13.0'), ['20.19.0', '22.13.0']);
});
