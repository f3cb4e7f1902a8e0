CREATE TABLE "evaluasi_sakip" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"opd_slug" text NOT NULL,
	"tahun" integer NOT NULL,
	"skor" jsonb NOT NULL,
	"rekomendasi" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "evaluasi_sakip_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "evaluasi_sakip_tahun_uq" UNIQUE("pemda_id","opd_slug","tahun")
);
--> statement-breakpoint
CREATE TABLE "pengesahan_tahun" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"opd_slug" text NOT NULL,
	"tahun" integer NOT NULL,
	"pengguna_id" uuid NOT NULL,
	"pada" timestamp with time zone NOT NULL,
	CONSTRAINT "pengesahan_tahun_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "pengesahan_tahun_uq" UNIQUE("pemda_id","opd_slug","tahun")
);
--> statement-breakpoint
ALTER TABLE "evaluasi_sakip" ADD CONSTRAINT "evaluasi_sakip_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pengesahan_tahun" ADD CONSTRAINT "pengesahan_tahun_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pengesahan_tahun" ADD CONSTRAINT "pengesahan_tahun_pengguna_fk" FOREIGN KEY ("pemda_id","pengguna_id") REFERENCES "public"."pengguna"("pemda_id","id") ON DELETE restrict ON UPDATE no action;