import { Alert, Anchor, Button, Group, Paper, Table, Text, TextInput, Textarea, type TextareaProps } from '@mantine/core';
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Entri, Riwayat, SimpanBody } from '@kontrak/entri.ts';
import type { Galat } from '@kontrak/umum.ts';
import { Gulir } from '../components/Gulir.tsx';
import { api, ApiError, NetworkError, type EntriRef } from '../api.ts';
import { IkonGembok } from '../components/Ikon.tsx';
import { PilihBerkas } from '../components/PilihBerkas.tsx';
import { DaftarKomentar, KepalaEntri } from '../components/StatusEntri.tsx';
import { bacaDraf, hapusDraf, kunciDraf, samaIsian, simpanDraf } from '../drafts.ts';
import { angkaUntukInput, denganSatuan, formatAngka, formatJam, formatTanggalJam } from '../format.ts';
import { adaMasalahBlok, BATAS_KETERANGAN, periksaIsian, type Isian, type Masalah } from '../validate.ts';

/** Quiet time after the last keystroke before a draft is sent: long enough not to send every key. */
export const JEDA_SIMPAN_MS = 800;
/** When the server cannot be reached the draft waits on the device and is retried this often. */
const JEDA_ULANG_MS = 10_000;

/**
 * The note field grows with its text from 2 to 8 lines. Where CSS can do that (`field-sizing`,
 * Chromium) it does; elsewhere Mantine's autosize measures the field in script, which forces a
 * layout of the page per card when the list mounts (a third of the entry screen's first render
 * with 77 cards, docs/performance.md).
 */
const UKURAN_CSS = typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('field-sizing', 'content');
const TEPI_KETERANGAN = '2 * var(--input-padding-y, 0px) + 2 * calc(0.0625rem * var(--mantine-scale, 1))';
const GAYA_KETERANGAN: TextareaProps['styles'] = { input: { fieldSizing: 'content', minHeight: `calc(2lh + ${TEPI_KETERANGAN})`, maxHeight: `calc(8lh + ${TEPI_KETERANGAN})` } };

export function isianDari(e: Entri): Isian {
  return { nilai: angkaUntukInput(e.nilai), pembilang: angkaUntukInput(e.pembilang), penyebut: angkaUntukInput(e.penyebut), keterangan: e.keterangan ?? '' };
}

type Simpan =
  | { k: 'tersimpan'; pada?: Date }
  | { k: 'menunggu' }
  | { k: 'menyimpan' }
  | { k: 'lokal' }
  | { k: 'tidak-sah' }
  | { k: 'konflik'; server: Entri }
  | { k: 'galat'; pesan: string; issues?: Galat['issues'] }
  | { k: 'terkunci'; alasan?: string };

export interface KonteksEntri {
  username: string;
  pemda: string;
  opd: string;
  tahun: number;
  tw: 1 | 2 | 3 | 4;
  /** The whole quarter is closed (deadline passed or the period locked). */
  terkunci: boolean;
}

/** The draft kept on the device for this card, read once when the card mounts. */
function awalKartu(kunci: string, awal: Entri): { isian: Isian; dipulihkan: boolean; versi: number } {
  const d = bacaDraf(kunci);
  if (d && !awal.bolehUbah) hapusDraf(kunci);
  const dipulihkan = !!d && awal.bolehUbah && !samaIsian(d.isian, isianDari(awal));
  return d && dipulihkan ? { isian: d.isian, dipulihkan, versi: d.version } : { isian: isianDari(awal), dipulihkan, versi: awal.version };
}

/**
 * One indicator's entry. Memoized: the list re-renders when one card's entry changes, and the
 * other cards (same `awal`, `k` and `onBerubah`) are then skipped.
 */
