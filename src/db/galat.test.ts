import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { galatBasisData, pelanggaranUnik } from './galat.ts';

/** A driver error as node-postgres gives it. */
const galat = (fields: { message?: string } & Record<string, unknown>) => Object.assign(new Error(fields.message ?? 'galat'), fields);

describe('database errors', () => {
  it('keep SQLSTATE, constraint, table and column, found along the cause chain', () => {
    const e = new Error('Failed query: insert ...', { cause: galat({ code: '23505', constraint: 'realisasi_periode_uq', table: 'realisasi' }) });
    assert.deepEqual(galatBasisData(e), { code: '23505', constraint: 'realisasi_periode_uq', table: 'realisasi', column: undefined });
    assert.equal(galatBasisData(new Error('bukan basis data')), undefined);
  });

  it("read Citus's shard names back to the schema's, and its worker messages under XX000 to their SQLSTATE", () => {
    const router = galat({ code: '23505', constraint: 'pengguna_username_uq_102093', table: 'pengguna_102093' });
    assert.deepEqual(galatBasisData(router), { code: '23505', constraint: 'pengguna_username_uq', table: 'pengguna', column: undefined });
    const banyakShard = galat({
      code: 'XX000',
      message: 'duplicate key value violates unique constraint "realisasi_periode_uq_102957"',
    });
    assert.equal(pelanggaranUnik(new Error('Failed query', { cause: banyakShard }))?.constraint, 'realisasi_periode_uq');
    const fk = galat({ code: 'XX000', message: 'insert or update on table "unit_102010" violates foreign key constraint "unit_opd_fk_102010"' });
    assert.deepEqual(galatBasisData(fk), { code: '23503', constraint: 'unit_opd_fk', table: undefined, column: undefined });
    // Any other internal error stays what it is.
    assert.deepEqual(galatBasisData(galat({ code: 'XX000', message: 'could not connect to worker' })), { code: 'XX000', constraint: undefined, table: undefined, column: undefined });
  });
});
