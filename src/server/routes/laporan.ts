/**
 * Reading an OPD: the pemda's OPD list, the computed tables (capaian, anggaran, check), the
 * dashboard and the OPD's officials.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { periksaDataset } from '../../check/rules.ts';
import type { Dataset } from '../../dataset/schema.ts';
import type { Database } from '../../db/client.ts';
import { loadDatasetOpd } from '../../db/dataset-repository.ts';
import { bacaRevisi } from '../../db/revisi.ts';
import * as t from '../../db/schema.ts';
import { hitungAnggaran } from '../../measure/anggaran.ts';
import { hitungCapaian } from '../../measure/capaian.ts';
import { anggaranJson, capaianJson } from '../../measure/present.ts';
import { type Aktor, boleh, opdTerlihat } from '../../policy/policy.ts';
import { TidakDitemukan } from '../../workflow/errors.ts';
import { bacaKatalog, bacaOpdUntuk, daftarOpd, type Katalog } from '../../workflow/katalog.ts';
import { progres } from '../../workflow/progres.ts';
import { Anggaran, Capaian, CheckResponse, Dashboard, DaftarOpd, DaftarPemda, Pejabat } from '../../kontrak/laporan.ts';
import { GALAT_SESI, OpdParams, PemdaParams, TahunParams } from '../../kontrak/umum.ts';
import { CacheRevisi } from '../../db/cache-revisi.ts';
import { aktor, aktorPemda } from '../gerbang-sesi.ts';

/** Parts of the dashboard schema, to check what is cached once and progress on every request. */
const DashboardTetap = Dashboard.pick({ skala: true, capaian: true, anggaran: true });
const DashboardProgres = Dashboard.shape.progres;

