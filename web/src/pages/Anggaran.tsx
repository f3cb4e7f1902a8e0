import { Alert, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import type { AnggaranOpd, BarisAnggaran } from '@kontrak/pengaturan.ts';
import { apiPengaturan } from '../api-pengaturan.ts';
import { Galat, Memuat } from '../components/Bagian.tsx';
import { Gulir } from '../components/Gulir.tsx';
import { BarisPilihan, usePilihan } from '../components/Pilihan.tsx';
import { formatPersen, formatRupiah } from '../format.ts';
import { parseRupiah } from '../bantu-pengaturan.ts';
import { useMuat } from '../muat.ts';
import '../pengaturan.css';
import { useSesi } from '../session.tsx';

/** Unsaved input per line: the text typed and the version it was typed against. */
type Isian = Record<string, { realisasi: string; version: number }>;

const kunci = (username: string, pemda: string, opd: string, tahun: number) => `sikiper:anggaran:v1:${[username, pemda, opd, tahun].map(encodeURIComponent).join('/')}`;

function bacaIsian(key: string): Isian {
  try {
    const v = JSON.parse(localStorage.getItem(key) ?? '{}') as unknown;
    return v && typeof v === 'object' ? (v as Isian) : {};
  } catch {
    return {};
  }
}

function tulisIsian(key: string, isian: Isian): void {
  try {
    if (Object.keys(isian).length === 0) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(isian));
  } catch {
    // Storage full or disabled: the input stays on screen.
  }
}

const INDEN: Record<string, number> = { program: 0, kegiatan: 1, 'sub-kegiatan': 2 };

