CREATE TABLE "revisi_data" (
	"pemda_id" uuid NOT NULL,
	"lingkup" text NOT NULL,
	"revisi" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "revisi_data_pkey" PRIMARY KEY("pemda_id","lingkup")
);
--> statement-breakpoint
ALTER TABLE "revisi_data" ADD CONSTRAINT "revisi_data_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;