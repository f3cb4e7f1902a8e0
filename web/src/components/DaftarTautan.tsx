import { Anchor, Button, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** An http(s) address without spaces: what the server accepts as a link of evidence. */
const TAUTAN_SAH = /^https?:\/\/[^\s]+$/i;
/** Error text dark enough on white (WCAG AA), as on every field of the evaluation screens. */
export const GAYA_GALAT = { error: { color: 'var(--mantine-color-red-9)' } };

/**
 * Links of evidence: the list (each opens in a new tab) and, with `ubah`, a remove button per link
 * and a field to add one, checked as an http(s) address. One control for every screen that keeps
 * links, so they all add, refuse and remove a link the same way; `ubah.ubah` gets the whole new list.
 */
export function DaftarTautan(props: { tautan: readonly string[]; labelDaftar?: string | undefined; ubah?: { labelBaru: string; ubah: (tautan: string[]) => void } | undefined }) {
  const { t } = useTranslation();
  const [baru, setBaru] = useState('');
  const [salah, setSalah] = useState(false);
  const ubah = props.ubah;
  const tambah = () => {
    const u = baru.trim();
    if (!TAUTAN_SAH.test(u)) {
      setSalah(true);
      return;
    }
    setBaru('');
    if (!props.tautan.includes(u)) ubah?.ubah([...props.tautan, u]);
  };
  return (
    <>
      {props.tautan.length > 0 && (
        <ul className="daftar-tautan" aria-label={props.labelDaftar}>
          {props.tautan.map((u) => (
            <li key={u}>
              <Anchor href={u} target="_blank" rel="noopener noreferrer" size="sm">
                {u}
              </Anchor>
              {ubah && (
                <Button size="compact-xs" variant="subtle" color="red" ml={4} aria-label={t('evaluasi.lke.hapusTautan', { tautan: u })} onClick={() => ubah.ubah(props.tautan.filter((x) => x !== u))}>
                  {t('evaluasi.lke.hapus')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {ubah && (
        <div className="tautan-baru">
          <TextInput
            className="tautan-baru-input"
            size="xs"
            type="url"
            label={ubah.labelBaru}
            placeholder="https://"
            value={baru}
            error={salah ? t('evaluasi.lke.tautanSalah') : undefined}
            styles={GAYA_GALAT}
            onChange={(e) => {
              setBaru(e.currentTarget.value);
              setSalah(false);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                tambah();
              }
            }}
          />
          <Button size="xs" variant="default" onClick={tambah} disabled={baru.trim() === ''}>
            {t('evaluasi.lke.tambahTautan')}
          </Button>
        </div>
      )}
    </>
  );
}
