import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { teksDiAtas, warnaPredikat } from '../predikat.ts';
import type { StatusEntri } from '@kontrak/entri.ts';

const WARNA_STATUS: Record<StatusEntri, string> = {
  kosong: 'gray',
  draf: 'blue',
  diajukan: 'violet',
  ditolak: 'red',
  diverifikasi: 'teal',
  disetujui: 'green',
};

export function LencanaStatus({ status }: { status: StatusEntri }) {
  const { t } = useTranslation();
  return (
    <Badge color={WARNA_STATUS[status]} variant={status === 'disetujui' ? 'filled' : 'light'} data-status={status} className="lencana-status">
      {t(`status.${status}`)}
    </Badge>
  );
}

export function LencanaPredikat({ predikat }: { predikat: string | null | undefined }) {
  const { t } = useTranslation();
  return (
    <Badge color={warnaPredikat(predikat)} autoContrast={false} c={teksDiAtas(predikat)} variant="filled" className="lencana-predikat">
      {predikat ?? t('umum.tanpaPredikat')}
    </Badge>
  );
}
