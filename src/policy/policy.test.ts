import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StatusEntri } from './status.ts';
import { type AksiStatus, type Aktor, boleh, lingkupEntri, opdTerlihat, type Penugasan, putuskanTransisi, putuskanUbah } from './policy.ts';

const OPD = 'disnakertrans';
const aktor = (...peran: Penugasan[]): Aktor => ({ id: 'u', username: 'u', nama: 'U', pemdaId: 'p', pemdaSlug: 'paser', pemdaNama: 'Paser', peran });

const ROLES = {
  admin: aktor({ peran: 'admin-pemda' }),
  perencana: aktor({ peran: 'perencana', opd: OPD }),
  kepala: aktor({ peran: 'kepala-opd', opd: OPD }),
  keuangan: aktor({ peran: 'keuangan', opd: OPD }),
  inspektorat: aktor({ peran: 'inspektorat' }),
  pimpinan: aktor({ peran: 'pimpinan' }),
  kabidHi: aktor({ peran: 'kepala-unit', opd: OPD, unit: 'bidang-hi' }),
  perencanaLain: aktor({ peran: 'perencana', opd: 'dinkes' }),
};
type Nama = keyof typeof ROLES;
const who = (pred: (a: Aktor) => boolean) =>
  (Object.keys(ROLES) as Nama[])
    .filter((n) => pred(ROLES[n]))
    .sort();

