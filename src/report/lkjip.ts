/**
 * The LKJIP (Laporan Kinerja Instansi Pemerintah) of one OPD and year, as a report model:
 * the structure of PermenPAN-RB 53/2014 as the reference LKJIP follows it, every table filled
 * from the data and the engine, standard sentences written from the figures, and the
 * narrative staff write per sasaran and per section (empty fields become visible placeholders).
 */
import type { Dataset, IndikatorData, NodeRenjaData, OpdData, SasaranData } from '../dataset/schema.ts';
import { formatAngka, formatNilai, formatTanggal, isAda, RUMUS_NEGATIF_LABEL } from '../engine/index.ts';
import { hitungAnggaran, type LaporanAnggaran } from '../measure/anggaran.ts';
import { hitungCapaian, type IndikatorCapaian, type LaporanCapaian, type SasaranCapaian } from '../measure/capaian.ts';
import { konteks, pkTerakhir, renjaTerakhir, type Konteks } from '../measure/konteks.ts';
import type { Block, Cell, Letterhead, ReportDocument, Section, Signatory } from './model.ts';
import { blokPerjanjianKinerja } from './pk.ts';
import {
  angka,
  banding,
  c,
  gabung,
  h,
  jumlahPerPredikat,
  kalimatCapaianSasaran,
  kalimatTahunLalu,
  narasi,
  num,
  ol,
  p,
  pct,
  rp,
  rupiah,
  tabel,
  terbilang,
  ul,
} from './teks.ts';

export const KELOMPOK_BELANJA: Record<string, string> = {
  belanja: 'Belanja',
  operasi: 'Belanja Operasi',
  pegawai: 'Belanja Pegawai',
  'barang-jasa': 'Belanja Barang dan Jasa',
  hibah: 'Belanja Hibah',
  modal: 'Belanja Modal',
  'modal-peralatan-mesin': 'Belanja Modal Peralatan dan Mesin',
  'modal-gedung-bangunan': 'Belanja Modal Gedung dan Bangunan',
};

interface Ctx {
  opsi?: OpsiLkjip;
  d: Dataset;
  k: Konteks;
  opd: OpdData;
  tahun: number;
  cap: LaporanCapaian;
  ang: LaporanAnggaran;
  nama: string;
  pemda: string;
}

function kopSurat(x: Ctx): Letterhead {
  return {
    lines: [`PEMERINTAH ${x.d.pemda.nama.toUpperCase()}`, x.opd.nama.toUpperCase()],
    ...(x.opd.alamat ? { address: [x.opd.alamat, x.opd.website, x.opd.email].filter(Boolean).join(' · ') } : {}),
  };
}

export function penandatanganKepala(opd: OpdData, tanggal?: string): Signatory {
  const kepala =
    opd.pejabat.find((pj) => pj.unit === 'kadis' && (!tanggal || ((!pj.mulai || pj.mulai <= tanggal) && (!pj.selesai || pj.selesai >= tanggal)))) ??
    opd.pejabat.find((pj) => /^kepala dinas|^kepala badan|^kepala/i.test(pj.jabatan));
  return {
    titleLines: [`Kepala ${opd.nama}`],
    name: kepala?.nama ?? '[Belum diisi: nama kepala perangkat daerah]',
    ...(kepala?.pangkat ? { rank: kepala.pangkat } : {}),
    ...(kepala?.nip ? { nip: kepala.nip } : {}),
  };
}

function tempatTanggal(x: Ctx): string {
  const l = x.k.data.lkjip;
  const tempat = l?.tempat ?? x.d.pemda.ibukota ?? x.d.pemda.nama;
  const tanggal = l?.tanggalTeks ?? (l?.tanggalPenetapan ? formatTanggal(l.tanggalPenetapan) : `Januari ${x.tahun + 1}`);
  return `${tempat}, ${tanggal}`;
}

// ------------------------------------------------------------------ front matter

function kataPengantar(x: Ctx): Block[] {
  return [
    h(1, 'KATA PENGANTAR'),
    p(
      `Laporan Kinerja Instansi Pemerintah ${x.nama} Tahun ${x.tahun} disusun berdasarkan Perjanjian Kinerja Tahun ${x.tahun} dan merupakan bentuk akuntabilitas dari pelaksanaan tugas dan fungsi yang dipercayakan kepada ${x.opd.nama} atas penggunaan anggaran.`,
    ),
    p(
      `Laporan ini memberikan gambaran tingkat pencapaian sasaran strategis sebagai jabaran visi dan misi Kepala Daerah, yang mengindikasikan tingkat keberhasilan dan kegagalan pelaksanaan program, kegiatan dan sub kegiatan, dan diharapkan menjadi bahan evaluasi untuk meningkatkan kinerja yang berorientasi pada hasil.`,
    ),
    { type: 'signature', placeDate: tempatTanggal(x), signatories: [penandatanganKepala(x.opd)] },
    ...(x.opsi?.pengesahan
      ? [p(`Capaian kinerja tahun ${x.tahun} telah disahkan oleh Kepala ${x.opd.nama} (${x.opsi.pengesahan.nama}) pada ${formatTanggal(x.opsi.pengesahan.pada.slice(0, 10))}.`, false)]
      : []),
  ];
}

function ikhtisar(x: Ctx): Block[] {
  const blocks: Block[] = [h(1, 'IKHTISAR EKSEKUTIF')];
  const renstra = x.k.renstra;
  blocks.push(
    p(
      `Dalam Rencana Strategis ${x.opd.nama} Tahun ${renstra.periodeAwal}–${renstra.periodeAkhir} ditetapkan ${renstra.tujuan.length} (${terbilang(renstra.tujuan.length)}) tujuan dan ${renstra.sasaran.length} (${terbilang(renstra.sasaran.length)}) sasaran strategis yang diukur dengan ${x.cap.sasaran.reduce((n, s) => n + s.indikator.length, 0)} indikator kinerja utama.`,
    ),
  );
  blocks.push(tabelCapaianIku(x, 'Capaian Indikator Kinerja Utama Tahun ' + String(x.tahun)));
  const urutan = x.k.skala.bands.map((b) => b.label);
  blocks.push(p(jumlahPerPredikat(x.cap.sasaran.map((s) => s.predikat), urutan)));
  blocks.push(ol(x.cap.sasaran.map((s) => kalimatCapaianSasaran(s.nomor, s.capaian, s.predikat))));
  blocks.push(
    p(
      `Rata-rata capaian kinerja sasaran strategis ${x.nama} tahun ${x.tahun} sebesar ${pct(x.cap.rataRata.capaian)} atau bermakna ${x.cap.rataRata.predikat ?? '-'}.`,
    ),
  );
  const belum = x.cap.sasaran.filter((s) => s.indikator.some((i) => isAda(i.capaian) && i.capaian.value.cmp(i.capaian.value.round(0)) !== 0 && i.capaian.value.toNumber() < 100));
  if (belum.length > 0) {
    blocks.push(p(`Sasaran yang belum mencapai target (capaian di bawah 100%): ${gabung(belum.map((s) => `sasaran ${s.nomor}`))}.`));
  }
  blocks.push(...ikk(x), ...ikuDaerah(x), ...sdgs(x));
  blocks.push(h(2, 'Daya Serap Anggaran'), p(kalimatAnggaran(x)));
  const n = x.k.data.narasi;
  blocks.push(h(2, 'Kendala yang Dihadapi'), ...narasi(n?.kendala, 'kendala yang dihadapi dalam pencapaian target'));
  blocks.push(h(2, 'Langkah Penyelesaian'), ...narasi(n?.langkahMengatasi, 'langkah penyelesaian permasalahan'));
  blocks.push(...tindakLanjut(x));
  return blocks;
}

