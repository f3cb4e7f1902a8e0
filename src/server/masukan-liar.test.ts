/**
 * Hostile input against every write route. The routes are read from the app's own route table,
 * so a write route added later is attacked too (and this test fails until it has an example
 * request below). Each attack is sent by a user who may use the route: malformed JSON, wrong
 * types, strings beyond the limits, unicode edge cases, SQL and HTML injection, in the body,
 * the query string and the path parameters. Every one must be answered 4xx, never 5xx, and
 * leave every row of the pemda (all tables with pemda_id, the audit log included) as it was.
 *
 * Uploads get hostile archives: .xlsx zip bombs (honest and lying ZIP directory) on the Renja,
 * realisasi and register imports, a gzip bomb and a backup nested 200.000 levels deep; each is
 * refused 413/422 while the server keeps answering other requests.
 *
 * Free-text fields (keterangan, komentar) are the exception for text that is legitimate:
 * emoji, combining characters, right-to-left marks and quotes or angle brackets are stored
 * exactly as sent (last test); what they refuse is control characters, bidi overrides, lone
 * surrogates and oversize text.
 *
 * Hostile timing is the second part: the same record created by several requests at once is
 * one success and conflicts (409), never a server error; and a client that sends its headers or
 * its body one byte at a time, or nothing at all, is cut off within the server's time limits.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../db/client.ts';
import { testDatabases } from '../db/testing.ts';
import { bomGzip, bomXlsx, cadanganBersarang } from '../exchange/testing.ts';
import type { Entri } from '../workflow/entri.ts';
import { buildApp, daftarRute } from './app.ts';
import { contohUntuk, isiUrl, PARAM_SAH } from './contoh-rute.ts';
import { type Harness, type Klien, multipart, type NamaDemo, siapkan, sidikJari } from './testing.ts';

const TULIS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Texts that no identifier, number, date or enum field may accept. */
const LIAR: Record<string, string> = {
  nul: 'IKU\u00001',
  'surrogate tunggal': 'a\ud800b',
  'surrogate akhir tunggal': '\udfffz',
  'RTL override': 'abc\u202Egpj.exe',
  'bidi isolate': '\u2066x\u2069',
  emoji: '📈🇮🇩👩🏽‍💻',
  'huruf gabung': 'e\u0301\u0301\u0301Z\u0336\u0335',
  'SQL 1': "' OR '1'='1",
  'SQL 2': "1; DROP TABLE audit_log; --",
  'SQL 3': "paser') UNION SELECT password_hash FROM pengguna --",
  'HTML 1': '<script>alert(1)</script>',
  'HTML 2': '"><img src=x onerror=alert(document.cookie)>',
  'path': '../../etc/passwd',
  kosong: '',
  spasi: '   ',
  'angka sebagai teks': '1',
  'sangat panjang': 'a'.repeat(100_000),
  'lebih dari 1 MB': 'é'.repeat(600_000),
};

/** Texts a free-text field must refuse. */
const LIAR_TEKS_BEBAS = ['nul', 'surrogate tunggal', 'surrogate akhir tunggal', 'RTL override', 'bidi isolate', 'sangat panjang', 'lebih dari 1 MB'];
const TEKS_BEBAS = new Set(['keterangan', 'komentar', 'alasan', 'tindakLanjut', 'nama']);

/** Values of the wrong JSON type for any field (null is left out: some fields are nullable). */
const TIPE_SALAH: unknown[] = [true, {}, [], [1, 2], { $gt: '' }];

