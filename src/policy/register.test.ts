/** Who reads registers and who manages them (and so sees personal columns). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Aktor, boleh, type Penugasan } from './policy.ts';

const OPD = 'disnakertrans';
const aktor = (...peran: Penugasan[]): Aktor => ({ id: 'u', username: 'u', nama: 'U', pemdaId: 'p', pemdaSlug: 'paser', pemdaNama: 'Paser', peran });

const ROLES: Record<string, Aktor> = {
  admin: aktor({ peran: 'admin-pemda' }),
  perencana: aktor({ peran: 'perencana', opd: OPD }),
  perencanaLain: aktor({ peran: 'perencana', opd: 'dinas-lain' }),
  kepalaOpd: aktor({ peran: 'kepala-opd', opd: OPD }),
  keuangan: aktor({ peran: 'keuangan', opd: OPD }),
  kepalaUnit: aktor({ peran: 'kepala-unit', opd: OPD, unit: 'bidang-hi' }),
  inspektorat: aktor({ peran: 'inspektorat' }),
  pimpinan: aktor({ peran: 'pimpinan' }),
};
const who = (aksi: 'register:baca' | 'register:kelola') =>
  Object.entries(ROLES)
    .filter(([, a]) => boleh(a, { aksi, opd: OPD }))
    .map(([n]) => n);

describe('register permissions', () => {
  it('managing (and seeing personal data) is for the OPD planner and the pemda admin', () => {
    assert.deepEqual(who('register:kelola'), ['admin', 'perencana']);
  });
  it('reading is for everyone with business in the OPD, not another OPD planner', () => {
    assert.deepEqual(who('register:baca'), ['admin', 'perencana', 'kepalaOpd', 'keuangan', 'kepalaUnit', 'inspektorat', 'pimpinan']);
  });
});
