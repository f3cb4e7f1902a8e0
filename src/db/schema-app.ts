/**
 * Tables of the web application: users and their roles, sessions, the audit log, the
 * verification trail of realisasi, evidence files and quarterly deadlines.
 *
 * Same tenancy rules as schema.ts: every table carries `pemda_id`, its primary key starts with
 * it and every foreign key between these tables includes it.
 *
 * OPDs, units and indicators are referred to by slug and code, not by row id: `saveDataset`
 * replaces a pemda's documents wholesale (new row ids) on every import, and role
 * assignments, deadlines, comments and evidence must survive a re-import of the plan they
 * refer to. The application checks those codes when it writes them.
 *
 * `pemda` comes from schema-pemda.ts, which schema.ts re-exports too; schema.ts re-exports this
 * module, and neither imports the other.
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { PERAN } from '../policy/policy.ts';
import { pemda } from './schema-pemda.ts';

export const AKSI_VERIFIKASI = ['ajukan', 'verifikasi', 'setujui', 'tolak'] as const;
export const MIME_BUKTI = ['application/pdf', 'image/png', 'image/jpeg'] as const;
/** Largest evidence file, in bytes. */
export const UKURAN_BUKTI_MAKS = 5 * 1024 * 1024;

export const peranEnum = pgEnum('peran', PERAN);
export const aksiVerifikasiEnum = pgEnum('aksi_verifikasi', AKSI_VERIFIKASI);

/** node-postgres returns bytea as a Buffer, PGlite as a Uint8Array: both become a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

const waktu = (name: string) => timestamp(name, { withTimezone: true });

/** A 64-bit transaction id (PostgreSQL 13+), read as its decimal text. */
const xid8 = customType<{ data: string; driverData: string | number | bigint }>({
  dataType: () => 'xid8',
  fromDriver: (value) => String(value),
});

function pemdaKeys(table: string, t: { pemdaId: AnyPgColumn; id: AnyPgColumn }, onDelete: 'cascade' | 'restrict' = 'cascade') {
  return [
    primaryKey({ name: `${table}_pkey`, columns: [t.pemdaId, t.id] }),
    foreignKey({ name: `${table}_pemda_fk`, columns: [t.pemdaId], foreignColumns: [pemda.id] }).onDelete(onDelete),
  ];
}

// ---------------------------------------------------------------- users, roles, sessions

/**
 * A person who signs in. `username` is unique across all pemda because the login form does
 * not ask for the pemda: the account names it. The row is keyed by pemda like every tenant
 * table, so uniqueness within the pemda is a constraint here and uniqueness across pemda is
 * held by `nama_pengguna`, written in the same transaction.
 */
