CREATE TABLE "nama_pengguna" (
	"username" text PRIMARY KEY NOT NULL,
	"pemda_id" uuid NOT NULL,
	"pengguna_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pengguna" DROP CONSTRAINT "pengguna_username_uq";--> statement-breakpoint
ALTER TABLE "sesi" DROP CONSTRAINT "sesi_id_uq";--> statement-breakpoint
ALTER TABLE "token_api" DROP CONSTRAINT "token_api_hash_uq";--> statement-breakpoint
ALTER TABLE "nama_pengguna" ADD CONSTRAINT "nama_pengguna_pemda_fk" FOREIGN KEY ("pemda_id") REFERENCES "public"."pemda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pengguna" ADD CONSTRAINT "pengguna_username_uq" UNIQUE("pemda_id","username");--> statement-breakpoint
ALTER TABLE "token_api" ADD CONSTRAINT "token_api_hash_uq" UNIQUE("pemda_id","hash");--> statement-breakpoint
-- Every account's name enters the installation-wide list; from here on the account commands write both.
INSERT INTO "nama_pengguna" ("username", "pemda_id", "pengguna_id") SELECT "username", "pemda_id", "id" FROM "pengguna";--> statement-breakpoint
-- Session cookies now carry the pemda (`<pemda id>.<token>`), so that every request's session lookup names its pemda;
-- sessions made before cannot be found that way and end here: their users sign in again.
DELETE FROM "sesi";
