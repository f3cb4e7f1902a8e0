import '@mantine/core/styles/Drawer.css';
import './laporan.css';
import { Alert, Button, Drawer, NativeSelect, Progress, Table, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api.ts';
import { Bagian, Galat, Memuat, pesanGalat } from '../components/Bagian.tsx';
import { Gulir } from '../components/Gulir.tsx';
import { BarisPilihan, usePilihan } from '../components/Pilihan.tsx';
import { formatAngka, formatTanggalJam } from '../format.ts';
import { useMuat } from '../muat.ts';
import { setQuery, useLokasi } from '../router.ts';
import { useSesi } from '../session.tsx';
import type { DaftarDokumen, EntriSumber, FormatDokumen, JenisDokumen, PratinjauLkjip, SumberPratinjau, TabelPratinjau } from '@kontrak/dokumen.ts';
import type { LingkupTahun } from '@kontrak/rencana.ts';
import type { KemajuanUnduh } from '../types-dokumen.ts';
import { KepalaHalaman } from '../components/KepalaHalaman.tsx';

const JENIS: readonly JenisDokumen[] = ['lkjip', 'pk', 'triwulan', 'renstra', 'iku', 'renja', 'rencana-aksi', 'tindak-lanjut', 'lhe'];
const DOCX_PDF: FormatDokumen[] = ['docx', 'pdf'];
const FORMAT: Record<JenisDokumen, FormatDokumen[]> = { lkjip: DOCX_PDF, pk: DOCX_PDF, triwulan: ['xlsx'], renstra: DOCX_PDF, iku: DOCX_PDF, renja: DOCX_PDF, 'rencana-aksi': DOCX_PDF, 'tindak-lanjut': DOCX_PDF, lhe: DOCX_PDF };
const LABEL_FORMAT: Record<FormatDokumen, string> = { docx: 'Word (.docx)', pdf: 'PDF (.pdf)', xlsx: 'Excel (.xlsx)' };

function ukuranBerkas(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatAngka(bytes / 1024, 0)} KB`;
  return `${formatAngka(bytes / 1024 / 1024, 1)} MB`;
}

/** Hands a downloaded Blob to the browser as a file. */
function simpanBerkas(blob: Blob, nama: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = nama;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type Unduhan = { tahap: 'diam' } | { tahap: 'proses'; kemajuan: KemajuanUnduh } | { tahap: 'selesai'; nama: string; ukuran: number } | { tahap: 'galat'; galat: unknown };

/**
 * Where a download stands, the same for every download of the screen: its place in the queue,
 * being made, being received, done, or the error with the server's message and the fields it
 * names. `menyusun` replaces the "being made" text (the review package makes seven documents).
 */
function StatusUnduhan({ unduhan, menyusun }: { unduhan: Unduhan; menyusun?: string }) {
  const { t } = useTranslation();
  const teksMenyusun = menyusun ?? t('laporan.menyusun');
  return (
    <div aria-live="polite" className="status-unduh">
      {unduhan.tahap === 'proses' && (
        <div role="status" data-kemajuan={unduhan.kemajuan.tahap}>
          <Text size="sm">
            {unduhan.kemajuan.tahap === 'antre'
              ? t('laporan.antrean', { posisi: unduhan.kemajuan.posisi })
              : unduhan.kemajuan.tahap === 'menyusun'
                ? teksMenyusun
                : t('laporan.menerima', { persen: Math.round(unduhan.kemajuan.bagian * 100) })}
          </Text>
          {unduhan.kemajuan.tahap === 'antre' && (
            <Text size="xs" c="dimmed">
              {t('laporan.antreanKet')}
            </Text>
          )}
          <Progress
            value={unduhan.kemajuan.tahap === 'menerima' ? unduhan.kemajuan.bagian * 100 : 100}
            animated={unduhan.kemajuan.tahap !== 'menerima'}
            striped={unduhan.kemajuan.tahap !== 'menerima'}
            color={unduhan.kemajuan.tahap === 'antre' ? 'gray' : undefined}
            aria-label={unduhan.kemajuan.tahap === 'antre' ? t('laporan.antrean', { posisi: unduhan.kemajuan.posisi }) : teksMenyusun}
            mt={4}
          />
        </div>
      )}
      {unduhan.tahap === 'selesai' && (
        <Alert color="green" role="status" data-berkas={unduhan.nama}>
          {t('laporan.selesai', { nama: unduhan.nama, ukuran: ukuranBerkas(unduhan.ukuran) })}
        </Alert>
      )}
      {unduhan.tahap === 'galat' && (
        <Alert color="red" role="alert" title={t('laporan.gagal')}>
          <Text size="sm">{unduhan.galat instanceof ApiError && unduhan.galat.code === 'antrean-penuh' ? t('laporan.antreanPenuh') : pesanGalat(t, unduhan.galat)}</Text>
          {unduhan.galat instanceof ApiError && typeof unduhan.galat.body.message === 'string' && (
            <Text size="sm" c="dimmed">
              {unduhan.galat.body.message}
            </Text>
          )}
          {unduhan.galat instanceof ApiError && Array.isArray(unduhan.galat.body.issues) && (
            <Text size="sm">{(unduhan.galat.body.issues as Array<{ path: string; message: string }>).map((i) => `${i.path}: ${i.message}`).join('; ')}</Text>
          )}
        </Alert>
      )}
    </div>
  );
}

export function Laporan() {
  const { t } = useTranslation();
  const { me } = useSesi();
  const p = usePilihan();
  const { query } = useLokasi();

  useEffect(() => {
    document.title = `${t('laporan.judul')} · SIKIPER`;
  }, [t]);

  const qJenis = query.get('dokumen');
  const jenis: JenisDokumen = JENIS.includes(qJenis as JenisDokumen) ? (qJenis as JenisDokumen) : 'lkjip';
  const [format, setFormat] = useState<FormatDokumen>('docx');
  const [versi, setVersi] = useState<string>('');
  const [sampaiTw, setSampaiTw] = useState<string>('4');
  const [unduhan, setUnduhan] = useState<Unduhan>({ tahap: 'diam' });
  const formatSah = FORMAT[jenis].includes(format) ? format : FORMAT[jenis][0] ?? 'docx';

  const [daftar] = useMuat<DaftarDokumen>(p.opd ? () => api.daftarDokumen(me.pemda.slug, p.opd ?? '', p.tahun) : undefined, [me.pemda.slug, p.opd, p.tahun]);
  const versiPk = daftar.keadaan === 'ada' ? daftar.data.pk : [];
  const versiDipilih = versi !== '' && versiPk.some((v) => String(v.versi) === versi) ? versi : versiPk[0] ? String(versiPk[0].versi) : '';

  useEffect(() => setUnduhan({ tahap: 'diam' }), [p.opd, p.tahun, jenis]);

  async function unduh() {
    if (!p.opd) return;
    setUnduhan({ tahap: 'proses', kemajuan: { tahap: 'menyusun' } });
    try {
      const berkas = await api.unduhDokumen(
        me.pemda.slug,
        p.opd,
        p.tahun,
        {
          jenis,
          format: formatSah,
          ...(jenis === 'pk' && versiDipilih !== '' ? { versi: Number(versiDipilih) } : {}),
          ...(jenis === 'triwulan' ? { triwulan: Number(sampaiTw) } : {}),
        },
        (kemajuan) => setUnduhan({ tahap: 'proses', kemajuan }),
      );
      simpanBerkas(berkas.blob, berkas.nama);
      setUnduhan({ tahap: 'selesai', nama: berkas.nama, ukuran: berkas.blob.size });
    } catch (galat) {
      setUnduhan({ tahap: 'galat', galat });
    }
  }

  const proses = unduhan.tahap === 'proses';
  const tanpaPk = jenis === 'pk' && daftar.keadaan === 'ada' && versiPk.length === 0;

  return (
    <div className="halaman">
      <KepalaHalaman judul={t('laporan.judul')} keterangan={<>{p.opdNama ?? p.opd} · {p.tahun}</>}>
        <BarisPilihan p={p} />
      </KepalaHalaman>
      {!p.opd && !p.memuatOpd ? (
        <Alert color="gray">{t('pilihan.tanpaOpd')}</Alert>
      ) : (
        <>
          <Bagian judul={t('laporan.unduhJudul')} id="unduh">
            <Text size="sm" c="dimmed" mb="sm">
              {t('laporan.unduhKet')}
            </Text>
            <form
              className="form-unduh"
              onSubmit={(e) => {
                e.preventDefault();
                if (!proses) void unduh();
              }}
            >
              <NativeSelect
                label={t('laporan.dokumen')}
                value={jenis}
                onChange={(e) => setQuery({ dokumen: e.currentTarget.value })}
                data={JENIS.map((j) => ({ value: j, label: t(`laporan.jenis.${j}`) }))}
                disabled={proses}
              />
              <NativeSelect
                label={t('laporan.format')}
                value={formatSah}
                onChange={(e) => setFormat(e.currentTarget.value as FormatDokumen)}
                data={FORMAT[jenis].map((f) => ({ value: f, label: LABEL_FORMAT[f] }))}
                disabled={proses}
              />
              {jenis === 'pk' && versiPk.length > 0 && (
                <NativeSelect
                  label={t('laporan.versiPk')}
                  value={versiDipilih}
                  onChange={(e) => setVersi(e.currentTarget.value)}
                  data={versiPk.map((v) => ({ value: String(v.versi), label: v.nama }))}
                  disabled={proses}
                />
              )}
              {jenis === 'triwulan' && (
                <NativeSelect
                  label={t('laporan.sampaiTriwulan')}
                  value={sampaiTw}
                  onChange={(e) => setSampaiTw(e.currentTarget.value)}
                  data={[1, 2, 3, 4].map((n) => ({ value: String(n), label: t('pilihan.tw', { n }) }))}
                  disabled={proses}
                />
              )}
              <Button type="submit" loading={proses} disabled={tanpaPk || !p.opd} className="tombol-unduh">
                {t('laporan.unduh')}
              </Button>
            </form>
            {tanpaPk && (
              <Alert color="gray" mt="sm">
                {t('laporan.tanpaPk')}
              </Alert>
            )}
            <StatusUnduhan unduhan={unduhan} />
          </Bagian>
          {p.opd && <PaketReviu pemda={me.pemda.slug} opd={p.opd} tahun={p.tahun} />}
          {p.opd && <PanelPratinjau pemda={me.pemda.slug} opd={p.opd} tahun={p.tahun} />}
        </>
      )}
    </div>
  );
}

/** The e-SAKIP review package: one ZIP of the seven PDFs with their manifest. */
function PaketReviu({ pemda, opd, tahun }: LingkupTahun) {
  const { t } = useTranslation();
  const [unduhan, setUnduhan] = useState<Unduhan>({ tahap: 'diam' });
  useEffect(() => setUnduhan({ tahap: 'diam' }), [pemda, opd, tahun]);
  const proses = unduhan.tahap === 'proses';

  async function unduh() {
    setUnduhan({ tahap: 'proses', kemajuan: { tahap: 'menyusun' } });
    try {
      const berkas = await api.unduhPaketReviu(pemda, opd, tahun, (kemajuan) => setUnduhan({ tahap: 'proses', kemajuan }));
      simpanBerkas(berkas.blob, berkas.nama);
      setUnduhan({ tahap: 'selesai', nama: berkas.nama, ukuran: berkas.blob.size });
    } catch (galat) {
      setUnduhan({ tahap: 'galat', galat });
    }
  }

  return (
    <Bagian judul={t('laporan.paketJudul')} id="paket-reviu">
      <Text size="sm" c="dimmed" mb="sm">
        {t('laporan.paketKet')}
      </Text>
      <Button onClick={() => void unduh()} loading={proses} className="tombol-paket">
        {t('laporan.paketUnduh')}
      </Button>
      <StatusUnduhan unduhan={unduhan} menyusun={t('laporan.paketMenyusun')} />
    </Bagian>
  );
}

function PanelPratinjau({ pemda, opd, tahun }: LingkupTahun) {
  const { t } = useTranslation();
  const [muatan, ulang] = useMuat<PratinjauLkjip>(() => api.pratinjau(pemda, opd, tahun), [pemda, opd, tahun]);
  /** The open source, and the ones opened before it (to go back). */
  const [tumpukan, setTumpukan] = useState<string[]>([]);

  useEffect(() => setTumpukan([]), [pemda, opd, tahun]);

  let isi: ReactNode;
  if (muatan.keadaan === 'memuat') isi = <Memuat />;
  else if (muatan.keadaan === 'galat') isi = <Galat galat={muatan.galat} ulang={ulang} />;
  else {
    const pv = muatan.data;
    const buka = (ref: string) => setTumpukan([ref]);
    const ref = tumpukan[tumpukan.length - 1];
    const sumber = ref ? pv.sumber[ref] : undefined;
    isi = (
      <>
        <Text size="sm" c="dimmed" mb="sm">
          {t('laporan.pratinjauKet')}
        </Text>
        {pv.belumDiisi.length > 0 && (
          <Alert color="yellow" title={t('laporan.belumDiisiJudul', { n: pv.belumDiisi.length })} mb="md" className="belum-diisi">
            <Text size="sm">{t('laporan.belumDiisiKet')}</Text>
            <ul>
              {pv.belumDiisi.map((b, i) => (
                <li key={i}>
                  <strong>{b.bagian}</strong>: <span className="placeholder">{t('laporan.kosong')}</span> {b.teks}
                </li>
              ))}
            </ul>
          </Alert>
        )}
        {pv.tabel.map((tb) => (
          <TabelSumber key={tb.id} tabel={tb} buka={buka} />
        ))}
        <Title order={3} size="h5" mt="md" mb="xs">
          {t('laporan.narasiJudul')}
        </Title>
        <dl className="narasi-pratinjau">
          {pv.narasi.map((n) => (
            <div key={n.judul}>
              <dt>{n.judul}</dt>
              <dd>
                {n.isi.length === 0 ? (
                  <span className="placeholder">{t('laporan.kosong')}</span>
                ) : (
                  <ol>
                    {n.isi.map((x, i) => (
                      <li key={i}>{x}</li>
                    ))}
                  </ol>
                )}
              </dd>
            </div>
          ))}
        </dl>
        <Drawer
          opened={sumber !== undefined}
          onClose={() => setTumpukan([])}
          position="right"
          size="lg"
          title={t('laporan.sumberJudul')}
          closeButtonProps={{ 'aria-label': t('laporan.tutup') }}
          classNames={{ body: 'laci-sumber' }}
        >
          {tumpukan.length > 1 && (
            <Button variant="subtle" size="xs" mb="xs" onClick={() => setTumpukan((s) => s.slice(0, -1))}>
              ← {t('laporan.kembali')}
            </Button>
          )}
          {sumber && <IsiSumber s={sumber} buka={(r) => setTumpukan((st) => [...st, r])} />}
        </Drawer>
      </>
    );
  }
  return (
    <Bagian judul={t('laporan.pratinjauJudul')} id="pratinjau">
      {isi}
    </Bagian>
  );
}

function TabelSumber({ tabel, buka }: { tabel: TabelPratinjau; buka: (ref: string) => void }) {
  const { t } = useTranslation();
  const lebar = Math.max(560, tabel.kepala.length * 110);
  return (
    <div className="tabel-pratinjau" data-tabel={tabel.id}>
      <Title order={3} size="h6" mb={4}>
        {tabel.judul}
      </Title>
      <Gulir minWidth={lebar} label={tabel.judul}>
        <Table withTableBorder withColumnBorders className="tabel-sumber">
          <Table.Thead>
            <Table.Tr>
              {tabel.kepala.map((k, i) => (
                <Table.Th key={i} scope="col">
                  {k}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tabel.baris.map((row, ri) => (
              <Table.Tr key={ri}>
                {row.map((c, ci) => (
                  <Table.Td key={ci} colSpan={c.lebar} className={[c.rata === 'kanan' ? 'angka' : '', c.tebal ? 'tebal' : ''].join(' ').trim() || undefined}>
                    {c.ref ? (
                      <button type="button" className="angka-sumber" data-ref={c.ref} onClick={() => c.ref && buka(c.ref)} aria-label={t('laporan.lihatSumber', { teks: c.teks })} aria-haspopup="dialog">
                        {c.teks}
                      </button>
                    ) : (
                      c.teks
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Gulir>
    </div>
  );
}

function Pasangan({ data }: { data: Array<[string, ReactNode]> }) {
  return (
    <dl className="pasangan">
      {data.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function Tautan({ tuju, teks, buka }: { tuju: string; teks: string; buka: (ref: string) => void }) {
  return (
    <button type="button" className="angka-sumber" onClick={() => buka(tuju)}>
      {teks}
    </button>
  );
}

function nilaiEntri(e: EntriSumber): string {
  if (e.pembilang !== null && e.penyebut !== null) return `${formatAngka(e.pembilang)} / ${formatAngka(e.penyebut)}`;
  return e.nilai === null ? '–' : formatAngka(e.nilai);
}

function IsiSumber({ s, buka }: { s: SumberPratinjau; buka: (ref: string) => void }) {
  const { t } = useTranslation();
  const fokus = useRef<HTMLHeadingElement>(null);
  useEffect(() => fokus.current?.focus(), [s]);
  switch (s.jenis) {
    case 'indikator':
      return (
        <div className="sumber" data-sumber={s.kode}>
          <Title order={3} size="h4" ref={fokus} tabIndex={-1}>
            {s.kode} · {s.nama}
          </Title>
          <Text size="sm" c="dimmed">
            {t('laporan.sasaran', { n: s.sasaran.nomor })}: {s.sasaran.uraian}
          </Text>
          <Title order={4} size="h6" mt="md">
            {t('laporan.bagian.angka')}
          </Title>
          <Table withTableBorder className="tabel-kecil">
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th className="angka">{t('laporan.kolom.target')}</Table.Th>
                <Table.Th className="angka">{t('laporan.kolom.realisasi')}</Table.Th>
                <Table.Th className="angka">{t('laporan.kolom.capaian')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">{t('laporan.kolom.tahunIni')}</Table.Th>
                <Table.Td className="angka">{s.tahunIni.target}</Table.Td>
                <Table.Td className="angka">{s.tahunIni.realisasi}</Table.Td>
                <Table.Td className="angka" data-capaian>
                  {s.tahunIni.capaian}
                  {s.tahunIni.predikat ? ` · ${s.tahunIni.predikat}` : ''}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('laporan.kolom.tahunLalu')}</Table.Th>
                <Table.Td className="angka">{s.tahunLalu.target}</Table.Td>
                <Table.Td className="angka">{s.tahunLalu.realisasi}</Table.Td>
                <Table.Td className="angka">{s.tahunLalu.capaian}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('laporan.kolom.targetAkhir')}</Table.Th>
                <Table.Td className="angka">{s.targetAkhirRenstra.target}</Table.Td>
                <Table.Td className="angka">{s.tahunIni.realisasi}</Table.Td>
                <Table.Td className="angka">{s.targetAkhirRenstra.capaian}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <Title order={4} size="h6" mt="md">
            {t('laporan.bagian.rumus')}
          </Title>
          <Pasangan
            data={[
              ...(s.formula
                ? ([
                    [t('laporan.formula'), s.formula.teks],
                    ...(s.formula.pembilang ? [[t('laporan.pembilang'), s.formula.pembilang] as [string, string]] : []),
                    ...(s.formula.penyebut ? [[t('laporan.penyebut'), s.formula.penyebut] as [string, string]] : []),
                    [t('laporan.pengali'), formatAngka(s.formula.pengali)],
                  ] as Array<[string, string]>)
                : []),
              [t('laporan.agregasi'), s.caraAgregasi],
              [t('laporan.polaritas'), t(`laporan.polaritasNilai.${s.polaritas}`)],
              [t('laporan.aturan'), s.aturanCapaian],
              [t('laporan.sumberTarget'), t(`laporan.sumberTargetNilai.${s.sumberTarget}`)],
              [t('laporan.kolom.realisasi'), t('laporan.pembulatan', { n: s.desimal, nilai: s.tahunIni.realisasiSebelumPembulatan })],
              ...(s.sumberData ? [[t('laporan.sumberData'), s.sumberData] as [string, string]] : []),
              ...(s.penanggungJawab.length ? [[t('laporan.penanggungJawab'), s.penanggungJawab.join(', ')] as [string, string]] : []),
            ]}
          />
          <Title order={4} size="h6" mt="md">
            {t('laporan.bagian.triwulan')}
          </Title>
          {s.entri.length === 0 ? (
            <Text size="sm">{t('laporan.tanpaEntri')}</Text>
          ) : (
            <Gulir minWidth={560} label={t('laporan.bagian.triwulan')}>
              <Table withTableBorder className="tabel-kecil tabel-entri">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('laporan.kolom.tw')}</Table.Th>
                    <Table.Th className="angka">{t('laporan.kolom.targetTw')}</Table.Th>
                    <Table.Th className="angka">{t('laporan.kolom.nilai')}</Table.Th>
                    <Table.Th className="angka">{t('laporan.kolom.hasil')}</Table.Th>
                    <Table.Th>{t('laporan.kolom.status')}</Table.Th>
                    <Table.Th>{t('laporan.kolom.jejak')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.entri.map((e) => (
                    <Table.Tr key={String(e.triwulan)} data-tw={e.triwulan ?? 'tahunan'} className={e.dihitung ? undefined : 'tidak-dihitung'}>
                      <Table.Th scope="row">{e.triwulan === null ? t('laporan.tahunan') : t('pilihan.twPendek', { n: e.triwulan })}</Table.Th>
                      <Table.Td className="angka">{e.targetTriwulan === null ? '–' : formatAngka(e.targetTriwulan)}</Table.Td>
                      <Table.Td className="angka">{nilaiEntri(e)}</Table.Td>
                      <Table.Td className="angka">{e.hasil}</Table.Td>
                      <Table.Td>
                        {t(`status.${e.status}`)}
                        {e.dihitung ? '' : ` (${t('laporan.tidakDihitung')})`}
                      </Table.Td>
                      <Table.Td className="jejak">
                        {e.jejak.length === 0 ? (
                          e.status === 'kosong' ? (
                            '–'
                          ) : (
                            <Text size="xs" c="dimmed">
                              {t('laporan.tanpaJejak')}
                            </Text>
                          )
                        ) : (
                          <ul>
                            {e.jejak.map((j, i) => (
                              <li key={i}>
                                {t('laporan.jejakBaris', { aksi: t(`laporan.aksiJejak.${j.aksi}`), oleh: j.oleh, pada: formatTanggalJam(j.pada) })}
                                {j.komentar ? ` — “${j.komentar}”` : ''}
                              </li>
                            ))}
                          </ul>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Gulir>
          )}
        </div>
      );
    case 'sasaran':
      return (
        <div className="sumber" data-sumber={s.kode}>
          <Title order={3} size="h4" ref={fokus} tabIndex={-1}>
            {t('laporan.sasaran', { n: s.nomor })}: {s.uraian}
          </Title>
          <Pasangan
            data={[
              [t('laporan.kolom.capaian'), `${s.capaian}${s.predikat ? ` · ${s.predikat}` : ''}`],
              [t('laporan.kolom.tahunLalu'), s.capaianTahunLalu],
              [t('laporan.bagian.rumus'), s.cara],
            ]}
          />
          <Title order={4} size="h6" mt="md">
            {t('laporan.bagian.komponen')}
          </Title>
          <ul className="komponen">
            {s.indikator.map((i) => (
              <li key={i.ref}>
                {i.nama}: <Tautan tuju={i.ref} teks={i.capaian} buka={buka} />
              </li>
            ))}
          </ul>
        </div>
      );
    case 'rata-rata':
      return (
        <div className="sumber">
          <Title order={3} size="h4" ref={fokus} tabIndex={-1}>
            {s.capaian}
            {s.predikat ? ` · ${s.predikat}` : ''}
          </Title>
          <Text size="sm">{s.cara}</Text>
          <ul className="komponen">
            {s.sasaran.map((x) => (
              <li key={x.ref}>
                {t('laporan.sasaran', { n: x.nomor })}: <Tautan tuju={x.ref} teks={x.capaian} buka={buka} />
              </li>
            ))}
          </ul>
        </div>
      );
    case 'anggaran':
      return (
        <div className="sumber" data-sumber={s.kode}>
          <Title order={3} size="h4" ref={fokus} tabIndex={-1}>
            {s.kode === 'total' ? s.nama : `${s.kode} · ${s.nama}`}
          </Title>
          <Pasangan
            data={[
              [t('laporan.kolom.pagu'), s.pagu],
              [t('laporan.kolom.realisasi'), s.realisasi],
              [t('laporan.kolom.sisa'), s.sisa],
              [t('laporan.kolom.serapan'), s.serapan],
              [t('laporan.bagian.rumus'), s.cara],
              [t('laporan.dokumenAnggaran'), s.dokumen],
            ]}
          />
        </div>
      );
    case 'efisiensi':
      return (
        <div className="sumber">
          <Title order={3} size="h4" ref={fokus} tabIndex={-1}>
            {s.nomor === null ? s.uraian : `${t('laporan.sasaran', { n: s.nomor })}: ${s.uraian}`}
          </Title>
          <Pasangan
            data={[
              [t('laporan.kolom.capaianKinerja'), s.capaianKinerja],
              [t('laporan.kolom.serapan'), s.serapan],
              [t('laporan.kolom.efisiensi'), s.efisiensi],
              [t('laporan.bagian.rumus'), s.cara],
            ]}
          />
          {s.program.length > 0 && (
            <ul className="komponen">
              {s.program.map((x) => (
                <li key={x.ref}>
                  {x.nama}: <Tautan tuju={x.ref} teks={x.serapan} buka={buka} />
                </li>
              ))}
            </ul>
          )}
        </div>
      );
  }
}