export const pengguna = pgTable(
  'pengguna',
  {
    pemdaId: uuid('pemda_id').notNull(),
    id: uuid('id').notNull(),
    username: text('username').notNull(),
    nama: text('nama').notNull(),
    passwordHash: text('password_hash').notNull(),
    aktif: boolean('aktif').notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: waktu('locked_until'),
    createdAt: waktu('created_at').notNull().defaultNow(),
    updatedAt: waktu('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    ...pemdaKeys('pengguna', t),
    unique('pengguna_username_uq').on(t.pemdaId, t.username),
    check('pengguna_username_ck', sql`${t.username} ~ '^[a-z0-9][a-z0-9._-]{2,63}$'`),
    check('pengguna_failed_logins_ck', sql`${t.failedLogins} >= 0`),
  ],
);

/**
 * Every username in the installation with the pemda and account it belongs to: the one table
 * sign-in reads before it knows the pemda, and the one place usernames are unique across pemda
 * (a global constraint cannot live on a table distributed by pemda). Written with the account
 * in one transaction (src/auth/kelola.ts, pengguna.ts); deleted with its pemda. On Citus a
 * reference table, copied to every node.
 */
export const namaPengguna = pgTable(
  'nama_pengguna',
  {
    username: text('username').primaryKey(),
    pemdaId: uuid('pemda_id').notNull(),
    penggunaId: uuid('pengguna_id').notNull(),
  },
  (t) => [foreignKey({ name: 'nama_pengguna_pemda_fk', columns: [t.pemdaId], foreignColumns: [pemda.id] }).onDelete('cascade')],
);

/**
 * One role of a user. Roles that act for one OPD name it; `kepala-unit` also names the unit.
 * A user may hold several rows (a head of two units, a planner of two OPDs).
 */
export const peranPengguna = pgTable(
  'peran_pengguna',
  {
    pemdaId: uuid('pemda_id').notNull(),
    id: uuid('id').notNull(),
    penggunaId: uuid('pengguna_id').notNull(),
    peran: peranEnum('peran').notNull(),
    opdSlug: text('opd_slug'),
    unitKode: text('unit_kode'),
    createdAt: waktu('created_at').notNull().defaultNow(),
  },
  (t) => [
    ...pemdaKeys('peran_pengguna', t),
    foreignKey({ name: 'peran_pengguna_pengguna_fk', columns: [t.pemdaId, t.penggunaId], foreignColumns: [pengguna.pemdaId, pengguna.id] }).onDelete('cascade'),
    unique('peran_pengguna_uq').on(t.pemdaId, t.penggunaId, t.peran, t.opdSlug, t.unitKode).nullsNotDistinct(),
    check(
      'peran_pengguna_lingkup_ck',
      sql`case ${t.peran}
        when 'kepala-unit' then ${t.opdSlug} is not null and ${t.unitKode} is not null
        when 'perencana' then ${t.opdSlug} is not null and ${t.unitKode} is null
        when 'kepala-opd' then ${t.opdSlug} is not null and ${t.unitKode} is null
        when 'keuangan' then ${t.opdSlug} is not null and ${t.unitKode} is null
        else ${t.opdSlug} is null and ${t.unitKode} is null end`,
    ),
  ],
);

/**
 * Failed sign-ins, per account name as typed and client address (`alamat`), and per account
 * name over every address (`alamat` = '*'). Keyed by the SHA-256 of the lower-cased username
 * (`akun`), not by user: a name that belongs to no account is counted and slowed down the same
 * way, so the answers do not tell which accounts exist (and a password typed into the username
 * field is not stored). Not tenant data, hence no pemda_id. Rows whose last failure is older
 * than the window (src/auth/sesi.ts) are stale and are deleted as new failures come in.
 */
export const percobaanMasuk = pgTable(
  'percobaan_masuk',
  {
    akun: text('akun').notNull(),
    alamat: text('alamat').notNull(),
    gagal: integer('gagal').notNull(),
    terakhir: waktu('terakhir').notNull(),
    /** No attempt for this pair (or, for '*', this account) is checked before this time. */
    tundaSampai: waktu('tunda_sampai'),
  },
  (t) => [
    primaryKey({ name: 'percobaan_masuk_pkey', columns: [t.akun, t.alamat] }),
    index('percobaan_masuk_terakhir_idx').on(t.terakhir),
    check('percobaan_masuk_gagal_ck', sql`${t.gagal} >= 0`),
  ],
);

/**
 * A signed-in session. The cookie holds a random token; the table holds its SHA-256, so a
 * leaked table does not yield usable cookies. Stored in the database so that several server
 * processes behind one PostgreSQL share sessions.
 */
export const sesi = pgTable(
  'sesi',
  {
    pemdaId: uuid('pemda_id').notNull(),
    /** Hex SHA-256 of the cookie (`<pemda id>.<token>`, src/auth/sesi.ts). */
    id: text('id').notNull(),
    penggunaId: uuid('pengguna_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: waktu('created_at').notNull(),
    /** Idle expiry, pushed forward on use but never past created_at + the absolute lifetime. */
    expiresAt: waktu('expires_at').notNull(),
  },
  (t) => [
    ...pemdaKeys('sesi', t),
    foreignKey({ name: 'sesi_pengguna_fk', columns: [t.pemdaId, t.penggunaId], foreignColumns: [pengguna.pemdaId, pengguna.id] }).onDelete('cascade'),
    index('sesi_pengguna_idx').on(t.pemdaId, t.penggunaId),
    index('sesi_expires_idx').on(t.expiresAt),
  ],
);

// ---------------------------------------------------------------- audit

/**
 * Append-only record of every change of recorded data, one row per changed field, written in
 * the transaction of the change. Migration 0001 adds a trigger that refuses UPDATE and DELETE,
 * so a pemda with history cannot be deleted either (its foreign key restricts).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    pemdaId: uuid('pemda_id').notNull(),
    id: uuid('id').notNull(),
    /** Null for changes made by the system itself (seeding). */
    penggunaId: uuid('pengguna_id'),
    at: waktu('at').notNull(),
    entity: text('entity').notNull(),
    /** Natural key of the changed record, e.g. `disnakertrans/2024/1/IKU-1` for a realisasi. */
    entityKey: text('entity_key').notNull(),
    field: text('field').notNull(),
    oldValue: jsonb('old_value'),
    newValue: jsonb('new_value'),
    requestId: text('request_id'),
    /**
     * The writing transaction (`pg_current_xact_id()`) and the order of writing: the changes
     * feed (src/workflow/perubahan.ts) reads rows in (xact, urutan) order and only of
     * transactions older than every running one, so a transaction that commits late is never
     * skipped by a cursor that has passed it.
     */
    xact: xid8('xact')
      .notNull()
      .default(sql`pg_current_xact_id()`),
    urutan: bigserial('urutan', { mode: 'number' }).notNull(),
  },
  (t) => [
    ...pemdaKeys('audit_log', t, 'restrict'),
    foreignKey({ name: 'audit_log_pengguna_fk', columns: [t.pemdaId, t.penggunaId], foreignColumns: [pengguna.pemdaId, pengguna.id] }).onDelete('restrict'),
    index('audit_log_entity_idx').on(t.pemdaId, t.entity, t.entityKey, t.at),
    index('audit_log_umpan_idx').on(t.pemdaId, t.xact, t.urutan),
  ],
);

