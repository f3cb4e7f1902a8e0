/**
 * Documents of an OPD-year over HTTP: the LKJIP (.docx/.pdf), the Perjanjian Kinerja of any
 * version (.docx/.pdf) and the quarterly monitoring workbook (.xlsx), generated on request from
 * the stored data; and the LKJIP preview, whose every figure names its source.
 */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { loadDatasetOpd } from '../../db/dataset-repository.ts';
import { konteks } from '../../measure/konteks.ts';
import { type Aktor, boleh } from '../../policy/policy.ts';
import { buatDokumen, FORMAT_DOKUMEN, JENIS_DOKUMEN, MIME, type FormatDokumen, type JenisDokumen } from '../../report/index.ts';
import { susunPratinjau } from '../../report/pratinjau.ts';
import { Dilarang, MasukanTidakSah, TidakDitemukan } from '../../workflow/errors.ts';
import { jejakRealisasi } from '../../workflow/jejak.ts';
import { bacaOpd } from '../../workflow/katalog.ts';
import { GALAT_SESI, Galat, TahunParams } from '../schemas.ts';
import { aktorPemda } from '../gerbang-sesi.ts';
import { opsiLkjip } from '../../workflow/evaluasi.ts';

/** The formats each document is made in; the first is the default. */
export const FORMAT_PER_JENIS: Record<JenisDokumen, readonly FormatDokumen[]> = {
  lkjip: ['docx', 'pdf'],
  pk: ['docx', 'pdf'],
  triwulan: ['xlsx'],
};

const DokumenParams = TahunParams.extend({ jenis: z.enum(JENIS_DOKUMEN).describe('lkjip, pk (Perjanjian Kinerja) atau triwulan (monitoring triwulan)') });
const DokumenQuery = z.object({
  format: z.enum(FORMAT_DOKUMEN).optional().describe('docx atau pdf untuk lkjip dan pk (bawaan docx); xlsx untuk triwulan'),
  versi: z.coerce.number().int('versi PK bilangan bulat').min(0, 'versi PK 0 atau lebih').optional().describe('versi Perjanjian Kinerja (0 = murni, 1 = perubahan I, ...); bawaan: versi terakhir'),
  triwulan: z.coerce.number().int().min(1, 'triwulan 1 sampai 4').max(4, 'triwulan 1 sampai 4').optional().describe('monitoring triwulan: sampai triwulan ini (bawaan 4)'),
});

const DaftarDokumen = z.object({
  dokumen: z.array(z.object({ jenis: z.enum(JENIS_DOKUMEN), format: z.array(z.enum(FORMAT_DOKUMEN)) })),
  pk: z.array(z.object({ versi: z.number().int(), nama: z.string(), tanggal: z.string().nullable() })).describe('versi Perjanjian Kinerja tahun ini, terbaru dahulu'),
});

