import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, setCsrfToken, setUnauthorizedHandler } from './api.ts';
import { bolehAnggaran, bolehPengaturan } from './api-pengaturan.ts';
import { Tata } from './components/Tata.tsx';
import { Memuat } from './components/Bagian.tsx';
import { Pengaman } from './components/Pengaman.tsx';
import { Masuk } from './pages/Masuk.tsx';
import { TidakDitemukan } from './pages/TidakDitemukan.tsx';
import { navigate, useLokasi } from './router.ts';
import { bolehAudit, bolehCadangan, bolehDasbor, bolehEntri, bolehImpor, bolehRegister, bolehToken, bolehVerifikasi, SesiContext, type Sesi } from './session.tsx';
import type { Me } from '@kontrak/umum.ts';

// Each screen is its own chunk: the login page, the first thing on a slow connection, loads
// only the frame, and a unit head never downloads the verification screen.
/** One more try after a second: a chunk lost to a flaky connection usually arrives the second time. */
function sekaliLagi<T>(muat: () => Promise<T>): () => Promise<T> {
  return () =>
    muat().catch(
      () =>
        new Promise<T>((resolve, reject) => {
          setTimeout(() => {
            muat().then(resolve, reject);
          }, 1000);
        }),
    );
}
const Dasbor = lazy(sekaliLagi(() => import('./pages/Dasbor.tsx').then((m) => ({ default: m.Dasbor }))));
const Entri = lazy(sekaliLagi(() => import('./pages/Entri.tsx').then((m) => ({ default: m.Entri }))));
const Rencana = lazy(sekaliLagi(() => import('./pages/Rencana.tsx').then((m) => ({ default: m.Rencana }))));
const Pengaturan = lazy(sekaliLagi(() => import('./pages/Pengaturan.tsx').then((m) => ({ default: m.Pengaturan }))));
const Anggaran = lazy(sekaliLagi(() => import('./pages/Anggaran.tsx').then((m) => ({ default: m.Anggaran }))));
const Narasi = lazy(sekaliLagi(() => import('./pages/Narasi.tsx').then((m) => ({ default: m.Narasi }))));
const Evaluasi = lazy(sekaliLagi(() => import('./pages/Evaluasi.tsx').then((m) => ({ default: m.Evaluasi }))));
const Audit = lazy(sekaliLagi(() => import('./pages/Audit.tsx').then((m) => ({ default: m.Audit }))));
const Verifikasi = lazy(sekaliLagi(() => import('./pages/Verifikasi.tsx').then((m) => ({ default: m.Verifikasi }))));
const Laporan = lazy(sekaliLagi(() => import('./pages/Laporan.tsx').then((m) => ({ default: m.Laporan }))));
const Impor = lazy(sekaliLagi(() => import('./pages/Impor.tsx').then((m) => ({ default: m.Impor }))));
const Cadangan = lazy(sekaliLagi(() => import('./pages/Cadangan.tsx').then((m) => ({ default: m.Cadangan }))));
const Register = lazy(sekaliLagi(() => import('./pages/Register.tsx').then((m) => ({ default: m.Register }))));
const Token = lazy(sekaliLagi(() => import('./pages/Token.tsx').then((m) => ({ default: m.Token }))));

/** Where a user lands after login: unit heads work on entry, the rest look at the dashboard first. */
export function halamanAwal(me: Me): string {
  if (bolehDasbor(me)) return '/dasbor';
  if (bolehEntri(me)) return '/entri';
  return '/dasbor';
}

type Keadaan = { tahap: 'memuat' } | { tahap: 'keluar'; berakhir?: boolean } | { tahap: 'masuk'; me: Me } | { tahap: 'galat'; pesan: string };