// ---------------------------------------------------------------- API tokens

/**
 * A named API token of a pemda for an integration (src/auth/token.ts). The secret is shown once
 * at creation; the table holds its SHA-256 (unique over all pemda, so a bearer token finds its
 * row and thereby its pemda) and the first characters (`prefix`) for recognition. Tokens are
 * revoked, never deleted, so the audit log keeps naming them.
 */
export const tokenApi = pgTable(
  'token_api',
  {
    pemdaId: uuid('pemda_id').notNull(),
    id: uuid('id').notNull(),
    nama: text('nama').notNull(),
    prefix: text('prefix').notNull(),
    /** Hex SHA-256 of the whole token. */
    hash: text('hash').notNull(),
    cakupan: text('cakupan').array().notNull(),
    dibuatOleh: uuid('dibuat_oleh').notNull(),
    createdAt: waktu('created_at').notNull(),
    expiresAt: waktu('expires_at').notNull(),
    revokedAt: waktu('revoked_at'),
    lastUsedAt: waktu('last_used_at'),
  },
  (t) => [
    ...pemdaKeys('token_api', t),
    unique('token_api_hash_uq').on(t.pemdaId, t.hash),
    foreignKey({ name: 'token_api_pengguna_fk', columns: [t.pemdaId, t.dibuatOleh], foreignColumns: [pengguna.pemdaId, pengguna.id] }).onDelete('restrict'),
    check('token_api_nama_ck', sql`length(${t.nama}) between 1 and 100`),
    check('token_api_kedaluwarsa_ck', sql`${t.expiresAt} > ${t.createdAt}`),
  ],
);

// ---------------------------------------------------------------- realisasi workflow

/** Who moved a realisasi entry through the verification workflow, when, and why. */
export const komentarVerifikasi = pgTable(
  'komentar_verifikasi',
  {
    pemdaId: uuid('pemda_id').notNull(),
    id: uuid('id').notNull(),
    opdSlug: text('opd_slug').notNull(),
    tahun: integer('tahun').notNull(),
    indikatorKode: text('indikator_kode').notNull(),
    triwulan: smallint('triwulan').notNull(),
    aksi: aksiVerifikasiEnum('aksi').notNull(),
    komentar: text('komentar'),
    penggunaId: uuid('pengguna_id').notNull(),
    pada: waktu('pada').notNull(),
  },
  (t) => [
    ...pemdaKeys('komentar_verifikasi', t),
    foreignKey({ name: 'komentar_verifikasi_pengguna_fk', columns: [t.pemdaId, t.penggunaId], foreignColumns: [pengguna.pemdaId, pengguna.id] }).onDelete(
      'restrict',
    ),
    index('komentar_verifikasi_entri_idx').on(t.pemdaId, t.opdSlug, t.tahun, t.triwulan, t.indikatorKode),
    check('komentar_verifikasi_triwulan_ck', sql`${t.triwulan} between 1 and 4`),
    check('komentar_verifikasi_tolak_ck', sql`${t.aksi} <> 'tolak' or ${t.komentar} is not null`),
  ],
);

