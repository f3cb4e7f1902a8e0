/**
 * Documents of an OPD-year over HTTP: the LKJIP (.docx/.pdf), the Perjanjian Kinerja of any
 * version (.docx/.pdf), the quarterly monitoring workbook (.xlsx) and the Renstra, IKU, Renja,
 * rencana aksi and evaluation follow-up (.docx/.pdf), generated on request from the stored data;
 * the e-SAKIP review package (.zip of the seven PDFs with their manifest, GET …/paket-reviu);
 * and the LKJIP preview, whose every figure names its source.
 *
 * A document is built in its turn of the heavy-work queue (src/server/antrean.ts): the data is
 * loaded here, on the main thread, and the document is rendered in a worker thread
 * (src/server/pekerja/). Either the download waits for its turn (`GET …/dokumen/:jenis`), or a
 * job is created (`POST …/dokumen/:jenis/tugas`, 202) whose place in the queue the client reads
 * (`GET /api/pemda/:pemda/tugas/:id`) until the file is ready (`…/tugas/:id/berkas`).
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { loadDatasetOpd } from '../../db/dataset-repository.ts';
import { konteks } from '../../measure/konteks.ts';
import type { Aktor } from '../../policy/policy.ts';
import { JENIS_DOKUMEN, MIME, type FormatDokumen, type JenisDokumen } from '../../report/jenis.ts';
import { susunPratinjau } from '../../report/pratinjau.ts';
import { MasukanTidakSah, TidakDitemukan } from '../../workflow/errors.ts';
import { jejakRealisasi } from '../../workflow/jejak.ts';
import { bacaOpdUntuk } from '../../workflow/katalog.ts';
import type { Beban, Berkas, Tugas } from '../beban.ts';
import { HttpGalat } from '../errors.ts';
import { AntreanPenuh, DaftarDokumen, DokumenBody, DokumenParams, DokumenQuery, PratinjauLkjip, TugasDokumen, TugasParams } from '../../kontrak/dokumen.ts';
import { GALAT_SESI, Galat, TahunParams } from '../../kontrak/umum.ts';
import { aktorPemda } from '../gerbang-sesi.ts';
import { kirimUnduhan } from '../unduh.ts';
import { opsiLkjip } from '../../workflow/evaluasi.ts';
import { dataLhe } from '../../workflow/lke.ts';
import { buatPaketReviu } from '../../exchange/paket-reviu.ts';
import { ISI_PAKET_REVIU } from '../../report/paket-reviu.ts';

/** The formats each document is made in; the first is the default. */
export const FORMAT_PER_JENIS: Record<JenisDokumen, readonly FormatDokumen[]> = {
  lkjip: ['docx', 'pdf'],
  pk: ['docx', 'pdf'],
  triwulan: ['xlsx'],
  renstra: ['docx', 'pdf'],
  iku: ['docx', 'pdf'],
  renja: ['docx', 'pdf'],
  'rencana-aksi': ['docx', 'pdf'],
  'tindak-lanjut': ['docx', 'pdf'],
  lhe: ['docx', 'pdf'],
};

type PilihanDokumen = z.output<typeof DokumenBody>;

/** The file with its headers, as both the direct download and a finished job send it. */
function kirimBerkas(reply: FastifyReply, b: Berkas) {
  return kirimUnduhan(reply, { mime: b.mime, nama: b.nama, isi: b.isi, header: { 'x-sikiper-placeholder': String(b.placeholder) } });
}

function tampilTugas(t: Tugas): TugasDokumen {
  return { id: t.id, status: t.status, posisi: t.status === 'antre' ? t.tiket.posisi : null, ...(t.galat ? { galat: t.galat.body as z.infer<typeof Galat> } : {}) };
}

