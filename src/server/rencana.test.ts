/**
 * The plan editor's API: who reads and who edits each part of the plan, refusals change
 * nothing, another pemda's data is not found, stale writes answer 409 with the current value,
 * every write leaves audit rows, and a PK revision edited here is what capaian measures against.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import { and, asc, eq, gt } from 'drizzle-orm';
import * as t from '../db/schema.ts';
import { testDatabases } from '../db/testing.ts';
import { type Harness, type Klien, type NamaDemo, siapkan } from './testing.ts';

const PEMBACA = ['admin.paser', 'perencana.disnakertrans', 'kepala.disnakertrans', 'keuangan.disnakertrans', 'inspektorat.paser', 'pimpinan.paser'] as const;
const KEPALA_UNIT = ['kabid.p2k', 'kabid.hi', 'sekretaris.disnakertrans', 'kabid.transmigrasi', 'kabid.p2k2'] as const;
const SEMUA: readonly NamaDemo[] = [...PEMBACA, ...KEPALA_UNIT];
const PERENCANA: NamaDemo = 'perencana.disnakertrans';

/** Every plan table and the audit log of a pemda, to prove that a refused request changed nothing. */
async function jejakRencana(h: Harness, pemdaId: string): Promise<string> {
  const db = h.db;
  const all = async <T extends typeof t.auditLog | typeof t.indikator | typeof t.indikatorTarget | typeof t.renjaNode | typeof t.renjaIndikator | typeof t.pk | typeof t.pkKinerja | typeof t.pkPenjelasan | typeof t.pkAnggaran | typeof t.rencanaAksi>(
    table: T,
  ) => db.select().from(table as typeof t.pk).where(eq((table as typeof t.pk).pemdaId, pemdaId)).orderBy(asc((table as typeof t.pk).id));
  const parts = await Promise.all(
    [t.auditLog, t.indikator, t.indikatorTarget, t.renjaNode, t.renjaIndikator, t.pk, t.pkKinerja, t.pkPenjelasan, t.pkAnggaran, t.rencanaAksi].map((x) => all(x)),
  );
  return JSON.stringify(parts);
}

async function auditSejak(h: Harness, pemdaId: string, sejak: Date) {
  return h.db
    .select()
    .from(t.auditLog)
    .where(and(eq(t.auditLog.pemdaId, pemdaId), gt(t.auditLog.at, sejak)))
    .orderBy(asc(t.auditLog.at), asc(t.auditLog.id));
}

interface IndikatorRenstra {
  kode: string;
  satuan: string;
  polaritas: string;
  agregasi: string;
  formula: { teks: string; pembilang: string | null; penyebut: string | null; pengali: number } | null;
  baseline: { tahun: number; nilai: number } | null;
  target: Array<{ tahun: number; nilai: number }>;
  targetAkhir: { tahun: number; nilai: number } | null;
  iku: boolean;
  version: number;
}
interface PohonRenstra {
  tujuan: Array<{ kode: string; indikator: IndikatorRenstra[]; sasaran: Array<{ kode: string; indikator: IndikatorRenstra[] }> }>;
  bolehUbah: boolean;
}
interface NodeRenja {
  kode: string;
  level: string;
  pagu: string | null;
  jumlahAnak: string | null;
  tidakSesuai: boolean;
  indikator: Array<{ kode: string; target: number | null; version: number }>;
  version: number;
}
interface KinerjaPk {
  indikator: string;
  target: number;
  targetTeks: string | null;
  version: number;
}
interface DetailPk {
  versi: number;
  nama: string;
  terkini: boolean;
  version: number;
  bolehUbah: boolean;
  kinerja: KinerjaPk[];
  anggaran: Array<{ pagu: string }>;
  penjelasan: unknown[];
}