function kalimatAnggaran(x: Ctx): string {
  const t = x.ang.total;
  return `Anggaran ${x.opd.nama} Tahun ${x.tahun} sebesar ${rupiah(t.pagu)} telah terserap sebesar ${rupiah(t.realisasi)} atau ${pct(t.serapan)}, bermakna ${t.predikat ?? '-'}, dengan sisa anggaran sebesar ${rupiah(t.sisa)}.`;
}

function ikk(x: Ctx): Block[] {
  if (x.cap.ikk.length === 0) return [];
  return [
    h(2, `Pencapaian Indikator Kinerja Kunci (IKK) ${x.opd.singkatan ?? x.opd.nama}`),
    tabel(
      `Tabel Capaian IKK Tahun ${x.tahun}`,
      [{ width: 0.5, align: 'center' }, { width: 3.5 }, { width: 2.5 }, { width: 2.5 }, { width: 1.6, align: 'right' }],
      [[c('No'), c('IKK Outcome'), c('Pembilang'), c('Penyebut'), c('Hasil')]],
      x.cap.ikk.map((i) => {
        const src = x.k.data.ikk.find((r) => r.nomor === i.nomor);
        const desimal = isAda(i.hasil) && i.hasil.value.toNumber() < 1 ? 3 : 2;
        return [
          c(String(i.nomor)),
          c(i.nama),
          c(`${src?.pembilangNama ?? ''}: ${formatAngka(i.pembilang, 0)}`),
          c(`${src?.penyebutNama ?? ''}: ${formatAngka(i.penyebut, 0)}`),
          num(`${formatNilai(i.hasil, desimal)}${i.satuan === '%' ? '%' : ''}`),
        ];
      }),
      { source: x.k.data.ikk[0]?.sumber ? `Sumber : ${x.k.data.ikk[0].sumber}` : undefined },
    ),
  ];
}

function ikuDaerah(x: Ctx): Block[] {
  const list = x.cap.ikuDaerah;
  if (list.length === 0) return [];
  const blocks: Block[] = [
    h(2, 'Indikator Kinerja Utama Kabupaten yang Diampu'),
    tabel(
      `Tabel Capaian IKU Kabupaten Tahun ${x.tahun}`,
      [{ width: 3 }, { width: 1.2, align: 'right' }, { width: 1.2, align: 'right' }, { width: 1.2, align: 'right' }, { width: 1.6 }],
      [[c('Indikator Kinerja Utama Kabupaten'), c('Target'), c('Realisasi'), c('Capaian'), c('Predikat')]],
      list.map((i) => [c(i.nama), num(`${angka(i.target)}${i.satuan === '%' ? '%' : ''}`), num(`${angka(i.realisasi)}${i.satuan === '%' ? '%' : ''}`), num(pct(i.capaian)), c(i.predikat ?? '-')]),
    ),
  ];
  for (const i of list) {
    if (i.polaritas === 'negatif') {
      const arah = isAda(i.realisasi) && isAda(i.target) ? (i.realisasi.value.cmp(i.target.value) > 0 ? 'di atas' : i.realisasi.value.cmp(i.target.value) < 0 ? 'di bawah' : 'sama dengan') : undefined;
      const lalu = banding(i.realisasi, i.realisasiLalu);
      blocks.push(
        p(
          `${i.nama} merupakan indikator yang semakin kecil realisasinya semakin baik kinerjanya, sehingga capaian dihitung dengan rumus ${RUMUS_NEGATIF_LABEL[x.k.rumusNegatif]}. ` +
            (arah ? `Realisasi ${x.tahun} sebesar ${angka(i.realisasi)}${i.satuan === '%' ? '%' : ''} berada ${arah} target ${angka(i.target)}${i.satuan === '%' ? '%' : ''}` : '') +
            (lalu && isAda(i.realisasiLalu) ? `, dan ${lalu} realisasi ${x.tahun - 1} sebesar ${angka(i.realisasiLalu)}${i.satuan === '%' ? '%' : ''}.` : '.'),
        ),
      );
    }
    if (i.pembanding.length > 0) {
      blocks.push(p(`Sebagai pembanding: ${gabung(i.pembanding.map((b) => `${b.wilayah} ${formatAngka(b.nilai, 2)}${i.satuan === '%' ? '%' : ''}`))}.`));
    }
    const n = x.k.data.narasi?.ikuDaerah.find((r) => r.indikator === i.kode);
    blocks.push(p('Kondisi ini disebabkan oleh:', false), ...narasi(n?.sebab, `penyebab capaian ${i.nama}`));
    blocks.push(p('Upaya yang dilakukan:', false), ...narasi(n?.upaya, `upaya peningkatan ${i.nama}`));
  }
  return blocks;
}

function sdgs(x: Ctx): Block[] {
  if (x.cap.sdgs.length === 0) return [];
  return [
    h(2, 'Pencapaian Tujuan SDGs'),
    tabel(
      `Tabel Sub Kegiatan Pendukung SDGs Tahun ${x.tahun}`,
      [{ width: 0.5, align: 'center' }, { width: 3 }, { width: 3 }, { width: 1.3, align: 'right' }, { width: 1.3, align: 'right' }, { width: 1.1, align: 'right' }],
      [[c('No'), c('Tujuan SDGs'), c('Sub Kegiatan Pendukung SDGs'), c('Target'), c('Realisasi'), c('Capaian')]],
      x.cap.sdgs.map((s) => [
        c(String(s.nomor)),
        c(s.tujuanSdgs),
        c(s.subKegiatanNama ?? s.subKegiatan),
        num(`${formatAngka(s.target, 2, { buangNolBelakang: true })} ${s.satuan}`),
        num(`${formatAngka(s.realisasi, 2, { buangNolBelakang: true })} ${s.satuan}`),
        num(pct(s.capaian)),
      ]),
      { source: x.k.data.sdgs[0]?.sumber ? `Sumber : ${x.k.data.sdgs[0].sumber}` : undefined },
    ),
  ];
}

function tindakLanjut(x: Ctx): Block[] {
  const list = x.opsi?.tindakLanjut?.length ? x.opsi.tindakLanjut : x.k.data.tindakLanjut;
  return [
    h(2, 'Tindak Lanjut Rekomendasi Evaluasi'),
    list.length === 0
      ? { type: 'placeholder', text: 'tindak lanjut rekomendasi hasil evaluasi Inspektorat' }
      : tabel(
          'Tabel Tindak Lanjut Rekomendasi Hasil Evaluasi',
          [{ width: 0.5, align: 'center' }, { width: 4 }, { width: 4 }],
          [[c('No'), c('Rekomendasi'), c('Tindak Lanjut')]],
          list.map((t, i) => [c(String(i + 1)), c(t.rekomendasi), c(t.tindakLanjut)]),
        ),
  ];
}

