DROP INDEX "renja_node_induk_idx";--> statement-breakpoint
CREATE INDEX "renja_node_induk_idx" ON "renja_node" USING btree ("pemda_id","induk_id","renja_versi_id","induk_level");