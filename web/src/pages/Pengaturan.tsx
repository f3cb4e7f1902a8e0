import { Alert, Button, Group, NativeSelect, Paper, Radio, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import type { Band, DaftarPengguna, PenggunaKelola, Pengaturan as DataPengaturan, PeranPengguna, RumusNegatif, Skala, TenggatTahun } from '@kontrak/pengaturan.ts';
import { apiPengaturan } from '../api-pengaturan.ts';
import { Galat, Memuat } from '../components/Bagian.tsx';
import { Gulir } from '../components/Gulir.tsx';
import { formatAngka, formatPersen, formatTanggalJam, parseAngka } from '../format.ts';
import { type BandIsian, capaianNegatif, periksaBands } from '../bantu-pengaturan.ts';
import { useMuat } from '../muat.ts';
// The frame loads only the Mantine styles every screen needs; these belong to this screen.
import '@mantine/core/styles/Tabs.css';
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Radio.css';
import '../pengaturan.css';
import { setQuery, useLokasi } from '../router.ts';
import { useSesi } from '../session.tsx';
import { PanelLisensi } from './PanelLisensi.tsx';
import { apiLke } from '../api-evaluasi.ts';
import type { DaftarKriteria } from '@kontrak/lke.ts';
import type { Peran } from '../types.ts';

type Tab = 'skala' | 'rumus' | 'tenggat' | 'pengguna' | 'kriteria' | 'lisensi';
const TABS: Tab[] = ['skala', 'rumus', 'tenggat', 'pengguna', 'kriteria', 'lisensi'];

/** A server refusal as one line: stale version, located issues, or the message. */
function usePesanGalat() {
  const { t } = useTranslation();
  return (e: unknown): string => {
    if (e instanceof ApiError && e.status === 409 && e.body.error === 'versi-usang') return t('pengaturan.versiUsang');
    if (e instanceof ApiError && Array.isArray(e.body.issues)) {
      return (e.body.issues as Array<{ path: string; message: string }>).map((i) => `${i.path}: ${i.message}`).join('; ');
    }
    if (e instanceof ApiError && typeof e.body.message === 'string') return e.body.message;
    return (e as Error).message;
  };
}

export function Pengaturan() {
  const { t } = useTranslation();
  const { query } = useLokasi();
  const q = query.get('tab');
  const tab: Tab = TABS.includes(q as Tab) ? (q as Tab) : 'skala';

  useEffect(() => {
    document.title = `${t('pengaturan.judul')} · SIKIPER`;
  }, [t]);

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('pengaturan.judul')}
      </Title>
      <Tabs value={tab} onChange={(v) => setQuery({ tab: v ?? undefined })} keepMounted={false}>
        <Tabs.List>
          {TABS.map((x) => (
            <Tabs.Tab key={x} value={x}>
              {t(`pengaturan.tab.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="skala" pt="md">
          <PanelSkalaRumus bagian="skala" />
        </Tabs.Panel>
        <Tabs.Panel value="rumus" pt="md">
          <PanelSkalaRumus bagian="rumus" />
        </Tabs.Panel>
        <Tabs.Panel value="tenggat" pt="md">
          <PanelTenggat />
        </Tabs.Panel>
        <Tabs.Panel value="pengguna" pt="md">
          <PanelPengguna />
        </Tabs.Panel>
        <Tabs.Panel value="kriteria" pt="md">
          <PanelKriteriaLke />
        </Tabs.Panel>
        <Tabs.Panel value="lisensi" pt="md">
          <PanelLisensi />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

// ---------------------------------------------------------------- scale and rule

const keIsian = (b: Band): BandIsian => ({ min: formatAngka(b.min, 2), label: b.label, warna: b.warna ?? '' });

function PanelSkalaRumus({ bagian }: { bagian: 'skala' | 'rumus' }) {
  const { t } = useTranslation();
  const { me } = useSesi();
  const pesan = usePesanGalat();
  const [muatan, ulang, ubah] = useMuat<DataPengaturan>(() => apiPengaturan.pengaturan(me.pemda.slug), [me.pemda.slug]);
  const [nama, setNama] = useState('');
  const [bands, setBands] = useState<BandIsian[]>([]);
  const [rumus, setRumus] = useState<RumusNegatif>('selisih');
  const [contoh, setContoh] = useState({ target: '5', realisasi: '6' });
  const [hasil, setHasil] = useState<{ ok: boolean; teks: string } | undefined>();
  const [kirim, setKirim] = useState(false);
  const [dicoba, setDicoba] = useState(false);

  const data = muatan.keadaan === 'ada' ? muatan.data : undefined;
  useEffect(() => {
    if (!data) return;
    setNama(data.skala.nama);
    setBands(data.skala.bands.map(keIsian));
    setRumus(data.rumusNegatif);
  }, [data]);

  const galat = useMemo(() => periksaBands(bands).map((g) => ({ min: g.min && t(`pengaturan.skala.${g.min}`), label: g.label && t(`pengaturan.skala.${g.label}`) })), [bands, t]);
  if (muatan.keadaan === 'memuat') return <Memuat />;
  if (muatan.keadaan === 'galat' || !data) return <Galat galat={muatan.keadaan === 'galat' ? muatan.galat : undefined} ulang={ulang} />;

  const ada = galat.some((g) => g.min ?? g.label);
  const simpan = async (e: FormEvent) => {
    e.preventDefault();
    setDicoba(true);
    setHasil(undefined);
    if (bagian === 'skala' && ada) {
      setHasil({ ok: false, teks: t('pengaturan.periksa') });
      return;
    }
    setKirim(true);
    try {
      const body =
        bagian === 'skala'
          ? { version: data.version, skala: { nama: nama.trim(), bands: bands.map((b) => ({ min: parseAngka(b.min) ?? 0, label: b.label.trim(), ...(b.warna ? { warna: b.warna } : {}) })) } }
          : { version: data.version, rumusNegatif: rumus };
      const baru = await apiPengaturan.ubahPengaturan(me.pemda.slug, body);
      ubah(() => baru);
      setHasil({ ok: true, teks: t('pengaturan.tersimpan') });
    } catch (x) {
      setHasil({ ok: false, teks: pesan(x) });
    } finally {
      setKirim(false);
    }
  };

  const umpan = hasil && (
    <Alert color={hasil.ok ? 'green' : 'red'} role={hasil.ok ? 'status' : 'alert'}>
      {hasil.teks}
      {!hasil.ok && (
        <Button size="xs" variant="light" ml="sm" onClick={ulang}>
          {t('umum.muatUlang')}
        </Button>
      )}
    </Alert>
  );

  if (bagian === 'rumus') {
    const tg = parseAngka(contoh.target);
    const rl = parseAngka(contoh.realisasi);
    return (
      <form onSubmit={(e) => void simpan(e)} className="form-pengaturan">
        <Stack gap="sm">
          <Text size="sm">{t('pengaturan.rumus.ket')}</Text>
          <Group>
            <TextInput label={t('pengaturan.rumus.target')} value={contoh.target} onChange={(e) => setContoh({ ...contoh, target: e.currentTarget.value })} inputMode="decimal" w={160} />
            <TextInput label={t('pengaturan.rumus.realisasi')} value={contoh.realisasi} onChange={(e) => setContoh({ ...contoh, realisasi: e.currentTarget.value })} inputMode="decimal" w={160} />
          </Group>
          <Radio.Group value={rumus} onChange={(v) => setRumus(v)} label={t('pengaturan.tab.rumus')}>
            <Stack gap="xs" mt="xs">
              {(['selisih', 'rasio-terbalik', 'selisih-min-nol'] as const).map((r) => {
                const c = tg !== null && rl !== null && !Number.isNaN(tg) && !Number.isNaN(rl) ? capaianNegatif(r, tg, rl) : null;
                return (
                  <Paper key={r} withBorder p="xs">
                    <Radio value={r} label={t(`pengaturan.rumus.${r}`)} />
                    <Text size="sm" c="dimmed" ml="xl" data-rumus={r}>
                      {t('pengaturan.rumus.contoh', { target: contoh.target, realisasi: contoh.realisasi })} → {t('pengaturan.rumus.hasil', { hasil: c === null ? t('pengaturan.rumus.tidakDapat') : formatPersen(c) })}
                    </Text>
                  </Paper>
                );
              })}
            </Stack>
          </Radio.Group>
          {umpan}
          <Group>
            <Button type="submit" loading={kirim}>
              {t('pengaturan.simpan')}
            </Button>
          </Group>
        </Stack>
      </form>
    );
  }

  const pilihPreset = (s: Skala) => {
    setNama(s.nama);
    setBands(s.bands.map(keIsian));
  };
  const ubahBand = (i: number, f: Partial<BandIsian>) => setBands((bs) => bs.map((b, j) => (j === i ? { ...b, ...f } : b)));
  const contohNilai = [95, 80, 60, 40];

  return (
    <form onSubmit={(e) => void simpan(e)} className="form-pengaturan" noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('pengaturan.skala.ket')}</Text>
        <Group>
          <Text size="sm" fw={600}>
            {t('pengaturan.skala.preset')}:
          </Text>
          <Button variant="light" size="xs" onClick={() => pilihPreset(data.preset.empat)}>
            {t('pengaturan.skala.empat')}
          </Button>
          <Button variant="light" size="xs" onClick={() => pilihPreset(data.preset.lima)}>
            {t('pengaturan.skala.lima')}
          </Button>
        </Group>
        <TextInput label={t('pengaturan.skala.nama')} value={nama} onChange={(e) => setNama(e.currentTarget.value)} maw={420} required />
        <Gulir minWidth={560} label={t('pengaturan.tab.skala')}>
          <Table striped withTableBorder className="tabel-skala">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pengaturan.skala.min')}</Table.Th>
                <Table.Th>{t('pengaturan.skala.rentang')}</Table.Th>
                <Table.Th>{t('pengaturan.skala.label')}</Table.Th>
                <Table.Th>{t('pengaturan.skala.warna')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {bands.map((b, i) => {
                const atas = i > 0 ? bands[i - 1]?.min : undefined;
                return (
                  <Table.Tr key={i}>
                    <Table.Td>
                      <TextInput
                        aria-label={`${t('pengaturan.skala.min')} ${i + 1}`}
                        value={b.min}
                        onChange={(e) => ubahBand(i, { min: e.currentTarget.value })}
                        error={dicoba || b.min !== '' ? galat[i]?.min : undefined}
                        inputMode="decimal"
                        w={120}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{atas === undefined ? `≥ ${b.min}%` : `${b.min}% – < ${atas}%`}</Text>
                    </Table.Td>
                    <Table.Td>
                      <TextInput aria-label={`${t('pengaturan.skala.label')} ${i + 1}`} value={b.label} onChange={(e) => ubahBand(i, { label: e.currentTarget.value })} error={dicoba ? galat[i]?.label : undefined} />
                    </Table.Td>
                    <Table.Td>
                      <input type="color" aria-label={`${t('pengaturan.skala.warna')} ${i + 1}`} value={b.warna || '#888888'} onChange={(e) => ubahBand(i, { warna: e.currentTarget.value })} />
                    </Table.Td>
                    <Table.Td>
                      <Button variant="subtle" color="red" size="xs" disabled={bands.length <= 2} onClick={() => setBands((bs) => bs.filter((_, j) => j !== i))} aria-label={t('pengaturan.skala.hapus', { n: i + 1 })}>
                        ✕
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Gulir>
        <Group>
          <Button variant="default" size="xs" disabled={bands.length >= 10} onClick={() => setBands((bs) => [...bs.slice(0, -1), { min: '', label: '', warna: '' }, ...bs.slice(-1)])}>
            {t('pengaturan.skala.tambah')}
          </Button>
        </Group>
        {!ada && (
          <Text size="sm" c="dimmed">
            {contohNilai
              .map((v) => t('pengaturan.skala.pratinjau', { nilai: formatPersen(v), label: bands.find((b) => v >= (parseAngka(b.min) ?? 0))?.label ?? '–' }))
              .join(' · ')}
          </Text>
        )}
        {umpan}
        <Group>
          <Button type="submit" loading={kirim}>
            {t('pengaturan.simpan')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

// ---------------------------------------------------------------- deadlines

/** ISO instant → value of a datetime-local input, in the browser's time zone. */
function keLokal(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
const keIso = (lokal: string) => new Date(lokal).toISOString();

function PanelTenggat() {
  const { t } = useTranslation();
  const { me } = useSesi();
  const [tahun, setTahun] = useState(() => new Date().getFullYear());
  const [muatan, ulang] = useMuat<TenggatTahun>(() => apiPengaturan.tenggat(me.pemda.slug, tahun), [me.pemda.slug, tahun]);
  const tahunList = Array.from({ length: 8 }, (_, i) => new Date().getFullYear() + 1 - i);

  return (
    <Stack gap="md">
      <NativeSelect label={t('pengaturan.tenggat.tahun')} value={String(tahun)} onChange={(e) => setTahun(Number(e.currentTarget.value))} data={tahunList.map(String)} w={160} />
      {muatan.keadaan === 'memuat' ? (
        <Memuat />
      ) : muatan.keadaan === 'galat' ? (
        <Galat galat={muatan.galat} ulang={ulang} />
      ) : (
        <div className="kisi-tenggat">
          {muatan.data.triwulan.map((tw) => (
            <KartuTenggat key={`${tahun}/${tw.triwulan}/${tw.version}`} tahun={tahun} tw={tw} unit={muatan.data.unit} onTersimpan={ulang} />
          ))}
        </div>
      )}
    </Stack>
  );
}

function KartuTenggat({ tahun, tw, unit, onTersimpan }: { tahun: number; tw: TenggatTahun['triwulan'][number]; unit: TenggatTahun['unit']; onTersimpan: () => void }) {
  const { t } = useTranslation();
  const { me } = useSesi();
  const pesan = usePesanGalat();
  const [batas, setBatas] = useState(keLokal(tw.batas));
  const [exc, setExc] = useState(tw.pengecualian.map((p) => ({ kunci: `${p.opd}/${p.unit}`, batas: keLokal(p.batas) })));
  const [hasil, setHasil] = useState<{ ok: boolean; teks: string } | undefined>();
  const [kirim, setKirim] = useState(false);
  const n = tw.triwulan;

  const simpan = async (e: FormEvent) => {
    e.preventDefault();
    if (!batas || exc.some((x) => !x.batas || !x.kunci)) {
      setHasil({ ok: false, teks: t('pengaturan.tenggat.galatTanggal') });
      return;
    }
    setKirim(true);
    setHasil(undefined);
    try {
      await apiPengaturan.aturTenggat(me.pemda.slug, tahun, n, {
        batas: keIso(batas),
        pengecualian: exc.map((x) => {
          const [opd = '', u = ''] = x.kunci.split('/');
          return { opd, unit: u, batas: keIso(x.batas) };
        }),
        version: tw.version,
      });
      setHasil({ ok: true, teks: t('pengaturan.tersimpan') });
      onTersimpan();
    } catch (x) {
      setHasil({ ok: false, teks: pesan(x) });
    } finally {
      setKirim(false);
    }
  };

  return (
    <Paper withBorder p="md" component="form" onSubmit={(e: FormEvent) => void simpan(e)} data-triwulan={n}>
      <Stack gap="xs">
        <TextInput type="datetime-local" label={t('pengaturan.tenggat.batas', { n })} value={batas} onChange={(e) => setBatas(e.currentTarget.value)} description={tw.batas ? formatTanggalJam(tw.batas) : t('pengaturan.tenggat.belum')} />
        <Text size="sm" fw={600}>
          {t('pengaturan.tenggat.pengecualian')}
        </Text>
        {exc.map((x, i) => (
          <Group key={i} align="end" gap="xs" wrap="wrap">
            <NativeSelect
              label={t('pengaturan.tenggat.unit')}
              value={x.kunci}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setExc((xs) => xs.map((y, j) => (j === i ? { ...y, kunci: v } : y)));
              }}
              data={[{ value: '', label: t('pengaturan.pengguna.pilih') }, ...unit.map((u) => ({ value: `${u.opd}/${u.kode}`, label: `${u.nama} (${u.opd})` }))]}
              maw={280}
            />
            <TextInput
              type="datetime-local"
              label={t('pengaturan.tenggat.batasUnit')}
              value={x.batas}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setExc((xs) => xs.map((y, j) => (j === i ? { ...y, batas: v } : y)));
              }}
            />
            <Button variant="subtle" color="red" size="xs" onClick={() => setExc((xs) => xs.filter((_, j) => j !== i))}>
              {t('pengaturan.tenggat.hapus')}
            </Button>
          </Group>
        ))}
        <Group>
          <Button variant="default" size="xs" onClick={() => setExc((xs) => [...xs, { kunci: '', batas: batas }])}>
            {t('pengaturan.tenggat.tambah')}
          </Button>
          <Button type="submit" size="xs" loading={kirim}>
            {t('pengaturan.tenggat.simpanTw', { n })}
          </Button>
        </Group>
        {hasil && (
          <Alert color={hasil.ok ? 'green' : 'red'} role={hasil.ok ? 'status' : 'alert'}>
            {hasil.teks}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

// ---------------------------------------------------------------- users and roles

const PERAN: Peran[] = ['admin-pemda', 'perencana', 'kepala-unit', 'kepala-opd', 'keuangan', 'inspektorat', 'pengendali-teknis', 'pimpinan'];
const PERAN_OPD = new Set<Peran>(['perencana', 'kepala-unit', 'kepala-opd', 'keuangan']);

function PanelPengguna() {
  const { t } = useTranslation();
  const { me } = useSesi();
  const pesan = usePesanGalat();
  const [muatan, ulang] = useMuat<DaftarPengguna>(() => apiPengaturan.pengguna(me.pemda.slug), [me.pemda.slug]);
  const [unit] = useMuat<TenggatTahun>(() => apiPengaturan.tenggat(me.pemda.slug, new Date().getFullYear()), [me.pemda.slug]);
  const [cari, setCari] = useState('');
  const [info, setInfo] = useState<{ ok: boolean; teks: string } | undefined>();
  const [baru, setBaru] = useState({ username: '', nama: '', sandi: '' });
  const units = unit.keadaan === 'ada' ? unit.data.unit : [];
  const opds = [...new Map(units.map((u) => [u.opd, u.opdNama])).entries()];

  const jalankan = async (f: () => Promise<string | undefined>) => {
    setInfo(undefined);
    try {
      const teks = await f();
      setInfo({ ok: true, teks: teks ?? t('pengaturan.tersimpan') });
    } catch (e) {
      setInfo({ ok: false, teks: pesan(e) });
    }
    ulang();
  };

  const buat = (e: FormEvent) => {
    e.preventDefault();
    void jalankan(async () => {
      const r = await apiPengaturan.buatPengguna(me.pemda.slug, { username: baru.username, nama: baru.nama, ...(baru.sandi ? { sandi: baru.sandi } : {}), peran: [] });
      const username = baru.username.trim().toLowerCase();
      setBaru({ username: '', nama: '', sandi: '' });
      return r.sandiAwal ? t('pengaturan.pengguna.sandiAwal', { username, sandi: r.sandiAwal }) : undefined;
    });
  };

  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="form" onSubmit={buat}>
        <Title order={2} size="h5" mb="xs">
          {t('pengaturan.pengguna.baru')}
        </Title>
        <Group align="end" wrap="wrap">
          <TextInput label={t('pengaturan.pengguna.username')} value={baru.username} onChange={(e) => setBaru({ ...baru, username: e.currentTarget.value })} required autoComplete="off" />
          <TextInput label={t('pengaturan.pengguna.nama')} value={baru.nama} onChange={(e) => setBaru({ ...baru, nama: e.currentTarget.value })} required autoComplete="off" />
          <TextInput label={t('pengaturan.pengguna.sandi')} type="password" value={baru.sandi} onChange={(e) => setBaru({ ...baru, sandi: e.currentTarget.value })} autoComplete="new-password" />
          <Button type="submit">{t('pengaturan.pengguna.buat')}</Button>
        </Group>
      </Paper>
      {info && (
        <Alert color={info.ok ? 'green' : 'red'} role={info.ok ? 'status' : 'alert'} withCloseButton onClose={() => setInfo(undefined)}>
          <span className="sandi-info">{info.teks}</span>
        </Alert>
      )}
      <TextInput label={t('pengaturan.pengguna.cari')} value={cari} onChange={(e) => setCari(e.currentTarget.value)} maw={320} />
      {muatan.keadaan === 'memuat' ? (
        <Memuat />
      ) : muatan.keadaan === 'galat' ? (
        <Galat galat={muatan.galat} ulang={ulang} />
      ) : (
        <div className="daftar-pengguna">
          {muatan.data.pengguna
            .filter((u) => !cari || `${u.username} ${u.nama}`.toLowerCase().includes(cari.toLowerCase()))
            .map((u) => (
              <KartuPengguna key={u.id} u={u} opds={opds} units={units} jalankan={jalankan} diriSendiri={String(me.id) === u.id} />
            ))}
        </div>
      )}
    </Stack>
  );
}

function KartuPengguna({
  u,
  opds,
  units,
  jalankan,
  diriSendiri,
}: {
  u: PenggunaKelola;
  opds: Array<[string, string]>;
  units: TenggatTahun['unit'];
  jalankan: (f: () => Promise<string | undefined>) => Promise<void>;
  diriSendiri: boolean;
}) {
  const { t } = useTranslation();
  const { me } = useSesi();
  const p = me.pemda.slug;
  const [peran, setPeran] = useState<Peran>('perencana');
  const [opd, setOpd] = useState('');
  const [unit, setUnit] = useState('');
  const label = (r: PeranPengguna) => [t(`pengaturan.peran.${r.peran}`), r.opd, r.unit].filter(Boolean).join(' · ');

  return (
    <Paper withBorder p="sm" className="kartu-pengguna" data-username={u.username}>
      <Group justify="space-between" align="start" wrap="wrap">
        <div>
          <Text fw={600}>
            {u.nama} <Text span c="dimmed" size="sm">({u.username})</Text>
          </Text>
          <Text size="sm" c={u.aktif ? 'green' : 'red'}>
            {u.aktif ? t('pengaturan.pengguna.aktif') : t('pengaturan.pengguna.nonaktif')}
            {u.terkunciSampai ? ` · ${t('pengaturan.pengguna.terkunci', { waktu: formatTanggalJam(u.terkunciSampai) })}` : ''} · {t('pengaturan.pengguna.sesi', { n: u.sesiAktif })}
          </Text>
        </div>
        <Group gap="xs" wrap="wrap">
          <Button
            size="xs"
            variant="light"
            color={u.aktif ? 'red' : 'green'}
            disabled={diriSendiri}
            onClick={() => {
              if (u.aktif && !window.confirm(t('pengaturan.pengguna.konfirmasiNonaktif', { username: u.username }))) return;
              void jalankan(async () => (await apiPengaturan.ubahPengguna(p, u.id, { version: u.version, aktif: !u.aktif }), undefined));
            }}
          >
            {u.aktif ? t('pengaturan.pengguna.nonaktifkan') : t('pengaturan.pengguna.aktifkan')}
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() => {
              if (!window.confirm(t('pengaturan.pengguna.konfirmasiReset', { username: u.username }))) return;
              void jalankan(async () => {
                const r = await apiPengaturan.resetSandi(p, u.id, u.version);
                return r.sandiBaru ? t('pengaturan.pengguna.sandiBaru', { username: u.username, sandi: r.sandiBaru }) : undefined;
              });
            }}
          >
            {t('pengaturan.pengguna.reset')}
          </Button>
          <Button size="xs" variant="default" onClick={() => {
              if (!window.confirm(t('pengaturan.pengguna.konfirmasiKeluar', { username: u.username }))) return;
              void jalankan(async () => t('pengaturan.pengguna.keluarSemuaOk', { n: (await apiPengaturan.keluarSemua(p, u.id)).sesiDiakhiri }));
            }}>
            {t('pengaturan.pengguna.keluarSemua')}
          </Button>
        </Group>
      </Group>
      <Group gap="xs" mt="xs" wrap="wrap">
        {u.peran.map((r) => (
          <span key={r.id} className="lencana-peran">
            {label(r)}
            <button
              type="button"
              className="cabut-peran"
              aria-label={t('pengaturan.pengguna.cabut', { peran: label(r) })}
              onClick={() => void jalankan(async () => (await apiPengaturan.cabutPeran(p, u.id, r.id, u.version), undefined))}
            >
              ✕
            </button>
          </span>
        ))}
      </Group>
      <Group
        gap="xs"
        mt="xs"
        align="end"
        wrap="wrap"
        component="form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void jalankan(async () => (await apiPengaturan.tambahPeran(p, u.id, { version: u.version, peran, opd: PERAN_OPD.has(peran) ? opd : null, unit: peran === 'kepala-unit' ? unit : null }), undefined));
        }}
      >
        <NativeSelect size="xs" label={t('pengaturan.pengguna.peran')} value={peran} onChange={(e) => setPeran(e.currentTarget.value as Peran)} data={PERAN.map((r) => ({ value: r, label: t(`pengaturan.peran.${r}`) }))} />
        {PERAN_OPD.has(peran) && (
          <NativeSelect size="xs" label={t('pengaturan.pengguna.opd')} value={opd} onChange={(e) => setOpd(e.currentTarget.value)} data={[{ value: '', label: t('pengaturan.pengguna.pilih') }, ...opds.map(([v, l]) => ({ value: v, label: l }))]} />
        )}
        {peran === 'kepala-unit' && (
          <NativeSelect
            size="xs"
            label={t('pengaturan.pengguna.unit')}
            value={unit}
            onChange={(e) => setUnit(e.currentTarget.value)}
            data={[{ value: '', label: t('pengaturan.pengguna.pilih') }, ...units.filter((x) => x.opd === opd).map((x) => ({ value: x.kode, label: x.nama }))]}
          />
        )}
        <Button size="xs" type="submit" variant="light">
          {t('pengaturan.pengguna.tambahPeran')}
        </Button>
      </Group>
    </Paper>
  );
}

// ---------------------------------------------------------------- evaluation criteria (LKE)

/**
 * The pemda's versions of the evaluation criteria, and loading another one from a JSON file of
 * the shape of referensi/lke/permenpanrb-88-2021.json: read in the browser, its content posted; a
 * refused file lists its problems by location.
 */
function PanelKriteriaLke() {
  const { t } = useTranslation();
  const { me } = useSesi();
  const [muatan, ulang] = useMuat<DaftarKriteria>(() => apiLke.daftarKriteria(me.pemda.slug), [me.pemda.slug]);
  const [hasil, setHasil] = useState<{ ok: true; teks: string } | { ok: false; teks: string; issues: Array<{ path: string; message: string }> } | undefined>();
  const [kirim, setKirim] = useState(false);
  const [kunciInput, setKunciInput] = useState(0);

  async function pilih(files: FileList | null) {
    const f = files?.[0];
    setHasil(undefined);
    if (!f) return;
    let isi: unknown;
    try {
      isi = JSON.parse(await f.text());
    } catch (e) {
      setHasil({ ok: false, teks: t('pengaturan.kriteria.bukanJson', { nama: f.name }), issues: [{ path: f.name, message: (e as Error).message }] });
      setKunciInput((n) => n + 1);
      return;
    }
    setKirim(true);
    try {
      const v = await apiLke.muatKriteria(me.pemda.slug, isi);
      setHasil({ ok: true, teks: t('pengaturan.kriteria.dimuat', { nama: v.nama, kode: v.kode, n: v.jumlahKriteria }) });
      ulang();
    } catch (e) {
      const issues = e instanceof ApiError && Array.isArray(e.body.issues) ? (e.body.issues as Array<{ path: string; message: string }>) : [];
      const teks = e instanceof ApiError && e.status === 400 ? t('pengaturan.kriteria.ditolak', { nama: f.name }) : e instanceof ApiError && typeof e.body.message === 'string' ? e.body.message : (e as Error).message;
      setHasil({ ok: false, teks, issues });
    } finally {
      setKirim(false);
      setKunciInput((n) => n + 1);
    }
  }

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="kriteria-lke-judul">
      <Title order={2} size="h4" id="kriteria-lke-judul" mb="xs">
        {t('pengaturan.kriteria.judul')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('pengaturan.kriteria.ket')}
      </Text>
      {muatan.keadaan === 'memuat' ? (
        <Memuat />
      ) : muatan.keadaan === 'galat' ? (
        <Galat galat={muatan.galat} ulang={ulang} />
      ) : (
        <Gulir minWidth={560} label={t('pengaturan.kriteria.tabel')}>
          <Table withTableBorder data-testid="versi-kriteria">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('pengaturan.kriteria.kode')}</Table.Th>
                <Table.Th scope="col">{t('pengaturan.kriteria.nama')}</Table.Th>
                <Table.Th scope="col">{t('pengaturan.kriteria.berlakuMulai')}</Table.Th>
                <Table.Th scope="col">{t('pengaturan.kriteria.jumlah')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[muatan.data.bawaan, ...muatan.data.versi.filter((v) => v.kode !== muatan.data.bawaan.kode)].map((v) => (
                <Table.Tr key={v.kode} data-kode={v.kode}>
                  <Table.Td>
                    <code>{v.kode}</code>
                    {v.kode === muatan.data.bawaan.kode ? ` (${t('pengaturan.kriteria.bawaan')})` : ''}
                  </Table.Td>
                  <Table.Td>
                    {v.nama}
                    <Text size="xs" c="dimmed">
                      {v.regulasi}
                    </Text>
                  </Table.Td>
                  <Table.Td>{v.berlakuMulai}</Table.Td>
                  <Table.Td>{v.jumlahKriteria}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Gulir>
      )}
      <div className="unggah">
        <label className="tombol-unggah" data-disabled={kirim || undefined}>
          {t('pengaturan.kriteria.unggah')}
          <input key={kunciInput} type="file" accept="application/json,.json" aria-describedby="kriteria-lke-ket" disabled={kirim} onChange={(e) => void pilih(e.currentTarget.files)} />
        </label>
        <Text size="xs" c="dimmed" id="kriteria-lke-ket">
          {kirim ? t('pengaturan.kriteria.memuat') : t('pengaturan.kriteria.unggahKet')}
        </Text>
      </div>
      {hasil && (
        <Alert color={hasil.ok ? 'green' : 'red'} role={hasil.ok ? 'status' : 'alert'} mt="sm" data-testid="hasil-kriteria">
          {hasil.teks}
          {!hasil.ok && hasil.issues.length > 0 && (
            <ul className="daftar-masalah">
              {hasil.issues.map((i, n) => (
                <li key={n}>
                  <code>{i.path}</code>: {i.message}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
    </Paper>
  );
}
