/**
 * Excel in and out over HTTP: Renja/DPA and realisasi workbook import (preview, then commit of
 * exactly the previewed file), templates, the OPD's tables as a workbook, and the pemda's
 * backup and restore.
 *
 * An import is two calls with the same file. `…/pratinjau` reads the workbook, compares it with
 * the database and answers what would be added, changed and removed, and every problem with its
 * sheet, row and column; nothing is written. `…/simpan?sha256=` takes the file again and refuses
 * it unless its SHA-256 is the one the preview answered, so what is committed is byte for byte
 * what the user saw; it is checked again against the current data and written all-or-nothing,
 * with an audit row (who, when, which file, what changed) in the same transaction. Restore works
 * the same way. The file type is decided by the content (ZIP with xl/workbook.xml, gzip), never by
 * the name or Content-Type.
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DatasetError, formatProblem } from '../../dataset/load.ts';
import type { Dataset } from '../../dataset/schema.ts';
import type { Database } from '../../db/client.ts';
import { loadDataset, loadDatasetOpd, saveDataset } from '../../db/dataset-repository.ts';
import { bukaCadangan, buatCadangan, migrasiTerakhir } from '../../exchange/backup.ts';
import { eksporTabelXlsx } from '../../exchange/export-xlsx.ts';
import { BatasTerlampaui, ImporError, lokasiGalat, type Galat } from '../../exchange/galat.ts';
import { imporOpdTahun } from '../../exchange/impor-opd-tahun.ts';
import { buatTemplateRealisasi } from '../../exchange/realisasi-xlsx.ts';
import { buatTemplateRenja } from '../../exchange/renja-xlsx.ts';
import { segarkanStatistik } from '../../exchange/statistik.ts';
import { pilihLembar } from '../../exchange/tabel-web.ts';
import { BATAS_UKURAN_XLSX } from '../../exchange/xlsx.ts';
import { type Aktor, boleh } from '../../policy/policy.ts';
import { catatAudit } from '../../workflow/audit.ts';
import { Dilarang, TidakDitemukan } from '../../workflow/errors.ts';
import { bacaOpd } from '../../workflow/katalog.ts';
import { EksporParams, GagalImpor, HasilImpor, ImporParams, ImporQuery, type IsiCadangan, PratinjauCadangan, type PratinjauImpor, PulihkanQuery, SimpanQuery, TemplatParams } from '../../kontrak/tukar.ts';
import { Galat as GalatHttp, GALAT_SESI, PemdaParams } from '../../kontrak/umum.ts';
import { antreBerat } from '../beban.ts';
import { aktorPemda } from '../gerbang-sesi.ts';
import { kirimUnduhan } from '../unduh.ts';
import { bacaUnggahan } from '../unggah.ts';

/** Largest backup the admin screen accepts (compressed). */
export const BATAS_UKURAN_CADANGAN = 100 * 1024 * 1024;

const MIME_XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MB = (n: number) => `${(n / (1024 * 1024)).toLocaleString('id-ID', { maximumFractionDigits: 2 })} MB`;

// ---------------------------------------------------------------- helpers

const galatJson = (g: Galat) => ({ ...g, lokasi: lokasiGalat(g) });

/** An import refusal that carries its located problems. */
class ImporDitolak extends Error {
  constructor(
    readonly status: number,
    readonly body: GagalImpor,
  ) {
    super(body.message);
  }
}

function namaBerkas(nama: string | undefined): string {
  const base = (nama ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return clean || 'berkas';
}

/** The one uploaded file, refused above `batas` with a message that says the limit. */
async function unggahan(req: FastifyRequest, batas: number): Promise<{ nama: string; isi: Buffer; sha256: string }> {
  let berkas: { nama: string; isi: Buffer };
  try {
    berkas = await bacaUnggahan(req, batas);
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new ImporDitolak(413, { error: 'berkas-terlalu-besar', message: `ukuran berkas melebihi batas ${MB(batas)}`, galat: [galatJson({ pesan: `ukuran berkas melebihi batas ${MB(batas)}` })] });
    }
    throw e;
  }
  return { nama: namaBerkas(berkas.nama), isi: berkas.isi, sha256: createHash('sha256').update(berkas.isi).digest('hex') };
}

