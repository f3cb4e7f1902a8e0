import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StatusEntri } from './status.ts';
import { type AksiStatus, type Aktor, boleh, CAKUPAN_TOKEN, type CakupanToken, lingkupEntri, opdTerlihat, type Penugasan, putuskanTransisi, putuskanUbah } from './policy.ts';

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
    for (const jenis of ['lkjip', 'pk', 'triwulan', 'renstra', 'iku', 'renja', 'rencana-aksi', 'tindak-lanjut', 'paket-reviu', 'pratinjau'] as const) {
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

describe('policy: API tokens', () => {
  const token = (...cakupan: CakupanToken[]): Aktor => ({ ...aktor(), token: { id: 't', nama: 'T', cakupan } });
  const baca = token('baca');
  const entri = token('baca', 'tulis:entri');
  const semua = token(...CAKUPAN_TOKEN);
  const unit = ['bidang-hi'];

  it('a read token reads what pimpinan reads, and the feed; no NIPs, no audit log', () => {
    for (const t of [
      { aksi: 'opd:baca', opd: OPD },
      { aksi: 'entri:baca', opd: OPD, unit },
      { aksi: 'indikator:baca', opd: OPD, unit },
      { aksi: 'dokumen:unduh', opd: OPD, jenis: 'lkjip' },
      { aksi: 'ekspor:tabel', opd: OPD },
      { aksi: 'register:baca', opd: OPD },
      { aksi: 'perubahan:baca' },
    ] as const) {
      assert.equal(boleh(baca, t), true, t.aksi);
      assert.equal(boleh(ROLES.pimpinan, t), true, t.aksi);
    }
    for (const aksi of ['nip:lihat', 'register:kelola', 'entri:ubah', 'rencana:ubah', 'anggaran:ubah'] as const) assert.equal(boleh(baca, { aksi, opd: OPD, unit }), false, aksi);
    assert.equal(boleh(baca, { aksi: 'audit:baca' }), false);
    assert.deepEqual(opdTerlihat(baca, [OPD, 'dinkes']), [OPD, 'dinkes']);
    assert.deepEqual(lingkupEntri(baca, OPD), { semua: true });
    assert.deepEqual(opdTerlihat(token('tulis:entri'), [OPD]), []);
  });

  it('a write scope writes its own area only', () => {
    assert.equal(boleh(entri, { aksi: 'entri:ubah', opd: OPD, unit }), true);
    assert.equal(boleh(entri, { aksi: 'impor:realisasi-kinerja', opd: OPD }), true);
    assert.equal(boleh(entri, { aksi: 'rencana:ubah', opd: OPD }), false);
    assert.equal(boleh(entri, { aksi: 'anggaran:ubah', opd: OPD }), false);
    assert.equal(boleh(entri, { aksi: 'register:kelola', opd: OPD }), false);
    assert.equal(boleh(token('baca', 'tulis:register'), { aksi: 'register:kelola', opd: OPD }), true);
    assert.deepEqual(putuskanUbah(entri, { opd: OPD, unit, status: 'draf' }), { hasil: 'boleh', ke: 'draf' });
  });

  it('no scope reaches people’s duties: workflow moves, sign-off, settings, users, backups, tokens', () => {
    for (const aksi of ['ajukan', 'verifikasi', 'setujui', 'tolak'] as const) assert.equal(putuskanTransisi(semua, aksi, { opd: OPD, unit, status: 'diajukan' }).hasil, 'dilarang', aksi);
    for (const aksi of ['tenggat:atur', 'pengguna:kelola', 'skala:atur', 'cadangan:kelola', 'audit:baca', 'token:kelola'] as const) assert.equal(boleh(semua, { aksi }), false, aksi);
    for (const aksi of ['evaluasi:isi', 'tindak-lanjut:isi', 'tahun:sahkan', 'tahun:buka', 'narasi:ubah', 'nip:lihat'] as const) assert.equal(boleh(semua, { aksi, opd: OPD }), false, aksi);
  });

  it('tokens are managed by the admin pemda; the feed is read by pemda-wide roles', () => {
    assert.deepEqual(who((a) => boleh(a, { aksi: 'token:kelola' })), ['admin']);
    assert.deepEqual(who((a) => boleh(a, { aksi: 'perubahan:baca' })), ['admin', 'inspektorat', 'pimpinan']);
  });
});