export const KartuEntri = memo(function KartuEntri({ awal, k, onBerubah }: { awal: Entri; k: KonteksEntri; onBerubah?: (e: Entri) => void }) {
  const { t } = useTranslation();
  const idJudul = useId();
  const ref: EntriRef = useMemo(() => ({ pemda: k.pemda, opd: k.opd, tahun: k.tahun, tw: k.tw, kode: awal.kode }), [k.pemda, k.opd, k.tahun, k.tw, awal.kode]);
  const kunci = useMemo(() => kunciDraf({ username: k.username, pemda: k.pemda, opd: k.opd, tahun: k.tahun, tw: k.tw, kode: awal.kode }), [k.username, k.pemda, k.opd, k.tahun, k.tw, awal.kode]);

  const [mula] = useState(() => awalKartu(kunci, awal));
  const dipulihkan = mula.dipulihkan;
  const [server, setServer] = useState<Entri>(awal);
  const [isian, setIsianState] = useState<Isian>(mula.isian);
  const [simpan, setSimpan] = useState<Simpan>(dipulihkan ? { k: 'menunggu' } : { k: 'tersimpan' });
  const [galatAksi, setGalatAksi] = useState<string | undefined>();
  const [sedangAksi, setSedangAksi] = useState<string | undefined>();

  // Timers and in-flight requests read the latest values, not the ones of the render that set them.
  const isianRef = useRef(isian);
  const versiRef = useRef(mula.versi);
  const terbang = useRef<Promise<void> | undefined>(undefined);
  const timer = useRef<number | undefined>(undefined);
  const konflikRef = useRef(false);

  const onBerubahRef = useRef(onBerubah);
  useEffect(() => {
    onBerubahRef.current = onBerubah;
  }, [onBerubah]);
  useEffect(() => {
    if (server !== awal) onBerubahRef.current?.(server);
    // Only changes made here are reported; `awal` is what the list already has.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [server]);

  const periksa = useMemo(() => periksaIsian(server, isian), [server, isian]);
  const bisaUbah = server.bolehUbah && !k.terkunci && simpan.k !== 'terkunci';

  const kirim = useCallback(async (): Promise<void> => {
    if (konflikRef.current) return;
    const dikirim = isianRef.current;
    const hasil = periksaIsian(server, dikirim);
    if (adaMasalahBlok(hasil)) {
      setSimpan({ k: 'tidak-sah' });
      return;
    }
    const body: SimpanBody = { version: versiRef.current, keterangan: dikirim.keterangan.trim() === '' ? null : dikirim.keterangan };
    if (server.formula) {
      body.pembilang = hasil.pembilang;
      body.penyebut = hasil.penyebut;
    } else body.nilai = hasil.nilai;
    setSimpan({ k: 'menyimpan' });
    try {
      const baru = await api.simpan(ref, body);
      setServer(baru);
      versiRef.current = baru.version;
      if (samaIsian(isianRef.current, dikirim)) {
        hapusDraf(kunci);
        setSimpan({ k: 'tersimpan', pada: new Date() });
      } else {
        simpanDraf(kunci, { isian: isianRef.current, version: baru.version, diubah: new Date().toISOString() });
        setSimpan({ k: 'menunggu' });
        jadwalkan();
      }
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.body.current && typeof e.body.current === 'object') {
        const kini = e.body.current as Entri;
        // The version moved but the values are ours (e.g. an evidence upload bumped it): nothing to choose.
        if (samaIsian(isianDari(kini), dikirim)) {
          setServer(kini);
          versiRef.current = kini.version;
          hapusDraf(kunci);
          setSimpan({ k: 'tersimpan', pada: new Date() });
          return;
        }
        konflikRef.current = true;
        setSimpan({ k: 'konflik', server: kini });
      } else if (e instanceof ApiError && e.status === 423) {
        setSimpan({ k: 'terkunci', alasan: typeof e.body.alasan === 'string' ? e.body.alasan : undefined });
      } else if (e instanceof ApiError && e.status === 400) {
        const issues = Array.isArray(e.body.issues) ? (e.body.issues as NonNullable<Galat['issues']>) : [];
        setSimpan({ k: 'galat', pesan: t('entri.simpan.ditolakServer'), issues });
      } else if (e instanceof ApiError && e.status === 403) {
        setSimpan({ k: 'galat', pesan: t('galat.terlarang') });
      } else if (e instanceof NetworkError || (e instanceof ApiError && e.status >= 500)) {
        setSimpan({ k: 'lokal' });
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => void jalankan(), JEDA_ULANG_MS);
      } else {
        setSimpan({ k: 'galat', pesan: (e as Error).message });
      }
    }
    // jadwalkan/jalankan are stable (declared below with refs only).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [server, ref, kunci, t]);

  const kirimRef = useRef(kirim);
  useEffect(() => {
    kirimRef.current = kirim;
  }, [kirim]);

  /** Runs one save at a time; a change made while one is in flight is sent right after it. */
  function jalankan(): Promise<void> {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const sebelumnya = terbang.current ?? Promise.resolve();
    const p = sebelumnya.then(() => kirimRef.current());
    terbang.current = p.finally(() => {
      if (terbang.current === p) terbang.current = undefined;
    });
    return p;
  }

  function jadwalkan() {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void jalankan(), JEDA_SIMPAN_MS);
  }

  // A restored draft is sent as soon as the card is on screen.
  useEffect(() => {
    if (dipulihkan) jadwalkan();
    const online = () => {
      if (bacaDraf(kunci)) void jalankan();
    };
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      window.clearTimeout(timer.current);
    };
    // Mount only: the draft key of a card never changes (cards are keyed by it).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function ubah(field: keyof Isian, value: string) {
    const baru = { ...isianRef.current, [field]: value };
    isianRef.current = baru;
    setIsianState(baru);
    simpanDraf(kunci, { isian: baru, version: versiRef.current, diubah: new Date().toISOString() });
    if (konflikRef.current) return;
    setSimpan({ k: 'menunggu' });
    jadwalkan();
  }

  function pakaiMilikSaya(kini: Entri) {
    konflikRef.current = false;
    versiRef.current = kini.version;
    setServer(kini);
    simpanDraf(kunci, { isian: isianRef.current, version: kini.version, diubah: new Date().toISOString() });
    void jalankan();
  }

  function pakaiServer(kini: Entri) {
    konflikRef.current = false;
    versiRef.current = kini.version;
    setServer(kini);
    const baru = isianDari(kini);
    isianRef.current = baru;
    setIsianState(baru);
    hapusDraf(kunci);
    setSimpan({ k: 'tersimpan', pada: new Date() });
  }

  async function ajukan() {
    setGalatAksi(undefined);
    setSedangAksi('ajukan');
    try {
      if (simpan.k !== 'tersimpan' || terbang.current) await jalankan();
      if (konflikRef.current || bacaDraf(kunci)) {
        setGalatAksi(t('entri.ajukanBelumTersimpan'));
        return;
      }
      const baru = await api.ajukan(ref, versiRef.current);
      setServer(baru);
      versiRef.current = baru.version;
    } catch (e) {
      setGalatAksi(e instanceof ApiError && e.code === 'status-tidak-sesuai' ? t('entri.statusBerubah') : e instanceof ApiError && e.status === 423 ? t('entri.terkunci') : t('galat.server'));
    } finally {
      setSedangAksi(undefined);
    }
  }

  function onSubmit(e: FormEvent) {
    // Enter in a field saves at once instead of waiting for the pause.
    e.preventDefault();
    if (bisaUbah) void jalankan();
  }

  const galatField = (field: keyof Isian): string | undefined => {
    const m: Masalah | undefined = periksa.masalah.find((x) => x.field === field);
    const dariServer = simpan.k === 'galat' ? simpan.issues?.find((i) => i.path === field || i.path.endsWith(`.${field}`)) : undefined;
    if (m) return t(`validasi.${m.kode}`, { batas: formatAngka(BATAS_KETERANGAN) });
    return dariServer?.message;
  };

  // The latest note, while it is still the answer to the latest submission: saving a returned
  // entry makes it a draft again, and the unit must still see why it came back.
  const komentarAkhir = server.komentar[server.komentar.length - 1];
  const tolakTerakhir = komentarAkhir && (komentarAkhir.aksi === 'tolak' || komentarAkhir.aksi === 'ditolak') && (server.status === 'ditolak' || server.status === 'draf') ? komentarAkhir : undefined;
  const statusBisaAjukan = server.bolehAjukan ?? (server.status === 'draf' || server.status === 'ditolak');
  const bolehAjukan = bisaUbah && periksa.lengkap && (statusBisaAjukan || (simpan.k !== 'tersimpan' && server.status === 'kosong'));
  const satuan = server.formula ? (server.formula.pengali === 100 ? '%' : server.satuan) : server.satuan;

  return (
    <Paper component="article" withBorder radius="md" p="md" className="kartu-entri" aria-labelledby={idJudul} data-kode={server.kode} data-status={server.status}>
      <KepalaEntri e={server} idJudul={idJudul} />

      <dl className="target">
        <div>
          <dt>{t('entri.targetTahunan')}</dt>
          <dd>{denganSatuan(server.target, server.satuan)}</dd>
        </div>
        <div>
          <dt>{t('entri.targetTriwulan', { n: k.tw })}</dt>
          <dd>{denganSatuan(server.targetTriwulan, server.satuan)}</dd>
        </div>
      </dl>

      {tolakTerakhir && (
        <Alert color="red" title={t('entri.ditolakOleh', { oleh: tolakTerakhir.oleh })} className="komentar-tolak" role="note">
          <p>{tolakTerakhir.teks}</p>
          <Text size="xs" c="dimmed">
            {formatTanggalJam(tolakTerakhir.pada)}
          </Text>
        </Alert>
      )}
      {dipulihkan && simpan.k !== 'tersimpan' && (
        <Alert color="blue" className="dipulihkan">
          {t('entri.dipulihkan')}
        </Alert>
      )}
      {server.status === 'disetujui' && (
        <Alert color="green" className="terkunci-info" icon={<IkonGembok />}>
          {t('entri.disetujuiTerkunci')}
        </Alert>
      )}

      <form onSubmit={onSubmit} noValidate className="form-entri">
        {server.formula ? (
          <>
            <Text size="sm" className="formula">
              {t('entri.formula')}: <code>{server.formula.teks}</code>
            </Text>
            <div className="baris-angka">
              <TextInput
                label={server.formula.pembilang || t('entri.pembilang')}
                description={t('entri.pembilang')}
                name="pembilang"
                inputMode="decimal"
                autoComplete="off"
                value={isian.pembilang}
                onChange={(e) => ubah('pembilang', e.currentTarget.value)}
                readOnly={!bisaUbah}
                error={galatField('pembilang')}
              />
              <TextInput
                label={server.formula.penyebut || t('entri.penyebut')}
                description={t('entri.penyebut')}
                name="penyebut"
                inputMode="decimal"
                autoComplete="off"
                value={isian.penyebut}
                onChange={(e) => ubah('penyebut', e.currentTarget.value)}
                readOnly={!bisaUbah}
                error={galatField('penyebut')}
              />
            </div>
            <output className="hasil" aria-live="polite" data-nilai={periksa.hasil ?? ''}>
              {t('entri.hasil')}:{' '}
              <strong>
                {denganSatuan(periksa.hasil, satuan)}
              </strong>
              {periksa.hasil !== null && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  ({formatAngka(periksa.pembilang, 6)} / {formatAngka(periksa.penyebut, 6)} × {formatAngka(server.formula.pengali)})
                </Text>
              )}
            </output>
          </>
        ) : (
          <TextInput
            label={t('entri.nilai', { satuan: server.satuan })}
            name="nilai"
            inputMode="decimal"
            autoComplete="off"
            className="input-nilai"
            value={isian.nilai}
            onChange={(e) => ubah('nilai', e.currentTarget.value)}
            readOnly={!bisaUbah}
            error={galatField('nilai')}
            description={periksa.masalah.some((m) => m.peringatan) ? undefined : t('entri.formatAngka')}
          />
        )}
        <Textarea
          label={t('entri.keterangan')}
          description={t('entri.keteranganKet')}
          name="keterangan"
          autosize={!UKURAN_CSS}
          minRows={2}
          maxRows={8}
          styles={UKURAN_CSS ? GAYA_KETERANGAN : undefined}
          value={isian.keterangan}
          onChange={(e) => ubah('keterangan', e.currentTarget.value)}
          readOnly={!bisaUbah}
          error={galatField('keterangan')}
        />
        <Bukti entri={server} r={ref} bisaUbah={bisaUbah} onTambah={(b) => setServer((s) => ({ ...s, bukti: [...s.bukti, b] }))} />

        <StatusSimpan s={simpan} />
        {simpan.k === 'konflik' && <Konflik server={simpan.server} milikSaya={isian} onSaya={() => pakaiMilikSaya(simpan.server)} onServer={() => pakaiServer(simpan.server)} />}
        {simpan.k === 'terkunci' && (
          <Alert color="gray" role="alert">
            {t('entri.terkunci')}
            {simpan.alasan ? `: ${simpan.alasan}` : ''}
          </Alert>
        )}
        {galatAksi && (
          <Alert color="red" role="alert">
            {galatAksi}
          </Alert>
        )}
        <Group gap="sm" mt="xs" className="aksi-entri">
          {bisaUbah && (
            <Button type="button" onClick={() => void ajukan()} disabled={!bolehAjukan || simpan.k === 'konflik'} loading={sedangAksi === 'ajukan'}>
              {tolakTerakhir ? t('entri.ajukanLagi') : t('entri.ajukan')}
            </Button>
          )}
          <RiwayatTombol r={ref} versi={server.version} />
        </Group>
      </form>

      <DaftarKomentar komentar={server.komentar} />
    </Paper>
  );
});

