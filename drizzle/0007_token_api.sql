CREATE TABLE "token_api" (
	"pemda_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"nama" text NOT NULL,
	"prefix" text NOT NULL,
	"hash" text NOT NULL,
	"cakupan" text[] NOT NULL,
	"dibuat_oleh" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "token_api_pkey" PRIMARY KEY("pemda_id","id"),
	CONSTRAINT "token_api_hash_uq" UNIQUE("hash"),
	CONSTRAINT "token_api_nama_ck" CHECK (length("token_api"."nama") between 1 and 100),
	CONSTRAINT "token_api_kedaluwarsa_ck" CHECK ("token_api"."expires_at" > "token_api"."created_at")
);
--> statement-breakpoint
-- The changes feed (src/workflow/umpan.ts) reads audit rows by writing transaction and sequence. Adding the columns rewrites
-- the table without firing the append-only trigger; rows written before share this migration's transaction id, numbered in
-- the order they were stored.
ALTER TABLE "audit_log" ADD COLUMN "xact" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "urutan" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "token_api" ADD CONSTRAINT "token_api_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "token_api" ADD CONSTRAINT "token_api_pengguna_fk" FOREIGN KEY ("pemda_id","dibuat_oleh") REFERENCES "public"."pengguna"("pemda_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_umpan_idx" ON "audit_log" USING btree ("pemda_id","xact","urutan");