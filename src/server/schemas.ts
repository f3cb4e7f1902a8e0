/**
 * The API's request and response shapes (zod): routes validate with them, the OpenAPI document
 * is generated from them, and responses are encoded through them, so a field that is not
 * declared here never leaves the server.
 */
import { z } from 'zod';
import { PERAN } from '../policy/policy.ts';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug hanya huruf kecil, angka dan tanda hubung').max(64);

export const PemdaParams = z.object({ pemda: slug.describe('slug pemda, mis. paser') });
export const OpdParams = PemdaParams.extend({ opd: slug.describe('slug OPD, mis. disnakertrans') });
/** A whole number written in decimal digits only (no sign, exponent, hex or fraction), as a number. */
const angkaUrl = (pesan: string, schema: z.ZodNumber) => z.string().regex(/^[0-9]{1,9}$/, pesan).transform(Number).pipe(schema);
export const TahunParams = OpdParams.extend({
  tahun: angkaUrl('tahun berupa empat angka, mis. 2024', z.number().int().min(1990).max(2100)).describe('tahun anggaran'),
});
const triwulan = angkaUrl('triwulan 1 sampai 4', z.number().int().min(1, 'triwulan 1 sampai 4').max(4, 'triwulan 1 sampai 4'));
export const TriwulanParams = TahunParams.extend({ tw: triwulan.describe('triwulan 1..4') });
export const EntriParams = TriwulanParams.extend({
  kode: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9._\-#/]+$/, 'kode indikator tidak sah')
    .describe('kode indikator, di-encode dengan encodeURIComponent (kode Renja memuat #)'),
});
export const TenggatParams = PemdaParams.extend({ tahun: TahunParams.shape.tahun, tw: triwulan.describe('triwulan 1..4') });
export const BuktiParams = z.object({ id: z.uuid('id bukti tidak sah') });

// ---------------------------------------------------------------- errors

