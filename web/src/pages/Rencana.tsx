import '@mantine/core/styles/Tabs.css';
import './rencana.css';
import { Alert, Badge, Button, Modal, NativeSelect, Table, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import type {
  Agregasi,
  BandingPk,
  DetailPk,
  IndikatorRenstra,
  LingkupTahun,
  NodeRenja,
  PohonRenja,
  PohonRenstra,
  Polaritas,
  RingkasPk,
  TargetTriwulan,
  UbahIndikatorBody,
} from '@kontrak/rencana.ts';
import { apiRencana } from '../api-rencana.ts';
import { Bagian, Galat, Memuat, pesanGalat } from '../components/Bagian.tsx';
import { Gulir } from '../components/Gulir.tsx';
import { BarisPilihan, usePilihan } from '../components/Pilihan.tsx';
import { angkaUntukInput, denganSatuan, formatAngka, formatTanggal } from '../format.ts';
import { useMuat } from '../muat.ts';
import { bacaDrafRencana, bacaTarget, formatRupiahTeks, hapusDrafRencana, kunciRencana, parseRupiah, simpanDrafRencana } from '../rencana-draf.ts';
import { setQuery, useLokasi } from '../router.ts';
import { useSesi } from '../session.tsx';
import { SelIsian } from './SelIsian.tsx';
import { KepalaHalaman } from '../components/KepalaHalaman.tsx';

type Tab = 'renstra' | 'renja' | 'pk' | 'triwulan';
const TABS: readonly Tab[] = ['renstra', 'renja', 'pk', 'triwulan'];

/** The plan editor: Renstra & IKU, Renja & pagu, PK versions, quarterly targets. */
export function Rencana() {
  const { t } = useTranslation();
  const { me } = useSesi();
  const p = usePilihan();
  const { query } = useLokasi();
  const q = query.get('tab');
  const tab: Tab = TABS.includes(q as Tab) ? (q as Tab) : 'renstra';

  useEffect(() => {
    document.title = `${t('rencana.judul')} · SIKIPER`;
  }, [t]);

  const l: LingkupTahun | undefined = p.opd ? { pemda: me.pemda.slug, opd: p.opd, tahun: p.tahun } : undefined;
  const kunci = (...parts: Array<string | number>) => kunciRencana([me.username, me.pemda.slug, p.opd ?? '', p.tahun, ...parts]);

  return (
    <div className="halaman rencana">
      <KepalaHalaman judul={t('rencana.judul')} keterangan={<>{p.opdNama ?? p.opd} · {p.tahun}</>}>
        <BarisPilihan p={p} />
      </KepalaHalaman>
      {!p.opd && !p.memuatOpd ? (
        <Alert color="gray">{t('pilihan.tanpaOpd')}</Alert>
      ) : !l ? (
        <Memuat />
      ) : (
        <Tabs value={tab} onChange={(v) => setQuery({ tab: v ?? undefined })} keepMounted={false} variant="outline">
          <Tabs.List className="rencana-tab">
            {TABS.map((x) => (
              <Tabs.Tab key={x} value={x}>
                {t(`rencana.tab.${x}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="renstra" pt="md">
            <TabRenstra l={l} kunci={kunci} />
          </Tabs.Panel>
          <Tabs.Panel value="renja" pt="md">
            <TabRenja l={l} kunci={kunci} />
          </Tabs.Panel>
          <Tabs.Panel value="pk" pt="md">
            <TabPk l={l} kunci={kunci} />
          </Tabs.Panel>
          <Tabs.Panel value="triwulan" pt="md">
            <TabTriwulan l={l} kunci={kunci} />
          </Tabs.Panel>
        </Tabs>
      )}
    </div>
  );
}

type Kunci = (...parts: Array<string | number>) => string;

function useCekAngka() {
  const { t } = useTranslation();
  return (teks: string): string | undefined => {
    const r = bacaTarget(teks);
    return r.ok ? undefined : t(`rencana.${r.kode}`);
  };
}

/** The stored value and version inside a 409 answer's `current`, for a record with a numeric field. */
function dariCurrent<F extends string>(field: F) {
  return (c: unknown) => {
    if (!c || typeof c !== 'object') return undefined;
    const o = c as Record<string, unknown>;
    if (typeof o.version !== 'number') return undefined;
    const v = o[field];
    return { teks: typeof v === 'number' ? angkaUntukInput(v) : '', version: o.version };
  };
}

function HanyaBaca({ boleh }: { boleh: boolean }) {
  const { t } = useTranslation();
  if (boleh) return null;
  return (
    <Alert color="gray" role="note" mb="sm">
      {t('rencana.hanyaBaca')}
    </Alert>
  );
}

// ---------------------------------------------------------------- Renstra & IKU

function TabRenstra({ l, kunci }: { l: LingkupTahun; kunci: Kunci }) {
  const { t } = useTranslation();
  const [muatan, ulang, ubah] = useMuat<PohonRenstra>(() => apiRencana.renstra(l), [l.pemda, l.opd, l.tahun]);
  const [edit, setEdit] = useState<IndikatorRenstra | undefined>();
  if (muatan.keadaan === 'memuat') return <Memuat />;
  if (muatan.keadaan === 'galat') return <Galat galat={muatan.galat} ulang={ulang} />;
  const d = muatan.data;
  const tahun: number[] = [];
  for (let y = d.renstra.periodeAwal; y <= d.renstra.periodeAkhir; y++) tahun.push(y);

  const ganti = (baru: IndikatorRenstra) =>
    ubah((x) => {
      const map = (list: IndikatorRenstra[]) => list.map((i) => (i.kode === baru.kode ? baru : i));
      return { ...x, tujuan: x.tujuan.map((tj) => ({ ...tj, indikator: map(tj.indikator), sasaran: tj.sasaran.map((s) => ({ ...s, indikator: map(s.indikator) })) })) };
    });

  const tabel = (list: IndikatorRenstra[], judul: string) => (
    <Gulir minWidth={760 + tahun.length * 70} label={judul} responsif>
      <Table className="tabel-rencana">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('rencana.kolom.kode')}</Table.Th>
            <Table.Th scope="col">{t('rencana.kolom.indikator')}</Table.Th>
            <Table.Th scope="col">{t('rencana.kolom.satuan')}</Table.Th>
            <Table.Th scope="col" className="angka">
              {t('rencana.kolom.baseline')}
            </Table.Th>
            {tahun.map((y) => (
              <Table.Th scope="col" className="angka" key={y}>
                {y}
              </Table.Th>
            ))}
            <Table.Th scope="col" className="angka">
              {t('rencana.kolom.akhir')}
            </Table.Th>
            {d.bolehUbah && (
              <Table.Th scope="col">
                <span className="sr-only">{t('rencana.ubah')}</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.map((i) => (
            <Table.Tr key={i.kode} data-kode={i.kode}>
              <Table.Th scope="row">{i.kode}</Table.Th>
              <Table.Td data-label={t('rencana.kolom.indikator')}>
                <div>
                  {i.nama} {i.iku && <Badge size="xs">{t('rencana.iku')}</Badge>}
                </div>
                <Text size="xs" c="dimmed">
                  {i.formula ? `${t('rencana.formula')}: ${i.formula.teks}` : t('rencana.tanpaFormula')}
                </Text>
              </Table.Td>
              <Table.Td data-label={t('rencana.kolom.satuan')}>{i.satuan}</Table.Td>
              <Table.Td className="angka" data-label={t('rencana.kolom.baseline')}>
                {i.baseline ? `${formatAngka(i.baseline.nilai, i.desimal)} (${i.baseline.tahun})` : '–'}
              </Table.Td>
              {tahun.map((y) => (
                <Table.Td className="angka" key={y} data-label={String(y)}>
                  {formatAngka(i.target.find((x) => x.tahun === y)?.nilai, i.desimal)}
                </Table.Td>
              ))}
              <Table.Td className="angka" data-label={t('rencana.kolom.akhir')}>
                {formatAngka(i.targetAkhir?.nilai, i.desimal)}
              </Table.Td>
              {d.bolehUbah && (
                <Table.Td>
                  <Button size="compact-xs" variant="light" onClick={() => setEdit(i)} aria-label={`${t('rencana.ubah')} ${i.kode}`}>
                    {t('rencana.ubah')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Gulir>
  );

  return (
    <>
      <HanyaBaca boleh={d.bolehUbah} />
      <Text size="sm" mb="sm">
        {t('rencana.periode', { awal: d.renstra.periodeAwal, akhir: d.renstra.periodeAkhir })}
        {d.renstra.nomorDokumen ? ` · ${d.renstra.nomorDokumen}` : ''}
      </Text>
      {d.tujuan.map((tj) => (
        <Bagian key={tj.kode} judul={`${t('rencana.tujuan', { kode: tj.kode })}: ${tj.uraian}`} id={`tujuan-${tj.kode}`}>
          {tj.indikator.length > 0 && tabel(tj.indikator, t('rencana.tujuan', { kode: tj.kode }))}
          {tj.sasaran.map((s) => (
            <div key={s.kode} className="rencana-sasaran">
              <Title order={3} size="h5" mt="sm" mb="xs">
                {t('rencana.sasaran', { kode: s.kode })}: {s.uraian}
              </Title>
              {tabel(s.indikator, t('rencana.sasaran', { kode: s.kode }))}
            </div>
          ))}
        </Bagian>
      ))}
      {edit && (
        <FormIndikator
          ind={edit}
          l={l}
          tahun={tahun}
          kunci={kunci('indikator', edit.kode)}
          tutup={() => setEdit(undefined)}
          tersimpan={(baru) => {
            ganti(baru);
            setEdit(undefined);
          }}
        />
      )}
    </>
  );
}

interface IsianIndikator {
  satuan: string;
  polaritas: Polaritas;
  agregasi: Agregasi;
  adaFormula: boolean;
  teks: string;
  pembilang: string;
  penyebut: string;
  pengali: string;
  baselineTahun: string;
  baselineNilai: string;
  target: Record<string, string>;
  akhir: string;
}

function isianDari(i: IndikatorRenstra): IsianIndikator {
  return {
    satuan: i.satuan,
    polaritas: i.polaritas,
    agregasi: i.agregasi,
    adaFormula: i.formula !== null,
    teks: i.formula?.teks ?? '',
    pembilang: i.formula?.pembilang ?? '',
    penyebut: i.formula?.penyebut ?? '',
    pengali: angkaUntukInput(i.formula?.pengali ?? 100),
    baselineTahun: i.baseline ? String(i.baseline.tahun) : '',
    baselineNilai: angkaUntukInput(i.baseline?.nilai),
    target: Object.fromEntries(i.target.map((x) => [String(x.tahun), angkaUntukInput(x.nilai)])),
    akhir: angkaUntukInput(i.targetAkhir?.nilai),
  };
}

const isIsianIndikator = (v: unknown): v is IsianIndikator => !!v && typeof v === 'object' && typeof (v as IsianIndikator).satuan === 'string' && typeof (v as IsianIndikator).target === 'object';

function FormIndikator({
  ind,
  l,
  tahun,
  kunci,
  tutup,
  tersimpan,
}: {
  ind: IndikatorRenstra;
  l: LingkupTahun;
  tahun: number[];
  kunci: string;
  tutup: () => void;
  tersimpan: (i: IndikatorRenstra) => void;
}) {
  const { t } = useTranslation();
  const [awal] = useState(() => bacaDrafRencana(kunci, isIsianIndikator));
  const [isi, setIsi] = useState<IsianIndikator>(awal?.isi ?? isianDari(ind));
  const [version, setVersion] = useState(awal?.version ?? ind.version);
  const [pesan, setPesan] = useState<string | undefined>();
  const [sibuk, setSibuk] = useState(false);
  const cek = useCekAngka();
  const akhirTahun = tahun.at(-1) ?? l.tahun;

  const set = (patch: Partial<IsianIndikator>) =>
    setIsi((x) => {
      const baru = { ...x, ...patch };
      simpanDrafRencana(kunci, { isi: baru, version });
      return baru;
    });

  const masalah: Record<string, string | undefined> = {
    pengali: isi.adaFormula ? cek(isi.pengali) : undefined,
    baselineNilai: cek(isi.baselineNilai),
    akhir: cek(isi.akhir),
    ...Object.fromEntries(tahun.map((y) => [`t${y}`, cek(isi.target[String(y)] ?? '')])),
  };
  const adaMasalah = Object.values(masalah).some((m) => m !== undefined);
  const angka = (s: string) => {
    const r = bacaTarget(s);
    return r.ok ? r.nilai : null;
  };

  async function simpan() {
    if (adaMasalah) return;
    const bt = Number(isi.baselineTahun);
    const bn = angka(isi.baselineNilai);
    const ak = angka(isi.akhir);
    const body: UbahIndikatorBody = {
      version,
      satuan: isi.satuan,
      polaritas: isi.polaritas,
      agregasi: isi.agregasi,
      formula: isi.adaFormula ? { teks: isi.teks, pembilang: isi.pembilang || null, penyebut: isi.penyebut || null, pengali: angka(isi.pengali) ?? 1 } : null,
      baseline: bn !== null && Number.isInteger(bt) && bt > 1990 ? { tahun: bt, nilai: bn } : null,
      target: tahun.flatMap((y) => {
        const n = angka(isi.target[String(y)] ?? '');
        return n === null ? [] : [{ tahun: y, nilai: n }];
      }),
      targetAkhir: ak === null ? null : { tahun: akhirTahun, nilai: ak },
    };
    setSibuk(true);
    setPesan(undefined);
    try {
      const baru = await apiRencana.ubahIndikator(l, ind.kode, body);
      hapusDrafRencana(kunci);
      tersimpan(baru);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.body.current && typeof e.body.current === 'object') {
        const c = e.body.current as IndikatorRenstra;
        setVersion(c.version);
        simpanDrafRencana(kunci, { isi, version: c.version });
        setPesan(t('rencana.bentrok', { nilai: c.target.map((x) => `${x.tahun}: ${formatAngka(x.nilai)}`).join(', ') }));
      } else if (e instanceof ApiError && Array.isArray(e.body.issues)) {
        setPesan((e.body.issues as Array<{ path: string; message: string }>).map((x) => `${x.path}: ${x.message}`).join('; '));
      } else setPesan(t('rencana.gagalSimpan', { pesan: pesanGalat(t, e) }));
    } finally {
      setSibuk(false);
    }
  }

  return (
    <Modal opened onClose={tutup} title={t('rencana.formEdit.judul', { kode: ind.kode })} size="lg">
      <form
        className="form-indikator"
        onSubmit={(e) => {
          e.preventDefault();
          void simpan();
        }}
      >
        <Text size="sm" mb="xs">
          {ind.nama}
        </Text>
        {awal && (
          <Alert color="yellow" role="note" mb="xs">
            {t('rencana.formEdit.drafDipulihkan')}
          </Alert>
        )}
        <div className="form-grid">
          <TextInput label={t('rencana.formEdit.satuan')} value={isi.satuan} onChange={(e) => set({ satuan: e.currentTarget.value })} required />
          <NativeSelect
            label={t('rencana.formEdit.polaritas')}
            value={isi.polaritas}
            onChange={(e) => set({ polaritas: e.currentTarget.value as Polaritas })}
            data={[
              { value: 'positif', label: t('rencana.formEdit.positif') },
              { value: 'negatif', label: t('rencana.formEdit.negatif') },
            ]}
          />
          <NativeSelect
            label={t('rencana.formEdit.agregasi')}
            value={isi.agregasi}
            onChange={(e) => set({ agregasi: e.currentTarget.value as Agregasi })}
            data={(['jumlah', 'akhir', 'rata-rata', 'rasio'] as const).map((a) => ({ value: a, label: t(`rencana.formEdit.agregasiNilai.${a}`) }))}
          />
          <NativeSelect
            label={t('rencana.formula')}
            value={isi.adaFormula ? 'ya' : 'tidak'}
            onChange={(e) => set({ adaFormula: e.currentTarget.value === 'ya' })}
            data={[
              { value: 'ya', label: t('rencana.formEdit.adaFormula') },
              { value: 'tidak', label: t('rencana.tanpaFormula') },
            ]}
          />
        </div>
        {isi.adaFormula && (
          <div className="form-grid">
            <Textarea className="lebar-penuh" label={t('rencana.formEdit.teks')} value={isi.teks} onChange={(e) => set({ teks: e.currentTarget.value })} autosize minRows={2} required />
            <TextInput label={t('rencana.formEdit.pembilang')} value={isi.pembilang} onChange={(e) => set({ pembilang: e.currentTarget.value })} />
            <TextInput label={t('rencana.formEdit.penyebut')} value={isi.penyebut} onChange={(e) => set({ penyebut: e.currentTarget.value })} />
            <TextInput label={t('rencana.formEdit.pengali')} value={isi.pengali} inputMode="decimal" error={masalah.pengali} onChange={(e) => set({ pengali: e.currentTarget.value })} />
          </div>
        )}
        <div className="form-grid">
          <TextInput label={t('rencana.formEdit.baselineTahun')} value={isi.baselineTahun} inputMode="numeric" onChange={(e) => set({ baselineTahun: e.currentTarget.value })} />
          <TextInput label={t('rencana.formEdit.baselineNilai')} value={isi.baselineNilai} inputMode="decimal" error={masalah.baselineNilai} onChange={(e) => set({ baselineNilai: e.currentTarget.value })} />
          {tahun.map((y) => (
            <TextInput
              key={y}
              label={t('rencana.formEdit.targetTahun', { tahun: y })}
              value={isi.target[String(y)] ?? ''}
              inputMode="decimal"
              error={masalah[`t${y}`]}
              onChange={(e) => set({ target: { ...isi.target, [String(y)]: e.currentTarget.value } })}
            />
          ))}
          <TextInput
            label={t('rencana.formEdit.akhirNilai', { tahun: akhirTahun })}
            value={isi.akhir}
            inputMode="decimal"
            error={masalah.akhir}
            onChange={(e) => set({ akhir: e.currentTarget.value })}
          />
        </div>
        {pesan && (
          <Alert color="red" role="alert" mt="sm">
            {pesan}
          </Alert>
        )}
        <div className="form-aksi">
          <Button variant="default" onClick={tutup}>
            {t('rencana.tutup')}
          </Button>
          <Button type="submit" loading={sibuk} disabled={adaMasalah}>
            {t('rencana.simpan')}
          </Button>
        </div>
      </form>
    </Modal>
  );
}

// ---------------------------------------------------------------- Renja & pagu

function TabRenja({ l, kunci }: { l: LingkupTahun; kunci: Kunci }) {
  const { t } = useTranslation();
  const [muatan, ulang, ubah] = useMuat<PohonRenja>(() => apiRencana.renja(l), [l.pemda, l.opd, l.tahun]);
  const [saring, setSaring] = useState<'semua' | 'program'>('semua');
  const cek = useCekAngka();
  if (muatan.keadaan === 'memuat') return <Memuat />;
  if (muatan.keadaan === 'galat') return <Galat galat={muatan.galat} ulang={ulang} />;
  const d = muatan.data;
  const tidakSesuai = d.node.filter((n) => n.tidakSesuai).length;
  const tampil = d.node.filter((n) => saring === 'semua' || n.level !== 'sub-kegiatan');
  const indent: Record<NodeRenja['level'], number> = { urusan: 0, 'bidang-urusan': 0, program: 0, kegiatan: 1, 'sub-kegiatan': 2 };
  const gantiNode = (baru: NodeRenja) => {
    // The parent's sum changes with the child: reload the tree quietly after the answer.
    ubah((x) => ({ ...x, node: x.node.map((n) => (n.kode === baru.kode ? baru : n)) }));
    void apiRencana.renja(l).then((r) => ubah(() => r), () => undefined);
  };
  const cekRupiah = (s: string) => (parseRupiah(s) === undefined ? t('rencana.bukanRupiah') : undefined);

  return (
    <>
      <HanyaBaca boleh={d.bolehUbah} />
      <div className="ringkas-renja">
        <Text size="sm">
          {t('rencana.renja.versi', { versi: d.versi.nama ?? d.versi.versi })} · {t('rencana.renja.total', { rp: `Rp ${formatRupiahTeks(d.totalPagu)}` })}
        </Text>
        {tidakSesuai > 0 && (
          <Badge color="red" variant="light">
            {t('rencana.renja.jumlahTidakSesuai', { n: tidakSesuai })}
          </Badge>
        )}
        <NativeSelect
          size="xs"
          label={t('rencana.renja.saring')}
          value={saring}
          onChange={(e) => setSaring(e.currentTarget.value as 'semua' | 'program')}
          data={[
            { value: 'semua', label: t('rencana.renja.semua') },
            { value: 'program', label: t('rencana.renja.hanyaProgram') },
          ]}
        />
      </div>
      <Gulir minWidth={900} label={t('rencana.tab.renja')} responsif>
        <Table className="tabel-rencana tabel-renja">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('rencana.kolom.kode')}</Table.Th>
              <Table.Th scope="col">{t('rencana.kolom.uraian')}</Table.Th>
              <Table.Th scope="col" className="angka">
                {t('rencana.kolom.target')}
              </Table.Th>
              <Table.Th scope="col" className="angka">
                {t('rencana.kolom.pagu')}
              </Table.Th>
              <Table.Th scope="col" className="angka">
                {t('rencana.kolom.jumlahAnak')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tampil.map((n) => (
              <RenjaBaris key={n.kode} n={n} indent={indent[n.level]} d={d} l={l} kunci={kunci} cek={cek} cekRupiah={cekRupiah} gantiNode={gantiNode} ubah={ubah} />
            ))}
          </Table.Tbody>
        </Table>
      </Gulir>
    </>
  );
}

function RenjaBaris({
  n,
  indent,
  d,
  l,
  kunci,
  cek,
  cekRupiah,
  gantiNode,
  ubah,
}: {
  n: NodeRenja;
  indent: number;
  d: PohonRenja;
  l: LingkupTahun;
  kunci: Kunci;
  cek: (s: string) => string | undefined;
  cekRupiah: (s: string) => string | undefined;
  gantiNode: (n: NodeRenja) => void;
  ubah: (f: (d: PohonRenja) => PohonRenja) => void;
}) {
  const { t } = useTranslation();
  const punyaPagu = n.level === 'program' || n.level === 'kegiatan' || n.level === 'sub-kegiatan';
  return (
    <>
      <Table.Tr className={`baris-${n.level}${n.tidakSesuai ? ' tidak-sesuai' : ''}`} data-kode={n.kode}>
        <Table.Th scope="row">{n.kode}</Table.Th>
        <Table.Td data-label={t(`rencana.renja.level.${n.level}`)}>
          <span style={{ paddingLeft: indent * 16 }} className="uraian-renja">
            {n.nama}
          </span>
        </Table.Td>
        <Table.Td />
        <Table.Td className="angka" data-label={t('rencana.kolom.pagu')}>
          {punyaPagu && d.bolehUbah ? (
            <SelIsian
              label={`${t('rencana.kolom.pagu')} ${n.kode}`}
              teksServer={formatRupiahTeks(n.pagu)}
              version={n.version}
              kunci={kunci('pagu', n.kode)}
              periksa={cekRupiah}
              lebar={150}
              simpan={async (teks, version) => {
                const r = await apiRencana.ubahPagu(l, n.kode, version, parseRupiah(teks) ?? null);
                gantiNode(r);
                return { teks: formatRupiahTeks(r.pagu), version: r.version };
              }}
              dariCurrent={(c) => {
                const o = c as NodeRenja | undefined;
                return o && typeof o.version === 'number' ? { teks: formatRupiahTeks(o.pagu), version: o.version } : undefined;
              }}
            />
          ) : n.pagu === null ? (
            '–'
          ) : (
            formatRupiahTeks(n.pagu)
          )}
        </Table.Td>
        <Table.Td className="angka" data-label={t('rencana.kolom.jumlahAnak')}>
          {n.jumlahAnak === null ? '' : formatRupiahTeks(n.jumlahAnak)}
          {n.tidakSesuai && (
            <Badge color="red" variant="light" ml={4} title={t('rencana.renja.tidakSesuai')}>
              ≠ <span className="sr-only">{t('rencana.renja.tidakSesuai')}</span>
            </Badge>
          )}
        </Table.Td>
      </Table.Tr>
      {n.indikator.map((i) => (
        <Table.Tr key={i.kode} className="baris-indikator-renja" data-kode={i.kode}>
          <Table.Td className="kode-kecil">{i.kode}</Table.Td>
          <Table.Td data-label={t('rencana.kolom.indikator')}>
            <span style={{ paddingLeft: indent * 16 + 16 }} className="uraian-renja">
              {i.nama} {i.satuan ? `(${i.satuan})` : ''}
            </span>
          </Table.Td>
          <Table.Td className="angka" data-label={t('rencana.kolom.target')}>
            {d.bolehUbah ? (
              <SelIsian
                label={`${t('rencana.kolom.target')} ${i.kode}`}
                teksServer={angkaUntukInput(i.target)}
                version={i.version}
                kunci={kunci('renja-target', i.kode)}
                periksa={cek}
                simpan={async (teks, version) => {
                  const r = await apiRencana.ubahTargetRenja(l, i.kode, version, bacaTarget(teks).ok ? (bacaTarget(teks) as { nilai: number | null }).nilai : null);
                  ubah((x) => ({ ...x, node: x.node.map((m) => (m.kode === n.kode ? { ...m, indikator: m.indikator.map((j) => (j.kode === r.kode ? r : j)) } : m)) }));
                  return { teks: angkaUntukInput(r.target), version: r.version };
                }}
                dariCurrent={dariCurrent('target')}
              />
            ) : (
              (i.targetTeks ?? denganSatuan(i.target, i.satuan))
            )}
          </Table.Td>
          <Table.Td />
          <Table.Td />
        </Table.Tr>
      ))}
    </>
  );
}

// ---------------------------------------------------------------- PK versions

function TabPk({ l, kunci }: { l: LingkupTahun; kunci: Kunci }) {
  const { t } = useTranslation();
  const [muatan, ulang] = useMuat<{ versi: RingkasPk[]; bolehUbah: boolean }>(() => apiRencana.daftarPk(l), [l.pemda, l.opd, l.tahun]);
  const [pilih, setPilih] = useState<number | undefined>();
  const [info, setInfo] = useState<string | undefined>();
  if (muatan.keadaan === 'memuat') return <Memuat />;
  if (muatan.keadaan === 'galat') return <Galat galat={muatan.galat} ulang={ulang} />;
  const d = muatan.data;
  if (d.versi.length === 0) return <Alert color="gray">{t('rencana.pk.tidakAda')}</Alert>;
  const terkini = d.versi.find((v) => v.terkini) ?? d.versi[d.versi.length - 1];
  const dilihat = pilih ?? terkini?.versi;

  return (
    <>
      <HanyaBaca boleh={d.bolehUbah} />
      {info && (
        <Alert color="green" role="status" mb="sm" withCloseButton onClose={() => setInfo(undefined)}>
          {info}
        </Alert>
      )}
      <Bagian judul={t('rencana.pk.daftar')} id="pk-daftar">
        <Gulir minWidth={560} label={t('rencana.pk.daftar')} responsif>
          <Table className="tabel-rencana">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('rencana.kolom.versi')}</Table.Th>
                <Table.Th scope="col">{t('rencana.kolom.nama')}</Table.Th>
                <Table.Th scope="col">{t('rencana.kolom.tanggal')}</Table.Th>
                <Table.Th scope="col" className="angka">
                  {t('rencana.kolom.jumlahIndikator')}
                </Table.Th>
                <Table.Th scope="col">{t('rencana.kolom.status')}</Table.Th>
                <Table.Th scope="col">
                  <span className="sr-only">{t('rencana.pk.lihat')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.versi.map((v) => (
                <Table.Tr key={v.versi} aria-current={v.versi === dilihat ? 'true' : undefined} className={v.versi === dilihat ? 'terpilih' : undefined}>
                  <Table.Th scope="row">{v.versi}</Table.Th>
                  <Table.Td data-label={t('rencana.kolom.nama')}>{v.nama}</Table.Td>
                  <Table.Td data-label={t('rencana.kolom.tanggal')}>{formatTanggal(v.tanggal)}</Table.Td>
                  <Table.Td className="angka" data-label={t('rencana.kolom.jumlahIndikator')}>
                    {v.jumlahKinerja}
                  </Table.Td>
                  <Table.Td data-label={t('rencana.kolom.status')}>
                    <Badge color={v.terkini ? 'blue' : 'gray'} variant="light">
                      {v.terkini ? t('rencana.pk.terkini') : t('rencana.pk.hanyaBaca')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button size="compact-xs" variant="light" onClick={() => setPilih(v.versi)} aria-label={`${t('rencana.pk.lihat')} ${v.nama}`}>
                      {t('rencana.pk.lihat')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Gulir>
        {d.bolehUbah && terkini && (
          <FormRevisi
            l={l}
            terkini={terkini}
            kunci={kunci('revisi-pk')}
            dibuat={(pk) => {
              setInfo(t('rencana.pk.dibuat', { versi: pk.versi }));
              setPilih(pk.versi);
              ulang();
            }}
          />
        )}
      </Bagian>
      {dilihat !== undefined && <DetailVersi key={`${dilihat}`} l={l} versi={dilihat} kunci={kunci} />}
      {d.versi.length > 1 && <BandingVersi l={l} versi={d.versi} />}
    </>
  );
}

function FormRevisi({ l, terkini, kunci, dibuat }: { l: LingkupTahun; terkini: RingkasPk; kunci: string; dibuat: (pk: DetailPk) => void }) {
  const { t } = useTranslation();
  const bawaan = { nama: t('rencana.pk.namaBawaan', { n: terkini.versi + 1 }), tanggal: '' };
  const cekIsi = (v: unknown): v is { nama: string; tanggal: string } => !!v && typeof v === 'object' && typeof (v as { nama?: unknown }).nama === 'string';
  const [isi, setIsi] = useState(() => bacaDrafRencana(kunci, cekIsi)?.isi ?? bawaan);
  const [pesan, setPesan] = useState<string | undefined>();
  const [sibuk, setSibuk] = useState(false);
  const tanggalSah = isi.tanggal === '' || /^\d{4}-\d{2}-\d{2}$/.test(isi.tanggal);
  const set = (patch: Partial<typeof isi>) => {
    const baru = { ...isi, ...patch };
    setIsi(baru);
    simpanDrafRencana(kunci, { isi: baru, version: terkini.version });
  };
  return (
    <form
      className="form-revisi"
      aria-label={t('rencana.pk.buatRevisi')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!tanggalSah || isi.nama.trim() === '') return;
        setSibuk(true);
        setPesan(undefined);
        apiRencana
          .buatRevisiPk(l, { dari: terkini.versi, version: terkini.version, nama: isi.nama, tanggal: isi.tanggal || null })
          .then(
            (pk) => {
              hapusDrafRencana(kunci);
              dibuat(pk);
            },
            (e: unknown) => setPesan(e instanceof ApiError && typeof e.body.message === 'string' ? e.body.message : pesanGalat(t, e)),
          )
          .finally(() => setSibuk(false));
      }}
    >
      <Title order={3} size="h5" mt="md" mb="xs">
        {t('rencana.pk.buatRevisi')}
      </Title>
      <div className="form-baris">
        <TextInput label={t('rencana.pk.namaRevisi')} value={isi.nama} onChange={(e) => set({ nama: e.currentTarget.value })} required className="isi-nama" />
        <TextInput
          label={t('rencana.pk.tanggalRevisi')}
          value={isi.tanggal}
          placeholder="2024-06-30"
          onChange={(e) => set({ tanggal: e.currentTarget.value })}
          error={tanggalSah ? undefined : 'YYYY-MM-DD'}
        />
        <Button type="submit" loading={sibuk} disabled={!tanggalSah || isi.nama.trim() === ''}>
          {t('rencana.pk.buat')}
        </Button>
      </div>
      {pesan && (
        <Alert color="red" role="alert" mt="xs">
          {pesan}
        </Alert>
      )}
    </form>
  );
}

function DetailVersi({ l, versi, kunci }: { l: LingkupTahun; versi: number; kunci: Kunci }) {
  const { t } = useTranslation();
  const [muatan, ulang, ubah] = useMuat<DetailPk>(() => apiRencana.pk(l, versi), [l.pemda, l.opd, l.tahun, versi]);
  const cek = useCekAngka();
  const cekWajib = (s: string) => (s.trim() === '' ? t('rencana.bukanAngka') : cek(s));
  if (muatan.keadaan === 'memuat') return <Memuat />;
  if (muatan.keadaan === 'galat') return <Galat galat={muatan.galat} ulang={ulang} />;
  const pk = muatan.data;
  return (
    <Bagian judul={t('rencana.pk.kinerja', { nama: pk.nama })} id="pk-detail">
      <Gulir minWidth={640} label={t('rencana.pk.kinerja', { nama: pk.nama })} responsif>
        <Table className="tabel-rencana" data-versi={pk.versi}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('rencana.kolom.kode')}</Table.Th>
              <Table.Th scope="col">{t('rencana.kolom.indikator')}</Table.Th>
              <Table.Th scope="col">{t('rencana.kolom.satuan')}</Table.Th>
              <Table.Th scope="col" className="angka">
                {t('rencana.kolom.target')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pk.kinerja.map((k) => (
              <Table.Tr key={`${k.sasaran}/${k.indikator}`} data-kode={k.indikator}>
                <Table.Th scope="row">{k.indikator}</Table.Th>
                <Table.Td data-label={t('rencana.kolom.indikator')}>{k.nama ?? k.indikator}</Table.Td>
                <Table.Td data-label={t('rencana.kolom.satuan')}>{k.satuan ?? ''}</Table.Td>
                <Table.Td className="angka" data-label={t('rencana.kolom.target')}>
                  {pk.bolehUbah ? (
                    <SelIsian
                      label={`${t('rencana.kolom.target')} ${k.indikator}`}
                      teksServer={angkaUntukInput(k.target)}
                      version={k.version}
                      kunci={kunci('pk', pk.versi, k.indikator)}
                      periksa={cekWajib}
                      simpan={async (teks, version) => {
                        const r = await apiRencana.ubahTargetPk(l, pk.versi, k.indikator, version, bacaTarget(teks).ok ? ((bacaTarget(teks) as { nilai: number | null }).nilai ?? 0) : 0);
                        ubah((x) => ({ ...x, kinerja: x.kinerja.map((j) => (j.indikator === r.indikator && j.sasaran === r.sasaran ? r : j)) }));
                        return { teks: angkaUntukInput(r.target), version: r.version };
                      }}
                      dariCurrent={dariCurrent('target')}
                    />
                  ) : (
                    (k.targetTeks ?? denganSatuan(k.target, k.satuan))
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Gulir>
    </Bagian>
  );
}

function BandingVersi({ l, versi }: { l: LingkupTahun; versi: RingkasPk[] }) {
  const { t } = useTranslation();
  const urut = useMemo(() => [...versi].sort((a, b) => a.versi - b.versi), [versi]);
  const [a, setA] = useState(urut[urut.length - 2]?.versi ?? 0);
  const [b, setB] = useState(urut[urut.length - 1]?.versi ?? 0);
  const [hasil, setHasil] = useState<{ data?: BandingPk; galat?: unknown; memuat: boolean }>({ memuat: false });
  const opsi = urut.map((v) => ({ value: String(v.versi), label: `${v.versi} · ${v.nama}` }));

  function bandingkan() {
    setHasil({ memuat: true });
    apiRencana.bandingPk(l, a, b).then(
      (data) => setHasil({ data, memuat: false }),
      (galat: unknown) => setHasil({ galat, memuat: false }),
    );
  }

  const d = hasil.data;
  return (
    <Bagian judul={t('rencana.pk.banding')} id="pk-banding">
      <form
        className="form-baris"
        onSubmit={(e) => {
          e.preventDefault();
          bandingkan();
        }}
      >
        <NativeSelect label={t('rencana.pk.versiA')} value={String(a)} onChange={(e) => setA(Number(e.currentTarget.value))} data={opsi} />
        <NativeSelect label={t('rencana.pk.versiB')} value={String(b)} onChange={(e) => setB(Number(e.currentTarget.value))} data={opsi} />
        <Button type="submit" loading={hasil.memuat}>
          {t('rencana.pk.tampilBanding')}
        </Button>
      </form>
      {hasil.galat !== undefined && <Galat galat={hasil.galat} />}
      {d && (
        <>
          <Text size="sm" mt="sm" role="status">
            {d.jumlahBerubah > 0 ? t('rencana.pk.jumlahBerubah', { n: d.jumlahBerubah }) : t('rencana.pk.tidakAdaBerubah')}
          </Text>
          <Gulir minWidth={700} label={t('rencana.pk.banding')} responsif>
            <Table className="tabel-rencana tabel-banding">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('rencana.kolom.indikator')}</Table.Th>
                  <Table.Th scope="col" className="angka">
                    {t('rencana.pk.targetDi', { nama: d.a.nama })}
                  </Table.Th>
                  <Table.Th scope="col" className="angka">
                    {t('rencana.pk.targetDi', { nama: d.b.nama })}
                  </Table.Th>
                  <Table.Th scope="col">{t('rencana.kolom.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.baris.map((x) => (
                  <Table.Tr key={`${x.sasaran}/${x.indikator}`} className={x.berubah ? 'berubah' : undefined} data-kode={x.indikator} data-berubah={x.berubah ? '1' : '0'}>
                    <Table.Th scope="row">
                      {x.indikator}
                      {x.nama ? <Text size="xs" c="dimmed">{x.nama}</Text> : null}
                    </Table.Th>
                    <Table.Td className="angka sel-a" data-label={t('rencana.pk.targetDi', { nama: d.a.nama })}>
                      {x.targetTeksA ?? denganSatuan(x.targetA, x.satuan)}
                    </Table.Td>
                    <Table.Td className="angka sel-b" data-label={t('rencana.pk.targetDi', { nama: d.b.nama })}>
                      {x.targetTeksB ?? denganSatuan(x.targetB, x.satuan)}
                    </Table.Td>
                    <Table.Td data-label={t('rencana.kolom.status')}>
                      {x.berubah ? (
                        <Badge color="orange" variant="filled">
                          {t('rencana.pk.berubah')}
                        </Badge>
                      ) : (
                        <Text size="xs" c="dimmed">
                          {t('rencana.pk.sama')}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Gulir>
        </>
      )}
    </Bagian>
  );
}

// ---------------------------------------------------------------- quarterly targets

function TabTriwulan({ l, kunci }: { l: LingkupTahun; kunci: Kunci }) {
  const { t } = useTranslation();
  const [muatan, ulang, ubah] = useMuat<{ indikator: TargetTriwulan[]; bolehUbah: boolean }>(() => apiRencana.targetTriwulan(l), [l.pemda, l.opd, l.tahun]);
  const [cari, setCari] = useState('');
  const cek = useCekAngka();
  if (muatan.keadaan === 'memuat') return <Memuat />;
  if (muatan.keadaan === 'galat') return <Galat galat={muatan.galat} ulang={ulang} />;
  const d = muatan.data;
  const c = cari.trim().toLowerCase();
  const tampil = d.indikator.filter((i) => c === '' || i.kode.toLowerCase().includes(c) || i.nama.toLowerCase().includes(c));
  return (
    <>
      <HanyaBaca boleh={d.bolehUbah} />
      <Text size="sm" mb="xs">
        {t('rencana.triwulan.keterangan')}
      </Text>
      <TextInput label={t('rencana.triwulan.cari')} value={cari} onChange={(e) => setCari(e.currentTarget.value)} maw={320} mb="sm" type="search" />
      <Gulir minWidth={980} label={t('rencana.tab.triwulan')} responsif>
        <Table className="tabel-rencana tabel-triwulan">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('rencana.kolom.kode')}</Table.Th>
              <Table.Th scope="col">{t('rencana.kolom.indikator')}</Table.Th>
              <Table.Th scope="col" className="angka">
                {t('rencana.kolom.targetTahun')}
              </Table.Th>
              {[1, 2, 3, 4].map((n) => (
                <Table.Th scope="col" className="angka" key={n}>
                  {t('rencana.triwulan.tw', { n })}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tampil.map((i) => (
              <Table.Tr key={i.kode} data-kode={i.kode}>
                <Table.Th scope="row">{i.kode}</Table.Th>
                <Table.Td data-label={t('rencana.kolom.indikator')}>
                  {i.nama}{' '}
                  <Text span size="xs" c="dimmed">
                    ({i.satuan} · {t(`rencana.triwulan.jenis.${i.jenis}`)})
                  </Text>
                </Table.Td>
                <Table.Td className="angka" data-label={t('rencana.kolom.targetTahun')}>
                  {formatAngka(i.targetTahun)}
                </Table.Td>
                {i.triwulan.map((tw) => (
                  <Table.Td className="angka" key={tw.triwulan} data-label={t('rencana.triwulan.tw', { n: tw.triwulan })}>
                    {d.bolehUbah ? (
                      <SelIsian
                        label={`${t('rencana.triwulan.tw', { n: tw.triwulan })} ${i.kode}`}
                        teksServer={angkaUntukInput(tw.target)}
                        version={tw.version}
                        kunci={kunci('triwulan', tw.triwulan, i.kode)}
                        periksa={cek}
                        lebar={90}
                        simpan={async (teks, version) => {
                          const r = bacaTarget(teks);
                          const baru = await apiRencana.ubahTargetTriwulan(l, i.kode, tw.triwulan, version, r.ok ? r.nilai : null);
                          ubah((x) => ({ ...x, indikator: x.indikator.map((j) => (j.kode === baru.kode ? baru : j)) }));
                          const s = baru.triwulan.find((x) => x.triwulan === tw.triwulan);
                          return { teks: angkaUntukInput(s?.target), version: s?.version ?? 0 };
                        }}
                        dariCurrent={(cur) => {
                          const o = cur as TargetTriwulan | undefined;
                          const s = o?.triwulan?.find((x) => x.triwulan === tw.triwulan);
                          return s ? { teks: angkaUntukInput(s.target), version: s.version } : undefined;
                        }}
                      />
                    ) : (
                      formatAngka(tw.target)
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Gulir>
    </>
  );
}
