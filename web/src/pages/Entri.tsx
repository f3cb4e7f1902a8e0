import { Alert, NativeSelect, Text } from '@mantine/core';
import { startTransition, useCallback, useEffect, useMemo, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { Galat, Memuat } from '../components/Bagian.tsx';
import { BarisPilihan, usePilihan } from '../components/Pilihan.tsx';
import { formatTanggal } from '../format.ts';
import { useMuat } from '../muat.ts';
import { useSesi } from '../session.tsx';
import type { DaftarEntri, Entri as EntriData, StatusEntri } from '@kontrak/entri.ts';
import { KartuEntri, type KonteksEntri } from './KartuEntri.tsx';
import { KepalaHalaman } from '../components/KepalaHalaman.tsx';

type Saring = 'semua' | 'perlu' | StatusEntri;

/** Cards rendered with the list's first frame: more than the tallest window shows at once. */
const KARTU_AWAL = 6;
/** Cards added per step after that; each step is a transition of its own, so typing, scrolling and the filter are never held up for long. */
const KARTU_PER_LANGKAH = 6;
/**
 * The browser lays out and paints only the cards near the window; the others keep the height
 * they last had (`auto`), or about a card's height before they were ever shown. They stay in the
 * document: keyboard order, find-in-page and screen readers see every card.
 */
const GAYA_KARTU: CSSProperties = { contentVisibility: 'auto', containIntrinsicSize: 'auto 520px' };

export function Entri() {
  const { t } = useTranslation();
  const { me } = useSesi();
  const p = usePilihan();
  const [saring, setSaring] = useState<Saring>('semua');
  const [muatan, ulang, ubahDaftar] = useMuat<DaftarEntri>(p.opd ? () => api.daftarEntri(me.pemda.slug, p.opd ?? '', p.tahun, p.tw) : undefined, [me.pemda.slug, p.opd, p.tahun, p.tw]);

  useEffect(() => {
    document.title = `${t('entri.judul')} · SIKIPER`;
  }, [t]);

  const opd = p.opd;
  let isi: React.ReactNode;
  if (!opd && !p.memuatOpd) isi = <Alert color="gray">{t('pilihan.tanpaOpd')}</Alert>;
  else if (!opd || muatan.keadaan === 'memuat') isi = <Memuat />;
  else if (muatan.keadaan === 'galat') isi = <Galat galat={muatan.galat} ulang={ulang} />;
  else {
    const d = muatan.data;
    const cocok = (e: (typeof d.indikator)[number]) => {
      if (saring === 'semua') return true;
      if (saring === 'perlu') return e.bolehUbah && (e.status === 'kosong' || e.status === 'draf' || e.status === 'ditolak');
      return e.status === saring;
    };
    const tampil = d.indikator.filter(cocok);
    isi = (
      <>
        {d.terkunci && (
          <Alert color="gray" title={t('entri.periodeTerkunci')} role="note">
            {d.alasan}
          </Alert>
        )}
        {d.tenggat && !d.terkunci && (
          <Text size="sm" className="tenggat">
            {t('entri.tenggat', { tanggal: formatTanggal(d.tenggat) })}
          </Text>
        )}
        {d.indikator.length === 0 ? (
          <Alert color="gray">{t('entri.kosong')}</Alert>
        ) : (
          <>
            <NativeSelect
              label={t('entri.saring')}
              className="saring"
              value={saring}
              onChange={(e) => setSaring(e.currentTarget.value as Saring)}
              data={(['semua', 'perlu', 'ditolak', 'diajukan', 'diverifikasi', 'disetujui'] as const).map((s) => ({
                value: s,
                label: s === 'semua' ? t('entri.saringSemua', { n: d.indikator.length }) : s === 'perlu' ? t('entri.saringPerlu') : t(`status.${s}`),
              }))}
            />
            {tampil.length === 0 && <Text c="dimmed">{t('entri.tidakAdaYangCocok')}</Text>}
            <DaftarKartu key={`${opd}/${p.tahun}/${p.tw}`} indikator={d.indikator} cocok={cocok} ubahDaftar={ubahDaftar} username={me.username} pemda={me.pemda.slug} opd={opd} tahun={p.tahun} tw={p.tw} terkunci={d.terkunci} />
          </>
        )}
      </>
    );
  }

  return (
    <div className="halaman">
      <KepalaHalaman judul={t('entri.judul')} keterangan={<>{p.opdNama ?? p.opd} · {t('pilihan.tw', { n: p.tw })} {p.tahun}</>}>
        <BarisPilihan p={p} triwulan />
      </KepalaHalaman>
      {isi}
    </div>
  );
}

interface DaftarKartuProps extends KonteksEntri {
  indikator: EntriData[];
  cocok: (e: EntriData) => boolean;
  ubahDaftar: (f: (d: DaftarEntri) => DaftarEntri) => void;
}

/**
 * The cards, rendered a few at a time: the first ones with the list, the rest in later
 * transitions, so the first window of cards is on screen without waiting for all of them.
 * Remounted (by its key) for another OPD, year or quarter.
 */
function DaftarKartu({ indikator, cocok, ubahDaftar, username, pemda, opd, tahun, tw, terkunci }: DaftarKartuProps) {
  const n = indikator.length;
  const [jumlah, setJumlah] = useState(() => Math.min(n, KARTU_AWAL));
  useEffect(() => {
    if (jumlah >= n) return;
    // After the browser had a chance to paint what is there.
    const id = window.setTimeout(() => startTransition(() => setJumlah((j) => Math.min(n, j + KARTU_PER_LANGKAH))), 0);
    return () => window.clearTimeout(id);
  }, [jumlah, n]);

  // Stable, so that a card whose entry did not change is not rendered again (KartuEntri is memoized).
  const k = useMemo<KonteksEntri>(() => ({ username, pemda, opd, tahun, tw, terkunci }), [username, pemda, opd, tahun, tw, terkunci]);
  const onBerubah = useCallback((baru: EntriData) => ubahDaftar((x) => ({ ...x, indikator: x.indikator.map((i) => (i.kode === baru.kode ? baru : i)) })), [ubahDaftar]);

  return (
    <div className="daftar-entri">
      {/* Filtered-out cards are hidden, not unmounted: a pending autosave must still run. */}
      {indikator.slice(0, jumlah).map((e) => (
        <div key={e.kode} hidden={!cocok(e)} style={GAYA_KARTU}>
          <KartuEntri awal={e} onBerubah={onBerubah} k={k} />
        </div>
      ))}
    </div>
  );
}
