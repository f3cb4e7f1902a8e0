/**
 * The public side, without sign-in (docs/open-data.md): pages per pemda and per published
 * OPD-year (`/publik/…`), the signed documents as PDF, and the open data (`/data/…`): a DCAT
 * catalogue in JSON-LD and every table as CSV and JSON. What is published and from which data
 * is decided in src/workflow/publik.ts: only OPD-years signed off now, figures only from
 * approved realisasi, never a person's NIP or any user's name.
 *
 * Caching: every answer carries a strong ETag derived from the pemda's data revisions and its
 * sign-offs (`PemdaPublik.versi`) and `Cache-Control: public, max-age=0, must-revalidate`, so a
 * browser or proxy may keep it but asks again each time, and gets 304 while nothing changed;
 * a sign-off or a reopened year changes the ETag at once. Computed figures and generated PDFs
 * are kept per process under the same version. Every route is rate limited per client address.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import type { Dataset } from '../../dataset/schema.ts';
import { hitungAnggaran, type LaporanAnggaran } from '../../measure/anggaran.ts';
import { hitungCapaian, type LaporanCapaian } from '../../measure/capaian.ts';
import { konteks } from '../../measure/konteks.ts';
import { MIME } from '../../report/jenis.ts';
import { opsiLkjip } from '../../workflow/evaluasi.ts';
import { bacaDatasetPublik, bacaPemdaPublik, type PemdaPublik, tahunTerbit } from '../../workflow/publik.ts';
import type { Beban } from '../beban.ts';
import { HttpGalat } from '../errors.ts';
import { halamanBelumTerbit, halamanOpdTahun, halamanPemda } from '../publik-html.ts';
import { JUDUL_TABEL, type NamaTabel, susunTabel, susunTren, TABEL, tulisCsv, tulisJson } from '../publik-tabel.ts';
import { disposisi } from '../unduh.ts';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug hanya huruf kecil, angka dan tanda hubung').max(64);
const tahun = z
  .string()
  .regex(/^[0-9]{4}$/, 'tahun berupa empat angka')
  .transform(Number)
  .pipe(z.number().int().min(1990).max(2100));
const PemdaPublikParams = z.object({ pemda: slug });
const OpdTahunParams = PemdaPublikParams.extend({ opd: slug, tahun });
const DokumenParams = OpdTahunParams.extend({ dokumen: z.enum(['lkjip.pdf', 'pk.pdf']) });
const BERKAS = new RegExp(`^(${TABEL.join('|')})\\.(csv|json)$`);
const TabelParams = OpdTahunParams.extend({
  berkas: z.string().regex(BERKAS, `tabel: ${TABEL.join(', ')}; akhiran .csv atau .json`),
});

export interface BatasPublik {
  /** Requests per client address and window on the pages and the open data. */
  max: number;
  timeWindow: number | string;
  /** Document (PDF) downloads per client address and window. */
  maxDokumen: number;
}

export const BATAS_PUBLIK: BatasPublik = { max: 120, timeWindow: '1 minute', maxDokumen: 10 };

const CACHE_CONTROL = 'public, max-age=0, must-revalidate';

/** Keeps at most `maks` entries, forgetting the least recently used. */
class Lru<V> {
  private readonly m = new Map<string, V>();
  constructor(private readonly maks: number) {}
  baca(k: string): V | undefined {
    const v = this.m.get(k);
    if (v !== undefined) {
      this.m.delete(k);
      this.m.set(k, v);
    }
    return v;
  }
  simpan(k: string, v: V): void {
    this.m.delete(k);
    this.m.set(k, v);
    while (this.m.size > this.maks) this.m.delete(this.m.keys().next().value as string);
  }
}

interface HitunganOpd {
  d: Dataset;
  perTahun: Map<number, { cap: LaporanCapaian; ang: LaporanAnggaran }>;
}

const tidakAda = (message: string) => new HttpGalat(404, { error: 'tidak-ditemukan', message });

