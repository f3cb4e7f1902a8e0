import { Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatTanggalJam } from '../format.ts';
import type { Entri } from '@kontrak/entri.ts';
import { IkonGembok } from './Ikon.tsx';
import { LencanaStatus } from './Lencana.tsx';

/**
 * The top of an entry card, shared by quarterly entry and verification: code, kind and units,
 * the indicator's name as the card's heading, and its status (with a lock once approved when
 * `gembok` is set).
 */
export function KepalaEntri({ e, idJudul, gembok = false }: { e: Pick<Entri, 'kode' | 'jenis' | 'unit' | 'nama' | 'status'>; idJudul: string; gembok?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="kartu-entri-atas">
      <div>
        <Text size="xs" c="dimmed" className="meta-kode">
          {e.kode} · {t(`entri.jenis.${e.jenis}`)}
          {e.unit.length > 0 ? ` · ${e.unit.join(', ')}` : ''}
        </Text>
        <Title order={2} size="h5" id={idJudul}>
          {e.nama}
        </Title>
      </div>
      {gembok ? (
        <Group gap={6}>
          {e.status === 'disetujui' && (
            <span className="gembok" role="img" aria-label={t('verifikasi.terkunci')} title={t('verifikasi.terkunci')}>
              <IkonGembok />
            </span>
          )}
          <LencanaStatus status={e.status} />
        </Group>
      ) : (
        <LencanaStatus status={e.status} />
      )}
    </div>
  );
}

/** The workflow trail of an entry (who submitted, verified, approved or returned it, and why), folded. */
export function DaftarKomentar({ komentar }: { komentar: Entri['komentar'] }) {
  const { t } = useTranslation();
  if (komentar.length === 0) return null;
  return (
    <details className="komentar">
      <summary>{t('entri.komentar', { n: komentar.length })}</summary>
      <ul>
        {komentar.map((c, i) => (
          <li key={i}>
            <Text size="sm">
              <strong>{c.oleh}</strong> · {t(`aksi.${c.aksi}`, { defaultValue: c.aksi })} · {formatTanggalJam(c.pada)}
            </Text>
            {c.teks && <Text size="sm">{c.teks}</Text>}
          </li>
        ))}
      </ul>
    </details>
  );
}
