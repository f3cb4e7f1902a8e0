/** Terminal views of the computed tables, numbered as in an LKJIP. */
import type { Temuan } from '../check/rules.ts';
import { formatAngka, formatNilai, Rational, type Nilai } from '../engine/index.ts';
import type { LaporanAnggaran } from '../measure/anggaran.ts';
import type { LaporanCapaian } from '../measure/capaian.ts';
import { renderTable } from './table.ts';

const pct = (n: Nilai) => formatNilai(n, 2);

export const KELOMPOK_LABEL: Record<string, string> = {
  belanja: 'BELANJA',
  operasi: 'BELANJA OPERASI',
  pegawai: 'Belanja Pegawai',
  'barang-jasa': 'Belanja Barang dan Jasa',
  hibah: 'Belanja Hibah',
  modal: 'BELANJA MODAL',
  'modal-peralatan-mesin': 'Belanja Modal Peralatan dan Mesin',
  'modal-gedung-bangunan': 'Belanja Modal Gedung dan Bangunan',
};
const rp = (x: number) => formatAngka(x, 0);

export function capaianText(l: LaporanCapaian): string {
  const out: string[] = [];
  out.push(
    renderTable(
      `Capaian Indikator Kinerja Utama Sasaran Strategis ${l.opd} ${l.tahun} (Tabel 3.3)`,
      [{ header: 'No' }, { header: 'Sasaran', max: 40 }, { header: 'Indikator', max: 40 }, { header: 'Target', align: 'right' }, { header: 'Realisasi', align: 'right' }, { header: 'Capaian (%)', align: 'right' }, { header: 'Predikat' }],
      [
        ...l.sasaran.flatMap((s) =>
          s.indikator.map((i) => [
            String(s.nomor),
            s.uraian,
            i.nama,
            `${formatNilai(i.target.nilai)} ${i.satuan}`,
            `${formatNilai(i.realisasi.nilai)}${i.realisasi.predikat ? ` ${i.realisasi.predikat}` : ''}`,
            pct(i.capaian),
            i.predikat ?? '-',
          ]),
        ),
        ['', 'Rata-rata capaian kinerja', '', '', '', pct(l.rataRata.capaian), l.rataRata.predikat ?? '-'],
      ],
    ),
  );
  for (const s of l.sasaran) {
    out.push(
      renderTable(
        `Sasaran ${s.nomor}: ${s.uraian} — dibanding tahun lalu dan target akhir Renstra`,
        [{ header: 'Indikator', max: 40 }, { header: `Target ${l.tahun - 1}`, align: 'right' }, { header: `Realisasi ${l.tahun - 1}`, align: 'right' }, { header: 'Capaian', align: 'right' }, { header: `Target ${l.tahun}`, align: 'right' }, { header: `Realisasi ${l.tahun}`, align: 'right' }, { header: 'Capaian', align: 'right' }, { header: 'Target akhir', align: 'right' }, { header: 'Tingkat capaian', align: 'right' }],
        [
          ...s.indikator.map((i) => [
            i.nama,
            formatNilai(i.lalu.target.nilai),
            formatNilai(i.lalu.realisasi.nilai),
            pct(i.lalu.capaian),
            formatNilai(i.target.nilai),
            formatNilai(i.realisasi.nilai),
            pct(i.capaian),
            formatNilai(i.akhir.target.nilai),
            pct(i.akhir.capaian),
          ]),
          ['Rata-rata', '', '', pct(s.capaianLalu), '', '', pct(s.capaian), '', pct(s.capaianAkhir)],
        ],
      ),
    );
    if (s.program.length > 0) {
      out.push(
        renderTable(
          `Program dan kegiatan pendukung sasaran ${s.nomor}`,
          [{ header: 'Kode' }, { header: 'Program / Kegiatan', max: 40 }, { header: 'Indikator', max: 40 }, { header: 'Target', align: 'right' }, { header: 'Realisasi', align: 'right' }, { header: 'Rasio (%)', align: 'right' }],
          s.program.flatMap((p) =>
            p.indikator.map((i, idx) => [idx === 0 ? p.kode : '', idx === 0 ? p.nama : '', i.nama, `${formatNilai(i.target)} ${i.satuan ?? ''}`.trim(), `${formatNilai(i.realisasi)} ${i.satuan ?? ''}`.trim(), pct(i.capaian)]),
          ),
        ),
      );
    }
  }
  if (l.ikuDaerah.length > 0) {
    out.push(
      renderTable(
        'Indikator Kinerja Utama Kabupaten yang diampu',
        [{ header: 'Indikator', max: 40 }, { header: 'Target', align: 'right' }, { header: 'Realisasi', align: 'right' }, { header: 'Capaian (%)', align: 'right' }, { header: 'Predikat' }],
        l.ikuDaerah.map((i) => [`${i.nama} (${i.polaritas === 'negatif' ? 'makin kecil makin baik' : 'makin besar makin baik'})`, formatNilai(i.target), formatNilai(i.realisasi), pct(i.capaian), i.predikat ?? '-']),
      ),
    );
  }
  if (l.ikk.length > 0) {
    out.push(
      renderTable(
        'Indikator Kinerja Kunci (IKK)',
        [{ header: 'No' }, { header: 'IKK', max: 50 }, { header: 'Pembilang', align: 'right' }, { header: 'Penyebut', align: 'right' }, { header: 'Hasil', align: 'right' }, { header: 'Terbit', align: 'right' }],
        l.ikk.map((i) => [String(i.nomor), i.nama, formatAngka(i.pembilang, 0), formatAngka(i.penyebut, 0), formatNilai(i.hasil, i.hasil.status === 'ada' && i.hasil.value.cmp(Rational.ONE) < 0 ? 3 : 2), i.hasilTerbit === undefined ? '-' : formatAngka(i.hasilTerbit, 3, { buangNolBelakang: true })]),
      ),
    );
  }
  return out.join('\n\n');
}