export function App() {
  const { t } = useTranslation();
  const [keadaan, setKeadaan] = useState<Keadaan>({ tahap: 'memuat' });
  const lokasi = useLokasi();

  const muatSesi = useCallback(() => {
    setKeadaan({ tahap: 'memuat' });
    api
      .me()
      .then((me) => {
        setCsrfToken(me.csrfToken);
        setKeadaan({ tahap: 'masuk', me });
      })
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 401) setKeadaan({ tahap: 'keluar' });
        else setKeadaan({ tahap: 'galat', pesan: (e as Error).message });
      });
  }, []);

  useEffect(() => {
    muatSesi();
    // A 401 on any later request means the session ended (expired, or logged out elsewhere);
    // unsent input stays in localStorage and comes back after the next login.
    setUnauthorizedHandler(() => setKeadaan({ tahap: 'keluar', berakhir: true }));
    return () => setUnauthorizedHandler(undefined);
  }, [muatSesi]);

  const sesi = useMemo<Sesi | undefined>(() => {
    if (keadaan.tahap !== 'masuk') return undefined;
    return {
      me: keadaan.me,
      keluar: async (semua = false) => {
        try {
          await (semua ? api.logoutAll() : api.logout());
        } finally {
          setCsrfToken('');
          setKeadaan({ tahap: 'keluar' });
          navigate('/masuk');
        }
      },
    };
  }, [keadaan]);

  useEffect(() => {
    if (keadaan.tahap === 'masuk' && (lokasi.path === '/masuk' || lokasi.path === '/')) navigate(halamanAwal(keadaan.me), { replace: true });
  }, [keadaan, lokasi.path]);

  if (keadaan.tahap === 'memuat') {
    return (
      <Center mih="100vh">
        <Loader aria-label={t('umum.memuat')} />
      </Center>
    );
  }
  if (keadaan.tahap === 'galat') {
    return (
      <Center mih="100vh" p="md">
        <Stack maw={420}>
          <Alert color="red" title={t('galat.server')}>
            {keadaan.pesan}
          </Alert>
          <Button onClick={muatSesi}>{t('umum.cobaLagi')}</Button>
        </Stack>
      </Center>
    );
  }
  if (keadaan.tahap === 'keluar' || !sesi) {
    return (
      <Masuk
        berakhir={keadaan.tahap === 'keluar' && keadaan.berakhir === true}
        onMasuk={(me, token) => {
          setCsrfToken(token);
          setKeadaan({ tahap: 'masuk', me: { ...me, csrfToken: token } });
        }}
      />
    );
  }

  const me = sesi.me;
  let halaman: React.ReactNode;
  switch (lokasi.path) {
    case '/':
    case '/masuk':
    case '/dasbor':
      halaman = bolehDasbor(me) ? <Dasbor /> : <TidakDitemukan terlarang ke={halamanAwal(me)} />;
      break;
    case '/entri':
      halaman = bolehEntri(me) ? <Entri /> : <TidakDitemukan terlarang ke={halamanAwal(me)} />;
      break;
    case '/rencana':
      halaman = bolehDasbor(me) ? <Rencana /> : <TidakDitemukan terlarang ke={halamanAwal(me)} />;
      break;
    case '/narasi':
      halaman = bolehDasbor(me) ? <Narasi /> : <TidakDitemukan terlarang ke={halamanAwal(me)} />;
      break;
    case '/evaluasi':
      halaman = bolehDasbor(me) ? <Evaluasi /> : <TidakDitemukan terlarang ke={halamanAwal(me)} />;
      break;
    case '/verifikasi':
      halaman = bolehVerifikasi(me) ? <Verifikasi /> : <TidakDitemukan terlarang ke={halamanAwal(me)} />;
      break;
    case '/laporan':
      // The documents cover the whole OPD: the same readers as the dashboard (not unit heads).
      halaman = bolehDasbor(me) ? <Laporan /> : <TidakDitemukan terlarang ke={halamanAwal(me)} />;
      break;
    case '/impor':
      halaman = bolehImpor(me) ? <Impor /> : <TidakDitemukan terlarang ke={halamanAwal(me)} />;
      break;
    case '/cadangan':
      halaman = bolehCadangan(me) ? <Cadangan /> : <TidakDitemukan terlarang ke={halamanAwal(me)} />;
      break;
    case '/pengaturan':
      halaman = bolehPengaturan(me) ? <Pengaturan /> : <TidakDitemukan terlarang ke={halamanAwal(me)} />;
      break;
    case '/anggaran':
      halaman = bolehAnggaran(me) ? <Anggaran /> : <TidakDitemukan terlarang ke={halamanAwal(me)} />;
      break;
    case '/register':
      halaman = bolehRegister(me) ? <Register /> : <TidakDitemukan terlarang ke={halamanAwal(me)} />;
      break;
    case '/audit':
      halaman = bolehAudit(me) ? <Audit /> : <TidakDitemukan terlarang ke={halamanAwal(me)} />;
      break;
    case '/token':
      halaman = bolehToken(me) ? <Token /> : <TidakDitemukan terlarang ke={halamanAwal(me)} />;
      break;
    default:
      halaman = <TidakDitemukan ke={halamanAwal(me)} />;
  }

  return (
    <SesiContext value={sesi}>
      <Tata>
        <Pengaman kunci={lokasi.path}>
          <Suspense fallback={<Memuat />}>{halaman}</Suspense>
        </Pengaman>
      </Tata>
    </SesiContext>
  );
}
