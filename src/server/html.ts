/** A server-rendered summary page: capaian per sasaran and budget absorption per OPD. */
import type { Dataset } from '../dataset/schema.ts';
import { formatAngka, formatNilai, predikat, type Nilai } from '../engine/index.ts';
import { hitungAnggaran } from '../measure/anggaran.ts';
import { hitungCapaian } from '../measure/capaian.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function badge(n: Nilai, d: Dataset): string {
  const band = predikat(n, d.pemda.pengaturan.skala);
  if (!band) return `<span class="badge kosong">${esc(formatNilai(n))}</span>`;
  return `<span class="badge" style="background:${esc(band.warna ?? '#57606a')}">${esc(band.label)}</span>`;
}

function opdSection(d: Dataset, opdSlug: string, tahun: number): string {
  const cap = hitungCapaian(d, opdSlug, tahun);
  const ang = hitungAnggaran(d, opdSlug, tahun, cap);
  const opd = d.opd.find((o) => o.slug === opdSlug);
  const rows = cap.sasaran
    .flatMap((s) =>
      s.indikator.map(
        (i) => `<tr><td>${s.nomor}</td><td>${esc(s.uraian)}</td><td>${esc(i.nama)}</td>
<td class="num">${esc(formatNilai(i.target.nilai))} ${esc(i.satuan)}</td><td class="num">${esc(formatNilai(i.realisasi.nilai))}</td>
<td class="num">${esc(formatNilai(i.capaian))}%</td><td>${badge(i.capaian, d)}</td></tr>`,
      ),
    )
    .join('\n');
  const eff = ang.sasaran
    .map(
      (s) => `<tr><td>${s.nomor}</td><td>${esc(s.uraian)}</td><td class="num">${esc(formatNilai(s.capaianKinerja))}</td>
<td class="num">${esc(formatNilai(s.serapanRataRataProgram))}</td><td class="num">${esc(formatNilai(s.efisiensi))}</td></tr>`,
    )
    .join('\n');
  return `<section>
<h2>${esc(opd?.nama ?? opdSlug)} — ${tahun}</h2>
<h3>Capaian Indikator Kinerja Utama per Sasaran Strategis</h3>
<table><thead><tr><th>No</th><th>Sasaran</th><th>Indikator</th><th>Target</th><th>Realisasi</th><th>Capaian</th><th>Predikat</th></tr></thead>
<tbody>${rows}
<tr class="total"><td></td><td colspan="4">Rata-rata capaian kinerja</td><td class="num">${esc(formatNilai(cap.rataRata.capaian))}%</td><td>${badge(cap.rataRata.capaian, d)}</td></tr></tbody></table>
<h3>Realisasi Anggaran</h3>
<p>Pagu Rp${esc(formatAngka(ang.total.pagu, 0))}, realisasi Rp${esc(formatAngka(ang.total.realisasi, 0))}, serapan <strong>${esc(formatNilai(ang.total.serapan))}%</strong>, sisa Rp${esc(formatAngka(ang.total.sisa, 0))}.</p>
<h3>Tingkat Efisiensi per Sasaran</h3>
<table><thead><tr><th>No</th><th>Sasaran</th><th>% Capaian kinerja</th><th>% Serapan anggaran (rata-rata program)</th><th>Efisiensi</th></tr></thead><tbody>${eff}</tbody></table>
</section>`;
}

export function halamanRingkasan(d: Dataset | undefined): string {
  let body: string;
  if (!d) body = '<p>Belum ada data. Impor dataset dengan <code>npx sikiper import &lt;folder&gt;</code>.</p>';
  else {
    body = d.opd
      .flatMap((o) => {
        const years = o.tahun.filter((t) => t.realisasi.length > 0 || t.anggaran.length > 0).map((t) => t.tahun);
        const latest = Math.max(...years);
        return Number.isFinite(latest) && o.renstra.some((r) => r.periodeAwal <= latest && latest <= r.periodeAkhir) ? [opdSection(d, o.slug, latest)] : [];
      })
      .join('\n');
  }
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>SIKIPER${d ? ` — ${esc(d.pemda.nama)}` : ''}</title>
<style>
body{font-family:system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1rem;color:#1f2328}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border:1px solid #d0d7de;padding:.35rem .5rem;vertical-align:top}
th{background:#f6f8fa;text-align:left}.num{text-align:right;white-space:nowrap}.total td{font-weight:600}
.badge{color:#fff;border-radius:.6rem;padding:.1rem .5rem;font-size:.85em;white-space:nowrap}.badge.kosong{background:#eaeef2;color:#57606a}
@media (max-width:700px){table{font-size:.85em}}
</style></head>
<body><header><h1>SIKIPER${d ? ` — ${esc(d.pemda.nama)}` : ''}</h1><p>Sistem Informasi Kinerja Perangkat Daerah</p></header>
<main>${body}</main></body></html>`;
}

/** Shown at / to a visitor without a session when the web UI is not built. */
export function halamanMasuk(): string {
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>SIKIPER</title>
<style>body{font-family:system-ui,sans-serif;margin:0 auto;max-width:700px;padding:1rem;color:#1f2328}code{background:#f6f8fa;padding:.1rem .3rem}</style></head>
<body><header><h1>SIKIPER</h1><p>Sistem Informasi Kinerja Perangkat Daerah</p></header>
<main><p>Silakan masuk. Antarmuka web belum dibangun (<code>web/dist</code> tidak ada); gunakan API:
<code>POST /api/auth/login</code>. Dokumentasi API ada di <a href="/api/docs">/api/docs</a>.</p></main></body></html>`;
}
