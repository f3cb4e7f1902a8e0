/**
 * API tokens of the pemda (admin pemda): create a named token with scopes and a lifetime, see
 * its secret once (with a copy button and a warning), list the tokens without their secrets,
 * revoke one.
 */
import type { CakupanToken, DaftarToken, TokenBaru } from '@kontrak/token.ts';
import { Alert, Button, Checkbox, CopyButton, Group, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiToken } from '../api-token.ts';
import { Bagian, Galat, Memuat } from '../components/Bagian.tsx';
import { KepalaHalaman } from '../components/KepalaHalaman.tsx';
import { formatTanggalJam } from '../format.ts';
import { useSesi } from '../session.tsx';

/** The scopes in the order the server lists them (the type checker holds the list to the contract). */
const CAKUPAN = Object.keys({
  baca: true,
  'tulis:entri': true,
  'tulis:rencana': true,
  'tulis:anggaran': true,
  'tulis:register': true,
} satisfies Record<CakupanToken, true>) as CakupanToken[];

export function Token() {
  const { t } = useTranslation();
  const { me } = useSesi();
  const pemda = me.pemda.slug;
  const [data, setData] = useState<DaftarToken | { galat: unknown } | undefined>();
  const [nama, setNama] = useState('');
  const [cakupan, setCakupan] = useState<CakupanToken[]>(['baca']);
  const [hari, setHari] = useState<number | string>(90);
  const [galatIsian, setGalatIsian] = useState<string | undefined>();
  const [galatKirim, setGalatKirim] = useState<unknown>();
  const [baru, setBaru] = useState<TokenBaru | undefined>();
  const [sibuk, setSibuk] = useState(false);

  useEffect(() => {
    document.title = `${t('token.judul')} · SIKIPER`;
  }, [t]);

  const muat = useCallback(() => {
    let aktif = true;
    apiToken.daftar(pemda).then(
      (d) => aktif && setData(d),
      (e: unknown) => aktif && setData({ galat: e }),
    );
    return () => {
      aktif = false;
    };
  }, [pemda]);
  useEffect(muat, [muat]);

  const kirim = async (e: FormEvent) => {
    e.preventDefault();
    const berlakuHari = typeof hari === 'number' ? hari : Number(hari);
    if (nama.trim() === '') return setGalatIsian(t('token.namaWajib'));
    if (!Number.isInteger(berlakuHari) || berlakuHari < 1 || berlakuHari > 366) return setGalatIsian(t('token.berlakuTidakSah'));
    if (cakupan.some((c) => c.startsWith('tulis:')) && !cakupan.includes('baca')) return setGalatIsian(t('token.tulisPerluBaca'));
    setGalatIsian(undefined);
    setGalatKirim(undefined);
    setSibuk(true);
    try {
      const r = await apiToken.buat(pemda, { nama: nama.trim(), cakupan, berlakuHari });
      setBaru(r);
      setNama('');
      setCakupan(['baca']);
      muat();
    } catch (err) {
      setGalatKirim(err);
    } finally {
      setSibuk(false);
    }
  };

  const cabut = async (id: string, namaToken: string) => {
    if (!window.confirm(t('token.cabutYakin', { nama: namaToken }))) return;
    setGalatKirim(undefined);
    try {
      await apiToken.cabut(pemda, id);
      muat();
    } catch (err) {
      setGalatKirim(err);
    }
  };

  const sekarang = Date.now();
  const status = (x: DaftarToken['token'][number]) =>
    x.dicabutPada ? t('token.dicabut', { pada: formatTanggalJam(x.dicabutPada) }) : Date.parse(x.kedaluwarsa) <= sekarang ? t('token.kedaluwarsaStatus') : t('token.aktif');

  return (
    <Stack gap="md">
      <KepalaHalaman judul={t('token.judul')} keterangan={me.pemda.nama} />
      <Text size="sm">{t('token.ket')}</Text>
      <Text size="sm">{t('token.dokumentasi')}</Text>

      {baru && (
        <Alert color="yellow" role="alert" title={t('token.baruJudul', { nama: baru.token.nama })} styles={{ title: { color: 'var(--mantine-color-text)' } }}>
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {t('token.baruPeringatan')}
            </Text>
            <TextInput label={t('token.rahasia')} value={baru.rahasia} readOnly onFocus={(e) => e.currentTarget.select()} styles={{ input: { fontFamily: 'monospace' } }} />
            <Group gap="xs">
              <CopyButton value={baru.rahasia}>
                {({ copied, copy }) => (
                  <Button onClick={copy} aria-live="polite">
                    {copied ? t('token.tersalin') : t('token.salin')}
                  </Button>
                )}
              </CopyButton>
              <Button variant="default" onClick={() => setBaru(undefined)}>
                {t('token.tutup')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}

      <Bagian judul={t('token.buatJudul')} id="token-buat">
        <form onSubmit={(e) => void kirim(e)} aria-labelledby="token-buat-judul">
          <Stack gap="sm">
            <TextInput label={t('token.nama')} description={t('token.namaKet')} value={nama} onChange={(e) => setNama(e.currentTarget.value)} maxLength={100} autoComplete="off" required />
            <Checkbox.Group label={t('token.cakupan')} value={cakupan} onChange={(v) => setCakupan(CAKUPAN.filter((c) => v.includes(c)))}>
              <Stack gap={6} mt={6}>
                {CAKUPAN.map((c) => (
                  <Checkbox key={c} value={c} label={`${t(`token.cakupanNama.${c}`)} (${c})`} />
                ))}
              </Stack>
            </Checkbox.Group>
            <NumberInput label={t('token.berlaku')} value={hari} onChange={setHari} min={1} max={366} allowDecimal={false} w={200} />
            {galatIsian && (
              <Text c="red" size="sm" role="alert">
                {galatIsian}
              </Text>
            )}
            {galatKirim !== undefined && <Galat galat={galatKirim} />}
            <Group>
              <Button type="submit" loading={sibuk}>
                {t('token.buat')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Bagian>

      <Bagian judul={t('token.daftar')} id="token-daftar">
        {data === undefined ? (
          <Memuat />
        ) : 'galat' in data ? (
          <Galat galat={data.galat} ulang={muat} />
        ) : data.token.length === 0 ? (
          <Text>{t('token.kosong')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table striped withTableBorder aria-labelledby="token-daftar-judul">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('token.nama')}</Table.Th>
                  <Table.Th scope="col">{t('token.prefix')}</Table.Th>
                  <Table.Th scope="col">{t('token.cakupan')}</Table.Th>
                  <Table.Th scope="col">{t('token.dibuatOleh')}</Table.Th>
                  <Table.Th scope="col">{t('token.kedaluwarsa')}</Table.Th>
                  <Table.Th scope="col">{t('token.terakhirDipakai')}</Table.Th>
                  <Table.Th scope="col">{t('token.status')}</Table.Th>
                  <Table.Th scope="col">{t('token.aksi')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.token.map((x) => (
                  <Table.Tr key={x.id} data-token={x.prefix}>
                    <Table.Td>{x.nama}</Table.Td>
                    <Table.Td>
                      <code>{x.prefix}…</code>
                    </Table.Td>
                    <Table.Td>{x.cakupan.join(', ')}</Table.Td>
                    <Table.Td>
                      {x.dibuatOleh}
                      <br />
                      <Text span size="xs">
                        {formatTanggalJam(x.dibuatPada)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatTanggalJam(x.kedaluwarsa)}</Table.Td>
                    <Table.Td>{x.terakhirDipakai ? formatTanggalJam(x.terakhirDipakai) : t('token.belumDipakai')}</Table.Td>
                    <Table.Td>{status(x)}</Table.Td>
                    <Table.Td>
                      {!x.dicabutPada && (
                        <Button size="xs" color="red" variant="light" aria-label={t('token.cabutLabel', { nama: x.nama })} onClick={() => void cabut(x.id, x.nama)}>
                          {t('token.cabut')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Bagian>
    </Stack>
  );
}
