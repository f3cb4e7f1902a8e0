/**
 * The audit log of the pemda (admin pemda and inspektorat): who changed what, when, from which
 * value to which, filtered by person, kind of data, record and date range, newest first.
 */
import type { AuditQuery, DaftarAudit } from '@kontrak/audit.ts';
import { Alert, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type SaringAudit } from '../api.ts';
import { formatTanggalJam } from '../format.ts';
import { useSesi } from '../session.tsx';

type Entitas = NonNullable<AuditQuery['entity']>;
/** The filter's choices: every entity the server's filter accepts (the type checker holds the list to it). */
const ENTITAS = Object.keys({
  realisasi: true,
  bukti_file: true,
  tenggat: true,
  tenggat_pengecualian: true,
  tahun_opd: true,
  pengguna: true,
  register_baris: true,
  token_api: true,
} satisfies Record<Entitas, true>) as Entitas[];
const PER_HALAMAN = 50;

/** A value of the log as text: numbers and strings as they are, the rest as JSON. */
function nilai(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

/** A date from a date input (local day) as the ISO instant it starts at; `besok` gives the next day's start. */
function awalHari(tanggal: string, besok = false): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(tanggal)) return undefined;
  const d = new Date(`${tanggal}T00:00:00`);
  if (besok) d.setDate(d.getDate() + 1);
  return d.toISOString();
}

export function Audit() {
  const { t } = useTranslation();
  const { me } = useSesi();
  const [isian, setIsian] = useState({ pengguna: '', entity: '', entityKey: '', dari: '', sampai: '' });
  const [saring, setSaring] = useState<SaringAudit>({});
  const [lewati, setLewati] = useState(0);
  const [data, setData] = useState<DaftarAudit | { galat: string } | undefined>();
  const [galatIsian, setGalatIsian] = useState<string | undefined>();

  const muat = useCallback(() => {
    let aktif = true;
    setData(undefined);
    api.daftarAudit(me.pemda.slug, { ...saring, batas: PER_HALAMAN, lewati }).then(
      (d) => aktif && setData(d),
      (e: unknown) => aktif && setData({ galat: (e as Error).message }),
    );
    return () => {
      aktif = false;
    };
  }, [me.pemda.slug, saring, lewati]);
  useEffect(muat, [muat]);

  const kirim = (e: FormEvent) => {
    e.preventDefault();
    if (isian.dari && isian.sampai && isian.sampai < isian.dari) {
      setGalatIsian(t('audit.tanggalTidakSah'));
      return;
    }
    setGalatIsian(undefined);
    setLewati(0);
    setSaring({
      pengguna: isian.pengguna.trim() || undefined,
      entity: ENTITAS.find((e) => e === isian.entity),
      entityKey: isian.entityKey.trim() || undefined,
      dari: awalHari(isian.dari),
      sampai: awalHari(isian.sampai, true),
    });
  };
  const ubah = (k: keyof typeof isian) => (e: { currentTarget: { value: string } }) => {
    const v = e.currentTarget.value;
    setIsian((x) => ({ ...x, [k]: v }));
  };

  return (
    <Stack gap="sm">
      <Title order={1} size="h2">
        {t('audit.judul')}
      </Title>
      <Text size="sm">{t('audit.ket')}</Text>
      <form onSubmit={kirim} aria-label={t('audit.judul')}>
        <Group align="flex-end" gap="xs" wrap="wrap">
          <TextInput label={t('audit.pengguna')} value={isian.pengguna} onChange={ubah('pengguna')} maxLength={64} autoComplete="off" />
          <NativeSelect label={t('audit.entitas')} value={isian.entity} onChange={ubah('entity')} data={[{ value: '', label: t('audit.semua') }, ...ENTITAS.map((e) => ({ value: e, label: e }))]} />
          <TextInput label={t('audit.kunci')} placeholder={t('audit.kunciContoh')} value={isian.entityKey} onChange={ubah('entityKey')} maxLength={200} autoComplete="off" />
          <TextInput type="date" label={t('audit.dari')} value={isian.dari} onChange={ubah('dari')} />
          <TextInput type="date" label={t('audit.sampai')} value={isian.sampai} onChange={ubah('sampai')} />
          <Button type="submit">{t('audit.cari')}</Button>
        </Group>
        {galatIsian && (
          <Text c="red" size="sm" role="alert" mt="xs">
            {galatIsian}
          </Text>
        )}
      </form>
      {data === undefined ? (
        <Text>{t('umum.memuat')}</Text>
      ) : 'galat' in data ? (
        <Alert color="red" role="alert" title={t('audit.gagal')}>
          {data.galat}
        </Alert>
      ) : data.baris.length === 0 ? (
        <Text>{t('audit.kosong')}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table striped withTableBorder className="tabel-audit">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('audit.pada')}</Table.Th>
                  <Table.Th scope="col">{t('audit.oleh')}</Table.Th>
                  <Table.Th scope="col">{t('audit.rekaman')}</Table.Th>
                  <Table.Th scope="col">{t('audit.kolom')}</Table.Th>
                  <Table.Th scope="col">{t('audit.lama')}</Table.Th>
                  <Table.Th scope="col">{t('audit.baru')}</Table.Th>
                  <Table.Th scope="col">{t('audit.permintaan')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.baris.map((b) => (
                  <Table.Tr key={b.id}>
                    <Table.Td>{formatTanggalJam(b.pada)}</Table.Td>
                    <Table.Td>{b.oleh}</Table.Td>
                    <Table.Td>
                      {b.entity}: {b.entityKey}
                    </Table.Td>
                    <Table.Td>{b.field}</Table.Td>
                    <Table.Td>{nilai(b.lama)}</Table.Td>
                    <Table.Td>{nilai(b.baru)}</Table.Td>
                    <Table.Td>
                      <Text size="xs" ff="monospace">
                        {b.requestId ?? '—'}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group gap="xs">
            <Button variant="default" disabled={lewati === 0} onClick={() => setLewati(Math.max(0, lewati - PER_HALAMAN))}>
              {t('audit.sebelumnya')}
            </Button>
            <Button variant="default" disabled={!data.lebih} onClick={() => setLewati(lewati + PER_HALAMAN)}>
              {t('audit.berikutnya')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
