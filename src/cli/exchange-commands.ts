/**
 * Commands for exchanging data with spreadsheets and files: export (JSON or .xlsx), table
 * export, Renja/DPA and realisasi import with preview, templates, backup and restore.
 *
 * Located problems are thrown as `ImporError` (a `DatasetError`), which the program's error
 * handler prints with exit code 1; previews go to stdout before that, so a dry run with errors
 * shows both.
 */
import { writeFile } from 'node:fs/promises';
import { Argument, type Command, InvalidArgumentError, Option } from 'commander';
import type { Dataset } from '../dataset/schema.ts';
import type { DatabaseKind, Db } from '../db/client.ts';
import type { HasilImporOpdTahun, PratinjauImpor } from '../exchange/impor-opd-tahun.ts';
import type { PratinjauRealisasi } from '../exchange/realisasi-xlsx.ts';
import type { PratinjauRenja, VersiRenja } from '../exchange/renja-xlsx.ts';
import type { StatusTersimpan } from '../policy/status.ts';

// The modules a command needs are imported when it runs (see main.ts).
const repo = () => import('../db/dataset-repository.ts');
const berkasXlsx = () => import('../exchange/xlsx.ts');

export interface ExchangeDeps {
  /** Opens (and migrates) the configured database for the duration of `f`. */
  withDatabase: <T>(f: (database: { db: Db; kind: DatabaseKind }) => Promise<T>) => Promise<T>;
  /** An error the program prints without a stack trace, exit code 1. */
  usageError: (message: string) => Error;
  /** Where normal output goes; default stdout. */
  print?: (text: string) => void;
}

function tahun(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1990 || n > 2100) throw new InvalidArgumentError('tahun harus empat angka, mis. 2023');
  return n;
}

/** The statuses an imported entry may be given (`StatusRealisasi` of the dataset schema, checked by the type). */
const STATUS = ['draf', 'diajukan', 'ditolak', 'diverifikasi', 'disetujui'] as const satisfies readonly StatusTersimpan[];