/** The columns of an uploaded evidence file: its name, detected type, size, checksum, bytes and uploader. */
const kolomBerkas = () => ({
  namaAsli: text('nama_asli').notNull(),
  mime: text('mime').notNull(),
  ukuran: integer('ukuran').notNull(),
  sha256: text('sha256').notNull(),
  isi: bytea('isi').notNull(),
  diunggahOleh: uuid('diunggah_oleh').notNull(),
  diunggahPada: waktu('diunggah_pada').notNull(),
});

/** What every evidence file must be: 1 byte to UKURAN_BUKTI_MAKS, of one of MIME_BUKTI. */
function cekBerkas(table: string, t: { ukuran: AnyPgColumn; mime: AnyPgColumn }) {
  return [
    check(`${table}_ukuran_ck`, sql`${t.ukuran} between 1 and ${sql.raw(String(UKURAN_BUKTI_MAKS))}`),
    check(`${table}_mime_ck`, sql`${t.mime} in (${sql.raw(MIME_BUKTI.map((m) => `'${m}'`).join(', '))})`),
  ];
}

/** An evidence file of a realisasi entry; the type is detected from the content, never from the name. */
export const buktiFile = pgTable(
  'bukti_file',
  {
    pemdaId: uuid('pemda_id').notNull(),
    id: uuid('id').notNull(),
    opdSlug: text('opd_slug').notNull(),
    tahun: integer('tahun').notNull(),
    indikatorKode: text('indikator_kode').notNull(),
    triwulan: smallint('triwulan').notNull(),
    ...kolomBerkas(),
  },
  (t) => [
    ...pemdaKeys('bukti_file', t),
    foreignKey({ name: 'bukti_file_pengguna_fk', columns: [t.pemdaId, t.diunggahOleh], foreignColumns: [pengguna.pemdaId, pengguna.id] }).onDelete('restrict'),
    index('bukti_file_entri_idx').on(t.pemdaId, t.opdSlug, t.tahun, t.triwulan, t.indikatorKode),
    check('bukti_file_triwulan_ck', sql`${t.triwulan} between 1 and 4`),
    ...cekBerkas('bukti_file', t),
  ],
);

