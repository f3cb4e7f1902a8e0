/**
 * The one place that talks to the server. The session lives in an HttpOnly cookie the browser
 * sends by itself; what JavaScript must add is the CSRF token on every state-changing request.
 */
import type { AuditQuery, DaftarAudit } from '@kontrak/audit.ts';
import type { Bukti, DaftarEntri, Entri, Riwayat, SimpanBody } from '@kontrak/entri.ts';
import type { DaftarOpd, Dashboard } from '@kontrak/laporan.ts';
import type { EntriParams, LoginResponse, Me } from '@kontrak/umum.ts';
import type { Triwulan } from './types.ts';
import type { DaftarDokumen, PratinjauLkjip, TugasDokumen } from '@kontrak/dokumen.ts';
import type { BerkasUnduhan, KemajuanUnduh, PermintaanUnduh } from './types-dokumen.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    /** Seconds the server asks to wait before trying again (Retry-After), when it says so. */
    readonly retryAfter?: number,
  ) {
    super(typeof body.error === 'string' ? body.error : `HTTP ${status}`);
  }

  get code(): string {
    return typeof this.body.error === 'string' ? this.body.error : '';
  }
}

/** The request never reached the server (offline, server down). */
export class NetworkError extends Error {}

let csrfToken = '';
let onUnauthorized: (() => void) | undefined;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Called when a request answers 401 after login, i.e. the session expired or was revoked. */
export function setUnauthorizedHandler(handler: (() => void) | undefined): void {
  onUnauthorized = handler;
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch (e) {
    throw new NetworkError((e as Error).message);
  }
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = { error: 'jawaban-tidak-sah', message: text.slice(0, 200) };
    }
  }
  if (!res.ok) {
    if (res.status === 401 && path !== '/api/auth/login' && path !== '/api/me') onUnauthorized?.();
    const retry = Number(res.headers.get('retry-after') ?? '');
    throw new ApiError(res.status, (data && typeof data === 'object' ? data : {}) as Record<string, unknown>, Number.isFinite(retry) && retry > 0 ? retry : undefined);
  }
  return data as T;
}

const enc = encodeURIComponent;

function opdBase(pemda: string, opd: string, tahun: number): string {
  return `/api/pemda/${enc(pemda)}/opd/${enc(opd)}/tahun/${tahun}`;
}

function entriBase(pemda: string, opd: string, tahun: number, tw: Triwulan): string {
  return `${opdBase(pemda, opd, tahun)}/triwulan/${tw}/entri`;
}

/** An entry's address (the route's path parameters), with the quarter as one of 1..4. */
export type EntriRef = Omit<EntriParams, 'tw'> & { tw: Triwulan };

export function entriPath(r: EntriRef): string {
  return `${entriBase(r.pemda, r.opd, r.tahun, r.tw)}/${enc(r.kode)}`;
}

/** Receives a file download, reporting the share received; an error answer becomes an ApiError. */
async function terimaBerkas(url: string, cadangan: string, kemajuan?: (k: KemajuanUnduh) => void): Promise<BerkasUnduhan> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch (e) {
    throw new NetworkError((e as Error).message);
  }
  if (!res.ok) {
    if (res.status === 401) onUnauthorized?.();
    let body: Record<string, unknown> = {};
    try {
      body = (await res.json()) as Record<string, unknown>;
    } catch {
      // not JSON
    }
    throw new ApiError(res.status, body);
  }
  const nama = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? cadangan;
  const total = Number(res.headers.get('content-length') ?? 0);
  const type = res.headers.get('content-type') ?? 'application/octet-stream';
  if (!res.body || !total) return { blob: await res.blob(), nama };
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let got = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    got += value.length;
    kemajuan?.({ tahap: 'menerima', bagian: Math.min(1, got / total) });
  }
  return { blob: new Blob(parts as BlobPart[], { type }), nama };
}

