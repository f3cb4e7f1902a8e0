/**
 * API tokens of the pemda (admin pemda): list, create (the secret comes back once), revoke.
 */
import type { BuatTokenBody, DaftarToken, TokenBaru } from '@kontrak/token.ts';
import { request } from './api.ts';

const enc = encodeURIComponent;
const token = (p: string) => `/api/pemda/${enc(p)}/token`;

export const apiToken = {
  daftar: (p: string) => request<DaftarToken>('GET', token(p)),
  buat: (p: string, body: BuatTokenBody) => request<TokenBaru>('POST', token(p), body),
  cabut: (p: string, id: string) => request<null>('POST', `${token(p)}/${enc(id)}/cabut`, {}),
};
