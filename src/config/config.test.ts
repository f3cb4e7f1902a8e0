import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bacaKonfigurasi, type Konfigurasi, teksMasalah, VARIABEL_DIKENAL } from './config.ts';

const BAWAAN: Konfigurasi = {
  databaseUrl: undefined,
  dataDir: './data',
  pgPool: 20,
  port: 3000,
  host: '127.0.0.1',
  cookieSecure: false,
  trustProxy: false,
  originLain: [],
  cacheDasbor: 400,
  cacheKatalog: 2000,
  pekerja: undefined,
  pekerjaPemda: undefined,
  antreanMaks: 20,
  antreanPemda: 10,
  batasPermintaanDetik: 120,
  sandiDemo: undefined,
};

/** Every variable: good values with what they become, and bad values. */
const VARIABEL: Array<{ nama: string; baik: Array<[string, Partial<Konfigurasi>]>; buruk: string[] }> = [
  {
    nama: 'DATABASE_URL',
    baik: [
      ['postgres://u@db:5432/sikiper', { databaseUrl: 'postgres://u@db:5432/sikiper' }],
      [' file://./data ', { databaseUrl: 'file://./data' }],
      ['memory://', { databaseUrl: 'memory://' }],
      ['', { databaseUrl: undefined }],
    ],
    buruk: ['mysql://x/y', 'postgres://', 'file://'],
  },
  { nama: 'SIKIPER_DATA_DIR', baik: [['/srv/sikiper', { dataDir: '/srv/sikiper' }]], buruk: [''] },
  { nama: 'SIKIPER_PG_POOL', baik: [['5', { pgPool: 5 }], ['10000', { pgPool: 10_000 }]], buruk: ['0', '-1', 'banyak', '2.5', '10001', ''] },
  { nama: 'PORT', baik: [['8080', { port: 8080 }], ['0', { port: 0 }], ['65535', { port: 65535 }]], buruk: ['abc', '70000', '-1', ''] },
  { nama: 'HOST', baik: [['0.0.0.0', { host: '0.0.0.0' }], ['[::1]', { host: '[::1]' }]], buruk: ['', 'host dengan spasi'] },
  { nama: 'SIKIPER_COOKIE_SECURE', baik: [['1', { cookieSecure: true }], ['0', { cookieSecure: false }]], buruk: ['yes', 'true', ''] },
  { nama: 'SIKIPER_TRUST_PROXY', baik: [['1', { trustProxy: true }], ['0', { trustProxy: false }]], buruk: ['true'] },
  {
    nama: 'SIKIPER_ALLOWED_ORIGINS',
    baik: [
      ['http://localhost:5173, https://ui.example.go.id', { originLain: ['http://localhost:5173', 'https://ui.example.go.id'] }],
      ['', { originLain: [] }],
    ],
    buruk: ['http://localhost:5173/', 'ftp://x', 'bukan-url'],
  },
  { nama: 'SIKIPER_CACHE_DASBOR', baik: [['0', { cacheDasbor: 0 }], ['50', { cacheDasbor: 50 }]], buruk: ['-5', 'besar', '1000001'] },
  { nama: 'SIKIPER_CACHE_KATALOG', baik: [['10', { cacheKatalog: 10 }]], buruk: ['x', '1e3'] },
  { nama: 'SIKIPER_PEKERJA', baik: [['1', { pekerja: 1 }], ['64', { pekerja: 64 }]], buruk: ['0', '65', 'dua'] },
  { nama: 'SIKIPER_PEKERJA_PEMDA', baik: [['2', { pekerjaPemda: 2 }]], buruk: ['0', '1.5'] },
  { nama: 'SIKIPER_ANTREAN_MAKS', baik: [['0', { antreanMaks: 0 }], ['1000', { antreanMaks: 1000 }]], buruk: ['-1', '1001'] },
  { nama: 'SIKIPER_ANTREAN_PEMDA', baik: [['5', { antreanPemda: 5 }]], buruk: ['1.5', 'x'] },
  { nama: 'SIKIPER_REQUEST_TIMEOUT', baik: [['5', { batasPermintaanDetik: 5 }], ['3600', { batasPermintaanDetik: 3600 }]], buruk: ['4', '3601', 'lama'] },
  { nama: 'SIKIPER_DEMO_PASSWORD', baik: [['sandi-demo-panjang', { sandiDemo: 'sandi-demo-panjang' }]], buruk: ['pendek', 'x'.repeat(1025)] },
];

function konfigurasi(env: Record<string, string | undefined>): Konfigurasi {
  const h = bacaKonfigurasi(env);
  assert.ok(h.ok, h.ok ? '' : teksMasalah(h.masalah));
  return h.konfigurasi;
}

