import { NativeSelect } from '@mantine/core';
import { useEffect, useState } from 'react';
import { apiPengaturan } from '../api-pengaturan.ts';
import { pilihTahunAwal } from '../bantu-pengaturan.ts';
import { useTranslation } from 'react-i18next';
import { setQuery, useLokasi } from '../router.ts';
import { daftarTahun, ingatTahun, tahunBawaan, triwulanBawaan, useDaftarOpd, useSesi } from '../session.tsx';
import type { Opd, Triwulan } from '../types.ts';

export interface Pilihan {
  opd: string | undefined;
  opdNama: string | undefined;
  daftarOpd: Opd[];
  memuatOpd: boolean;
  tahun: number;
  tw: Triwulan;
  /** Years with data for the OPD, newest first (empty until known). */
  tahunData: number[];
}

function tahunTersimpan(): number | undefined {
  try {
    const v = Number(localStorage.getItem('sikiper:tahun'));
    return Number.isInteger(v) && v >= 1990 && v <= 2100 ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The OPD, year and quarter a page shows, read from the address so that a reload keeps them. */
export function usePilihan(): Pilihan {
  const { me } = useSesi();
  const { query } = useLokasi();
  const { opd: daftarOpd, memuat } = useDaftarOpd(me);
  const qOpd = query.get('opd') ?? undefined;
  const opd = qOpd && (memuat || daftarOpd.some((o) => o.slug === qOpd)) ? qOpd : daftarOpd[0]?.slug;
  const opdNama = daftarOpd.find((o) => o.slug === opd)?.nama;

  const [data, setData] = useState<{ opd: string; tahun: number[] } | undefined>();
  useEffect(() => {
    if (memuat || !opd) return;
    let aktif = true;
    apiPengaturan.tahunData(me.pemda.slug, opd).then(
      (r) => aktif && setData({ opd, tahun: r.tahun }),
      () => aktif && setData({ opd, tahun: [] }),
    );
    return () => {
      aktif = false;
    };
  }, [me.pemda.slug, opd, memuat]);
  const tahunData = data && data.opd === opd ? data.tahun : undefined;

  const qTahun = Number(query.get('tahun'));
  const adaTahun = query.has('tahun') && Number.isInteger(qTahun) && qTahun >= 1990 && qTahun <= 2100;
  // Without a year in the address, wait for the OPD's years rather than load an empty one first.
  const menunggu = !adaTahun && !!opd && tahunData === undefined;
  const tahun = adaTahun ? qTahun : tahunData ? pilihTahunAwal(tahunData, tahunTersimpan(), tahunBawaan()) : tahunBawaan();
  const qTw = Number(query.get('tw'));
  const tw: Triwulan = qTw >= 1 && qTw <= 4 && Number.isInteger(qTw) ? (qTw as Triwulan) : triwulanBawaan(tahun);

  useEffect(() => {
    if (!memuat && opd && opd !== qOpd) setQuery({ opd });
  }, [memuat, opd, qOpd]);
  useEffect(() => {
    if (!adaTahun && tahunData !== undefined) setQuery({ tahun });
  }, [adaTahun, tahunData, tahun]);

  return { opd: menunggu ? undefined : opd, opdNama, daftarOpd, memuatOpd: memuat || menunggu, tahun, tw, tahunData: tahunData ?? [] };
}

export function BarisPilihan({ p, triwulan = false }: { p: Pilihan; triwulan?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="baris-pilihan">
      {p.daftarOpd.length > 1 && (
        <NativeSelect
          className="pilih-opd"
          label={t('pilihan.opd')}
          value={p.opd ?? ''}
          onChange={(e) => setQuery({ opd: e.currentTarget.value })}
          data={p.daftarOpd.map((o) => ({ value: o.slug, label: o.nama }))}
        />
      )}
      <NativeSelect
        label={t('pilihan.tahun')}
        value={String(p.tahun)}
        onChange={(e) => {
          const tahun = Number(e.currentTarget.value);
          ingatTahun(tahun);
          setQuery({ tahun });
        }}
        data={[...new Set([...daftarTahun(new Date(), p.tahun), ...p.tahunData])].sort((a, b) => b - a).map((y) => String(y))}
      />
      {triwulan && (
        <NativeSelect
          label={t('pilihan.triwulan')}
          value={String(p.tw)}
          onChange={(e) => setQuery({ tw: e.currentTarget.value })}
          data={[1, 2, 3, 4].map((n) => ({ value: String(n), label: t('pilihan.tw', { n }) }))}
        />
      )}
    </div>
  );
}
