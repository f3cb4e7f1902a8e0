CREATE TYPE "public"."aksi_verifikasi" AS ENUM('ajukan', 'verifikasi', 'setujui', 'tolak');--> statement-breakpoint
CREATE TYPE "public"."peran" AS ENUM('admin-pemda', 'perencana', 'kepala-unit', 'kepala-opd', 'keuangan', 'inspektorat', 'pimpinan');--> statement-breakpoint
CREATE TABLE "audit_log" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"pengguna_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"entity" text NOT NULL,
	"entity_key" text NOT NULL,
	"field" text NOT NULL,
	"old_value" jsonb,
	"new_value" jsonb,
	"request_id" text,
	CONSTRAINT "audit_log_pkey" PRIMARY KEY("pemda_id","id")
);
--> statement-breakpoint
CREATE TABLE "bukti_file" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"opd_slug" text NOT NULL,
	"tahun" integer NOT NULL,
	"indikator_kode" text NOT NULL,
	"triwulan" smallint NOT NULL,
	"nama_asli" text NOT NULL,
	"mime" text NOT NULL,
	"ukuran" integer NOT NULL,
	"sha256" text NOT NULL,
	"isi" "bytea" NOT NULL,
	"diunggah_oleh" uuid NOT NULL,
	"diunggah_pada" timestamp with time zone NOT NULL,
	CONSTRAINT "bukti_file_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "bukti_file_triwulan_ck" CHECK ("bukti_file"."triwulan" between 1 and 4),
	CONSTRAINT "bukti_file_ukuran_ck" CHECK ("bukti_file"."ukuran" between 1 and 5242880),
	CONSTRAINT "bukti_file_mime_ck" CHECK ("bukti_file"."mime" in ('application/pdf', 'image/png', 'image/jpeg'))
);
--> statement-breakpoint
CREATE TABLE "komentar_verifikasi" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"opd_slug" text NOT NULL,
	"tahun" integer NOT NULL,
	"indikator_kode" text NOT NULL,
	"triwulan" smallint NOT NULL,
	"aksi" "aksi_verifikasi" NOT NULL,
	"komentar" text,
	"pengguna_id" uuid NOT NULL,
	"pada" timestamp with time zone NOT NULL,
	CONSTRAINT "komentar_verifikasi_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "komentar_verifikasi_triwulan_ck" CHECK ("komentar_verifikasi"."triwulan" between 1 and 4),
	CONSTRAINT "komentar_verifikasi_tolak_ck" CHECK ("komentar_verifikasi"."aksi" <> 'tolak' or "komentar_verifikasi"."komentar" is not null)
);
--> statement-breakpoint
CREATE TABLE "pengguna" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"username" text NOT NULL,
	"nama" text NOT NULL,
	"password_hash" text NOT NULL,
	"aktif" boolean DEFAULT true NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "pengguna_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "pengguna_username_uq" UNIQUE("username"),
	CONSTRAINT "pengguna_username_ck" CHECK ("pengguna"."username" ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
	CONSTRAINT "pengguna_failed_logins_ck" CHECK ("pengguna"."failed_logins" >= 0)
);
--> statement-breakpoint
CREATE TABLE "peran_pengguna" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"pengguna_id" uuid NOT NULL,
	"peran" "peran" NOT NULL,
	"opd_slug" text,
	"unit_kode" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "peran_pengguna_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "peran_pengguna_uq" UNIQUE NULLS NOT DISTINCT("pemda_id","pengguna_id","peran","opd_slug","unit_kode"),
	CONSTRAINT "peran_pengguna_lingkup_ck" CHECK (case "peran_pengguna"."peran"
        when 'kepala-unit' then "peran_pengguna"."opd_slug" is not null and "peran_pengguna"."unit_kode" is not null
        when 'perencana' then "peran_pengguna"."opd_slug" is not null and "peran_pengguna"."unit_kode" is null
        when 'kepala-opd' then "peran_pengguna"."opd_slug" is not null and "peran_pengguna"."unit_kode" is null
        when 'keuangan' then "peran_pengguna"."opd_slug" is not null and "peran_pengguna"."unit_kode" is null
        else "peran_pengguna"."opd_slug" is null and "peran_pengguna"."unit_kode" is null end)
);
--> statement-breakpoint
CREATE TABLE "sesi" (
	"pemda_id" uuid NOT NULL,
	"id" text NOT NULL,
	"pengguna_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sesi_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "sesi_id_uq" UNIQUE("id")
);
--> statement-breakpoint
CREATE TABLE "tenggat" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"tahun" integer NOT NULL,
	"triwulan" smallint NOT NULL,
	"batas" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "tenggat_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "tenggat_triwulan_uq" UNIQUE("pemda_id","tahun","triwulan"),
	CONSTRAINT "tenggat_triwulan_ck" CHECK ("tenggat"."triwulan" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "tenggat_pengecualian" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"tenggat_id" uuid NOT NULL,
	"opd_slug" text NOT NULL,
	"unit_kode" text NOT NULL,
	"batas" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenggat_pengecualian_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "tenggat_pengecualian_unit_uq" UNIQUE("pemda_id","tenggat_id","opd_slug","unit_kode")
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_pengguna_fk" FOREIGN KEY ("pemda_id","pengguna_id") REFERENCES "public"."pengguna"("pemda_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bukti_file" ADD CONSTRAINT "bukti_file_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bukti_file" ADD CONSTRAINT "bukti_file_pengguna_fk" FOREIGN KEY ("pemda_id","diunggah_oleh") REFERENCES "public"."pengguna"("pemda_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "komentar_verifikasi" ADD CONSTRAINT "komentar_verifikasi_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "komentar_verifikasi" ADD CONSTRAINT "komentar_verifikasi_pengguna_fk" FOREIGN KEY ("pemda_id","pengguna_id") REFERENCES "public"."pengguna"("pemda_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pengguna" ADD CONSTRAINT "pengguna_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peran_pengguna" ADD CONSTRAINT "peran_pengguna_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peran_pengguna" ADD CONSTRAINT "peran_pengguna_pengguna_fk" FOREIGN KEY ("pemda_id","pengguna_id") REFERENCES "public"."pengguna"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sesi" ADD CONSTRAINT "sesi_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sesi" ADD CONSTRAINT "sesi_pengguna_fk" FOREIGN KEY ("pemda_id","pengguna_id") REFERENCES "public"."pengguna"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenggat" ADD CONSTRAINT "tenggat_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenggat_pengecualian" ADD CONSTRAINT "tenggat_pengecualian_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenggat_pengecualian" ADD CONSTRAINT "tenggat_pengecualian_tenggat_fk" FOREIGN KEY ("pemda_id","tenggat_id") REFERENCES "public"."tenggat"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("pemda_id","entity","entity_key","at");--> statement-breakpoint
CREATE INDEX "bukti_file_entri_idx" ON "bukti_file" USING btree ("pemda_id","opd_slug","tahun","triwulan","indikator_kode");--> statement-breakpoint
CREATE INDEX "komentar_verifikasi_entri_idx" ON "komentar_verifikasi" USING btree ("pemda_id","opd_slug","tahun","triwulan","indikator_kode");--> statement-breakpoint
CREATE INDEX "sesi_pengguna_idx" ON "sesi" USING btree ("pemda_id","pengguna_id");--> statement-breakpoint
CREATE INDEX "sesi_expires_idx" ON "sesi" USING btree ("expires_at");--> statement-breakpoint
-- The audit log is append-only: no UPDATE, DELETE or TRUNCATE, whoever asks (drizzle-kit does not model triggers, hence hand-written here).
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'audit_log hanya boleh ditambah, tidak diubah atau dihapus' USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only_row" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only_truncate" BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
