import { NativeSelect } from '@mantine/core';
import { useEffect } from 'react';
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
}

/** The OPD, year and quarter a page shows, read from the address so that a reload keeps them. */
export function usePilihan(): Pilihan {
  const { me } = useSesi();
  const { query } = useLokasi();
  const { opd: daftarOpd, memuat } = useDaftarOpd(me);
  const qTahun = Number(query.get('tahun'));
  const tahun = Number.isInteger(qTahun) && qTahun >= 1990 && qTahun <= 2100 ? qTahun : tahunBawaan();
  const qTw = Number(query.get('tw'));
  const tw: Triwulan = qTw >= 1 && qTw <= 4 && Number.isInteger(qTw) ? (qTw as Triwulan) : triwulanBawaan(tahun);
  const qOpd = query.get('opd') ?? undefined;
  const opd = qOpd && (memuat || daftarOpd.some((o) => o.slug === qOpd)) ? qOpd : daftarOpd[0]?.slug;
  const opdNama = daftarOpd.find((o) => o.slug === opd)?.nama;

  useEffect(() => {
    if (!memuat && opd && opd !== qOpd) setQuery({ opd });
  }, [memuat, opd, qOpd]);

  return { opd, opdNama, daftarOpd, memuatOpd: memuat, tahun, tw };
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
        data={daftarTahun(new Date(), p.tahun).map((y) => String(y))}
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
