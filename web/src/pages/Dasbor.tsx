import { Alert, Progress, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { Component, lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Gulir } from '../components/Gulir.tsx';
import { api, ApiError } from '../api.ts';
import { Bagian, Galat, Memuat } from '../components/Bagian.tsx';
import { LencanaPredikat } from '../components/Lencana.tsx';
import { TombolUnduh } from '../components/TombolUnduh.tsx';
import { TombolPenjelasan } from '../components/Penjelasan.tsx';
import { BarisPilihan, usePilihan } from '../components/Pilihan.tsx';
import { formatAngka, formatPersen, formatRupiah } from '../format.ts';
import { useMuat } from '../muat.ts';
import { warnaPredikat } from '../predikat.ts';
import { setQuery } from '../router.ts';
import { useSesi } from '../session.tsx';
import type { Dashboard, StatusAngka } from '@kontrak/laporan.ts';
import type { Triwulan } from '../types.ts';
import { KepalaHalaman } from '../components/KepalaHalaman.tsx';

const GrafikCapaian = lazy(() => import('./GrafikDasbor.tsx').then((m) => ({ default: m.GrafikCapaian })));
const GrafikTren = lazy(() => import('./GrafikDasbor.tsx').then((m) => ({ default: m.GrafikTren })));

/** The tables carry every figure, so a chart that failed to load is left out rather than breaking the page. */
class TanpaGrafik extends Component<{ children: ReactNode }, { galat: boolean }> {
  override state = { galat: false };
  static getDerivedStateFromError() {
    return { galat: true };
  }
  override render() {
    return this.state.galat ? null : this.props.children;
  }
}

/** A percentage, or why there is none ("belum diisi", "tidak dapat dihitung"). */
function Persen({ nilai, status }: { nilai: number | null; status?: StatusAngka }) {
  const { t } = useTranslation();
  if (nilai !== null) return <>{formatPersen(nilai)}</>;
  return (
    <Text span size="xs" c="dimmed" className="tanpa-angka">
      {status ? t(`angka.${status}`) : '–'}
    </Text>
  );
}

function Angka({ nilai, status }: { nilai: number | null; status?: StatusAngka }) {
  const { t } = useTranslation();
  if (nilai !== null) return <>{formatAngka(nilai)}</>;
  return (
    <Text span size="xs" c="dimmed" className="tanpa-angka">
      {status ? t(`angka.${status}`) : '–'}
    </Text>
  );
}

function Kartu({ judul, nilai, keterangan }: { judul: string; nilai: ReactNode; keterangan?: ReactNode }) {
  return (
    <div className="kartu">
      <Text size="sm" c="dimmed">
        {judul}
      </Text>
      <div className="kartu-nilai">{nilai}</div>
      {keterangan && <div className="kartu-ket">{keterangan}</div>}
    </div>
  );
}

function selisih(n: number | null): string {
  if (n === null) return '–';
  return `${n > 0 ? '+' : ''}${formatAngka(n)}`;
}

export function Dasbor() {
  const { t } = useTranslation();
  const { me } = useSesi();
  const p = usePilihan();
  const [muatan, ulang] = useMuat<Dashboard>(p.opd ? () => api.dashboard(me.pemda.slug, p.opd ?? '', p.tahun) : undefined, [me.pemda.slug, p.opd, p.tahun]);

  useEffect(() => {
    document.title = `${t('dasbor.judul')} · SIKIPER`;
  }, [t]);

  let isi: ReactNode;
  if (!p.opd && !p.memuatOpd) isi = <Alert color="gray">{t('pilihan.tanpaOpd')}</Alert>;
  else if (muatan.keadaan === 'memuat') isi = <Memuat />;
  else if (muatan.keadaan === 'galat') {
    isi = muatan.galat instanceof ApiError && muatan.galat.status === 404 ? <Alert color="gray">{t('dasbor.tanpaData', { tahun: p.tahun })}</Alert> : <Galat galat={muatan.galat} ulang={ulang} />;
  } else isi = <IsiDasbor d={muatan.data} tw={p.tw} pemda={me.pemda.slug} opd={p.opd} tahun={p.tahun} />;

  return (
    <div className="halaman">
      <KepalaHalaman judul={t('dasbor.judul')} keterangan={<>{p.opdNama ?? p.opd} · {p.tahun}</>}>
        <BarisPilihan p={p} />
      </KepalaHalaman>
      {isi}
    </div>
  );
}

function IsiDasbor({ d, tw, pemda, opd, tahun }: { d: Dashboard; tw: Triwulan; pemda: string; opd?: string | undefined; tahun: number }) {
  const { t } = useTranslation();
  const { me } = useSesi();
  const { capaian, anggaran } = d;
  const adaCapaian = capaian.sasaran.some((s) => s.capaian !== null || s.indikator.some((i) => i.realisasi !== null));
  const progresTw = d.progres.find((x) => x.triwulan === tw);
  const totalTw = progresTw?.unit.reduce((a, u) => a + u.total, 0) ?? 0;
  const disetujuiTw = progresTw?.unit.reduce((a, u) => a + u.disetujui, 0) ?? 0;

  const titikCapaian = capaian.sasaran.flatMap((s) =>
    s.indikator.filter((i) => i.capaian !== null).map((i) => ({ label: i.kode, nama: `${i.kode} · ${i.nama}`, capaian: i.capaian ?? 0, fill: warnaPredikat(i.predikat) })),
  );
  const titikTren = capaian.sasaran.map((s) => ({ label: s.kode, nama: `${s.kode} · ${s.uraian}`, ini: s.capaian, lalu: s.capaianTahunLalu }));
  const program = anggaran.baris.filter((b) => b.level === 'program');

  return (
    <div className="dasbor">
      {!adaCapaian && <Alert color="gray">{t('dasbor.belumAdaRealisasi', { tahun: capaian.tahun })}</Alert>}
      <div className="kartu-grid">
        <Kartu
          judul={t('dasbor.capaianOpd')}
          nilai={<Persen nilai={capaian.rataRata.capaian} status={capaian.rataRata.capaianStatus} />}
          keterangan={capaian.rataRata.predikat ? <LencanaPredikat predikat={capaian.rataRata.predikat} /> : undefined}
        />
        <Kartu
          judul={t('dasbor.serapan')}
          nilai={<Persen nilai={anggaran.total.serapan} status={anggaran.total.serapanStatus} />}
          keterangan={
            <Text size="xs" c="dimmed">
              {t('dasbor.dariPagu', { realisasi: formatRupiah(anggaran.total.realisasi), pagu: formatRupiah(anggaran.total.pagu) })}
            </Text>
          }
        />
        <Kartu
          judul={t('dasbor.efisiensi')}
          nilai={selisih(anggaran.rataRata.efisiensi)}
          keterangan={
            <Text size="xs" c="dimmed">
              {t('dasbor.efisiensiKet')}
            </Text>
          }
        />
        <Kartu
          judul={t('dasbor.progresTw', { n: tw })}
          nilai={totalTw ? `${disetujuiTw}/${totalTw}` : '–'}
          keterangan={
            <Text size="xs" c="dimmed">
              {t('dasbor.disetujui')}
            </Text>
          }
        />
      </div>

      <Bagian judul={t('dasbor.capaianJudul')} id="capaian" aksi={<TombolUnduh pemda={pemda} opd={capaian.opd} tahun={capaian.tahun} tabel="capaian" judul={t('dasbor.capaianJudul')} />}>
        <Gulir minWidth={640} label={t('dasbor.capaianJudul')} responsif>
          <Table striped={false} highlightOnHover className="tabel-capaian" captionSide="bottom">
            <caption className="sr-only">{t('dasbor.capaianJudul')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('dasbor.kolom.kode')}</Table.Th>
                <Table.Th scope="col">{t('dasbor.kolom.uraian')}</Table.Th>
                <Table.Th scope="col">{t('dasbor.kolom.satuan')}</Table.Th>
                <Table.Th scope="col" className="angka">
                  {t('dasbor.kolom.target')}
                </Table.Th>
                <Table.Th scope="col" className="angka">
                  {t('dasbor.kolom.realisasi')}
                </Table.Th>
                <Table.Th scope="col" className="angka">
                  {t('dasbor.kolom.capaian')}
                </Table.Th>
                <Table.Th scope="col">{t('dasbor.kolom.predikat')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {capaian.sasaran.map((s) => [
                <Table.Tr key={s.kode} className="baris-sasaran">
                  <Table.Th scope="row">{s.kode}</Table.Th>
                  <Table.Td colSpan={4}>{s.uraian}</Table.Td>
                  <Table.Td data-label={t('dasbor.kolom.capaian')} className="angka">
                    <Persen nilai={s.capaian} status={s.capaianStatus} />
                  </Table.Td>
                  <Table.Td data-label={t('dasbor.kolom.predikat')}>{s.predikat && <LencanaPredikat predikat={s.predikat} />}</Table.Td>
                </Table.Tr>,
                ...s.indikator.map((i) => (
                  <Table.Tr key={`${s.kode}/${i.kode}`} data-indikator={i.kode}>
                    <Table.Td className="kode">{i.kode}</Table.Td>
                    <Table.Td>{i.nama}</Table.Td>
                    <Table.Td data-label={t('dasbor.kolom.satuan')}>{i.satuan}</Table.Td>
                    <Table.Td data-label={t('dasbor.kolom.target')} className="angka">
                      <Angka nilai={i.target} status={i.targetStatus} />
                    </Table.Td>
                    <Table.Td data-label={t('dasbor.kolom.realisasi')} className="angka">
                      <Angka nilai={i.realisasi} status={i.realisasiStatus} />
                      {i.predikatRealisasi ? ` ${i.predikatRealisasi}` : ''}
                      {i.dariRegister && opd && <TombolPenjelasan pemda={me.pemda.slug} opd={opd} tahun={tahun} kode={i.kode} />}
                    </Table.Td>
                    <Table.Td data-label={t('dasbor.kolom.capaian')} className="angka capaian-indikator">
                      <Persen nilai={i.capaian} status={i.capaianStatus} />
                    </Table.Td>
                    <Table.Td data-label={t('dasbor.kolom.predikat')}>{i.predikat && <LencanaPredikat predikat={i.predikat} />}</Table.Td>
                  </Table.Tr>
                )),
              ])}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr className="baris-total">
                <Table.Th scope="row" colSpan={5}>
                  {t('dasbor.rataRata')}
                </Table.Th>
                <Table.Td data-label={t('dasbor.kolom.capaian')} className="angka">
                  <Persen nilai={capaian.rataRata.capaian} status={capaian.rataRata.capaianStatus} />
                </Table.Td>
                <Table.Td data-label={t('dasbor.kolom.predikat')}>{capaian.rataRata.predikat && <LencanaPredikat predikat={capaian.rataRata.predikat} />}</Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Gulir>
        {titikCapaian.length > 0 && (
          <TanpaGrafik>
            <Suspense fallback={<Memuat />}>
              <GrafikCapaian data={titikCapaian} judul={t('dasbor.grafikCapaian')} />
            </Suspense>
          </TanpaGrafik>
        )}
        <Legenda label={d.skala?.bands.map((b) => b.label)} />
      </Bagian>

      <Bagian judul={t('dasbor.programJudul')} id="program" aksi={<TombolUnduh pemda={pemda} opd={capaian.opd} tahun={capaian.tahun} tabel="rencana" judul={t('dasbor.programJudul')} />}>
        <details className="rincian-program">
          <summary>{t('dasbor.programBuka', { n: capaian.sasaran.reduce((a, s) => a + (s.program ?? []).reduce((b, p) => b + p.indikator.length, 0), 0) })}</summary>
          <Gulir minWidth={640} label={t('dasbor.programJudul')} responsif>
            <Table highlightOnHover className="tabel-program">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('dasbor.kolom.kode')}</Table.Th>
                  <Table.Th scope="col">{t('dasbor.kolom.indikatorProgram')}</Table.Th>
                  <Table.Th scope="col" className="angka">
                    {t('dasbor.kolom.target')}
                  </Table.Th>
                  <Table.Th scope="col" className="angka">
                    {t('dasbor.kolom.realisasi')}
                  </Table.Th>
                  <Table.Th scope="col" className="angka">
                    {t('dasbor.kolom.capaian')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {capaian.sasaran.flatMap((s) =>
                  (s.program ?? []).flatMap((p) =>
                    p.indikator.map((i) => (
                      <Table.Tr key={`${s.kode}/${i.kode}`} data-indikator={i.kode}>
                        <Table.Td className="kode">{i.kode}</Table.Td>
                        <Table.Td>
                          {i.nama}
                          <Text size="xs" c="dimmed">
                            {t(`dasbor.level.${p.level === 'program' ? 'program' : p.level === 'kegiatan' ? 'kegiatan' : 'lain'}`)}: {p.nama}
                          </Text>
                        </Table.Td>
                        <Table.Td data-label={t('dasbor.kolom.target')} className="angka">
                          <Angka nilai={i.target} status={i.targetStatus} /> {i.satuan ?? ''}
                        </Table.Td>
                        <Table.Td data-label={t('dasbor.kolom.realisasi')} className="angka">
                          <Angka nilai={i.realisasi} status={i.realisasiStatus} />
                        </Table.Td>
                        <Table.Td data-label={t('dasbor.kolom.capaian')} className="angka capaian-indikator">
                          <Persen nilai={i.capaian} status={i.capaianStatus} />
                        </Table.Td>
                      </Table.Tr>
                    )),
                  ),
                )}
              </Table.Tbody>
            </Table>
          </Gulir>
        </details>
      </Bagian>

      <Bagian judul={t('dasbor.trenJudul', { ini: capaian.tahun, lalu: capaian.tahun - 1 })} id="tren">
        <TanpaGrafik>
          <Suspense fallback={<Memuat />}>
            <GrafikTren data={titikTren} judul={t('dasbor.trenJudul', { ini: capaian.tahun, lalu: capaian.tahun - 1 })} labelIni={String(capaian.tahun)} labelLalu={String(capaian.tahun - 1)} />
          </Suspense>
        </TanpaGrafik>
      </Bagian>

      <Bagian judul={t('dasbor.anggaranJudul')} id="anggaran" aksi={<TombolUnduh pemda={pemda} opd={capaian.opd} tahun={capaian.tahun} tabel="anggaran" judul={t('dasbor.anggaranJudul')} />}>
        <Gulir minWidth={560} label={t('dasbor.anggaranJudul')} responsif>
          <Table highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('dasbor.kolom.kode')}</Table.Th>
                <Table.Th scope="col">{t('dasbor.kolom.program')}</Table.Th>
                <Table.Th scope="col" className="angka">
                  {t('dasbor.kolom.pagu')}
                </Table.Th>
                <Table.Th scope="col" className="angka">
                  {t('dasbor.kolom.realisasiAnggaran')}
                </Table.Th>
                <Table.Th scope="col" className="angka">
                  {t('dasbor.kolom.serapan')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {program.map((b) => (
                <Table.Tr key={b.kode}>
                  <Table.Td className="kode">{b.kode}</Table.Td>
                  <Table.Td>{b.nama}</Table.Td>
                  <Table.Td data-label={t('dasbor.kolom.pagu')} className="angka">{formatRupiah(b.pagu)}</Table.Td>
                  <Table.Td data-label={t('dasbor.kolom.realisasiAnggaran')} className="angka">{formatRupiah(b.realisasi)}</Table.Td>
                  <Table.Td data-label={t('dasbor.kolom.serapan')} className="angka">
                    <Persen nilai={b.serapan} status={b.serapanStatus} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr className="baris-total">
                <Table.Th scope="row" colSpan={2}>
                  {t('dasbor.total')}
                </Table.Th>
                <Table.Td data-label={t('dasbor.kolom.pagu')} className="angka">{formatRupiah(anggaran.total.pagu)}</Table.Td>
                <Table.Td data-label={t('dasbor.kolom.realisasiAnggaran')} className="angka">{formatRupiah(anggaran.total.realisasi)}</Table.Td>
                <Table.Td data-label={t('dasbor.kolom.serapan')} className="angka">
                  <Persen nilai={anggaran.total.serapan} status={anggaran.total.serapanStatus} />
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Gulir>

        <Title order={3} size="h5" mt="lg" mb="xs">
          {t('dasbor.efisiensiJudul')}
        </Title>
        <Gulir minWidth={520} label={t('dasbor.efisiensiJudul')} responsif>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('dasbor.kolom.sasaran')}</Table.Th>
                <Table.Th scope="col" className="angka">
                  {t('dasbor.kolom.capaian')}
                </Table.Th>
                <Table.Th scope="col" className="angka">
                  {t('dasbor.kolom.serapan')}
                </Table.Th>
                <Table.Th scope="col" className="angka">
                  {t('dasbor.kolom.efisiensi')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {anggaran.sasaran.map((s) => (
                <Table.Tr key={s.kode}>
                  <Table.Td>
                    <strong>{s.kode}</strong> {s.uraian}
                  </Table.Td>
                  <Table.Td data-label={t('dasbor.kolom.capaian')} className="angka">
                    <Persen nilai={s.capaianKinerja} status={s.capaianKinerjaStatus} />
                  </Table.Td>
                  <Table.Td data-label={t('dasbor.kolom.serapan')} className="angka">
                    <Persen nilai={s.serapanRataRataProgram} />
                  </Table.Td>
                  <Table.Td data-label={t('dasbor.kolom.efisiensi')} className="angka">{selisih(s.efisiensi)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Gulir>
      </Bagian>

      <ProgresTriwulan progres={d.progres} twAwal={tw} />
    </div>
  );
}

function Legenda({ label }: { label?: string[] | undefined }) {
  const { t } = useTranslation();
  return (
    <ul className="legenda" aria-label={t('dasbor.legenda')}>
      {(label ?? ['Sangat Berhasil', 'Berhasil', 'Cukup Berhasil', 'Kurang Berhasil']).map((l) => (
        <li key={l}>
          <LencanaPredikat predikat={l} />
        </li>
      ))}
    </ul>
  );
}

function ProgresTriwulan({ progres, twAwal }: { progres: Dashboard['progres']; twAwal: Triwulan }) {
  const { t } = useTranslation();
  const [tw, setTw] = useState<Triwulan>(twAwal);
  useEffect(() => setTw(twAwal), [twAwal]);
  const baris = progres.find((x) => x.triwulan === tw)?.unit ?? [];
  return (
    <Bagian
      judul={t('dasbor.progresJudul')}
      id="progres"
      aksi={
        <SegmentedControl
          size="xs"
          aria-label={t('pilihan.triwulan')}
          value={String(tw)}
          onChange={(v) => {
            setTw(Number(v) as Triwulan);
            setQuery({ tw: v });
          }}
          data={[1, 2, 3, 4].map((n) => ({ value: String(n), label: t('pilihan.twPendek', { n }) }))}
        />
      }
    >
      {baris.length === 0 ? (
        <Text c="dimmed">{t('dasbor.progresKosong')}</Text>
      ) : (
        <Gulir minWidth={620} label={t('dasbor.progresJudul')} responsif>
          <Table className="tabel-progres">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('dasbor.kolom.unit')}</Table.Th>
                <Table.Th scope="col">{t('dasbor.kolom.penanggungJawab')}</Table.Th>
                <Table.Th scope="col" className="angka">
                  {t('dasbor.kolom.belum')}
                </Table.Th>
                <Table.Th scope="col" className="angka">
                  {t('dasbor.kolom.diajukan')}
                </Table.Th>
                <Table.Th scope="col" className="angka">
                  {t('dasbor.kolom.diverifikasi')}
                </Table.Th>
                <Table.Th scope="col" className="angka">
                  {t('dasbor.kolom.disetujui')}
                </Table.Th>
                <Table.Th scope="col">{t('dasbor.kolom.progres')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {baris.map((u) => {
                const belum = Math.max(0, u.total - u.terisi);
                const persen = u.total ? (u.disetujui / u.total) * 100 : 0;
                return (
                  <Table.Tr key={u.kode} data-unit={u.kode}>
                    <Table.Td>{u.nama}</Table.Td>
                    <Table.Td data-label={t('dasbor.kolom.penanggungJawab')}>{u.kepala ?? '–'}</Table.Td>
                    <Table.Td data-label={t('dasbor.kolom.belum')} className="angka">
                      {belum > 0 ? (
                        <Text span c="red.8" fw={700}>
                          {belum}
                        </Text>
                      ) : (
                        0
                      )}
                    </Table.Td>
                    <Table.Td data-label={t('dasbor.kolom.diajukan')} className="angka">{u.diajukan}</Table.Td>
                    <Table.Td data-label={t('dasbor.kolom.diverifikasi')} className="angka">{u.diverifikasi}</Table.Td>
                    <Table.Td data-label={t('dasbor.kolom.disetujui')} className="angka">
                      {u.disetujui}/{u.total}
                    </Table.Td>
                    <Table.Td data-label={t('dasbor.kolom.progres')}>
                      <Progress value={persen} color={persen >= 100 ? 'green' : 'blue'} aria-label={t('dasbor.progresUnit', { unit: u.nama, persen: formatAngka(persen, 0) })} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Gulir>
      )}
    </Bagian>
  );
}