describe('bacaKonfigurasi: the configuration as a function of the environment', () => {
  it('an empty environment gives the defaults, without warnings', () => {
    assert.deepEqual(bacaKonfigurasi({}), { ok: true, konfigurasi: BAWAAN, peringatan: [] });
  });

  it('the table below covers every variable the program reads', () => {
    assert.deepEqual([...VARIABEL_DIKENAL].sort(), VARIABEL.map((v) => v.nama).sort());
  });

  for (const v of VARIABEL) {
    it(`${v.nama}: good values are read, bad ones refused with a message naming it`, () => {
      for (const [nilai, harapan] of v.baik) assert.deepEqual(konfigurasi({ [v.nama]: nilai }), { ...BAWAAN, ...harapan }, `${v.nama}=${JSON.stringify(nilai)}`);
      for (const nilai of v.buruk) {
        const h = bacaKonfigurasi({ [v.nama]: nilai });
        assert.ok(!h.ok, `${v.nama}=${JSON.stringify(nilai)} accepted`);
        assert.deepEqual(h.masalah.map((m) => m.variabel), [v.nama], `${v.nama}=${JSON.stringify(nilai)}`);
        assert.match(teksMasalah(h.masalah), new RegExp(`^konfigurasi tidak sah:\\n  ${v.nama}: \\S`));
      }
    });
  }

  it('names every bad variable at once', () => {
    const h = bacaKonfigurasi({ PORT: 'abc', SIKIPER_COOKIE_SECURE: 'yes', SIKIPER_TRUST_PROXY: 'true', SIKIPER_PG_POOL: '0' });
    assert.ok(!h.ok);
    assert.deepEqual(h.masalah.map((m) => m.variabel).sort(), ['PORT', 'SIKIPER_COOKIE_SECURE', 'SIKIPER_PG_POOL', 'SIKIPER_TRUST_PROXY']);
    assert.match(teksMasalah(h.masalah), /PORT: PORT harus bilangan bulat 0 sampai 65535 \(sekarang: "abc"\)/);
  });

  it('does not print secrets in its messages', () => {
    const h = bacaKonfigurasi({ DATABASE_URL: 'postgres://u:rahasia-sekali@/x', SIKIPER_DEMO_PASSWORD: 'rahasia' });
    assert.ok(!h.ok);
    assert.deepEqual(h.masalah.map((m) => m.variabel).sort(), ['DATABASE_URL', 'SIKIPER_DEMO_PASSWORD']);
    assert.doesNotMatch(teksMasalah(h.masalah), /rahasia/);
  });

  it('names unknown SIKIPER_* variables in a warning, never a known one or the tooling\'s', () => {
    const h = bacaKonfigurasi({ SIKIPER_COOKIE_SECUR: '1', SIKIPER_CACHE_DASHBOARD: '5', PATH: '/usr/bin', SIKIPER_TEST_POSTGRES: 'x', SIKIPER_BENCH_POSTGRES: 'x', SIKIPER_SCREENSHOTS: '1' });
    assert.ok(h.ok);
    assert.equal(h.peringatan.length, 2);
    assert.match(h.peringatan[0] ?? '', /^variabel SIKIPER_CACHE_DASHBOARD tidak dikenal dan diabaikan \(yang dikenal: .*SIKIPER_CACHE_DASBOR/);
    assert.match(h.peringatan[1] ?? '', /^variabel SIKIPER_COOKIE_SECUR tidak dikenal/);
    const semua = Object.fromEntries(VARIABEL.map((v) => [v.nama, v.baik[0]?.[0]]));
    const k = bacaKonfigurasi(semua);
    assert.ok(k.ok);
    assert.deepEqual(k.peringatan, []);
  });

  it('warns about unknown variables even when a known one is bad', () => {
    const h = bacaKonfigurasi({ PORT: 'x', SIKIPER_PORT: '80' });
    assert.ok(!h.ok);
    assert.equal(h.peringatan.length, 1);
    assert.match(h.peringatan[0] ?? '', /SIKIPER_PORT/);
  });

  it('reads only the environment it is given', () => {
    const env = { PORT: '8080' };
    const sebelum = process.env.SIKIPER_CACHE_DASBOR;
    process.env.SIKIPER_CACHE_DASBOR = '7';
    try {
      assert.deepEqual(konfigurasi(env), { ...BAWAAN, port: 8080 });
    } finally {
      if (sebelum === undefined) delete process.env.SIKIPER_CACHE_DASBOR;
      else process.env.SIKIPER_CACHE_DASBOR = sebelum;
    }
    assert.deepEqual(env, { PORT: '8080' });
  });
});