function StatusSimpan({ s }: { s: Simpan }) {
  const { t } = useTranslation();
  let teks = '';
  let warna = 'dimmed';
  switch (s.k) {
    case 'tersimpan':
      teks = s.pada ? t('entri.simpan.tersimpanPada', { jam: formatJam(s.pada) }) : '';
      warna = 'green.8';
      break;
    case 'menunggu':
      teks = t('entri.simpan.menunggu');
      break;
    case 'menyimpan':
      teks = t('entri.simpan.menyimpan');
      break;
    case 'lokal':
      teks = t('entri.simpan.lokal');
      warna = 'orange.8';
      break;
    case 'tidak-sah':
      teks = t('entri.simpan.tidakSah');
      warna = 'red.8';
      break;
    case 'konflik':
      teks = t('entri.simpan.konflik');
      warna = 'red.8';
      break;
    case 'galat':
      teks = s.pesan;
      warna = 'red.8';
      break;
    case 'terkunci':
      teks = '';
      break;
  }
  return (
    <Text size="sm" c={warna} className="status-simpan" data-simpan={s.k} role="status" aria-live="polite">
      {teks}
    </Text>
  );
}

function Konflik({ server, milikSaya, onSaya, onServer }: { server: Entri; milikSaya: Isian; onSaya: () => void; onServer: () => void }) {
  const { t } = useTranslation();
  const nilai = (i: Isian) => (server.formula ? `${i.pembilang || '–'} / ${i.penyebut || '–'}` : i.nilai || '–');
  const s = isianDari(server);
  return (
    <Alert color="orange" title={t('entri.konflik.judul')} className="konflik" role="alert">
      <p>{t('entri.konflik.ket')}</p>
      <Table withTableBorder mt="xs" className="tabel-konflik">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" />
            <Table.Th scope="col">{t('entri.konflik.server')}</Table.Th>
            <Table.Th scope="col">{t('entri.konflik.saya')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">{t('entri.konflik.nilai')}</Table.Th>
            <Table.Td className="nilai-server">{nilai(s)}</Table.Td>
            <Table.Td>{nilai(milikSaya)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('entri.keterangan')}</Table.Th>
            <Table.Td>{s.keterangan || '–'}</Table.Td>
            <Table.Td>{milikSaya.keterangan || '–'}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Group mt="sm" gap="sm">
        <Button size="xs" onClick={onSaya}>
          {t('entri.konflik.pakaiSaya')}
        </Button>
        <Button size="xs" variant="default" onClick={onServer}>
          {t('entri.konflik.pakaiServer')}
        </Button>
      </Group>
    </Alert>
  );
}

function Bukti({ entri, r, bisaUbah, onTambah }: { entri: Entri; r: EntriRef; bisaUbah: boolean; onTambah: (b: Entri['bukti'][number]) => void }) {
  const { t } = useTranslation();
  const id = useId();

  return (
    <div className="bukti">
      <Text size="sm" fw={500} id={`${id}-judul`}>
        {t('bukti.judul')}
      </Text>
      {entri.bukti.length > 0 ? (
        <ul className="daftar-bukti" aria-labelledby={`${id}-judul`}>
          {entri.bukti.map((b) => (
            <li key={String(b.id)}>
              <Anchor href={api.buktiUrl(b.id)} target="_blank" rel="noopener" size="sm">
                {b.nama}
              </Anchor>
            </li>
          ))}
        </ul>
      ) : (
        <Text size="sm" c="dimmed">
          {t('bukti.kosong')}
        </Text>
      )}
      {bisaUbah && (
        <PilihBerkas label={t('bukti.pilih')} name="file" unggah={async (f) => onTambah(await api.unggahBukti(r, f))} />
      )}
    </div>
  );
}

function RiwayatTombol({ r, versi }: { r: EntriRef; versi: number }) {
  const { t } = useTranslation();
  const [buka, setBuka] = useState(false);
  const [data, setData] = useState<{ versi: number; riwayat: Riwayat['riwayat'] } | { galat: true } | undefined>();
  const id = useId();

  useEffect(() => {
    if (!buka) return;
    let aktif = true;
    api.riwayat(r).then(
      (x) => aktif && setData({ versi, riwayat: x.riwayat }),
      () => aktif && setData({ galat: true }),
    );
    return () => {
      aktif = false;
    };
  }, [buka, r, versi]);

  return (
    <>
      <Button type="button" variant="subtle" size="sm" aria-expanded={buka} aria-controls={id} onClick={() => setBuka((b) => !b)}>
        {buka ? t('riwayat.tutup') : t('riwayat.buka')}
      </Button>
      {buka && (
        <div id={id} className="riwayat">
          {!data ? (
            <Text size="sm">{t('umum.memuat')}</Text>
          ) : 'galat' in data ? (
            <Text size="sm" c="red.8">
              {t('galat.server')}
            </Text>
          ) : data.riwayat.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('riwayat.kosong')}
            </Text>
          ) : (
            <Gulir minWidth={420} label={t('riwayat.buka')}>
              <Table className="tabel-riwayat">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('riwayat.waktu')}</Table.Th>
                    <Table.Th scope="col">{t('riwayat.oleh')}</Table.Th>
                    <Table.Th scope="col">{t('riwayat.isian')}</Table.Th>
                    <Table.Th scope="col">{t('riwayat.lama')}</Table.Th>
                    <Table.Th scope="col">{t('riwayat.baru')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.riwayat.map((h, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{formatTanggalJam(h.pada)}</Table.Td>
                      <Table.Td>{h.oleh}</Table.Td>
                      <Table.Td>{t(`riwayat.field.${h.field}`, { defaultValue: h.field })}</Table.Td>
                      <Table.Td>{tampil(h.lama)}</Table.Td>
                      <Table.Td>{tampil(h.baru)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Gulir>
          )}
        </div>
      )}
    </>
  );
}

function tampil(v: unknown): string {
  if (v === null || v === undefined || v === '') return '–';
  if (typeof v === 'number') return formatAngka(v, 6);
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}