/** Raw bodies that are not the JSON object a route expects. */
const MENTAH: Array<[string, string | Buffer, string]> = [
  ['JSON terpotong', '{"version":', 'application/json'],
  ['kunci tanpa kutip', '{version: 0}', 'application/json'],
  ['koma di akhir', '{"version": 0,}', 'application/json'],
  ['sampah di belakang', '{"version": 0} x', 'application/json'],
  ['kosong', '', 'application/json'],
  ['__proto__', '{"version": 0, "__proto__": {"isAdmin": true}}', 'application/json'],
  ['constructor.prototype', '{"version": 0, "constructor": {"prototype": {"x": 1}}}', 'application/json'],
  ['array bersarang dalam', `${'['.repeat(5000)}${']'.repeat(5000)}`, 'application/json'],
  ['array', '[{"version": 0}]', 'application/json'],
  ['teks', '"version"', 'application/json'],
  ['angka', '0', 'application/json'],
  ['null', 'null', 'application/json'],
  ['angka tak hingga', '{"version": 1e400, "nilai": 1e400}', 'application/json'],
  ['versi pecahan', '{"version": 0.5}', 'application/json'],
  ['versi negatif', '{"version": -1}', 'application/json'],
  ['versi raksasa', '{"version": 99999999999999999999999}', 'application/json'],
  ['UTF-8 rusak', Buffer.from([0x7b, 0x22, 0x76, 0x65, 0x72, 0x73, 0x69, 0x6f, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 'application/json'],
  ['text/plain', '{"version": 0}', 'text/plain'],
  ['form', 'version=0', 'application/x-www-form-urlencoded'],
  ['xml', '<version>0</version>', 'application/xml'],
  ['lebih dari 1 MB', `{"keterangan": "${'x'.repeat(1_100_000)}", "version": 0}`, 'application/json'],
];

/** A path parameter as sent: percent-encoded, except lone surrogates (not encodable): as invalid UTF-8 bytes. */
function encodeParam(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return `${encodeURIComponent(v.replace(/[\ud800-\udfff]/g, ''))}%ED%A0%80`;
  }
}


for (const kind of testDatabases()) {
  describe(`hostile input on every write route [${kind.name}]`, () => {
    let h: Harness;
    const klien = new Map<NamaDemo, Klien>();

    before(async () => {
      h = await siapkan(kind);
      PARAM_SAH.pemda = () => h.pemda.slug;
      for (const n of ['perencana.disnakertrans', 'admin.paser', 'keuangan.disnakertrans', 'inspektorat.paser', 'kepala.disnakertrans'] as const) klien.set(n, await h.masuk(n));
    });
    after(() => h.close());

    it('the route table has write routes, each with an example request', async () => {
      await h.app.ready();
      const tulis = daftarRute(h.app).filter((r) => TULIS.has(r.method));
      assert.ok(tulis.length >= 9, `only ${tulis.length} write routes found`);
      const tanpa = tulis.filter((r) => !contohUntuk(r.method, r.url)).map((r) => `${r.method} ${r.url}`);
      assert.deepEqual(tanpa, [], 'write routes without an example request in masukan-liar.test.ts');
    });

    it('every write route answers 4xx to every attack and changes nothing', async () => {
      await h.app.ready();
      const tulis = daftarRute(h.app).filter((r) => TULIS.has(r.method) && contohUntuk(r.method, r.url));
      const gagal: string[] = [];
      let jumlah = 0;
      for (const rute of tulis) {
        const contoh = contohUntuk(rute.method, rute.url);
        if (!contoh) continue;
        const k = klien.get(contoh.oleh);
        if (!k) throw new Error(contoh.oleh);
        const paramSah = { ...Object.fromEntries(Object.entries(PARAM_SAH).map(([n, f]) => [n, f()])), ...contoh.param };
        const urlSah = isiUrl(rute.url, paramSah);
        const kirim = async (nama: string, url: string, payload?: string | Buffer | Record<string, unknown> | unknown[], headers: Record<string, string> = {}) => {
          jumlah++;
          const r = await k.req(rute.method, url, payload, headers);
          if (r.statusCode < 400 || r.statusCode >= 500) gagal.push(`${rute.method} ${rute.url} [${nama}]: ${r.statusCode} ${r.body.slice(0, 200)}`);
        };
        const json = { 'content-type': 'application/json' };
        const sebelum = await sidikJari(h.db, h.pemda.id);

        // Raw bodies.
        for (const [nama, body, type] of MENTAH) await kirim(`body mentah: ${nama}`, urlSah, body, { 'content-type': type });
        // Wrong top-level JSON types.
        for (const v of [[], [contoh.body ?? {}], 'teks', 0, true, null]) await kirim(`body bertipe ${JSON.stringify(v).slice(0, 20)}`, urlSah, JSON.stringify(v), json);

        // Each field of the example body: wrong types, and hostile text where text is not free.
        for (const [field, sah] of Object.entries(contoh.body ?? {})) {
          const ganti = (v: unknown) => JSON.stringify({ ...contoh.body, [field]: v });
          // An empty array is the right type for a list field (e.g. no paragraphs, no recommendations).
          for (const v of TIPE_SALAH.filter((x) => !(Array.isArray(sah) && Array.isArray(x) && x.length === 0))) {
            await kirim(`${field}=${JSON.stringify(v)}`, urlSah, ganti(v), json);
          }
          if (typeof sah === 'string') await kirim(`${field}=123`, urlSah, ganti(123), json);
          const liar = TEKS_BEBAS.has(field) ? LIAR_TEKS_BEBAS : Object.keys(LIAR);
          for (const nama of liar) await kirim(`${field}: ${nama}`, urlSah, ganti(LIAR[nama]), json);
          // The same texts as object keys next to a valid body.
          if (field === Object.keys(contoh.body ?? {})[0]) {
            for (const nama of ['nul', 'surrogate tunggal', 'RTL override']) await kirim(`kunci: ${nama}`, urlSah, JSON.stringify({ ...contoh.body, [LIAR[nama] ?? '']: 1 }), json);
          }
        }

        // Hostile text in the query string, next to a valid body.
        const bodySah = contoh.body === undefined ? undefined : JSON.stringify(contoh.body);
        const headerSah: Record<string, string> = bodySah === undefined ? {} : json;
        for (const [nama, v] of Object.entries(LIAR)) {
          if (nama === 'lebih dari 1 MB') continue;
          await kirim(`query: ${nama}`, `${urlSah}?q=${encodeParam(v)}`, bodySah, headerSah);
          await kirim(`query version: ${nama}`, `${urlSah}?version=${encodeParam(v)}&pemda=${encodeParam(v)}`, bodySah, headerSah);
        }

        // Hostile text in each path parameter, next to a valid body.
        for (const param of [...rute.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] ?? '')) {
          for (const [nama, v] of Object.entries(LIAR)) {
            if (nama === 'lebih dari 1 MB') continue;
            // A valid-looking parameter that merely names nothing: "1" is a valid quarter, kept out.
            if (nama === 'angka sebagai teks' && (param === 'tw' || param === 'tahun')) continue;
            await kirim(`:${param}: ${nama}`, isiUrl(rute.url, { ...paramSah, [param]: encodeParam(v) }), bodySah, headerSah);
          }
          for (const v of ['-1', '0', '5', '1.5', '1e3', '0x1', '99999999999999999999']) {
            await kirim(`:${param}=${v}`, isiUrl(rute.url, { ...paramSah, [param]: v }), bodySah, headerSah);
          }
        }

        if (contoh.multipart) {
          for (const [nama, v] of Object.entries(LIAR)) {
            if (nama === 'lebih dari 1 MB' || nama === 'sangat panjang') continue;
            const m = multipart(v, Buffer.from(`<html><script>alert(1)</script>${v}</html>`), 'application/pdf');
            await kirim(`berkas bukan PDF bernama ${nama}`, urlSah, m.body, m.headers);
          }
          const rusak = multipart('a.pdf', Buffer.from('%PDF-1.4'));
          await kirim('multipart terpotong', urlSah, rusak.body.subarray(0, rusak.body.length - 20), rusak.headers);
          await kirim('multipart tanpa boundary', urlSah, rusak.body, { 'content-type': 'multipart/form-data' });
        }

        if ((await sidikJari(h.db, h.pemda.id)) !== sebelum) gagal.push(`${rute.method} ${rute.url}: hostile input changed data`);
      }
      assert.deepEqual(gagal, [], `${gagal.length} of ${jumlah} attacks were not answered 4xx`);
      assert.ok(jumlah > 1000, `only ${jumlah} attacks sent`);
    });

    it('hostile archives (zip bombs, a gzip bomb, a deeply nested backup) are refused 413/422 and change nothing', async () => {
      const perencana = klien.get('perencana.disnakertrans');
      const admin = klien.get('admin.paser');
      if (!perencana || !admin) throw new Error('klien');
      const opd = `/api/pemda/${h.pemda.slug}/opd/disnakertrans`;
      const sebelum = await sidikJari(h.db, h.pemda.id);
      const kirim = async (k: Klien, url: string, nama: string, isi: Buffer) => {
        const m = multipart(nama, isi);
        return k.req('POST', url, m.body, m.headers);
      };
      const jujur = await bomXlsx(40);
      const bohong = await bomXlsx(40, { terurai: 10 * 1024 * 1024 });
      const serangan: Array<[string, Promise<{ statusCode: number; body: string }>, number, RegExp]> = [
        ['zip bomb, Renja', kirim(perencana, `${opd}/tahun/2024/impor/renja/pratinjau`, 'renja.xlsx', jujur), 413, /melebihi batas 100 kali/],
        ['zip bomb, realisasi', kirim(perencana, `${opd}/tahun/2024/impor/realisasi/pratinjau`, 'realisasi.xlsx', jujur), 413, /melebihi batas 100 kali/],
        ['zip bomb with a lying directory, Renja', kirim(perencana, `${opd}/tahun/2024/impor/renja/pratinjau`, 'renja.xlsx', bohong), 422, /melebihi ukuran yang tercatat di direktori ZIP/],
        ['zip bomb, register', kirim(perencana, `${opd}/register/uji_kompetensi/impor`, 'register.xlsx', jujur), 413, /melebihi batas 100 kali/],
        ['gzip bomb, backup', kirim(admin, `/api/pemda/${h.pemda.slug}/cadangan/pratinjau`, 'bom.sikiper.gz', await bomGzip(300)), 413, /melebihi batas 200 kali/],
        ['backup nested 200.000 deep', kirim(admin, `/api/pemda/${h.pemda.slug}/cadangan/pratinjau`, 'dalam.sikiper.gz', cadanganBersarang(200_000)), 422, /bersarang lebih dari 64 tingkat/],
      ];
      // Meanwhile the server keeps answering: every 50 ms a health check, each due within 2 s (timer wait included,
      // so a blocked event loop counts too). The bounds are checked at once or off the main thread.
      let selesai = false;
      const semua = Promise.allSettled(serangan.map(([, p]) => p)).finally(() => (selesai = true));
      const jeda: number[] = [];
      while (!selesai) {
        const t0 = performance.now();
        await new Promise((r) => setTimeout(r, 50));
        const sehat: { statusCode: number } = await admin.req('GET', '/api/health');
        assert.equal(sehat.statusCode, 200);
        jeda.push(performance.now() - t0);
      }
      await semua;
      const terlama = Math.max(...jeda);
      assert.ok(terlama < 2000, `/api/health answered after ${Math.round(terlama)} ms while hostile uploads were processed`);
      for (const [nama, p, status, pesan] of serangan) {
        const r = await p;
        assert.equal(r.statusCode, status, `${nama}: ${r.body.slice(0, 300)}`);
        assert.match(r.body, pesan, nama);
      }
      assert.equal(await sidikJari(h.db, h.pemda.id), sebelum);
    });

    it('free text keeps legitimate unicode, quotes and angle brackets exactly as sent', async () => {
      const k = klien.get('perencana.disnakertrans');
      if (!k) throw new Error('perencana');
      const url = `/api/pemda/${h.pemda.slug}/opd/disnakertrans/tahun/2024/triwulan/2/entri/IKU-1`;
      let version = 0;
      for (const nama of ['emoji', 'huruf gabung', 'SQL 1', 'SQL 2', 'SQL 3', 'HTML 1', 'HTML 2']) {
        const teks = `${LIAR[nama] ?? ''} \u200F`;
        const r = await k.req('PUT', url, { version, nilai: 1, keterangan: teks });
        assert.equal(r.statusCode, 200, `${nama}: ${r.body}`);
        const e = r.json<Entri>();
        assert.equal(e.keterangan, teks, nama);
        version = e.version;
      }
      const list = await k.req('GET', `/api/pemda/${h.pemda.slug}/opd/disnakertrans/tahun/2024/triwulan/2/entri`);
      assert.equal(list.json<{ indikator: Entri[] }>().indikator.find((i) => i.kode === 'IKU-1')?.keterangan, `${LIAR['HTML 2'] ?? ''} \u200F`);
      const riwayat = await k.req('GET', `${url}/riwayat`);
      assert.ok(riwayat.json<{ riwayat: Array<{ baru: unknown }> }>().riwayat.some((x) => x.baru === `${LIAR['SQL 2'] ?? ''} \u200F`), 'the audit log holds the text as sent');
    });
  });
}

