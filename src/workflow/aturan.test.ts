import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deteksiMime, namaAman } from './berkas.ts';
import { batasUntuk, kunciTenggat } from './tenggat.ts';
import { type NilaiEntri, periksaNilai } from './validasi.ts';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);

describe('validasi nilai realisasi', () => {
  const persen = { satuan: '%' };
  const orang = { satuan: 'Orang' };
  const kosong: NilaiEntri = { nilai: null, pembilang: null, penyebut: null };

  it('accepts plausible values', () => {
    assert.deepEqual(periksaNilai(persen, { ...kosong, pembilang: 18, penyebut: 27 }), []);
    assert.deepEqual(periksaNilai(persen, { ...kosong, nilai: 153.85 }), []);
    assert.deepEqual(periksaNilai(orang, { ...kosong, nilai: 503 }), []);
    assert.deepEqual(periksaNilai(orang, { ...kosong, pembilang: 30, penyebut: 27 }), []);
  });

  it('refuses, in Indonesian, what cannot be right', () => {
    const paths = (v: Partial<NilaiEntri>, ind = persen) => periksaNilai(ind, { ...kosong, ...v }).map((i) => i.path);
    assert.deepEqual(paths({ pembilang: 28, penyebut: 27 }), ['pembilang']);
    assert.deepEqual(paths({ penyebut: 0 }), ['penyebut']);
    assert.deepEqual(paths({ nilai: -1 }), ['nilai']);
    assert.deepEqual(paths({ nilai: 1000.5 }), ['nilai']);
    assert.deepEqual(paths({ nilai: 1e13 }, orang), ['nilai']);
    assert.match(periksaNilai(persen, { ...kosong, pembilang: 28, penyebut: 27 })[0]?.message ?? '', /tidak boleh melebihi penyebut/);
  });
});

describe('bukti: type from content', () => {
  it('detects PDF, PNG and JPEG by their first bytes only', () => {
    assert.equal(deteksiMime(Buffer.from('%PDF-1.7\n')), 'application/pdf');
    assert.equal(deteksiMime(PNG), 'image/png');
    assert.equal(deteksiMime(Buffer.from([0xff, 0xd8, 0xff, 0xe0])), 'image/jpeg');
    assert.equal(deteksiMime(Buffer.from('<html><script>alert(1)</script>')), undefined);
    assert.equal(deteksiMime(Buffer.from('%PD')), undefined);
    assert.equal(deteksiMime(Buffer.alloc(0)), undefined);
  });

  it('keeps a harmless name and makes its extension match the content', () => {
    assert.equal(namaAman('Laporan TW1.pdf', 'application/pdf'), 'Laporan TW1.pdf');
    assert.equal(namaAman('foto.JPEG', 'image/jpeg'), 'foto.JPEG');
    assert.equal(namaAman('scan.pdf', 'image/png'), 'scan.png');
    assert.equal(namaAman('../../etc/passwd', 'application/pdf'), 'passwd.pdf');
    assert.equal(namaAman('C:\\Users\\x\\bukti.exe', 'application/pdf'), 'bukti.pdf');
    assert.equal(namaAman('a\u202Efdp.exe', 'application/pdf'), 'afdp.pdf');
    assert.equal(namaAman('', 'image/png'), 'bukti.png');
    assert.ok(namaAman(`${'x'.repeat(400)}.pdf`, 'application/pdf').length <= 150);
  });
});

describe('tenggat', () => {
  const t = {
    batas: new Date('2024-04-10T00:00:00Z'),
    pengecualian: [
      { opd: 'disnakertrans', unit: 'bidang-hi', batas: new Date('2024-04-20T00:00:00Z') },
      { opd: 'dinkes', unit: 'bidang-p2k', batas: new Date('2024-04-30T00:00:00Z') },
    ],
  };

  it('a unit exception extends the deadline for that unit of that OPD only', () => {
    assert.equal(batasUntuk(t, 'disnakertrans', ['bidang-p2k'])?.toISOString(), '2024-04-10T00:00:00.000Z');
    assert.equal(batasUntuk(t, 'disnakertrans', ['bidang-hi'])?.toISOString(), '2024-04-20T00:00:00.000Z');
    assert.equal(batasUntuk(t, 'disnakertrans', ['bidang-p2k', 'bidang-hi'])?.toISOString(), '2024-04-20T00:00:00.000Z');
    assert.equal(batasUntuk(undefined, 'disnakertrans', ['bidang-hi']), undefined);
  });

  it('locks after the deadline, with the reason', () => {
    const after = new Date('2024-04-15T00:00:00Z');
    assert.equal(kunciTenggat(t, 'disnakertrans', ['bidang-hi'], 1, after).terkunci, false);
    const k = kunciTenggat(t, 'disnakertrans', ['bidang-p2k'], 1, after);
    assert.equal(k.terkunci, true);
    assert.match(k.alasan ?? '', /tenggat pengisian triwulan 1 telah lewat/);
    assert.equal(kunciTenggat(undefined, 'disnakertrans', [], 1, after).terkunci, false);
  });
});
