/**
 * The schema is fit for distribution by pemda on every database (keys carry `pemda_id`), and on a
 * Citus cluster `migrate` distributes every tenant table, co-located, with the national tables as
 * reference tables, idempotently.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { migrate, openDatabase } from './client.ts';
import { bacaPenempatan, penempatan, TABEL_KOORDINATOR, TABEL_REFERENSI } from './citus.ts';
import { newId } from './ids.ts';
import { randomSlug, testDatabases } from './testing.ts';
import type { Db } from './client.ts';

describe('placement of a table on a cluster', () => {
  it('tenant tables are distributed, the listed national ones are reference or coordinator tables, anything else is refused', () => {
    assert.equal(penempatan('realisasi', true), 'tersebar');
    assert.equal(penempatan('pemda', false), 'referensi');
    assert.equal(penempatan('nama_pengguna', true), 'referensi');
    assert.equal(penempatan('percobaan_masuk', false), 'koordinator');
    assert.throws(() => penempatan('nomenklatur_baru', false), /nomenklatur_baru.*pemda_id/);
  });
});

interface Kunci {
  tabel: string;
  nama: string;
  jenis: 'p' | 'u' | 'f';
  kolom: string[];
  acuan: string | null;
  kolomAcuan: string[];
}

async function kunci(db: Db): Promise<Kunci[]> {
  const rows = await db.execute<{ tabel: string; nama: string; jenis: 'p' | 'u' | 'f'; kolom: string[]; acuan: string | null; kolom_acuan: string[] | null }>(sql`
    select c.conrelid::regclass::text as tabel, c.conname as nama, c.contype as jenis,
           array(select a.attname::text from unnest(c.conkey) k join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k) as kolom,
           case when c.contype = 'f' then c.confrelid::regclass::text end as acuan,
           array(select a.attname::text from unnest(coalesce(c.confkey, '{}')) k join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k) as kolom_acuan
      from pg_constraint c
      join pg_class r on r.oid = c.conrelid
     where c.connamespace = 'public'::regnamespace and c.contype in ('p', 'u', 'f')
       and r.relname !~ '_[0-9]+$'
     order by 1, 2`);
  const list = Array.isArray(rows) ? rows : (rows as { rows: typeof rows }).rows;
  return (list as Array<{ tabel: string; nama: string; jenis: 'p' | 'u' | 'f'; kolom: string[]; acuan: string | null; kolom_acuan: string[] | null }>).map((r) => ({
    tabel: r.tabel,
    nama: r.nama,
    jenis: r.jenis,
    kolom: r.kolom,
    acuan: r.acuan,
    kolomAcuan: r.kolom_acuan ?? [],
  }));
}

const nasional = new Set<string>([...TABEL_REFERENSI, ...TABEL_KOORDINATOR]);

for (const kind of testDatabases()) {
  describe(`keys fit for distribution by pemda [${kind.name}]`, () => {
    let db: Db;
    let close: () => Promise<void>;
    before(async () => {
      ({ db, close } = await kind.open());
    });
    after(() => close());

    it('every primary key, unique key and foreign key between tenant tables includes pemda_id', async () => {
      const semua = await kunci(db);
      assert.ok(semua.length > 100, `only ${semua.length} keys found`);
      const salah = semua
        .filter((k) => !nasional.has(k.tabel))
        .filter((k) => (k.jenis === 'f' ? k.acuan !== 'pemda' && !(k.kolom.includes('pemda_id') && k.kolomAcuan.includes('pemda_id')) : !k.kolom.includes('pemda_id')))
        .map((k) => `${k.tabel}.${k.nama} (${k.kolom.join(', ')})`);
      assert.deepEqual(salah, []);
    });
  });
}

for (const kind of testDatabases().filter((d) => d.name === 'citus')) {
  describe(`migrations on a Citus coordinator [${kind.name}]`, () => {
    const url = process.env.SIKIPER_TEST_CITUS_URL ?? '';

    it('distribute every tenant table by pemda_id in one co-location group, national tables as reference tables, and change nothing when run again', async () => {
      const database = await openDatabase({ url });
      try {
        if (database.kind !== 'postgres') throw new Error('Citus is PostgreSQL');
        await migrate(database);
        const sekali = await bacaPenempatan(database.client);
        await migrate(database);
        const dua = await bacaPenempatan(database.client);
        assert.deepEqual(dua, sekali, 'a second migrate changes the placement');
        const { rows: kolomPemda } = await database.client.query<{ tabel: string }>(
          `select c.relname as tabel from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'public' and c.relkind = 'r'
              and exists(select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'pemda_id')`,
        );
        const tersebar = sekali.filter((t) => t.cara === 'tersebar').map((t) => t.tabel);
        const harus = kolomPemda.map((r) => r.tabel).filter((t) => !nasional.has(t));
        assert.deepEqual([...tersebar].sort(), [...harus].sort());
        assert.ok(tersebar.includes('realisasi') && tersebar.includes('audit_log') && tersebar.includes('sesi'));
        assert.equal(new Set(sekali.filter((t) => t.cara === 'tersebar').map((t) => t.colocation)).size, 1, 'all tenant tables co-located');
        assert.deepEqual(sekali.filter((t) => t.cara === 'referensi').map((t) => t.tabel), ['nama_pengguna', 'pemda']);
        assert.deepEqual(sekali.filter((t) => t.cara === 'koordinator').map((t) => t.tabel), ['percobaan_masuk']);
        assert.deepEqual(sekali.filter((t) => t.cara === 'lokal'), []);
        // Shards are on the workers, none on the coordinator.
        const { rows: node } = await database.client.query<{ groupid: number; n: string }>(
          `select n.groupid, count(*)::text as n from pg_dist_placement p join pg_dist_node n on n.groupid = p.groupid
             join pg_dist_shard s on s.shardid = p.shardid join pg_dist_partition d on d.logicalrelid = s.logicalrelid
            where d.partmethod = 'h' group by n.groupid order by n.groupid`,
        );
        assert.ok(node.length >= 2, `shards on ${node.length} node(s)`);
        assert.ok(node.every((r) => r.groupid !== 0), 'no shard on the coordinator');
        // The append-only rule of audit_log holds on the shards too.
        const pemdaId = newId();
        await database.client.query(`insert into pemda (id, slug, nama, jenis, pengaturan) values ($1, $2, 'Uji Citus', 'kabupaten', '{}')`, [pemdaId, randomSlug('citus')]);
        await database.client.query(`insert into audit_log (pemda_id, id, at, entity, entity_key, field) values ($1, $2, now(), 'uji', 'k', 'f')`, [pemdaId, newId()]);
        await assert.rejects(database.client.query(`update audit_log set field = 'g' where pemda_id = $1`, [pemdaId]), /hanya boleh ditambah/);
        await assert.rejects(database.client.query(`delete from audit_log where pemda_id = $1`, [pemdaId]), /hanya boleh ditambah/);
      } finally {
        await database.close();
      }
    });

    it('distribute a tenant table that was created plain (a database moved onto Citus), with the keys that touch it', async () => {
      const database = await openDatabase({ url });
      const tabel = `uji_sebar_${newId().slice(-12)}`;
      try {
        if (database.kind !== 'postgres') throw new Error('Citus is PostgreSQL');
        await database.client.query(`create table ${tabel} (pemda_id uuid not null references pemda(id), id uuid not null, primary key (pemda_id, id))`);
        assert.equal((await bacaPenempatan(database.client)).find((t) => t.tabel === tabel)?.cara, 'lokal');
        await migrate(database);
        const sesudah = await bacaPenempatan(database.client);
        const baru = sesudah.find((t) => t.tabel === tabel);
        assert.equal(baru?.cara, 'tersebar');
        assert.equal(baru.colocation, sesudah.find((t) => t.tabel === 'realisasi')?.colocation, 'co-located with the other tenant tables');
        const { rows } = await database.client.query<{ n: string }>(`select count(*)::text as n from pg_constraint where conrelid = $1::regclass and contype = 'f'`, [tabel]);
        assert.equal(rows[0]?.n, '1', 'its foreign key to pemda is back');
      } finally {
        if (database.kind === 'postgres') await database.client.query(`drop table if exists ${tabel}`);
        await database.close();
      }
    });
  });
}