/**
 * Opens a connection, sends `kepala`, then `tetes` every 300 ms (nothing when empty) until the
 * server closes the connection or `maksMs` pass. Returns when it was closed (null: it was not)
 * and what the server answered.
 */
function klienLambat(port: number, kepala: string, tetes: string, maksMs: number): Promise<{ ditutupSetelah: number | null; jawaban: string }> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    const mulai = Date.now();
    let jawaban = '';
    let selesai = false;
    let detak: NodeJS.Timeout | undefined;
    const akhiri = (ditutup: boolean) => {
      if (selesai) return;
      selesai = true;
      clearInterval(detak);
      clearTimeout(batas);
      s.destroy();
      resolve({ ditutupSetelah: ditutup ? Date.now() - mulai : null, jawaban });
    };
    const batas = setTimeout(() => akhiri(false), maksMs);
    s.on('data', (d) => (jawaban += d.toString('latin1')));
    s.on('close', () => akhiri(true));
    s.on('error', () => akhiri(true));
    s.on('connect', () => {
      if (kepala !== '') s.write(kepala);
      if (tetes !== '') detak = setInterval(() => !s.destroyed && s.write(tetes), 300);
    });
  });
}

for (const kind of testDatabases()) {
  describe(`hostile timing: concurrent duplicates and slow clients [${kind.name}]`, () => {
    let h: Harness;
    before(async () => {
      h = await siapkan(kind);
    });
    after(() => h.close());

    it('six concurrent creations of one username: one 201, five 409 naming the field', async () => {
      const admin = await h.masuk('admin.paser');
      const akhir = randomBytes(4).toString('hex');
      const body = { username: `serentak.${akhir}`, nama: 'Akun Serentak', sandi: `Sandi-Serentak-${akhir}`, peran: [] };
      const hasil = await Promise.all(Array.from({ length: 6 }, () => admin.req('POST', `/api/pemda/${h.pemda.slug}/pengguna`, body)));
      assert.deepEqual(hasil.map((r) => r.statusCode).sort(), [201, 409, 409, 409, 409, 409], hasil.map((r) => r.body).join('\n'));
      for (const r of hasil.filter((x) => x.statusCode === 409)) {
        const b = r.json<{ error: string; message: string; issues: Array<{ path: string }> }>();
        assert.equal(b.error, 'sudah-ada');
        assert.match(b.message, /sudah dipakai/);
        assert.equal(b.issues[0]?.path, 'username');
      }
    });

    it('six concurrent additions of one new register row id: one 200, five 409 with the stored row', async () => {
      const perencana = await h.masuk('perencana.disnakertrans');
      const url = `/api/pemda/${h.pemda.slug}/opd/disnakertrans/register/kasus_hi/baris`;
      const id = `hi-serentak-${randomBytes(3).toString('hex')}`;
      const hasil = await Promise.all(
        Array.from({ length: 6 }, (_, i) => perencana.req('POST', url, { id, nilai: { bulan: 9, tahun: 2023, perusahaan: `PT. Serentak ${i}`, hasil: 'PB' } })),
      );
      assert.deepEqual(hasil.map((r) => r.statusCode).sort(), [200, 409, 409, 409, 409, 409], hasil.map((r) => r.body).join('\n'));
      const menang = hasil.find((r) => r.statusCode === 200)?.json<{ nilai: { perusahaan: string } }>();
      for (const r of hasil.filter((x) => x.statusCode === 409)) {
        const b = r.json<{ error: string; current: { id: string; nilai: { perusahaan: string } } }>();
        assert.equal(b.error, 'versi-usang');
        assert.equal(b.current.id, id);
        assert.equal(b.current.nilai.perusahaan, menang?.nilai.perusahaan);
      }
      const rows = (await perencana.req('GET', url)).json<{ baris: Array<{ id: string }> }>().baris;
      assert.equal(rows.filter((b) => b.id === id).length, 1);
    });

    it('slow headers, a slow body and a silent connection are cut off within the time limits', async () => {
      // Short limits for the test; the defaults are BATAS_WAKTU in app.ts.
      const app = buildApp({ db: h.db, kind: kind.name } as unknown as Database, {
        webDist: false,
        batasWaktu: { header: 1_000, permintaan: 1_500, menganggur: 10_000, keepAlive: 1_000 },
      });
      try {
        await app.listen({ port: 0, host: '127.0.0.1' });
        const address = app.server.address();
        assert.ok(address !== null && typeof address === 'object');
        const port = address.port;
        // Well beyond every limit (plus Node's checking interval); without limits none is closed.
        const MAKS = 8_000;
        const [kepala, isi, diam] = await Promise.all([
          klienLambat(port, 'GET /api/health HTTP/1.1\r\nHost: uji\r\n', 'x', MAKS),
          klienLambat(port, 'POST /api/auth/login HTTP/1.1\r\nHost: uji\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{', ' ', MAKS),
          klienLambat(port, '', '', MAKS),
        ]);
        for (const [apa, x] of [['slow headers', kepala], ['slow body', isi], ['silent connection', diam]] as const) {
          assert.notEqual(x.ditutupSetelah, null, `${apa}: the server kept the connection open for ${MAKS} ms`);
          assert.ok(x.jawaban === '' || x.jawaban.startsWith('HTTP/1.1 408'), `${apa}: ${x.jawaban.slice(0, 80)}`);
        }
        // A request that arrives in time is answered as usual.
        const cepat = await klienLambat(port, 'GET /api/health HTTP/1.1\r\nHost: uji\r\nConnection: close\r\n\r\n', '', MAKS);
        assert.match(cepat.jawaban, /^HTTP\/1\.1 200/);
      } finally {
        await app.close();
      }
    });
  });
}