describe('policy', () => {
  it('reading an OPD: pemda-wide roles and the OPD roles, never a unit head or another OPD', () => {
    assert.deepEqual(who((a) => boleh(a, { aksi: 'opd:baca', opd: OPD })), ['admin', 'inspektorat', 'kepala', 'keuangan', 'perencana', 'pimpinan']);
  });

  it('a unit head reads and edits only the indicators its unit owns', () => {
    const hi = ROLES.kabidHi;
    assert.equal(boleh(hi, { aksi: 'entri:baca', opd: OPD, unit: ['bidang-hi'] }), true);
    assert.equal(boleh(hi, { aksi: 'entri:baca', opd: OPD, unit: ['bidang-p2k', 'uptd-blk'] }), false);
    assert.equal(boleh(hi, { aksi: 'entri:ubah', opd: OPD, unit: ['bidang-hi'] }), true);
    assert.equal(boleh(hi, { aksi: 'entri:ubah', opd: OPD, unit: [] }), false);
    assert.equal(boleh(hi, { aksi: 'entri:baca', opd: 'dinkes', unit: ['bidang-hi'] }), false);
    assert.deepEqual(lingkupEntri(hi, OPD), { semua: false, unit: new Set(['bidang-hi']) });
    assert.equal(lingkupEntri(hi, 'dinkes'), undefined);
  });

  it('editing values: the owning unit head and the OPD planner only', () => {
    assert.deepEqual(who((a) => boleh(a, { aksi: 'entri:ubah', opd: OPD, unit: ['bidang-hi'] })), ['kabidHi', 'perencana']);
  });

  it('official NIPs: admin, planner and head of the OPD only', () => {
    assert.deepEqual(who((a) => boleh(a, { aksi: 'nip:lihat', opd: OPD })), ['admin', 'kepala', 'perencana']);
  });

  it('deadlines, users and scales: admin-pemda only; budget realisation: keuangan of the OPD', () => {
    for (const aksi of ['tenggat:atur', 'pengguna:kelola', 'skala:atur'] as const) assert.deepEqual(who((a) => boleh(a, { aksi })), ['admin']);
    assert.deepEqual(who((a) => boleh(a, { aksi: 'anggaran:ubah', opd: OPD })), ['keuangan']);
  });

  it('the plan (Renstra, Renja, PK, quarterly targets): edited by the planner of the OPD only', () => {
    assert.deepEqual(who((a) => boleh(a, { aksi: 'rencana:ubah', opd: OPD })), ['perencana']);
    assert.deepEqual(who((a) => boleh(a, { aksi: 'rencana:ubah', opd: 'dishub' })), []);
  });

  it('documents of an OPD: those who read the whole OPD; a unit head not, nor another OPD\'s planner', () => {
    for (const jenis of ['lkjip', 'pk', 'triwulan', 'pratinjau'] as const) {
      assert.deepEqual(who((a) => boleh(a, { aksi: 'dokumen:unduh', opd: OPD, jenis })), ['admin', 'inspektorat', 'kepala', 'keuangan', 'perencana', 'pimpinan'], jenis);
    }
    assert.equal(boleh(ROLES.perencanaLain, { aksi: 'dokumen:unduh', opd: 'dinkes', jenis: 'lkjip' }), true);
  });

  it('imports: Renja by the OPD planner and admin-pemda; realisasi by the planner; budget realisation also by keuangan', () => {
    assert.deepEqual(who((a) => boleh(a, { aksi: 'impor:renja', opd: OPD })), ['admin', 'perencana']);
    assert.deepEqual(who((a) => boleh(a, { aksi: 'impor:realisasi-kinerja', opd: OPD })), ['perencana']);
    assert.deepEqual(who((a) => boleh(a, { aksi: 'impor:realisasi-anggaran', opd: OPD })), ['keuangan', 'perencana']);
  });

  it('table export: the readers of the OPD; backup and restore: admin-pemda only', () => {
    assert.deepEqual(who((a) => boleh(a, { aksi: 'ekspor:tabel', opd: OPD })), ['admin', 'inspektorat', 'kepala', 'keuangan', 'perencana', 'pimpinan']);
    assert.deepEqual(who((a) => boleh(a, { aksi: 'cadangan:kelola' })), ['admin']);
  });

  it('the LKJIP narrative: the planner and the head of the OPD', () => {
    assert.deepEqual(who((a) => boleh(a, { aksi: 'narasi:ubah', opd: OPD })), ['kepala', 'perencana']);
    assert.deepEqual(who((a) => boleh(a, { aksi: 'narasi:ubah', opd: 'dishub' })), []);
  });

  it('evaluation: inspektorat scores, the planner follows up, the head signs off, the admin reopens', () => {
    assert.deepEqual(who((a) => boleh(a, { aksi: 'evaluasi:isi', opd: OPD })), ['inspektorat']);
    assert.deepEqual(who((a) => boleh(a, { aksi: 'tindak-lanjut:isi', opd: OPD })), ['perencana']);
    assert.deepEqual(who((a) => boleh(a, { aksi: 'tahun:sahkan', opd: OPD })), ['kepala']);
    assert.deepEqual(who((a) => boleh(a, { aksi: 'tahun:sahkan', opd: 'dishub' })), []);
    assert.deepEqual(who((a) => boleh(a, { aksi: 'tahun:buka', opd: OPD })), ['admin']);
  });

  it('OPD list: pemda-wide roles see all, others the OPDs of their roles', () => {
    const all = ['dinkes', OPD, 'dishub'];
    assert.deepEqual(opdTerlihat(ROLES.pimpinan, all), all);
    assert.deepEqual(opdTerlihat(ROLES.kabidHi, all), [OPD]);
    assert.deepEqual(opdTerlihat(aktor({ peran: 'perencana', opd: 'dishub' }, { peran: 'keuangan', opd: 'dinkes' }), all), ['dinkes', 'dishub']);
  });

  it('workflow moves: who, from which status', () => {
    const scope = (status: StatusEntri) => ({ opd: OPD, unit: ['bidang-hi'], status });
    const hasil = (n: Nama, aksi: AksiStatus, status: StatusEntri) => putuskanTransisi(ROLES[n], aksi, scope(status)).hasil;
    assert.equal(hasil('kabidHi', 'ajukan', 'draf'), 'boleh');
    assert.equal(hasil('kabidHi', 'ajukan', 'ditolak'), 'boleh');
    assert.equal(hasil('kabidHi', 'ajukan', 'kosong'), 'status-tidak-sesuai');
    assert.equal(hasil('perencana', 'ajukan', 'draf'), 'dilarang');
    assert.equal(hasil('perencana', 'verifikasi', 'diajukan'), 'boleh');
    assert.equal(hasil('perencana', 'verifikasi', 'draf'), 'status-tidak-sesuai');
    assert.equal(hasil('kepala', 'verifikasi', 'diajukan'), 'dilarang');
    assert.equal(hasil('kepala', 'setujui', 'diverifikasi'), 'boleh');
    assert.equal(hasil('kepala', 'setujui', 'diajukan'), 'status-tidak-sesuai');
    assert.equal(hasil('perencana', 'tolak', 'diajukan'), 'boleh');
    assert.equal(hasil('perencana', 'tolak', 'diverifikasi'), 'status-tidak-sesuai');
    assert.equal(hasil('kepala', 'tolak', 'diverifikasi'), 'boleh');
    assert.equal(hasil('perencanaLain', 'verifikasi', 'diajukan'), 'dilarang');
    for (const n of ['admin', 'inspektorat', 'pimpinan', 'keuangan'] as const) {
      for (const aksi of ['ajukan', 'verifikasi', 'setujui', 'tolak'] as const) assert.equal(hasil(n, aksi, 'diajukan'), 'dilarang', `${n} ${aksi}`);
    }
  });

  it('an approved entry is locked for everyone who could otherwise act on it', () => {
    const scope = { opd: OPD, unit: ['bidang-hi'], status: 'disetujui' as const };
    assert.equal(putuskanTransisi(ROLES.kepala, 'tolak', scope).hasil, 'terkunci');
    assert.equal(putuskanUbah(ROLES.perencana, scope).hasil, 'terkunci');
    assert.equal(putuskanUbah(ROLES.pimpinan, scope).hasil, 'dilarang');
    assert.equal(putuskanUbah(ROLES.kabidHi, { ...scope, status: 'diajukan' }).hasil, 'status-tidak-sesuai');
    assert.deepEqual(putuskanUbah(ROLES.kabidHi, { ...scope, status: 'ditolak' }), { hasil: 'boleh', ke: 'draf' });
  });
});
