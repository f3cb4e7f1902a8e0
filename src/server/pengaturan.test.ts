/**
 * Settings (scale, lower-is-better rule, deadlines, users and roles) and budget realisation
 * entry over HTTP: who may, that a refusal changes nothing, tenancy (404), stale writes (409),
 * audit rows, located validation errors, and that the dashboard follows at once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import * as t from '../db/schema.ts';
import { testDatabases } from '../db/testing.ts';
import { Rational } from '../engine/decimal.ts';
import { SKALA_LIMA_TINGKAT } from '../engine/skala.ts';
import { type Harness, type Klien, type NamaDemo, siapkan } from './testing.ts';

const SEMUA: readonly NamaDemo[] = [
  'admin.paser',
  'perencana.disnakertrans',
  'kepala.disnakertrans',
  'keuangan.disnakertrans',
  'inspektorat.paser',
  'pimpinan.paser',
  'kabid.p2k',
  'kabid.hi',
];

interface Pengaturan {
  skala: { nama: string; bands: Array<{ min: number; label: string; warna?: string }> };
  rumusNegatif: string;
  version: number;
}
interface Baris {
  kode: string;
  level: string | null;
  induk: string | null;
  pagu: number;
  realisasi: number;
  version: number;
  diisi: boolean;
}
interface Anggaran {
  baris: Baris[];
  peringatan: Array<{ aturan: string; kode: string }>;
  bolehUbah: boolean;
}
interface Pengguna {
  id: string;
  username: string;
  nama: string;
  aktif: boolean;
  version: number;
  sesiAktif: number;
  peran: Array<{ id: string; peran: string; opd: string | null; unit: string | null }>;
}
type Issues = { error: string; issues: Array<{ path: string; message: string }> };

for (const kind of testDatabases()) {
  describe(`settings and budget entry [${kind.name}]`, () => {
    let h: Harness;
    const klien = new Map<NamaDemo, Klien>();
    const as = (n: NamaDemo) => {
      const k = klien.get(n);
      if (!k) throw new Error(n);
      return k;
    };
    let P: string;

    /** Everything these routes may change, to prove a refused call changed nothing. */
    async function jejak() {
      const id = h.pemda.id;
      const pemda = await h.db.select({ p: t.pemda.pengaturan, v: t.pemda.version }).from(t.pemda).where(eq(t.pemda.id, id));
      const audit = await h.db.select({ id: t.auditLog.id }).from(t.auditLog).where(eq(t.auditLog.pemdaId, id)).orderBy(asc(t.auditLog.id));
      const users = await h.db
        .select({ u: t.pengguna.username, n: t.pengguna.nama, a: t.pengguna.aktif, h: t.pengguna.passwordHash, v: t.pengguna.version })
        .from(t.pengguna)
        .where(eq(t.pengguna.pemdaId, id))
        .orderBy(asc(t.pengguna.username));
      const roles = await h.db.select({ id: t.peranPengguna.id }).from(t.peranPengguna).where(eq(t.peranPengguna.pemdaId, id)).orderBy(asc(t.peranPengguna.id));
      const sesi = await h.db.select({ id: t.sesi.id }).from(t.sesi).where(eq(t.sesi.pemdaId, id)).orderBy(asc(t.sesi.id));
      const tenggat = await h.db.select().from(t.tenggat).where(eq(t.tenggat.pemdaId, id));
      const anggaran = await h.db
        .select({ k: t.anggaranBaris.kode, p: t.anggaranBaris.pagu, r: t.anggaranBaris.realisasi, v: t.anggaranBaris.version })
        .from(t.anggaranBaris)
        .where(eq(t.anggaranBaris.pemdaId, id))
        .orderBy(asc(t.anggaranBaris.id));
      return JSON.stringify({ pemda, audit, users, roles, sesi, tenggat, anggaran });
    }

    async function hanya(allowed: readonly NamaDemo[], method: InjectOptions['method'], url: string, body?: () => unknown) {
      for (const n of SEMUA.filter((x) => !allowed.includes(x))) {
        const before = await jejak();
        const r = await as(n).req(method, url, body?.());
        assert.equal(r.statusCode, 403, `${n} ${method} ${url}: ${r.body}`);
        assert.equal(await jejak(), before, `${n} ${method} ${url} changed data`);
      }
    }

    const auditSejak = async (sejak: Date, entity: string) =>
      h.db
        .select()
        .from(t.auditLog)
        .where(and(eq(t.auditLog.pemdaId, h.pemda.id), eq(t.auditLog.entity, entity), gt(t.auditLog.at, new Date(sejak.getTime() - 1))))
        .orderBy(asc(t.auditLog.at), asc(t.auditLog.id));

    before(async () => {
      h = await siapkan(kind);
      P = `/api/pemda/${h.pemda.slug}`;
      for (const n of SEMUA) klien.set(n, await h.masuk(n));
    });
    after(() => h.close());

    // ------------------------------------------------------------------ scale and rule

    it('scale and rule: admin only; others 403 and nothing changed; another pemda 404', async () => {
      const r = await as('admin.paser').req('GET', `${P}/pengaturan`);
      assert.equal(r.statusCode, 200);
      const p = r.json<Pengaturan>();
      assert.equal(p.rumusNegatif, 'selisih');
      await hanya(['admin.paser'], 'GET', `${P}/pengaturan`);
      await hanya(['admin.paser'], 'PUT', `${P}/pengaturan`, () => ({ version: p.version, rumusNegatif: 'rasio-terbalik' }));
      const lain = await h.masuk('admin.paser', await h.pemdaBaru());
      const before = await jejak();
      const x = await lain.req('PUT', `${P}/pengaturan`, { version: p.version, rumusNegatif: 'rasio-terbalik' });
      assert.equal(x.statusCode, 404);
      assert.equal(await jejak(), before);
    });

    it('an invalid scale is refused with the band and field named', async () => {
      const { version, skala } = (await as('admin.paser').req('GET', `${P}/pengaturan`)).json<Pengaturan>();
      const before = await jejak();
      const unordered = { nama: 'x', bands: [{ min: 50, label: 'A' }, { min: 70, label: 'B' }, { min: 0, label: 'C' }] };
      const r1 = await as('admin.paser').req('PUT', `${P}/pengaturan`, { version, skala: unordered });
      assert.equal(r1.statusCode, 400);
      assert.ok(r1.json<Issues>().issues.some((i) => i.path === 'skala.bands.1.min'), r1.body);
      const gap = { nama: 'x', bands: [{ min: 80, label: 'A' }, { min: 10, label: 'B' }] };
      const r2 = await as('admin.paser').req('PUT', `${P}/pengaturan`, { version, skala: gap });
      assert.equal(r2.statusCode, 400);
      assert.ok(r2.json<Issues>().issues.some((i) => i.path === 'skala.bands.1.min' && i.message.includes('0')), r2.body);
      const blank = { nama: skala.nama, bands: [{ min: 60, label: 'A' }, { min: 0, label: '  ' }] };
      const r3 = await as('admin.paser').req('PUT', `${P}/pengaturan`, { version, skala: blank });
      assert.equal(r3.statusCode, 400);
      assert.ok(r3.json<Issues>().issues.some((i) => i.path === 'skala.bands.1.label'), r3.body);
      assert.equal(await jejak(), before);
    });

    it('changing the scale and the rule changes the dashboard at once, audited, stale write 409', async () => {
      const dash = async () =>
        (await as('pimpinan.paser').req('GET', `${P}/opd/disnakertrans/tahun/2023/dashboard`)).json<{
          skala: { bands: Array<{ label: string }> };
          capaian: { skala: string; sasaran: Array<{ capaian: number | null; predikat: string | null }>; ikuDaerah: Array<{ kode: string; polaritas: string; target: number; realisasi: number; capaian: number }> };
        }>();
      const d0 = await dash();
      const lima = new Set(SKALA_LIMA_TINGKAT.bands.map((b) => b.label));
      assert.ok(d0.capaian.sasaran.every((s) => s.predikat === null || !lima.has(s.predikat)));
      const tpt0 = d0.capaian.ikuDaerah.find((i) => i.kode === 'TPT');
      assert.ok(tpt0 && tpt0.polaritas === 'negatif');

      const { version } = (await as('admin.paser').req('GET', `${P}/pengaturan`)).json<Pengaturan>();
      const at = h.jam.now();
      const r = await as('admin.paser').req('PUT', `${P}/pengaturan`, { version, skala: SKALA_LIMA_TINGKAT, rumusNegatif: 'rasio-terbalik' });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json<Pengaturan>().version, version + 1);

      const d1 = await dash();
      assert.equal(d1.capaian.skala, SKALA_LIMA_TINGKAT.nama);
      assert.deepEqual(d1.skala.bands.map((b) => b.label), SKALA_LIMA_TINGKAT.bands.map((b) => b.label));
      const rated = d1.capaian.sasaran.filter((s) => s.predikat !== null);
      assert.ok(rated.length > 0);
      for (const s of rated) {
        // The band is the five-band one the capaian falls in.
        const expected = SKALA_LIMA_TINGKAT.bands.find((b) => (s.capaian ?? 0) >= b.min);
        assert.equal(s.predikat, expected?.label);
      }
      const tpt = d1.capaian.ikuDaerah.find((i) => i.kode === 'TPT');
      assert.ok(tpt);
      // Rencana / Realisasi x 100 on the recorded figures.
      const expected = Rational.from(tpt.target).div(Rational.from(tpt.realisasi)).mul(Rational.HUNDRED).round(2).toNumber();
      assert.equal(tpt.capaian, expected);
      assert.notEqual(tpt.capaian, tpt0.capaian);

      const rows = await auditSejak(at, 'pengaturan');
      assert.deepEqual(rows.map((x) => x.field).sort(), ['rumusNegatif', 'skala']);
      const rumus = rows.find((x) => x.field === 'rumusNegatif');
      assert.equal(rumus?.oldValue, 'selisih');
      assert.equal(rumus?.newValue, 'rasio-terbalik');

      const before = await jejak();
      const stale = await as('admin.paser').req('PUT', `${P}/pengaturan`, { version, rumusNegatif: 'selisih' });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json<{ current: Pengaturan }>().current.rumusNegatif, 'rasio-terbalik');
      assert.equal(await jejak(), before);
    });

    // ------------------------------------------------------------------ deadlines

    it('deadlines: the year view for admin only, exception per unit, stale version 409', async () => {
      await hanya(['admin.paser'], 'GET', `${P}/tenggat/2024`);
      const y0 = (await as('admin.paser').req('GET', `${P}/tenggat/2024`)).json<{ triwulan: Array<{ version: number; batas: string | null }>; unit: Array<{ opd: string; kode: string }> }>();
      assert.equal(y0.triwulan.length, 4);
      assert.equal(y0.triwulan[0]?.version, 0);
      assert.ok(y0.unit.some((u) => u.kode === 'bidang-hi'));
      const body = { batas: '2024-04-10T15:59:59Z', pengecualian: [{ opd: 'disnakertrans', unit: 'bidang-hi', batas: '2024-04-20T15:59:59Z' }], version: 0 };
      await hanya(['admin.paser'], 'PUT', `${P}/tenggat/2024/1`, () => body);
      const at = h.jam.now();
      const r = await as('admin.paser').req('PUT', `${P}/tenggat/2024/1`, body);
      assert.equal(r.statusCode, 200, r.body);
      const y1 = (await as('admin.paser').req('GET', `${P}/tenggat/2024`)).json<{ triwulan: Array<{ version: number; batas: string | null; pengecualian: Array<{ unit: string }> }> }>();
      assert.equal(y1.triwulan[0]?.version, 1);
      assert.equal(y1.triwulan[0]?.batas, '2024-04-10T15:59:59.000Z');
      assert.deepEqual(y1.triwulan[0]?.pengecualian.map((p) => p.unit), ['bidang-hi']);
      const rows = await auditSejak(at, 'tenggat_pengecualian');
      assert.equal(rows.length, 1);
      assert.equal(rows[0]?.newValue, '2024-04-20T15:59:59.000Z');
      const before = await jejak();
      const stale = await as('admin.paser').req('PUT', `${P}/tenggat/2024/1`, { ...body, batas: '2024-04-11T15:59:59Z', version: 0 });
      assert.equal(stale.statusCode, 409);
      const bad = await as('admin.paser').req('PUT', `${P}/tenggat/2024/1`, { ...body, pengecualian: [{ opd: 'disnakertrans', unit: 'tidak-ada', batas: '2024-04-20T15:59:59Z' }], version: 1 });
      assert.equal(bad.statusCode, 400);
      assert.ok(bad.json<Issues>().issues.some((i) => i.path === 'pengecualian.0.unit'));
      assert.equal(await jejak(), before);
    });

    // ------------------------------------------------------------------ users and roles

    it('users: list for admin only, with names; another pemda cannot reach them', async () => {
      await hanya(['admin.paser'], 'GET', `${P}/pengguna`);
      const r = await as('admin.paser').req('GET', `${P}/pengguna`);
      assert.equal(r.statusCode, 200);
      const list = r.json<{ pengguna: Pengguna[] }>().pengguna;
      const kabid = list.find((u) => u.username.startsWith('kabid.p2k-'));
      assert.equal(kabid?.nama, 'Kepala Bidang Pelatihan dan Produktivitas (demo)');
      assert.equal(kabid?.peran.length, 2);
      const other = await h.pemdaBaru();
      const lain = await h.masuk('admin.paser', other);
      assert.equal((await lain.req('GET', `${P}/pengguna`)).statusCode, 404);
      // The other pemda's admin, through its own slug, with a user id of this pemda.
      const before = await jejak();
      const x = await lain.req('PATCH', `/api/pemda/${other.slug}/pengguna/${kabid?.id ?? ''}`, { version: kabid?.version ?? 1, aktif: false });
      assert.equal(x.statusCode, 404);
      assert.equal(await jejak(), before);
    });

    it('create a user: located errors, random initial password returned once, argon2id, audited', async () => {
      const username = `operator.${h.pemda.akhiran.slice(1)}`;
      const body = { username, nama: 'Operator Baru', peran: [{ peran: 'kepala-unit', opd: 'disnakertrans', unit: 'bidang-hi' }] };
      await hanya(['admin.paser'], 'POST', `${P}/pengguna`, () => body);
      const before = await jejak();
      const bad = await as('admin.paser').req('POST', `${P}/pengguna`, { ...body, sandi: 'pendek', peran: [{ peran: 'kepala-unit', opd: 'disnakertrans' }, { peran: 'pimpinan', opd: 'disnakertrans' }] });
      assert.equal(bad.statusCode, 400);
      const paths = bad.json<Issues>().issues.map((i) => i.path);
      for (const p of ['sandi', 'peran.0.unit', 'peran.1.opd']) assert.ok(paths.includes(p), `${p} in ${paths.join(', ')}`);
      assert.equal(await jejak(), before);

      const at = h.jam.now();
      const r = await as('admin.paser').req('POST', `${P}/pengguna`, body);
      assert.equal(r.statusCode, 201, r.body);
      const { sandiAwal } = r.json<{ sandiAwal: string }>();
      assert.ok(sandiAwal.length >= 10);
      const [row] = await h.db.select().from(t.pengguna).where(and(eq(t.pengguna.pemdaId, h.pemda.id), eq(t.pengguna.username, username)));
      assert.ok(row?.passwordHash.startsWith('$argon2id$'));
      const login = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: sandiAwal } });
      assert.equal(login.statusCode, 200);
      const rows = await auditSejak(at, 'pengguna');
      assert.deepEqual(rows.filter((x) => x.entityKey === username).map((x) => x.field).sort(), ['aktif', 'nama', 'peran', 'sandi']);
      assert.ok(!JSON.stringify(rows).includes(sandiAwal), 'the password never reaches the audit log');
      const dup = await as('admin.paser').req('POST', `${P}/pengguna`, body);
      assert.equal(dup.statusCode, 409);
      assert.equal(dup.json<{ error: string }>().error, 'sudah-ada');
      assert.equal(dup.json<Issues>().issues[0]?.path, 'username');
    });

    // ------------------------------------------------------------------ budget realisation

    it('budget: keuangan saves a sub kegiatan; parents and dashboard absorption follow; audited', async () => {
      const A = `${P}/opd/disnakertrans/tahun/2023/realisasi-anggaran`;
      for (const n of SEMUA) {
        const r = await as(n).req('GET', A);
        assert.equal(r.statusCode, n.startsWith('kabid') ? 403 : 200, n);
        if (r.statusCode === 200) assert.equal(r.json<Anggaran>().bolehUbah, n === 'keuangan.disnakertrans', n);
      }
      const a0 = (await as('keuangan.disnakertrans').req('GET', A)).json<Anggaran>();
      const leaf = a0.baris.find((b) => b.diisi && b.level === 'sub-kegiatan' && b.realisasi >= 1000);
      assert.ok(leaf, 'a sub kegiatan line');
      const kegiatan = a0.baris.find((b) => b.kode === leaf.induk);
      const program = a0.baris.find((b) => b.kode === kegiatan?.induk);
      assert.ok(kegiatan && program && program.level === 'program');
      await hanya(['keuangan.disnakertrans'], 'PUT', A, () => ({ baris: [{ kode: leaf.kode, version: leaf.version, realisasi: leaf.realisasi - 1000 }] }));

      const dash = async () => (await as('pimpinan.paser').req('GET', `${P}/opd/disnakertrans/tahun/2023/dashboard`)).json<{ anggaran: { total: { pagu: number; realisasi: number; serapan: number } } }>().anggaran.total;
      const t0 = await dash();
      const at = h.jam.now();
      const r = await as('keuangan.disnakertrans').req('PUT', A, { baris: [{ kode: leaf.kode, version: leaf.version, realisasi: leaf.realisasi - 1000 }] });
      assert.equal(r.statusCode, 200, r.body);
      const a1 = r.json<Anggaran>();
      const get = (a: Anggaran, k: string) => a.baris.find((b) => b.kode === k);
      assert.equal(get(a1, leaf.kode)?.realisasi, leaf.realisasi - 1000);
      assert.equal(get(a1, kegiatan.kode)?.realisasi, kegiatan.realisasi - 1000);
      assert.equal(get(a1, program.kode)?.realisasi, program.realisasi - 1000);
      const t1 = await dash();
      assert.equal(t1.realisasi, t0.realisasi - 1000);
      const serapan = Rational.from(t1.realisasi).div(Rational.from(t1.pagu)).mul(Rational.HUNDRED).round(2).toNumber();
      assert.equal(t1.serapan, serapan);
      const rows = await auditSejak(at, 'anggaran_baris');
      assert.equal(rows.length, 3);
      const own = rows.find((x) => x.entityKey.endsWith(`/${leaf.kode}`));
      assert.equal(own?.oldValue, leaf.realisasi);
      assert.equal(own?.newValue, leaf.realisasi - 1000);

      // Stale version, negative, a parent line, unknown line: refused, located, nothing changed.
      const before = await jejak();
      const stale = await as('keuangan.disnakertrans').req('PUT', A, { baris: [{ kode: leaf.kode, version: leaf.version, realisasi: 5 }] });
      assert.equal(stale.statusCode, 409);
      const neg = await as('keuangan.disnakertrans').req('PUT', A, { baris: [{ kode: leaf.kode, version: leaf.version + 1, realisasi: -5 }] });
      assert.equal(neg.statusCode, 400);
      assert.equal(neg.json<Issues>().issues[0]?.path, 'baris.0.realisasi');
      const parent = await as('keuangan.disnakertrans').req('PUT', A, { baris: [{ kode: program.kode, version: get(a1, program.kode)?.version ?? 0, realisasi: 1 }] });
      assert.equal(parent.statusCode, 400);
      assert.equal(parent.json<Issues>().issues[0]?.path, 'baris.0.kode');
      const other = await h.masuk('keuangan.disnakertrans', await h.pemdaBaru());
      assert.equal((await other.req('PUT', A, { baris: [{ kode: leaf.kode, version: leaf.version + 1, realisasi: 5 }] })).statusCode, 404);
      assert.equal(await jejak(), before);

      // Above pagu: accepted with the check rule's warning.
      const over = await as('keuangan.disnakertrans').req('PUT', A, { baris: [{ kode: leaf.kode, version: leaf.version + 1, realisasi: leaf.pagu + 1 }] });
      assert.equal(over.statusCode, 200);
      assert.ok(over.json<Anggaran>().peringatan.some((p) => p.aturan === 'realisasi-melebihi-pagu' && p.kode === leaf.kode));
    });

    it('every new route is in the OpenAPI document', async () => {
      const doc = (await h.app.inject('/api/openapi.json')).json<{ paths: Record<string, Record<string, unknown>> }>();
      const U = '/api/pemda/{pemda}/pengguna/{id}';
      for (const [path, method] of [
        ['/api/pemda/{pemda}/pengaturan', 'get'],
        ['/api/pemda/{pemda}/pengaturan', 'put'],
        ['/api/pemda/{pemda}/tenggat/{tahun}', 'get'],
        ['/api/pemda/{pemda}/pengguna', 'get'],
        ['/api/pemda/{pemda}/pengguna', 'post'],
        [U, 'patch'],
        [`${U}/reset-sandi`, 'post'],
        [`${U}/keluar-semua`, 'post'],
        [`${U}/peran`, 'post'],
        [`${U}/peran/{peranId}`, 'delete'],
        ['/api/pemda/{pemda}/opd/{opd}/tahun/{tahun}/realisasi-anggaran', 'get'],
        ['/api/pemda/{pemda}/opd/{opd}/tahun/{tahun}/realisasi-anggaran', 'put'],
        ['/api/pemda/{pemda}/opd/{opd}/tahun-data', 'get'],
      ] as const) {
        assert.ok(doc.paths[path]?.[method], `${method} ${path}`);
      }
    });

    it('years with data: newest first, for whoever may read the OPD', async () => {
      const r = await as('kabid.p2k').req('GET', `${P}/opd/disnakertrans/tahun-data`);
      assert.equal(r.statusCode, 200);
      const tahun = r.json<{ tahun: number[] }>().tahun;
      assert.equal(tahun[0], Math.max(...tahun));
      assert.ok(tahun.includes(2023));
    });

    // Last: it signs kabid.hi out and deactivates it.
    it('roles, reset, log out everywhere and deactivate take effect at once; stale 409', async () => {
      const find = async (prefix: string) => {
        const list = (await as('admin.paser').req('GET', `${P}/pengguna`)).json<{ pengguna: Pengguna[] }>().pengguna;
        const u = list.find((x) => x.username.startsWith(prefix));
        assert.ok(u, prefix);
        return u;
      };
      const hi = await find('kabid.hi-');
      const U = `${P}/pengguna/${hi.id}`;
      await hanya(['admin.paser'], 'POST', `${U}/peran`, () => ({ version: hi.version, peran: 'kepala-unit', opd: 'disnakertrans', unit: 'sekretariat' }));
      await hanya(['admin.paser'], 'POST', `${U}/keluar-semua`);
      await hanya(['admin.paser'], 'POST', `${U}/reset-sandi`, () => ({ version: hi.version }));
      await hanya(['admin.paser'], 'PATCH', U, () => ({ version: hi.version, aktif: false }));
      await hanya(['admin.paser'], 'DELETE', `${U}/peran/${hi.peran[0]?.id ?? ''}?version=${hi.version}`);

      // Add a unit: the head now sees that unit's indicators.
      const entri = `${P}/opd/disnakertrans/tahun/2023/triwulan/4/entri`;
      const n0 = (await as('kabid.hi').req('GET', entri)).json<{ indikator: unknown[] }>().indikator.length;
      const add = await as('admin.paser').req('POST', `${U}/peran`, { version: hi.version, peran: 'kepala-unit', opd: 'disnakertrans', unit: 'sekretariat' });
      assert.equal(add.statusCode, 204, add.body);
      assert.ok((await as('kabid.hi').req('GET', entri)).json<{ indikator: unknown[] }>().indikator.length > n0);
      const stale = await as('admin.paser').req('POST', `${U}/peran`, { version: hi.version, peran: 'kepala-unit', opd: 'disnakertrans', unit: 'bidang-p2k' });
      assert.equal(stale.statusCode, 409);
      const badUnit = await as('admin.paser').req('POST', `${U}/peran`, { version: hi.version + 1, peran: 'kepala-unit', opd: 'disnakertrans', unit: 'nope' });
      assert.equal(badUnit.statusCode, 400);
      assert.equal(badUnit.json<Issues>().issues[0]?.path, 'unit');

      const hi2 = await find('kabid.hi-');
      const sek = hi2.peran.find((p) => p.unit === 'sekretariat');
      const del = await as('admin.paser').req('DELETE', `${U}/peran/${sek?.id ?? ''}?version=${hi2.version}`);
      assert.equal(del.statusCode, 204, del.body);
      assert.equal((await as('kabid.hi').req('GET', entri)).json<{ indikator: unknown[] }>().indikator.length, n0);
      const peranAudit = await auditSejak(new Date(0), 'pengguna');
      assert.ok(peranAudit.filter((x) => x.field === 'peran' && x.entityKey === hi.username).length >= 2);

      // Log out everywhere: the user's open session answers 401.
      const out = await as('admin.paser').req('POST', `${U}/keluar-semua`);
      assert.equal(out.statusCode, 200);
      assert.ok(out.json<{ sesiDiakhiri: number }>().sesiDiakhiri >= 1);
      assert.equal((await as('kabid.hi').req('GET', '/api/me')).statusCode, 401);

      // Reset: the old password no longer works, the new one does.
      const hi3 = await find('kabid.hi-');
      const reset = await as('admin.paser').req('POST', `${U}/reset-sandi`, { version: hi3.version });
      assert.equal(reset.statusCode, 200);
      const { sandiBaru } = reset.json<{ sandiBaru: string }>();
      assert.equal((await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: hi.username, password: 'sandi-uji-coba-panjang' } })).statusCode, 401);
      const again = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: hi.username, password: sandiBaru } });
      assert.equal(again.statusCode, 200);

      // Deactivate: sessions end and signing in fails; an admin cannot deactivate itself.
      const hi4 = await find('kabid.hi-');
      assert.equal(hi4.sesiAktif, 1);
      const off = await as('admin.paser').req('PATCH', U, { version: hi4.version, aktif: false });
      assert.equal(off.statusCode, 204, off.body);
      assert.equal((await find('kabid.hi-')).sesiAktif, 0);
      assert.equal((await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: hi.username, password: sandiBaru } })).statusCode, 401);
      const self = await find('admin.paser-');
      const selfOff = await as('admin.paser').req('PATCH', `${P}/pengguna/${self.id}`, { version: self.version, aktif: false });
      assert.equal(selfOff.statusCode, 400);
      assert.equal(selfOff.json<Issues>().issues[0]?.path, 'aktif');
    });
  });
}
