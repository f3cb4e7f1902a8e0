/**
 * The public pages (no sign-in), rendered on the server: small, semantic HTML with inline CSS
 * that reads at 375 px, tables with captions and header scopes, Indonesian number and date
 * formats. Only published (signed-off) OPD-years reach these functions; see workflow/publik.ts.
 */
import { formatAngka, formatTanggal, type Nilai, formatNilai } from '../engine/index.ts';
import type { LaporanAnggaran } from '../measure/anggaran.ts';
import type { LaporanCapaian } from '../measure/capaian.ts';
import type { PemdaPublik } from '../workflow/publik.ts';
import { JUDUL_TABEL, TABEL, type TrenIku } from './publik-tabel.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const enc = encodeURIComponent;

const CSS = `
*{box-sizing:border-box}
body{font-family:system-ui,sans-serif;margin:0 auto;max-width:1000px;padding:1rem;color:#1f2328;line-height:1.45;background:#fff}
a{color:#0b5cad}h1{font-size:1.5rem;margin:.2rem 0 .5rem}h2{font-size:1.2rem;margin-top:1.8rem}
nav ol{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.3rem}nav li+li:before{content:"/ ";color:#57606a}
.gulir{overflow-x:auto;margin:.5rem 0 1.2rem}
table{border-collapse:collapse;width:100%;font-size:.95rem}caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border:1px solid #d0d7de;padding:.35rem .5rem;vertical-align:top;text-align:left}
thead th{background:#f6f8fa}.num{text-align:right;white-space:nowrap}
.catatan{color:#57606a;font-size:.9rem}ul.unduh{padding-left:1.2rem}
footer{margin-top:2rem;border-top:1px solid #d0d7de;padding-top:.5rem;color:#57606a;font-size:.9rem}
svg.tren{max-width:100%;height:auto}
@media (max-width:600px){body{padding:.6rem}table{font-size:.85rem}th,td{padding:.25rem .3rem}}
`;

/** A wide table scrolls in its own box on a phone; the box is focusable (keyboard scrolling) and named by the caption. */
function gulirBernama(isi: string): string {
  return isi.replace(/<div class="gulir"><table><caption>([^<]*)<\/caption>/g, (_, c: string) => `<div class="gulir" role="region" tabindex="0" aria-label="${c}"><table><caption>${c}</caption>`);
}

function halaman(judul: string, remah: Array<[string, string | null]>, isiMentah: string, p: PemdaPublik): string {
  const isi = gulirBernama(isiMentah);
  const nav = remah.map(([teks, href]) => `<li>${href ? `<a href="${esc(href)}">${esc(teks)}</a>` : `<span aria-current="page">${esc(teks)}</span>`}</li>`).join('');
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(judul)}</title>
<link rel="alternate" type="application/ld+json" href="/data/${enc(p.slug)}/katalog.jsonld" title="Katalog data terbuka (DCAT)">
<style>${CSS}</style></head>
<body><header><p>SIKIPER — Kinerja Perangkat Daerah ${esc(p.nama)}</p><nav aria-label="Lokasi halaman"><ol>${nav}</ol></nav></header>
<main>${isi}</main>
<footer><p>Hanya data tahun yang telah disahkan kepala OPD yang ditampilkan. Data terbuka berlisensi
<a href="${esc(p.lisensi.url)}" rel="license">${esc(p.lisensi.nama)}</a>; katalog: <a href="/data/${enc(p.slug)}/katalog.jsonld">katalog.jsonld</a>.</p></footer>
</body></html>`;
}

const persen = (x: Nilai) => (x.status === 'ada' ? `${formatNilai(x)}%` : formatNilai(x));
const angka = (x: Nilai) => formatNilai(x);

export function halamanPemda(p: PemdaPublik, iku: Array<{ opd: string; tahun: number; cap: LaporanCapaian }>): string {
  const terbit = p.opd.filter((o) => o.tahun.length > 0);
  const daftar =
    terbit.length === 0
      ? '<p>Belum ada laporan kinerja yang disahkan dan dipublikasikan.</p>'
      : `<ul>${terbit
          .map(
            (o) =>
              `<li>${esc(o.nama)}: ${[...o.tahun]
                .reverse()
                .map((t) => `<a href="/publik/${enc(p.slug)}/opd/${enc(o.slug)}/${t.tahun}">${t.tahun}</a>`)
                .join(', ')}</li>`,
          )
          .join('')}</ul>`;
  const rows = iku.flatMap(({ opd, tahun, cap }) =>
    cap.ikuDaerah.map(
      (i) =>
        `<tr><th scope="row">${esc(i.nama)}</th><td>${esc(p.opd.find((o) => o.slug === opd)?.singkatan ?? opd)}</td><td class="num">${tahun}</td><td class="num">${esc(angka(i.target))} ${esc(i.satuan)}</td><td class="num">${esc(angka(i.realisasi))}</td><td class="num">${esc(persen(i.capaian))}</td></tr>`,
    ),
  );
  const tabelIku =
    rows.length === 0
      ? '<p>Belum ada IKU Kabupaten dari tahun yang disahkan.</p>'
      : `<div class="gulir"><table><caption>IKU Kabupaten menurut tahun terakhir yang disahkan OPD pengampunya</caption>
