/**
 * API tokens over HTTP: the admin's lifecycle (created with the secret shown once, stored
 * hashed, listed without it, revoked and expired tokens refused with 401), what a token may do
 * (the policy maps its scopes: a read token reads its pemda, gets 403 on a write and 404 on
 * another pemda; a write token writes its own area only), the gate's rules (no CSRF for a
 * bearer, never cookie and bearer together, session-only routes), and the audited, throttled
 * marking of use.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { and, eq, gt, max } from 'drizzle-orm';
import { testDatabases } from '../db/testing.ts';
import * as t from '../db/schema.ts';
import { type Harness, type Klien, jejak, sidikJari, siapkan } from './testing.ts';
import type { DaftarToken, TokenBaru } from '../kontrak/token.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

for (const kind of testDatabases()) {
  describe(`API tokens [${kind.name}]`, () => {
    let h: Harness;
    let admin: Klien;
    let perencana: Klien;
    let base: string;
    const tokenUrl = () => `/api/pemda/${h.pemda.slug}/token`;

    before(async () => {
      h = await siapkan(kind);
      admin = await h.masuk('admin.paser');
      perencana = await h.masuk('perencana.disnakertrans');
      base = `/api/pemda/${h.pemda.slug}/opd/disnakertrans`;
    });
    after(() => h.close());

    const buat = async (cakupan: string[], berlakuHari = 30, nama = 'Integrasi uji') => {
      const r = await admin.req('POST', tokenUrl(), { nama, cakupan, berlakuHari });
      assert.equal(r.statusCode, 201, r.body);
      return r.json<TokenBaru>();
    };
    const bearer = (token: string, method: 'GET' | 'PUT' | 'POST', url: string, body?: unknown, headers: Record<string, string> = {}) =>
      h.app.inject({ method, url, headers: { authorization: `Bearer ${token}`, ...headers }, ...(body === undefined ? {} : { payload: body as object }) });
    const auditToken = (id: string) =>
      h.db
        .select()
        .from(t.auditLog)
        .where(and(eq(t.auditLog.pemdaId, h.pemda.id), eq(t.auditLog.entity, 'token_api'), eq(t.auditLog.entityKey, id)));

    it('names its pemda: another pemda written into it is refused, and a token made before the pemda part still works', async () => {
      const baru = await buat(['baca']);
      const capaian = `${base}/tahun/2023/capaian`;
      assert.equal((await bearer(baru.rahasia, 'GET', capaian)).statusCode, 200);
      const lain = await h.pemdaBaru();
      const tertukar = baru.rahasia.replace(h.pemda.id.replaceAll('-', ''), lain.id.replaceAll('-', ''));
      assert.notEqual(tertukar, baru.rahasia);
      const r = await bearer(tertukar, 'GET', capaian);
      assert.equal(r.statusCode, 401, r.body);
      // A token of the earlier form skp_<prefix>_<secret>, stored as that version stored it.
      const lama = `skp_0123456789_${'A'.repeat(22)}${createHash('sha256').update(h.pemda.id).digest('base64url').slice(0, 21)}`;
      const [pembuat] = await h.db.select({ id: t.pengguna.id }).from(t.pengguna).where(and(eq(t.pengguna.pemdaId, h.pemda.id), eq(t.pengguna.username, admin.username)));
      assert.ok(pembuat);
      await h.db.insert(t.tokenApi).values({
        pemdaId: h.pemda.id,
        id: crypto.randomUUID(),
        nama: 'Token lama',
        prefix: 'skp_0123456789',
        hash: sha256(lama),
        cakupan: ['baca'],
        dibuatOleh: pembuat.id,
        createdAt: h.jam.now(),
        expiresAt: new Date(h.jam.now().getTime() + 86_400_000),
      });
      assert.equal((await bearer(lama, 'GET', capaian)).statusCode, 200);
    });

    it('is created with its secret shown once, stored hashed, listed without the secret, and audited', async () => {
      const baru = await buat(['baca'], 30, 'Dasbor provinsi');
      // The pemda's id sits in the token, so that a request finds it by (pemda, hash): one shard on Citus.
      assert.match(baru.rahasia, new RegExp(`^skp_[0-9a-f]{10}_${h.pemda.id.replaceAll('-', '')}_[A-Za-z0-9_-]{43}$`));
      assert.ok(baru.rahasia.startsWith(`${baru.token.prefix}_`));
      assert.deepEqual(baru.token.cakupan, ['baca']);
      assert.equal(baru.token.kedaluwarsa, new Date(h.jam.now().getTime() + 30 * 86_400_000).toISOString());

      const [row] = await h.db.select().from(t.tokenApi).where(and(eq(t.tokenApi.pemdaId, h.pemda.id), eq(t.tokenApi.id, baru.token.id)));
      assert.ok(row);
      assert.equal(row.hash, sha256(baru.rahasia));
      const secretPart = baru.rahasia.slice(baru.token.prefix.length + 1);
      assert.ok(!JSON.stringify(row).includes(secretPart), 'the secret is stored');
      assert.ok(!(await sidikJari(h.db, h.pemda.id)).includes(secretPart));

      const daftar = await admin.req('GET', tokenUrl());
      assert.equal(daftar.statusCode, 200, daftar.body);
      assert.ok(!daftar.body.includes(secretPart), 'the list shows the secret');
      const t1 = daftar.json<DaftarToken>().token.find((x) => x.id === baru.token.id);
      assert.deepEqual(t1 && [t1.nama, t1.prefix, t1.dibuatOleh, t1.dicabutPada, t1.terakhirDipakai], ['Dasbor provinsi', baru.token.prefix, admin.username, null, null]);

      const audit = await auditToken(baru.token.id);
      assert.deepEqual(
        audit.map((a) => a.field),
        ['dibuat'],
      );
      assert.ok(!JSON.stringify(audit).includes(secretPart), 'the secret is in the audit log');
    });

    it('only the admin pemda manages tokens, and a write scope needs the read scope', async () => {
      const sebelum = await jejak(h.db, h.pemda.id);
      for (const [m, url, body] of [
        ['GET', tokenUrl(), undefined],
        ['POST', tokenUrl(), { nama: 'x', cakupan: ['baca'], berlakuHari: 1 }],
      ] as const) {
        const r = await perencana.req(m, url, body);
        assert.equal(r.statusCode, 403, `${m} ${url}: ${r.body}`);
      }
      const r = await admin.req('POST', tokenUrl(), { nama: 'x', cakupan: ['tulis:entri'], berlakuHari: 1 });
      assert.equal(r.statusCode, 400, r.body);
      assert.match(r.body, /cakupan tulis memerlukan cakupan baca/);
      for (const berlakuHari of [0, 367, 1.5]) assert.equal((await admin.req('POST', tokenUrl(), { nama: 'x', cakupan: ['baca'], berlakuHari })).statusCode, 400);
      assert.equal(await jejak(h.db, h.pemda.id), sebelum);
      // A token cannot make tokens, whatever its scopes.
      const kuat = await buat(['baca', 'tulis:entri', 'tulis:rencana', 'tulis:anggaran', 'tulis:register']);
      assert.equal((await bearer(kuat.rahasia, 'POST', tokenUrl(), { nama: 'anak', cakupan: ['baca'], berlakuHari: 1 })).statusCode, 403);
      assert.equal((await bearer(kuat.rahasia, 'GET', tokenUrl())).statusCode, 403);
      assert.equal((await bearer(kuat.rahasia, 'GET', `/api/pemda/${h.pemda.slug}/audit`)).statusCode, 403);
      assert.equal((await bearer(kuat.rahasia, 'GET', `/api/pemda/${h.pemda.slug}/pengguna`)).statusCode, 403);
    });

    it('a read token reads the capaian of its pemda, gets 403 on a write and 404 on another pemda; revoked it gets 401', async () => {
      const { rahasia, token } = await buat(['baca']);
      for (const tabel of ['capaian', 'dashboard', 'anggaran']) {
        const r = await bearer(rahasia, 'GET', `${base}/tahun/2023/${tabel}`);
        assert.equal(r.statusCode, 200, `${tabel}: ${r.body}`);
      }
      assert.equal((await bearer(rahasia, 'GET', `/api/pemda/${h.pemda.slug}/opd`)).json<{ opd: Array<{ slug: string }> }>().opd[0]?.slug, 'disnakertrans');

      const sebelum = await h.db.select().from(t.realisasi).where(eq(t.realisasi.pemdaId, h.pemda.id));
      const tulis = await bearer(rahasia, 'PUT', `${base}/tahun/2024/triwulan/1/entri/IKU-1`, { version: 0, pembilang: 1, penyebut: 2 });
      assert.equal(tulis.statusCode, 403, tulis.body);
      assert.equal(tulis.json<{ error: string }>().error, 'dilarang');
      assert.deepEqual(await h.db.select().from(t.realisasi).where(eq(t.realisasi.pemdaId, h.pemda.id)), sebelum);

      const b = await h.pemdaBaru();
      const sebelumB = await sidikJari(h.db, b.id);
      const lain = await bearer(rahasia, 'GET', `/api/pemda/${b.slug}/opd/disnakertrans/tahun/2023/capaian`);
      assert.equal(lain.statusCode, 404, lain.body);
      assert.equal((await bearer(rahasia, 'GET', `/api/pemda/${b.slug}/perubahan`)).statusCode, 404);
      assert.equal(await sidikJari(h.db, b.id), sebelumB);

      assert.equal((await admin.req('POST', `${tokenUrl()}/${token.id}/cabut`)).statusCode, 204);
      const dicabut = await bearer(rahasia, 'GET', `${base}/tahun/2023/capaian`);
      assert.equal(dicabut.statusCode, 401, dicabut.body);
      assert.deepEqual(Object.keys(dicabut.json<object>()).sort(), ['error', 'message']);
      assert.equal(dicabut.json<{ error: string }>().error, 'token-tidak-berlaku');
      assert.match(String(dicabut.headers['www-authenticate']), /^Bearer /);
      // Revoking again changes nothing; another pemda's token id is not found.
      assert.equal((await admin.req('POST', `${tokenUrl()}/${token.id}/cabut`)).statusCode, 204);
      assert.deepEqual(
        (await auditToken(token.id)).map((a) => a.field).filter((f) => f !== 'dipakai'),
        ['dibuat', 'dicabut'],
      );
      const listed = (await admin.req('GET', tokenUrl())).json<DaftarToken>().token.find((x) => x.id === token.id);
      assert.ok(listed?.dicabutPada);
      const adminB = await h.masuk('admin.paser', b);
      assert.equal((await adminB.req('POST', `/api/pemda/${b.slug}/token/${token.id}/cabut`)).statusCode, 404);
    });

    it('a token stops working while the admin who made it is deactivated', async () => {
      const { rahasia, token } = await buat(['baca']);
      const url = `${base}/tahun/2023/capaian`;
      assert.equal((await bearer(rahasia, 'GET', url)).statusCode, 200);
      const [baris] = await h.db.select({ dibuatOleh: t.tokenApi.dibuatOleh }).from(t.tokenApi).where(and(eq(t.tokenApi.pemdaId, h.pemda.id), eq(t.tokenApi.id, token.id)));
      assert.ok(baris);
      const pembuat = and(eq(t.pengguna.pemdaId, h.pemda.id), eq(t.pengguna.id, baris.dibuatOleh));
      await h.db.update(t.pengguna).set({ aktif: false }).where(pembuat);
      try {
        const r = await bearer(rahasia, 'GET', url);
        assert.equal(r.statusCode, 401, r.body);
        assert.equal(r.json<{ error: string }>().error, 'token-tidak-berlaku');
      } finally {
        await h.db.update(t.pengguna).set({ aktif: true }).where(pembuat);
      }
      assert.equal((await bearer(rahasia, 'GET', url)).statusCode, 200);
    });

    it('an expired token, an unknown one and a malformed header get 401 with the same body', async () => {
      const { rahasia } = await buat(['baca'], 1);
      const url = `${base}/tahun/2023/capaian`;
      assert.equal((await bearer(rahasia, 'GET', url)).statusCode, 200);
      h.jam.maju(86_400_000);
      const kedaluwarsa = await bearer(rahasia, 'GET', url);
      const palsu = await bearer(`${rahasia.slice(0, -4)}AAAA`, 'GET', url);
      const rusak = await h.app.inject({ method: 'GET', url, headers: { authorization: 'Basic dXNlcjpwYXNz' } });
      for (const r of [kedaluwarsa, palsu, rusak]) {
        assert.equal(r.statusCode, 401, r.body);
        assert.deepEqual(r.json<object>(), kedaluwarsa.json<object>());
      }
      // The sessions have expired with the day too.
      admin = await h.masuk('admin.paser');
      perencana = await h.masuk('perencana.disnakertrans');
    });

    it('a write token writes its own area only, without CSRF, and never moves the workflow', async () => {
      const { rahasia, token } = await buat(['baca', 'tulis:entri']);
      const entri = `${base}/tahun/2024/triwulan/2/entri/IKU-1`;
      const r = await bearer(rahasia, 'PUT', entri, { version: 0, pembilang: 3, penyebut: 4 });
      assert.equal(r.statusCode, 200, r.body);
      // Another area: the plan (its quarterly target) and the budget.
      const sebelum = await sidikJari(h.db, h.pemda.id);
      const [akhir] = await h.db.select({ u: max(t.auditLog.urutan) }).from(t.auditLog).where(eq(t.auditLog.pemdaId, h.pemda.id));
      const urutanSebelum = Number(akhir?.u ?? 0);
      const rencana = await bearer(rahasia, 'PUT', `${base}/tahun/2024/rencana/triwulan/1/IKU-1`, { version: 0, target: 10 });
      assert.equal(rencana.statusCode, 403, rencana.body);
      const anggaran = await bearer(rahasia, 'PUT', `${base}/tahun/2023/realisasi-anggaran`, { baris: [{ kode: '2.07.01.2.01.0001', version: 0, realisasi: 1000 }] });
      assert.equal(anggaran.statusCode, 403, anggaran.body);
      const ajukan = await bearer(rahasia, 'POST', `${entri}/ajukan`, { version: 1 });
      assert.equal(ajukan.statusCode, 403, ajukan.body);
      // Only the audited use of the token changed.
      const berubah = (await sidikJari(h.db, h.pemda.id)).split('\n').filter((l) => !sebelum.split('\n').includes(l));
      assert.deepEqual(
        berubah.map((l) => l.split(':')[0]).filter((n) => n !== 'token_api'),
        ['audit_log'],
      );
      const baruAudit = await h.db.select().from(t.auditLog).where(and(eq(t.auditLog.pemdaId, h.pemda.id), gt(t.auditLog.urutan, urutanSebelum)));
      assert.deepEqual(
        baruAudit.map((x) => `${x.entity}/${x.field}`),
        ['token_api/dipakai', 'token_api/dipakai', 'token_api/dipakai'],
      );

      // The write's audit rows and the token's use share the request id: the token is named.
      const dipakai = (await auditToken(token.id)).filter((a) => a.field === 'dipakai');
      const tulisan = await h.db
        .select()
        .from(t.auditLog)
        .where(and(eq(t.auditLog.pemdaId, h.pemda.id), eq(t.auditLog.entity, 'realisasi'), eq(t.auditLog.entityKey, 'disnakertrans/2024/2/IKU-1')));
      assert.ok(tulisan.length > 0);
      for (const w of tulisan) assert.ok(dipakai.some((d) => d.requestId === w.requestId && d.requestId !== null), 'the write is not traced to the token');
    });

    it('bearer requests need no CSRF token; cookie and bearer together are refused; session routes refuse tokens', async () => {
      const { rahasia } = await buat(['baca', 'tulis:entri']);
      const entri = `${base}/tahun/2024/triwulan/3/entri/IKU-1`;
      const ganda = await h.app.inject({
        method: 'GET',
        url: `${base}/tahun/2023/capaian`,
        cookies: { sikiper_sesi: perencana.cookie },
        headers: { authorization: `Bearer ${rahasia}` },
      });
      assert.equal(ganda.statusCode, 400, ganda.body);
      assert.equal(ganda.json<{ error: string }>().error, 'autentikasi-ganda');
      const gandaTulis = await h.app.inject({
        method: 'PUT',
        url: entri,
        cookies: { sikiper_sesi: perencana.cookie },
        headers: { authorization: `Bearer ${rahasia}`, 'x-csrf-token': perencana.csrf },
        payload: { version: 0, pembilang: 1, penyebut: 2 },
      });
      assert.equal(gandaTulis.statusCode, 400, gandaTulis.body);
      // A cookie write without CSRF is still refused.
      assert.equal((await h.app.inject({ method: 'PUT', url: entri, cookies: { sikiper_sesi: perencana.cookie }, payload: { version: 0, pembilang: 1, penyebut: 2 } })).statusCode, 403);
      // A bearer write from another site's origin is refused like a cookie one.
      assert.equal((await bearer(rahasia, 'PUT', entri, { version: 0, pembilang: 1, penyebut: 2 }, { origin: 'https://jahat.example' })).statusCode, 403);
      const ok = await bearer(rahasia, 'PUT', entri, { version: 0, pembilang: 1, penyebut: 2 });
      assert.equal(ok.statusCode, 200, ok.body);
      for (const [m, url] of [
        ['GET', '/api/me'],
        ['POST', '/api/auth/logout'],
        ['POST', '/api/auth/logout-all'],
      ] as const) {
        assert.equal((await bearer(rahasia, m, url)).statusCode, 403, `${m} ${url}`);
      }
    });

    it('use is audited for every write, and for reads at most once a minute per token', async () => {
      const { rahasia, token } = await buat(['baca']);
      const url = `${base}/tahun/2023/capaian`;
      for (let i = 0; i < 5; i++) assert.equal((await bearer(rahasia, 'GET', url)).statusCode, 200);
      assert.equal((await auditToken(token.id)).filter((a) => a.field === 'dipakai').length, 1);
      h.jam.maju(61_000);
      assert.equal((await bearer(rahasia, 'GET', url)).statusCode, 200);
      const dipakai = (await auditToken(token.id)).filter((a) => a.field === 'dipakai');
      assert.equal(dipakai.length, 2);
      assert.deepEqual(dipakai[1]?.newValue, { prefix: token.prefix, metode: 'GET', rute: '/api/pemda/:pemda/opd/:opd/tahun/:tahun/capaian' });
      const listed = (await admin.req('GET', tokenUrl())).json<DaftarToken>().token.find((x) => x.id === token.id);
      assert.equal(listed?.terakhirDipakai, h.jam.now().toISOString());
      // A refused write is a use too (recorded: someone tried).
      assert.equal((await bearer(rahasia, 'PUT', `${base}/tahun/2024/triwulan/4/entri/IKU-1`, { version: 0, pembilang: 1, penyebut: 2 })).statusCode, 403);
      assert.equal((await auditToken(token.id)).filter((a) => a.field === 'dipakai').length, 3);
    });

    it('the OpenAPI document offers cookie or bearer authentication', async () => {
      const r = await h.app.inject({ method: 'GET', url: '/api/openapi.json' });
      const doc = r.json<{ components: { securitySchemes: Record<string, { type: string; scheme?: string; description?: string }> }; security: unknown[] }>();
      assert.deepEqual(doc.components.securitySchemes.token, { type: 'http', scheme: 'bearer', description: doc.components.securitySchemes.token?.description ?? '' });
      assert.deepEqual(doc.security, [{ sesi: [] }, { token: [] }]);
    });
  });
}
