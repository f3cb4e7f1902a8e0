import { Alert, Button, FileInput, Group, List, NativeSelect, Table, Text } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import type { GagalImpor, HasilImpor, JenisImpor, Selisih } from '@kontrak/tukar.ts';
import { apiTukar } from '../api-tukar.ts';
import { Bagian, Galat } from '../components/Bagian.tsx';
import { Gulir } from '../components/Gulir.tsx';
import { BarisPilihan, usePilihan } from '../components/Pilihan.tsx';
import { punya, useSesi } from '../session.tsx';
import { KepalaHalaman } from '../components/KepalaHalaman.tsx';

/** Rows shown per change list; the rest is counted (a 5.000-row Renja stays responsive). */
const BARIS_TAMPIL = 200;

type Tahap =
  | { k: 'pilih' }
  | { k: 'memeriksa' }
  | { k: 'pratinjau'; hasil: HasilImpor }
  | { k: 'menyimpan'; hasil: HasilImpor }
  | { k: 'selesai'; hasil: HasilImpor }
  | { k: 'ditolak'; gagal: GagalImpor }
  | { k: 'galat'; galat: unknown };

function gagalDari(e: unknown): GagalImpor | undefined {
  if (e instanceof ApiError && [409, 413, 422].includes(e.status) && Array.isArray(e.body.galat)) return e.body as unknown as GagalImpor;
  return undefined;
}

export function Impor() {
  const { t } = useTranslation();
  const { me } = useSesi();
  const p = usePilihan();
  const bisaRenja = punya(me, 'perencana', 'admin-pemda');
  const bisaRealisasi = punya(me, 'perencana', 'keuangan');
  const [jenis, setJenis] = useState<JenisImpor>(bisaRenja ? 'renja' : 'realisasi');
  const [versi, setVersi] = useState<'murni' | 'perubahan'>('murni');
  const [berkas, setBerkas] = useState<File | null>(null);
  const [tahap, setTahap] = useState<Tahap>({ k: 'pilih' });

  useEffect(() => {
    document.title = `${t('tukar.impor.judul')} · SIKIPER`;
  }, [t]);

  // A preview belongs to one file and one target: choosing another clears it.
  useEffect(() => setTahap({ k: 'pilih' }), [berkas, jenis, versi, p.opd, p.tahun]);

  const pratinjau = async () => {
    if (!berkas || !p.opd) return;
    setTahap({ k: 'memeriksa' });
    try {
      setTahap({ k: 'pratinjau', hasil: await apiTukar.pratinjauImpor(me.pemda.slug, p.opd, p.tahun, jenis, berkas, { versi }) });
    } catch (e) {
      const g = gagalDari(e);
      setTahap(g ? { k: 'ditolak', gagal: g } : { k: 'galat', galat: e });
    }
  };

  const simpan = async (hasil: HasilImpor) => {
    if (!berkas || !p.opd) return;
    setTahap({ k: 'menyimpan', hasil });
    try {
      setTahap({ k: 'selesai', hasil: await apiTukar.simpanImpor(me.pemda.slug, p.opd, p.tahun, jenis, berkas, hasil.berkas.sha256, { versi }) });
    } catch (e) {
      const g = gagalDari(e);
      setTahap(g ? { k: 'ditolak', gagal: g } : { k: 'galat', galat: e });
    }
  };

  const jenisData = [...(bisaRenja ? [{ value: 'renja', label: t('tukar.impor.renja') }] : []), ...(bisaRealisasi ? [{ value: 'realisasi', label: t('tukar.impor.realisasi') }] : [])];

  return (
    <div className="halaman">
      <KepalaHalaman judul={t('tukar.impor.judul')} keterangan={<>{p.opdNama ?? p.opd} · {p.tahun}</>}>
        <BarisPilihan p={p} />
      </KepalaHalaman>

      <Bagian
        judul={t('tukar.impor.berkas')}
        id="impor-berkas"
        aksi={
          <Button component="a" href={apiTukar.templatUrl(me.pemda.slug, jenis)} download variant="default" size="xs">
            {t('tukar.impor.templat')}
          </Button>
        }
      >
        <form
          className="impor-form"
          onSubmit={(e) => {
            e.preventDefault();
            void pratinjau();
          }}
        >
          <Group align="flex-end" wrap="wrap" gap="md">
            <NativeSelect label={t('tukar.impor.jenis')} value={jenis} onChange={(e) => setJenis(e.currentTarget.value as JenisImpor)} data={jenisData} />
            {jenis === 'renja' && (
              <NativeSelect
                label={t('tukar.impor.versi')}
                value={versi}
                onChange={(e) => setVersi(e.currentTarget.value as 'murni' | 'perubahan')}
                data={[
                  { value: 'murni', label: t('tukar.impor.murni') },
                  { value: 'perubahan', label: t('tukar.impor.perubahan') },
                ]}
              />
            )}
            <FileInput
              label={t('tukar.impor.berkas')}
              description={t('tukar.impor.berkasKet')}
              placeholder={t('tukar.impor.pilihBerkas')}
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={berkas}
              onChange={setBerkas}
              clearable
              miw={260}
              name="berkas"
            />
            <Button type="submit" disabled={!berkas || !p.opd} loading={tahap.k === 'memeriksa'}>
              {t('tukar.impor.pratinjau')}
            </Button>
          </Group>
        </form>
      </Bagian>

      {tahap.k === 'galat' && <Galat galat={tahap.galat} />}
      {tahap.k === 'ditolak' && <DaftarGalat gagal={tahap.gagal} />}
      {tahap.k === 'ditolak' && tahap.gagal.pratinjau && <Pratinjau hasil={{ jenis, berkas: tahap.gagal.berkas ?? { nama: '', ukuran: 0, sha256: '' }, pratinjau: tahap.gagal.pratinjau, galat: tahap.gagal.galat, ditulis: false }} />}
      {(tahap.k === 'pratinjau' || tahap.k === 'menyimpan') && (
        <>
          <Pratinjau hasil={tahap.hasil} />
          <Alert color="blue" className="impor-konfirmasi">
            <Text size="sm" mb="xs">
              {t('tukar.impor.konfirmasi')}
            </Text>
            <Button onClick={() => void simpan(tahap.hasil)} loading={tahap.k === 'menyimpan'}>
              {t('tukar.impor.simpan')}
            </Button>
          </Alert>
        </>
      )}
      {tahap.k === 'selesai' && (
        <Alert color="green" role="status" title={t('tukar.impor.berhasil', { berkas: tahap.hasil.berkas.nama })}>
          <Ringkasan hasil={tahap.hasil} />
          <Button mt="xs" size="xs" variant="light" onClick={() => setBerkas(null)}>
            {t('tukar.impor.ulang')}
          </Button>
        </Alert>
      )}
    </div>
  );
}

