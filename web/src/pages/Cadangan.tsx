import { Alert, Button, Checkbox, FileInput, Group, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import type { GagalImpor, IsiCadangan, PratinjauCadangan } from '@kontrak/tukar.ts';
import { apiTukar } from '../api-tukar.ts';
import { Bagian, Galat } from '../components/Bagian.tsx';
import { formatAngka, formatTanggalJam } from '../format.ts';
import { useSesi } from '../session.tsx';
import { KepalaHalaman } from '../components/KepalaHalaman.tsx';

type Tahap =
  | { k: 'pilih' }
  | { k: 'memeriksa' }
  | { k: 'pratinjau'; info: PratinjauCadangan }
  | { k: 'memulihkan'; info: PratinjauCadangan }
  | { k: 'selesai'; info: PratinjauCadangan }
  | { k: 'ditolak'; gagal: GagalImpor }
  | { k: 'galat'; galat: unknown };

const ISI: ReadonlyArray<keyof IsiCadangan> = ['opd', 'tahun', 'nodeRenja', 'realisasi', 'barisAnggaran'];

export function Cadangan() {
  const { t } = useTranslation();
  const { me } = useSesi();
  const [berkas, setBerkas] = useState<File | null>(null);
  const [tahap, setTahap] = useState<Tahap>({ k: 'pilih' });
  const [setujuLain, setSetujuLain] = useState(false);

  useEffect(() => {
    document.title = `${t('tukar.cadangan.judul')} · SIKIPER`;
  }, [t]);
  useEffect(() => {
    setTahap({ k: 'pilih' });
    setSetujuLain(false);
  }, [berkas]);

  const gagal = (e: unknown): Tahap => (e instanceof ApiError && Array.isArray(e.body.galat) ? { k: 'ditolak', gagal: e.body as unknown as GagalImpor } : { k: 'galat', galat: e });

  const periksa = async () => {
    if (!berkas) return;
    setTahap({ k: 'memeriksa' });
    try {
      setTahap({ k: 'pratinjau', info: await apiTukar.pratinjauCadangan(me.pemda.slug, berkas) });
    } catch (e) {
      setTahap(gagal(e));
    }
  };

  const pulihkan = async (info: PratinjauCadangan) => {
    if (!berkas) return;
    setTahap({ k: 'memulihkan', info });
    try {
      setTahap({ k: 'selesai', info: await apiTukar.pulihkanCadangan(me.pemda.slug, berkas, info.berkas.sha256, info.asal !== info.pemda.slug) });
    } catch (e) {
      setTahap(gagal(e));
    }
  };

  const info = tahap.k === 'pratinjau' || tahap.k === 'memulihkan' || tahap.k === 'selesai' ? tahap.info : undefined;
  const lain = info !== undefined && info.asal !== info.pemda.slug;

  return (
    <div className="halaman">
      <KepalaHalaman judul={t('tukar.cadangan.judul')} keterangan={me.pemda.nama} />

      <Bagian judul={t('tukar.cadangan.unduhJudul')} id="cadangan-unduh">
        <Text size="sm" mb="sm">
          {t('tukar.cadangan.unduhKet')}
        </Text>
        <Button component="a" href={apiTukar.cadanganUrl(me.pemda.slug)} download>
          {t('tukar.cadangan.unduh')}
        </Button>
      </Bagian>

      <Bagian judul={t('tukar.cadangan.pulihkanJudul')} id="cadangan-pulihkan">
        <Text size="sm" mb="sm">
          {t('tukar.cadangan.pulihkanKet')}
        </Text>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void periksa();
          }}
        >
          <Group align="flex-end" gap="md" wrap="wrap">
            <FileInput label={t('tukar.cadangan.berkas')} value={berkas} onChange={setBerkas} clearable miw={260} accept=".gz,application/gzip" name="cadangan" />
            <Button type="submit" disabled={!berkas} loading={tahap.k === 'memeriksa'}>
              {t('tukar.cadangan.periksa')}
            </Button>
          </Group>
        </form>
      </Bagian>

      {tahap.k === 'galat' && <Galat galat={tahap.galat} />}
      {tahap.k === 'ditolak' && (
        <Alert color="red" role="alert" title={t('tukar.cadangan.ditolak')}>
          {tahap.gagal.galat.map((g, i) => (
            <Text key={i} size="sm" className="baris-galat">
              {g.lokasi ? `${g.lokasi}: ` : ''}
              {g.pesan}
            </Text>
          ))}
        </Alert>
      )}
      {info && (
        <Bagian judul={`${info.berkas.nama} · ${info.pemda.nama}`} id="cadangan-isi">
          <Text size="sm" mb="xs" className="cadangan-meta">
            {t('tukar.cadangan.dibuat')}: {formatTanggalJam(info.dibuat)} · {t('tukar.cadangan.migrasi')}: {info.migrasi}
          </Text>
          <Table className="tabel-cadangan" withTableBorder mb="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('tukar.cadangan.isi')}</Table.Th>
                <Table.Th scope="col" className="angka">
                  {t('tukar.cadangan.diCadangan')}
                </Table.Th>
                <Table.Th scope="col" className="angka">
                  {t('tukar.cadangan.sekarang')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ISI.map((k) => (
                <Table.Tr key={k}>
                  <Table.Th scope="row">{t(`tukar.cadangan.${k}`)}</Table.Th>
                  <Table.Td className="angka">{formatAngka(info.isi[k])}</Table.Td>
                  <Table.Td className="angka">{formatAngka(info.sekarang[k])}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {info.migrasiBerbeda && (
            <Alert color="yellow" mb="sm">
              {t('tukar.cadangan.migrasiBerbeda', { migrasi: info.migrasi })}
            </Alert>
          )}
          {info.pemdaLainDiabaikan.length > 0 && (
            <Alert color="gray" mb="sm">
              {t('tukar.cadangan.diabaikan', { daftar: info.pemdaLainDiabaikan.join(', ') })}
            </Alert>
          )}
          {lain && tahap.k !== 'selesai' && (
            <Alert color="orange" mb="sm">
              <Text size="sm" mb="xs">
                {t('tukar.cadangan.asalLain', { asal: info.asal, pemda: info.pemda.nama })}
              </Text>
              <Checkbox label={t('tukar.cadangan.konfirmasiLain')} checked={setujuLain} onChange={(e) => setSetujuLain(e.currentTarget.checked)} />
            </Alert>
          )}
          {tahap.k === 'selesai' ? (
            <Alert color="green" role="status">
              {t('tukar.cadangan.berhasil', { tanggal: formatTanggalJam(info.dibuat) })}
            </Alert>
          ) : (
            <Alert color="blue">
              <Text size="sm" mb="xs">
                {t('tukar.cadangan.konfirmasi')}
              </Text>
              <Button color="red" onClick={() => void pulihkan(info)} loading={tahap.k === 'memulihkan'} disabled={lain && !setujuLain}>
                {t('tukar.cadangan.pulihkan')}
              </Button>
            </Alert>
          )}
        </Bagian>
      )}
    </div>
  );
}