export function anggaranText(l: LaporanAnggaran): string {
  const out: string[] = [];
  out.push(
    renderTable(
      `Realisasi Anggaran ${l.opd} ${l.tahun} (${l.versi ?? 'tanpa DPA'}) (Tabel 3.16)`,
      [{ header: 'Kode' }, { header: 'Program / Kegiatan / Sub Kegiatan', max: 60 }, { header: 'Pagu (Rp)', align: 'right' }, { header: 'Realisasi (Rp)', align: 'right' }, { header: '%', align: 'right' }],
      [
        ...l.kelompok.map((g) => ['', KELOMPOK_LABEL[g.kelompok] ?? g.kelompok, rp(g.pagu), rp(g.realisasi), pct(g.serapan)]),
        ...l.baris.map((b) => [b.kode, b.level === 'program' ? b.nama.toUpperCase() : b.nama, rp(b.pagu), rp(b.realisasi), pct(b.serapan)]),
        ['', 'Total', rp(l.total.pagu), rp(l.total.realisasi), pct(l.total.serapan)],
      ],
    ),
  );
  out.push(`Sisa anggaran: Rp${rp(l.total.sisa)}; serapan ${pct(l.total.serapan)}% (${l.total.predikat ?? '-'})`);
  out.push(
    renderTable(
      'Realisasi Anggaran per Sasaran Strategis dan Program (Tabel 3.17)',
      [{ header: 'No' }, { header: 'Sasaran', max: 40 }, { header: 'Program', max: 45 }, { header: 'Pagu (Rp)', align: 'right' }, { header: 'Realisasi (Rp)', align: 'right' }, { header: '%', align: 'right' }],
      l.sasaran.flatMap((s) => s.program.map((p, i) => [i === 0 ? String(s.nomor) : '', i === 0 ? s.uraian : '', p.nama, rp(p.pagu), rp(p.realisasi), pct(p.serapan)])),
    ),
  );
  out.push(
    renderTable(
      'Tingkat Efisiensi Penggunaan Anggaran (Tabel 3.18)',
      [{ header: 'No' }, { header: 'Sasaran', max: 40 }, { header: '% Capaian kinerja', align: 'right' }, { header: '% Serapan (rata-rata program)', align: 'right' }, { header: 'Efisiensi', align: 'right' }, { header: '% Serapan (tertimbang)', align: 'right' }, { header: 'Efisiensi (tertimbang)', align: 'right' }],
      [
        ...l.sasaran.map((s) => [String(s.nomor), s.uraian, pct(s.capaianKinerja), pct(s.serapanRataRataProgram), pct(s.efisiensi), pct(s.serapanTertimbang), pct(s.efisiensiTertimbang)]),
        ['', 'Rata-rata', pct(l.rataRata.capaianKinerja), pct(l.rataRata.serapanRataRataProgram), pct(l.rataRata.efisiensi), pct(l.rataRata.serapanTertimbang), pct(l.rataRata.efisiensiTertimbang)],
      ],
    ),
  );
  return out.join('\n\n');
}

export function temuanText(list: Temuan[]): string {
  if (list.length === 0) return 'Tidak ada temuan.';
  const lines = list.map((t) => `${t.tingkat === 'galat' ? 'GALAT' : 'PERINGATAN'} [${t.aturan}] ${t.lokasi}: ${t.pesan}`);
  const galat = list.filter((t) => t.tingkat === 'galat').length;
  lines.push('', `${list.length} temuan: ${galat} galat, ${list.length - galat} peringatan.`);
  return lines.join('\n');
}
