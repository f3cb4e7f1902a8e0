import { Alert, Button } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function PesanGagal({ ulang }: { ulang: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t('galat.gagalMuatHalaman')} role="alert">
      <p>{t('galat.gagalMuatHalamanKet')}</p>
      <Button size="xs" mt="xs" onClick={ulang}>
        {t('umum.muatUlang')}
      </Button>
    </Alert>
  );
}

/**
 * Catches a screen that failed to load or render. On a slow or dropped connection the chunk of
 * a screen may not arrive; without this React would leave an empty page. Unsent input is in
 * localStorage, so reloading loses nothing.
 */
export class Pengaman extends Component<{ children: ReactNode; kunci: string }, { galat: boolean; kunci: string }> {
  override state = { galat: false, kunci: this.props.kunci };

  static getDerivedStateFromError(): Partial<{ galat: boolean }> {
    return { galat: true };
  }

  // Moving to another page clears the error, so the navigation stays usable.
  static getDerivedStateFromProps(props: { kunci: string }, state: { galat: boolean; kunci: string }) {
    return props.kunci !== state.kunci ? { galat: false, kunci: props.kunci } : null;
  }

  override render() {
    if (this.state.galat) return <PesanGagal ulang={() => window.location.reload()} />;
    return this.props.children;
  }
}