<thead><tr><th scope="col">Indikator</th><th scope="col">OPD</th><th scope="col">Tahun</th><th scope="col">Target</th><th scope="col">Realisasi</th><th scope="col">Capaian</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div>`;
  const isi = `<h1>Kinerja Perangkat Daerah ${esc(p.nama)}</h1>
<h2>Laporan kinerja yang disahkan</h2>${daftar}
<h2>Indikator Kinerja Utama Kabupaten</h2>${tabelIku}
<h2>Data terbuka</h2><p>Semua angka di halaman ini tersedia sebagai CSV dan JSON; daftarnya di <a href="/data/${enc(p.slug)}/katalog.jsonld">katalog DCAT (JSON-LD)</a>.</p>`;
  return halaman(`Kinerja ${p.nama}`, [[p.nama, null]], isi, p);
}

export function halamanBelumTerbit(p: PemdaPublik, namaOpd: string, tahun: number): string {
  const isi = `<h1>${esc(namaOpd)} — ${tahun}</h1>
<p>Data tahun ${tahun} belum dipublikasikan: laporan kinerja tahun ini belum disahkan kepala OPD.</p>
<p><a href="/publik/${enc(p.slug)}">Kembali ke daftar laporan yang disahkan</a></p>`;
  return halaman(`${namaOpd} ${tahun} — belum dipublikasikan`, [[p.nama, `/publik/${enc(p.slug)}`], [`${namaOpd} ${tahun}`, null]], isi, p);
}

/** A small line chart of the mean capaian over the published years; the table beside it carries the figures. */
function grafikTren(tren: TrenIku): string {
  const titik = tren.rataRata.map((v, i) => [i, v] as const).filter((x): x is readonly [number, number] => x[1] !== null);
  if (titik.length < 2) return '';
  const maks = Math.max(100, ...titik.map(([, v]) => v));
  const w = 320;
  const h = 120;
  const x = (i: number) => 20 + (i * (w - 40)) / Math.max(1, tren.tahun.length - 1);
  const y = (v: number) => h - 20 - (v / maks) * (h - 40);
  const garis = titik.map(([i, v]) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const label = titik.map(([i, v]) => `${tren.tahun[i] ?? ''}: ${formatAngka(v)}%`).join('; ');
  return `<svg class="tren" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="Rata-rata capaian per tahun: ${esc(label)}">
<line x1="20" y1="${y(100).toFixed(1)}" x2="${w - 20}" y2="${y(100).toFixed(1)}" stroke="#d0d7de" stroke-dasharray="4 3"/>
<polyline points="${garis}" fill="none" stroke="#0b5cad" stroke-width="2"/>
${titik.map(([i, v]) => `<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="#0b5cad"/>`).join('')}
</svg>`;
}

export interface IsiOpdTahun {
  p: PemdaPublik;
  opd: { slug: string; nama: string };
  tahun: number;
  disahkan: string;
  cap: LaporanCapaian;
  ang: LaporanAnggaran;
  tren: TrenIku;
  adaPk: boolean;
}

export function halamanOpdTahun({ p, opd, tahun, disahkan, cap, ang, tren, adaPk }: IsiOpdTahun): string {
  const base = `/publik/${enc(p.slug)}/opd/${enc(opd.slug)}/${tahun}`;
  const data = `/data/${enc(p.slug)}/${enc(opd.slug)}/${tahun}`;
  const sasaran = cap.sasaran
    .map(
      (s) =>
        `<tr><td class="num">${s.nomor}</td><th scope="row">${esc(s.uraian)}</th><td class="num">${esc(persen(s.capaian))}</td><td>${esc(s.predikat ?? '—')}</td></tr>`,
    )
    .join('\n');
  const iku = cap.sasaran
    .flatMap((s) =>
      s.indikator.map(
        (i) =>
          `<tr data-kode="${esc(i.kode)}"><th scope="row">${esc(i.nama)}</th><td class="num">${esc(angka(i.target.nilai))} ${esc(i.satuan)}</td><td class="num">${esc(angka(i.realisasi.nilai))}</td><td class="num">${esc(persen(i.capaian))}</td><td>${esc(i.predikat ?? '—')}</td></tr>`,
      ),
    )
    .join('\n');
  const trenRows = tren.iku
    .map((i) => `<tr><th scope="row">${esc(i.nama)}</th>${i.capaian.map((v) => `<td class="num">${v === null ? '—' : `${esc(formatAngka(v))}%`}</td>`).join('')}</tr>`)
    .join('\n');
  const trenHead = tren.tahun.map((t) => `<th scope="col" class="num">${t}</th>`).join('');
  const trenRata = `<tr><th scope="row">Rata-rata capaian</th>${tren.rataRata.map((v) => `<td class="num">${v === null ? '—' : `${esc(formatAngka(v))}%`}</td>`).join('')}</tr>`;
  const program = ang.baris
    .filter((b) => b.level === 'program')
    .map(
      (b) =>
        `<tr><th scope="row">${esc(b.nama)}</th><td class="num">Rp${esc(formatAngka(b.pagu, 0))}</td><td class="num">Rp${esc(formatAngka(b.realisasi, 0))}</td><td class="num">${esc(persen(b.serapan))}</td></tr>`,
    )
    .join('\n');
  const ikuDaerah = cap.ikuDaerah
    .map(
      (i) =>
        `<tr><th scope="row">${esc(i.nama)}</th><td class="num">${esc(angka(i.target))} ${esc(i.satuan)}</td><td class="num">${esc(angka(i.realisasi))}</td><td class="num">${esc(persen(i.capaian))}</td></tr>`,
    )
    .join('\n');
  const unduhData = TABEL.map(
    (t) => `<li>${esc(JUDUL_TABEL[t])}: <a href="${data}/${t}.csv">CSV</a>, <a href="${data}/${t}.json">JSON</a></li>`,
  ).join('');
  const isi = `<h1>${esc(opd.nama)} — ${tahun}</h1>
