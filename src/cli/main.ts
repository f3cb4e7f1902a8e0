/**
 * `sikiper`: the command line. Every command works on the database named by DATABASE_URL, or
 * on the embedded database in SIKIPER_DATA_DIR (default ./data). The environment is read once,
 * by `main` (src/config/config.ts), and the configuration passed down from here.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import type { Dataset } from '../dataset/schema.ts';
import type { Database } from '../db/client.ts';
import type { OpenOptions } from '../db/target.ts';
import { bacaKonfigurasi, type Konfigurasi, teksMasalah } from '../config/config.ts';
import { FORMAT_DOKUMEN, JENIS_DOKUMEN, type FormatDokumen, type JenisDokumen } from '../report/jenis.ts';
import { registerExchangeCommands } from './exchange-commands.ts';
import { registerIndikatorCommands } from './indikator-commands.ts';

// Everything a command does is imported when the command runs (`await import(...)` in its
// action), so that `sikiper --help` and a mistyped command load only commander and the
// configuration, not the database drivers, the renderers or the server.

/** The reference dataset loaded into an empty database by `serve`. */
const DEMO_DATASET = fileURLToPath(new URL('../../fixtures/paser-2023', import.meta.url));

/** A failure the user can fix: printed without a stack trace, exit code 1. */
class UsageError extends Error {}

function tahun(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1990 || n > 2100) throw new InvalidArgumentError('tahun harus empat angka, mis. 2023');
  return n;
}

/** The database options of a configuration. */
function opsiBasisData(k: Konfigurasi): OpenOptions {
  return { url: k.databaseUrl, dataDir: k.dataDir, pool: k.pgPool };
}

async function denganBasisData<T>(opsi: OpenOptions, f: (database: Database) => Promise<T>): Promise<T> {
  const { openDatabase, migrate } = await import('../db/client.ts');
  const database = await openDatabase(opsi);
  try {
    await migrate(database);
    return await f(database);
  } finally {
    await database.close();
  }
}

async function pemdaDataset(database: Database, slug: string): Promise<Dataset> {
  const { listPemda, loadDataset } = await import('../db/dataset-repository.ts');
  const d = await loadDataset(database.db, slug);
  if (!d) {
    const known = (await listPemda(database.db)).map((p) => p.slug);
    throw new UsageError(`pemda "${slug}" tidak ada di basis data${known.length ? ` (yang ada: ${known.join(', ')})` : '; impor dulu dengan `sikiper import`'}`);
  }
  return d;
}

const print = (s: string) => process.stdout.write(`${s}\n`);
const printJson = (v: unknown) => print(JSON.stringify(v, null, 2));

/**
 * The reference pemda without any account gets the demo accounts, so that a fresh `serve` can
 * be signed into. The password is SIKIPER_DEMO_PASSWORD (`fromEnv`), or a random one shown only now.
 */
async function siapkanPenggunaDemo(database: Database, fromEnv: string | undefined): Promise<void> {
  const { listPemda } = await import('../db/dataset-repository.ts');
  const { adaPengguna } = await import('../auth/pengguna.ts');
  const { buatPenggunaDemo } = await import('../auth/demo.ts');
  const slug = 'paser';
  if (!(await listPemda(database.db)).some((p) => p.slug === slug) || (await adaPengguna(database.db, slug))) return;
  const { username, sandi } = await buatPenggunaDemo(database.db, { pemda: slug, ...(fromEnv ? { sandi: fromEnv } : {}) });
  print('PERINGATAN: akun DEMO dibuat untuk pemda paser. Jangan dipakai untuk data sungguhan; nonaktifkan sebelum produksi.');
  print(`  username: ${username.join(', ')}`);
  print(fromEnv ? '  kata sandi: nilai SIKIPER_DEMO_PASSWORD' : `  kata sandi (hanya ditampilkan sekali): ${sandi}`);
}

