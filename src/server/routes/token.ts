/**
 * API tokens (admin pemda: list, create with the secret shown once, revoke) and the changes feed
 * that integrations read with a token (src/workflow/umpan.ts). Which token may call what is
 * decided by the policy from the token's scopes, like any other actor; the session gate
 * (gerbang-sesi.ts) turns the bearer header into that actor.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { buatToken, cabutToken, daftarToken, type TokenTersimpan } from '../../auth/token.ts';
import type { Database } from '../../db/client.ts';
import { boleh } from '../../policy/policy.ts';
import { Dilarang } from '../../workflow/errors.ts';
import { bacaUmpan } from '../../workflow/umpan.ts';
import { BuatTokenBody, DaftarToken, HalamanUmpan, TokenBaru, TokenParams, UmpanQuery } from '../../kontrak/token.ts';
import { Galat, GALAT_SESI, PemdaParams, TanpaBody, TanpaIsi } from '../../kontrak/umum.ts';
import { aktorPemda } from '../gerbang-sesi.ts';

const jawabToken = (t: TokenTersimpan) => ({
  id: t.id,
  nama: t.nama,
  prefix: t.prefix,
  cakupan: t.cakupan,
  dibuatOleh: t.dibuatOleh,
  dibuatPada: t.dibuatPada.toISOString(),
  kedaluwarsa: t.kedaluwarsa.toISOString(),
  dicabutPada: t.dicabutPada?.toISOString() ?? null,
  terakhirDipakai: t.terakhirDipakai?.toISOString() ?? null,
});

export function routesToken(database: Database, sekarang: () => Date): FastifyPluginCallbackZod {
  const db = database.db;
  const audit = (req: FastifyRequest) => ({ requestId: req.id, at: sekarang() });

  return (app, _opts, done) => {
    const tags = ['token'];
    const T = '/api/pemda/:pemda/token';

    app.get(
      T,
      { schema: { tags, summary: 'Token API pemda (admin pemda); rahasianya tidak pernah ditampilkan', params: PemdaParams, response: { 200: DaftarToken, ...GALAT_SESI } } },
      async (req) => ({ token: (await daftarToken(db, aktorPemda(req, req.params.pemda))).map(jawabToken) }),
    );

    app.post(
      T,
      {
        schema: {
          tags,
          summary: 'Buat token API (admin pemda); rahasia dikembalikan sekali ini saja',
          description: 'Hanya SHA-256 token yang disimpan. Cakupan tulis memerlukan cakupan baca. Pembuatan dicatat di log audit (token_api).',
          params: PemdaParams,
          body: BuatTokenBody,
          response: { 201: TokenBaru, ...GALAT_SESI, 400: Galat },
        },
      },
      async (req, reply) => {
        const hasil = await buatToken(db, aktorPemda(req, req.params.pemda), req.body, audit(req));
        return reply.code(201).send({ token: jawabToken(hasil.token), rahasia: hasil.rahasia });
      },
    );

    app.post(
      `${T}/:id/cabut`,
      {
        schema: {
          tags,
          summary: 'Cabut token API (admin pemda); berlaku seketika',
          params: TokenParams,
          body: TanpaBody,
          response: { 204: TanpaIsi, ...GALAT_SESI, 400: Galat },
        },
      },
      async (req, reply) => {
        await cabutToken(db, aktorPemda(req, req.params.pemda), req.params.id, audit(req));
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/pemda/:pemda/perubahan',
      {
        schema: {
          tags,
          summary: 'Umpan perubahan pemda, urut menurut commit, dapat dilanjutkan dengan kursor',
          description:
            'Untuk token dengan cakupan baca dan peran yang membaca seluruh pemda. Peristiwa hanya dari transaksi yang sudah selesai, ' +
            'sehingga kursor tidak pernah melewati perubahan yang terlambat commit. Kirim berikutnya sebagai setelah.',
          params: PemdaParams,
          querystring: UmpanQuery,
          response: { 200: HalamanUmpan, ...GALAT_SESI, 400: Galat },
        },
      },
      async (req) => {
        const a = aktorPemda(req, req.params.pemda);
        if (!boleh(a, { aksi: 'perubahan:baca' })) throw new Dilarang('umpan perubahan untuk token dengan cakupan baca dan peran yang membaca seluruh pemda');
        const h = await bacaUmpan(db, a.pemdaId, req.query.setelah, req.query.batas ?? 100);
        return { ...h, peristiwa: h.peristiwa.map((p) => ({ ...p, pada: p.pada.toISOString() })) };
      },
    );
    done();
  };
}