function sama(req: FastifyRequest, f: { sha256: string }, sha: string): void {
  if (f.sha256 !== sha) {
    throw new ImporDitolak(409, {
      error: 'berkas-berbeda',
      message: 'berkas yang dikirim bukan berkas yang dipratinjau (SHA-256 berbeda); pratinjau ulang dulu',
      galat: [galatJson({ pesan: `SHA-256 berkas ${f.sha256.slice(0, 12)}… tidak sama dengan pratinjau ${sha.slice(0, 12)}…` })],
    });
  }
  void req;
}

function ringkasIsi(d: Dataset | undefined): IsiCadangan {
  const tahun = (d?.opd ?? []).flatMap((o) => o.tahun);
  return {
    opd: d?.opd.length ?? 0,
    tahun: tahun.length,
    nodeRenja: tahun.reduce((s, t) => s + t.renja.reduce((x, r) => x + r.node.length, 0), 0),
    realisasi: tahun.reduce((s, t) => s + t.realisasi.length, 0),
    barisAnggaran: tahun.reduce((s, t) => s + t.anggaran.reduce((x, a) => x + a.baris.length, 0), 0),
  };
}

const kodeSelisih = (s: { tambah: Array<{ kode: string }>; ubah: Array<{ kode: string }>; hapus: Array<{ kode: string }> } | undefined) =>
  s ? { tambah: s.tambah.map((x) => x.kode), ubah: s.ubah.map((x) => x.kode), hapus: s.hapus.map((x) => x.kode) } : undefined;

