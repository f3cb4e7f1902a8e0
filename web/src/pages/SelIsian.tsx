import { TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { pesanGalat } from '../components/Bagian.tsx';
import { bacaDrafRencana, hapusDrafRencana, isString, simpanDrafRencana } from '../rencana-draf.ts';

type Keadaan = { jenis: 'diam' } | { jenis: 'menyimpan' } | { jenis: 'tersimpan' } | { jenis: 'galat'; pesan: string } | { jenis: 'bentrok'; nilai: string };

export interface SelIsianProps {
  /** Accessible name of the field (the column and the row it belongs to). */
  label: string;
  /** The stored value as the field shows it ("" when none). */
  teksServer: string;
  version: number;
  /** localStorage key of the unsent input. */
  kunci: string;
  /** Checks the typed text; returns a message when it cannot be saved. */
  periksa: (teks: string) => string | undefined;
  /** Saves the text; resolves with the stored value and version. */
  simpan: (teks: string, version: number) => Promise<{ teks: string; version: number }>;
  /** The stored value and version carried by a 409 answer. */
  dariCurrent: (current: unknown) => { teks: string; version: number } | undefined;
  lebar?: number;
  rataKanan?: boolean;
}

/**
 * One editable planned value in a table cell: typed the Indonesian way, kept on the device
 * while unsent, saved on Enter or when leaving the field. A save refused because someone else
 * changed the value keeps the typed text and shows the current one.
 */
export function SelIsian({ label, teksServer, version, kunci, periksa, simpan, dariCurrent, lebar = 120, rataKanan = true }: SelIsianProps) {
  const { t } = useTranslation();
  const [teks, setTeks] = useState(() => bacaDrafRencana(kunci, isString)?.isi ?? teksServer);
  const [versi, setVersi] = useState(() => bacaDrafRencana(kunci, isString)?.version ?? version);
  const [dasar, setDasar] = useState(teksServer);
  const [keadaan, setKeadaan] = useState<Keadaan>({ jenis: 'diam' });
  const sibuk = useRef(false);

  // A newer stored value (a reload, or a save elsewhere on the page) replaces what is shown, unless something unsent is typed.
  useEffect(() => {
    if (bacaDrafRencana(kunci, isString)) return;
    setTeks(teksServer);
    setDasar(teksServer);
    setVersi(version);
  }, [teksServer, version, kunci]);

  const masalah = periksa(teks);
  const berubah = teks.trim() !== dasar.trim();

  async function kirim() {
    if (sibuk.current || !berubah || masalah) return;
    sibuk.current = true;
    setKeadaan({ jenis: 'menyimpan' });
    try {
      const r = await simpan(teks, versi);
      hapusDrafRencana(kunci);
      setTeks(r.teks);
      setDasar(r.teks);
      setVersi(r.version);
      setKeadaan({ jenis: 'tersimpan' });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        const c = dariCurrent(e.body.current);
        if (c) {
          setVersi(c.version);
          setDasar(c.teks);
          simpanDrafRencana(kunci, { isi: teks, version: c.version });
          setKeadaan({ jenis: 'bentrok', nilai: c.teks || '–' });
          return;
        }
      }
      const pesan = e instanceof ApiError && typeof e.body.message === 'string' ? e.body.message : pesanGalat(t, e);
      setKeadaan({ jenis: 'galat', pesan });
    } finally {
      sibuk.current = false;
    }
  }

  let catatan: string | undefined;
  if (masalah) catatan = masalah;
  else if (keadaan.jenis === 'bentrok') catatan = t('rencana.bentrok', { nilai: keadaan.nilai });
  else if (keadaan.jenis === 'galat') catatan = t('rencana.gagalSimpan', { pesan: keadaan.pesan });

  return (
    <div className="sel-isian" data-keadaan={keadaan.jenis} data-berubah={berubah ? '1' : undefined}>
      <TextInput
        size="xs"
        aria-label={label}
        value={teks}
        inputMode="decimal"
        w={lebar}
        styles={rataKanan ? { input: { textAlign: 'right' } } : undefined}
        error={catatan}
        onChange={(e) => {
          const v = e.currentTarget.value;
          setTeks(v);
          if (keadaan.jenis !== 'bentrok') setKeadaan({ jenis: 'diam' });
          if (v.trim() === dasar.trim()) hapusDrafRencana(kunci);
          else simpanDrafRencana(kunci, { isi: v, version: versi });
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void kirim();
          } else if (e.key === 'Escape' && keadaan.jenis !== 'bentrok') {
            setTeks(dasar);
            hapusDrafRencana(kunci);
          }
        }}
        onBlur={() => void kirim()}
        rightSection={keadaan.jenis === 'menyimpan' ? <span aria-hidden>…</span> : keadaan.jenis === 'tersimpan' ? <span className="ikon-tersimpan" aria-hidden>✓</span> : undefined}
      />
      <span className="sr-status" role="status" aria-live="polite">
        {keadaan.jenis === 'menyimpan' ? t('rencana.menyimpan') : keadaan.jenis === 'tersimpan' ? t('rencana.tersimpan') : berubah && !masalah ? t('rencana.belumTersimpan') : ''}
      </span>
    </div>
  );
}
