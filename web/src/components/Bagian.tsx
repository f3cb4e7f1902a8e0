import { Alert, Button, Center, Loader, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../api.ts';

export function Bagian({ judul, children, aksi, id }: { judul: string; children: ReactNode; aksi?: ReactNode; id?: string }) {
  const idJudul = id ? `${id}-judul` : undefined;
  return (
    <Paper component="section" withBorder p="md" radius="md" className="bagian" aria-labelledby={idJudul}>
      <div className="bagian-atas">
        <Title order={2} size="h4" id={idJudul}>
          {judul}
        </Title>
        {aksi}
      </div>
      {children}
    </Paper>
  );
}

export function Memuat() {
  const { t } = useTranslation();
  return (
    <Center p="xl">
      <Loader aria-label={t('umum.memuat')} />
    </Center>
  );
}

export function pesanGalat(t: (k: 'galat.jaringan' | 'galat.terlarang' | 'galat.tidakDitemukan' | 'galat.server') => string, galat: unknown): string {
  if (galat instanceof NetworkError) return t('galat.jaringan');
  if (galat instanceof ApiError && galat.status === 403) return t('galat.terlarang');
  if (galat instanceof ApiError && galat.status === 404) return t('galat.tidakDitemukan');
  return t('galat.server');
}

export function Galat({ galat, ulang }: { galat: unknown; ulang?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={pesanGalat(t, galat)} role="alert">
      {galat instanceof ApiError && typeof galat.body.message === 'string' ? <p>{galat.body.message}</p> : null}
      {ulang && (
        <Button size="xs" variant="light" color="red" onClick={ulang} mt="xs">
          {t('umum.cobaLagi')}
        </Button>
      )}
    </Alert>
  );
}