/** Deadline for entering the realisasi of one quarter, for all OPDs of a pemda. */
export const tenggat = pgTable(
  'tenggat',
  {
    pemdaId: uuid('pemda_id').notNull(),
    id: uuid('id').notNull(),
    tahun: integer('tahun').notNull(),
    triwulan: smallint('triwulan').notNull(),
    batas: waktu('batas').notNull(),
    createdAt: waktu('created_at').notNull().defaultNow(),
    updatedAt: waktu('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    ...pemdaKeys('tenggat', t),
    unique('tenggat_triwulan_uq').on(t.pemdaId, t.tahun, t.triwulan),
    check('tenggat_triwulan_ck', sql`${t.triwulan} between 1 and 4`),
  ],
);

/** A later deadline granted to one unit of one OPD. */
export const tenggatPengecualian = pgTable(
  'tenggat_pengecualian',
  {
    pemdaId: uuid('pemda_id').notNull(),
    id: uuid('id').notNull(),
    tenggatId: uuid('tenggat_id').notNull(),
    opdSlug: text('opd_slug').notNull(),
    unitKode: text('unit_kode').notNull(),
    batas: waktu('batas').notNull(),
    createdAt: waktu('created_at').notNull().defaultNow(),
  },
  (t) => [
    ...pemdaKeys('tenggat_pengecualian', t),
    foreignKey({ name: 'tenggat_pengecualian_tenggat_fk', columns: [t.pemdaId, t.tenggatId], foreignColumns: [tenggat.pemdaId, tenggat.id] }).onDelete(
      'cascade',
    ),
    unique('tenggat_pengecualian_unit_uq').on(t.pemdaId, t.tenggatId, t.opdSlug, t.unitKode),
  ],
);

// ---------------------------------------------------------------- data revisions

/**
 * A counter per pemda and scope that every write of recorded data raises in its own
 * transaction (src/db/revisi.ts): scope '' for the pemda as a whole (a dataset import, the
 * pemda's settings), an OPD slug for that OPD's data. Caches of computed figures (the
 * dashboard) remember the counters they were computed at and recompute when one has moved, so
 * several server processes sharing one PostgreSQL never serve a figure older than a committed write.
 */
export const revisiData = pgTable(
  'revisi_data',
  {
    pemdaId: uuid('pemda_id').notNull(),
    lingkup: text('lingkup').notNull(),
    revisi: integer('revisi').notNull().default(0),
  },
  (t) => [
    primaryKey({ name: 'revisi_data_pkey', columns: [t.pemdaId, t.lingkup] }),
    foreignKey({ name: 'revisi_data_pemda_fk', columns: [t.pemdaId], foreignColumns: [pemda.id] }).onDelete('cascade'),
  ],
);

// ---------------------------------------------------------------- SAKIP evaluation and the year's sign-off

/** Shares achieved per LKE sub-component, 0..100 as exact decimal strings ("87.5"). */
export type SkorLke = Record<'perencanaan' | 'pengukuran' | 'pelaporan' | 'evaluasi', Record<'pemenuhan' | 'kualitas' | 'implementasi', string>>;

export const STATUS_TINDAK_LANJUT = ['belum', 'proses', 'selesai'] as const;
export type StatusTindakLanjut = (typeof STATUS_TINDAK_LANJUT)[number];

/** A recommendation of the evaluation and the OPD's follow-up of it, tracked to closure with evidence (links). */
export interface RekomendasiEvaluasi {
  id: string;
  teks: string;
  tindakLanjut: string | null;
  /** Absent on recommendations recorded before follow-ups had a status: read as 'belum' or, with a follow-up text, 'proses'. */
  status?: StatusTindakLanjut | undefined;
  tautan?: string[] | undefined;
  /** When the follow-up was marked done (ISO). */
  selesaiPada?: string | null | undefined;
}

/**
 * The inspektorat's SAKIP evaluation (LKE) of one OPD-year: the sub-component scores and the
 * recommendations, with the OPD's follow-up per recommendation. The total and the grade are
 * computed (src/engine/evaluasi.ts), never stored.
 */
export const evaluasiSakip = pgTable(
  'evaluasi_sakip',
  {
    pemdaId: uuid('pemda_id').notNull(),
    id: uuid('id').notNull(),
    opdSlug: text('opd_slug').notNull(),
    tahun: integer('tahun').notNull(),
    skor: jsonb('skor').$type<SkorLke>().notNull(),
    rekomendasi: jsonb('rekomendasi').$type<RekomendasiEvaluasi[]>().notNull(),
    /** Set when the evaluation is answered criterion by criterion: the criteria version, and the tier it stands at. */
    kriteriaId: uuid('kriteria_id'),
    tahap: text('tahap').$type<TahapLke>(),
    createdAt: waktu('created_at').notNull().defaultNow(),
    updatedAt: waktu('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    ...pemdaKeys('evaluasi_sakip', t),
    unique('evaluasi_sakip_tahun_uq').on(t.pemdaId, t.opdSlug, t.tahun),
    foreignKey({ name: 'evaluasi_sakip_kriteria_fk', columns: [t.pemdaId, t.kriteriaId], foreignColumns: [kriteriaLke.pemdaId, kriteriaLke.id] }).onDelete('restrict'),
    check('evaluasi_sakip_tahap_ck', sql`(${t.kriteriaId} is null and ${t.tahap} is null) or (${t.kriteriaId} is not null and ${t.tahap} in ('mandiri', 'evaluator', 'supervisor', 'final'))`),
  ],
);

export const TAHAP_LKE = ['mandiri', 'evaluator', 'supervisor', 'final'] as const;
export type TahapLke = (typeof TAHAP_LKE)[number];
export const TINGKAT_LKE = ['mandiri', 'evaluator', 'supervisor'] as const;
export type TingkatLke = (typeof TINGKAT_LKE)[number];

/** The structure of one version of the evaluation criteria, as loaded (src/dataset/lke.ts). */
export interface IsiKriteriaLke {
  komponen: Array<{
    kode: string;
    nama: string;
    bobot: number;
    sub: Array<{ kode: string; nama: string; bobot: number; kriteria: Array<{ kode: string; teks: string; jenis: 'YT' | 'AE'; fakta?: string | undefined }> }>;
  }>;
}

/** A version of the evaluation criteria (LKE) loaded for the pemda; evaluations point at the version they were answered with. */
export const kriteriaLke = pgTable(
  'kriteria_lke',
  {
    pemdaId: uuid('pemda_id').notNull(),
    id: uuid('id').notNull(),
    kode: text('kode').notNull(),
    nama: text('nama').notNull(),
    regulasi: text('regulasi').notNull(),
    sumber: text('sumber').notNull(),
    berlakuMulai: integer('berlaku_mulai').notNull(),
    isi: jsonb('isi').$type<IsiKriteriaLke>().notNull(),
    dimuatPada: waktu('dimuat_pada').notNull(),
  },
  (t) => [...pemdaKeys('kriteria_lke', t), unique('kriteria_lke_kode_uq').on(t.pemdaId, t.kode)],
);

/** What a tier's answer of a criterion rests on, besides uploaded files: links and facts of SIKIPER's own records. */
export interface BuktiJawaban {
  tautan: string[];
  /** Facts the answerer confirmed, with the text and source they had when confirmed. */
  fakta: Array<{ kode: string; uraian: string; sumber: string }>;
}

/** One tier's answer of one criterion of a criterion-level evaluation. */
export const jawabanLke = pgTable(
  'jawaban_lke',
  {
    pemdaId: uuid('pemda_id').notNull(),
    id: uuid('id').notNull(),
    evaluasiId: uuid('evaluasi_id').notNull(),
    kriteriaKode: text('kriteria_kode').notNull(),
    tingkat: text('tingkat').$type<TingkatLke>().notNull(),
    jawaban: text('jawaban'),
    catatan: text('catatan'),
    bukti: jsonb('bukti').$type<BuktiJawaban>().notNull(),
    diubahOleh: uuid('diubah_oleh').notNull(),
    diubahPada: waktu('diubah_pada').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    ...pemdaKeys('jawaban_lke', t),
    unique('jawaban_lke_uq').on(t.pemdaId, t.evaluasiId, t.kriteriaKode, t.tingkat),
    foreignKey({ name: 'jawaban_lke_evaluasi_fk', columns: [t.pemdaId, t.evaluasiId], foreignColumns: [evaluasiSakip.pemdaId, evaluasiSakip.id] }).onDelete('cascade'),
    foreignKey({ name: 'jawaban_lke_pengguna_fk', columns: [t.pemdaId, t.diubahOleh], foreignColumns: [pengguna.pemdaId, pengguna.id] }).onDelete('restrict'),
    check('jawaban_lke_tingkat_ck', sql`${t.tingkat} in ('mandiri', 'evaluator', 'supervisor')`),
    check('jawaban_lke_jawaban_ck', sql`${t.jawaban} in ('Y', 'T', 'A', 'B', 'C', 'D', 'E')`),
  ],
);

/** An evidence file of one tier's answer of a criterion; the type is detected from the content. */
export const buktiLke = pgTable(
  'bukti_lke',
  {
    pemdaId: uuid('pemda_id').notNull(),
    id: uuid('id').notNull(),
    evaluasiId: uuid('evaluasi_id').notNull(),
    kriteriaKode: text('kriteria_kode').notNull(),
    tingkat: text('tingkat').$type<TingkatLke>().notNull(),
    ...kolomBerkas(),
  },
  (t) => [
    ...pemdaKeys('bukti_lke', t),
    foreignKey({ name: 'bukti_lke_evaluasi_fk', columns: [t.pemdaId, t.evaluasiId], foreignColumns: [evaluasiSakip.pemdaId, evaluasiSakip.id] }).onDelete('cascade'),
    foreignKey({ name: 'bukti_lke_pengguna_fk', columns: [t.pemdaId, t.diunggahOleh], foreignColumns: [pengguna.pemdaId, pengguna.id] }).onDelete('restrict'),
    index('bukti_lke_kriteria_idx').on(t.pemdaId, t.evaluasiId, t.kriteriaKode),
    check('bukti_lke_tingkat_ck', sql`${t.tingkat} in ('mandiri', 'evaluator', 'supervisor')`),
    ...cekBerkas('bukti_lke', t),
  ],
);

/** The kepala OPD's sign-off of a year: while the row exists, the year's realisasi is locked. */
export const pengesahanTahun = pgTable(
  'pengesahan_tahun',
  {
    pemdaId: uuid('pemda_id').notNull(),
    id: uuid('id').notNull(),
    opdSlug: text('opd_slug').notNull(),
    tahun: integer('tahun').notNull(),
    penggunaId: uuid('pengguna_id').notNull(),
    pada: waktu('pada').notNull(),
  },
  (t) => [
    ...pemdaKeys('pengesahan_tahun', t),
    unique('pengesahan_tahun_uq').on(t.pemdaId, t.opdSlug, t.tahun),
    foreignKey({ name: 'pengesahan_tahun_pengguna_fk', columns: [t.pemdaId, t.penggunaId], foreignColumns: [pengguna.pemdaId, pengguna.id] }).onDelete('restrict'),
  ],
);
