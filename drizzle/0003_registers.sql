CREATE TABLE "indikator_rumus" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"indikator_id" uuid NOT NULL,
	"rumus" jsonb NOT NULL,
	CONSTRAINT "indikator_rumus_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "indikator_rumus_indikator_uq" UNIQUE("pemda_id","indikator_id")
);
--> statement-breakpoint
CREATE TABLE "register" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"opd_id" uuid NOT NULL,
	"kode" text NOT NULL,
	"nama" text NOT NULL,
	"uraian" text,
	"preset" text,
	"unit_kode" text,
	"kolom" jsonb NOT NULL,
	"periode" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "register_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "register_kode_uq" UNIQUE("pemda_id","opd_id","kode"),
	CONSTRAINT "register_urutan_uq" UNIQUE("pemda_id","opd_id","urutan")
);
--> statement-breakpoint
CREATE TABLE "register_baris" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"register_id" uuid NOT NULL,
	"kode" text NOT NULL,
	"nilai" jsonb NOT NULL,
	"keterangan" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "register_baris_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "register_baris_kode_uq" UNIQUE("pemda_id","register_id","kode")
);
--> statement-breakpoint
CREATE TABLE "register_total" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"register_id" uuid NOT NULL,
	"kode" text NOT NULL,
	"tahun" smallint NOT NULL,
	"bulan_dari" smallint NOT NULL,
	"bulan_sampai" smallint NOT NULL,
	"nilai" jsonb NOT NULL,
	"keterangan" text NOT NULL,
	CONSTRAINT "register_total_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "register_total_kode_uq" UNIQUE("pemda_id","register_id","kode"),
	CONSTRAINT "register_total_bulan_ck" CHECK ("register_total"."bulan_dari" between 1 and 12 and "register_total"."bulan_sampai" between "register_total"."bulan_dari" and 12)
);
--> statement-breakpoint
ALTER TABLE "indikator_rumus" ADD CONSTRAINT "indikator_rumus_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indikator_rumus" ADD CONSTRAINT "indikator_rumus_indikator_fk" FOREIGN KEY ("pemda_id","indikator_id") REFERENCES "public"."indikator"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register" ADD CONSTRAINT "register_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register" ADD CONSTRAINT "register_opd_fk" FOREIGN KEY ("pemda_id","opd_id") REFERENCES "public"."opd"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_baris" ADD CONSTRAINT "register_baris_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_baris" ADD CONSTRAINT "register_baris_register_fk" FOREIGN KEY ("pemda_id","register_id") REFERENCES "public"."register"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_total" ADD CONSTRAINT "register_total_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_total" ADD CONSTRAINT "register_total_register_fk" FOREIGN KEY ("pemda_id","register_id") REFERENCES "public"."register"("pemda_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "register_baris_register_idx" ON "register_baris" USING btree ("pemda_id","register_id","urutan");