import { Text } from '@mantine/core';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { IkonKlip } from './Ikon.tsx';

/**
 * The one control that picks an evidence file (PDF, PNG or JPEG) on every screen: a labelled
 * button over the file input, the size rule or the upload in progress beneath it, and the
 * refusal as an alert that the input names (aria-describedby).
 */
export function PilihBerkas(props: {
  id: string;
  label: string;
  name: string;
  mengunggah: boolean;
  galat: string | undefined;
  pilih: (files: FileList | null) => void;
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useTranslation();
  const { id, galat, mengunggah } = props;
  return (
    <div className="unggah">
      <label className="tombol-unggah" data-disabled={mengunggah || undefined}>
        <IkonKlip />
        {props.label}
        <input
          ref={props.inputRef}
          type="file"
          name={props.name}
          accept="application/pdf,image/png,image/jpeg"
          aria-describedby={`${id}-ket${galat ? ` ${id}-galat` : ''}`}
          onChange={(e) => props.pilih(e.currentTarget.files)}
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