export function routesPublik(database: Database, beban: Beban, batas: BatasPublik = BATAS_PUBLIK): FastifyPluginCallbackZod {
  const db = database.db;
  const hitungan = new Lru<{ versi: string; h: Promise<HitunganOpd | undefined> }>(200);
  const pdf = new Lru<{ versi: string; isi: Buffer; nama: string }>(20);

  async function pemda(s: string): Promise<PemdaPublik> {
    const p = await bacaPemdaPublik(db, s);
    if (!p) throw tidakAda(`pemda "${s}" tidak ada`);
    return p;
  }

  /** The published figures of an OPD, computed once per data version. */
  function hitungOpd(p: PemdaPublik, opd: string): Promise<HitunganOpd | undefined> {
    const key = `${p.id}/${opd}`;
    const ada = hitungan.baca(key);
    if (ada && ada.versi === p.versi) return ada.h;
    const h = (async () => {
      const d = await bacaDatasetPublik(db, p, opd);
      if (!d) return undefined;
      const perTahun = new Map<number, { cap: LaporanCapaian; ang: LaporanAnggaran }>();
      for (const t of p.opd.find((o) => o.slug === opd)?.tahun ?? []) {
        try {
          const cap = hitungCapaian(d, opd, t.tahun);
          perTahun.set(t.tahun, { cap, ang: hitungAnggaran(d, opd, t.tahun, cap) });
        } catch {
          // A signed-off year outside every Renstra has no figures to show.
        }
      }
      return { d, perTahun };
    })();
    h.catch(() => hitungan.simpan(key, { versi: '', h }));
    hitungan.simpan(key, { versi: p.versi, h });
    return h;
  }

  /** Sets the cache headers; true when the client's copy is current (answer 304). */
  function segar(req: FastifyRequest, reply: FastifyReply, p: PemdaPublik): boolean {
    const etag = `"${createHash('sha256').update(`${p.id}\n${p.versi}\n${req.url.split('?')[0] ?? ''}`).digest('base64url').slice(0, 32)}"`;
    reply.header('etag', etag).header('cache-control', CACHE_CONTROL);
    const inm = req.headers['if-none-match'];
    return typeof inm === 'string' && inm.split(',').some((x) => x.trim() === etag || x.trim() === '*');
  }

  function html(reply: FastifyReply, isi: string, code = 200) {
    return reply.code(code).type('text/html; charset=utf-8').send(isi);
  }

  /** Open data may be fetched by any site's script. */
  function terbuka(reply: FastifyReply): void {
    reply.header('access-control-allow-origin', '*').header('cross-origin-resource-policy', 'cross-origin');
  }

  async function opdTahun(p: PemdaPublik, opd: string, t: number) {
    const o = p.opd.find((x) => x.slug === opd);
    if (!o) throw tidakAda(`OPD "${opd}" tidak ada`);
    const terbit = tahunTerbit(p, opd, t);
    if (!terbit) return { o, terbit: undefined, data: undefined, h: undefined };
    const h = await hitungOpd(p, opd);
    return { o, terbit, data: h?.perTahun.get(t), h };
  }

  return (app, _opts, done) => {
    const rateLimit = { max: batas.max, timeWindow: batas.timeWindow };
    const config = { publik: true, rateLimit };
    const tags = ['publik'];

    app.get(
      '/publik/:pemda',
      { config, schema: { tags, summary: 'Halaman publik pemda (tanpa masuk): laporan yang disahkan dan IKU Kabupaten', security: [], params: PemdaPublikParams } },
      async (req, reply) => {
        const p = await pemda(req.params.pemda);
        if (segar(req, reply, p)) return reply.code(304).send();
        const iku: Array<{ opd: string; tahun: number; cap: LaporanCapaian }> = [];
        for (const o of p.opd) {
          const akhir = o.tahun[o.tahun.length - 1];
          if (!akhir) continue;
          const x = (await hitungOpd(p, o.slug))?.perTahun.get(akhir.tahun);
          if (x && x.cap.ikuDaerah.length > 0) iku.push({ opd: o.slug, tahun: akhir.tahun, cap: x.cap });
        }
        return html(reply, halamanPemda(p, iku));
      },
    );

    app.get(
      '/publik/:pemda/opd/:opd/:tahun',
      {
        config,
        schema: {
          tags,
          summary: 'Halaman publik satu OPD dan tahun: capaian sasaran dan IKU, tren, serapan anggaran, dokumen',
          description: 'Tahun yang belum disahkan: 404 dengan keterangan "belum dipublikasikan".',
          security: [],
          params: OpdTahunParams,
        },
      },
      async (req, reply) => {
        const p = await pemda(req.params.pemda);
        const { opd, tahun: t } = req.params;
        const x = await opdTahun(p, opd, t);
        if (!x.terbit || !x.data || !x.h) return html(reply.header('cache-control', 'no-cache'), halamanBelumTerbit(p, x.o.nama, t), 404);
        if (segar(req, reply, p)) return reply.code(304).send();
        const perTahun = [...x.h.perTahun.entries()].sort(([a], [b]) => a - b).map(([tahun, v]) => ({ tahun, cap: v.cap }));
        const adaPk = konteks(x.h.d, opd, t).data.pk.length > 0;
        return html(
          reply,
          halamanOpdTahun({ p, opd: { slug: opd, nama: x.o.nama }, tahun: t, disahkan: x.terbit.disahkan, cap: x.data.cap, ang: x.data.ang, tren: susunTren(perTahun), adaPk }),
        );
      },
    );

    app.get(
      '/publik/:pemda/opd/:opd/:tahun/:dokumen',
      {
        config: { publik: true, rateLimit: { max: batas.maxDokumen, timeWindow: batas.timeWindow } },
        schema: {
          tags,
          summary: 'LKJIP atau Perjanjian Kinerja yang disahkan, sebagai PDF',
          description: 'Hanya tahun yang disahkan; tanpa NIP. Dibuat dalam antrean dokumen (503 dengan Retry-After bila penuh) dan disimpan sampai data berubah.',
          security: [],
          params: DokumenParams,
          produces: [MIME.pdf],
        },
      },
      async (req, reply) => {
        const p = await pemda(req.params.pemda);
        const { opd, tahun: t, dokumen } = req.params;
        const x = await opdTahun(p, opd, t);
        if (!x.terbit || !x.h) throw tidakAda(`data ${opd} tahun ${t} belum dipublikasikan`);
        const jenis = dokumen === 'pk.pdf' ? 'pk' : 'lkjip';
        if (jenis === 'pk' && konteks(x.h.d, opd, t).data.pk.length === 0) throw tidakAda(`Perjanjian Kinerja ${t} tidak ada`);
        if (segar(req, reply, p)) return reply.code(304).send();
        const key = `${p.id}/${opd}/${t}/${jenis}`;
        let b = pdf.baca(key);
        if (!b || b.versi !== p.versi) {
          const d = x.h.d;
          const berkas = await beban.antrean.jalankan(p.id, async () => {
            const lkjip = jenis === 'lkjip' ? await opsiLkjip(db, p.slug, opd, t) : undefined;
            return beban.kolam.buat(d, { jenis, format: 'pdf', opd, tahun: t, versi: undefined, triwulan: undefined, lkjip });
          });
          b = { versi: p.versi, isi: berkas.isi, nama: berkas.namaBerkas };
          pdf.simpan(key, b);
        }
        return reply.type(MIME.pdf).header('content-disposition', disposisi(b.nama)).send(b.isi);
      },
    );

    app.get(
      '/data/:pemda/katalog.jsonld',
      { config, schema: { tags, summary: 'Katalog data terbuka pemda (DCAT, JSON-LD)', security: [], params: PemdaPublikParams } },
      async (req, reply) => {
        const p = await pemda(req.params.pemda);
        terbuka(reply);
        if (segar(req, reply, p)) return reply.code(304).send();
        const asal = `${req.protocol}://${req.host}`;
        return reply.type('application/ld+json; charset=utf-8').send(JSON.stringify(susunKatalog(p, asal)));
      },
    );

    app.get(
      '/data/:pemda/:opd/:tahun/:berkas',
      {
        config,
        schema: {
          tags,
          summary: 'Satu tabel data terbuka OPD dan tahun, CSV atau JSON',
          description: `Tabel: ${TABEL.join(', ')}; akhiran .csv (UTF-8, koma, titik desimal, baris judul) atau .json. Tahun yang belum disahkan: 404.`,
          security: [],
          params: TabelParams,
        },
      },
      async (req, reply) => {
        const p = await pemda(req.params.pemda);
        const { opd, tahun: t, berkas } = req.params;
        const [, nama, format] = BERKAS.exec(berkas) ?? [];
        terbuka(reply);
        const x = await opdTahun(p, opd, t);
        if (!x.terbit || !x.data) throw tidakAda(`data ${opd} tahun ${t} belum dipublikasikan`);
        if (segar(req, reply, p)) return reply.code(304).send();
        const tabel = susunTabel(nama as NamaTabel, x.data.cap, x.data.ang);
        if (format === 'csv') {
          return reply
            .type('text/csv; charset=utf-8; header=present')
            .header('content-disposition', `inline; filename="${p.slug}-${opd}-${t}-${nama ?? ''}.csv"`)
            .send(tulisCsv(tabel));
        }
        return reply
          .type('application/json; charset=utf-8')
          .send(JSON.stringify(tulisJson(tabel, { pemda: p.slug, opd, tahun: t, tabel: nama as NamaTabel, disahkan: x.terbit.disahkan, lisensi: p.lisensi })));
      },
    );
    done();
  };
}