// ------------------------------------------------------------------ BAB I

function babI(x: Ctx): Block[] {
  const n = x.k.data.narasi;
  const prof = x.opd.profil;
  const blocks: Block[] = [h(1, 'BAB I PENDAHULUAN'), h(2, 'A. Latar Belakang'), ...narasi(n?.latarBelakang, 'latar belakang', 'paragraf')];
  if (prof?.dasarHukumLaporan.length) {
    blocks.push(p('Penyusunan Laporan Kinerja ini berdasarkan pada peraturan perundang-undangan antara lain:'), ol(prof.dasarHukumLaporan));
  }
  blocks.push(h(2, 'B. Maksud dan Tujuan'), ...narasi(n?.maksudTujuan, 'maksud dan tujuan penyusunan laporan', 'paragraf'));
  blocks.push(h(2, 'C. Gambaran Umum Organisasi'));
  if (prof?.kedudukan) blocks.push(p(prof.kedudukan));
  blocks.push(prof?.tugas ? p(`${x.opd.nama} mempunyai tugas ${prof.tugas.replace(/^[A-Z]/, (m) => m.toLowerCase())}`) : { type: 'placeholder', text: 'tugas pokok perangkat daerah' });
  if (prof?.fungsi.length) blocks.push(p('Untuk melaksanakan tugas tersebut, menyelenggarakan fungsi:', false), ol(prof.fungsi));
  const units = x.opd.unit.filter((u) => u.jenis !== 'pimpinan' && u.jenis !== 'fungsional');
  if (units.length > 0) {
    blocks.push(p(`Susunan organisasi ${x.opd.nama}${prof?.dasarHukumOrganisasi ? ` berdasarkan ${prof.dasarHukumOrganisasi}` : ''} terdiri atas:`), ol(units.map((u) => u.nama)));
    for (const u of units) {
      if (!u.tugas && u.fungsi.length === 0) continue;
      blocks.push(h(3, u.nama));
      if (u.tugas) blocks.push(p(u.tugas));
      if (u.fungsi.length) blocks.push(ol(u.fungsi));
    }
  }
  blocks.push(h(2, 'D. Isu Strategis'), ...narasi(prof?.isuStrategis, 'isu strategis perangkat daerah'));
  blocks.push(
    h(2, 'E. Sistematika Penulisan'),
    ul([
      [{ text: 'BAB I Pendahuluan', bold: true }, { text: ': latar belakang, maksud dan tujuan, gambaran umum organisasi dan isu strategis.' }],
      [{ text: 'BAB II Perencanaan dan Perjanjian Kinerja', bold: true }, { text: `: Rencana Strategis, Rencana Kerja Tahun ${x.tahun}, Indikator Kinerja Utama dan Perjanjian Kinerja Tahun ${x.tahun}.` }],
      [{ text: 'BAB III Akuntabilitas Kinerja', bold: true }, { text: ': capaian kinerja, analisis capaian, realisasi anggaran dan efisiensi.' }],
      [{ text: 'BAB IV Penutup', bold: true }, { text: ': kesimpulan, permasalahan dan langkah ke depan.' }],
    ]),
  );
  return blocks;
}

// ------------------------------------------------------------------ BAB II

function tahunRenstra(x: Ctx): number[] {
  const r = x.k.renstra;
  const years: number[] = [];
  for (let y = r.periodeAwal + 1; y <= r.periodeAkhir; y++) years.push(y);
  return years;
}

function targetTeks(ind: IndikatorData, tahun: number): string {
  const t = ind.target.find((v) => v.tahun === tahun);
  return t ? `${formatAngka(t.nilai, 2, { buangNolBelakang: true })}${t.predikat ? ` ${t.predikat}` : ''}` : '-';
}

function babII(x: Ctx): Block[] {
  const r = x.k.renstra;
  const years = tahunRenstra(x);
  const blocks: Block[] = [h(1, 'BAB II PERENCANAAN DAN PERJANJIAN KINERJA'), h(2, 'A. Perencanaan Strategis')];
  if (x.opd.profil?.arahKebijakan.length) blocks.push(p('Arah kebijakan yang ditetapkan meliputi:'), ol(x.opd.profil.arahKebijakan));
  blocks.push(h(3, 'Tujuan Strategis'), ol(r.tujuan.map((t) => t.uraian)));
  blocks.push(h(3, 'Sasaran Strategis'), ol(r.sasaran.map((s) => `${s.uraian}, dengan indikator ${gabung(s.indikator.map((i) => i.nama))}.`)));

  const rpjmd = x.d.pemda.rpjmd.find((m) => m.periodeAwal <= x.tahun && x.tahun <= m.periodeAkhir);
  const header1: Cell[] = [c('Tujuan', { rowSpan: 2 }), c('Indikator Tujuan', { rowSpan: 2 }), c('Sasaran', { rowSpan: 2 }), c('Indikator Sasaran', { rowSpan: 2 }), c('Satuan', { rowSpan: 2 }), c(`Baseline ${r.periodeAwal}`, { rowSpan: 2 }), c('Target Kinerja Sasaran', { colSpan: years.length }), c('Kondisi Akhir Renstra', { rowSpan: 2 })];
  const header2: Cell[] = years.map((y) => c(String(y)));
  const body: Cell[][] = [];
  const width = 7 + years.length;
  const groups = new Map<string, SasaranData[]>();
  for (const s of r.sasaran) groups.set(s.rpjmdSasaran ?? '', [...(groups.get(s.rpjmdSasaran ?? '') ?? []), s]);
  for (const [rpjmdSasaran, list] of groups) {
    const sas = rpjmd?.sasaran.find((s) => s.kode === rpjmdSasaran);
    const tuj = rpjmd?.tujuan.find((t) => t.kode === sas?.tujuan);
    const misi = rpjmd?.misi.find((m) => m.kode === tuj?.misi);
    if (misi) body.push([c(`Misi ${misi.nomor}: ${misi.uraian}`, { colSpan: width, bold: true, shade: true })]);
    if (tuj) body.push([c(`Tujuan ${tuj.kode}: ${tuj.uraian}`, { colSpan: width, bold: true })]);
    if (sas) body.push([c(`Sasaran ${sas.kode}: ${sas.uraian}`, { colSpan: width, bold: true })]);
    if (!sas) body.push([c('Sasaran yang tidak dikaitkan dengan sasaran RPJMD', { colSpan: width, bold: true, shade: true })]);
    for (const s of list) {
      const tujuan = r.tujuan.find((t) => t.kode === s.tujuan);
      for (const ind of s.indikator) {
        body.push([
          c(tujuan?.uraian ?? '-'),
          c(tujuan?.indikator.map((i) => i.nama).join('; ') || '-'),
          c(s.uraian),
          c(ind.nama),
          c(ind.satuan),
          num(ind.baseline ? `${formatAngka(ind.baseline.nilai, 2, { buangNolBelakang: true })}` : '-'),
          ...years.map((y) => num(targetTeks(ind, y))),
          num(ind.targetAkhir ? formatAngka(ind.targetAkhir.nilai, 2, { buangNolBelakang: true }) : targetTeks(ind, r.periodeAkhir)),
        ]);
      }
    }
  }
  blocks.push(
    p(`Keselarasan visi, misi, tujuan dan sasaran ${x.pemda} dengan tujuan dan sasaran ${x.opd.nama} disajikan pada tabel 2.1.`),
    ...(rpjmd ? [p(`Visi ${x.pemda}: ${rpjmd.visi}`, false)] : []),
    tabel(
      `Tabel 2.1 Linearitas Visi, Misi, Tujuan dan Sasaran ${x.pemda} dengan Tujuan dan Sasaran ${x.opd.nama}`,
      [{ width: 2.2 }, { width: 2 }, { width: 2.2 }, { width: 2.2 }, { width: 1 }, { width: 1, align: 'right' }, ...years.map(() => ({ width: 0.9, align: 'right' as const })), { width: 1.1, align: 'right' }],
      [header1, header2],
      body,
      { source: `Sumber : Renstra ${x.opd.singkatan ?? x.opd.nama} ${r.periodeAwal}-${r.periodeAkhir}`, small: true },
    ),
  );
  return blocks;
}

