/** Validates a dataset file or folder and prints every problem with its location. */
import { DatasetError, formatProblem, bacaBerkasDataset } from '../src/dataset/load.ts';

const path = process.argv[2];
if (!path) {
  console.error('pakai: tsx scripts/validate-dataset.ts <berkas|folder>');
  process.exit(2);
}
try {
  const d = await bacaBerkasDataset(path);
  const years = d.opd.map((o) => `${o.slug}: ${o.tahun.map((t) => t.tahun).join(', ')}`).join('; ');
  console.log(`sah: pemda ${d.pemda.slug}, ${d.opd.length} OPD (${years})`);
} catch (e) {
  if (e instanceof DatasetError) {
    e.problems.forEach((p) => console.error(formatProblem(p)));
    process.exit(1);
  }
  throw e;
}
