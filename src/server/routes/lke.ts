/**
 * The criterion-level SAKIP evaluation (src/workflow/lke.ts): the sheet, starting it, answers per
 * tier with evidence, the moves between tiers, the pemda's criteria versions, and the recap of
 * every OPD of a year (JSON and .xlsx). The LHE document goes through the document routes
 * (`…/dokumen/lhe`).
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { UKURAN_BUKTI_MAKS } from '../../db/schema-app.ts';
import { rekapLkeXlsx } from '../../exchange/rekap-lke.ts';
import {
  BerkasBukti,
  BuktiLkeParams,
  DaftarKriteria,
  HapusBuktiParams,
  HasilJawaban,
  JawabanParams,
  LangkahBody,
  LangkahParams,
  LembarLke,
  MulaiLkeBody,
  RekapLke,
  RekapParams,
  SimpanJawabanBody,
  VersiKriteria,
} from '../../kontrak/lke.ts';
import { Galat, GALAT_SESI, PemdaParams, TahunParams, TanpaIsi } from '../../kontrak/umum.ts';
import { MIME } from '../../report/jenis.ts';
import type { KonteksPerintah } from '../../workflow/konteks-perintah.ts';
import { MasukanTidakSah } from '../../workflow/errors.ts';
import { ambilBuktiLke, bacaLembarLke, daftarVersiKriteria, hapusBuktiLke, langkahLke, mulaiLke, muatVersiKriteria, rekapLke, simpanJawaban, tingkatUnggah, unggahBuktiLke } from '../../workflow/lke.ts';
import { aktor, aktorPemda } from '../gerbang-sesi.ts';
import { kirimUnduhan } from '../unduh.ts';
import { bacaUnggahan } from '../unggah.ts';

const BASE = '/api/pemda/:pemda/opd/:opd/tahun/:tahun/evaluasi/lke';
const GALAT_UBAH = { ...GALAT_SESI, 400: Galat, 409: Galat } as const;

export function routesLke(database: Database, sekarang: () => Date): FastifyPluginCallbackZod {
  const db = database.db;
  const konteks = (req: FastifyRequest, pemda: string): KonteksPerintah => ({ db, aktor: aktorPemda(req, pemda), sekarang: sekarang(), requestId: req.id });

  return (app, _opts, done) => {
    const tags = ['evaluasi'];

    app.get(
      BASE,
      {
        schema: {
          tags,
          summary: 'Lembar kriteria evaluasi (LKE) tahun OPD: setiap kriteria dengan jawaban tiap tingkat, bukti, usulan fakta, nilai tiap tingkat',
          params: TahunParams,
          response: { 200: LembarLke, ...GALAT_SESI },
        },
      },
      async (req) => bacaLembarLke(db, aktorPemda(req, req.params.pemda), req.params.opd, req.params.tahun),
    );

    app.post(
      `${BASE}/mulai`,
      {
        schema: {
          tags,
          summary: 'Mulai evaluasi per kriteria (OPD atau Inspektorat); versi kriteria bawaan dimuat untuk pemda bila belum',
          params: TahunParams,
          body: MulaiLkeBody,
          response: { 200: LembarLke, ...GALAT_UBAH },
        },
      },
      async (req) => mulaiLke(konteks(req, req.params.pemda), req.params.opd, req.params.tahun, req.body),
    );

    app.put(
      `${BASE}/jawaban/:kode`,
      {
        schema: {
          tags,
          summary: 'Simpan jawaban satu kriteria pada satu tingkat (mandiri: OPD; evaluator: Inspektorat; supervisor: pengendali teknis), hanya pada tahap tingkat itu',
          params: JawabanParams,
          body: SimpanJawabanBody,
          response: { 200: HasilJawaban, ...GALAT_UBAH },
        },
      },
      async (req) => simpanJawaban(konteks(req, req.params.pemda), req.params.opd, req.params.tahun, req.params.kode, req.body),
    );

    app.post(
      `${BASE}/jawaban/:kode/bukti`,
      {
        schema: {
          tags,
          summary: 'Unggah berkas bukti jawaban satu kriteria (multipart, PDF/PNG/JPEG, paling besar 5 MB), untuk tingkat yang sedang berjalan',
          consumes: ['multipart/form-data'],
          params: JawabanParams,
          response: { 201: BerkasBukti, ...GALAT_UBAH, 413: Galat },
        },
      },
      async (req, reply) => {
        const k = konteks(req, req.params.pemda);
        if (!req.isMultipart()) throw new MasukanTidakSah([{ path: 'berkas', message: 'kirim berkas sebagai multipart/form-data' }]);
        await tingkatUnggah(db, k.aktor, req.params.opd, req.params.tahun);
        const berkas = await bacaUnggahan(req, UKURAN_BUKTI_MAKS);
        return reply.code(201).send(await unggahBuktiLke(k, req.params.opd, req.params.tahun, req.params.kode, berkas));
      },
    );

    app.delete(
      `${BASE}/bukti/:id`,
      { schema: { tags, summary: 'Hapus berkas bukti tingkat yang sedang berjalan', params: HapusBuktiParams, response: { 204: TanpaIsi, ...GALAT_UBAH } } },
      async (req, reply) => {
        await hapusBuktiLke(konteks(req, req.params.pemda), req.params.opd, req.params.tahun, req.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/bukti-lke/:id',
      { schema: { tags, summary: 'Unduh berkas bukti evaluasi (berkas asli; 401/403/404 sebagai Galat)', params: BuktiLkeParams } },
      async (req, reply) => {
        const f = await ambilBuktiLke(db, aktor(req), req.params.id);
        return kirimUnduhan(reply, { mime: f.mime, nama: f.namaAsli, isi: f.isi, header: { 'content-security-policy': "default-src 'none'; sandbox", 'x-content-sha256': f.sha256 } });
      },
    );

    app.post(
      `${BASE}/:langkah`,
      {
        schema: {
          tags,
          summary: 'Pindah tahap: ajukan (OPD → evaluator), kirim (evaluator → pengendali teknis), setujui (→ final), kembalikan (satu tahap mundur, dengan komentar)',
          params: LangkahParams,
          body: LangkahBody,
          response: { 200: LembarLke, ...GALAT_UBAH },
        },
      },
      async (req) => langkahLke(konteks(req, req.params.pemda), req.params.opd, req.params.tahun, req.params.langkah, req.body),
    );

    app.get(
      '/api/pemda/:pemda/lke/kriteria',
      { schema: { tags, summary: 'Versi kriteria evaluasi yang dimuat untuk pemda, dan versi bawaan SIKIPER', params: PemdaParams, response: { 200: DaftarKriteria, ...GALAT_SESI } } },
      async (req) => daftarVersiKriteria(db, aktorPemda(req, req.params.pemda)),
    );

    app.post(
      '/api/pemda/:pemda/lke/kriteria',
      {
        schema: {
          tags,
          summary: 'Muat versi kriteria evaluasi baru (admin pemda): isi berkas JSON kriteria (format referensi/lke/README.md); galat menyebut jalurnya',
          params: PemdaParams,
          body: z.record(z.string(), z.unknown()).describe('isi berkas kriteria: kode, nama, regulasi, sumber, berlakuMulai, komponen[]'),
          response: { 201: VersiKriteria, ...GALAT_UBAH },
        },
      },
      async (req, reply) => reply.code(201).send(await muatVersiKriteria(konteks(req, req.params.pemda), req.body)),
    );

    app.get(
      '/api/pemda/:pemda/tahun/:tahun/evaluasi/rekap',
      { schema: { tags, summary: 'Rekap evaluasi SAKIP setiap OPD satu tahun: nilai akhir, predikat, per komponen, peringkat', params: RekapParams, response: { 200: RekapLke, ...GALAT_SESI } } },
      async (req) => (await rekapLke(db, aktorPemda(req, req.params.pemda), req.params.tahun)).rekap,
    );

    app.get(
      '/api/pemda/:pemda/tahun/:tahun/evaluasi/rekap.xlsx',
      { schema: { tags, summary: 'Rekap evaluasi SAKIP setiap OPD satu tahun sebagai .xlsx', params: RekapParams } },
      async (req, reply) => {
        const a = aktorPemda(req, req.params.pemda);
        const { baris } = await rekapLke(db, a, req.params.tahun);
        const isi = await rekapLkeXlsx(a.pemdaNama, req.params.tahun, baris);
        return kirimUnduhan(reply, { mime: MIME.xlsx, nama: `REKAP-EVALUASI-${a.pemdaSlug}-${req.params.tahun}.xlsx`, isi });
      },
    );

    done();
  };
}
