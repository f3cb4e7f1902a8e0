import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Tautan } from '../components/Tautan.tsx';

export function TidakDitemukan({ terlarang = false, ke }: { terlarang?: boolean; ke: string }) {
  const { t } = useTranslation();
  return (
    <Alert color={terlarang ? 'red' : 'gray'} title={terlarang ? t('galat.terlarang') : t('galat.tidakDitemukan')} role="alert">
      <Tautan href={ke}>{t('nav.keAwal')}</Tautan>
    </Alert>
  );
}
