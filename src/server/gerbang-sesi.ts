/**
 * The session gate in front of every API route: reads the session cookie or an API token
 * (`Authorization: Bearer`), answers 401 for routes that need a session, and refuses cross-site
 * writes (Origin check on every write, CSRF token on every cookie write but sign-in). Routes
 * mark themselves `config: { publik: true }` to be reachable without a session, and
 * `config: { hanyaSesi: true }` when an API token must not use them (sign-out, the current user).
 *
 * A bearer request carries no cookie, so a browser cannot be tricked into sending it: it needs
 * no CSRF token. A request carrying both a session cookie and a bearer token is refused (400),
 * so that neither silently wins.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bacaSesi, SESI_ABSOLUT_MS, type SesiAktif } from '../auth/sesi.ts';
import { bacaToken } from '../auth/token.ts';
import type { Db } from '../db/client.ts';
import type { Aktor } from '../policy/policy.ts';
import { belumMasuk, galatCsrf, HttpGalat } from './errors.ts';

export const COOKIE = 'sikiper_sesi';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    sesi: SesiAktif | null;
    /** The actor of a valid API token (Authorization: Bearer), when the request carries one. */
    aktorToken: Aktor | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session. */
    publik?: boolean;
    /** Writes without a CSRF token (sign-in: there is no session yet). */
    tanpaCsrf?: boolean;
    /** Refused to API tokens (403): the route is about the browser session itself. */
    hanyaSesi?: boolean;
  }
}

export interface OpsiSesi {
  sekarang: () => Date;
  /** Set the Secure flag even on plain HTTP (behind a TLS proxy without trustProxy). */
  cookieSecure: boolean;
  /** Origins besides the server's own that may write (a development UI server). */
  originLain: readonly string[];
}

const AMAN = new Set(['GET', 'HEAD', 'OPTIONS']);

function samaRahasia(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function originSah(req: FastifyRequest, opsi: OpsiSesi): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (opsi.originLain.includes(origin)) return true;
  try {
    const o = new URL(origin);
    // Read the Host header with the Origin's scheme, so that default ports compare equal (":80" and none).
    return o.host === new URL(`${o.protocol}//${req.host}`).host;
  } catch {
    return false;
  }
}

/** 401 for a bearer token that is malformed, unknown, expired or revoked: one answer for all. */
const tokenTidakBerlaku = () => new HttpGalat(401, { error: 'token-tidak-berlaku', message: 'token API tidak dikenal, kedaluwarsa atau telah dicabut' });

/** The token of an `Authorization: Bearer <token>` header; null without the header; undefined when the header is not a bearer one. */
function bearerDari(req: FastifyRequest): string | null | undefined {
  const h = req.headers.authorization;
  if (h === undefined) return null;
  const m = /^Bearer +(\S+) *$/i.exec(h);
  return m?.[1];
}

export function pasangGerbangSesi(app: FastifyInstance, db: Db, opsi: OpsiSesi): void {
  app.decorateRequest('sesi', null);
  app.decorateRequest('aktorToken', null);
  app.addHook('onRequest', async (req, reply) => {
    const config = req.routeOptions.config;
    const bearer = config.publik ? null : bearerDari(req);
    if (bearer !== null) {
      if (req.cookies[COOKIE] !== undefined) throw new HttpGalat(400, { error: 'autentikasi-ganda', message: 'kirim cookie sesi atau token Bearer, tidak keduanya' });
      void reply.header('www-authenticate', 'Bearer realm="sikiper", error="invalid_token"');
      if (bearer === undefined) throw tokenTidakBerlaku();
      const a = await bacaToken(db, bearer, {
        sekarang: opsi.sekarang(),
        requestId: req.id,
        metode: req.method,
        rute: req.routeOptions.url ?? '',
        tulis: !AMAN.has(req.method),
      });
      if (!a) throw tokenTidakBerlaku();
      reply.removeHeader('www-authenticate');
      if (config.hanyaSesi) throw new HttpGalat(403, { error: 'dilarang', message: 'rute ini hanya untuk sesi peramban, bukan token API' });
      req.aktorToken = a;
      if (AMAN.has(req.method)) return;
      if (!originSah(req, opsi)) throw galatCsrf('asal permintaan (Origin) tidak diizinkan');
      return;
    }
    const token = req.cookies[COOKIE];
    if (token) req.sesi = (await bacaSesi(db, token, opsi.sekarang())) ?? null;
    if (!config.publik && !req.sesi) throw belumMasuk();
    if (AMAN.has(req.method)) return;
    // SameSite=Strict already keeps the cookie off cross-site requests; these two checks hold
    // even for browsers or proxies that do not honour it.
    if (!originSah(req, opsi)) throw galatCsrf('asal permintaan (Origin) tidak diizinkan');
    if (config.tanpaCsrf) return;
    const header = req.headers[CSRF_HEADER];
    if (!req.sesi || typeof header !== 'string' || !samaRahasia(header, req.sesi.csrfToken)) throw galatCsrf(`header ${CSRF_HEADER} tidak ada atau salah`);
  });
}

/** The signed-in actor (or the API token's) of a route that requires a session (the gate guarantees one). */
export function aktor(req: FastifyRequest): Aktor {
  if (req.aktorToken) return req.aktorToken;
  if (!req.sesi) throw belumMasuk();
  return req.sesi.aktor;
}

/** The actor, when the URL names its own pemda; any other pemda is "not found", never "forbidden". */
export function aktorPemda(req: FastifyRequest, pemdaSlug: string): Aktor {
  const a = aktor(req);
  if (a.pemdaSlug !== pemdaSlug) throw new HttpGalat(404, { error: 'tidak-ditemukan', message: `pemda "${pemdaSlug}" tidak ada` });
  return a;
}

export function pasangCookie(reply: FastifyReply, req: FastifyRequest, token: string, opsi: OpsiSesi): void {
  reply.setCookie(COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: opsi.cookieSecure || req.protocol === 'https',
    path: '/',
    maxAge: SESI_ABSOLUT_MS / 1000,
  });
}

export function hapusCookie(reply: FastifyReply, req: FastifyRequest, opsi: OpsiSesi): void {
  reply.clearCookie(COOKIE, { httpOnly: true, sameSite: 'strict', secure: opsi.cookieSecure || req.protocol === 'https', path: '/' });
}
