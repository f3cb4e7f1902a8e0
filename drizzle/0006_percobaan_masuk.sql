CREATE TABLE "percobaan_masuk" (
	"akun" text NOT NULL,
	"alamat" text NOT NULL,
	"gagal" integer NOT NULL,
	"terakhir" timestamp with time zone NOT NULL,
	"tunda_sampai" timestamp with time zone,
	CONSTRAINT "percobaan_masuk_pkey" PRIMARY KEY("akun","alamat"),
	CONSTRAINT "percobaan_masuk_gagal_ck" CHECK ("percobaan_masuk"."gagal" >= 0)
);
--> statement-breakpoint
CREATE INDEX "percobaan_masuk_terakhir_idx" ON "percobaan_masuk" USING btree ("terakhir");