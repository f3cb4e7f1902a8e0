/**
 * Budget tables of an LKJIP, computed from the data: Tabel 3.16 (pagu and realisasi per program,
 * kegiatan and sub kegiatan), the account groups of section B.1, Tabel 3.17 (per sasaran and
 * program) and Tabel 3.18 (efficiency per sasaran).
 */
import type { AnggaranVersiData, Dataset, NodeRenjaData } from '../dataset/schema.ts';
import { efisiensi, jumlah, predikat, rataRata, serapan, serapanGabungan, sisa, type Nilai, type PaguRealisasi } from '../engine/index.ts';
import { hitungCapaian, type LaporanCapaian } from './capaian.ts';
import { anggaranTerakhir, konteks, renjaTerakhir } from './konteks.ts';

export interface BarisAnggaran extends PaguRealisasi {
  kode: string;
  level: NodeRenjaData['level'];
  nama: string;
  serapan: Nilai;
}

export interface SasaranAnggaran {
  kode: string;
  nomor: number;
  uraian: string;
  program: BarisAnggaran[];
  /** Mean of the programs' percentages: the seed's method. */
  serapanRataRataProgram: Nilai;
  /** Total realisasi / total pagu. */
  serapanTertimbang: Nilai;
  capaianKinerja: Nilai;
  /** Capaian kinerja - serapan (mean of programs), in percentage points. */
  efisiensi: Nilai;
  /** Capaian kinerja - weighted serapan. */
  efisiensiTertimbang: Nilai;
}

export interface LaporanAnggaran {
  pemda: string;
  opd: string;
  tahun: number;
  versi: AnggaranVersiData['versi'] | undefined;
  /** Tabel 3.16, in Renja order. */
  baris: BarisAnggaran[];
  total: PaguRealisasi & { serapan: Nilai; sisa: number; predikat: string | undefined };
  kelompok: Array<PaguRealisasi & { kelompok: string; serapan: Nilai; sisa: number }>;
  /** Tabel 3.17 and 3.18. */
  sasaran: SasaranAnggaran[];
  rataRata: { capaianKinerja: Nilai; serapanRataRataProgram: Nilai; serapanTertimbang: Nilai; efisiensi: Nilai; efisiensiTertimbang: Nilai };
}

export function hitungAnggaran(dataset: Dataset, opdSlug: string, tahun: number, capaianOpd?: LaporanCapaian): LaporanAnggaran {
  const k = konteks(dataset, opdSlug, tahun);
  const versi = anggaranTerakhir(k.data);
  const nodes = renjaTerakhir(k.data);
  const byKode = new Map((versi?.baris ?? []).map((b) => [b.kode, b]));
  const baris: BarisAnggaran[] = nodes.flatMap((n) => {
    const b = byKode.get(n.kode);
    return b ? [{ kode: n.kode, level: n.level, nama: n.nama, pagu: b.pagu, realisasi: b.realisasi, serapan: serapan(b) }] : [];
  });
  const programs = baris.filter((b) => b.level === 'program');
  const totalPR = jumlah(programs);
  const totalSerapan = serapan(totalPR);
  const cap = capaianOpd ?? hitungCapaian(dataset, opdSlug, tahun);

  const sasaran = cap.sasaran.map((s): SasaranAnggaran => {
    const linked = nodes.filter((n) => n.level === 'program' && n.sasaran.includes(s.kode)).map((n) => n.kode);
    const program = programs.filter((p) => linked.includes(p.kode));
    const g = serapanGabungan(program);
    return {
      kode: s.kode,
      nomor: s.nomor,
      uraian: s.uraian,
      program,
      serapanRataRataProgram: g.rataRataProgram,
      serapanTertimbang: g.tertimbang,
      capaianKinerja: s.capaian,
      efisiensi: efisiensi(s.capaian, g.rataRataProgram),
      efisiensiTertimbang: efisiensi(s.capaian, g.tertimbang),
    };
  });

  return {
    pemda: dataset.pemda.slug,
    opd: opdSlug,
    tahun,
    versi: versi?.versi,
    baris,
    total: { ...totalPR, serapan: totalSerapan, sisa: sisa(totalPR), predikat: predikat(totalSerapan, k.skala)?.label },
    kelompok: (versi?.kelompok ?? []).map((g) => ({ kelompok: g.kelompok, pagu: g.pagu, realisasi: g.realisasi, serapan: serapan(g), sisa: sisa(g) })),
    sasaran,
    rataRata: {
      capaianKinerja: rataRata(sasaran.map((s) => s.capaianKinerja)),
      serapanRataRataProgram: rataRata(sasaran.map((s) => s.serapanRataRataProgram)),
      serapanTertimbang: rataRata(sasaran.map((s) => s.serapanTertimbang)),
      efisiensi: rataRata(sasaran.map((s) => s.efisiensi)),
      efisiensiTertimbang: rataRata(sasaran.map((s) => s.efisiensiTertimbang)),
    },
  };
}