function renjaTable(x: Ctx): Block[] {
  const nodes = renjaTerakhir(x.k.data);
  const versi = x.k.data.renja.find((v) => v.versi === 'perubahan') ?? x.k.data.renja[0];
  if (nodes.length === 0) return [h(2, `B. Rencana Kerja Tahun ${x.tahun}`), { type: 'placeholder', text: `Rencana Kerja (Renja) tahun ${x.tahun}` }];
  const unitName = (kode: string | undefined) => x.opd.unit.find((u) => u.kode === kode)?.nama ?? kode ?? '';
  const ind = (n: NodeRenjaData) => n.indikator.map((i) => i.nama).join('; ');
  const tgt = (n: NodeRenjaData) => n.indikator.map((i) => i.targetTeks ?? `${i.target === undefined ? '-' : formatAngka(i.target, 2, { buangNolBelakang: true })}${i.satuan ? ` ${i.satuan === '%' ? '%' : i.satuan}` : ''}`.replace(' %', '%')).join('; ');
  const body: Cell[][] = nodes.map((n) => {
    const bold = n.level === 'urusan' || n.level === 'bidang-urusan' || n.level === 'program';
    const slot = (lvl: NodeRenjaData['level']) => (n.level === lvl ? [c(ind(n)), c(tgt(n))] : [c(''), c('')]);
    return [
      c(n.kode, { bold }),
      c(n.level === 'program' || n.level === 'urusan' || n.level === 'bidang-urusan' ? n.nama.toUpperCase() : n.nama, { bold }),
      c(n.lokasi ?? ''),
      ...slot('program'),
      ...slot('kegiatan'),
      ...slot('sub-kegiatan'),
      num(n.pagu === undefined ? '' : rp(n.pagu)),
      c(unitName(n.unit)),
      c(n.catatan ?? ''),
    ];
  });
  return [
    h(2, `B. Rencana Kerja Tahun ${x.tahun}`),
    p(`Program, kegiatan dan sub kegiatan ${x.opd.nama} tahun ${x.tahun} beserta indikator, target dan pagu anggarannya disajikan pada tabel 2.2.`),
    tabel(
      `Tabel 2.2 Rencana Program dan Kegiatan Tahun ${x.tahun}`,
      [{ width: 1.6 }, { width: 3 }, { width: 0.9 }, { width: 1.8 }, { width: 0.8 }, { width: 1.8 }, { width: 0.8 }, { width: 1.8 }, { width: 0.9 }, { width: 1.4, align: 'right' }, { width: 1.2 }, { width: 0.9 }],
      [
        [c('Kode', { rowSpan: 2 }), c('Urusan / Program / Kegiatan / Sub Kegiatan', { rowSpan: 2 }), c('Lokasi', { rowSpan: 2 }), c('Capaian Program', { colSpan: 2 }), c('Hasil Kegiatan', { colSpan: 2 }), c('Keluaran Sub Kegiatan', { colSpan: 2 }), c('Pagu (Rp)', { rowSpan: 2 }), c('Penanggung Jawab', { rowSpan: 2 }), c('Catatan', { rowSpan: 2 })],
        [c('Tolok Ukur'), c('Target'), c('Tolok Ukur'), c('Target'), c('Tolok Ukur'), c('Target')],
      ],
      body,
      { source: versi?.sumber ? `Sumber : ${versi.sumber}` : undefined, small: true },
    ),
  ];
}

function ikuTable(x: Ctx): Block[] {
  const years = tahunRenstra(x);
  const body = x.k.renstra.sasaran
    .slice()
    .sort((a, b) => a.nomor - b.nomor)
    .flatMap((s) => s.indikator.map((ind, i) => [c(i === 0 ? String(s.nomor) : ''), c(i === 0 ? s.uraian : ''), c(ind.nama), c(ind.formula?.teks ?? '-'), ...years.map((y) => num(targetTeks(ind, y)))]));
  return [
    h(2, 'C. Indikator Kinerja Utama'),
    p(`Indikator Kinerja Utama (IKU) adalah ukuran keberhasilan dari tujuan dan sasaran strategis. Rumusan dan formulasi perhitungannya disajikan pada tabel 2.3.`),
    tabel(
      `Tabel 2.3 Pengukuran Kinerja Sasaran Strategis ${x.opd.nama}`,
      [{ width: 0.5, align: 'center' }, { width: 2.4 }, { width: 2.4 }, { width: 3.2 }, ...years.map(() => ({ width: 0.9, align: 'right' as const }))],
      [[c('No', { rowSpan: 2 }), c('Sasaran', { rowSpan: 2 }), c('Indikator Kinerja', { rowSpan: 2 }), c('Formulasi Perhitungan', { rowSpan: 2 }), c('Target Kinerja Sasaran', { colSpan: years.length })], years.map((y) => c(String(y)))],
      body,
      { source: `Sumber : Renstra ${x.opd.singkatan ?? x.opd.nama} ${x.k.renstra.periodeAwal}-${x.k.renstra.periodeAkhir}`, small: true },
    ),
  ];
}

