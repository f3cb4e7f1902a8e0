/**
 * Facts of SIKIPER's own records that answer evaluation criteria (the `fakta` of a criterion in
 * the criteria file): the Renstra covers the year, the IKU are set and reviewed, the Renja and
 * the PK exist and are signed, quarterly targets are set, realisasi is reported and approved
 * every quarter, the year is signed off, the previous evaluation is followed up. Each is read
 * when asked, with where it comes from; the evaluator confirms it, nothing is answered for them.
 */
import type { Db } from '../db/client.ts';
import { loadDatasetOpd } from '../db/dataset-repository.ts';
import type { FaktaLke } from '../dataset/lke.ts';
import { formatTanggal } from '../engine/format.ts';
import { kekuranganTahun, tindakLanjutDariEvaluasi } from './evaluasi.ts';
import { bacaKatalog } from './katalog.ts';
import { tahunDisahkan } from './pengesahan.ts';

export interface Fakta {
  kode: FaktaLke;
  terpenuhi: boolean;
  uraian: string;
  sumber: string;
}

const tgl = (d: string | undefined) => (d ? formatTanggal(d) : 'tanpa tanggal');

/** Every fact of an OPD-year, read in a fixed number of queries. */
export async function bacaFakta(db: Db, pemda: { id: string; slug: string }, opd: string, tahun: number): Promise<Map<FaktaLke, Fakta>> {
  const out = new Map<FaktaLke, Fakta>();
  const set = (kode: FaktaLke, terpenuhi: boolean, uraian: string, sumber: string) => out.set(kode, { kode, terpenuhi, uraian, sumber });

  const d = await loadDatasetOpd(db, pemda.slug, opd, [tahun]);
  const o = d?.opd.find((x) => x.slug === opd);
  const renstra = o?.renstra.find((r) => r.periodeAwal <= tahun && tahun <= r.periodeAkhir);
  const data = o?.tahun.find((x) => x.tahun === tahun);

  if (renstra) {
    const indikator = renstra.sasaran.flatMap((s) => s.indikator);
    const bertarget = indikator.filter((i) => i.target.some((x) => x.tahun === tahun)).length;
    set(
      'renstra-ada',
      bertarget === indikator.length,
      `Renstra ${renstra.periodeAwal}–${renstra.periodeAkhir}${renstra.nomorDokumen ? ` (${renstra.nomorDokumen})` : ''}: ${renstra.tujuan.length} tujuan, ${renstra.sasaran.length} sasaran, ${indikator.length} indikator, ${bertarget} bertarget tahun ${tahun}.`,
      'Rencana › Renstra & IKU',
    );
    const iku = [...renstra.iku].sort((a, b) => a.versi - b.versi);
    const akhir = iku.at(-1);
    set(
      'iku-ditetapkan',
      akhir !== undefined && akhir.nomorDokumen !== undefined,
      akhir ? `IKU ${akhir.nama}${akhir.nomorDokumen ? ` nomor ${akhir.nomorDokumen}` : ' tanpa nomor penetapan'}, ${tgl(akhir.tanggal)}, ${akhir.baris.length} indikator.` : 'Belum ada IKU yang tercatat.',
      'Rencana › Renstra & IKU',
    );
    set(
      'iku-direviu',
      iku.length > 1,
      iku.length > 1 ? `IKU direviu: ${iku.length} versi (${iku.map((v) => `${v.nama}, ${tgl(v.tanggal)}`).join('; ')}).` : 'Hanya satu versi IKU tercatat; belum ada reviu IKU.',
      'Rencana › Renstra & IKU',
    );
  } else {
    set('renstra-ada', false, `Tidak ada Renstra yang mencakup tahun ${tahun}.`, 'Rencana › Renstra & IKU');
  }

  const renja = data?.renja ?? [];
  const node = renja.at(-1)?.node ?? [];
  set(
    'renja-ada',
    node.length > 0,
    node.length > 0
      ? `Renja ${tahun} (${renja.map((r) => r.versi).join(', ')}): ${node.filter((n) => n.level === 'program').length} program, ${node.filter((n) => n.level === 'kegiatan').length} kegiatan, ${node.filter((n) => n.level === 'sub-kegiatan').length} sub kegiatan.`
      : `Belum ada Renja tahun ${tahun}.`,
    'Rencana › Renja & pagu',
  );

  const pk = [...(data?.pk ?? [])].sort((a, b) => a.versi - b.versi).at(-1);
  set(
    'pk-ditandatangani',
    pk?.tanggal !== undefined,
    pk ? `${pk.nama} ditandatangani ${pk.pihakPertama.jabatan} dan ${pk.pihakKedua.jabatan}, ${tgl(pk.tanggal)}, ${pk.kinerja.length} indikator kinerja.` : `Belum ada Perjanjian Kinerja tahun ${tahun}.`,
    'Rencana › Perjanjian Kinerja',
  );

  const ra = data?.rencanaAksi ?? [];
  const indikatorPk = new Set(pk?.kinerja.map((k) => k.indikator) ?? []);
  const bertargetTw = [...indikatorPk].filter((i) => [1, 2, 3, 4].every((tw) => ra.some((r) => r.indikator === i && r.triwulan === tw))).length;
  set(
    'rencana-aksi-ada',
    indikatorPk.size > 0 && bertargetTw === indikatorPk.size,
    indikatorPk.size > 0 ? `Target triwulan (rencana aksi) lengkap untuk ${bertargetTw} dari ${indikatorPk.size} indikator PK.` : 'Tidak ada indikator PK untuk diberi target triwulan.',
    'Rencana › Target triwulan',
  );

  const katalog = await bacaKatalog(db, pemda.id, opd, tahun);
  const jumlah = (katalog?.indikator.length ?? 0) * 4;
  if (katalog && jumlah > 0) {
    const kurang = await kekuranganTahun(db, pemda.id, opd, tahun);
    const kosong = kurang.filter((k) => k.status === 'kosong').length;
    set('realisasi-triwulan', kosong === 0, `${jumlah - kosong} dari ${jumlah} isian triwulan (${katalog.indikator.length} indikator × 4 triwulan) telah diisi.`, 'Entri realisasi');
    set('realisasi-diverifikasi', kurang.length === 0, `${jumlah - kurang.length} dari ${jumlah} isian triwulan telah diverifikasi dan disetujui kepala OPD.`, 'Verifikasi');
  } else {
    set('realisasi-triwulan', false, `Tidak ada indikator untuk diisi realisasinya pada tahun ${tahun}.`, 'Entri realisasi');
    set('realisasi-diverifikasi', false, `Tidak ada isian realisasi tahun ${tahun}.`, 'Verifikasi');
  }

  const sah = await tahunDisahkan(db, pemda.id, opd, tahun);
  set('lkjip-disahkan', sah !== null, sah ? `Tahun ${tahun} disahkan oleh ${sah.nama} pada ${formatTanggal(new Date(sah.pada))}.` : `Tahun ${tahun} belum disahkan kepala OPD.`, 'Evaluasi › Pengesahan tahun');

  const lalu = await tindakLanjutDariEvaluasi(db, pemda.id, opd, tahun - 1);
  const ditindak = lalu.filter((r) => r.tindakLanjut.trim() !== '').length;
  set(
    'tindak-lanjut-dicatat',
    lalu.length > 0 && ditindak === lalu.length,
    lalu.length > 0 ? `${ditindak} dari ${lalu.length} rekomendasi evaluasi tahun ${tahun - 1} telah dicatat tindak lanjutnya.` : `Tidak ada rekomendasi evaluasi tahun ${tahun - 1} yang tercatat.`,
    `Evaluasi ${tahun - 1} › Rekomendasi`,
  );
  return out;
}
