import type { DaftarEntri, Entri, StatusEntri } from '@kontrak/entri.ts';
import { Alert, Anchor, Button, Group, Modal, NativeSelect, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type EntriRef } from '../api.ts';
import { Galat, Memuat } from '../components/Bagian.tsx';
import { BarisPilihan, usePilihan } from '../components/Pilihan.tsx';
import { DaftarKomentar, KepalaEntri } from '../components/StatusEntri.tsx';
import { denganSatuan, formatAngka } from '../format.ts';
import { useMuat } from '../muat.ts';
import { punya, useSesi } from '../session.tsx';
import { KepalaHalaman } from '../components/KepalaHalaman.tsx';

type Saring = 'menunggu' | 'semua' | StatusEntri;

function nilaiTampil(e: Entri): string {
  const satuan = e.formula?.pengali === 100 ? '%' : e.satuan;
  if (e.formula && e.pembilang !== null && e.penyebut !== null && e.penyebut !== 0) {
    const hasil = e.nilai ?? (e.pembilang / e.penyebut) * e.formula.pengali;
    return `${denganSatuan(hasil, satuan)} (${formatAngka(e.pembilang, 6)} / ${formatAngka(e.penyebut, 6)})`;
  }
  return denganSatuan(e.nilai, satuan);
}

export function Verifikasi() {
  const { t } = useTranslation();
  const { me } = useSesi();
  const p = usePilihan();
  const [saring, setSaring] = useState<Saring>('menunggu');
  const [muatan, ulang, ubah] = useMuat<DaftarEntri>(p.opd ? () => api.daftarEntri(me.pemda.slug, p.opd ?? '', p.tahun, p.tw) : undefined, [me.pemda.slug, p.opd, p.tahun, p.tw]);
  const [tolak, setTolak] = useState<Entri | undefined>();

  useEffect(() => {
    document.title = `${t('verifikasi.judul')} · SIKIPER`;
  }, [t]);

  // What waits for this user: the planner verifies submitted entries, the head approves verified ones.
  const menunggu = (e: Entri) => (e.bolehVerifikasi && e.status === 'diajukan') || (e.bolehSetujui && e.status === 'diverifikasi');
  const ganti = (baru: Entri) => ubah((d) => ({ ...d, indikator: d.indikator.map((i) => (i.kode === baru.kode ? baru : i)) }));

  let isi: React.ReactNode;
  if (!p.opd && !p.memuatOpd) isi = <Alert color="gray">{t('pilihan.tanpaOpd')}</Alert>;
  else if (!p.opd || muatan.keadaan === 'memuat') isi = <Memuat />;
  else if (muatan.keadaan === 'galat') isi = <Galat galat={muatan.galat} ulang={ulang} />;
  else {
    const semua = muatan.data.indikator;
    const tampil = semua.filter((e) => (saring === 'semua' ? true : saring === 'menunggu' ? menunggu(e) : e.status === saring));
    const ref = (kode: string): EntriRef => ({ pemda: me.pemda.slug, opd: p.opd ?? '', tahun: p.tahun, tw: p.tw, kode });
    isi = (
      <>
        <NativeSelect
          label={t('verifikasi.saring')}
          className="saring"
          value={saring}
          onChange={(e) => setSaring(e.currentTarget.value as Saring)}
          data={(['menunggu', 'semua', 'diajukan', 'diverifikasi', 'disetujui', 'ditolak', 'draf', 'kosong'] as const).map((s) => ({
            value: s,
            label: s === 'menunggu' ? t('verifikasi.menungguSaya', { n: semua.filter(menunggu).length }) : s === 'semua' ? t('entri.saringSemua', { n: semua.length }) : t(`status.${s}`),
          }))}
        />
        {tampil.length === 0 ? (
          <Alert color="gray">{saring === 'menunggu' ? t('verifikasi.tidakAdaMenunggu') : t('entri.tidakAdaYangCocok')}</Alert>
        ) : (
          <div className="daftar-entri">
            {tampil.map((e) => (
              <KartuVerifikasi key={e.kode} e={e} r={ref(e.kode)} onGanti={ganti} onTolak={() => setTolak(e)} onUlang={ulang} />
            ))}
          </div>
        )}
        {tolak && <DialogTolak e={tolak} r={ref(tolak.kode)} onTutup={() => setTolak(undefined)} onSelesai={(baru) => (ganti(baru), setTolak(undefined))} />}
      </>
    );
  }

  return (
    <div className="halaman">
      <KepalaHalaman judul={t('verifikasi.judul')} keterangan={<>{p.opdNama ?? p.opd} · {t('pilihan.tw', { n: p.tw })} {p.tahun} · {punya(me, 'kepala-opd') ? t('verifikasi.peranKepala') : t('verifikasi.peranPerencana')}</>}>
        <BarisPilihan p={p} triwulan />
      </KepalaHalaman>
      {isi}
    </div>
  );
}