/** `cacheMaks`: OPD-years whose computed figures one server process keeps (SIKIPER_CACHE_DASBOR). */
export function routesLaporan(database: Database, { cacheMaks }: { cacheMaks: number }): FastifyPluginCallbackZod {
  const db = database.db;

  /** The OPD of the URL, when the actor may read it: 404 when it does not exist, 403 when not the actor's. */
  async function opdTerbaca(a: Aktor, slug: string) {
    return bacaOpdUntuk(db, a, slug);
  }

  /**
   * Figures are computed from the OPD's own dataset (loadDatasetOpd: the pemda's data and this
   * OPD's, not the other OPDs') and kept per OPD and year with the data revision they were
   * computed at; any committed write to the OPD or the pemda moves the revision (src/db/revisi.ts).
   */
  const datasetCache = new CacheRevisi<Dataset>(Math.max(8, Math.ceil(cacheMaks / 5)));
  /** The cached part of a dashboard, already checked against the response schema and serialized. */
  const dasborCache = new CacheRevisi<{ json: string; katalog: Katalog }>(cacheMaks);

  async function datasetOpd(a: Aktor, opd: string, revisi: string): Promise<Dataset> {
    return datasetCache.ambil(`${a.pemdaId}/${opd}`, revisi, async () => {
      const d = await loadDatasetOpd(db, a.pemdaSlug, opd);
      if (!d) throw new TidakDitemukan(`OPD "${opd}" tidak ada`);
      return d;
    });
  }

  /** The OPD's dataset as of now: the revision is read first, so a write during the load only makes the next request reload. */
  async function dataset(a: Aktor, opd: string): Promise<Dataset> {
    return datasetOpd(a, opd, await bacaRevisi(db, a.pemdaId, opd));
  }

  return (app, _opts, done) => {
    const tags = ['laporan'];

    app.get(
      '/api/pemda',
      { schema: { tags, summary: 'Pemda pengguna', response: { 200: DaftarPemda, ...GALAT_SESI } } },
      async (req) => {
        const a = aktor(req);
        const [p] = await db.select({ slug: t.pemda.slug, nama: t.pemda.nama, jenis: t.pemda.jenis }).from(t.pemda).where(eq(t.pemda.id, a.pemdaId));
        return { pemda: p ? [p] : [] };
      },
    );

    app.get(
      '/api/pemda/:pemda/opd',
      { schema: { tags, summary: 'OPD yang boleh dilihat pengguna', params: PemdaParams, response: { 200: DaftarOpd, ...GALAT_SESI } } },
      async (req) => {
        const a = aktorPemda(req, req.params.pemda);
        const all = await daftarOpd(db, a.pemdaId);
        const visible = new Set(opdTerlihat(a, all.map((o) => o.slug)));
        return { opd: all.filter((o) => visible.has(o.slug)) };
      },
    );

    app.get(
      '/api/pemda/:pemda/opd/:opd/tahun/:tahun/capaian',
      { schema: { tags, summary: 'Capaian kinerja (Tabel 3.2–3.15)', params: TahunParams, response: { 200: Capaian, ...GALAT_SESI } } },
      async (req) => {
        const a = aktorPemda(req, req.params.pemda);
        await opdTerbaca(a, req.params.opd);
        return capaianJson(hitungCapaian(await dataset(a, req.params.opd), req.params.opd, req.params.tahun));
      },
    );

    app.get(
      '/api/pemda/:pemda/opd/:opd/tahun/:tahun/anggaran',
      { schema: { tags, summary: 'Realisasi anggaran dan efisiensi (Tabel 3.16–3.18)', params: TahunParams, response: { 200: Anggaran, ...GALAT_SESI } } },
      async (req) => {
        const a = aktorPemda(req, req.params.pemda);
        await opdTerbaca(a, req.params.opd);
        return anggaranJson(hitungAnggaran(await dataset(a, req.params.opd), req.params.opd, req.params.tahun));
      },
    );

    app.get(
      '/api/pemda/:pemda/opd/:opd/tahun/:tahun/check',
      { schema: { tags, summary: 'Temuan pemeriksaan konsistensi data', params: TahunParams, response: { 200: CheckResponse, ...GALAT_SESI } } },
      async (req) => {
        const a = aktorPemda(req, req.params.pemda);
        await opdTerbaca(a, req.params.opd);
        const temuan = periksaDataset(await dataset(a, req.params.opd), { opd: req.params.opd, tahun: req.params.tahun });
        return { jumlah: temuan.length, temuan };
      },
    );

    app.get(
      '/api/pemda/:pemda/opd/:opd/tahun/:tahun/dashboard',
      {
        schema: {
          tags,
          summary: 'Dasbor: capaian, anggaran, dan progres pengisian realisasi per triwulan per unit',
          description:
            'progres[].unit[]: total = indikator milik unit; terisi >= diajukan >= diverifikasi >= disetujui menghitung entri yang telah mencapai tahap itu. ' +
            'Hanya entri berstatus diverifikasi atau disetujui yang masuk ke capaian.',
          params: TahunParams,
          response: { 200: Dashboard, ...GALAT_SESI },
        },
      },
      async (req, reply) => {
        const a = aktorPemda(req, req.params.pemda);
        await opdTerbaca(a, req.params.opd);
        const { opd, tahun } = req.params;
        const revisi = await bacaRevisi(db, a.pemdaId, opd);
        const tetap = await dasborCache.ambil(`${a.pemdaId}/${opd}/${tahun}`, revisi, async () => {
          const d = await datasetOpd(a, opd, revisi);
          const capaian = hitungCapaian(d, opd, tahun);
          const katalog = await bacaKatalog(db, a.pemdaId, opd, tahun);
          if (!katalog) throw new TidakDitemukan(`OPD "${opd}" tidak ada`);
          const skala = d.pemda.pengaturan.skala;
          const bagian = DashboardTetap.encode({
            skala: { nama: skala.nama, bands: skala.bands.map((b) => ({ min: b.min, label: b.label, ...(b.warna ? { warna: b.warna } : {}) })) },
            capaian: capaianJson(capaian),
            anggaran: anggaranJson(hitungAnggaran(d, opd, tahun, capaian)),
          });
          return { json: JSON.stringify(bagian).slice(0, -1), katalog };
        });
        // Progress counts drafts too and is one indexed query: always read live. The cached part
        // went through the response schema when it was computed; only progress is checked here.
        const p = DashboardProgres.encode(await progres(db, tetap.katalog));
        const body = `${tetap.json},"progres":${JSON.stringify(p)}}`;
        // A string with a JSON content type is sent as it is (Fastify skips the serializer).
        return reply.type('application/json; charset=utf-8').send(body as unknown as z.infer<typeof Dashboard>);
      },
    );

    app.get(
      '/api/pemda/:pemda/opd/:opd/pejabat',
      {
        schema: {
          tags,
          summary: 'Pejabat OPD',
          description: 'NIP hanya ditampilkan kepada admin-pemda, perencana dan kepala-opd.',
          params: OpdParams,
          response: { 200: Pejabat, ...GALAT_SESI },
        },
      },
      async (req) => {
        const a = aktorPemda(req, req.params.pemda);
        const opd = await opdTerbaca(a, req.params.opd);
        const nip = boleh(a, { aksi: 'nip:lihat', opd: opd.slug });
        const rows = await db
          .select({ nama: t.pejabat.nama, jabatan: t.pejabat.jabatan, pangkat: t.pejabat.pangkat, nip: t.pejabat.nip, unit: t.unit.kode })
          .from(t.pejabat)
          .leftJoin(t.unit, and(eq(t.unit.pemdaId, t.pejabat.pemdaId), eq(t.unit.id, t.pejabat.unitId)))
          .where(and(eq(t.pejabat.pemdaId, a.pemdaId), eq(t.pejabat.opdId, opd.id)))
          .orderBy(asc(t.pejabat.urutan));
        return {
          pejabat: rows.map((r) => ({
            nama: r.nama,
            jabatan: r.jabatan,
            ...(r.pangkat === null ? {} : { pangkat: r.pangkat }),
            ...(r.unit === null ? {} : { unit: r.unit }),
            ...(nip && r.nip !== null ? { nip: r.nip } : {}),
          })),
        };
      },
    );
    done();
  };
}
