/**
 * What the OPD documents of the review package (Renstra, IKU, Renja, Rencana Aksi, Tindak Lanjut
 * Evaluasi) share: the letterhead, one portrait or landscape section, and how a planned value
 * (a number with its unit and grade) is printed.
 */
import type { Dataset, IndikatorData, OpdData } from '../dataset/schema.ts';
import { formatAngka } from '../engine/index.ts';
import type { Block, Letterhead, ReportDocument } from './model.ts';

type NilaiRencana = IndikatorData['target'][number];

export function kopOpd(d: Dataset, opd: OpdData): Letterhead {
  return {
    lines: [`PEMERINTAH ${d.pemda.nama.toUpperCase()}`, opd.nama.toUpperCase()],
    ...(opd.alamat ? { address: [opd.alamat, opd.website, opd.email].filter(Boolean).join(' · ') } : {}),
  };
}

/** A one-section document under the OPD's letterhead. */
export function dokumenOpd(d: Dataset, opd: OpdData, judul: string, blocks: Block[], orientation: 'portrait' | 'landscape' = 'portrait'): ReportDocument {
  return {
    title: judul,
    author: opd.nama,
    sections: [{ orientation, pageNumbers: 'arabic', letterhead: kopOpd(d, opd), blocks }],
  };
}

/** "30", "77,92", "62 B": a planned value as the plan documents print it; "-" when there is none. */
export function teksNilai(v: NilaiRencana | undefined): string {
  return v ? `${formatAngka(v.nilai, 2, { buangNolBelakang: true })}${v.predikat ? ` ${v.predikat}` : ''}` : '-';
}

export function targetTahun(ind: IndikatorData, tahun: number): NilaiRencana | undefined {
  return ind.target.find((t) => t.tahun === tahun);
}

/** The unit names (and the official heading each, when recorded) in charge of an indicator. */
export function penanggungJawab(opd: OpdData, kode: readonly string[]): string {
  return kode
    .map((k) => {
      const unit = opd.unit.find((u) => u.kode === k);
      const kepala = opd.pejabat.find((p) => p.unit === k && !p.selesai);
      return `${unit?.nama ?? k}${kepala ? ` (${kepala.nama})` : ''}`;
    })
    .join('; ');
}