export function buildProgram(konfigurasi: Konfigurasi): Command {
  const opsiDb = opsiBasisData(konfigurasi);
  const withDatabase = <T>(f: (database: Database) => Promise<T>): Promise<T> => denganBasisData(opsiDb, f);
  const program = new Command('sikiper')
    .description('SIKIPER — Sistem Informasi Kinerja Perangkat Daerah')
    .showHelpAfterError()
    .configureOutput({ outputError: (s, write) => write(s) });

  program
    .command('migrate')
    .description('menerapkan migrasi skema basis data')
    .action(async () => {
      await withDatabase(async (database) => {
        print(`migrasi selesai (${database.kind})`);
        if (database.kind !== 'postgres') return;
        const { adalahCitus, bacaPenempatan } = await import('../db/citus.ts');
        if (!(await adalahCitus(database.client))) return;
        const tabel = await bacaPenempatan(database.client);
        const dari = (cara: string) => tabel.filter((t) => t.cara === cara).map((t) => t.tabel);
        const kolokasi = new Set(tabel.map((t) => t.colocation).filter((c) => c !== null));
        print(
          `citus: ${dari('tersebar').length} tabel tersebar menurut pemda_id (${kolokasi.size} kelompok kolokasi), ` +
            `tabel referensi: ${dari('referensi').join(', ')}; hanya di koordinator: ${dari('koordinator').join(', ')}`,
        );
        const lokal = dari('lokal');
        if (lokal.length > 0) throw new Error(`tabel belum tersebar: ${lokal.join(', ')}`);
      });
    });

  program
    .command('import')
    .description('mengimpor dataset (folder, .json atau .xlsx hasil export); semua atau tidak sama sekali, data pemda yang sama diganti')
    .argument('<path>', 'folder dataset, berkas .json atau .xlsx')
    .action(async (path: string) => {
      const { bacaBerkasImpor } = await import('../exchange/impor.ts');
      const { saveDataset } = await import('../db/dataset-repository.ts');
      const dataset = await bacaBerkasImpor(path);
      await withDatabase(async (database) => {
        await saveDataset(database.db, dataset);
        const years = dataset.opd.flatMap((o) => o.tahun.map((t) => t.tahun));
        print(`diimpor: pemda ${dataset.pemda.slug}, ${dataset.opd.length} OPD, tahun ${[...new Set(years)].sort().join(', ') || '-'} (${database.kind})`);
      });
    });

  registerExchangeCommands(program, { withDatabase, usageError: (m) => new UsageError(m) });
  registerIndikatorCommands(program, { withDatabase, usageError: (m) => new UsageError(m) });

  const scoped = (name: string, description: string) =>
    program
      .command(name)
      .description(description)
      .requiredOption('--pemda <slug>', 'pemda, mis. paser')
      .requiredOption('--opd <slug>', 'perangkat daerah, mis. disnakertrans')
      .requiredOption('--tahun <tahun>', 'tahun, mis. 2023', tahun)
      .option('--json', 'keluaran JSON');

  scoped('capaian', 'capaian kinerja: IKU per sasaran, dibanding tahun lalu dan target akhir Renstra, program dan kegiatan (Tabel 3.2–3.15)').action(
    async (o: { pemda: string; opd: string; tahun: number; json?: boolean }) => {
      const { hitungCapaian } = await import('../measure/capaian.ts');
      const { capaianJson } = await import('../measure/present.ts');
      const { capaianText } = await import('./views.ts');
      await withDatabase(async (database) => {
        const l = hitungCapaian(await pemdaDataset(database, o.pemda), o.opd, o.tahun);
        if (o.json) printJson(capaianJson(l));
        else print(capaianText(l));
      });
    },
  );

  scoped('anggaran', 'realisasi anggaran per program/kegiatan/sub kegiatan, per sasaran, dan efisiensi (Tabel 3.16–3.18)').action(
    async (o: { pemda: string; opd: string; tahun: number; json?: boolean }) => {
      const { hitungAnggaran } = await import('../measure/anggaran.ts');
      const { anggaranJson } = await import('../measure/present.ts');
      const { anggaranText } = await import('./views.ts');
      await withDatabase(async (database) => {
        const l = hitungAnggaran(await pemdaDataset(database, o.pemda), o.opd, o.tahun);
        if (o.json) printJson(anggaranJson(l));
        else print(anggaranText(l));
      });
    },
  );

  program
    .command('check')
    .description('memeriksa konsistensi data: jumlah, antar dokumen, target, realisasi, bukti')
    .requiredOption('--pemda <slug>', 'pemda')
    .option('--opd <slug>', 'hanya satu OPD')
    .option('--tahun <tahun>', 'hanya satu tahun', tahun)
    .option('--json', 'keluaran JSON')
    .action(async (o: { pemda: string; opd?: string; tahun?: number; json?: boolean }) => {
      const { periksaDataset } = await import('../check/rules.ts');
      const { temuanText } = await import('./views.ts');
      await withDatabase(async (database) => {
        const temuan = periksaDataset(await pemdaDataset(database, o.pemda), { opd: o.opd, tahun: o.tahun });
        if (o.json) printJson({ pemda: o.pemda, jumlah: temuan.length, temuan });
        else print(temuanText(temuan));
      });
    });

  program
    .command('report')
    .description('membuat dokumen: lkjip, pk, renstra, iku, renja, rencana-aksi, tindak-lanjut, lhe (laporan hasil evaluasi) (docx|pdf), triwulan (xlsx)')
    .argument('<jenis>', JENIS_DOKUMEN.join('|'))
    .requiredOption('--pemda <slug>', 'pemda, mis. paser')
    .requiredOption('--opd <slug>', 'perangkat daerah, mis. disnakertrans')
    .requiredOption('--tahun <tahun>', 'tahun, mis. 2023', tahun)
    .requiredOption('--format <format>', FORMAT_DOKUMEN.join('|'))
    .requiredOption('--out <file>', 'berkas keluaran')
    .option('--versi <n>', 'versi Perjanjian Kinerja (bawaan: terakhir)', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('versi harus bilangan bulat 0 atau lebih');
      return n;
    })
    .option('--triwulan <n>', 'laporan triwulan: sampai triwulan ke- (bawaan 4)', Number)
    .action(async (jenis: string, o: { pemda: string; opd: string; tahun: number; format: string; out: string; versi?: number; triwulan?: number }) => {
      if (!(JENIS_DOKUMEN as readonly string[]).includes(jenis)) throw new UsageError(`jenis dokumen "${jenis}" tidak dikenal; pilih ${JENIS_DOKUMEN.join(', ')}`);
      if (!(FORMAT_DOKUMEN as readonly string[]).includes(o.format)) throw new UsageError(`format "${o.format}" tidak dikenal; pilih ${FORMAT_DOKUMEN.join(', ')}`);
      if (o.triwulan !== undefined && ![1, 2, 3, 4].includes(o.triwulan)) throw new UsageError('triwulan harus 1, 2, 3 atau 4');
      const { buatDokumen } = await import('../report/index.ts');
      const { opsiLkjip } = await import('../workflow/evaluasi.ts');
      await withDatabase(async (database) => {
        const d = await pemdaDataset(database, o.pemda);
        const started = performance.now();
        const lkjip = jenis === 'lkjip' || jenis === 'tindak-lanjut' ? await opsiLkjip(database.db, o.pemda, o.opd, o.tahun) : undefined;
        let lhe;
        if (jenis === 'lhe') {
          const { dataLhePemda } = await import('../workflow/lke.ts');
          const { TidakDitemukan } = await import('../workflow/errors.ts');
          const { listPemda } = await import('../db/dataset-repository.ts');
          const pemdaId = (await listPemda(database.db)).find((p) => p.slug === o.pemda)?.id ?? '';
          lhe = await dataLhePemda(database.db, pemdaId, o.opd, o.tahun).catch((e: unknown) => {
            throw e instanceof TidakDitemukan ? new UsageError(e.message) : e;
          });
        }
        const out = await buatDokumen(d, { jenis: jenis as JenisDokumen, format: o.format as FormatDokumen, opd: o.opd, tahun: o.tahun, versi: o.versi, triwulan: o.triwulan as 1 | 2 | 3 | 4 | undefined, lkjip, lhe });
        await writeFile(o.out, out.isi);
        print(`${out.namaBerkas} ditulis ke ${o.out} (${(out.isi.length / 1024).toFixed(0)} KB, ${Math.round(performance.now() - started)} ms)${out.placeholder.length ? `; ${out.placeholder.length} bagian narasi belum diisi` : ''}`);
      });
    });

  program
    .command('paket-reviu')
    .description('paket reviu e-SAKIP (zip): Renstra, IKU, Renja, PK, rencana aksi, LKJIP dan tindak lanjut evaluasi sebagai PDF, dengan manifest.json dan SHA256SUMS')
    .requiredOption('--pemda <slug>', 'pemda, mis. paser')
    .requiredOption('--opd <slug>', 'perangkat daerah, mis. disnakertrans')
    .requiredOption('--tahun <tahun>', 'tahun, mis. 2023', tahun)
    .requiredOption('--out <file>', 'berkas zip keluaran')
    .action(async (o: { pemda: string; opd: string; tahun: number; out: string }) => {
      const { listPemda } = await import('../db/dataset-repository.ts');
      const { buatDokumen } = await import('../report/index.ts');
      const { buatPaketReviu } = await import('../exchange/paket-reviu.ts');
      const { TidakDitemukan } = await import('../workflow/errors.ts');
      await withDatabase(async (database) => {
        const known = (await listPemda(database.db)).map((p) => p.slug);
        if (!known.includes(o.pemda)) throw new UsageError(`pemda "${o.pemda}" tidak ada di basis data${known.length ? ` (yang ada: ${known.join(', ')})` : ''}`);
        const started = performance.now();
        const paket = await buatPaketReviu(database.db, o.pemda, o.opd, o.tahun, { buat: buatDokumen, sekarang: new Date() }).catch((e: unknown) => {
          throw e instanceof TidakDitemukan ? new UsageError(e.message) : e;
        });
        await writeFile(o.out, paket.isi);
        const kosong = paket.manifest.berkas.reduce((n, b) => n + b.belumDiisi.length, 0);
        print(`${paket.namaBerkas} ditulis ke ${o.out} (${(paket.isi.length / 1024).toFixed(0)} KB, ${paket.manifest.berkas.length} dokumen, ${Math.round(performance.now() - started)} ms)${kosong ? `; ${kosong} bagian belum diisi` : ''}`);
        for (const b of paket.manifest.berkas) print(`  ${b.namaBerkas}  ${b.sha256}`);
      });
    });

  program
    .command('serve')
    .description('menjalankan server; basis data kosong diisi data contoh Kabupaten Paser 2023')
    .option('--port <port>', 'port (bawaan: PORT atau 3000)')
    .option('--host <host>', 'alamat (bawaan: HOST atau 127.0.0.1)')
    .action(async (o: { port?: string; host?: string }) => {
      const port = o.port === undefined ? konfigurasi.port : Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`port tidak sah: ${o.port}`);
      const host = o.host ?? konfigurasi.host;
      const { openDatabase, migrate } = await import('../db/client.ts');
      const { listPemda, saveDataset } = await import('../db/dataset-repository.ts');
      const { bacaBerkasDataset } = await import('../dataset/load.ts');
      const { buildApp } = await import('../server/app.ts');
      const database = await openDatabase(opsiDb);
      await migrate(database);
      if ((await listPemda(database.db)).length === 0) {
        await saveDataset(database.db, await bacaBerkasDataset(DEMO_DATASET));
        print('basis data kosong: data contoh Kabupaten Paser 2023 dimuat');
      }
      await siapkanPenggunaDemo(database, konfigurasi.sandiDemo);
      const { cookieSecure, trustProxy, originLain, cacheDasbor, cacheKatalog, pekerja, pekerjaPemda, antreanMaks, antreanPemda, batasPermintaanDetik } = konfigurasi;
      const beban = {
        ...(pekerja === undefined ? {} : { pekerja }),
        antrean: { ...(pekerjaPemda === undefined ? {} : { serentakPemda: pekerjaPemda }), maks: antreanMaks, maksPemda: antreanPemda },
      };
      const batasWaktu = { permintaan: batasPermintaanDetik * 1000 };
      const app = buildApp(database, { cookieSecure, trustProxy, originLain, cacheDasbor, cacheKatalog, beban, batasWaktu });
      const shutdown = () => {
        void app.close().then(() => database.close());
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      await app.listen({ port, host });
      print(`SIKIPER berjalan di http://${host === '0.0.0.0' ? 'localhost' : host}:${port} (basis data: ${database.kind})`);
    });

  return program;
}

