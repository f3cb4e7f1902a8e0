/**
 * The configuration from the environment, checked once at start by every `sikiper` command:
 * a bad value stops the process with a message naming the variable and saying what it must
 * be, instead of surfacing later as a confusing failure (or, worse, as a silently ignored
 * security setting such as SIKIPER_COOKIE_SECURE=yes).
 */
import { z } from 'zod';
import { DatabaseConfigError, resolveTarget } from '../db/client.ts';

const bendera = (nama: string) =>
  z.enum(['0', '1'], { error: `${nama} harus 0 atau 1` }).optional();

export const SkemaKonfigurasi = z.object({
  DATABASE_URL: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      if (v === undefined || v.trim() === '') return;
      try {
        resolveTarget({ url: v }, {});
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: e instanceof DatabaseConfigError ? e.message : String(e) });
      }
    }),
  PORT: z
    .string()
    .regex(/^[0-9]{1,5}$/, 'PORT harus bilangan bulat 0 sampai 65535')
    .refine((v) => Number(v) <= 65535, 'PORT harus bilangan bulat 0 sampai 65535')
    .optional(),
  HOST: z.string().min(1, 'HOST tidak boleh kosong').max(253).regex(/^[A-Za-z0-9.:[\]%-]+$/, 'HOST harus nama host atau alamat IP').optional(),
  SIKIPER_DATA_DIR: z.string().min(1, 'SIKIPER_DATA_DIR tidak boleh kosong').optional(),
  SIKIPER_COOKIE_SECURE: bendera('SIKIPER_COOKIE_SECURE'),
  SIKIPER_TRUST_PROXY: bendera('SIKIPER_TRUST_PROXY'),
  SIKIPER_ALLOWED_ORIGINS: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      for (const o of (v ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '')) {
        let u: URL | undefined;
        try {
          u = new URL(o);
        } catch {
          u = undefined;
        }
        if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:') || u.origin !== o) {
          ctx.addIssue({ code: 'custom', message: `"${o}" bukan origin (skema://host[:port] tanpa garis miring di akhir)` });
        }
      }
    }),
  SIKIPER_REQUEST_TIMEOUT: z
    .string()
    .regex(/^[0-9]{1,4}$/, 'SIKIPER_REQUEST_TIMEOUT harus bilangan bulat detik, 5 sampai 3600')
    .refine((v) => Number(v) >= 5 && Number(v) <= 3600, 'SIKIPER_REQUEST_TIMEOUT harus bilangan bulat detik, 5 sampai 3600')
    .optional(),
  SIKIPER_DEMO_PASSWORD: z.string().min(12, 'SIKIPER_DEMO_PASSWORD paling sedikit 12 karakter').max(1024).optional(),
});

export type Konfigurasi = z.infer<typeof SkemaKonfigurasi>;

/** Variables the program reads; any other SIKIPER_* is probably a typo. */
const DIKENAL = new Set(Object.keys(SkemaKonfigurasi.shape));

export class KonfigurasiTidakSah extends Error {
  constructor(readonly masalah: Array<{ variabel: string; pesan: string }>) {
    super(`konfigurasi tidak sah:\n${masalah.map((m) => `  ${m.variabel}: ${m.pesan}`).join('\n')}`);
    this.name = 'KonfigurasiTidakSah';
  }
}

/** Checks the environment; throws with every problem, returns warnings about unknown SIKIPER_* variables. */
export function periksaKonfigurasi(env: NodeJS.ProcessEnv = process.env): { konfigurasi: Konfigurasi; peringatan: string[] } {
  const hasil = SkemaKonfigurasi.safeParse(env);
  if (!hasil.success) {
    const terlihat = new Set<string>();
    throw new KonfigurasiTidakSah(
      hasil.error.issues.flatMap((i) => {
        const variabel = String(i.path[0] ?? '?');
        const sekarang = env[variabel];
        const tampil = variabel === 'SIKIPER_DEMO_PASSWORD' || variabel === 'DATABASE_URL' ? '' : ` (sekarang: ${JSON.stringify(sekarang ?? '')})`;
        const kunci = `${variabel}\n${i.message}`;
        if (terlihat.has(kunci)) return [];
        terlihat.add(kunci);
        return [{ variabel, pesan: `${i.message}${tampil}` }];
      }),
    );
  }
  const peringatan = Object.keys(env)
    .filter((k) => k.startsWith('SIKIPER_') && !k.startsWith('SIKIPER_TEST_') && !DIKENAL.has(k))
    .map((k) => `variabel ${k} tidak dikenal dan diabaikan (yang dikenal: ${[...DIKENAL].join(', ')})`);
  return { konfigurasi: hasil.data, peringatan };
}