function pkTables(x: Ctx): Block[] {
  const pk = pkTerakhir(x.k.data);
  if (!pk) return [h(2, `D. Perjanjian Kinerja Tahun ${x.tahun}`), { type: 'placeholder', text: `Perjanjian Kinerja tahun ${x.tahun}` }];
  const sasaran = new Map(x.k.renstra.sasaran.map((s) => [s.kode, s]));
  const indikator = new Map(x.k.renstra.sasaran.flatMap((s) => s.indikator).map((i) => [i.kode, i]));
  const nodes = new Map(renjaTerakhir(x.k.data).map((n) => [n.kode, n]));
  const rows: Cell[][] = pk.kinerja.map((k, i) => [c(String(i + 1)), c(sasaran.get(k.sasaran)?.uraian ?? k.sasaran), c(indikator.get(k.indikator)?.nama ?? k.indikator), num(k.targetTeks ?? formatAngka(k.target, 2, { buangNolBelakang: true }))]);
  const programs = [...new Set(pk.anggaran.map((a) => a.program))];
  const budget: Cell[][] = programs.flatMap((prog, pi) => {
    const rowsOf = pk.anggaran.filter((a) => a.program === prog);
    return rowsOf.map((a, i) => [
      ...(i === 0 ? [c(String(pi + 1), { rowSpan: rowsOf.length }), c(nodes.get(prog)?.nama ?? prog, { rowSpan: rowsOf.length })] : []),
      c(nodes.get(a.kegiatan)?.nama ?? a.kegiatan),
      num(rp(a.pagu)),
      c(a.sumberDana),
    ]);
  });
  return [
    h(2, `D. Perjanjian Kinerja Tahun ${x.tahun}`),
    p(
      `Perjanjian Kinerja merupakan pernyataan komitmen untuk mencapai kinerja yang jelas dan terukur dalam satu tahun. ${pk.nama}${pk.tanggal ? ` ditandatangani pada ${formatTanggal(pk.tanggal)}` : ''} oleh ${pk.pihakPertama.jabatan} dan ${pk.pihakKedua.jabatan}, dengan sasaran, indikator dan target sebagai berikut.`,
    ),
    tabel(`Tabel 2.4 ${pk.nama} Tahun ${x.tahun}`, [{ width: 0.5, align: 'center' }, { width: 3 }, { width: 3.5 }, { width: 1.2, align: 'right' }], [[c('No'), c('Sasaran Strategis'), c('Indikator Kinerja'), c('Target')]], rows),
    tabel(
      `Program, Kegiatan dan Anggaran ${pk.nama}`,
      [{ width: 0.5, align: 'center' }, { width: 2.8 }, { width: 3.6 }, { width: 1.6, align: 'right' }, { width: 0.9 }],
      [[c('No'), c('Program'), c('Kegiatan'), c('Anggaran (Rp)'), c('Sumber Dana')]],
      budget,
      { source: `Sumber : ${pk.nama} Tahun ${x.tahun}` },
    ),
  ];
}

// ------------------------------------------------------------------ BAB III

function tabelSkala(x: Ctx): Block {
  const bands = [...x.k.skala.bands].sort((a, b) => b.min - a.min);
  return tabel(
    `Tabel 3.1 Skala Ordinal Pengukuran Capaian Kinerja`,
    [{ width: 0.5, align: 'center' }, { width: 3 }, { width: 3 }],
    [[c('No'), c('Interval Nilai Realisasi Kinerja'), c('Kriteria Penilaian Realisasi Kinerja')]],
    bands.map((b, i) => {
      const upper = bands[i - 1]?.min;
      const range = i === 0 ? `≥ ${formatAngka(b.min, 0)}%` : `${formatAngka(b.min, 0)}% s/d < ${formatAngka(upper ?? 100, 0)}%`;
      return [c(String(i + 1)), c(range), c(b.label)];
    }),
  );
}

function hasilPengukuran(x: Ctx, i: IndikatorCapaian): string {
  const entri = i.realisasi.entri;
  const ind = x.k.renstra.sasaran.flatMap((s) => s.indikator).find((v) => v.kode === i.kode);
  const pengali = ind?.formula?.pengali ?? 100;
  const satu = (e: (typeof entri)[number]) =>
    e.pembilang !== undefined && e.penyebut !== undefined
      ? `${formatAngka(e.pembilang, 2, { buangNolBelakang: true })}/${formatAngka(e.penyebut, 2, { buangNolBelakang: true })}${pengali === 100 ? ' × 100' : ''}`
      : formatAngka(e.nilai ?? 0, 2, { buangNolBelakang: true });
  const quarters = entri.filter((e) => e.triwulan !== undefined).sort((a, b) => (a.triwulan ?? 0) - (b.triwulan ?? 0));
  const tahunan = entri.find((e) => e.triwulan === undefined);
  const hasil = `${formatNilai(i.realisasi.nilai)}${i.satuan === '%' ? '%' : ''}${i.realisasi.predikat ? ` ${i.realisasi.predikat}` : ''}`;
  if (tahunan) return tahunan.pembilang !== undefined ? `${satu(tahunan)} = ${hasil}` : hasil;
  if (quarters.length === 0) return hasil;
  const metode = ({ 'rata-rata': 'rata-rata', jumlah: 'jumlah', akhir: 'posisi akhir', rasio: 'rasio kumulatif' } as const)[ind?.agregasi ?? 'akhir'];
  return `${quarters.map((e) => `TW${e.triwulan} = ${satu(e)}`).join('; ')}; ${metode} = ${hasil}`;
}

function tabelCapaianIku(x: Ctx, caption: string): Block {
  const body: Cell[][] = x.cap.sasaran.flatMap((s) =>
    s.indikator.map((i, idx) => [
      c(idx === 0 ? String(s.nomor) : ''),
      c(idx === 0 ? s.uraian : ''),
      c(i.nama),
      num(`${angka(i.target.nilai)}${i.satuan === '%' ? '%' : ''}`),
      num(`${angka(i.realisasi.nilai)}${i.satuan === '%' ? '%' : ''}${i.realisasi.predikat ? ` ${i.realisasi.predikat}` : ''}`),
      num(pct(i.capaian)),
      c(i.predikat ?? '-'),
    ]),
  );
  body.push([c('Rata-rata Capaian Kinerja', { colSpan: 5, bold: true }), num(pct(x.cap.rataRata.capaian), { bold: true }), c(x.cap.rataRata.predikat ?? '-', { bold: true })]);
  return tabel(
    caption,
    [{ width: 0.55, align: 'center' }, { width: 2.35 }, { width: 2.45 }, { width: 1.05, align: 'right' }, { width: 1.3, align: 'right' }, { width: 1.2, align: 'right' }, { width: 1.35 }],
    [[c('No'), c('Sasaran'), c('Indikator Sasaran'), c('Target'), c('Realisasi'), c('Capaian'), c('Predikat')]],
    body,
  );
}