const Jejak = z.object({ aksi: z.enum(['isi', 'ajukan', 'verifikasi', 'setujui', 'tolak']), oleh: z.string().describe('username'), pada: z.string(), komentar: z.string().optional() });
const Sel = z.object({ teks: z.string(), ref: z.string().optional().describe('kunci ke sumber'), tebal: z.boolean().optional(), lebar: z.number().int().optional(), rata: z.literal('kanan').optional() });
const Ukuran = z.object({ target: z.string(), realisasi: z.string(), capaian: z.string() });
const Sumber = z.discriminatedUnion('jenis', [
  z.object({
    jenis: z.literal('indikator'),
    kode: z.string(),
    nama: z.string(),
    satuan: z.string(),
    sasaran: z.object({ nomor: z.number(), uraian: z.string() }),
    polaritas: z.enum(['positif', 'negatif']),
    agregasi: z.enum(['jumlah', 'akhir', 'rata-rata', 'rasio']),
    caraAgregasi: z.string(),
    desimal: z.number().int(),
    formula: z.object({ teks: z.string(), pembilang: z.string().nullable(), penyebut: z.string().nullable(), pengali: z.number() }).nullable(),
    sumberData: z.string().nullable(),
    penanggungJawab: z.array(z.string()),
    aturanCapaian: z.string(),
    sumberTarget: z.enum(['pk', 'renstra', 'tidak-ada']),
    tahunIni: Ukuran.extend({ predikat: z.string().nullable(), realisasiSebelumPembulatan: z.string() }),
    tahunLalu: Ukuran,
    targetAkhirRenstra: z.object({ target: z.string(), capaian: z.string() }),
    entri: z.array(
      z.object({
        triwulan: z.number().int().nullable(),
        targetTriwulan: z.number().nullable(),
        nilai: z.number().nullable(),
        pembilang: z.number().nullable(),
        penyebut: z.number().nullable(),
        hasil: z.string(),
        status: z.enum(['kosong', 'draf', 'diajukan', 'ditolak', 'diverifikasi', 'disetujui']),
        dihitung: z.boolean(),
        keterangan: z.string().nullable(),
        jejak: z.array(Jejak).describe('kosong untuk nilai hasil impor dataset'),
      }),
    ),
  }),
  z.object({
    jenis: z.literal('sasaran'),
    kode: z.string(),
    nomor: z.number(),
    uraian: z.string(),
    capaian: z.string(),
    predikat: z.string().nullable(),
    capaianTahunLalu: z.string(),
    cara: z.string(),
    indikator: z.array(z.object({ ref: z.string(), nama: z.string(), capaian: z.string(), capaianTahunLalu: z.string() })),
  }),
  z.object({ jenis: z.literal('rata-rata'), capaian: z.string(), predikat: z.string().nullable(), cara: z.string(), sasaran: z.array(z.object({ ref: z.string(), nomor: z.number(), capaian: z.string() })) }),
  z.object({ jenis: z.literal('anggaran'), kode: z.string(), nama: z.string(), level: z.string(), pagu: z.string(), realisasi: z.string(), sisa: z.string(), serapan: z.string(), dokumen: z.string(), cara: z.string() }),
  z.object({
    jenis: z.literal('efisiensi'),
    nomor: z.number().nullable(),
    uraian: z.string(),
    capaianKinerja: z.string(),
    serapan: z.string(),
    efisiensi: z.string(),
    cara: z.string(),
    program: z.array(z.object({ ref: z.string(), nama: z.string(), serapan: z.string() })),
  }),
]);
export const PratinjauResponse = z
  .object({
    pemda: z.string(),
    opd: z.object({ slug: z.string(), nama: z.string() }),
    tahun: z.number().int(),
    skala: z.object({ nama: z.string(), bands: z.array(z.object({ min: z.number(), label: z.string(), warna: z.string().nullable() })) }),
    tabel: z.array(z.object({ id: z.string(), judul: z.string(), kepala: z.array(z.string()), baris: z.array(z.array(Sel)) })),
    sumber: z.record(z.string(), Sumber).describe('asal setiap angka, menurut ref sel'),
    narasi: z.array(z.object({ judul: z.string(), isi: z.array(z.string()).describe('kosong: belum ditulis') })),
    belumDiisi: z.array(z.object({ bagian: z.string(), teks: z.string() })).describe('narasi yang ditandai kosong di draf LKJIP'),
  })
  .meta({ id: 'PratinjauLkjip' });

