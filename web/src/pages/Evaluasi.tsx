import './narasi.css';
import { Alert, Anchor, Badge, Button, Group, List, NativeSelect, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import type { EvaluasiOpd as DataEvaluasi, Kekurangan, Rekomendasi, Skor } from '@kontrak/evaluasi.ts';
import type { LingkupTahun } from '@kontrak/rencana.ts';
import { apiEvaluasi, bacaPersen, KOMPONEN, persenUntukInput, STATUS_TINDAK_LANJUT, SUB, type StatusTindakLanjut } from '../api-evaluasi.ts';
import { Bagian, Galat, Memuat, pesanGalat } from '../components/Bagian.tsx';
import { Gulir } from '../components/Gulir.tsx';
import { BarisPilihan, usePilihan } from '../components/Pilihan.tsx';
import { formatAngka, formatTanggalJam } from '../format.ts';
import { useMuat } from '../muat.ts';
import { bacaDrafRencana, hapusDrafRencana, kunciRencana, simpanDrafRencana } from '../rencana-draf.ts';
import { bolehRekapEvaluasi, useSesi } from '../session.tsx';
import { KepalaHalaman } from '../components/KepalaHalaman.tsx';
import { BagianLke, RekapEvaluasi } from './EvaluasiLke.tsx';
import { DaftarTautan, GAYA_GALAT } from '../components/DaftarTautan.tsx';
import { Tautan } from '../components/Tautan.tsx';

interface Isian {
  skor: Record<string, Record<string, string>>;
  rekomendasi: Array<{ id?: string; teks: string }>;
}

const isIsian = (v: unknown): v is Isian => !!v && typeof v === 'object' && 'skor' in v && 'rekomendasi' in v && Array.isArray((v as Isian).rekomendasi);

const dariData = (e: DataEvaluasi): Isian => ({
  skor: Object.fromEntries(KOMPONEN.map((k) => [k, Object.fromEntries(SUB.map((s) => [s, persenUntukInput(e.skor[k][s])]))])),
  rekomendasi: e.rekomendasi.map((r) => ({ id: r.id, teks: r.teks })),
});

/**
 * SAKIP evaluation of an OPD-year: criterion by criterion (LKE: the OPD, the Inspektorat's
 * evaluator and the pengendali teknis) or as twelve percentages (inspektorat), recommendations
 * and their follow-ups (perencana), the year's sign-off (kepala OPD), and for the pemda-wide
 * readers the recap of every OPD.
 */
export function Evaluasi() {
  const { t } = useTranslation();
  const { me } = useSesi();
  const p = usePilihan();
  const l: LingkupTahun | undefined = p.opd ? { pemda: me.pemda.slug, opd: p.opd, tahun: p.tahun } : undefined;
  const [muatan, ulang, ubah] = useMuat(l ? () => apiEvaluasi.baca(l) : undefined, [l?.pemda, l?.opd, l?.tahun]);
  const [putaran, setPutaran] = useState(0);

  useEffect(() => {
    document.title = `${t('evaluasi.judul')} · SIKIPER`;
  }, [t]);

  let isi: React.ReactNode;
  if (!p.opd && !p.memuatOpd) isi = <Alert color="gray">{t('pilihan.tanpaOpd')}</Alert>;
  else if (!l || muatan.keadaan === 'memuat') isi = <Memuat />;
  else if (muatan.keadaan === 'galat') isi = <Galat galat={muatan.galat} ulang={ulang} />;
  else {
    const e = muatan.data;
    const ganti = (baru: DataEvaluasi) => ubah(() => baru);
    // A move of the criterion-level evaluation changes the summary (its score, who may do what) and the recap.
    const segarkan = () => {
      apiEvaluasi.baca(l).then(ganti, () => undefined);
      setPutaran((n) => n + 1);
    };
    isi = (
      <div className="narasi-daftar">
        <Text size="sm" c="dimmed">
          {t('evaluasi.pengantar')}
        </Text>
        <BagianLke key={`${l.opd}/${l.tahun}`} l={l} setelahBerubah={segarkan} />
        <FormEvaluasi
          key={`${l.opd}/${l.tahun}`}
          l={l}
          e={e}
          kunciDraf={kunciRencana([me.username, me.pemda.slug, l.opd, l.tahun, 'evaluasi'])}
          ganti={ganti}
          versiBaru={(v) => ubah((d) => ({ ...d, version: v }))}
        />
        <TindakLanjut l={l} e={e} ganti={ganti} />
        <Pengesahan l={l} e={e} ganti={ganti} />
        {bolehRekapEvaluasi(me) && <RekapEvaluasi pemda={me.pemda.slug} tahun={l.tahun} putaran={putaran} />}
      </div>
    );
  }

  return (
    <div className="halaman evaluasi">
      <KepalaHalaman judul={t('evaluasi.judul')} keterangan={<>{p.opdNama ?? p.opd} · {p.tahun}</>}>
        <BarisPilihan p={p} />
      </KepalaHalaman>
      {isi}
    </div>
  );
}

function FormEvaluasi({ l, e, kunciDraf, ganti, versiBaru }: { l: LingkupTahun; e: DataEvaluasi; kunciDraf: string; ganti: (e: DataEvaluasi) => void; versiBaru: (v: number) => void }) {
  const { t } = useTranslation();
  const tersimpan = dariData(e);
  const [isian, setIsian] = useState<Isian>(() => (e.boleh.isi ? (bacaDrafRencana(kunciDraf, isIsian)?.isi ?? tersimpan) : tersimpan));
  const [status, setStatus] = useState<'diam' | 'menyimpan' | 'tersimpan' | 'bentrok'>('diam');
  const [galat, setGalat] = useState<unknown>(undefined);
  const berubah = JSON.stringify(isian) !== JSON.stringify(tersimpan);
  const salah = (k: string, s: string) => bacaPersen(isian.skor[k]?.[s] ?? '') === undefined;
  const adaSalah = KOMPONEN.some((k) => SUB.some((s) => salah(k, s)));

  useEffect(() => {
    if (!e.boleh.isi) return;
    if (berubah) simpanDrafRencana(kunciDraf, { isi: isian, version: e.version });
    else hapusDrafRencana(kunciDraf);
  }, [isian, berubah, kunciDraf, e.version, e.boleh.isi]);

  const kirim = async () => {
    if (adaSalah) return;
    setStatus('menyimpan');
    setGalat(undefined);
    const skor = Object.fromEntries(KOMPONEN.map((k) => [k, Object.fromEntries(SUB.map((s) => [s, bacaPersen(isian.skor[k]?.[s] ?? '') ?? '0']))])) as Skor;
    try {
      const baru = await apiEvaluasi.simpan(l, e.version, skor, isian.rekomendasi);
      hapusDrafRencana(kunciDraf);
      ganti(baru);
      setIsian(dariData(baru));
      setStatus('tersimpan');
    } catch (x) {
      if (x instanceof ApiError && x.status === 409) {
        const cur = x.body.current as { version?: unknown } | undefined;
        if (typeof cur?.version === 'number') versiBaru(cur.version);
        setStatus('bentrok');
      } else {
        setGalat(x);
        setStatus('diam');
      }
    }
  };

  const setSkor = (k: string, s: string, v: string) => {
    setStatus('diam');
    setIsian((d) => ({ ...d, skor: { ...d.skor, [k]: { ...d.skor[k], [s]: v } } }));
  };
  const setRek = (f: (r: Isian['rekomendasi']) => Isian['rekomendasi']) => {
    setStatus('diam');
    setIsian((d) => ({ ...d, rekomendasi: f(d.rekomendasi) }));
  };

  // Answered criterion by criterion: the score is the LKE section's; only the recommendations are entered here.
  const ringkas = !e.perKriteria;
  return (
    <Bagian
      id="nilai-lke"
      judul={ringkas ? t('evaluasi.nilaiJudul') : t('evaluasi.rekomendasiEvaluasi')}
      aksi={
        ringkas ? (
          // No evaluation yet is no grade, not a D.
          <Badge size="lg" color={e.ada ? 'blue' : 'gray'} data-testid="predikat" data-predikat={e.ada ? e.hasil.predikat : 'belum'}>
            {t('evaluasi.predikat')}: {e.ada ? e.hasil.predikat : t('evaluasi.tanpaPredikat')}
          </Badge>
        ) : undefined
      }
    >
      {ringkas && !e.ada && (
        <Text size="sm" c="dimmed" mb="xs">
          {t('evaluasi.belumAda')}
        </Text>
      )}
      {ringkas && e.boleh.isi && (
        <Text size="xs" c="dimmed" mb="xs">
          {t('evaluasi.persenKet')}
        </Text>
      )}
      {ringkas && (
        <Gulir minWidth={720} label={t('evaluasi.nilaiJudul')}>
          <Table withTableBorder withColumnBorders className="tabel-lke">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('evaluasi.kolomKomponen')}</Table.Th>
                <Table.Th>{t('evaluasi.kolomBobot')}</Table.Th>
                {SUB.map((s) => (
                  <Table.Th key={s}>{t(`evaluasi.sub.${s}`)}</Table.Th>
                ))}
                <Table.Th>{t('evaluasi.kolomNilai')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {e.hasil.komponen.map((k) => (
                <Table.Tr key={k.kode}>
                  <Table.Td>{t(`evaluasi.komponen.${k.kode}`)}</Table.Td>
                  <Table.Td ta="right">{formatAngka(k.bobot)}</Table.Td>
                  {SUB.map((s) => (
                    <Table.Td key={s} miw={110}>
                      {e.boleh.isi ? (
                        <TextInput
                          size="xs"
                          inputMode="decimal"
                          aria-label={`${t(`evaluasi.komponen.${k.kode}`)} · ${t(`evaluasi.sub.${s}`)}`}
                          value={isian.skor[k.kode]?.[s] ?? ''}
                          error={salah(k.kode, s) ? t('evaluasi.persenSalah') : undefined}
                          onChange={(ev) => setSkor(k.kode, s, ev.currentTarget.value)}
                          onKeyDown={(ev) => {
                            if (ev.key === 'Enter') void kirim();
                          }}
                        />
                      ) : (
                        <Text size="sm" ta="right">
                          {persenUntukInput(e.skor[k.kode][s])}
                        </Text>
                      )}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right">{formatAngka(k.nilai)}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <strong>{t('evaluasi.total')}</strong>
                </Table.Td>
                <Table.Td ta="right" data-testid="total-lke">
                  <strong>{formatAngka(e.hasil.total)}</strong>
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Gulir>
      )}
      {/* Readers find the recommendations with their follow-ups in the next card; here only who writes them, or their absence. */}
      {ringkas && (e.boleh.isi || isian.rekomendasi.length === 0) && (
        <Title order={3} size="h5" mt="md" mb="xs">
          {t('evaluasi.rekomendasiJudul')}
        </Title>
      )}
      {isian.rekomendasi.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('evaluasi.tanpaRekomendasi')}
        </Text>
      )}
      {e.boleh.isi &&
        isian.rekomendasi.map((r, i) => (
          <div key={r.id ?? `baru-${i}`} className="narasi-paragraf">
            <Textarea
              label={t('evaluasi.rekomendasi', { n: i + 1 })}
              value={r.teks}
              autosize
              minRows={2}
              maxLength={2000}
              onChange={(ev) => {
                const v = ev.currentTarget.value;
                setRek((xs) => xs.map((x, j) => (j === i ? { ...x, teks: v } : x)));
              }}
            />
            <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRek((xs) => xs.filter((_, j) => j !== i))}>
              {t('evaluasi.hapusRekomendasi', { n: i + 1 })}
            </Button>
          </div>
        ))}
      {e.boleh.isi && (
        <>
          <Button size="xs" variant="light" onClick={() => setRek((xs) => [...xs, { teks: '' }])}>
            {t('evaluasi.tambahRekomendasi')}
          </Button>
          {galat !== undefined && (
            <Alert color="red" role="alert" mt="xs">
              {pesanGalat(t, galat)}
              {galat instanceof ApiError && typeof galat.body.message === 'string' ? ` ${galat.body.message}` : ''}
            </Alert>
          )}
          {status === 'bentrok' && (
            <Alert color="yellow" role="alert" mt="xs">
              {t('evaluasi.bentrok')}
            </Alert>
          )}
          <Group mt="sm" gap="xs">
            <Button onClick={() => void kirim()} loading={status === 'menyimpan'} disabled={adaSalah || (!berubah && e.ada && status !== 'bentrok')}>
              {ringkas ? t('evaluasi.simpan') : t('evaluasi.simpanRekomendasi')}
            </Button>
            <Text size="xs" c="dimmed" aria-live="polite">
              {status === 'tersimpan' && !berubah ? t('evaluasi.tersimpan') : berubah ? t('evaluasi.drafLokal') : ''}
            </Text>
          </Group>
        </>
      )}
    </Bagian>
  );
}

function TindakLanjut({ l, e, ganti }: { l: LingkupTahun; e: DataEvaluasi; ganti: (e: DataEvaluasi) => void }) {
  const { t } = useTranslation();
  if (e.rekomendasi.length === 0) return null;
  return (
    <Bagian id="tindak-lanjut" judul={t('evaluasi.rekomendasiJudul')}>
      {e.rekomendasi.map((r, i) => (
        <BarisTindakLanjut key={r.id} l={l} e={e} n={i + 1} r={r} ganti={ganti} />
      ))}
    </Bagian>
  );
}

/** A follow-up as it is typed: the text, its status and the links to its evidence. */
interface IsianTindakLanjut {
  teks: string;
  status: StatusTindakLanjut;
  tautan: string[];
}

const isIsianTindakLanjut = (v: unknown): v is IsianTindakLanjut => {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return typeof o.teks === 'string' && typeof o.status === 'string' && (STATUS_TINDAK_LANJUT as readonly string[]).includes(o.status) && Array.isArray(o.tautan) && o.tautan.every((x) => typeof x === 'string');
};

const samaTindakLanjut = (a: IsianTindakLanjut, b: IsianTindakLanjut) => a.teks === b.teks && a.status === b.status && a.tautan.length === b.tautan.length && a.tautan.every((x, i) => x === b.tautan[i]);

function BarisTindakLanjut(props: { l: LingkupTahun; e: DataEvaluasi; n: number; r: Rekomendasi; ganti: (e: DataEvaluasi) => void }) {
  const { t } = useTranslation();
  const { me } = useSesi();
  const { r, n } = props;
  const boleh = props.e.boleh.tindakLanjut;
  const kunci = kunciRencana([me.username, me.pemda.slug, props.l.opd, props.l.tahun, 'tindak-lanjut', r.id]);
  const tersimpan: IsianTindakLanjut = { teks: r.tindakLanjut ?? '', status: r.status, tautan: r.tautan };
  const [isian, setIsian] = useState<IsianTindakLanjut>(() => (boleh ? bacaDrafRencana(kunci, isIsianTindakLanjut)?.isi : undefined) ?? tersimpan);
  const [galat, setGalat] = useState<unknown>(undefined);
  const [simpan, setSimpan] = useState(false);
  const berubah = !samaTindakLanjut(isian, tersimpan);
  const kurangBukti = isian.status === 'selesai' && (isian.teks.trim() === '' || isian.tautan.length === 0);
  useEffect(() => {
    if (!boleh) return;
    if (berubah) simpanDrafRencana(kunci, { isi: isian, version: props.e.version });
    else hapusDrafRencana(kunci);
  }, [isian, berubah, kunci, props.e.version, boleh]);

  const status = (
    <Text size="sm" data-status-tindak-lanjut={r.status}>
      {t('evaluasi.tl.status')}: <strong>{t(`evaluasi.tl.statusNama.${r.status}`)}</strong>
      {r.status === 'selesai' && r.selesaiPada ? ` (${t('evaluasi.tl.selesaiPada', { pada: formatTanggalJam(r.selesaiPada) })})` : ''}
    </Text>
  );

  return (
    <div className="narasi-paragraf" data-rekomendasi={r.id}>
      <Text size="sm" fw={600}>
        {n}. {r.teks}
      </Text>
      {status}
      {boleh ? (
        <>
          <Textarea
            label={t('evaluasi.tindakLanjut', { n })}
            value={isian.teks}
            autosize
            minRows={2}
            maxLength={2000}
            onChange={(ev) => {
              const teks = ev.currentTarget.value;
              setIsian((x) => ({ ...x, teks }));
            }}
          />
          <NativeSelect
            mt={4}
            size="sm"
            label={t('evaluasi.tl.statusLabel', { n })}
            value={isian.status}
            onChange={(ev) => {
              const v = ev.currentTarget.value as StatusTindakLanjut;
              setIsian((x) => ({ ...x, status: v }));
            }}
            data={STATUS_TINDAK_LANJUT.map((x) => ({ value: x, label: t(`evaluasi.tl.statusNama.${x}`) }))}
            error={kurangBukti ? t('evaluasi.tl.selesaiSyarat') : undefined}
            styles={GAYA_GALAT}
          />
          <DaftarTautan tautan={isian.tautan} labelDaftar={t('evaluasi.tl.tautan', { n })} ubah={{ labelBaru: t('evaluasi.tl.tautanBaru', { n }), ubah: (tautan) => setIsian((x) => ({ ...x, tautan })) }} />
          {galat !== undefined && (
            <Alert color={galat instanceof ApiError && galat.status === 409 ? 'yellow' : 'red'} role="alert" mt="xs">
              {galat instanceof ApiError && galat.status === 409 ? t('evaluasi.bentrok') : pesanGalat(t, galat)}
              {galat instanceof ApiError && galat.status === 400 && typeof galat.body.message === 'string' ? ` ${galat.body.message}` : ''}
            </Alert>
          )}
          <Group gap="xs" mt={4}>
            <Button
              size="xs"
              disabled={!berubah || kurangBukti}
              loading={simpan}
              onClick={() => {
                setSimpan(true);
                setGalat(undefined);
                apiEvaluasi
                  .tindakLanjut(props.l, r.id, props.e.version, { tindakLanjut: isian.teks, status: isian.status, tautan: isian.tautan })
                  .then((baru) => {
                    hapusDrafRencana(kunci);
                    props.ganti(baru);
                    const b = baru.rekomendasi.find((x) => x.id === r.id);
                    if (b) setIsian({ teks: b.tindakLanjut ?? '', status: b.status, tautan: b.tautan });
                  })
                  .catch((x: unknown) => {
                    setGalat(x);
                    if (x instanceof ApiError && x.status === 409) {
                      const cur = x.body.current as DataEvaluasi | undefined;
                      if (cur && typeof cur.version === 'number') props.ganti({ ...props.e, version: cur.version });
                    }
                  })
                  .finally(() => setSimpan(false));
              }}
            >
              {t('evaluasi.simpanTindakLanjut')}
            </Button>
            <Text size="xs" c="dimmed" aria-live="polite">
              {berubah ? t('evaluasi.drafLokal') : ''}
            </Text>
          </Group>
        </>
      ) : (
        <>
          <Text size="sm" c={r.tindakLanjut ? undefined : 'dimmed'} ml="md">
            {r.tindakLanjut ?? t('evaluasi.belumDitindaklanjuti')}
          </Text>
          {r.tautan.length > 0 && (
            <ul className="daftar-bukti" aria-label={t('evaluasi.tl.tautan', { n })}>
              {r.tautan.map((u) => (
                <li key={u}>
                  <Anchor href={u} target="_blank" rel="noopener noreferrer" size="sm">
                    {u}
                  </Anchor>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

function Pengesahan({ l, e, ganti }: { l: LingkupTahun; e: DataEvaluasi; ganti: (e: DataEvaluasi) => void }) {
  const { t } = useTranslation();
  const [kurang, setKurang] = useState<Kekurangan[] | undefined>(undefined);
  const [galat, setGalat] = useState<unknown>(undefined);
  const [alasan, setAlasan] = useState('');
  const [alasanSalah, setAlasanSalah] = useState(false);
  const [sibuk, setSibuk] = useState(false);

  const jalankan = (f: () => Promise<DataEvaluasi>) => {
    setSibuk(true);
    setGalat(undefined);
    setKurang(undefined);
    f()
      .then((baru) => {
        ganti(baru);
        setAlasan('');
      })
      .catch((x: unknown) => {
        if (x instanceof ApiError && x.status === 409 && Array.isArray(x.body.kurang)) setKurang(x.body.kurang as Kekurangan[]);
        else setGalat(x);
      })
      .finally(() => setSibuk(false));
  };

  return (
    <Bagian id="pengesahan" judul={t('evaluasi.pengesahanJudul')}>
      <Text size="sm" mb="xs" data-testid="status-pengesahan">
        {e.pengesahan ? t('evaluasi.disahkan', { nama: e.pengesahan.nama, pada: formatTanggalJam(e.pengesahan.pada) }) : t('evaluasi.belumDisahkan')}
      </Text>
      {e.boleh.sahkan && (
        <Button
          color="green"
          loading={sibuk}
          onClick={() => {
            if (window.confirm(t('evaluasi.konfirmasiSahkan'))) jalankan(() => apiEvaluasi.sahkan(l));
          }}
        >
          {t('evaluasi.sahkan', { tahun: l.tahun })}
        </Button>
      )}
      {kurang && (
        <Alert color="orange" role="alert" mt="sm" title={t('evaluasi.kurangJudul', { n: kurang.length })}>
          <DaftarKurang l={l} kurang={kurang} />
        </Alert>
      )}
      {e.boleh.buka && (
        <Group align="flex-end" gap="xs" mt="sm">
          <Textarea
            label={t('evaluasi.alasanBuka')}
            value={alasan}
            onChange={(ev) => {
              setAlasan(ev.currentTarget.value);
              setAlasanSalah(false);
            }}
            error={alasanSalah ? t('evaluasi.alasanWajib') : undefined}
            maxLength={1000}
            style={{ flex: 1, minWidth: 220 }}
          />
          <Button
            color="red"
            variant="light"
            loading={sibuk}
            onClick={() => {
              if (alasan.trim() === '') setAlasanSalah(true);
              else jalankan(() => apiEvaluasi.buka(l, alasan));
            }}
          >
            {t('evaluasi.buka')}
          </Button>
        </Group>
      )}
      {galat !== undefined && (
        <Alert color="red" role="alert" mt="xs">
          {pesanGalat(t, galat)}
          {galat instanceof ApiError && typeof galat.body.message === 'string' ? ` ${galat.body.message}` : ''}
        </Alert>
      )}
    </Bagian>
  );
}

/**
 * What stands between the year and its sign-off, per unit that owes it: each indicator once, with
 * the quarters not yet approved and their status in words, linked to the entry screen of the first
 * of those quarters.
 */
function DaftarKurang({ l, kurang }: { l: LingkupTahun; kurang: Kekurangan[] }) {
  const { t } = useTranslation();
  type Indikator = { nama: string; tw: Array<{ tw: number; status: Kekurangan['status'] }> };
  const grup = new Map<string, { nama: string; indikator: Map<string, Indikator> }>();
  for (const k of kurang) {
    const units = k.unit.length > 0 ? k.unit : [{ kode: '', nama: t('evaluasi.kurangTanpaUnit') }];
    for (const u of units) {
      const g = grup.get(u.kode) ?? { nama: u.nama, indikator: new Map<string, Indikator>() };
      const i: Indikator = g.indikator.get(k.indikator) ?? { nama: k.nama, tw: [] };
      i.tw.push({ tw: k.triwulan, status: k.status });
      g.indikator.set(k.indikator, i);
      grup.set(u.kode, g);
    }
  }
  return (
    <div className="daftar-kurang">
      {[...grup.entries()].map(([kode, g]) => (
        <section key={kode} aria-label={g.nama}>
          <Text size="sm" fw={600} mt={6}>
            {t('evaluasi.kurangUnit', { unit: g.nama, n: [...g.indikator.values()].reduce((a, i) => a + i.tw.length, 0) })}
          </Text>
          <List size="sm">
            {[...g.indikator.entries()].map(([indikator, i]) => (
              <List.Item key={indikator}>
                <Tautan href={`/entri?opd=${encodeURIComponent(l.opd)}&tahun=${l.tahun}&tw=${Math.min(...i.tw.map((x) => x.tw))}`}>
                  {indikator} {i.nama}
                </Tautan>
                {' · '}
                {[...new Set(i.tw.map((x) => x.status))].map((st) => `${t(`status.${st}`)}: ${i.tw.filter((x) => x.status === st).map((x) => t('evaluasi.kurangTw', { n: x.tw })).join(', ')}`).join('; ')}
              </List.Item>
            ))}
          </List>
        </section>
      ))}
    </div>
  );
}