export function registerExchangeCommands(program: Command, deps: ExchangeDeps): void {
  const print = deps.print ?? ((s: string) => void process.stdout.write(`${s}\n`));
  const ukuranKb = (b: Uint8Array) => `${Math.max(1, Math.round(b.length / 1024)).toLocaleString('id-ID')} KB`;

  async function datasetPemda(db: Db, slug: string): Promise<Dataset> {
    const { listPemda, loadDataset } = await repo();
    const d = await loadDataset(db, slug);
    if (!d) {
      const known = (await listPemda(db)).map((p) => p.slug);
      throw deps.usageError(`pemda "${slug}" tidak ada di basis data${known.length ? ` (yang ada: ${known.join(', ')})` : '; impor dulu dengan `sikiper import`'}`);
    }
    return d;
  }

  program
    .command('export')
    .description('mengekspor dataset satu pemda: JSON (format dataset) atau .xlsx (satu lembar per entitas); keduanya dapat diimpor kembali')
    .requiredOption('--pemda <slug>', 'pemda')
    .addOption(new Option('--format <format>', 'format berkas').choices(['json', 'xlsx']).default('json'))
    .option('--out <file>', 'berkas keluaran (JSON tanpa --out: ke layar)')
    .option('--dengan-data-pribadi', 'sertakan kolom data pribadi register (nama, telepon, ...) apa adanya; bawaan: disamarkan')
    .action(async (o: { pemda: string; format: 'json' | 'xlsx'; out?: string; denganDataPribadi?: boolean }) => {
      if (o.format === 'xlsx' && !o.out) throw deps.usageError('ekspor .xlsx memerlukan --out <berkas>');
      const { samarkanDataset } = await import('../dataset/register.ts');
      const { tulisDatasetXlsx } = await import('../exchange/dataset-xlsx.ts');
      await deps.withDatabase(async ({ db }) => {
        const lengkap = await datasetPemda(db, o.pemda);
        // Personal data leaves the system only when asked for; a backup keeps everything.
        const d = o.denganDataPribadi ? lengkap : samarkanDataset(lengkap);
        const isi = o.format === 'xlsx' ? await tulisDatasetXlsx(d) : `${JSON.stringify(d, null, 2)}\n`;
        if (!o.out) {
          process.stdout.write(isi);
          return;
        }
        await writeFile(o.out, isi);
        print(`diekspor ke ${o.out} (${o.format}, ${ukuranKb(typeof isi === 'string' ? Buffer.from(isi) : isi)})`);
      });
    });

  program
    .command('export-tabel')
    .description('mengekspor tabel satu OPD-tahun ke .xlsx: Renstra, IKU, Renja, PK, Tabel 3.3 dan per sasaran, Tabel 3.16–3.18')
    .requiredOption('--pemda <slug>', 'pemda, mis. paser')
    .requiredOption('--opd <slug>', 'perangkat daerah, mis. disnakertrans')
    .requiredOption('--tahun <tahun>', 'tahun, mis. 2023', tahun)
    .requiredOption('--out <file>', 'berkas .xlsx keluaran')
    .action(async (o: { pemda: string; opd: string; tahun: number; out: string }) => {
      const { eksporTabelXlsx } = await import('../exchange/export-xlsx.ts');
      await deps.withDatabase(async ({ db }) => {
        const isi = await eksporTabelXlsx(await datasetPemda(db, o.pemda), o.opd, o.tahun);
        await writeFile(o.out, isi);
        print(`tabel ${o.opd} ${o.tahun} ditulis ke ${o.out} (${ukuranKb(isi)})`);
      });
    });

  const opdTahun = (name: string, description: string) =>
    program
      .command(name)
      .description(description)
      .argument('<file>', 'berkas .xlsx')
      .requiredOption('--pemda <slug>', 'pemda, mis. paser')
      .requiredOption('--opd <slug>', 'perangkat daerah, mis. disnakertrans')
      .requiredOption('--tahun <tahun>', 'tahun, mis. 2023', tahun)
      .option('--commit', 'simpan ke basis data (tanpa ini: hanya pratinjau)')
      .option('--json', 'pratinjau dan galat sebagai JSON');

  async function selesai(r: HasilImporOpdTahun, o: { json?: boolean; commit?: boolean }, teks: (p: PratinjauImpor) => string, file: string): Promise<void> {
    const { ImporError } = await import('../exchange/galat.ts');
    if (o.json) print(JSON.stringify({ pratinjau: r.pratinjau, galat: r.galat, ditulis: r.ditulis }, null, 2));
    else print(teks(r.pratinjau));
    if (r.galat.length > 0) throw new ImporError(r.galat, file);
    if (!o.json) print(r.ditulis ? 'disimpan.' : 'pratinjau saja, tidak ada yang disimpan; ulangi dengan --commit untuk menyimpan.');
  }

  opdTahun('import-renja', 'mengimpor Renja/DPA dari .xlsx (kode nomenklatur, uraian, indikator, target, satuan, pagu, ...); pratinjau, lalu --commit')
    .addOption(new Option('--versi <versi>', 'versi Renja yang diganti').choices(['murni', 'perubahan']).default('murni'))
    .action(async (file: string, o: { pemda: string; opd: string; tahun: number; versi: VersiRenja; commit?: boolean; json?: boolean }) => {
      const { BATAS_UKURAN_XLSX, bacaBerkasTerbatas } = await berkasXlsx();
      const { imporOpdTahun } = await import('../exchange/impor-opd-tahun.ts');
      const { teksPratinjauRenja } = await import('../exchange/renja-xlsx.ts');
      const isi = await bacaBerkasTerbatas(file, BATAS_UKURAN_XLSX);
      await deps.withDatabase(async ({ db }) => {
        const r = await imporOpdTahun(db, { jenis: 'renja', pemda: o.pemda, opd: o.opd, tahun: o.tahun, versi: o.versi, berkas: { nama: file, isi }, commit: o.commit === true, sekarang: new Date() });
        await selesai(r, o, (p) => teksPratinjauRenja(p as PratinjauRenja), file);
      });
    });

  opdTahun('import-realisasi', 'mengimpor realisasi kinerja (indikator, triwulan, nilai atau pembilang/penyebut) dan realisasi anggaran (kode, realisasi) dari .xlsx')
    .addOption(new Option('--status <status>', 'status entri yang diimpor').choices(STATUS).default('diajukan'))
    .addOption(new Option('--dpa <versi>', 'versi DPA yang realisasinya diperbarui (bawaan: terakhir)').choices(['dpa', 'dpa-perubahan']))
    .action(async (file: string, o: { pemda: string; opd: string; tahun: number; status: (typeof STATUS)[number]; dpa?: 'dpa' | 'dpa-perubahan'; commit?: boolean; json?: boolean }) => {
      const { BATAS_UKURAN_XLSX, bacaBerkasTerbatas } = await berkasXlsx();
      const { imporOpdTahun } = await import('../exchange/impor-opd-tahun.ts');
      const { teksPratinjauRealisasi } = await import('../exchange/realisasi-xlsx.ts');
      const isi = await bacaBerkasTerbatas(file, BATAS_UKURAN_XLSX);
      await deps.withDatabase(async ({ db }) => {
        const r = await imporOpdTahun(db, {
          jenis: 'realisasi',
          pemda: o.pemda,
          opd: o.opd,
          tahun: o.tahun,
          status: o.status,
          dpa: o.dpa,
          berkas: { nama: file, isi },
          commit: o.commit === true,
          sekarang: new Date(),
        });
        await selesai(r, o, (p) => teksPratinjauRealisasi(p as PratinjauRealisasi), file);
      });
    });

  program
    .command('template')
    .description('menulis templat .xlsx untuk diisi: renja (Renja/DPA) atau realisasi')
    .addArgument(new Argument('<jenis>', 'renja|realisasi').choices(['renja', 'realisasi']))
    .requiredOption('--out <file>', 'berkas .xlsx keluaran')
    .action(async (jenis: 'renja' | 'realisasi', o: { out: string }) => {
      const isi = jenis === 'renja' ? await (await import('../exchange/renja-xlsx.ts')).buatTemplateRenja() : await (await import('../exchange/realisasi-xlsx.ts')).buatTemplateRealisasi();
      await writeFile(o.out, isi);
      print(`templat ${jenis} ditulis ke ${o.out}`);
    });

  program
    .command('backup')
    .description('menulis cadangan lengkap (dataset semua pemda atau yang dipilih): JSON terkompresi gzip, berversi, ber-checksum SHA-256')
    .requiredOption('--out <file>', 'berkas cadangan keluaran, mis. sikiper-2024-01-31.sikiper.gz')
    .option('--pemda <slug...>', 'hanya pemda ini (bawaan: semua)')
    .action(async (o: { out: string; pemda?: string[] }) => {
      const { buatCadangan } = await import('../exchange/backup.ts');
      await deps.withDatabase(async ({ db, kind }) => {
        const c = await buatCadangan(db, { pemda: o.pemda });
        await writeFile(o.out, c.isi);
        print(`cadangan ${c.pemda.length} pemda (${c.pemda.join(', ') || '-'}) dari ${kind} ditulis ke ${o.out} (${ukuranKb(c.isi)})`);
      });
    });

  program
    .command('restore')
    .description('memulihkan cadangan: semua diperiksa dulu (format, versi, checksum, setiap dataset), lalu semua pemda ditulis dalam satu transaksi')
    .argument('<file>', 'berkas cadangan dari `sikiper backup`')
    .action(async (file: string) => {
      const { bacaBerkasTerbatas } = await berkasXlsx();
      const { pulihkan } = await import('../exchange/backup.ts');
      const isi = await bacaBerkasTerbatas(file, Number.MAX_SAFE_INTEGER);
      await deps.withDatabase(async ({ db, kind }) => {
        const r = await pulihkan(db, isi, file);
        print(`dipulihkan ke ${kind}: ${r.pemda.length} pemda (${r.pemda.join(', ') || '-'}), cadangan tanggal ${r.createdAt}`);
        if (r.migrasiBerbeda) print(`catatan: cadangan dibuat pada migrasi ${r.schemaMigration}; dataset diperiksa dengan format dataset yang berlaku`);
      });
    });
}