export const Galat = z
  .looseObject({
    error: z.string().describe('kode galat, mis. belum-masuk, csrf, tidak-ditemukan, masukan-tidak-sah'),
    message: z.string().optional(),
    alasan: z.string().optional(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Galat' });

/**
 * Answers every route behind a session can give: 401 belum-masuk, 403 dilarang or csrf, 404
 * tidak-ditemukan (also for another pemda's data).
 */
export const GALAT_SESI = { 401: Galat, 403: Galat, 404: Galat } as const;

// ---------------------------------------------------------------- auth

export const TanpaIsi = z.null().describe('tanpa isi');
/** Body of a write that takes no input: nothing, or an empty JSON object. */
export const TanpaBody = z.strictObject({}).nullable().optional().describe('tanpa isi (atau {})');

export const Peran = z.enum(PERAN);
export const Me = z
  .object({
    id: z.string(),
    username: z.string(),
    nama: z.string(),
    pemda: z.object({ slug: z.string(), nama: z.string() }),
    peran: z.array(z.object({ peran: Peran, opd: z.string().optional().describe('slug OPD'), unit: z.string().optional().describe('kode unit') })),
    csrfToken: z.string().describe('kirim sebagai header x-csrf-token pada setiap permintaan selain GET'),
  })
  .meta({ id: 'Me' });

export const LoginBody = z.object({
  username: z.string().trim().min(1, 'username wajib diisi').max(64),
  password: z.string().min(1, 'kata sandi wajib diisi').max(1024),
});
export const LoginResponse = z.object({ user: Me, csrfToken: z.string() });

// ---------------------------------------------------------------- entries

const angka = z.number().describe('bilangan hingga (finite)');
export const StatusEntri = z.enum(['kosong', 'draf', 'diajukan', 'ditolak', 'diverifikasi', 'disetujui']);

export const Entri = z
  .object({
    kode: z.string(),
    nama: z.string(),
    satuan: z.string(),
    jenis: z.enum(['renstra', 'renja']),
    unit: z.array(z.string()).describe('kode unit penanggung jawab'),
    formula: z.object({ teks: z.string(), pembilang: z.string().nullable(), penyebut: z.string().nullable(), pengali: z.number() }).nullable(),
    target: z.number().nullable().describe('target tahunan (PK terakhir, atau Renstra/Renja)'),
    targetTriwulan: z.number().nullable().describe('target triwulan dari rencana aksi'),
    nilai: z.number().nullable(),
    pembilang: z.number().nullable(),
    penyebut: z.number().nullable(),
    keterangan: z.string().nullable(),
    bukti: z.array(z.object({ id: z.string(), nama: z.string() })),
    status: StatusEntri,
    version: z.number().int().describe('versi tersimpan; 0 untuk entri yang belum pernah disimpan'),
    komentar: z.array(z.object({ oleh: z.string().describe('username'), pada: z.string(), aksi: z.string(), teks: z.string() })),
    bolehUbah: z.boolean(),
    bolehAjukan: z.boolean(),
    bolehVerifikasi: z.boolean(),
    bolehSetujui: z.boolean(),
    bolehTolak: z.boolean(),
  })
  .meta({ id: 'Entri' });

export const DaftarEntri = z.object({
  terkunci: z.boolean().describe('tenggat triwulan telah lewat bagi unit-unit yang Anda lihat'),
  alasan: z.string().optional(),
  tenggat: z.string().optional().describe('batas pengisian yang berlaku (ISO 8601)'),
  indikator: z.array(Entri),
});

export const SimpanBody = z.object({
  nilai: angka.nullable().optional(),
  pembilang: angka.nullable().optional(),
  penyebut: angka.nullable().optional(),
  keterangan: z.string().max(2000, 'keterangan paling banyak 2000 karakter').nullable().optional(),
  version: z.number().int().min(0).describe('versi yang sedang diubah (0 untuk entri baru)'),
});

export const StatusBody = z.object({
  version: z.number().int().min(0),
  komentar: z.string().max(2000, 'komentar paling banyak 2000 karakter').optional(),
});
export const TolakBody = z.object({
  version: z.number().int().min(0),
  komentar: z.string().trim().min(3, 'alasan penolakan paling sedikit 3 karakter').max(2000, 'alasan penolakan paling banyak 2000 karakter'),
});

export const Riwayat = z.object({
  riwayat: z.array(z.object({ oleh: z.string(), pada: z.string(), field: z.string(), lama: z.unknown(), baru: z.unknown() })),
});

export const Bukti = z.object({ id: z.string(), nama: z.string() });

// ---------------------------------------------------------------- OPD, dashboard, admin

export const DaftarOpd = z.object({ opd: z.array(z.object({ slug: z.string(), nama: z.string() })) });
export const DaftarPemda = z.object({ pemda: z.array(z.object({ slug: z.string(), nama: z.string(), jenis: z.string() })) });

export const Pejabat = z.object({
  pejabat: z.array(
    z.object({
      nama: z.string(),
      jabatan: z.string(),
      pangkat: z.string().optional(),
      unit: z.string().optional(),
      nip: z.string().optional().describe('hanya untuk admin-pemda, perencana dan kepala-opd'),
    }),
  ),
});

/** The computed tables keep their own presenters (src/measure/present.ts). */
const Tabel = z.record(z.string(), z.unknown());

export const Dashboard = z.object({
  skala: z
    .object({ nama: z.string(), bands: z.array(z.object({ min: z.number(), label: z.string(), warna: z.string().optional() })) })
    .optional()
    .describe('skala predikat pemda yang berlaku (diatur admin pemda)'),
  capaian: Tabel.describe('sama dengan GET .../capaian'),
  anggaran: Tabel.describe('sama dengan GET .../anggaran'),
  progres: z.array(
    z.object({
      triwulan: z.number().int(),
      unit: z.array(
        z.object({
          kode: z.string(),
          nama: z.string(),
          total: z.number().int(),
          terisi: z.number().int(),
          diajukan: z.number().int(),
          diverifikasi: z.number().int(),
          disetujui: z.number().int(),
          kepala: z.string().optional(),
        }),
      ),
    }),
  ),
});

export const CapaianResponse = Tabel;
export const CheckResponse = z.object({ jumlah: z.number().int(), temuan: z.array(z.record(z.string(), z.unknown())) });

const waktu = z.iso.datetime({ offset: true, message: 'waktu berformat ISO 8601, mis. 2024-04-10T23:59:59+08:00' });
export const TenggatBody = z.object({
  version: z.number().int().min(0).describe('versi yang dibaca dari GET (0 bila belum pernah diatur); versi lain: 409 versi-usang dengan current'),
  batas: waktu,
  pengecualian: z.array(z.object({ opd: slug, unit: z.string().min(1).max(64), batas: waktu })).max(1000).optional(),
});
export const TenggatResponse = z.object({
  tahun: z.number().int(),
  triwulan: z.number().int(),
  version: z.number().int().describe('versi tersimpan; 0 bila belum pernah diatur'),
  batas: z.string().nullable().describe('null bila belum pernah diatur'),
  pengecualian: z.array(z.object({ opd: z.string(), unit: z.string(), batas: z.string() })),
});

export const Health = z.object({
  status: z.string(),
  database: z.object({ kind: z.string(), status: z.string(), message: z.string().optional() }),
});