function sasaranAnalisis(x: Ctx, s: SasaranCapaian, index: number): Block[] {
  const base = 4 + index * 3;
  const narasiS = x.k.data.narasi?.sasaran.find((n) => n.sasaran === s.kode);
  const src = x.k.renstra.sasaran.find((v) => v.kode === s.kode);
  const blocks: Block[] = [h(3, `Sasaran ${s.nomor}: ${s.uraian}`)];
  blocks.push(p(`Indikator kinerja sasaran ${s.nomor}: ${gabung(s.indikator.map((i) => i.nama))}.`));
  if (narasiS?.output.length) blocks.push(p('Output:', false), ...narasi(narasiS.output, ''));
  if (narasiS?.outcome.length) blocks.push(p('Outcome:', false), ...narasi(narasiS.outcome, ''));
  blocks.push(
    tabel(
      `Tabel 3.${base} Analisis Pencapaian Sasaran Strategis ${s.nomor} ${s.uraian}`,
      [{ width: 3 }, { width: 0.9 }, { width: 0.9, align: 'right' }, { width: 0.9, align: 'right' }, { width: 1, align: 'right' }, { width: 0.9, align: 'right' }, { width: 0.9, align: 'right' }, { width: 1, align: 'right' }],
      [
        [c('Indikator Kinerja', { rowSpan: 2 }), c('Satuan', { rowSpan: 2 }), c(`Tahun ${x.tahun - 1}`, { colSpan: 2 }), c('Capaian (%)', { rowSpan: 2 }), c(`Tahun ${x.tahun}`, { colSpan: 2 }), c('Capaian (%)', { rowSpan: 2 })],
        [c('Target'), c('Realisasi'), c('Target'), c('Realisasi')],
      ],
      [
        ...s.indikator.map((i) => [c(i.nama), c(i.satuan), num(angka(i.lalu.target.nilai)), num(angka(i.lalu.realisasi.nilai)), num(angka(i.lalu.capaian)), num(angka(i.target.nilai)), num(angka(i.realisasi.nilai)), num(angka(i.capaian))]),
        [c('Rata-rata capaian kinerja', { colSpan: 4, bold: true }), num(angka(s.capaianLalu), { bold: true }), c('', { colSpan: 2 }), num(angka(s.capaian), { bold: true })],
      ],
    ),
    tabel(
      `Tabel 3.${base + 1} Target Akhir Renstra Sasaran ${s.nomor} ${s.uraian}`,
      [{ width: 3.4 }, { width: 1 }, { width: 1.1, align: 'right' }, { width: 1.1, align: 'right' }, { width: 1.2, align: 'right' }],
      [[c('Indikator Kinerja', { rowSpan: 2 }), c('Satuan', { rowSpan: 2 }), c(`Tahun ${x.k.renstra.periodeAkhir}`, { colSpan: 2 }), c('Tingkat Capaian (%)', { rowSpan: 2 })], [c('Target'), c(`Realisasi ${x.tahun}`)]],
      [
        ...s.indikator.map((i) => [c(i.nama), c(i.satuan), num(angka(i.akhir.target.nilai)), num(angka(i.realisasi.nilai)), num(angka(i.akhir.capaian))]),
        [c('Rata-rata capaian kinerja', { colSpan: 4, bold: true }), num(angka(s.capaianAkhir), { bold: true })],
      ],
    ),
  );
  const kalimat = [kalimatCapaianSasaran(s.nomor, s.capaian, s.predikat)];
  const lalu = kalimatTahunLalu(x.tahun, s.capaian, s.capaianLalu);
  if (lalu) kalimat.push(lalu);
  for (const i of s.indikator) {
    if (isAda(i.akhir.capaian)) {
      kalimat.push(`Terhadap target akhir Renstra tahun ${x.k.renstra.periodeAkhir} sebesar ${angka(i.akhir.target.nilai)}, realisasi ${i.nama.charAt(0).toLowerCase()}${i.nama.slice(1)} tahun ${x.tahun} telah mencapai ${pct(i.akhir.capaian)}.`);
    }
  }
  blocks.push(p(kalimat.join(' ')));
  blocks.push(p(`Capaian kinerja sasaran strategis ${s.nomor} disebabkan oleh:`, false), ...narasi(narasiS?.sebab, `penyebab capaian sasaran ${s.nomor}`));
  blocks.push(p('Solusi dan upaya yang dilakukan:', false), ...narasi([...(narasiS?.solusi ?? []), ...(narasiS?.upaya ?? [])], `solusi dan upaya sasaran ${s.nomor}`));
  if (narasiS?.kekuatan.length) blocks.push(p('Kekuatan:', false), ...narasi(narasiS.kekuatan, ''));

  const programs = s.program.filter((r) => r.level === 'program').length;
  const kegiatan = s.program.filter((r) => r.level === 'kegiatan').length;
  blocks.push(p(`Terdapat ${programs} (${terbilang(programs)}) program dengan ${kegiatan} (${terbilang(kegiatan)}) kegiatan yang mendukung pencapaian sasaran strategis ${s.nomor}, disajikan pada tabel 3.${base + 2}.`));
  const body: Cell[][] = [];
  for (const i of s.indikator) body.push([c(String(s.nomor)), c(s.uraian, { colSpan: 2, bold: true }), c(i.nama), num(`${angka(i.target.nilai)}`), num(angka(i.realisasi.nilai)), num(pct(i.capaian))]);
  let pn = 0;
  let kn = 0;
  for (const row of s.program) {
    const isProgram = row.level === 'program';
    if (isProgram) {
      pn++;
      kn = 0;
    } else kn++;
    row.indikator.forEach((ind, idx) =>
      body.push([
        c(idx === 0 ? String(isProgram ? pn : kn) : ''),
        c(idx === 0 ? (isProgram ? row.nama.toUpperCase() : row.nama) : '', { colSpan: 2, bold: isProgram }),
        c(ind.nama),
        num(ind.targetTeks ?? `${angka(ind.target)}${ind.satuan && ind.satuan !== '%' ? ` ${ind.satuan}` : ind.satuan === '%' ? '%' : ''}`),
        num(`${angka(ind.realisasi)}${isAda(ind.realisasi) && ind.satuan ? (ind.satuan === '%' ? '%' : ` ${ind.satuan}`) : ''}`),
        num(pct(ind.capaian)),
      ]),
    );
  }
  blocks.push(
    tabel(
      `Tabel 3.${base + 2} Capaian Kinerja Program dan Kegiatan yang Mendukung Sasaran Strategis ${s.nomor}`,
      [{ width: 0.5, align: 'center' }, { width: 1.6 }, { width: 2 }, { width: 2.6 }, { width: 1.1, align: 'right' }, { width: 1.1, align: 'right' }, { width: 1, align: 'right' }],
      [[c('No'), c('Sasaran / Program / Kegiatan', { colSpan: 2 }), c('Indikator Kinerja'), c(`Target ${x.tahun}`), c(`Realisasi ${x.tahun}`), c('Rasio Capaian')]],
      body,
      { source: 'Sumber : Evaluasi Renstra dan Renja, diolah' },
    ),
  );
  if (src === undefined) blocks.push({ type: 'placeholder', text: `sasaran ${s.kode} tidak ada di Renstra` });
  return blocks;
}

