import { randomFillSync } from 'node:crypto';

/** Random bytes are drawn in blocks: a dataset needs thousands of ids at once. */
const POOL_IDS = 512;
const pool = Buffer.alloc(16 * POOL_IDS);
let next = POOL_IDS;

/**
 * A UUIDv7 (RFC 9562): 48-bit millisecond timestamp, then random bits. Rows are written in
 * time order, so the primary-key indexes grow at their right edge instead of taking random
 * page splits as UUIDv4 keys would. Ids are made here rather than by the database so that a
 * whole dataset can be keyed, parents and children, before one batch insert per table.
 */
export function newId(): string {
  if (next === POOL_IDS) {
    randomFillSync(pool);
    next = 0;
  }
  const bytes = pool.subarray(16 * next, 16 * next + 16);
  next += 1;
  bytes.writeUIntBE(Date.now(), 0, 6);
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x70, 6);
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