export function routesTukar(database: Database, sekarang: () => Date): FastifyPluginCallbackZod {
  const db = database.db;

  async function opdAda(a: Aktor, slug: string) {
    const opd = await bacaOpd(db, a.pemdaId, slug);
    if (!opd) throw new TidakDitemukan(`OPD "${slug}" tidak ada`);
    return opd;
  }

  interface Permintaan {
    a: Aktor;
    jenis: 'renja' | 'realisasi';
    opd: string;
    tahun: number;
    versi: 'murni' | 'perubahan';
    dpa?: 'dpa' | 'dpa-perubahan' | undefined;
  }

  function bolehImpor(p: Permintaan): void {
    const { a, opd } = p;
    const ok =
      p.jenis === 'renja'
        ? boleh(a, { aksi: 'impor:renja', opd })
        : boleh(a, { aksi: 'impor:realisasi-kinerja', opd }) || boleh(a, { aksi: 'impor:realisasi-anggaran', opd });
    if (!ok) throw new Dilarang(`tidak berwenang mengimpor ${p.jenis === 'renja' ? 'Renja/DPA' : 'realisasi'} OPD "${opd}"`);
  }

  /** The import service (shared with the CLI) with this request's permission check and audit row. */
  async function impor(req: FastifyRequest, p: Permintaan, sha: string | undefined) {
    bolehImpor(p);
    await opdAda(p.a, p.opd);
    const f = await unggahan(req, BATAS_UKURAN_XLSX);
    if (sha !== undefined) sama(req, f, sha);
    const info = { nama: f.nama, ukuran: f.isi.length, sha256: f.sha256 };
    try {
      const hasil = await imporOpdTahun(
        db,
        { jenis: p.jenis, pemda: p.a.pemdaSlug, opd: p.opd, tahun: p.tahun, versi: p.versi, dpa: p.dpa, status: 'diajukan', berkas: f, commit: sha !== undefined, sekarang: sekarang() },
        {
          izinkan: (isi) => {
            if (isi.lembarKinerja !== undefined && !boleh(p.a, { aksi: 'impor:realisasi-kinerja', opd: p.opd })) {
              throw new Dilarang(`lembar "${isi.lembarKinerja}" berisi realisasi kinerja, yang hanya boleh diimpor perencana OPD; keuangan mengimpor realisasi anggaran saja`);
            }
          },
          catat: async (tx, pr) => {
            await catatAudit(tx, { pemdaId: p.a.pemdaId, penggunaId: p.a.id, requestId: req.id, at: sekarang() }, [
              {
                entity: p.jenis === 'renja' ? 'impor-renja' : 'impor-realisasi',
                entityKey: `${p.opd}/${p.tahun}${p.jenis === 'renja' ? `/${p.versi}` : ''}`,
                field: 'berkas',
                lama: null,
                baru: {
                  ...info,
                  ...('renja' in pr ? { renja: kodeSelisih(pr.renja), dpa: kodeSelisih(pr.dpa) } : { kinerja: kodeSelisih(pr.kinerja), anggaran: kodeSelisih(pr.anggaran) }),
                },
              },
            ]);
          },
        },
      );
      const pratinjau = hasil.pratinjau as PratinjauImpor;
      if (hasil.galat.length > 0) {
        throw new ImporDitolak(422, {
          error: 'impor-tidak-sah',
          message: `${hasil.galat.length} masalah di berkas; tidak ada yang disimpan`,
          berkas: info,
          pratinjau,
          galat: hasil.galat.map(galatJson),
        });
      }
      return { jenis: p.jenis, berkas: info, pratinjau, galat: [], ditulis: hasil.ditulis };
    } catch (e) {
      if (e instanceof BatasTerlampaui) throw new ImporDitolak(413, { error: 'berkas-terlalu-besar', message: e.galat[0]?.pesan ?? 'berkas melebihi batas', berkas: info, galat: e.galat.map(galatJson) });
      if (e instanceof ImporError) {
        throw new ImporDitolak(422, { error: 'impor-tidak-sah', message: `berkas tidak dapat diimpor; tidak ada yang disimpan`, berkas: info, galat: e.galat.map(galatJson) });
      }
      throw e;
    }
  }

  return (app, _opts, done) => {
    app.setErrorHandler((error, _req, reply) => {
      if (error instanceof ImporDitolak) return reply.code(error.status).send(error.body);
      // The repository refused the data (a value the database does not take): nothing was written.
      if (error instanceof DatasetError) {
        const galat = error.problems.map((p) => galatJson({ pesan: formatProblem(p) }));
        return reply.code(422).send({ error: 'impor-tidak-sah', message: `data tidak dapat disimpan; tidak ada yang diubah`, galat });
      }
      throw error;
    });

    const tags = ['pertukaran'];
    const IMPOR = '/api/pemda/:pemda/opd/:opd/tahun/:tahun/impor/:jenis';
    // 413 is also the body limit of the whole request, answered before the route with the plain error shape.
    const terlaluBesar = z.union([GagalImpor, GalatHttp]);
    const jawabImpor = { 200: HasilImpor, ...GALAT_SESI, 400: GalatHttp, 409: GagalImpor, 413: terlaluBesar, 422: GagalImpor } as const;

    app.post(
      `${IMPOR}/pratinjau`,
      {
        schema: {
          tags,
          summary: 'Pratinjau impor Renja/DPA atau realisasi dari .xlsx (tidak menyimpan apa pun)',
          description:
            'Multipart, satu berkas .xlsx, paling besar 10 MB; jenis berkas ditentukan dari isinya. Jawaban 200 berisi yang akan ditambah, diubah dan dihapus serta sha256 berkas; ' +
            '422 berisi setiap masalah dengan lembar, baris dan kolomnya. Renja: perencana OPD dan admin-pemda; realisasi kinerja: perencana; realisasi anggaran saja: juga keuangan.',
          consumes: ['multipart/form-data'],
          params: ImporParams,
          querystring: ImporQuery,
          response: jawabImpor,
        },
      },
      async (req) => {
        const a = aktorPemda(req, req.params.pemda);
        return antreBerat(req, a.pemdaId, () => impor(req, { a, jenis: req.params.jenis, opd: req.params.opd, tahun: req.params.tahun, versi: req.query.versi, dpa: req.query.dpa }, undefined));
      },
    );

    app.post(
      `${IMPOR}/simpan`,
      {
        schema: {
          tags,
          summary: 'Simpan impor yang telah dipratinjau (semua atau tidak sama sekali)',
          description:
            'Kirim berkas yang sama dengan sha256 dari jawaban pratinjau; berkas lain ditolak 409. Berkas diperiksa lagi terhadap data saat ini; ada masalah: 422 dan tidak ada yang disimpan. ' +
            'Impor yang berhasil dicatat di log audit (pengguna, waktu, berkas, kode yang berubah).',
          consumes: ['multipart/form-data'],
          params: ImporParams,
          querystring: SimpanQuery,
          response: jawabImpor,
        },
      },
      async (req) => {
        const a = aktorPemda(req, req.params.pemda);
        return impor(req, { a, jenis: req.params.jenis, opd: req.params.opd, tahun: req.params.tahun, versi: req.query.versi, dpa: req.query.dpa }, req.query.sha256);
      },
    );

    app.get(
      '/api/pemda/:pemda/templat/:jenis',
      { schema: { tags, summary: 'Unduh templat .xlsx untuk impor (renja atau realisasi)', params: TemplatParams } },
      async (req, reply) => {
        aktorPemda(req, req.params.pemda);
        const isi = req.params.jenis === 'renja' ? await buatTemplateRenja() : await buatTemplateRealisasi();
        return kirimUnduhan(reply, { mime: MIME_XLSX, nama: `templat-${req.params.jenis}.xlsx`, isi });
      },
    );

    app.get(
      '/api/pemda/:pemda/opd/:opd/tahun/:tahun/ekspor/:tabel',
      {
        schema: {
          tags,
          summary: 'Ekspor tabel OPD-tahun ke .xlsx (format angka Indonesia, baris judul dibekukan)',
          description: 'tabel: semua, rencana (Renstra, IKU, Renja), pk (Perjanjian Kinerja), capaian (Tabel 3.3 dst.), anggaran (Tabel 3.16–3.18).',
          params: EksporParams,
        },
      },
      async (req, reply) => {
        const a = aktorPemda(req, req.params.pemda);
        const opd = await opdAda(a, req.params.opd);
        if (!boleh(a, { aksi: 'ekspor:tabel', opd: opd.slug })) throw new Dilarang(`tidak berwenang mengekspor tabel OPD "${opd.slug}"`);
        const d = await loadDatasetOpd(db, a.pemdaSlug, opd.slug);
        if (!d) throw new TidakDitemukan(`OPD "${opd.slug}" tidak ada`);
        const semua = await eksporTabelXlsx(d, opd.slug, req.params.tahun);
        const isi = await pilihLembar(semua, req.params.tabel);
        return kirimUnduhan(reply, { mime: MIME_XLSX, nama: `${opd.slug}-${req.params.tahun}-${req.params.tabel}.xlsx`, isi });
      },
    );

    // ---------------------------------------------------------------- backup and restore

    const bolehCadangan = (a: Aktor) => {
      if (!boleh(a, { aksi: 'cadangan:kelola' })) throw new Dilarang('cadangan dan pemulihan hanya untuk admin pemda');
    };

    app.get(
      '/api/pemda/:pemda/cadangan',
      {
        schema: {
          tags: ['admin'],
          summary: 'Unduh cadangan pemda (.sikiper.gz: JSON gzip, berversi, ber-checksum SHA-256; admin pemda)',
          description: 'Berisi dataset pemda ini saja (tidak termasuk akun, sesi dan log audit).',
          params: PemdaParams,
        },
      },
      async (req, reply) => {
        const a = aktorPemda(req, req.params.pemda);
        bolehCadangan(a);
        const c = await buatCadangan(db, { pemda: [a.pemdaSlug] });
        const tanggal = sekarang().toISOString().slice(0, 10);
        return kirimUnduhan(reply, { mime: 'application/gzip', nama: `sikiper-${a.pemdaSlug}-${tanggal}.sikiper.gz`, isi: c.isi });
      },
    );

    /**
     * The dataset of the backup to restore into the actor's pemda, checked completely: the
     * pemda's own, or the only pemda of a one-pemda backup (written under the actor's slug, only
     * when `pemdaLain` confirms it). Nothing else is ever written.
     */
    async function bukaUntuk(a: Aktor, f: { nama: string; isi: Buffer; sha256: string }, pemdaLain: boolean) {
      const info = { nama: f.nama, ukuran: f.isi.length, sha256: f.sha256 };
      let c;
      try {
        c = await bukaCadangan(f.isi, f.nama);
      } catch (e) {
        if (e instanceof BatasTerlampaui) throw new ImporDitolak(413, { error: 'berkas-terlalu-besar', message: `${e.galat[0]?.pesan ?? 'cadangan melebihi batas'}; tidak ada yang diubah`, berkas: info, galat: e.galat.map(galatJson) });
        if (e instanceof ImporError) throw new ImporDitolak(422, { error: 'cadangan-tidak-sah', message: `${e.galat[0]?.pesan ?? 'cadangan tidak sah'}; tidak ada yang diubah`, berkas: info, galat: e.galat.map(galatJson) });
        throw e;
      }
      const sendiri = c.pemda.find((x) => x.pemda.slug === a.pemdaSlug);
      const asal = sendiri ?? (c.pemda.length === 1 ? c.pemda[0] : undefined);
      const tolak = (pesan: string) => new ImporDitolak(422, { error: 'cadangan-pemda-lain', message: pesan, berkas: info, galat: [galatJson({ pesan })] });
      if (!asal) {
        const ada = c.pemda.map((x) => x.pemda.slug).join(', ') || '(kosong)';
        throw tolak(`cadangan ini berisi ${c.pemda.length} pemda (${ada}) dan tidak satu pun pemda "${a.pemdaSlug}"; pulihkan cadangan banyak pemda dengan \`sikiper restore\`. Tidak ada yang diubah`);
      }
      if (!sendiri && !pemdaLain) {
        throw tolak(
          `cadangan ini dari pemda "${asal.pemda.slug}" (${asal.pemda.nama}), bukan pemda "${a.pemdaSlug}"; untuk memulihkannya ke pemda Anda, konfirmasi dengan pemdaLain=true. Tidak ada yang diubah`,
        );
      }
      const d: Dataset = sendiri ? sendiri : { ...asal, pemda: { ...asal.pemda, slug: a.pemdaSlug } };
      return { info, c, d, asal: asal.pemda.slug };
    }

    const jawabCadangan = { 200: PratinjauCadangan, ...GALAT_SESI, 400: GalatHttp, 409: GagalImpor, 413: terlaluBesar, 422: GagalImpor } as const;

    const ringkasCadangan = (b: Awaited<ReturnType<typeof bukaUntuk>>, sekarangIsi: Dataset | undefined, dipulihkan: boolean) => ({
      berkas: b.info,
      dibuat: b.c.createdAt,
      migrasi: b.c.schemaMigration,
      migrasiBerbeda: b.c.schemaMigration !== migrasiTerakhir(),
      pemda: { slug: b.d.pemda.slug, nama: b.d.pemda.nama },
      asal: b.asal,
      pemdaLainDiabaikan: b.c.pemda.map((x) => x.pemda.slug).filter((s) => s !== b.asal),
      isi: ringkasIsi(b.d),
      sekarang: ringkasIsi(sekarangIsi),
      dipulihkan,
    });

    app.post(
      '/api/pemda/:pemda/cadangan/pratinjau',
      {
        schema: {
          tags: ['admin'],
          summary: 'Periksa berkas cadangan dan tampilkan isinya (tidak mengubah apa pun; admin pemda)',
          description: 'Diperiksa: gzip, format, versi, checksum SHA-256, dan setiap dataset. Hanya dataset pemda pengguna yang dapat dipulihkan.',
          consumes: ['multipart/form-data'],
          params: PemdaParams,
          response: jawabCadangan,
        },
      },
      async (req) => {
        const a = aktorPemda(req, req.params.pemda);
        bolehCadangan(a);
        return antreBerat(req, a.pemdaId, async () => {
          const b = await bukaUntuk(a, await unggahan(req, BATAS_UKURAN_CADANGAN), true);
          return ringkasCadangan(b, await loadDataset(db, a.pemdaSlug), false);
        });
      },
    );

    app.post(
      '/api/pemda/:pemda/cadangan/pulihkan',
      {
        schema: {
          tags: ['admin'],
          summary: 'Pulihkan cadangan yang telah diperiksa (admin pemda; hanya pemda sendiri, semua atau tidak sama sekali)',
          description:
            'Kirim berkas yang sama dengan sha256 dari jawaban pratinjau. Data pemda diganti seluruhnya oleh isi cadangan; pemda lain tidak disentuh. ' +
            'Cadangan satu pemda lain hanya dipulihkan dengan pemdaLain=true. Dicatat di log audit.',
          consumes: ['multipart/form-data'],
          params: PemdaParams,
          querystring: PulihkanQuery,
          response: jawabCadangan,
        },
      },
      async (req) => {
        const a = aktorPemda(req, req.params.pemda);
        bolehCadangan(a);
        const f = await unggahan(req, BATAS_UKURAN_CADANGAN);
        sama(req, f, req.query.sha256);
        const b = await bukaUntuk(a, f, req.query.pemdaLain === 'true');
        let sebelum: Dataset | undefined;
        await db.transaction(async (tx) => {
          sebelum = await loadDataset(tx, a.pemdaSlug);
          await segarkanStatistik(tx);
          await saveDataset(tx, b.d);
          await catatAudit(tx, { pemdaId: a.pemdaId, penggunaId: a.id, requestId: req.id, at: sekarang() }, [
            {
              entity: 'cadangan',
              entityKey: a.pemdaSlug,
              field: 'pulihkan',
              lama: ringkasIsi(sebelum),
              baru: { ...b.info, dibuat: b.c.createdAt, migrasi: b.c.schemaMigration, ...ringkasIsi(b.d) },
            },
          ]);
        });
        return ringkasCadangan(b, sebelum, true);
      },
    );
    done();
  };
}
