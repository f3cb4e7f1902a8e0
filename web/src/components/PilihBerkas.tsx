import { Text } from '@mantine/core';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../api.ts';
import { formatAngka } from '../format.ts';
import { IkonKlip } from './Ikon.tsx';

/** What the server takes as evidence (src/db/schema-app.ts: MIME_BUKTI, UKURAN_BUKTI_MAKS). */
export const BATAS_BUKTI = 5 * 1024 * 1024;
const JENIS_BUKTI = ['application/pdf', 'image/png', 'image/jpeg'];

/**
 * The one control that uploads an evidence file on every screen: a labelled button over the file
 * input, the size rule or the upload in progress beneath it, a file of the wrong type or size
 * refused before it is sent, and every refusal as an alert that the input names.
 */
export function PilihBerkas(props: { label: string; name: string; unggah: (f: File) => Promise<void> }) {
  const { t } = useTranslation();
  const id = useId();
  const [galat, setGalat] = useState<string | undefined>();
  const [mengunggah, setMengunggah] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function pilih(files: FileList | null) {
    const f = files?.[0];
    setGalat(undefined);
    if (!f) return;
    const ukuran = () => t('bukti.ukuran', { mb: formatAngka(f.size / 1024 / 1024, 1) });
    if (!JENIS_BUKTI.includes(f.type)) setGalat(t('bukti.jenis'));
    else if (f.size > BATAS_BUKTI) setGalat(ukuran());
    else {
      setMengunggah(true);
      try {
        await props.unggah(f);
      } catch (e) {
        setGalat(
          e instanceof ApiError && e.status === 413
            ? ukuran()
            : e instanceof NetworkError
              ? t('galat.jaringan')
              : e instanceof ApiError && typeof e.body.message === 'string'
                ? `${t('bukti.gagal')} ${e.body.message}`
                : t('bukti.gagal'),
        );
      } finally {
        setMengunggah(false);
      }
    }
    if (input.current) input.current.value = '';
  }

  return (
    <div className="unggah">
      <label className="tombol-unggah" data-disabled={mengunggah || undefined}>
        <IkonKlip />
        {props.label}
        <input
          ref={input}
          type="file"
          name={props.name}
          accept={JENIS_BUKTI.join(',')}
          aria-describedby={`${id}-ket${galat ? ` ${id}-galat` : ''}`}
          onChange={(e) => void pilih(e.currentTarget.files)}
          disabled={mengunggah}
        />
      </label>
      <Text size="xs" c="dimmed" id={`${id}-ket`}>
        {mengunggah ? t('bukti.mengunggah') : t('bukti.ket')}
      </Text>
      {galat && (
        <Text size="sm" c="red.9" id={`${id}-galat`} role="alert">
          {galat}
        </Text>
      )}
    </div>
  );
}
