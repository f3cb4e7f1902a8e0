import type { ReactNode } from 'react';

/**
 * A wide table scrolls inside its own box instead of widening the page. Plain CSS rather than
 * Table.ScrollContainer, whose custom scrollbars pull a large library into the bundle. With
 * `responsif`, a phone shows each row as a small card instead (cells labelled by data-label).
 */
export function Gulir({ minWidth, children, label, responsif = false }: { minWidth: number; children: ReactNode; label: string; responsif?: boolean }) {
  return (
    // A focusable region so that keyboard users can scroll it too (WCAG 2.1.1).
    <div className={responsif ? 'gulir responsif' : 'gulir'} tabIndex={0} role="region" aria-label={label}>
      <div className="gulir-isi" style={{ minWidth }}>
        {children}
      </div>
    </div>
  );
}