export const api = {
  login: (username: string, password: string) => request<LoginResponse>('POST', '/api/auth/login', { username, password }),
  logout: () => request<unknown>('POST', '/api/auth/logout', {}),
  logoutAll: () => request<unknown>('POST', '/api/auth/logout-all', {}),
  me: () => request<Me>('GET', '/api/me'),
  daftarOpd: (pemda: string) => request<DaftarOpd>('GET', `/api/pemda/${enc(pemda)}/opd`),
  dashboard: (pemda: string, opd: string, tahun: number) => request<Dashboard>('GET', `${opdBase(pemda, opd, tahun)}/dashboard`),
  daftarEntri: (pemda: string, opd: string, tahun: number, tw: Triwulan) => request<DaftarEntri>('GET', entriBase(pemda, opd, tahun, tw)),
  simpan: (r: EntriRef, body: SimpanBody) => request<Entri>('PUT', entriPath(r), body),
  ajukan: (r: EntriRef, version: number) => request<Entri>('POST', `${entriPath(r)}/ajukan`, { version }),
  verifikasi: (r: EntriRef, version: number) => request<Entri>('POST', `${entriPath(r)}/verifikasi`, { version }),
  setujui: (r: EntriRef, version: number) => request<Entri>('POST', `${entriPath(r)}/setujui`, { version }),
  tolak: (r: EntriRef, version: number, komentar: string) => request<Entri>('POST', `${entriPath(r)}/tolak`, { version, komentar }),
  riwayat: (r: EntriRef) => request<Riwayat>('GET', `${entriPath(r)}/riwayat`),
  unggahBukti: (r: EntriRef, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request<Bukti>('POST', `${entriPath(r)}/bukti`, form);
  },
  buktiUrl: (id: string) => `/api/bukti/${enc(id)}`,
  // ---------------------------------------------------------------- documents
  daftarDokumen: (pemda: string, opd: string, tahun: number) => request<DaftarDokumen>('GET', `${opdBase(pemda, opd, tahun)}/dokumen`),
  pratinjau: (pemda: string, opd: string, tahun: number) => request<PratinjauLkjip>('GET', `${opdBase(pemda, opd, tahun)}/pratinjau`),
  /**
   * Downloads a generated document as a Blob. The server builds documents in turn: the request
   * takes a place in its queue (a job), whose position is reported while it waits; then the
   * file is received, with the share received so far.
   */
  unduhDokumen: async (pemda: string, opd: string, tahun: number, q: PermintaanUnduh, kemajuan?: (k: KemajuanUnduh) => void): Promise<BerkasUnduhan> => {
    const body = { format: q.format, ...(q.versi !== undefined ? { versi: q.versi } : {}), ...(q.triwulan !== undefined ? { triwulan: q.triwulan } : {}) };
    let tugas = await request<TugasDokumen>('POST', `${opdBase(pemda, opd, tahun)}/dokumen/${enc(q.jenis)}/tugas`, body);
    const path = `/api/pemda/${enc(pemda)}/tugas/${enc(tugas.id)}`;
    while (tugas.status === 'antre' || tugas.status === 'berjalan') {
      kemajuan?.(tugas.status === 'antre' && tugas.posisi !== null ? { tahap: 'antre', posisi: tugas.posisi } : { tahap: 'menyusun' });
      await new Promise((r) => setTimeout(r, tugas.status === 'antre' ? 1000 : 400));
      tugas = await request<TugasDokumen>('GET', path);
    }
    // A failed job's file answers with the error of its request (e.g. 404 for an unknown PK version).
    return terimaBerkas(`${path}/berkas`, `${q.jenis}.${q.format}`, kemajuan);
  },
  /**
   * The e-SAKIP review package (.zip of seven PDFs and its manifest): one request that waits for
   * its turn in the server's queue while the documents are built, then the file with its progress.
   */
  unduhPaketReviu: (pemda: string, opd: string, tahun: number, kemajuan?: (k: KemajuanUnduh) => void): Promise<BerkasUnduhan> => {
    kemajuan?.({ tahap: 'menyusun' });
    return terimaBerkas(`${opdBase(pemda, opd, tahun)}/paket-reviu`, `paket-reviu-${tahun}.zip`, kemajuan);
  },
  // Audit log (admin pemda, inspektorat)
  daftarAudit: (pemda: string, saring: SaringAudit) => {
    const q = new URLSearchParams(Object.entries(saring).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]])));
    return request<DaftarAudit>('GET', `/api/pemda/${enc(pemda)}/audit${q.size > 0 ? `?${q.toString()}` : ''}`);
  },
};

/** The audit filter as the page holds it; every field may be left out. */
export type SaringAudit = { [K in keyof AuditQuery]?: AuditQuery[K] | undefined };