/** The DCAT catalogue: one dcat:Dataset per published OPD-year and table, one dcat:Distribution per format. */
export function susunKatalog(p: PemdaPublik, asal: string) {
  const enc = encodeURIComponent;
  const penerbit = { '@id': `${asal}/publik/${enc(p.slug)}`, '@type': 'foaf:Organization', 'foaf:name': `Pemerintah ${p.nama}` };
  const lisensi = { '@id': p.lisensi.url, 'dct:title': p.lisensi.nama };
  const dataset = p.opd.flatMap((o) =>
    o.tahun.flatMap((t) =>
      TABEL.map((tabel) => {
        const base = `${asal}/data/${enc(p.slug)}/${enc(o.slug)}/${t.tahun}/${tabel}`;
        const issued = { '@value': t.disahkan, '@type': 'xsd:dateTime' };
        return {
          '@id': base,
          '@type': 'dcat:Dataset',
          'dct:identifier': `${p.slug}/${o.slug}/${t.tahun}/${tabel}`,
          'dct:title': `${JUDUL_TABEL[tabel]} — ${o.nama}, ${t.tahun}`,
          'dct:description': `${JUDUL_TABEL[tabel]} ${o.nama} ${p.nama} tahun ${t.tahun}, dari laporan kinerja yang disahkan kepala OPD.`,
          'dct:publisher': penerbit,
          'dct:issued': issued,
          'dct:license': lisensi,
          'dct:language': 'id',
          'dct:temporal': { '@type': 'dct:PeriodOfTime', 'dcat:startDate': { '@value': `${t.tahun}-01-01`, '@type': 'xsd:date' }, 'dcat:endDate': { '@value': `${t.tahun}-12-31`, '@type': 'xsd:date' } },
          'dcat:keyword': ['SAKIP', 'kinerja', o.singkatan ?? o.nama],
          'dcat:landingPage': { '@id': `${asal}/publik/${enc(p.slug)}/opd/${enc(o.slug)}/${t.tahun}` },
          'dcat:distribution': (['csv', 'json'] as const).map((f) => ({
            '@id': `${base}.${f}`,
            '@type': 'dcat:Distribution',
            'dct:title': `${tabel}.${f}`,
            'dcat:downloadURL': { '@id': `${base}.${f}` },
            'dcat:accessURL': { '@id': `${base}.${f}` },
            'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${f === 'csv' ? 'text/csv' : 'application/json'}` },
            'dct:format': f === 'csv' ? 'CSV' : 'JSON',
            'dct:license': lisensi,
            'dct:issued': issued,
          })),
        };
      }),
    ),
  );
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': `${asal}/data/${enc(p.slug)}/katalog.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': `Data terbuka kinerja perangkat daerah ${p.nama}`,
    'dct:description': 'Capaian kinerja, IKU Kabupaten dan serapan anggaran dari laporan kinerja (LKJIP) yang telah disahkan kepala OPD.',
    'dct:publisher': penerbit,
    'dct:license': lisensi,
    'dct:language': 'id',
    'foaf:homepage': { '@id': `${asal}/publik/${enc(p.slug)}` },
    'dcat:dataset': dataset,
  };
}