function babIII(x: Ctx): Block[] {
  const pk = pkTerakhir(x.k.data);
  const blocks: Block[] = [
    h(1, 'BAB III AKUNTABILITAS KINERJA'),
    p(`Pengukuran kinerja dilakukan dengan membandingkan target dan realisasi setiap indikator kinerja sasaran yang ditetapkan dalam ${pk?.nama ?? 'Perjanjian Kinerja'} Tahun ${x.tahun}, dengan cara perhitungan sebagai berikut:`),
    ol([
      'Apabila semakin tinggi realisasi menunjukkan semakin tinggi kinerja: Capaian = Realisasi / Target × 100%.',
      `Apabila semakin tinggi realisasi menunjukkan semakin rendah kinerja: Capaian = ${RUMUS_NEGATIF_LABEL[x.k.rumusNegatif].replace(/Rencana/g, 'Target')}.`,
    ]),
    p('Realisasi yang diterbitkan dibulatkan dua desimal dan capaian dihitung dari nilai tersebut. Selain dibandingkan dengan target, realisasi tahun ini dibandingkan dengan realisasi tahun lalu dan dengan target akhir Renstra. Penilaian capaian menggunakan skala ordinal berikut:'),
    tabelSkala(x),
    h(2, 'A. Capaian Kinerja'),
    h(3, '1. Pengukuran Indikator Kinerja Utama'),
    tabel(
      `Tabel 3.2 Pengukuran Indikator Kinerja Utama Sasaran Strategis ${x.opd.nama}`,
      [{ width: 0.5, align: 'center' }, { width: 2.2 }, { width: 2.2 }, { width: 2.8 }, { width: 2.6 }],
      [[c('No'), c('Sasaran'), c('Indikator Kinerja Utama'), c('Formulasi Perhitungan'), c('Hasil Pengukuran')]],
      x.cap.sasaran.flatMap((s) => s.indikator.map((i, idx) => [c(idx === 0 ? String(s.nomor) : ''), c(idx === 0 ? s.uraian : ''), c(i.nama), c(i.formula ?? '-'), c(hasilPengukuran(x, i))])),
    ),
    tabelCapaianIku(x, `Tabel 3.3 Capaian Indikator Kinerja Utama Sasaran Strategis ${x.opd.nama}`),
    p(`Rata-rata capaian indikator kinerja utama sasaran strategis ${x.opd.nama} pada tahun ${x.tahun} sebesar ${pct(x.cap.rataRata.capaian)} atau ${x.cap.rataRata.predikat ?? '-'}.`),
    h(3, '2. Analisis Capaian Kinerja Sasaran'),
  ];
  x.cap.sasaran.forEach((s, i) => blocks.push(...sasaranAnalisis(x, s, i)));
  blocks.push(...babIIIAnggaran(x, 4 + x.cap.sasaran.length * 3));
  blocks.push(h(2, 'C. Analisis Tingkat Keberhasilan dan Kegagalan serta Tindak Lanjut'), ...narasi(x.k.data.narasi?.faktorKeberhasilan, 'faktor pendorong keberhasilan dan kegagalan'));
  return blocks;
}

function babIIIAnggaran(x: Ctx, next: number): Block[] {
  const a = x.ang;
  const t316 = next;
  const blocks: Block[] = [h(2, 'B. Realisasi Anggaran'), p(kalimatAnggaran(x)), h(3, 'B.1 Pagu Anggaran dan Realisasi per Kelompok Belanja')];
  if (a.kelompok.length > 0) {
    blocks.push(
      tabel(
        'Pagu dan Realisasi per Kelompok Belanja',
        [{ width: 3 }, { width: 1.6, align: 'right' }, { width: 1.6, align: 'right' }, { width: 1.4, align: 'right' }, { width: 0.9, align: 'right' }],
        [[c('Kelompok Belanja'), c('Pagu (Rp)'), c('Realisasi (Rp)'), c('Sisa (Rp)'), c('%')]],
        a.kelompok.map((g) => {
          const top = g.kelompok === 'belanja' || g.kelompok === 'operasi' || g.kelompok === 'modal';
          return [c(KELOMPOK_BELANJA[g.kelompok] ?? g.kelompok, { bold: top }), num(rp(g.pagu), { bold: top }), num(rp(g.realisasi), { bold: top }), num(rp(g.sisa)), num(angka(g.serapan))];
        }),
      ),
    );
  } else blocks.push({ type: 'placeholder', text: 'pagu dan realisasi per kelompok belanja' });
  const body: Cell[][] = a.baris.map((b) => {
    const bold = b.level === 'program';
    return [c(b.kode, { bold }), c(bold ? b.nama.toUpperCase() : b.nama, { bold }), num(rp(b.pagu), { bold }), num(rp(b.realisasi), { bold }), num(angka(b.serapan), { bold })];
  });
  body.push([c('Total', { colSpan: 2, bold: true }), num(rp(a.total.pagu), { bold: true }), num(rp(a.total.realisasi), { bold: true }), num(angka(a.total.serapan), { bold: true })]);
  const rendah = a.baris.filter((b) => b.level === 'sub-kegiatan' && isAda(b.serapan) && b.serapan.value.toNumber() < 70);
  blocks.push(
    p(`Realisasi anggaran terhadap program, kegiatan dan sub kegiatan ${x.opd.nama} Tahun Anggaran ${x.tahun} disajikan pada tabel 3.${t316}.`),
    tabel(
      `Tabel 3.${t316} Realisasi Anggaran ${x.opd.nama}`,
      [{ width: 2.15 }, { width: 4.1 }, { width: 1.65, align: 'right' }, { width: 1.65, align: 'right' }, { width: 0.95, align: 'right' }],
      [[c('Kode'), c('Program / Kegiatan / Sub Kegiatan'), c('Pagu Anggaran (Rp)'), c('Realisasi Anggaran (Rp)'), c('%')]],
      body,
      { source: 'Sumber : DPA dan laporan realisasi anggaran, diolah', small: true },
    ),
    p(
      rendah.length === 0
        ? 'Seluruh sub kegiatan mencapai realisasi keuangan sekurang-kurangnya 70%.'
        : `Terdapat ${rendah.length} (${terbilang(rendah.length)}) sub kegiatan dengan realisasi keuangan di bawah 70%: ${gabung(rendah.map((b) => `${b.nama} (${pct(b.serapan)})`))}.`,
    ),
    h(3, 'B.2 Anggaran per Sasaran Strategis'),
  );
  const body317: Cell[][] = a.sasaran.flatMap((s) =>
    s.program.length === 0
      ? [[c(String(s.nomor)), c(s.uraian), c('-'), num('-'), num('-'), num('-')]]
      : s.program.map((pg, i) => [
          ...(i === 0 ? [c(String(s.nomor), { rowSpan: s.program.length }), c(s.uraian, { rowSpan: s.program.length })] : []),
          c(pg.nama),
          num(rp(pg.pagu)),
          num(rp(pg.realisasi)),
          num(angka(pg.serapan)),
        ]),
  );
  blocks.push(
    tabel(
      `Tabel 3.${t316 + 1} Realisasi Anggaran per Sasaran Strategis dan Program`,
      [{ width: 0.5, align: 'center' }, { width: 2.6 }, { width: 3 }, { width: 1.5, align: 'right' }, { width: 1.5, align: 'right' }, { width: 0.9, align: 'right' }],
      [[c('No'), c('Sasaran'), c('Program'), c('Pagu Anggaran (Rp)'), c('Realisasi Anggaran (Rp)'), c('Capaian (%)')]],
      body317,
    ),
    h(3, 'B.3 Analisis Tingkat Efisiensi'),
    p('Tingkat efisiensi per sasaran dihitung sebagai selisih persentase capaian kinerja dengan persentase serapan anggaran program pendukungnya (rata-rata persentase serapan program). Nilai positif berarti capaian kinerja melampaui serapan anggaran.'),
    tabel(
      `Tabel 3.${t316 + 2} Tingkat Efisiensi Penggunaan Anggaran`,
      [{ width: 0.5, align: 'center' }, { width: 3.4 }, { width: 1.3, align: 'right' }, { width: 1.4, align: 'right' }, { width: 1.2, align: 'right' }],
      [[c('No'), c('Sasaran'), c('% Capaian Kinerja'), c('% Capaian Realisasi Anggaran'), c('Tingkat Efisiensi')]],
      [
        ...a.sasaran.map((s) => [c(String(s.nomor)), c(s.uraian), num(angka(s.capaianKinerja)), num(angka(s.serapanRataRataProgram)), num(angka(s.efisiensi))]),
        [c('Rata-rata', { colSpan: 2, bold: true }), num(angka(a.rataRata.capaianKinerja), { bold: true }), num(angka(a.rataRata.serapanRataRataProgram), { bold: true }), num(angka(a.rataRata.efisiensi), { bold: true })],
      ],
    ),
    p(kalimatEfisiensi(a)),
  );
  return blocks;
}

