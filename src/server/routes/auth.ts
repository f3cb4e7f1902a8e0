/** Sign-in, sign-out and the current user. */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { keluar, keluarSemua, masuk } from '../../auth/sesi.ts';
import type { Aktor } from '../../policy/policy.ts';
import type { Database } from '../../db/client.ts';
import { HttpGalat } from '../errors.ts';
import { Galat, GALAT_SESI, LoginBody, LoginResponse, Me, TanpaBody, TanpaIsi } from '../../kontrak/umum.ts';
import { COOKIE, hapusCookie, pasangCookie, type OpsiSesi } from '../gerbang-sesi.ts';

/** The one message of every refused sign-in. */
export const PESAN_GAGAL = 'username atau kata sandi salah, atau terlalu banyak percobaan gagal; coba lagi nanti';

export interface OpsiAuth extends OpsiSesi {
  batasMasuk: { max: number; timeWindow: number | string };
}

export function me(a: Aktor, csrfToken: string) {
  return {
    id: a.id,
    username: a.username,
    nama: a.nama,
    pemda: { slug: a.pemdaSlug, nama: a.pemdaNama },
    peran: a.peran.map((p) => ({ peran: p.peran, ...(p.opd === undefined ? {} : { opd: p.opd }), ...(p.unit === undefined ? {} : { unit: p.unit }) })),
    csrfToken,
  };
}

export function routesAuth(database: Database, opsi: OpsiAuth): FastifyPluginCallbackZod {
  const db = database.db;
  return (app, _opts, done) => {
    app.post(
      '/api/auth/login',
      {
        config: { publik: true, tanpaCsrf: true, rateLimit: opsi.batasMasuk },
        schema: {
          tags: ['auth'],
          summary: 'Masuk',
          security: [],
          description:
            'Memeriksa username dan kata sandi, membuat sesi baru (cookie sikiper_sesi: HttpOnly, SameSite=Strict) dan mengembalikan token CSRF. ' +
            'Username tak dikenal, kata sandi salah dan percobaan yang masih harus menunggu sama-sama 401 login-gagal dengan pesan yang sama. ' +
            'Setelah 3 kali gagal dari satu alamat, percobaan berikutnya dari alamat itu harus menunggu (1 dtk, 2 dtk, 4 dtk, ... paling lama 5 menit; ' +
            'header Retry-After); setelah 20 kali gagal dari alamat mana pun, paling lama 30 detik. Akun tidak pernah dikunci. Dibatasi per IP (429).',
          body: LoginBody,
          response: { 200: LoginResponse, 401: Galat, 429: Galat },
        },
      },
      async (req, reply) => {
        const hasil = await masuk(db, req.body.username, req.body.password, {
          sekarang: opsi.sekarang(),
          requestId: req.id,
          tokenLama: req.cookies[COOKIE],
          alamat: req.ip,
        });
        switch (hasil.hasil) {
          case 'gagal':
            // One answer for an unknown name, a wrong password and a wait; Retry-After depends only on
            // this name's failures from this address, which the client made itself.
            if (hasil.tunggu > 0) void reply.header('retry-after', String(Math.ceil(hasil.tunggu / 1000)));
            throw new HttpGalat(401, { error: 'login-gagal', message: PESAN_GAGAL });
          case 'berhasil':
            pasangCookie(reply, req, hasil.token, opsi);
            return { user: me(hasil.sesi.aktor, hasil.sesi.csrfToken), csrfToken: hasil.sesi.csrfToken };
        }
      },
    );

    app.post(
      '/api/auth/logout',
      { config: { hanyaSesi: true }, schema: { tags: ['auth'], security: [{ sesi: [] }], summary: 'Keluar dari sesi ini', body: TanpaBody, response: { 204: TanpaIsi, ...GALAT_SESI } } },
      async (req, reply) => {
        if (req.sesi) await keluar(db, req.sesi);
        hapusCookie(reply, req, opsi);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/api/auth/logout-all',
      { config: { hanyaSesi: true }, schema: { tags: ['auth'], security: [{ sesi: [] }], summary: 'Keluar dari semua sesi pengguna ini (semua perangkat)', body: TanpaBody, response: { 204: TanpaIsi, ...GALAT_SESI } } },
      async (req, reply) => {
        if (req.sesi) await keluarSemua(db, req.sesi);
        hapusCookie(reply, req, opsi);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/me',
      { config: { hanyaSesi: true }, schema: { tags: ['auth'], security: [{ sesi: [] }], summary: 'Pengguna yang sedang masuk', response: { 200: Me, 401: Galat } } },
      (req, reply) => {
        // The session gate has already answered 401 without a session.
        if (req.sesi) void reply.send(me(req.sesi.aktor, req.sesi.csrfToken));
        else void reply.code(401).send({ error: 'belum-masuk' });
      },
    );
    done();
  };
}
