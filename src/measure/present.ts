/**
 * JSON forms of the computed tables: numbers are JSON numbers, percentages are percent values
 * (87.17, not 0.8717) rounded for display to 2 decimals; a figure that cannot be given is null
 * with its status beside it. The API declares these shapes in src/kontrak/laporan.ts (Capaian,
 * Anggaran).
 */
import { toJson, type Nilai } from '../engine/index.ts';
import type { LaporanAnggaran } from './anggaran.ts';
import type { LaporanCapaian, Pengukuran } from './capaian.ts';

/** A figure under `key`, and why it is null under `key + 'Status'`. */
export type Angka<K extends string> = { [P in K]: number | null } & { [P in `${K}Status`]?: Exclude<Nilai['status'], 'ada'> };

/** `{ [key]: 87.17 }`, or `{ [key]: null, [key + 'Status']: 'belum-diisi' }`. */
export function angka<K extends string>(key: K, n: Nilai, decimals = 2): Angka<K> {
  return (n.status === 'ada' ? { [key]: toJson(n, decimals) } : { [key]: null, [`${key}Status`]: n.status }) as Angka<K>;
}

function pengukuran(p: Pengukuran) {
  return {
    ...angka('target', p.target.nilai),
    sumberTarget: p.target.sumber,
    ...angka('realisasi', p.realisasi.nilai),
    ...(p.realisasi.predikat ? { predikatRealisasi: p.realisasi.predikat } : {}),
    ...angka('capaian', p.capaian),
    predikat: p.predikat ?? null,
  };
}

export function capaianJson(l: LaporanCapaian) {
  return {
    pemda: l.pemda,
    opd: l.opd,
    tahun: l.tahun,
    skala: l.skala.nama,
    sasaran: l.sasaran.map((s) => ({
      nomor: s.nomor,
      kode: s.kode,
      uraian: s.uraian,
      ...angka('capaian', s.capaian),
      predikat: s.predikat ?? null,
      ...angka('capaianTahunLalu', s.capaianLalu),
      ...angka('capaianTargetAkhirRenstra', s.capaianAkhir),
      indikator: s.indikator.map((i) => ({
        kode: i.kode,
        nama: i.nama,
        satuan: i.satuan,
        ...(i.dariRegister ? { dariRegister: true } : {}),
        ...pengukuran(i),
        tahunLalu: pengukuran(i.lalu),
        targetAkhirRenstra: { ...angka('target', i.akhir.target.nilai), ...angka('capaian', i.akhir.capaian) },
      })),
      program: s.program.map((p) => ({
        kode: p.kode,
        level: p.level,
        nama: p.nama,
        indikator: p.indikator.map((i) => ({
          kode: i.kode,
          nama: i.nama,
          satuan: i.satuan ?? null,
          ...angka('target', i.target),
          ...angka('realisasi', i.realisasi),
          ...angka('capaian', i.capaian),
        })),
      })),
    })),
    rataRata: { ...angka('capaian', l.rataRata.capaian), predikat: l.rataRata.predikat ?? null },
    ikuDaerah: l.ikuDaerah.map((i) => ({
      kode: i.kode,
      nama: i.nama,
      satuan: i.satuan,
      polaritas: i.polaritas,
      ...angka('target', i.target),
      ...angka('realisasi', i.realisasi),
      ...angka('realisasiTahunLalu', i.realisasiLalu),
      ...angka('capaian', i.capaian),
      predikat: i.predikat ?? null,
      pembanding: i.pembanding,
    })),
    ikk: l.ikk.map((i) => ({
      nomor: i.nomor,
      nama: i.nama,
      pembilang: i.pembilang,
      penyebut: i.penyebut,
      pengali: i.pengali,
      satuan: i.satuan,
      ...angka('hasil', i.hasil),
      hasilTerbit: i.hasilTerbit ?? null,
    })),
    sdgs: l.sdgs.map((s) => ({
      nomor: s.nomor,
      tujuanSdgs: s.tujuanSdgs,
      subKegiatan: s.subKegiatan,
      subKegiatanNama: s.subKegiatanNama ?? null,
      satuan: s.satuan,
      target: s.target,
      realisasi: s.realisasi,
      ...angka('capaian', s.capaian),
    })),
  };
}

export function anggaranJson(l: LaporanAnggaran) {
  return {
    pemda: l.pemda,
    opd: l.opd,
    tahun: l.tahun,
    versi: l.versi ?? null,
    total: { pagu: l.total.pagu, realisasi: l.total.realisasi, sisa: l.total.sisa, ...angka('serapan', l.total.serapan), predikat: l.total.predikat ?? null },
    kelompok: l.kelompok.map((g) => ({ kelompok: g.kelompok, pagu: g.pagu, realisasi: g.realisasi, sisa: g.sisa, ...angka('serapan', g.serapan) })),
    baris: l.baris.map((b) => ({ kode: b.kode, level: b.level, nama: b.nama, pagu: b.pagu, realisasi: b.realisasi, ...angka('serapan', b.serapan) })),
    sasaran: l.sasaran.map((s) => ({
      nomor: s.nomor,
      kode: s.kode,
      uraian: s.uraian,
      program: s.program.map((p) => ({ kode: p.kode, nama: p.nama, pagu: p.pagu, realisasi: p.realisasi, ...angka('serapan', p.serapan) })),
      ...angka('capaianKinerja', s.capaianKinerja),
      ...angka('serapanRataRataProgram', s.serapanRataRataProgram),
      ...angka('serapanTertimbang', s.serapanTertimbang),
      ...angka('efisiensi', s.efisiensi),
      ...angka('efisiensiTertimbang', s.efisiensiTertimbang),
    })),
    rataRata: {
      ...angka('capaianKinerja', l.rataRata.capaianKinerja),
      ...angka('serapanRataRataProgram', l.rataRata.serapanRataRataProgram),
      ...angka('serapanTertimbang', l.rataRata.serapanTertimbang),
      ...angka('efisiensi', l.rataRata.efisiensi),
      ...angka('efisiensiTertimbang', l.rataRata.efisiensiTertimbang),
    },
  };
}