export function routesDokumen(database: Database, beban: Beban): FastifyPluginCallbackZod {
  const db = database.db;

  /** 404 for an OPD that does not exist, 403 for one the actor may not take documents of. */
  async function opdDokumen(a: Aktor, slug: string, jenis: JenisDokumen | 'paket-reviu' | 'pratinjau') {
    return bacaOpdUntuk(db, a, slug, { aksi: 'dokumen:unduh', opd: slug, jenis }, `tidak berwenang mengunduh dokumen OPD "${slug}"`);
  }

  /** The pemda's own data and this one OPD: every document covers one OPD. */
  async function dataset(a: Aktor, opd: string) {
    const d = await loadDatasetOpd(db, a.pemdaSlug, opd);
    if (!d) throw new TidakDitemukan(`OPD "${opd}" tidak ada`);
    return d;
  }

  /** Checks what is asked (permission, format, options) before it takes a place in the queue. */
  async function periksa(a: Aktor, opd: string, jenis: JenisDokumen, q: PilihanDokumen) {
    await opdDokumen(a, opd, jenis);
    const format = q.format ?? FORMAT_PER_JENIS[jenis][0] ?? 'docx';
    if (!FORMAT_PER_JENIS[jenis].includes(format)) {
      throw new MasukanTidakSah([{ path: 'format', message: `${jenis} dibuat sebagai ${FORMAT_PER_JENIS[jenis].join(' atau ')}, bukan ${format}` }]);
    }
    if (q.versi !== undefined && jenis !== 'pk') throw new MasukanTidakSah([{ path: 'versi', message: 'versi hanya untuk Perjanjian Kinerja (pk)' }]);
    if (q.triwulan !== undefined && jenis !== 'triwulan') throw new MasukanTidakSah([{ path: 'triwulan', message: 'triwulan hanya untuk laporan monitoring triwulan' }]);
    return { format, versi: q.versi, triwulan: q.triwulan as 1 | 2 | 3 | 4 | undefined };
  }

  /** The work of one document in its turn: the data from the database here, the rendering in a worker thread. */
  async function susun(a: Aktor, opd: string, tahun: number, jenis: JenisDokumen, p: Awaited<ReturnType<typeof periksa>>): Promise<Berkas> {
    await beban.tahan?.(a.pemdaSlug);
    const d = await dataset(a, opd);
    // Missing Renstra, year or PK version: NotFoundError, answered 404 by the error handler.
    // The LKJIP states the year's sign-off and carries the follow-ups of last year's evaluation.
    const lkjip = jenis === 'lkjip' || jenis === 'tindak-lanjut' ? await opsiLkjip(db, a.pemdaSlug, opd, tahun) : undefined;
    // The LHE is the criterion-level evaluation of the OPD-year; none recorded: TidakDitemukan (404).
    const lhe = jenis === 'lhe' ? await dataLhe(db, a, opd, tahun) : undefined;
    const dok = await beban.kolam.buat(d, { jenis, format: p.format, opd, tahun, versi: p.versi, triwulan: p.triwulan, lkjip, lhe });
    let nama = dok.namaBerkas;
    // The file names the PK version it holds, also when the latest was asked for.
    if (jenis === 'pk') nama = nama.replace(/\.(\w+)$/, `-v${p.versi ?? Math.max(...konteks(d, opd, tahun).data.pk.map((x) => x.versi))}.$1`);
    if (jenis === 'triwulan') nama = nama.replace(/\.(\w+)$/, `-tw${p.triwulan ?? 4}.$1`);
    return { isi: dok.isi, mime: dok.mime, nama, placeholder: dok.placeholder.length };
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
          summary: 'Unduh LKJIP, Perjanjian Kinerja, monitoring triwulan, Renstra, IKU, Renja, rencana aksi, tindak lanjut evaluasi atau laporan hasil evaluasi (LHE)',
          description:
            'Dokumen dibuat saat diminta dari data tersimpan. lkjip, pk, renstra, iku, renja, rencana-aksi, tindak-lanjut dan lhe: format docx (bawaan) atau pdf; pk dengan ?versi= (bawaan versi terakhir). ' +
            'lhe: laporan hasil evaluasi akuntabilitas kinerja dari evaluasi per kriteria (LKE); draf selama evaluasi belum final, 404 bila belum ada evaluasi per kriteria. ' +
            'triwulan: xlsx, ?triwulan=1..4 (bawaan 4). Jawaban berupa berkas dengan Content-Disposition attachment; header x-sikiper-placeholder ' +
            'menyebut jumlah narasi yang masih kosong (ditandai di dokumen). Hanya pembaca seluruh OPD (bukan kepala unit). ' +
            'Permintaan menunggu gilirannya dalam antrean dokumen; bila antrean penuh: 503 dengan Retry-After. Untuk melihat urutan antrean selama menunggu, pakai POST …/dokumen/{jenis}/tugas.',
          params: DokumenParams,
          querystring: DokumenQuery,
          produces: [MIME.docx, MIME.pdf, MIME.xlsx],
          response: { 200: z.string().meta({ format: 'binary' }).describe('berkas dokumen'), 400: Galat, ...GALAT_SESI, 503: AntreanPenuh },
        },
      },
      async (req, reply) => {
        const a = aktorPemda(req, req.params.pemda);
        const { opd, tahun, jenis } = req.params;
        const p = await periksa(a, opd, jenis, req.query);
        return kirimBerkas(reply, await beban.antrean.jalankan(a.pemdaId, () => susun(a, opd, tahun, jenis, p)));
      },
    );

    app.get(
      `${BASE}/paket-reviu`,
      {
        schema: {
          tags,
          summary: 'Unduh paket reviu e-SAKIP (ZIP): tujuh dokumen PDF dengan manifest dan SHA-256',
          description:
            `Satu berkas ZIP berisi dokumen yang diminta reviu e-SAKIP, masing-masing PDF: ${ISI_PAKET_REVIU.map((x, i) => `${String(i + 1).padStart(2, '0')}-${x.kode}`).join(', ')} ` +
            '(nama berkas {urutan}-{jenis}-{opd}-{tahun}.pdf), ditambah manifest.json (pemda, opd, tahun, dibuat, dan per berkas: jenis, tahun, opd, judul, namaBerkas, ukuran, sha256) ' +
            'dan SHA256SUMS untuk `sha256sum -c`. Hak sama dengan unduhan dokumen (pembaca seluruh OPD, bukan kepala unit). Permintaan menunggu gilirannya dalam antrean dokumen; ' +
            'bila antrean penuh: 503 dengan Retry-After. Lihat docs/exchange.md, bagian Paket reviu e-SAKIP.',
          params: TahunParams,
          produces: ['application/zip'],
          response: { 200: z.string().meta({ format: 'binary' }).describe('berkas ZIP paket reviu'), ...GALAT_SESI, 503: AntreanPenuh },
        },
      },
      async (req, reply) => {
        const a = aktorPemda(req, req.params.pemda);
        const { opd, tahun } = req.params;
        await opdDokumen(a, opd, 'paket-reviu');
        const paket = await beban.antrean.jalankan(a.pemdaId, async () => {
          await beban.tahan?.(a.pemdaSlug);
          // The seven PDFs go to the worker pool at once; it runs as many in parallel as it has threads.
          return buatPaketReviu(db, a.pemdaSlug, opd, tahun, { buat: (d, q) => beban.kolam.buat(d, q), sekarang: new Date() });
        });
        const placeholder = paket.manifest.berkas.reduce((n, b) => n + b.belumDiisi.length, 0);
        return kirimUnduhan(reply, { mime: 'application/zip', nama: paket.namaBerkas, isi: paket.isi, header: { 'x-sikiper-placeholder': String(placeholder) } });
      },
    );

    app.post(
      `${BASE}/dokumen/:jenis/tugas`,
      {
        schema: {
          tags,
          summary: 'Minta dokumen dibuat dalam antrean (lalu pantau tugasnya)',
          description:
            'Seperti unduhan langsung, tetapi langsung dijawab 202 dengan id tugas dan urutannya dalam antrean. Pantau dengan GET /api/pemda/{pemda}/tugas/{id}; ' +
            'setelah status selesai, ambil berkasnya di …/tugas/{id}/berkas (tersedia 10 menit). Antrean penuh: 503 dengan Retry-After.',
          params: DokumenParams,
          body: DokumenBody.optional(),
          response: { 202: TugasDokumen, 400: Galat, ...GALAT_SESI, 503: AntreanPenuh },
        },
      },
      async (req, reply) => {
        const a = aktorPemda(req, req.params.pemda);
        const { opd, tahun, jenis } = req.params;
        const p = await periksa(a, opd, jenis, req.body ?? {});
        const t = beban.buatTugas(a, () => susun(a, opd, tahun, jenis, p));
        return reply.code(202).send(tampilTugas(t));
      },
    );

    app.get(
      '/api/pemda/:pemda/tugas/:id',
      {
        schema: {
          tags,
          summary: 'Keadaan tugas dokumen: urutan antrean, sedang disusun, selesai atau gagal',
          description: 'Hanya tugas milik pengguna sendiri; tugas lain, atau yang telah lewat 10 menit sejak selesai, 404.',
          params: TugasParams,
          response: { 200: TugasDokumen, ...GALAT_SESI },
        },
      },
      async (req) => {
        const a = aktorPemda(req, req.params.pemda);
        const t = beban.bacaTugas(a, req.params.id);
        if (!t) throw new TidakDitemukan('tugas tidak ada atau telah kedaluwarsa');
        return Promise.resolve(tampilTugas(t));
      },
    );

    app.get(
      '/api/pemda/:pemda/tugas/:id/berkas',
      {
        schema: {
          tags,
          summary: 'Berkas tugas dokumen yang telah selesai',
          description: 'Berkas dengan header seperti unduhan langsung. Belum selesai: 409; gagal: jawaban galat pembuatannya (mis. 404 versi PK tidak ada).',
          params: TugasParams,
          produces: [MIME.docx, MIME.pdf, MIME.xlsx],
          response: { 200: z.string().meta({ format: 'binary' }).describe('berkas dokumen'), 409: Galat, ...GALAT_SESI },
        },
      },
      async (req, reply) => {
        const a = aktorPemda(req, req.params.pemda);
        const t = beban.bacaTugas(a, req.params.id);
        if (!t) throw new TidakDitemukan('tugas tidak ada atau telah kedaluwarsa');
        if (t.berkas) return kirimBerkas(reply, t.berkas);
        // A failed job answers as its request would have (e.g. 404 for an unknown PK version).
        if (t.status === 'gagal') throw t.sebab;
        throw new HttpGalat(409, { error: 'belum-selesai', message: 'dokumen masih disusun; tunggu hingga status tugas selesai' });
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
          response: { 200: PratinjauLkjip, ...GALAT_SESI },
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
