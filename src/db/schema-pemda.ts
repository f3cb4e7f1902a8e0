/**
 * The `pemda` table, the root of every tenant: its own module so that both schema.ts (the
 * dataset's tables) and schema-app.ts (the application's tables) refer to it without importing
 * each other. schema.ts re-exports it.
 */
import { integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { Pemda, type Pengaturan } from '../dataset/schema.ts';

export const jenisPemdaEnum = pgEnum('jenis_pemda', Pemda.shape.jenis.enum);

/** Columns of a record users will edit; `version` is for optimistic concurrency. */
export const editable = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const pemda = pgTable('pemda', {
  id: uuid('id').primaryKey(),
  slug: text('slug').notNull().unique('pemda_slug_uq'),
  nama: text('nama').notNull(),
  jenis: jenisPemdaEnum('jenis').notNull(),
  provinsi: text('provinsi'),
  ibukota: text('ibukota'),
  pengaturan: jsonb('pengaturan').$type<z.infer<typeof Pengaturan>>().notNull(),
  ...editable(),
});
