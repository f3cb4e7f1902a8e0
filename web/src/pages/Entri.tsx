import { Alert, NativeSelect, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { Galat, Memuat } from '../components/Bagian.tsx';
import { BarisPilihan, usePilihan } from '../components/Pilihan.tsx';
import { formatTanggal } from '../format.ts';
import { useMuat } from '../muat.ts';
import { useSesi } from '../session.tsx';
import type { DaftarEntri, StatusEntri } from '@kontrak/entri.ts';
import { KartuEntri } from './KartuEntri.tsx';
import { KepalaHalaman } from '../components/KepalaHalaman.tsx';

type Saring = 'semua' | 'perlu' | StatusEntri;

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
            <div className="daftar-entri">
              {/* Filtered-out cards are hidden, not unmounted: a pending autosave must still run. */}
              {d.indikator.map((e) => (
                <div key={`${p.tahun}/${p.tw}/${e.kode}`} hidden={!cocok(e)}>
                  <KartuEntri awal={e} onBerubah={(baru) => ubahDaftar((x) => ({ ...x, indikator: x.indikator.map((i) => (i.kode === baru.kode ? baru : i)) }))} k={{ username: me.username, pemda: me.pemda.slug, opd, tahun: p.tahun, tw: p.tw, terkunci: d.terkunci }} />
                </div>
              ))}
            </div>
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
