ALTER TYPE "public"."peran" ADD VALUE 'pengendali-teknis';--> statement-breakpoint
CREATE TABLE "bukti_lke" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"evaluasi_id" uuid NOT NULL,
	"kriteria_kode" text NOT NULL,
	"tingkat" text NOT NULL,
	"nama_asli" text NOT NULL,
	"mime" text NOT NULL,
	"ukuran" integer NOT NULL,
	"sha256" text NOT NULL,
	"isi" "bytea" NOT NULL,
	"diunggah_oleh" uuid NOT NULL,
	"diunggah_pada" timestamp with time zone NOT NULL,
	CONSTRAINT "bukti_lke_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "bukti_lke_tingkat_ck" CHECK ("bukti_lke"."tingkat" in ('mandiri', 'evaluator', 'supervisor')),
	CONSTRAINT "bukti_lke_ukuran_ck" CHECK ("bukti_lke"."ukuran" between 1 and 5242880),
	CONSTRAINT "bukti_lke_mime_ck" CHECK ("bukti_lke"."mime" in ('application/pdf', 'image/png', 'image/jpeg'))
);
--> statement-breakpoint
CREATE TABLE "jawaban_lke" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"evaluasi_id" uuid NOT NULL,
	"kriteria_kode" text NOT NULL,
	"tingkat" text NOT NULL,
	"jawaban" text,
	"catatan" text,
	"bukti" jsonb NOT NULL,
	"diubah_oleh" uuid NOT NULL,
	"diubah_pada" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "jawaban_lke_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "jawaban_lke_uq" UNIQUE("pemda_id","evaluasi_id","kriteria_kode","tingkat"),
	CONSTRAINT "jawaban_lke_tingkat_ck" CHECK ("jawaban_lke"."tingkat" in ('mandiri', 'evaluator', 'supervisor')),
	CONSTRAINT "jawaban_lke_jawaban_ck" CHECK ("jawaban_lke"."jawaban" in ('Y', 'T', 'A', 'B', 'C', 'D', 'E'))
);
--> statement-breakpoint
CREATE TABLE "kriteria_lke" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kode" text NOT NULL,
	"nama" text NOT NULL,
	"regulasi" text NOT NULL,
	"sumber" text NOT NULL,
	"berlaku_mulai" integer NOT NULL,
	"isi" jsonb NOT NULL,
	"dimuat_pada" timestamp with time zone NOT NULL,
	CONSTRAINT "kriteria_lke_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "kriteria_lke_kode_uq" UNIQUE("pemda_id","kode")
);
--> statement-breakpoint
ALTER TABLE "evaluasi_sakip" ADD COLUMN "kriteria_id" uuid;--> statement-breakpoint
ALTER TABLE "evaluasi_sakip" ADD COLUMN "tahap" text;--> statement-breakpoint
ALTER TABLE "bukti_lke" ADD CONSTRAINT "bukti_lke_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bukti_lke" ADD CONSTRAINT "bukti_lke_evaluasi_fk" FOREIGN KEY ("pemda_id","evaluasi_id") REFERENCES "public"."evaluasi_sakip"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bukti_lke" ADD CONSTRAINT "bukti_lke_pengguna_fk" FOREIGN KEY ("pemda_id","diunggah_oleh") REFERENCES "public"."pengguna"("pemda_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jawaban_lke" ADD CONSTRAINT "jawaban_lke_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jawaban_lke" ADD CONSTRAINT "jawaban_lke_evaluasi_fk" FOREIGN KEY ("pemda_id","evaluasi_id") REFERENCES "public"."evaluasi_sakip"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jawaban_lke" ADD CONSTRAINT "jawaban_lke_pengguna_fk" FOREIGN KEY ("pemda_id","diubah_oleh") REFERENCES "public"."pengguna"("pemda_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kriteria_lke" ADD CONSTRAINT "kriteria_lke_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bukti_lke_kriteria_idx" ON "bukti_lke" USING btree ("pemda_id","evaluasi_id","kriteria_kode");--> statement-breakpoint
ALTER TABLE "evaluasi_sakip" ADD CONSTRAINT "evaluasi_sakip_kriteria_fk" FOREIGN KEY ("pemda_id","kriteria_id") REFERENCES "public"."kriteria_lke"("pemda_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluasi_sakip" ADD CONSTRAINT "evaluasi_sakip_tahap_ck" CHECK (("evaluasi_sakip"."kriteria_id" is null and "evaluasi_sakip"."tahap" is null) or ("evaluasi_sakip"."kriteria_id" is not null and "evaluasi_sakip"."tahap" in ('mandiri', 'evaluator', 'supervisor', 'final')));