/**
 * `sikiper indikator explain`: how a register-bound indicator's value is made — its formula,
 * the value per quarter, and the register rows behind it (ids and non-personal columns).
 */
import { type Command, InvalidArgumentError } from 'commander';
import type { DatabaseKind, Db } from '../db/client.ts';
import { formatAngka } from '../engine/format.ts';
import type { Penjelasan } from '../measure/penjelasan.ts';

export interface IndikatorDeps {
  withDatabase: <T>(f: (database: { db: Db; kind: DatabaseKind }) => Promise<T>) => Promise<T>;
  usageError: (message: string) => Error;
  print?: (text: string) => void;
}

function tahun(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1990 || n > 2100) throw new InvalidArgumentError('tahun harus empat angka, mis. 2023');
  return n;
}

const angka = (n: number | null) => (n === null ? '-' : formatAngka(n, 2, { buangNolBelakang: true }));

/** The explanation as text, for people at a terminal. */
export function penjelasanText(p: Penjelasan): string {
  const lines = [
    `${p.indikator.kode} ${p.indikator.nama} (${p.opd}, ${p.tahun})`,
    `rumus: ${p.rumus.teks}`,
    `periode: ${p.rumus.periode}; agregasi tahunan: ${p.indikator.agregasi}`,
    '',
  ];
  for (const s of p.triwulan) {
    const nama = s.triwulan === null ? 'Tahun' : `TW${s.triwulan}`;
    const pq = s.pembilang !== null && s.penyebut !== null ? ` = ${angka(s.pembilang)}/${angka(s.penyebut)}` : '';
    lines.push(`${nama} (bulan ${s.bulanDari}–${s.bulanSampai})${pq}: ${s.nilai === null ? (s.alasan ?? '-') : angka(s.nilai)}${s.sumber === 'impor' ? ' [angka impor]' : ''}`);
    if (s.sumber === 'impor' && s.keterangan) lines.push(`  ${s.keterangan}`);
    for (const a of s.agregat) {
      const total = a.totalImpor.length ? ` + total impor ${a.totalImpor.join(', ')}` : '';
      lines.push(`  ${a.rumus} = ${a.nilai === null ? (a.alasan ?? '-') : angka(a.nilai)} (${a.baris.length} baris${total})`);
    }
  }
  if (p.kumulatif) {
    lines.push('', 'kumulatif per triwulan (informasi):');
    for (const s of p.kumulatif) {
      const pq = s.pembilang !== null && s.penyebut !== null ? ` = ${angka(s.pembilang)}/${angka(s.penyebut)}` : '';
      lines.push(`  TW${s.triwulan ?? '-'} (bulan 1–${s.bulanSampai})${pq}: ${s.nilai === null ? (s.alasan ?? '-') : angka(s.nilai)}`);
    }
  }
  lines.push('', `realisasi ${p.tahun}: ${p.realisasi.nilai === null ? (p.realisasi.alasan ?? '-') : angka(p.realisasi.nilai)}; capaian: ${angka(p.capaian)}`);
  for (const r of p.register) {
    lines.push('', `register ${r.kode} — ${r.nama}`);
    lines.push(['id', ...r.kolom.map((k) => k.kode)].join(' | '));
    for (const b of r.baris) lines.push([b.id, ...r.kolom.map((k) => String(b.nilai[k.kode] ?? ''))].join(' | '));
    for (const t of r.totalImpor) {
      lines.push(`total impor ${t.id} (bulan ${t.bulanDari}–${t.bulanSampai} ${t.tahun}): ${Object.entries(t.nilai).map(([k, v]) => `${k} = ${angka(v)}`).join('; ')}`);
      lines.push(`  ${t.keterangan}`);
    }
  }
  return lines.join('\n');
}

export function registerIndikatorCommands(program: Command, deps: IndikatorDeps): void {
  const print = deps.print ?? ((s: string) => process.stdout.write(`${s}\n`));
  const indikator = program.command('indikator').description('indikator yang dihitung dari register');
  indikator
    .command('explain')
    .description('rumus, nilai per triwulan, dan baris register di balik nilai (tanpa kolom data pribadi)')
    .requiredOption('--pemda <slug>', 'pemda, mis. paser')
    .requiredOption('--opd <slug>', 'perangkat daerah, mis. disnakertrans')
    .requiredOption('--tahun <tahun>', 'tahun, mis. 2023', tahun)
    .requiredOption('--indikator <kode>', 'kode indikator, mis. IKU-2')
    .option('--json', 'keluaran JSON')
    .action(async (o: { pemda: string; opd: string; tahun: number; indikator: string; json?: boolean }) => {
      // Imported when the command runs (see main.ts).
      const { listPemda, loadDataset } = await import('../db/dataset-repository.ts');
      const { NotFoundError } = await import('../measure/konteks.ts');
      const { jelaskanIndikator } = await import('../measure/penjelasan.ts');
      await deps.withDatabase(async ({ db }) => {
        const d = await loadDataset(db, o.pemda);
        if (!d) {
          const known = (await listPemda(db)).map((p) => p.slug);
          throw deps.usageError(`pemda "${o.pemda}" tidak ada di basis data${known.length ? ` (yang ada: ${known.join(', ')})` : ''}`);
        }
        let p: Penjelasan;
        try {
          p = jelaskanIndikator(d, o.opd, o.tahun, o.indikator);
        } catch (e) {
          if (e instanceof NotFoundError) throw deps.usageError(e.message);
          throw e;
        }
        print(o.json ? JSON.stringify(p, null, 2) : penjelasanText(p));
      });
    });
}
