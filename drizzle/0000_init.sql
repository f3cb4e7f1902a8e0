CREATE TYPE "public"."agregasi" AS ENUM('jumlah', 'akhir', 'rata-rata', 'rasio');--> statement-breakpoint
CREATE TYPE "public"."jenis_nilai" AS ENUM('baseline', 'target', 'akhir');--> statement-breakpoint
CREATE TYPE "public"."jenis_pemda" AS ENUM('provinsi', 'kabupaten', 'kota');--> statement-breakpoint
CREATE TYPE "public"."jenis_unit" AS ENUM('pimpinan', 'sekretariat', 'subbagian', 'bidang', 'seksi', 'uptd', 'fungsional');--> statement-breakpoint
CREATE TYPE "public"."kelompok_belanja" AS ENUM('belanja', 'operasi', 'pegawai', 'barang-jasa', 'hibah', 'modal', 'modal-peralatan-mesin', 'modal-gedung-bangunan');--> statement-breakpoint
CREATE TYPE "public"."level_renja" AS ENUM('urusan', 'bidang-urusan', 'program', 'kegiatan', 'sub-kegiatan');--> statement-breakpoint
CREATE TYPE "public"."polaritas" AS ENUM('positif', 'negatif');--> statement-breakpoint
CREATE TYPE "public"."status_realisasi" AS ENUM('draf', 'diajukan', 'ditolak', 'diverifikasi', 'disetujui');--> statement-breakpoint
CREATE TYPE "public"."versi_anggaran" AS ENUM('dpa', 'dpa-perubahan');--> statement-breakpoint
CREATE TYPE "public"."versi_renja" AS ENUM('murni', 'perubahan');--> statement-breakpoint
CREATE TABLE "anggaran_baris" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"anggaran_versi_id" uuid NOT NULL,
	"kode" text NOT NULL,
	"pagu" bigint NOT NULL,
	"realisasi" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "anggaran_baris_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "anggaran_baris_urutan_uq" UNIQUE("pemda_id","anggaran_versi_id","urutan"),
	CONSTRAINT "anggaran_baris_kode_uq" UNIQUE("pemda_id","anggaran_versi_id","kode"),
	CONSTRAINT "anggaran_baris_rupiah_ck" CHECK ("anggaran_baris"."pagu" >= 0 and "anggaran_baris"."realisasi" >= 0)
);
--> statement-breakpoint
CREATE TABLE "anggaran_kelompok" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"anggaran_versi_id" uuid NOT NULL,
	"kelompok" "kelompok_belanja" NOT NULL,
	"pagu" bigint NOT NULL,
	"realisasi" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "anggaran_kelompok_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "anggaran_kelompok_urutan_uq" UNIQUE("pemda_id","anggaran_versi_id","urutan"),
	CONSTRAINT "anggaran_kelompok_kelompok_uq" UNIQUE("pemda_id","anggaran_versi_id","kelompok"),
	CONSTRAINT "anggaran_kelompok_rupiah_ck" CHECK ("anggaran_kelompok"."pagu" >= 0 and "anggaran_kelompok"."realisasi" >= 0)
);
--> statement-breakpoint
CREATE TABLE "anggaran_versi" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"tahun_opd_id" uuid NOT NULL,
	"versi" "versi_anggaran" NOT NULL,
	"tanggal" date,
	"sumber" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "anggaran_versi_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "anggaran_versi_urutan_uq" UNIQUE("pemda_id","tahun_opd_id","urutan"),
	CONSTRAINT "anggaran_versi_versi_uq" UNIQUE("pemda_id","tahun_opd_id","versi")
);
--> statement-breakpoint
CREATE TABLE "ikk" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"tahun_opd_id" uuid NOT NULL,
	"nomor" integer NOT NULL,
	"nama" text NOT NULL,
	"pembilang_nama" text NOT NULL,
	"pembilang" numeric NOT NULL,
	"penyebut_nama" text NOT NULL,
	"penyebut" numeric NOT NULL,
	"pengali" numeric NOT NULL,
	"satuan" text NOT NULL,
	"hasil_terbit" numeric,
	"sumber" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "ikk_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "ikk_urutan_uq" UNIQUE("pemda_id","tahun_opd_id","urutan"),
	CONSTRAINT "ikk_pengali_ck" CHECK ("ikk"."pengali" > 0)
);
--> statement-breakpoint
CREATE TABLE "iku_baris" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"renstra_id" uuid NOT NULL,
	"iku_versi_id" uuid NOT NULL,
	"sasaran_id" uuid NOT NULL,
	"indikator_id" uuid,
	"nama" text NOT NULL,
	"formula" text NOT NULL,
	"sumber_data" text,
	"penanggung_jawab" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "iku_baris_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "iku_baris_urutan_uq" UNIQUE("pemda_id","iku_versi_id","urutan")
);
--> statement-breakpoint
CREATE TABLE "iku_versi" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"renstra_id" uuid NOT NULL,
	"versi" integer NOT NULL,
	"nama" text NOT NULL,
	"nomor_dokumen" text,
	"tanggal" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "iku_versi_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "iku_versi_urutan_uq" UNIQUE("pemda_id","renstra_id","urutan"),
	CONSTRAINT "iku_versi_versi_uq" UNIQUE("pemda_id","renstra_id","versi"),
	CONSTRAINT "iku_versi_scope_uq" UNIQUE("pemda_id","renstra_id","id"),
	CONSTRAINT "iku_versi_versi_ck" CHECK ("iku_versi"."versi" >= 0)
);
--> statement-breakpoint
CREATE TABLE "indikator" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"renstra_id" uuid NOT NULL,
	"tujuan_id" uuid,
	"sasaran_id" uuid,
	"kode" text NOT NULL,
	"nama" text NOT NULL,
	"satuan" text NOT NULL,
	"polaritas" "polaritas" NOT NULL,
	"agregasi" "agregasi" NOT NULL,
	"desimal" smallint NOT NULL,
	"formula_teks" text,
	"formula_pembilang" text,
	"formula_penyebut" text,
	"formula_pengali" numeric,
	"sumber_data" text,
	"penanggung_jawab" text[] NOT NULL,
	"iku" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "indikator_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "indikator_kode_uq" UNIQUE("pemda_id","renstra_id","kode"),
	CONSTRAINT "indikator_scope_uq" UNIQUE("pemda_id","renstra_id","id"),
	CONSTRAINT "indikator_tujuan_urutan_uq" UNIQUE("pemda_id","tujuan_id","urutan"),
	CONSTRAINT "indikator_sasaran_urutan_uq" UNIQUE("pemda_id","sasaran_id","urutan"),
	CONSTRAINT "indikator_pemilik_ck" CHECK (num_nonnulls("indikator"."tujuan_id", "indikator"."sasaran_id") = 1),
	CONSTRAINT "indikator_desimal_ck" CHECK ("indikator"."desimal" between 0 and 6),
	CONSTRAINT "indikator_formula_ck" CHECK (("indikator"."formula_teks" is null) = ("indikator"."formula_pengali" is null) and ("indikator"."formula_teks" is not null or ("indikator"."formula_pembilang" is null and "indikator"."formula_penyebut" is null))),
	CONSTRAINT "indikator_pengali_ck" CHECK ("indikator"."formula_pengali" > 0)
);
--> statement-breakpoint
CREATE TABLE "indikator_daerah" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"rpjmd_id" uuid NOT NULL,
	"sasaran_id" uuid NOT NULL,
	"kode" text NOT NULL,
	"nama" text NOT NULL,
	"satuan" text NOT NULL,
	"polaritas" "polaritas" NOT NULL,
	"agregasi" "agregasi" NOT NULL,
	"desimal" smallint NOT NULL,
	"formula_teks" text,
	"formula_pembilang" text,
	"formula_penyebut" text,
	"formula_pengali" numeric,
	"sumber_data" text,
	"penanggung_jawab" text[] NOT NULL,
	"iku" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "indikator_daerah_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "indikator_daerah_urutan_uq" UNIQUE("pemda_id","rpjmd_id","urutan"),
	CONSTRAINT "indikator_daerah_kode_uq" UNIQUE("pemda_id","rpjmd_id","kode"),
	CONSTRAINT "indikator_daerah_desimal_ck" CHECK ("indikator_daerah"."desimal" between 0 and 6),
	CONSTRAINT "indikator_daerah_formula_ck" CHECK (("indikator_daerah"."formula_teks" is null) = ("indikator_daerah"."formula_pengali" is null) and ("indikator_daerah"."formula_teks" is not null or ("indikator_daerah"."formula_pembilang" is null and "indikator_daerah"."formula_penyebut" is null))),
	CONSTRAINT "indikator_daerah_pengali_ck" CHECK ("indikator_daerah"."formula_pengali" > 0)
);
--> statement-breakpoint
CREATE TABLE "indikator_daerah_pembanding" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"indikator_daerah_id" uuid NOT NULL,
	"tahun" integer NOT NULL,
	"wilayah" text NOT NULL,
	"nilai" numeric NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "indikator_daerah_pembanding_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "indikator_daerah_pembanding_urutan_uq" UNIQUE("pemda_id","indikator_daerah_id","urutan"),
	CONSTRAINT "indikator_daerah_pembanding_wilayah_uq" UNIQUE("pemda_id","indikator_daerah_id","tahun","wilayah")
);
--> statement-breakpoint
CREATE TABLE "indikator_daerah_pengampu" (
	"pemda_id" uuid NOT NULL,
	"indikator_daerah_id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"opd_id" uuid NOT NULL,
	CONSTRAINT "indikator_daerah_pengampu_pkey" PRIMARY KEY("pemda_id","indikator_daerah_id","urutan"),
	CONSTRAINT "indikator_daerah_pengampu_opd_uq" UNIQUE("pemda_id","indikator_daerah_id","opd_id")
);
--> statement-breakpoint
CREATE TABLE "indikator_daerah_realisasi" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"indikator_daerah_id" uuid NOT NULL,
	"tahun" integer NOT NULL,
	"nilai" numeric NOT NULL,
	"predikat" text,
	"sumber" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "indikator_daerah_realisasi_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "indikator_daerah_realisasi_urutan_uq" UNIQUE("pemda_id","indikator_daerah_id","urutan"),
	CONSTRAINT "indikator_daerah_realisasi_tahun_uq" UNIQUE("pemda_id","indikator_daerah_id","tahun")
);
--> statement-breakpoint
CREATE TABLE "indikator_daerah_target" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"indikator_daerah_id" uuid NOT NULL,
	"jenis" "jenis_nilai" NOT NULL,
	"tahun" integer NOT NULL,
	"nilai" numeric NOT NULL,
	"predikat" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "indikator_daerah_target_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "indikator_daerah_target_urutan_uq" UNIQUE("pemda_id","indikator_daerah_id","jenis","urutan"),
	CONSTRAINT "indikator_daerah_target_tahun_uq" UNIQUE("pemda_id","indikator_daerah_id","jenis","tahun")
);
--> statement-breakpoint
CREATE TABLE "indikator_target" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"indikator_id" uuid NOT NULL,
	"jenis" "jenis_nilai" NOT NULL,
	"tahun" integer NOT NULL,
	"nilai" numeric NOT NULL,
	"predikat" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "indikator_target_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "indikator_target_urutan_uq" UNIQUE("pemda_id","indikator_id","jenis","urutan"),
	CONSTRAINT "indikator_target_tahun_uq" UNIQUE("pemda_id","indikator_id","jenis","tahun")
);
--> statement-breakpoint
CREATE TABLE "opd" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"slug" text NOT NULL,
	"nama" text NOT NULL,
	"singkatan" text,
	"alamat" text,
	"telepon" text,
	"email" text,
	"website" text,
	"profil" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "opd_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "opd_slug_uq" UNIQUE("pemda_id","slug"),
	CONSTRAINT "opd_urutan_uq" UNIQUE("pemda_id","urutan")
);
--> statement-breakpoint
CREATE TABLE "pejabat" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"opd_id" uuid NOT NULL,
	"nama" text NOT NULL,
	"nip" text,
	"pangkat" text,
	"jabatan" text NOT NULL,
	"unit_id" uuid,
	"mulai" date,
	"selesai" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "pejabat_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "pejabat_urutan_uq" UNIQUE("pemda_id","opd_id","urutan"),
	CONSTRAINT "pejabat_nip_ck" CHECK ("pejabat"."nip" ~ '^[0-9]{18}$')
);
--> statement-breakpoint
CREATE TABLE "pemda" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"nama" text NOT NULL,
	"jenis" "jenis_pemda" NOT NULL,
	"provinsi" text,
	"ibukota" text,
	"pengaturan" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "pemda_slug_uq" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "pemda_pejabat" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"nama" text NOT NULL,
	"nip" text,
	"pangkat" text,
	"jabatan" text NOT NULL,
	"unit_kode" text,
	"mulai" date,
	"selesai" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "pemda_pejabat_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "pemda_pejabat_urutan_uq" UNIQUE("pemda_id","urutan"),
	CONSTRAINT "pemda_pejabat_nip_ck" CHECK ("pemda_pejabat"."nip" ~ '^[0-9]{18}$')
);
--> statement-breakpoint
CREATE TABLE "penghargaan" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"tahun_opd_id" uuid NOT NULL,
	"nama" text NOT NULL,
	"pemberi" text NOT NULL,
	"tanggal" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "penghargaan_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "penghargaan_urutan_uq" UNIQUE("pemda_id","tahun_opd_id","urutan")
);
--> statement-breakpoint
CREATE TABLE "pk" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"tahun_opd_id" uuid NOT NULL,
	"versi" integer NOT NULL,
	"nama" text NOT NULL,
	"tanggal" date,
	"tempat" text,
	"pihak_pertama_nama" text NOT NULL,
	"pihak_pertama_jabatan" text NOT NULL,
	"pihak_pertama_nip" text,
	"pihak_pertama_pangkat" text,
	"pihak_kedua_nama" text NOT NULL,
	"pihak_kedua_jabatan" text NOT NULL,
	"pihak_kedua_nip" text,
	"pihak_kedua_pangkat" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "pk_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "pk_urutan_uq" UNIQUE("pemda_id","tahun_opd_id","urutan"),
	CONSTRAINT "pk_versi_uq" UNIQUE("pemda_id","tahun_opd_id","versi"),
	CONSTRAINT "pk_versi_ck" CHECK ("pk"."versi" >= 0),
	CONSTRAINT "pk_pihak_pertama_nip_ck" CHECK ("pk"."pihak_pertama_nip" ~ '^[0-9]{18}$'),
	CONSTRAINT "pk_pihak_kedua_nip_ck" CHECK ("pk"."pihak_kedua_nip" ~ '^[0-9]{18}$')
);
--> statement-breakpoint
CREATE TABLE "pk_anggaran" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"pk_id" uuid NOT NULL,
	"program_kode" text NOT NULL,
	"kegiatan_kode" text NOT NULL,
	"pagu" bigint NOT NULL,
	"sumber_dana" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "pk_anggaran_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "pk_anggaran_urutan_uq" UNIQUE("pemda_id","pk_id","urutan"),
	CONSTRAINT "pk_anggaran_pagu_ck" CHECK ("pk_anggaran"."pagu" >= 0)
);
--> statement-breakpoint
CREATE TABLE "pk_kinerja" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"pk_id" uuid NOT NULL,
	"sasaran_kode" text NOT NULL,
	"indikator_kode" text NOT NULL,
	"target" numeric NOT NULL,
	"target_teks" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "pk_kinerja_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "pk_kinerja_urutan_uq" UNIQUE("pemda_id","pk_id","urutan"),
	CONSTRAINT "pk_kinerja_indikator_uq" UNIQUE("pemda_id","pk_id","sasaran_kode","indikator_kode")
);
--> statement-breakpoint
CREATE TABLE "pk_penjelasan" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"pk_id" uuid NOT NULL,
	"indikator_kode" text NOT NULL,
	"uraian_sasaran" text NOT NULL,
	"relevansi" text NOT NULL,
	"formulasi" text NOT NULL,
	"sumber_data" text NOT NULL,
	"penjelasan_target" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "pk_penjelasan_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "pk_penjelasan_urutan_uq" UNIQUE("pemda_id","pk_id","urutan"),
	CONSTRAINT "pk_penjelasan_indikator_uq" UNIQUE("pemda_id","pk_id","indikator_kode")
);
--> statement-breakpoint
CREATE TABLE "realisasi" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"tahun_opd_id" uuid NOT NULL,
	"indikator_kode" text NOT NULL,
	"triwulan" smallint,
	"nilai" numeric,
	"pembilang" numeric,
	"penyebut" numeric,
	"predikat" text,
	"keterangan" text,
	"bukti" text[] NOT NULL,
	"status" "status_realisasi" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "realisasi_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "realisasi_urutan_uq" UNIQUE("pemda_id","tahun_opd_id","urutan"),
	CONSTRAINT "realisasi_periode_uq" UNIQUE NULLS NOT DISTINCT("pemda_id","tahun_opd_id","indikator_kode","triwulan"),
	CONSTRAINT "realisasi_triwulan_ck" CHECK ("realisasi"."triwulan" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "rencana_aksi" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"tahun_opd_id" uuid NOT NULL,
	"indikator_kode" text NOT NULL,
	"triwulan" smallint NOT NULL,
	"target" numeric NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "rencana_aksi_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "rencana_aksi_urutan_uq" UNIQUE("pemda_id","tahun_opd_id","urutan"),
	CONSTRAINT "rencana_aksi_triwulan_uq" UNIQUE("pemda_id","tahun_opd_id","indikator_kode","triwulan"),
	CONSTRAINT "rencana_aksi_triwulan_ck" CHECK ("rencana_aksi"."triwulan" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "renja_indikator" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"renja_versi_id" uuid NOT NULL,
	"renja_node_id" uuid NOT NULL,
	"kode" text NOT NULL,
	"nama" text NOT NULL,
	"target" numeric,
	"target_teks" text,
	"satuan" text,
	"target_renstra" numeric,
	"polaritas" "polaritas" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "renja_indikator_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "renja_indikator_urutan_uq" UNIQUE("pemda_id","renja_node_id","urutan"),
	CONSTRAINT "renja_indikator_kode_uq" UNIQUE("pemda_id","renja_versi_id","kode")
);
--> statement-breakpoint
CREATE TABLE "renja_node" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"opd_id" uuid NOT NULL,
	"renja_versi_id" uuid NOT NULL,
	"kode" text NOT NULL,
	"level" "level_renja" NOT NULL,
	"induk_id" uuid,
	"induk_level" "level_renja",
	"nama" text NOT NULL,
	"lokasi" text,
	"pagu" bigint,
	"sumber_dana" text,
	"unit_id" uuid,
	"catatan" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "renja_node_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "renja_node_urutan_uq" UNIQUE("pemda_id","renja_versi_id","urutan"),
	CONSTRAINT "renja_node_kode_uq" UNIQUE("pemda_id","renja_versi_id","kode"),
	CONSTRAINT "renja_node_scope_uq" UNIQUE("pemda_id","renja_versi_id","id"),
	CONSTRAINT "renja_node_level_uq" UNIQUE("pemda_id","renja_versi_id","id","level"),
	CONSTRAINT "renja_node_induk_ck" CHECK (("renja_node"."induk_id" is null) = ("renja_node"."induk_level" is null) and ("renja_node"."induk_level" is null
        or ("renja_node"."level" = 'bidang-urusan' and "renja_node"."induk_level" = 'urusan')
        or ("renja_node"."level" = 'program' and "renja_node"."induk_level" in ('urusan', 'bidang-urusan'))
        or ("renja_node"."level" = 'kegiatan' and "renja_node"."induk_level" = 'program')
        or ("renja_node"."level" = 'sub-kegiatan' and "renja_node"."induk_level" = 'kegiatan'))),
	CONSTRAINT "renja_node_pagu_ck" CHECK ("renja_node"."pagu" >= 0)
);
--> statement-breakpoint
CREATE TABLE "renja_node_sasaran" (
	"pemda_id" uuid NOT NULL,
	"renja_node_id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"sasaran_kode" text NOT NULL,
	CONSTRAINT "renja_node_sasaran_pkey" PRIMARY KEY("pemda_id","renja_node_id","urutan"),
	CONSTRAINT "renja_node_sasaran_kode_uq" UNIQUE("pemda_id","renja_node_id","sasaran_kode")
);
--> statement-breakpoint
CREATE TABLE "renja_versi" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"opd_id" uuid NOT NULL,
	"tahun_opd_id" uuid NOT NULL,
	"versi" "versi_renja" NOT NULL,
	"nama" text,
	"tanggal" date,
	"sumber" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "renja_versi_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "renja_versi_urutan_uq" UNIQUE("pemda_id","tahun_opd_id","urutan"),
	CONSTRAINT "renja_versi_versi_uq" UNIQUE("pemda_id","tahun_opd_id","versi"),
	CONSTRAINT "renja_versi_scope_uq" UNIQUE("pemda_id","opd_id","id")
);
--> statement-breakpoint
CREATE TABLE "renstra" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"opd_id" uuid NOT NULL,
	"periode_awal" integer NOT NULL,
	"periode_akhir" integer NOT NULL,
	"nomor_dokumen" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "renstra_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "renstra_urutan_uq" UNIQUE("pemda_id","opd_id","urutan"),
	CONSTRAINT "renstra_periode_uq" UNIQUE("pemda_id","opd_id","periode_awal"),
	CONSTRAINT "renstra_periode_ck" CHECK ("renstra"."periode_akhir" >= "renstra"."periode_awal")
);
--> statement-breakpoint
CREATE TABLE "rpjmd" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"periode_awal" integer NOT NULL,
	"periode_akhir" integer NOT NULL,
	"nomor_dokumen" text,
	"visi" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "rpjmd_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "rpjmd_urutan_uq" UNIQUE("pemda_id","urutan"),
	CONSTRAINT "rpjmd_periode_uq" UNIQUE("pemda_id","periode_awal"),
	CONSTRAINT "rpjmd_periode_ck" CHECK ("rpjmd"."periode_akhir" >= "rpjmd"."periode_awal")
);
--> statement-breakpoint
CREATE TABLE "rpjmd_misi" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"rpjmd_id" uuid NOT NULL,
	"kode" text NOT NULL,
	"nomor" integer NOT NULL,
	"uraian" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "rpjmd_misi_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "rpjmd_misi_urutan_uq" UNIQUE("pemda_id","rpjmd_id","urutan"),
	CONSTRAINT "rpjmd_misi_kode_uq" UNIQUE("pemda_id","rpjmd_id","kode"),
	CONSTRAINT "rpjmd_misi_scope_uq" UNIQUE("pemda_id","rpjmd_id","id")
);
--> statement-breakpoint
CREATE TABLE "rpjmd_sasaran" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"rpjmd_id" uuid NOT NULL,
	"tujuan_id" uuid NOT NULL,
	"kode" text NOT NULL,
	"uraian" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "rpjmd_sasaran_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "rpjmd_sasaran_urutan_uq" UNIQUE("pemda_id","rpjmd_id","urutan"),
	CONSTRAINT "rpjmd_sasaran_kode_uq" UNIQUE("pemda_id","rpjmd_id","kode"),
	CONSTRAINT "rpjmd_sasaran_scope_uq" UNIQUE("pemda_id","rpjmd_id","id")
);
--> statement-breakpoint
CREATE TABLE "rpjmd_tujuan" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"rpjmd_id" uuid NOT NULL,
	"misi_id" uuid NOT NULL,
	"kode" text NOT NULL,
	"uraian" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "rpjmd_tujuan_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "rpjmd_tujuan_urutan_uq" UNIQUE("pemda_id","rpjmd_id","urutan"),
	CONSTRAINT "rpjmd_tujuan_kode_uq" UNIQUE("pemda_id","rpjmd_id","kode"),
	CONSTRAINT "rpjmd_tujuan_scope_uq" UNIQUE("pemda_id","rpjmd_id","id")
);
--> statement-breakpoint
CREATE TABLE "sasaran" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"renstra_id" uuid NOT NULL,
	"tujuan_id" uuid NOT NULL,
	"kode" text NOT NULL,
	"nomor" integer NOT NULL,
	"uraian" text NOT NULL,
	"rpjmd_sasaran_kode" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "sasaran_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "sasaran_urutan_uq" UNIQUE("pemda_id","renstra_id","urutan"),
	CONSTRAINT "sasaran_kode_uq" UNIQUE("pemda_id","renstra_id","kode"),
	CONSTRAINT "sasaran_scope_uq" UNIQUE("pemda_id","renstra_id","id")
);
--> statement-breakpoint
CREATE TABLE "sdgs" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"tahun_opd_id" uuid NOT NULL,
	"nomor" integer NOT NULL,
	"tujuan_sdgs" text NOT NULL,
	"sub_kegiatan_kode" text NOT NULL,
	"target" numeric NOT NULL,
	"realisasi" numeric NOT NULL,
	"satuan" text NOT NULL,
	"sumber" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "sdgs_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "sdgs_urutan_uq" UNIQUE("pemda_id","tahun_opd_id","urutan")
);
--> statement-breakpoint
CREATE TABLE "tahun_opd" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"opd_id" uuid NOT NULL,
	"tahun" integer NOT NULL,
	"lkjip" jsonb,
	"narasi" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "tahun_opd_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "tahun_opd_urutan_uq" UNIQUE("pemda_id","opd_id","urutan"),
	CONSTRAINT "tahun_opd_tahun_uq" UNIQUE("pemda_id","opd_id","tahun"),
	CONSTRAINT "tahun_opd_scope_uq" UNIQUE("pemda_id","opd_id","id")
);
--> statement-breakpoint
CREATE TABLE "tindak_lanjut" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"tahun_opd_id" uuid NOT NULL,
	"rekomendasi" text NOT NULL,
	"tindak_lanjut" text NOT NULL,
	"tahun_evaluasi" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "tindak_lanjut_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "tindak_lanjut_urutan_uq" UNIQUE("pemda_id","tahun_opd_id","urutan")
);
--> statement-breakpoint
CREATE TABLE "tujuan" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"renstra_id" uuid NOT NULL,
	"kode" text NOT NULL,
	"uraian" text NOT NULL,
	"rpjmd_tujuan_kode" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "tujuan_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "tujuan_urutan_uq" UNIQUE("pemda_id","renstra_id","urutan"),
	CONSTRAINT "tujuan_kode_uq" UNIQUE("pemda_id","renstra_id","kode"),
	CONSTRAINT "tujuan_scope_uq" UNIQUE("pemda_id","renstra_id","id")
);
--> statement-breakpoint
CREATE TABLE "unit" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"opd_id" uuid NOT NULL,
	"kode" text NOT NULL,
	"nama" text NOT NULL,
	"jenis" "jenis_unit" NOT NULL,
	"induk_id" uuid,
	"tugas" text,
	"fungsi" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "unit_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "unit_urutan_uq" UNIQUE("pemda_id","opd_id","urutan"),
	CONSTRAINT "unit_kode_uq" UNIQUE("pemda_id","opd_id","kode"),
	CONSTRAINT "unit_scope_uq" UNIQUE("pemda_id","opd_id","id"),
	CONSTRAINT "unit_induk_ck" CHECK ("unit"."induk_id" <> "unit"."id")
);
--> statement-breakpoint
ALTER TABLE "anggaran_baris" ADD CONSTRAINT "anggaran_baris_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anggaran_baris" ADD CONSTRAINT "anggaran_baris_anggaran_versi_fk" FOREIGN KEY ("pemda_id","anggaran_versi_id") REFERENCES "public"."anggaran_versi"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anggaran_kelompok" ADD CONSTRAINT "anggaran_kelompok_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anggaran_kelompok" ADD CONSTRAINT "anggaran_kelompok_anggaran_versi_fk" FOREIGN KEY ("pemda_id","anggaran_versi_id") REFERENCES "public"."anggaran_versi"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anggaran_versi" ADD CONSTRAINT "anggaran_versi_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anggaran_versi" ADD CONSTRAINT "anggaran_versi_tahun_opd_fk" FOREIGN KEY ("pemda_id","tahun_opd_id") REFERENCES "public"."tahun_opd"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ikk" ADD CONSTRAINT "ikk_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ikk" ADD CONSTRAINT "ikk_tahun_opd_fk" FOREIGN KEY ("pemda_id","tahun_opd_id") REFERENCES "public"."tahun_opd"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iku_baris" ADD CONSTRAINT "iku_baris_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iku_baris" ADD CONSTRAINT "iku_baris_iku_versi_fk" FOREIGN KEY ("pemda_id","renstra_id","iku_versi_id") REFERENCES "public"."iku_versi"("pemda_id","renstra_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iku_baris" ADD CONSTRAINT "iku_baris_sasaran_fk" FOREIGN KEY ("pemda_id","renstra_id","sasaran_id") REFERENCES "public"."sasaran"("pemda_id","renstra_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iku_baris" ADD CONSTRAINT "iku_baris_indikator_fk" FOREIGN KEY ("pemda_id","renstra_id","indikator_id") REFERENCES "public"."indikator"("pemda_id","renstra_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iku_versi" ADD CONSTRAINT "iku_versi_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iku_versi" ADD CONSTRAINT "iku_versi_renstra_fk" FOREIGN KEY ("pemda_id","renstra_id") REFERENCES "public"."renstra"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indikator" ADD CONSTRAINT "indikator_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indikator" ADD CONSTRAINT "indikator_renstra_fk" FOREIGN KEY ("pemda_id","renstra_id") REFERENCES "public"."renstra"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indikator" ADD CONSTRAINT "indikator_tujuan_fk" FOREIGN KEY ("pemda_id","renstra_id","tujuan_id") REFERENCES "public"."tujuan"("pemda_id","renstra_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indikator" ADD CONSTRAINT "indikator_sasaran_fk" FOREIGN KEY ("pemda_id","renstra_id","sasaran_id") REFERENCES "public"."sasaran"("pemda_id","renstra_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indikator_daerah" ADD CONSTRAINT "indikator_daerah_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indikator_daerah" ADD CONSTRAINT "indikator_daerah_rpjmd_fk" FOREIGN KEY ("pemda_id","rpjmd_id") REFERENCES "public"."rpjmd"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indikator_daerah" ADD CONSTRAINT "indikator_daerah_sasaran_fk" FOREIGN KEY ("pemda_id","rpjmd_id","sasaran_id") REFERENCES "public"."rpjmd_sasaran"("pemda_id","rpjmd_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indikator_daerah_pembanding" ADD CONSTRAINT "indikator_daerah_pembanding_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indikator_daerah_pembanding" ADD CONSTRAINT "indikator_daerah_pembanding_indikator_fk" FOREIGN KEY ("pemda_id","indikator_daerah_id") REFERENCES "public"."indikator_daerah"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indikator_daerah_pengampu" ADD CONSTRAINT "indikator_daerah_pengampu_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indikator_daerah_pengampu" ADD CONSTRAINT "indikator_daerah_pengampu_indikator_fk" FOREIGN KEY ("pemda_id","indikator_daerah_id") REFERENCES "public"."indikator_daerah"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indikator_daerah_pengampu" ADD CONSTRAINT "indikator_daerah_pengampu_opd_fk" FOREIGN KEY ("pemda_id","opd_id") REFERENCES "public"."opd"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indikator_daerah_realisasi" ADD CONSTRAINT "indikator_daerah_realisasi_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indikator_daerah_realisasi" ADD CONSTRAINT "indikator_daerah_realisasi_indikator_fk" FOREIGN KEY ("pemda_id","indikator_daerah_id") REFERENCES "public"."indikator_daerah"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indikator_daerah_target" ADD CONSTRAINT "indikator_daerah_target_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indikator_daerah_target" ADD CONSTRAINT "indikator_daerah_target_indikator_fk" FOREIGN KEY ("pemda_id","indikator_daerah_id") REFERENCES "public"."indikator_daerah"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indikator_target" ADD CONSTRAINT "indikator_target_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indikator_target" ADD CONSTRAINT "indikator_target_indikator_fk" FOREIGN KEY ("pemda_id","indikator_id") REFERENCES "public"."indikator"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opd" ADD CONSTRAINT "opd_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pejabat" ADD CONSTRAINT "pejabat_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pejabat" ADD CONSTRAINT "pejabat_opd_fk" FOREIGN KEY ("pemda_id","opd_id") REFERENCES "public"."opd"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pejabat" ADD CONSTRAINT "pejabat_unit_fk" FOREIGN KEY ("pemda_id","opd_id","unit_id") REFERENCES "public"."unit"("pemda_id","opd_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pemda_pejabat" ADD CONSTRAINT "pemda_pejabat_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penghargaan" ADD CONSTRAINT "penghargaan_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penghargaan" ADD CONSTRAINT "penghargaan_tahun_opd_fk" FOREIGN KEY ("pemda_id","tahun_opd_id") REFERENCES "public"."tahun_opd"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pk" ADD CONSTRAINT "pk_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pk" ADD CONSTRAINT "pk_tahun_opd_fk" FOREIGN KEY ("pemda_id","tahun_opd_id") REFERENCES "public"."tahun_opd"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pk_anggaran" ADD CONSTRAINT "pk_anggaran_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pk_anggaran" ADD CONSTRAINT "pk_anggaran_pk_fk" FOREIGN KEY ("pemda_id","pk_id") REFERENCES "public"."pk"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pk_kinerja" ADD CONSTRAINT "pk_kinerja_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pk_kinerja" ADD CONSTRAINT "pk_kinerja_pk_fk" FOREIGN KEY ("pemda_id","pk_id") REFERENCES "public"."pk"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pk_penjelasan" ADD CONSTRAINT "pk_penjelasan_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pk_penjelasan" ADD CONSTRAINT "pk_penjelasan_pk_fk" FOREIGN KEY ("pemda_id","pk_id") REFERENCES "public"."pk"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "realisasi" ADD CONSTRAINT "realisasi_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "realisasi" ADD CONSTRAINT "realisasi_tahun_opd_fk" FOREIGN KEY ("pemda_id","tahun_opd_id") REFERENCES "public"."tahun_opd"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rencana_aksi" ADD CONSTRAINT "rencana_aksi_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rencana_aksi" ADD CONSTRAINT "rencana_aksi_tahun_opd_fk" FOREIGN KEY ("pemda_id","tahun_opd_id") REFERENCES "public"."tahun_opd"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renja_indikator" ADD CONSTRAINT "renja_indikator_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renja_indikator" ADD CONSTRAINT "renja_indikator_node_fk" FOREIGN KEY ("pemda_id","renja_versi_id","renja_node_id") REFERENCES "public"."renja_node"("pemda_id","renja_versi_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renja_node" ADD CONSTRAINT "renja_node_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renja_node" ADD CONSTRAINT "renja_node_renja_versi_fk" FOREIGN KEY ("pemda_id","opd_id","renja_versi_id") REFERENCES "public"."renja_versi"("pemda_id","opd_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renja_node" ADD CONSTRAINT "renja_node_induk_fk" FOREIGN KEY ("pemda_id","renja_versi_id","induk_id","induk_level") REFERENCES "public"."renja_node"("pemda_id","renja_versi_id","id","level") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renja_node" ADD CONSTRAINT "renja_node_unit_fk" FOREIGN KEY ("pemda_id","opd_id","unit_id") REFERENCES "public"."unit"("pemda_id","opd_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renja_node_sasaran" ADD CONSTRAINT "renja_node_sasaran_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renja_node_sasaran" ADD CONSTRAINT "renja_node_sasaran_node_fk" FOREIGN KEY ("pemda_id","renja_node_id") REFERENCES "public"."renja_node"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renja_versi" ADD CONSTRAINT "renja_versi_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renja_versi" ADD CONSTRAINT "renja_versi_tahun_opd_fk" FOREIGN KEY ("pemda_id","opd_id","tahun_opd_id") REFERENCES "public"."tahun_opd"("pemda_id","opd_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renstra" ADD CONSTRAINT "renstra_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renstra" ADD CONSTRAINT "renstra_opd_fk" FOREIGN KEY ("pemda_id","opd_id") REFERENCES "public"."opd"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rpjmd" ADD CONSTRAINT "rpjmd_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rpjmd_misi" ADD CONSTRAINT "rpjmd_misi_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rpjmd_misi" ADD CONSTRAINT "rpjmd_misi_rpjmd_fk" FOREIGN KEY ("pemda_id","rpjmd_id") REFERENCES "public"."rpjmd"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rpjmd_sasaran" ADD CONSTRAINT "rpjmd_sasaran_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rpjmd_sasaran" ADD CONSTRAINT "rpjmd_sasaran_rpjmd_fk" FOREIGN KEY ("pemda_id","rpjmd_id") REFERENCES "public"."rpjmd"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rpjmd_sasaran" ADD CONSTRAINT "rpjmd_sasaran_tujuan_fk" FOREIGN KEY ("pemda_id","rpjmd_id","tujuan_id") REFERENCES "public"."rpjmd_tujuan"("pemda_id","rpjmd_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rpjmd_tujuan" ADD CONSTRAINT "rpjmd_tujuan_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rpjmd_tujuan" ADD CONSTRAINT "rpjmd_tujuan_rpjmd_fk" FOREIGN KEY ("pemda_id","rpjmd_id") REFERENCES "public"."rpjmd"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rpjmd_tujuan" ADD CONSTRAINT "rpjmd_tujuan_misi_fk" FOREIGN KEY ("pemda_id","rpjmd_id","misi_id") REFERENCES "public"."rpjmd_misi"("pemda_id","rpjmd_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sasaran" ADD CONSTRAINT "sasaran_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sasaran" ADD CONSTRAINT "sasaran_renstra_fk" FOREIGN KEY ("pemda_id","renstra_id") REFERENCES "public"."renstra"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sasaran" ADD CONSTRAINT "sasaran_tujuan_fk" FOREIGN KEY ("pemda_id","renstra_id","tujuan_id") REFERENCES "public"."tujuan"("pemda_id","renstra_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sdgs" ADD CONSTRAINT "sdgs_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sdgs" ADD CONSTRAINT "sdgs_tahun_opd_fk" FOREIGN KEY ("pemda_id","tahun_opd_id") REFERENCES "public"."tahun_opd"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tahun_opd" ADD CONSTRAINT "tahun_opd_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tahun_opd" ADD CONSTRAINT "tahun_opd_opd_fk" FOREIGN KEY ("pemda_id","opd_id") REFERENCES "public"."opd"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tindak_lanjut" ADD CONSTRAINT "tindak_lanjut_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tindak_lanjut" ADD CONSTRAINT "tindak_lanjut_tahun_opd_fk" FOREIGN KEY ("pemda_id","tahun_opd_id") REFERENCES "public"."tahun_opd"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tujuan" ADD CONSTRAINT "tujuan_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tujuan" ADD CONSTRAINT "tujuan_renstra_fk" FOREIGN KEY ("pemda_id","renstra_id") REFERENCES "public"."renstra"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit" ADD CONSTRAINT "unit_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit" ADD CONSTRAINT "unit_opd_fk" FOREIGN KEY ("pemda_id","opd_id") REFERENCES "public"."opd"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit" ADD CONSTRAINT "unit_induk_fk" FOREIGN KEY ("pemda_id","opd_id","induk_id") REFERENCES "public"."unit"("pemda_id","opd_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "iku_baris_sasaran_idx" ON "iku_baris" USING btree ("pemda_id","sasaran_id");--> statement-breakpoint
CREATE INDEX "iku_baris_indikator_idx" ON "iku_baris" USING btree ("pemda_id","indikator_id");--> statement-breakpoint
CREATE INDEX "indikator_daerah_sasaran_idx" ON "indikator_daerah" USING btree ("pemda_id","sasaran_id");--> statement-breakpoint
CREATE INDEX "indikator_daerah_pengampu_opd_idx" ON "indikator_daerah_pengampu" USING btree ("pemda_id","opd_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indikator_daerah_target_tunggal_uq" ON "indikator_daerah_target" USING btree ("pemda_id","indikator_daerah_id","jenis") WHERE "indikator_daerah_target"."jenis" <> 'target';--> statement-breakpoint
CREATE UNIQUE INDEX "indikator_target_tunggal_uq" ON "indikator_target" USING btree ("pemda_id","indikator_id","jenis") WHERE "indikator_target"."jenis" <> 'target';--> statement-breakpoint
CREATE INDEX "pejabat_unit_idx" ON "pejabat" USING btree ("pemda_id","opd_id","unit_id");--> statement-breakpoint
CREATE INDEX "renja_node_induk_idx" ON "renja_node" USING btree ("pemda_id","renja_versi_id","induk_id");--> statement-breakpoint
CREATE INDEX "renja_node_unit_idx" ON "renja_node" USING btree ("pemda_id","opd_id","unit_id");--> statement-breakpoint
CREATE INDEX "rpjmd_sasaran_tujuan_idx" ON "rpjmd_sasaran" USING btree ("pemda_id","tujuan_id");--> statement-breakpoint
CREATE INDEX "rpjmd_tujuan_misi_idx" ON "rpjmd_tujuan" USING btree ("pemda_id","misi_id");--> statement-breakpoint
CREATE INDEX "sasaran_tujuan_idx" ON "sasaran" USING btree ("pemda_id","tujuan_id");--> statement-breakpoint
CREATE INDEX "unit_induk_idx" ON "unit" USING btree ("pemda_id","opd_id","induk_id");