function KartuVerifikasi({ e, r, onGanti, onTolak, onUlang }: { e: Entri; r: EntriRef; onGanti: (e: Entri) => void; onTolak: () => void; onUlang: () => void }) {
  const { t } = useTranslation();
  const idJudul = useId();
  const [sedang, setSedang] = useState<'verifikasi' | 'setujui' | undefined>();
  const [galat, setGalat] = useState<string | undefined>();
  const terkunci = e.status === 'disetujui';

  async function aksi(jenis: 'verifikasi' | 'setujui') {
    setSedang(jenis);
    setGalat(undefined);
    try {
      onGanti(jenis === 'verifikasi' ? await api.verifikasi(r, e.version) : await api.setujui(r, e.version));
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'status-tidak-sesuai' || err.status === 409)) {
        setGalat(t('entri.statusBerubah'));
        onUlang();
      } else setGalat(err instanceof ApiError && err.status === 403 ? t('galat.terlarang') : t('galat.server'));
    } finally {
      setSedang(undefined);
    }
  }

  return (
    <Paper component="article" withBorder radius="md" p="md" className="kartu-entri kartu-verifikasi" aria-labelledby={idJudul} data-kode={e.kode} data-status={e.status}>
      <KepalaEntri e={e} idJudul={idJudul} gembok />
      <dl className="target">
        <div>
          <dt>{t('verifikasi.realisasi')}</dt>
          <dd className="nilai-realisasi">{nilaiTampil(e)}</dd>
        </div>
        <div>
          <dt>{t('entri.targetTriwulan', { n: r.tw })}</dt>
          <dd>{denganSatuan(e.targetTriwulan, e.satuan)}</dd>
        </div>
        <div>
          <dt>{t('entri.targetTahunan')}</dt>
          <dd>{denganSatuan(e.target, e.satuan)}</dd>
        </div>
      </dl>
      <Text size="sm" fw={500}>
        {t('entri.keterangan')}
      </Text>
      <Text size="sm" className="keterangan" mb="xs">
        {e.keterangan || '–'}
      </Text>
      <Text size="sm" fw={500}>
        {t('bukti.judul')}
      </Text>
      {e.bukti.length > 0 ? (
        <ul className="daftar-bukti">
          {e.bukti.map((b) => (
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
      <DaftarKomentar komentar={e.komentar} />
      {galat && (
        <Alert color="red" role="alert" mt="xs">
          {galat}
        </Alert>
      )}
      {terkunci ? (
        <Text size="sm" c="dimmed" mt="xs">
          {t('verifikasi.terkunciKet')}
        </Text>
      ) : (
        (e.bolehVerifikasi || e.bolehSetujui || e.bolehTolak === true) && (
          <Group gap="sm" mt="sm">
            {e.bolehVerifikasi && e.status === 'diajukan' && (
              <Button onClick={() => void aksi('verifikasi')} loading={sedang === 'verifikasi'} color="teal">
                {t('verifikasi.verifikasi')}
              </Button>
            )}
            {e.bolehSetujui && e.status === 'diverifikasi' && (
              <Button onClick={() => void aksi('setujui')} loading={sedang === 'setujui'} color="green">
                {t('verifikasi.setujui')}
              </Button>
            )}
            {(e.bolehTolak ?? ((e.bolehVerifikasi && e.status === 'diajukan') || (e.bolehSetujui && e.status === 'diverifikasi'))) && (
              <Button variant="outline" color="red" onClick={onTolak}>
                {t('verifikasi.tolak')}
              </Button>
            )}
          </Group>
        )
      )}
    </Paper>
  );
}

function DialogTolak({ e, r, onTutup, onSelesai }: { e: Entri; r: EntriRef; onTutup: () => void; onSelesai: (e: Entri) => void }) {
  const { t } = useTranslation();
  const [komentar, setKomentar] = useState('');
  const [galat, setGalat] = useState<string | undefined>();
  const [mengirim, setMengirim] = useState(false);

  async function kirim(ev: FormEvent) {
    ev.preventDefault();
    if (!komentar.trim()) {
      setGalat(t('verifikasi.komentarWajib'));
      return;
    }
    setMengirim(true);
    try {
      onSelesai(await api.tolak(r, e.version, komentar.trim()));
    } catch (err) {
      setGalat(err instanceof ApiError && err.status === 409 ? t('entri.statusBerubah') : err instanceof ApiError && err.status === 400 ? t('verifikasi.komentarWajib') : t('galat.server'));
    } finally {
      setMengirim(false);
    }
  }

  return (
    <Modal opened onClose={onTutup} title={t('verifikasi.tolakJudul', { kode: e.kode })} size="lg">
      <form onSubmit={(ev) => void kirim(ev)} noValidate>
        <Stack gap="sm">
          <Text size="sm">{e.nama}</Text>
          <Textarea
            label={t('verifikasi.komentar')}
            description={t('verifikasi.komentarKet')}
            required
            data-autofocus
            autosize
            minRows={3}
            value={komentar}
            onChange={(ev) => {
              setKomentar(ev.currentTarget.value);
              if (galat) setGalat(undefined);
            }}
            onKeyDown={(ev) => {
              // Ctrl+Enter sends; a plain Enter stays a new line in a comment.
              if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) void kirim(ev);
            }}
            error={galat}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onTutup}>
              {t('umum.batal')}
            </Button>
            <Button type="submit" color="red" loading={mengirim}>
              {t('verifikasi.kirimTolak')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