/** Runs one command; `env` is the process environment, read here and nowhere else. */
export async function main(argv: string[], env: Readonly<Record<string, string | undefined>>): Promise<number> {
  const konfigurasi = bacaKonfigurasi(env);
  for (const p of konfigurasi.peringatan) process.stderr.write(`peringatan: ${p}\n`);
  if (!konfigurasi.ok) {
    process.stderr.write(`${teksMasalah(konfigurasi.masalah)}\n`);
    return 2;
  }
  try {
    await buildProgram(konfigurasi.konfigurasi).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    const { DatasetError, formatProblem } = await import('../dataset/load.ts');
    const { NotFoundError } = await import('../measure/konteks.ts');
    const { FormatTidakDidukung } = await import('../report/index.ts');
    const { galatBasisData, ringkasGalatBasisData } = await import('../db/galat.ts');
    if (e instanceof DatasetError) {
      process.stderr.write(`dataset tidak sah, tidak ada yang diubah:\n${e.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}\n`);
      return 1;
    }
    if (e instanceof UsageError || e instanceof NotFoundError || e instanceof FormatTidakDidukung) {
      process.stderr.write(`galat: ${e.message}\n`);
      return 1;
    }
    // A failed query's message holds its SQL and parameters (hashes, names, values): only its SQLSTATE and names are printed.
    if (galatBasisData(e)) {
      process.stderr.write(`galat: ${ringkasGalatBasisData(e)}\n`);
      return 1;
    }
    throw e;
  }
}
