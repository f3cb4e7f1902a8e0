import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GrupTabel } from '@kontrak/tukar.ts';
import { apiTukar } from '../api-tukar.ts';

/** Downloads a table group of an OPD-year as .xlsx (a plain link: the browser saves the file). */
export function TombolUnduh({ pemda, opd, tahun, tabel, judul }: { pemda: string; opd: string; tahun: number; tabel: GrupTabel; judul: string }) {
  const { t } = useTranslation();
  return (
    <Button component="a" href={apiTukar.eksporUrl(pemda, opd, tahun, tabel)} download variant="default" size="xs" aria-label={t('tukar.unduhXlsxLabel', { tabel: judul })} className="tombol-unduh" data-tabel={tabel}>
      {t('tukar.unduhXlsx')}
    </Button>
  );
}
