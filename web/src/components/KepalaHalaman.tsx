import { Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The top of a screen: its title, the line saying what it shows (OPD and year, or the pemda),
 * and on the right whatever picks that (the OPD/year selector).
 */
export function KepalaHalaman({ judul, keterangan, children }: { judul: string; keterangan: ReactNode; children?: ReactNode }) {
  return (
    <div className="halaman-atas">
      <div>
        <Title order={1} size="h2">
          {judul}
        </Title>
        <Text c="dimmed" size="sm">
          {keterangan}
        </Text>
      </div>
      {children}
    </div>
  );
}
