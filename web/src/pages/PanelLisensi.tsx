/** The admin pemda's open-data licence (Pengaturan, tab "Lisensi data terbuka"); see docs/open-data.md. */
import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pengaturan as DataPengaturan } from '@kontrak/pengaturan.ts';
import { ApiError } from '../api.ts';
import { apiPengaturan } from '../api-pengaturan.ts';
import { Galat, Memuat } from '../components/Bagian.tsx';
import { useMuat } from '../muat.ts';
import { useSesi } from '../session.tsx';

const CC_BY = { nama: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' };

export function PanelLisensi() {
  const { t } = useTranslation();
  const { me } = useSesi();
  const [muatan, ulang, ubah] = useMuat<DataPengaturan>(() => apiPengaturan.pengaturan(me.pemda.slug), [me.pemda.slug]);
  const [nama, setNama] = useState('');
  const [url, setUrl] = useState('');
  const [hasil, setHasil] = useState<{ ok: boolean; teks: string } | undefined>();
  const [kirim, setKirim] = useState(false);
  const data = muatan.keadaan === 'ada' ? muatan.data : undefined;
  useEffect(() => {
    if (!data) return;
    setNama(data.lisensi.nama);
    setUrl(data.lisensi.url);
  }, [data]);
  if (muatan.keadaan === 'memuat') return <Memuat />;
  if (muatan.keadaan === 'galat' || !data) return <Galat galat={muatan.keadaan === 'galat' ? muatan.galat : undefined} ulang={ulang} />;

  const simpan = async (e: FormEvent) => {
    e.preventDefault();
    setHasil(undefined);
    setKirim(true);
    try {
      const baru = await apiPengaturan.ubahPengaturan(me.pemda.slug, { version: data.version, lisensi: { nama: nama.trim(), url: url.trim() } });
      ubah(() => baru);
      setHasil({ ok: true, teks: t('pengaturan.tersimpan') });
    } catch (x) {
      let teks = (x as Error).message;
      if (x instanceof ApiError && x.status === 409) teks = t('pengaturan.versiUsang');
      else if (x instanceof ApiError && Array.isArray(x.body.issues)) teks = (x.body.issues as Array<{ path: string; message: string }>).map((i) => `${i.path}: ${i.message}`).join('; ');
      else if (x instanceof ApiError && typeof x.body.message === 'string') teks = x.body.message;
      setHasil({ ok: false, teks });
    } finally {
      setKirim(false);
    }
  };

  return (
    <form onSubmit={(e) => void simpan(e)} className="form-pengaturan">
      <Stack gap="sm" maw={640}>
        <Text size="sm">{t('pengaturan.lisensi.ket')}</Text>
        <TextInput label={t('pengaturan.lisensi.nama')} value={nama} onChange={(e) => setNama(e.currentTarget.value)} required maxLength={120} />
        <TextInput label={t('pengaturan.lisensi.url')} type="url" value={url} onChange={(e) => setUrl(e.currentTarget.value)} required maxLength={500} />
        <Text size="sm">
          <Anchor href={`/publik/${encodeURIComponent(me.pemda.slug)}`}>{t('pengaturan.lisensi.halaman')}</Anchor>
        </Text>
        {hasil && (
          <Alert color={hasil.ok ? 'green' : 'red'} role={hasil.ok ? 'status' : 'alert'}>
            {hasil.teks}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={kirim}>
            {t('pengaturan.simpan')}
          </Button>
          <Button
            variant="default"
            onClick={() => {
              setNama(CC_BY.nama);
              setUrl(CC_BY.url);
            }}
          >
            {t('pengaturan.lisensi.bawaan')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