function kalimatEfisiensi(a: LaporanAnggaran): string {
  const e = a.rataRata.efisiensi;
  if (!isAda(e)) return `Rata-rata tingkat efisiensi ${formatNilai(e)}.`;
  const positif = a.sasaran.filter((s) => isAda(s.efisiensi) && !s.efisiensi.value.isNegative());
  const arti = e.value.isNegative() ? 'serapan anggaran rata-rata lebih tinggi dari capaian kinerja' : 'capaian kinerja rata-rata melampaui serapan anggaran';
  return `Rata-rata tingkat efisiensi sebesar ${angka(e)} poin, artinya ${arti}. ${positif.length} dari ${a.sasaran.length} sasaran memiliki tingkat efisiensi positif.`;
}

// ------------------------------------------------------------------ BAB IV and annexes

function babIV(x: Ctx): Block[] {
  const n = x.k.data.narasi;
  return [
    h(1, 'BAB IV PENUTUP'),
    h(2, 'A. Kesimpulan'),
    p(`Capaian kinerja sasaran strategis ${x.opd.nama} tahun ${x.tahun} rata-rata sebesar ${pct(x.cap.rataRata.capaian)}, dikategorikan ${x.cap.rataRata.predikat ?? '-'}, dengan rincian:`),
    ol(x.cap.sasaran.map((s) => kalimatCapaianSasaran(s.nomor, s.capaian, s.predikat))),
    p(kalimatAnggaran(x)),
    h(2, 'B. Permasalahan'),
    ...narasi(n?.permasalahan, 'permasalahan yang dihadapi'),
    h(2, 'C. Langkah yang Akan Dilakukan untuk Meningkatkan Kinerja'),
    ...narasi(n?.langkahKedepan, 'langkah peningkatan kinerja ke depan'),
    ...(n?.penutup.length ? narasi(n.penutup, '', 'paragraf') : []),
    { type: 'signature', placeDate: tempatTanggal(x), signatories: [penandatanganKepala(x.opd)] },
  ];
}

function lampiranIku(x: Ctx): Block[] {
  const versi = [...x.k.renstra.iku].sort((a, b) => b.versi - a.versi)[0];
  if (!versi) return [];
  const sasaran = new Map(x.k.renstra.sasaran.map((s) => [s.kode, s]));
  return [
    h(2, `Lampiran: ${versi.nama}`),
    ...(versi.nomorDokumen || versi.tanggal ? [p(`Ditetapkan dengan keputusan nomor ${versi.nomorDokumen ?? '-'}${versi.tanggal ? ` tanggal ${formatTanggal(versi.tanggal)}` : ''}.`)] : []),
    tabel(
      `Indikator Kinerja Utama (${versi.nama})`,
      [{ width: 0.5, align: 'center' }, { width: 2.2 }, { width: 2.2 }, { width: 2.8 }, { width: 1.6 }, { width: 1.6 }],
      [[c('No'), c('Sasaran'), c('Indikator Kinerja Utama'), c('Penjelasan / Formulasi'), c('Sumber Data'), c('Penanggung Jawab')]],
      versi.baris.map((b, i) => [c(String(i + 1)), c(sasaran.get(b.sasaran)?.uraian ?? b.sasaran), c(b.nama), c(b.formula), c(b.sumberData ?? '-'), c(b.penanggungJawab ?? '-')]),
      { small: true },
    ),
  ];
}

export interface OpsiLkjip {
  /** Include the signed PK as an annex (default true). */
  lampiranPk?: boolean;
  /** The kepala OPD's sign-off of the year (src/workflow/evaluasi.ts), shown in the Kata Pengantar. */
  pengesahan?: { nama: string; pada: string } | null | undefined;
  /**
   * Follow-ups of the previous year's SAKIP evaluation recorded in the application; when given
   * and not empty they replace the dataset's list.
   */
  tindakLanjut?: ReadonlyArray<{ rekomendasi: string; tindakLanjut: string; tahunEvaluasi?: number | undefined }> | undefined;
}

export function susunLkjip(d: Dataset, opdSlug: string, tahun: number, opsi: OpsiLkjip = {}): ReportDocument {
  const k = konteks(d, opdSlug, tahun);
  const cap = hitungCapaian(d, opdSlug, tahun);
  const ang = hitungAnggaran(d, opdSlug, tahun, cap);
  const x: Ctx = { opsi, d, k, opd: k.opd, tahun, cap, ang, nama: `${k.opd.nama} ${d.pemda.nama}`, pemda: d.pemda.nama };
  const frontMatter: Section = { orientation: 'portrait', pageNumbers: 'roman', blocks: [...kataPengantar(x), { type: 'pageBreak' }, { type: 'toc' }, { type: 'pageBreak' }, ...ikhtisar(x)] };
  const bab1: Section = { orientation: 'portrait', pageNumbers: 'arabic', restartNumbering: true, blocks: [...babI(x), { type: 'pageBreak' }, ...babII(x)] };
  const renja: Section = { orientation: 'landscape', pageNumbers: 'arabic', blocks: renjaTable(x) };
  const bab2rest: Section = { orientation: 'portrait', pageNumbers: 'arabic', blocks: [...ikuTable(x), ...pkTables(x), { type: 'pageBreak' }, ...babIII(x), { type: 'pageBreak' }, ...babIV(x)] };
  const sections: Section[] = [frontMatter, bab1, renja, bab2rest];
  const pk = pkTerakhir(k.data);
  const lampiran: Block[] = [h(1, 'LAMPIRAN'), ...lampiranIku(x)];
  if (pk && opsi.lampiranPk !== false) lampiran.push({ type: 'pageBreak' }, h(2, `Lampiran: ${pk.nama}`), ...blokPerjanjianKinerja(d, k.opd, tahun, pk, 3));
  sections.push({ orientation: 'portrait', pageNumbers: 'arabic', letterhead: kopSurat(x), blocks: lampiran });
  return {
    title: `Laporan Kinerja Instansi Pemerintah ${x.nama} Tahun ${tahun}`,
    author: k.opd.nama,
    cover: {
      titleLines: ['LAPORAN KINERJA INSTANSI PEMERINTAH', '(LKJIP)'],
      organisationLines: [`PEMERINTAH ${d.pemda.nama.toUpperCase()}`, k.opd.nama.toUpperCase()],
      year: String(tahun),
    },
    sections,
  };
}

/** The placeholders of a document: what staff still have to write. */
export function daftarPlaceholder(doc: ReportDocument): string[] {
  return doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'placeholder' ? [b.text] : [])));
}