function DaftarGalat({ gagal }: { gagal: GagalImpor }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" role="alert" title={gagal.error === 'berkas-berbeda' ? t('tukar.impor.berkasBerbeda') : t('tukar.impor.galatJudul', { n: gagal.galat.length })}>
      <Text size="sm" mb="xs">
        {gagal.message}. {t('tukar.impor.galatKet')}
      </Text>
      <Gulir minWidth={480} label={t('tukar.impor.kolomPesan')}>
        <Table className="tabel-galat" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('tukar.impor.kolomLokasi')}</Table.Th>
              <Table.Th scope="col">{t('tukar.impor.kolomPesan')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {gagal.galat.map((g, i) => (
              <Table.Tr key={i} className="baris-galat">
                <Table.Td className="kode">{g.lokasi || gagal.berkas?.nama || '—'}</Table.Td>
                <Table.Td>{g.pesan}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Gulir>
    </Alert>
  );
}

function Ringkasan({ hasil }: { hasil: HasilImpor }) {
  const { t } = useTranslation();
  const pr = hasil.pratinjau;
  const baris: Array<[string, Selisih]> = [];
  if (pr.renja) baris.push([t('tukar.impor.bagianRenja', { versi: pr.versi ?? '' }), pr.renja]);
  if (pr.dpa) baris.push([t('tukar.impor.bagianDpa', { versi: pr.dpa.versi }), pr.dpa]);
  if (pr.kinerja) baris.push([t('tukar.impor.bagianKinerja', { lembar: pr.kinerja.lembar }), pr.kinerja]);
  if (pr.anggaran) baris.push([t('tukar.impor.bagianAnggaran', { lembar: pr.anggaran.lembar, versi: pr.anggaran.versi }), pr.anggaran]);
  return (
    <List size="sm">
      {baris.map(([judul, s]) => (
        <List.Item key={judul}>
          {judul}: {t('tukar.impor.ringkasan', { tambah: s.tambah.length, ubah: s.ubah.length, hapus: s.hapus.length, tetap: s.tetap })}
        </List.Item>
      ))}
    </List>
  );
}

function Pratinjau({ hasil }: { hasil: HasilImpor }) {
  const { t } = useTranslation();
  const pr = hasil.pratinjau;
  const bagian: Array<{ id: string; judul: string; s: Selisih }> = [];
  if (pr.renja) bagian.push({ id: 'renja', judul: t('tukar.impor.bagianRenja', { versi: pr.versi ?? '' }), s: pr.renja });
  if (pr.dpa) bagian.push({ id: 'dpa', judul: t('tukar.impor.bagianDpa', { versi: pr.dpa.versi }), s: pr.dpa });
  if (pr.kinerja) bagian.push({ id: 'kinerja', judul: t('tukar.impor.bagianKinerja', { lembar: pr.kinerja.lembar }), s: pr.kinerja });
  if (pr.anggaran) bagian.push({ id: 'anggaran', judul: t('tukar.impor.bagianAnggaran', { lembar: pr.anggaran.lembar, versi: pr.anggaran.versi }), s: pr.anggaran });
  return (
    <>
      {pr.peringatan.length > 0 && (
        <Alert color="yellow" title={t('tukar.impor.peringatan')}>
          <List size="sm">
            {pr.peringatan.map((w, i) => (
              <List.Item key={i}>{w}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {bagian.map((b) => (
        <Bagian key={b.id} judul={b.judul} id={`pratinjau-${b.id}`}>
          <Text size="sm" c="dimmed" mb="xs" className="ringkasan-selisih">
            {t('tukar.impor.ringkasan', { tambah: b.s.tambah.length, ubah: b.s.ubah.length, hapus: b.s.hapus.length, tetap: b.s.tetap })}
          </Text>
          <TabelSelisih s={b.s} label={b.judul} />
        </Bagian>
      ))}
    </>
  );
}

function TabelSelisih({ s, label }: { s: Selisih; label: string }) {
  const { t } = useTranslation();
  const semua = [
    ...s.tambah.map((x) => ({ aksi: 'tambah' as const, x })),
    ...s.ubah.map((x) => ({ aksi: 'ubah' as const, x })),
    ...s.hapus.map((x) => ({ aksi: 'hapus' as const, x })),
  ];
  if (semua.length === 0) return <Text size="sm">{t('tukar.impor.tidakAdaPerubahan')}</Text>;
  const tampil = semua.slice(0, BARIS_TAMPIL);
  const warna: Record<'tambah' | 'ubah' | 'hapus', string> = { tambah: 'var(--mantine-color-green-0)', ubah: 'var(--mantine-color-yellow-0)', hapus: 'var(--mantine-color-red-0)' };
  return (
    <Gulir minWidth={640} label={label}>
      <Table className="tabel-pratinjau" striped={false}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('tukar.impor.kolomAksi')}</Table.Th>
            <Table.Th scope="col">{t('tukar.impor.kolomKode')}</Table.Th>
            <Table.Th scope="col">{t('tukar.impor.kolomNama')}</Table.Th>
            <Table.Th scope="col">{t('tukar.impor.kolomRincian')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tampil.map(({ aksi, x }) => (
            <Table.Tr key={`${aksi}/${x.kode}`} data-aksi={aksi} style={{ background: warna[aksi] }}>
              <Table.Td>{t(`tukar.impor.${aksi}`)}</Table.Td>
              <Table.Td className="kode">{x.kode}</Table.Td>
              <Table.Td>{[x.jenis, x.nama].filter(Boolean).join(' · ')}</Table.Td>
              <Table.Td>
                {x.medan.length > 0 &&
                  x.medan.map(
                    (m): ReactNode => (
                      <div key={m.medan} className="medan-ubah">
                        <strong>{m.medan}</strong>: <del>{m.lama}</del> → <ins>{m.baru}</ins>
                      </div>
                    ),
                  )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {semua.length > tampil.length && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('tukar.impor.lainnya', { n: semua.length - tampil.length })}
        </Text>
      )}
    </Gulir>
  );
}