for (const kind of testDatabases()) {
  describe(`plan editor API [${kind.name}]`, () => {
    let h: Harness;
    const klien = new Map<NamaDemo, Klien>();
    const as = (n: NamaDemo) => {
      const k = klien.get(n);
      if (!k) throw new Error(n);
      return k;
    };
    let base: string;
    let lain: Klien;

    before(async () => {
      h = await siapkan(kind);
      base = `/api/pemda/${h.pemda.slug}/opd/disnakertrans/tahun/2023/rencana`;
      for (const n of SEMUA) klien.set(n, await h.masuk(n));
      // A perencana of another pemda, holding the same OPD slug there.
      lain = await h.masuk(PERENCANA, await h.pemdaBaru());
    });
    after(() => h.close());

    /** Every role outside `allowed` gets 403, and nothing changes. */
    async function refusedForOthers(allowed: readonly NamaDemo[], method: InjectOptions['method'], url: string, body?: unknown) {
      for (const n of SEMUA.filter((x) => !allowed.includes(x))) {
        const sebelum = await jejakRencana(h, h.pemda.id);
        const r = await as(n).req(method, url, body);
        assert.equal(r.statusCode, 403, `${n} ${method} ${url}: ${r.body}`);
        assert.equal(r.json<{ error: string }>().error, 'dilarang');
        assert.equal(await jejakRencana(h, h.pemda.id), sebelum, `${n} ${method} ${url} changed data`);
      }
    }

    /** The same call from another pemda: 404, and nothing of this pemda changes. */
    async function notFoundElsewhere(method: InjectOptions['method'], url: string, body?: unknown) {
      const sebelum = await jejakRencana(h, h.pemda.id);
      const r = await lain.req(method, url, body);
      assert.equal(r.statusCode, 404, `${method} ${url} from another pemda: ${r.body}`);
      assert.equal(await jejakRencana(h, h.pemda.id), sebelum);
    }

    it('reads: the readers of the OPD, not unit heads; another pemda gets 404', async () => {
      for (const path of ['renstra', 'renja', 'pk', 'pk/2', 'pk/banding?a=2&b=2', 'triwulan']) {
        for (const n of SEMUA) {
          const r = await as(n).req('GET', `${base}/${path}`);
          assert.equal(r.statusCode, (PEMBACA as readonly string[]).includes(n) ? 200 : 403, `${n} GET ${path}: ${r.body}`);
        }
        assert.equal((await lain.req('GET', `${base}/${path}`)).statusCode, 404, path);
      }
      const pohon = (await as('pimpinan.paser').req('GET', `${base}/renstra`)).json<PohonRenstra>();
      assert.equal(pohon.bolehUbah, false);
      assert.equal((await as(PERENCANA).req('GET', `${base}/renstra`)).json<PohonRenstra>().bolehUbah, true);
    });

    it('every plan route is in the OpenAPI document, writes with a request body', async () => {
      const doc = (await h.app.inject('/api/openapi.json')).json<{ paths: Record<string, Record<string, { requestBody?: unknown }>> }>();
      const r = '/api/pemda/{pemda}/opd/{opd}/tahun/{tahun}/rencana';
      const routes: Array<[string, string]> = [
        [`${r}/renstra`, 'get'],
        [`${r}/renstra/indikator/{kode}`, 'put'],
        [`${r}/renja`, 'get'],
        [`${r}/renja/node/{kode}`, 'put'],
        [`${r}/renja/indikator/{kode}`, 'put'],
        [`${r}/pk`, 'get'],
        [`${r}/pk`, 'post'],
        [`${r}/pk/{versi}`, 'get'],
        [`${r}/pk/banding`, 'get'],
        [`${r}/pk/{versi}/kinerja/{indikator}`, 'put'],
        [`${r}/triwulan`, 'get'],
        [`${r}/triwulan/{tw}/{kode}`, 'put'],
      ];
      for (const [path, method] of routes) {
        const op = doc.paths[path]?.[method];
        assert.ok(op, `${method} ${path} missing from OpenAPI`);
        if (method !== 'get') assert.ok(op.requestBody, `${method} ${path} has no request body schema`);
      }
    });

    it('the Renstra tree: tujuan → sasaran → indicators with IKU flag, formula and targets', async () => {
      const pohon = (await as(PERENCANA).req('GET', `${base}/renstra`)).json<PohonRenstra>();
      const iku1 = pohon.tujuan.flatMap((x) => x.sasaran).flatMap((s) => s.indikator).find((i) => i.kode === 'IKU-1');
      assert.ok(iku1);
      // From the Renstra 2021-2026 of the reference dataset.
      assert.equal(iku1.iku, true);
      assert.equal(iku1.formula?.pengali, 100);
      assert.deepEqual(iku1.baseline, { tahun: 2021, nilai: 10.8 });
      assert.deepEqual(iku1.target.find((x) => x.tahun === 2025), { tahun: 2025, nilai: 40 });
      assert.deepEqual(iku1.targetAkhir, { tahun: 2026, nilai: 40 });
      assert.ok(pohon.tujuan.some((x) => x.indikator.some((i) => i.kode === 'IKT-1')), 'tujuan indicators are listed under their tujuan');
    });

    it('edits an indicator definition and targets: perencana only, 409 when stale, audited', async () => {
      const pohon = (await as(PERENCANA).req('GET', `${base}/renstra`)).json<PohonRenstra>();
      const iku2 = pohon.tujuan.flatMap((x) => x.sasaran).flatMap((s) => s.indikator).find((i) => i.kode === 'IKU-2');
      assert.ok(iku2);
      const url = `${base}/renstra/indikator/IKU-2`;
      const body = {
        version: iku2.version,
        satuan: iku2.satuan,
        polaritas: iku2.polaritas,
        agregasi: iku2.agregasi,
        formula: iku2.formula,
        baseline: iku2.baseline,
        target: iku2.target.map((x) => (x.tahun === 2024 ? { tahun: 2024, nilai: 45.5 } : x)),
        targetAkhir: iku2.targetAkhir,
      };
      await refusedForOthers([PERENCANA], 'PUT', url, body);
      await notFoundElsewhere('PUT', url, body);

      h.jam.maju(1000);
      const sejak = new Date(h.jam.now().getTime() - 1);
      const r = await as(PERENCANA).req('PUT', url, body);
      assert.equal(r.statusCode, 200, r.body);
      const baru = r.json<IndikatorRenstra>();
      assert.equal(baru.version, iku2.version + 1);
      assert.equal(baru.target.find((x) => x.tahun === 2024)?.nilai, 45.5);
      const rows = await auditSejak(h, h.pemda.id, sejak);
      assert.deepEqual(
        rows.map((x) => [x.entity, x.field]),
        [['indikator', 'target']],
      );
      const lama = rows[0]?.oldValue as Array<{ tahun: number; nilai: number }>;
      assert.equal(lama.find((x) => x.tahun === 2024)?.nilai, iku2.target.find((x) => x.tahun === 2024)?.nilai);

      // The same body again: it was typed against the old version.
      const stale = await as(PERENCANA).req('PUT', url, { ...body, target: [] });
      assert.equal(stale.statusCode, 409, stale.body);
      const current = stale.json<{ error: string; current: IndikatorRenstra }>();
      assert.equal(current.error, 'versi-usang');
      assert.equal(current.current.target.find((x) => x.tahun === 2024)?.nilai, 45.5);

      const luar = await as(PERENCANA).req('PUT', url, { ...body, version: baru.version, target: [{ tahun: 2030, nilai: 1 }] });
      assert.equal(luar.statusCode, 400, luar.body);
      assert.match(luar.body, /periode Renstra/);
    });

    it('the Renja tree: pagu as exact strings, sums and a flag where children do not add up; pagu and targets editable', async () => {
      const pohon = (await as(PERENCANA).req('GET', `${base}/renja`)).json<{ node: NodeRenja[]; totalPagu: string }>();
      const program = pohon.node.filter((n) => n.level === 'program');
      assert.ok(program.length > 0);
      assert.equal(
        pohon.totalPagu,
        String(program.reduce((s, n) => s + BigInt(n.pagu ?? '0'), 0n)),
      );
      const kegiatan = pohon.node.find((n) => n.level === 'kegiatan' && n.jumlahAnak !== null && !n.tidakSesuai);
      assert.ok(kegiatan, 'a kegiatan whose sub kegiatan add up');
      assert.equal(kegiatan.pagu, kegiatan.jumlahAnak);

      const url = `${base}/renja/node/${encodeURIComponent(kegiatan.kode)}`;
      const pagu = String(BigInt(kegiatan.pagu ?? '0') + 1n);
      await refusedForOthers([PERENCANA], 'PUT', url, { version: kegiatan.version, pagu });
      await notFoundElsewhere('PUT', url, { version: kegiatan.version, pagu });
      h.jam.maju(1000);
      const sejak = new Date(h.jam.now().getTime() - 1);
      const r = await as(PERENCANA).req('PUT', url, { version: kegiatan.version, pagu });
      assert.equal(r.statusCode, 200, r.body);
      const node = r.json<NodeRenja>();
      assert.equal(node.pagu, pagu);
      assert.equal(node.tidakSesuai, true, 'one rupiah more than its sub kegiatan is flagged');
      const audit = await auditSejak(h, h.pemda.id, sejak);
      assert.deepEqual(
        audit.map((x) => [x.entity, x.field, String(x.oldValue), String(x.newValue)]),
        [['renja_node', 'pagu', kegiatan.pagu, pagu]],
      );
      const stale = await as(PERENCANA).req('PUT', url, { version: kegiatan.version, pagu: '1' });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json<{ current: NodeRenja }>().current.pagu, pagu);

      const ind = pohon.node.flatMap((n) => n.indikator).find((i) => i.target !== null);
      assert.ok(ind);
      const iurl = `${base}/renja/indikator/${encodeURIComponent(ind.kode)}`;
      await refusedForOthers([PERENCANA], 'PUT', iurl, { version: ind.version, target: 7 });
      await notFoundElsewhere('PUT', iurl, { version: ind.version, target: 7 });
      const ri = await as(PERENCANA).req('PUT', iurl, { version: ind.version, target: 7, targetTeks: '7 Dokumen' });
      assert.equal(ri.statusCode, 200, ri.body);
      assert.equal(ri.json<{ target: number }>().target, 7);
      assert.equal((await as(PERENCANA).req('PUT', iurl, { version: ind.version, target: 8 })).statusCode, 409);
    });

    it('PK: a revision copies the latest version, is edited, compared, and capaian measures against it', async () => {
      const daftar = (await as(PERENCANA).req('GET', `${base}/pk`)).json<{ versi: Array<{ versi: number; terkini: boolean; version: number }> }>();
      const terakhir = daftar.versi.find((v) => v.terkini);
      assert.ok(terakhir);
      // The reference dataset holds Perjanjian Kinerja Perubahan II (versi 2) for 2023.
      assert.equal(terakhir.versi, 2);
      const asal = (await as(PERENCANA).req('GET', `${base}/pk/2`)).json<DetailPk>();
      const capaianSebelum = await as(PERENCANA).req('GET', `/api/pemda/${h.pemda.slug}/opd/disnakertrans/tahun/2023/capaian`);
      const iku1Sebelum = capaianSebelum
        .json<{ sasaran: Array<{ indikator: Array<{ kode: string; target: number; realisasi: number; capaian: number }> }> }>()
        .sasaran.flatMap((s) => s.indikator)
        .find((i) => i.kode === 'IKU-1');
      assert.equal(iku1Sebelum?.target, 30);

      const revisi = { dari: 2, version: terakhir.version, nama: 'Perjanjian Kinerja Perubahan III', tanggal: '2023-11-20' };
      await refusedForOthers([PERENCANA], 'POST', `${base}/pk`, revisi);
      await notFoundElsewhere('POST', `${base}/pk`, revisi);
      h.jam.maju(1000);
      const sejak = new Date(h.jam.now().getTime() - 1);
      const r = await as(PERENCANA).req('POST', `${base}/pk`, revisi);
      assert.equal(r.statusCode, 201, r.body);
      const v3 = r.json<DetailPk>();
      assert.equal(v3.versi, 3);
      assert.equal(v3.terkini, true);
      assert.deepEqual(
        v3.kinerja.map((k) => [k.indikator, k.target, k.targetTeks]),
        asal.kinerja.map((k) => [k.indikator, k.target, k.targetTeks]),
      );
      assert.deepEqual(v3.anggaran, asal.anggaran);
      assert.equal(v3.penjelasan.length, asal.penjelasan.length);
      assert.deepEqual(
        (await auditSejak(h, h.pemda.id, sejak)).map((x) => [x.entity, x.entityKey, x.field]),
        [['pk', 'disnakertrans/2023/pk-3', 'revisi']],
      );
      // A second revision from the now-old version 2 is stale.
      const dua = await as(PERENCANA).req('POST', `${base}/pk`, revisi);
      assert.equal(dua.statusCode, 409, dua.body);
      assert.equal(dua.json<{ current: DetailPk }>().current.versi, 3);

      // Version 2 is read-only now.
      const lama = asal.kinerja.find((k) => k.indikator === 'IKU-1');
      assert.ok(lama);
      const ro = await as(PERENCANA).req('PUT', `${base}/pk/2/kinerja/IKU-1`, { version: lama.version, target: 35 });
      assert.equal(ro.statusCode, 409, ro.body);
      assert.equal(ro.json<{ error: string }>().error, 'status-tidak-sesuai');
      assert.equal((await as(PERENCANA).req('GET', `${base}/pk/2`)).json<DetailPk>().bolehUbah, false);

      const k1 = v3.kinerja.find((k) => k.indikator === 'IKU-1');
      assert.ok(k1);
      const url = `${base}/pk/3/kinerja/IKU-1`;
      const body = { version: k1.version, target: 35, targetTeks: '35%' };
      await refusedForOthers([PERENCANA], 'PUT', url, body);
      await notFoundElsewhere('PUT', url, body);
      h.jam.maju(1000);
      const sejak2 = new Date(h.jam.now().getTime() - 1);
      const e = await as(PERENCANA).req('PUT', url, body);
      assert.equal(e.statusCode, 200, e.body);
      assert.deepEqual(
        (await auditSejak(h, h.pemda.id, sejak2)).map((x) => [x.field, x.oldValue, x.newValue]).sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
        [
          ['target', 30, 35],
          ['targetTeks', '30%', '35%'],
        ],
      );
      const stale = await as(PERENCANA).req('PUT', url, { ...body, target: 36 });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json<{ current: KinerjaPk }>().current.target, 35);

      const banding = (await as('pimpinan.paser').req('GET', `${base}/pk/banding?a=2&b=3`)).json<{
        baris: Array<{ indikator: string; targetA: number | null; targetB: number | null; berubah: boolean }>;
        jumlahBerubah: number;
      }>();
      assert.equal(banding.jumlahBerubah, 1);
      assert.deepEqual(
        banding.baris.filter((b) => b.berubah).map((b) => [b.indikator, b.targetA, b.targetB]),
        [['IKU-1', 30, 35]],
      );
      assert.equal(banding.baris.length, asal.kinerja.length);

      // Capaian measures against the latest PK: the same realisasi over the new target.
      const capaian = await as(PERENCANA).req('GET', `/api/pemda/${h.pemda.slug}/opd/disnakertrans/tahun/2023/capaian`);
      const iku1 = capaian
        .json<{ sasaran: Array<{ indikator: Array<{ kode: string; target: number; realisasi: number; capaian: number; sumberTarget: string }> }> }>()
        .sasaran.flatMap((s) => s.indikator)
        .find((i) => i.kode === 'IKU-1');
      assert.ok(iku1);
      assert.equal(iku1.target, 35);
      assert.equal(iku1.sumberTarget, 'pk');
      assert.equal(iku1.realisasi, iku1Sebelum?.realisasi);
      assert.ok(Math.abs(iku1.capaian - (iku1.realisasi / 35) * 100) < 0.006, `${iku1.capaian}`);
      assert.notEqual(iku1.capaian, iku1Sebelum?.capaian);
    });

    it('quarterly targets: set, change, clear; perencana only, 409 when stale, audited', async () => {
      const daftar = (await as(PERENCANA).req('GET', `${base}/triwulan`)).json<{
        indikator: Array<{ kode: string; triwulan: Array<{ triwulan: number; target: number | null; version: number }> }>;
        bolehUbah: boolean;
      }>();
      assert.equal(daftar.bolehUbah, true);
      const iku3 = daftar.indikator.find((i) => i.kode === 'IKU-3');
      assert.ok(iku3);
      const tw2 = iku3.triwulan.find((x) => x.triwulan === 2);
      assert.ok(tw2);
      const url = `${base}/triwulan/2/IKU-3`;
      await refusedForOthers([PERENCANA], 'PUT', url, { version: tw2.version, target: 12.5 });
      await notFoundElsewhere('PUT', url, { version: tw2.version, target: 12.5 });
      h.jam.maju(1000);
      const sejak = new Date(h.jam.now().getTime() - 1);
      const r = await as(PERENCANA).req('PUT', url, { version: tw2.version, target: 12.5 });
      assert.equal(r.statusCode, 200, r.body);
      const after1 = r.json<{ triwulan: Array<{ triwulan: number; target: number | null; version: number }> }>().triwulan.find((x) => x.triwulan === 2);
      assert.equal(after1?.target, 12.5);
      assert.deepEqual(
        (await auditSejak(h, h.pemda.id, sejak)).map((x) => [x.entity, x.field, x.oldValue, x.newValue]),
        [['rencana_aksi', 'target', tw2.target, 12.5]],
      );
      assert.equal((await as(PERENCANA).req('PUT', url, { version: tw2.version, target: 13 })).statusCode, 409);
      const cleared = await as(PERENCANA).req('PUT', url, { version: after1?.version, target: null });
      assert.equal(cleared.statusCode, 200, cleared.body);
      assert.equal(cleared.json<{ triwulan: Array<{ triwulan: number; target: number | null }> }>().triwulan.find((x) => x.triwulan === 2)?.target, null);
      // A target keeps to the bounds of the realisasi it is compared with (the plan editor once stored
      // 99999999999999999999, i.e. 1e20, for a percentage): a percentage at most 1.000,
      // anything at most 10^12; nothing is stored.
      const sebelum = await auditSejak(h, h.pemda.id, new Date(0));
      const persen = await as(PERENCANA).req('PUT', `${base}/triwulan/2/IKU-1`, { version: 0, target: 1e20 });
      assert.equal(persen.statusCode, 400, persen.body);
      assert.deepEqual(persen.json<{ issues: unknown[] }>().issues, [{ path: 'target', message: 'target harus antara 0 dan 1.000 persen' }]);
      const besar = await as(PERENCANA).req('PUT', `${base}/triwulan/2/IKU-3`, { version: 0, target: 1e13 });
      assert.equal(besar.statusCode, 400, besar.body);
      assert.equal((await auditSejak(h, h.pemda.id, new Date(0))).length, sebelum.length);
    });
  });
}
