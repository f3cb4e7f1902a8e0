import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { bacaBerkasDataset } from '../dataset/load.ts';
import { saveDataset } from '../db/dataset-repository.ts';
import { auditLog, namaPengguna, pengguna } from '../db/schema.ts';
import { type OpenTestDatabase, randomSlug, testDatabases } from '../db/testing.ts';
import { FIXTURE } from '../server/testing.ts';
import { buatPenggunaDemo, PENGGUNA_DEMO } from './demo.ts';
import { cocokSandi, hashSandi } from './password.ts';
import { adaPengguna, aktorOf, buatPengguna, PenggunaError } from './pengguna.ts';
import { bacaSesi, masuk } from './sesi.ts';

describe('passwords', () => {
  it('are argon2id hashes that verify only the right password', async () => {
    const h = await hashSandi('rahasia-sekali');
    assert.match(h, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal(await cocokSandi(h, 'rahasia-sekali'), true);
    assert.equal(await cocokSandi(h, 'rahasia-sekalI'), false);
    assert.equal(await cocokSandi(undefined, 'apa saja'), false);
    assert.equal(await cocokSandi('bukan-hash', 'apa saja'), false);
  });
});

for (const kind of testDatabases()) {
  describe(`accounts [${kind.name}]`, () => {
    let db: OpenTestDatabase;
    let slug: string;
    let sandiDemo = '';
    const akhiran = `-${randomBytes(4).toString('hex')}`;
    const now = { sekarang: new Date('2024-03-01T00:00:00Z'), requestId: null, alamat: '127.0.0.1' };

    before(async () => {
      db = await kind.open();
      slug = randomSlug('paser');
      const files = await bacaBerkasDataset(FIXTURE);
      await saveDataset(db.db, { ...files, pemda: { ...files.pemda, slug } });
    });
    after(() => db.close());

    it('demo accounts: one per role, unit heads per unit, a random password unless given', async () => {
      assert.equal(await adaPengguna(db.db, slug), false);
      const { username, sandi } = await buatPenggunaDemo(db.db, { pemda: slug, akhiran });
      assert.equal(username.length, PENGGUNA_DEMO.length);
      assert.ok(sandi.length >= 16);
      sandiDemo = sandi;
      assert.equal(await adaPengguna(db.db, slug), true);
      const hasil = await masuk(db.db, `kabid.p2k${akhiran}`, sandi, now);
      assert.equal(hasil.hasil, 'berhasil');
      if (hasil.hasil !== 'berhasil') return;
      assert.deepEqual(hasil.sesi.aktor.peran, [
        { peran: 'kepala-unit', opd: 'disnakertrans', unit: 'bidang-p2k' },
        { peran: 'kepala-unit', opd: 'disnakertrans', unit: 'uptd-blk' },
      ]);
      const found = await bacaSesi(db.db, hasil.token, now.sekarang);
      assert.equal(found?.aktor.username, `kabid.p2k${akhiran}`);
      const audit = await db.db.select().from(auditLog).where(and(eq(auditLog.pemdaId, hasil.sesi.aktor.pemdaId), eq(auditLog.entityKey, `admin.paser${akhiran}`)));
      assert.deepEqual(audit.map((a) => a.field).sort(), ['nama', 'peran']);
    });

    it('roles must name OPDs and units of the pemda; nothing is created otherwise', async () => {
      const audit = { penggunaId: null, requestId: null, at: now.sekarang };
      const baru = (peran: Parameters<typeof buatPengguna>[2][number]['peran']) => [{ username: `uji${akhiran}`, nama: 'Uji', sandi: 'sandi-panjang-sekali', peran }];
      await assert.rejects(buatPengguna(db.db, slug, baru([{ peran: 'perencana', opd: 'tidak-ada' }]), audit), PenggunaError);
      await assert.rejects(buatPengguna(db.db, slug, baru([{ peran: 'kepala-unit', opd: 'disnakertrans', unit: 'tidak-ada' }]), audit), PenggunaError);
      await assert.rejects(buatPengguna(db.db, slug, baru([{ peran: 'kepala-unit', opd: 'disnakertrans' }]), audit), 'a unit head without a unit breaks the check constraint');
      // Neither the account nor its name in the installation-wide list.
      assert.equal((await db.db.select().from(namaPengguna).where(eq(namaPengguna.username, `uji${akhiran}`))).length, 0);
    });

    it('a disabled account cannot sign in and loses its sessions', async () => {
      const name = `pimpinan.paser${akhiran}`;
      const signedIn = await masuk(db.db, name, sandiDemo, now);
      assert.equal(signedIn.hasil, 'berhasil');
      if (signedIn.hasil !== 'berhasil') return;
      await db.db.update(pengguna).set({ aktif: false }).where(and(eq(pengguna.pemdaId, signedIn.sesi.aktor.pemdaId), eq(pengguna.username, name)));
      assert.equal(await bacaSesi(db.db, signedIn.token, now.sekarang), undefined);
      assert.equal(await aktorOf(db.db, signedIn.sesi.aktor.pemdaId, signedIn.sesi.aktor.id), undefined);
      assert.equal((await masuk(db.db, name, sandiDemo, now)).hasil, 'gagal');
    });
  });
}