<p>Laporan kinerja tahun ${tahun} disahkan kepala OPD pada <time datetime="${esc(disahkan)}">${esc(formatTanggal(new Date(disahkan)))}</time>.</p>
<h2>Dokumen</h2><ul class="unduh"><li><a href="${base}/lkjip.pdf">LKJIP ${tahun} (PDF)</a></li>${adaPk ? `<li><a href="${base}/pk.pdf">Perjanjian Kinerja ${tahun} (PDF)</a></li>` : ''}</ul>
<h2>Capaian per sasaran strategis</h2>
<div class="gulir"><table><caption>Capaian kinerja per sasaran, ${tahun}</caption>
<thead><tr><th scope="col" class="num">No</th><th scope="col">Sasaran</th><th scope="col" class="num">Capaian</th><th scope="col">Predikat</th></tr></thead>
<tbody>${sasaran}
<tr><td></td><th scope="row">Rata-rata capaian kinerja</th><td class="num">${esc(persen(cap.rataRata.capaian))}</td><td>${esc(cap.rataRata.predikat ?? '—')}</td></tr></tbody></table></div>
<h2>Indikator Kinerja Utama</h2>
<div class="gulir"><table><caption>Target, realisasi dan capaian IKU, ${tahun}</caption>
<thead><tr><th scope="col">Indikator</th><th scope="col" class="num">Target</th><th scope="col" class="num">Realisasi</th><th scope="col" class="num">Capaian</th><th scope="col">Predikat</th></tr></thead>
<tbody>${iku}</tbody></table></div>
<h2>Tren capaian</h2>
${grafikTren(tren)}
<div class="gulir"><table><caption>Capaian IKU pada tahun-tahun yang disahkan</caption>
<thead><tr><th scope="col">Indikator</th>${trenHead}</tr></thead><tbody>${trenRows}
${trenRata}</tbody></table></div>
${cap.ikuDaerah.length > 0 ? `<h2>IKU Kabupaten yang diampu</h2><div class="gulir"><table><caption>IKU Kabupaten, ${tahun}</caption><thead><tr><th scope="col">Indikator</th><th scope="col" class="num">Target</th><th scope="col" class="num">Realisasi</th><th scope="col" class="num">Capaian</th></tr></thead><tbody>${ikuDaerah}</tbody></table></div>` : ''}
<h2>Serapan anggaran</h2>
<p>Pagu Rp${esc(formatAngka(ang.total.pagu, 0))}, realisasi Rp${esc(formatAngka(ang.total.realisasi, 0))}, serapan <strong>${esc(persen(ang.total.serapan))}</strong>.</p>
${program ? `<div class="gulir"><table><caption>Serapan anggaran per program, ${tahun}</caption><thead><tr><th scope="col">Program</th><th scope="col" class="num">Pagu</th><th scope="col" class="num">Realisasi</th><th scope="col" class="num">Serapan</th></tr></thead><tbody>${program}</tbody></table></div>` : ''}
<h2>Data terbuka</h2><ul class="unduh">${unduhData}</ul>
<p class="catatan">Angka CSV dan JSON memakai titik desimal; persen dalam satuan persen (87.17 berarti 87,17%).</p>`;
  return halaman(`${opd.nama} ${tahun} — ${p.nama}`, [[p.nama, `/publik/${enc(p.slug)}`], [`${opd.nama} ${tahun}`, null]], isi, p);
}