export function Anggaran() {
  const { t } = useTranslation();
  const { me } = useSesi();
  const p = usePilihan();
  const [muatan, ulang, ubah] = useMuat<AnggaranOpd>(p.opd ? () => apiPengaturan.anggaran(me.pemda.slug, p.opd ?? '', p.tahun) : undefined, [me.pemda.slug, p.opd, p.tahun]);
  const key = kunci(me.username, me.pemda.slug, p.opd ?? '', p.tahun);
  const [isian, setIsian] = useState<Isian>(() => bacaIsian(key));
  const [hasil, setHasil] = useState<{ ok: boolean; teks: string } | undefined>();
  const [kirim, setKirim] = useState(false);
  const [usang, setUsang] = useState(false);

  useEffect(() => {
    document.title = `${t('pengaturan.anggaran.judul')} · SIKIPER`;
  }, [t]);
  useEffect(() => {
    setIsian(bacaIsian(key));
    setHasil(undefined);
  }, [key]);

  const ubahIsian = (b: BarisAnggaran, teks: string) => {
    setIsian((x) => {
      const next = { ...x };
      if (teks.trim() === '' && b.realisasi === 0) delete next[b.kode];
      else next[b.kode] = { realisasi: teks, version: x[b.kode]?.version ?? b.version };
      tulisIsian(key, next);
      return next;
    });
  };

  const data = muatan.keadaan === 'ada' ? muatan.data : undefined;
  // After a conflict the person reloads on purpose: the input stays and now applies to the newest version.
  useEffect(() => {
    if (!data || !usang) return;
    setUsang(false);
    setIsian((x) => {
      const next: Isian = {};
      for (const [k, v] of Object.entries(x)) next[k] = { ...v, version: data.baris.find((b) => b.kode === k)?.version ?? v.version };
      tulisIsian(key, next);
      return next;
    });
  }, [data, usang, key]);
  /** Lines whose input differs from what is stored, with their parsed amount or error. */
  const berubah = useMemo(() => {
    if (!data) return [];
    return data.baris.flatMap((b) => {
      const x = isian[b.kode];
      if (!x) return [];
      const n = parseRupiah(x.realisasi);
      if (n === b.realisasi) return [];
      return [{ b, x, n }];
    });
  }, [data, isian]);

  let isi: React.ReactNode;
  if (!p.opd && !p.memuatOpd) isi = <Alert color="gray">{t('pilihan.tanpaOpd')}</Alert>;
  else if (!p.opd || muatan.keadaan === 'memuat') isi = <Memuat />;
  else if (muatan.keadaan === 'galat' || !data) isi = <Galat galat={muatan.keadaan === 'galat' ? muatan.galat : undefined} ulang={ulang} />;
  else if (data.baris.length === 0) isi = <Alert color="gray">{t('pengaturan.anggaran.tanpaDpa')}</Alert>;
  else {
    const salah = berubah.filter((c) => c.n === undefined || c.n < 0);
    const simpan = async (e: FormEvent) => {
      e.preventDefault();
      setHasil(undefined);
      if (berubah.length === 0) {
        setHasil({ ok: true, teks: t('pengaturan.anggaran.tidakAda') });
        return;
      }
      if (salah.length > 0) {
        setHasil({ ok: false, teks: t('pengaturan.periksa') });
        return;
      }
      setKirim(true);
      try {
        const baru = await apiPengaturan.simpanAnggaran(
          me.pemda.slug,
          p.opd ?? '',
          p.tahun,
          berubah.map((c) => ({ kode: c.b.kode, version: c.x.version, realisasi: c.n ?? 0 })),
        );
        ubah(() => baru);
        // Only what the server confirmed leaves the draft.
        const tetap: Isian = {};
        for (const [k, v] of Object.entries(isian)) {
          const s = baru.baris.find((b) => b.kode === k);
          if (s && parseRupiah(v.realisasi) !== s.realisasi) tetap[k] = v;
        }
        setIsian(tetap);
        tulisIsian(key, tetap);
        setHasil({ ok: true, teks: t('pengaturan.anggaran.tersimpan') });
      } catch (x) {
        const teks =
          x instanceof ApiError && x.status === 409
            ? t('pengaturan.versiUsang')
            : x instanceof ApiError && Array.isArray(x.body.issues)
              ? (x.body.issues as Array<{ path: string; message: string }>).map((i) => i.message).join('; ')
              : (x as Error).message;
        setHasil({ ok: false, teks });
      } finally {
        setKirim(false);
      }
    };
    const peringatan = new Map(data.peringatan.map((w) => [w.kode, w.pesan]));
    const program = data.baris.filter((b) => b.level === 'program');
    const total = { pagu: program.reduce((a, b) => a + b.pagu, 0), realisasi: program.reduce((a, b) => a + b.realisasi, 0) };
    isi = (
      <form onSubmit={(e) => void simpan(e)} noValidate>
        <Stack gap="sm">
          <Text size="sm">{data.bolehUbah ? t('pengaturan.anggaran.ket') : t('pengaturan.anggaran.bacaSaja')}</Text>
          {berubah.length > 0 && (
            <Alert color="yellow" role="status">
              {t('pengaturan.anggaran.draf', { n: berubah.length })}
            </Alert>
          )}
          <Gulir minWidth={640} label={t('pengaturan.anggaran.judul')}>
            <Table striped withTableBorder className="tabel-anggaran">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('pengaturan.anggaran.kode')}</Table.Th>
                  <Table.Th>{t('pengaturan.anggaran.uraian')}</Table.Th>
                  <Table.Th className="angka">{t('pengaturan.anggaran.pagu')}</Table.Th>
                  <Table.Th className="angka">{t('pengaturan.anggaran.realisasi')}</Table.Th>
                  <Table.Th className="angka">{t('pengaturan.anggaran.serapan')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.baris.map((b) => {
                  const x = isian[b.kode];
                  const n = x ? parseRupiah(x.realisasi) : b.realisasi;
                  const galat = x && n === undefined ? t('pengaturan.anggaran.galatAngka') : n !== undefined && n < 0 ? t('pengaturan.anggaran.galatNegatif') : undefined;
                  const lebih = n !== undefined && n > b.pagu ? t('pengaturan.anggaran.melebihi') : peringatan.get(b.kode);
                  return (
                    <Table.Tr key={b.kode} data-kode={b.kode} className={b.diisi ? undefined : 'baris-induk'}>
                      <Table.Td>
                        <Text size="sm" style={{ paddingLeft: `${(INDEN[b.level ?? ''] ?? 0) * 0.75}rem` }}>
                          {b.kode}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={b.diisi ? 400 : 600}>
                          {b.nama}
                        </Text>
                      </Table.Td>
                      <Table.Td className="angka">{formatRupiah(b.pagu)}</Table.Td>
                      <Table.Td className="angka">
                        {data.bolehUbah && b.diisi ? (
                          <TextInput
                            size="xs"
                            aria-label={`${t('pengaturan.anggaran.realisasi')} ${b.kode}`}
                            value={x?.realisasi ?? new Intl.NumberFormat('id-ID').format(b.realisasi)}
                            onChange={(e) => ubahIsian(b, e.currentTarget.value)}
                            inputMode="numeric"
                            error={galat}
                            description={!galat && lebih ? lebih : undefined}
                            styles={{ input: { textAlign: 'right' } }}
                            w={170}
                          />
                        ) : (
                          <span>{formatRupiah(b.realisasi)}</span>
                        )}
                      </Table.Td>
                      <Table.Td className="angka">{b.pagu > 0 ? formatPersen((b.realisasi / b.pagu) * 100) : '–'}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th />
                  <Table.Th>{t('pengaturan.anggaran.total')}</Table.Th>
                  <Table.Th className="angka">{formatRupiah(total.pagu)}</Table.Th>
                  <Table.Th className="angka" data-total-realisasi>
                    {formatRupiah(total.realisasi)}
                  </Table.Th>
                  <Table.Th className="angka">{total.pagu > 0 ? formatPersen((total.realisasi / total.pagu) * 100) : '–'}</Table.Th>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Gulir>
          {hasil && (
            <Alert color={hasil.ok ? 'green' : 'red'} role={hasil.ok ? 'status' : 'alert'}>
              {hasil.teks}
              {!hasil.ok && (
                <Button
                  size="xs"
                  variant="light"
                  ml="sm"
                  onClick={() => {
                    setUsang(true);
                    ulang();
                  }}
                >
                  {t('umum.muatUlang')}
                </Button>
              )}
            </Alert>
          )}
          {data.bolehUbah && (
            <Group>
              <Button type="submit" loading={kirim}>
                {t('pengaturan.anggaran.simpan', { n: berubah.length })}
              </Button>
              {berubah.length > 0 && (
                <Button
                  variant="default"
                  onClick={() => {
                    setIsian({});
                    tulisIsian(key, {});
                  }}
                >
                  {t('pengaturan.anggaran.buang')}
                </Button>
              )}
            </Group>
          )}
        </Stack>
      </form>
    );
  }

  return (
    <Stack gap="md">
      <div className="judul-halaman">
        <Title order={1} size="h2">
          {t('pengaturan.anggaran.judul')}
        </Title>
        {p.opd && (
          <Text c="dimmed" size="sm">
            {p.opdNama ?? p.opd} · {p.tahun}
          </Text>
        )}
      </div>
      <BarisPilihan p={p} />
      {isi}
    </Stack>
  );
}
