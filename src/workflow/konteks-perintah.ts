/** What every workflow command runs with: the database (or transaction), who acts, when, and the request. */
import type { Db } from '../db/client.ts';
import type { Aktor } from '../policy/policy.ts';

export interface KonteksPerintah {
  db: Db;
  aktor: Aktor;
  sekarang: Date;
  requestId: string | null;
}
