import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, NetworkError } from '../api.ts';
import { PilihBahasa } from '../components/Bahasa.tsx';
import type { Me } from '@kontrak/umum.ts';

export function Masuk({ onMasuk, berakhir }: { onMasuk: (me: Me, csrfToken: string) => void; berakhir: boolean }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [galat, setGalat] = useState<string | undefined>();
  const [mengirim, setMengirim] = useState(false);
  const pertama = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = `${t('masuk.judul')} · SIKIPER`;
    pertama.current?.focus();
  }, [t]);

  async function kirim(e: FormEvent) {
    e.preventDefault();
    if (!username.trim() || !password) {
      setGalat(t('masuk.wajib'));
      return;
    }
    setMengirim(true);
    setGalat(undefined);
    try {
      const r = await api.login(username.trim(), password);
      onMasuk(r.user, r.csrfToken);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setGalat(err.retryAfter ? `${t('masuk.gagal')} ${t('masuk.tunggu', { detik: err.retryAfter })}` : t('masuk.gagal'));
      else if (err instanceof ApiError && err.status === 429) setGalat(t('masuk.terlaluSering'));
      else if (err instanceof NetworkError) setGalat(t('galat.jaringan'));
      else setGalat(t('galat.server'));
      setPassword('');
    } finally {
      setMengirim(false);
    }
  }

  return (
    <div className="masuk-latar">
      <main className="masuk-kartu">
        <div className="masuk-atas">
          <div>
            <Text fw={800} size="xl" c="var(--warna-merek)">
              SIKIPER
            </Text>
            <Text size="sm" c="dimmed">
              {t('masuk.subjudul')}
            </Text>
          </div>
          <PilihBahasa />
        </div>
        <Title order={1} size="h3" mt="md">
          {t('masuk.judul')}
        </Title>
        {berakhir && (
          <Alert color="yellow" mt="sm">
            {t('masuk.sesiBerakhir')}
          </Alert>
        )}
        <form onSubmit={(e) => void kirim(e)} noValidate>
          <Stack mt="md" gap="sm">
            <TextInput ref={pertama} label={t('masuk.namaPengguna')} name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} value={username} onChange={(e) => setUsername(e.currentTarget.value)} required />
            <PasswordInput label={t('masuk.kataSandi')} name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} required />
            {galat && (
              <Alert color="red" role="alert">
                {galat}
              </Alert>
            )}
            <Button type="submit" loading={mengirim} fullWidth>
              {t('masuk.tombol')}
            </Button>
          </Stack>
        </form>
      </main>
    </div>
  );
}