/** `attachment` with an ASCII filename and its UTF-8 form (RFC 6266). */
function disposition(nama: string): string {
  const ascii = nama.replace(/[^A-Za-z0-9._-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(nama)}`;
}

export function routesDokumen(database: Database): FastifyPluginCallbackZod {
  const db = database.db;

  /** 404 for an OPD that does not exist, 403 for one the actor may not take documents of. */
  async function opdDokumen(a: Aktor, slug: string, jenis: JenisDokumen | 'pratinjau') {
    const opd = await bacaOpd(db, a.pemdaId, slug);
    if (!opd) throw new TidakDitemukan(`OPD "${slug}" tidak ada`);
    if (!boleh(a, { aksi: 'dokumen:unduh', opd: slug, jenis })) throw new Dilarang(`tidak berwenang mengunduh dokumen OPD "${slug}"`);
    return opd;
  }

  /** The pemda's own data and this one OPD: every document covers one OPD. */
  async function dataset(a: Aktor, opd: string) {
    const d = await loadDatasetOpd(db, a.pemdaSlug, opd);
    if (!d) throw new TidakDitemukan(`OPD "${opd}" tidak ada`);
    return d;
  }

  return (app, _opts, done) => {
    const tags = ['dokumen'];
    const BASE = '/api/pemda/:pemda/opd/:opd/tahun/:tahun';

    app.get(
      `${BASE}/dokumen`,
      {
        schema: {
          tags,
          summary: 'Dokumen yang dapat dibuat untuk OPD dan tahun ini',
          description: 'Jenis dokumen, formatnya, dan versi Perjanjian Kinerja yang tersedia.',
          params: TahunParams,
          response: { 200: DaftarDokumen, ...GALAT_SESI },
        },
      },
      async (req) => {
        const a = aktorPemda(req, req.params.pemda);
        await opdDokumen(a, req.params.opd, 'lkjip');
        const d = await dataset(a, req.params.opd);
        const k = konteks(d, req.params.opd, req.params.tahun);
        return {
          dokumen: JENIS_DOKUMEN.map((jenis) => ({ jenis, format: [...FORMAT_PER_JENIS[jenis]] })),
          pk: [...k.data.pk].sort((x, y) => y.versi - x.versi).map((pk) => ({ versi: pk.versi, nama: pk.nama, tanggal: pk.tanggal ?? null })),
        };
      },
    );

    app.get(
      `${BASE}/dokumen/:jenis`,
      {
        schema: {
          tags,
          summary: 'Unduh LKJIP, Perjanjian Kinerja atau laporan monitoring triwulan',
          description:
            'Dokumen dibuat saat diminta dari data tersimpan. lkjip dan pk: format docx (bawaan) atau pdf; pk dengan ?versi= (bawaan versi terakhir). ' +
            'triwulan: xlsx, ?triwulan=1..4 (bawaan 4). Jawaban berupa berkas dengan Content-Disposition attachment; header x-sikiper-placeholder ' +
            'menyebut jumlah narasi yang masih kosong (ditandai di dokumen). Hanya pembaca seluruh OPD (bukan kepala unit).',
          params: DokumenParams,
          querystring: DokumenQuery,
          produces: [MIME.docx, MIME.pdf, MIME.xlsx],
          response: { 200: z.string().meta({ format: 'binary' }).describe('berkas dokumen'), 400: Galat, ...GALAT_SESI },
        },
      },
      async (req, reply) => {
        const a = aktorPemda(req, req.params.pemda);
        const { opd, tahun, jenis } = req.params;
        await opdDokumen(a, opd, jenis);
        const format = req.query.format ?? FORMAT_PER_JENIS[jenis][0] ?? 'docx';
        if (!FORMAT_PER_JENIS[jenis].includes(format)) {
          throw new MasukanTidakSah([{ path: 'format', message: `${jenis} dibuat sebagai ${FORMAT_PER_JENIS[jenis].join(' atau ')}, bukan ${format}` }]);
        }
        if (req.query.versi !== undefined && jenis !== 'pk') throw new MasukanTidakSah([{ path: 'versi', message: 'versi hanya untuk Perjanjian Kinerja (pk)' }]);
        if (req.query.triwulan !== undefined && jenis !== 'triwulan') throw new MasukanTidakSah([{ path: 'triwulan', message: 'triwulan hanya untuk laporan monitoring triwulan' }]);
        const tw = req.query.triwulan as 1 | 2 | 3 | 4 | undefined;
        const d = await dataset(a, opd);
        // Missing Renstra, year or PK version: NotFoundError, answered 404 by the error handler.
        // The LKJIP states the year's sign-off and carries the follow-ups of last year's evaluation.
        const lkjip = jenis === 'lkjip' ? await opsiLkjip(db, a.pemdaSlug, opd, tahun) : undefined;
        const dok = await buatDokumen(d, { jenis, format, opd, tahun, versi: req.query.versi, triwulan: tw, lkjip });
        let nama = dok.namaBerkas;
        // The file names the PK version it holds, also when the latest was asked for.
        if (jenis === 'pk') nama = nama.replace(/\.(\w+)$/, `-v${req.query.versi ?? Math.max(...konteks(d, opd, tahun).data.pk.map((x) => x.versi))}.$1`);
        if (jenis === 'triwulan') nama = nama.replace(/\.(\w+)$/, `-tw${tw ?? 4}.$1`);
        return reply
          .header('content-type', dok.mime)
          .header('content-disposition', disposition(nama))
          .header('x-sikiper-placeholder', String(dok.placeholder.length))
          // Fastify sends a Buffer as is (the zod serializer is not applied to it); the schema only documents the body.
          .send(dok.isi as unknown as string);
      },
    );

    app.get(
      `${BASE}/pratinjau`,
      {
        schema: {
          tags,
          summary: 'Pratinjau LKJIP dengan asal setiap angka',
          description:
            'Tabel capaian (3.3 dan analisis per sasaran) dan anggaran (3.16–3.18) seperti di dokumen; setiap angka memiliki ref ke sumber: indikator dengan ' +
            'nilai dan target triwulan, formula, agregasi, polaritas dan rumus capaian, serta siapa mengisi, mengajukan, memverifikasi dan menyetujui setiap nilai dan kapan.',
          params: TahunParams,
          response: { 200: PratinjauResponse, ...GALAT_SESI },
        },
      },
      async (req) => {
        const a = aktorPemda(req, req.params.pemda);
        await opdDokumen(a, req.params.opd, 'pratinjau');
        const d = await dataset(a, req.params.opd);
        const jejak = await jejakRealisasi(db, a.pemdaId, req.params.opd, req.params.tahun);
        return susunPratinjau(d, req.params.opd, req.params.tahun, jejak);
      },
    );
    done();
  };
}
