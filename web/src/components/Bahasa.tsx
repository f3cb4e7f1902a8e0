import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { gantiBahasa } from '../i18n.ts';

export function PilihBahasa() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('umum.bahasa')}
      value={i18n.language === 'en' ? 'en' : 'id'}
      onChange={(v) => gantiBahasa(v)}
      data={[
        { value: 'id', label: <span lang="id" title="Bahasa Indonesia">ID</span> },
        { value: 'en', label: <span lang="en" title="English">EN</span> },
      ]}
    />
  );
}
