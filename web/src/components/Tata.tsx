import { Button, Text } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { bolehPengaturan, menuAnggaran } from '../api-pengaturan.ts';
import { useLokasi } from '../router.ts';
import { bolehAudit, bolehCadangan, bolehDasbor, bolehEntri, bolehImpor, bolehRegister, bolehToken, bolehVerifikasi, useSesi } from '../session.tsx';
import { PilihBahasa } from './Bahasa.tsx';
import { Tautan } from './Tautan.tsx';

/** The frame of every page after login: brand, navigation by role, language, user, logout. */
export function Tata({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me, keluar } = useSesi();
  const { path, query } = useLokasi();
  const main = useRef<HTMLElement>(null);

  // Keeps the chosen OPD and year when moving between pages.
  const bawa = new URLSearchParams();
  for (const k of ['opd', 'tahun', 'tw']) {
    const v = query.get(k);
    if (v) bawa.set(k, v);
  }
  const qs = bawa.toString() ? `?${bawa.toString()}` : '';

  const menu = [
    { href: '/dasbor', label: t('nav.dasbor'), tampil: bolehDasbor(me) },
    { href: '/entri', label: t('nav.entri'), tampil: bolehEntri(me) },
    { href: '/verifikasi', label: t('nav.verifikasi'), tampil: bolehVerifikasi(me) },
    { href: '/rencana', label: t('rencana.judul'), tampil: bolehDasbor(me) },
    { href: '/laporan', label: t('laporan.nav'), tampil: bolehDasbor(me) },
    { href: '/impor', label: t('tukar.navImpor'), tampil: bolehImpor(me) },
    { href: '/cadangan', label: t('tukar.navCadangan'), tampil: bolehCadangan(me) },
    { href: '/anggaran', label: t('pengaturan.anggaran.nav'), tampil: menuAnggaran(me) },
    { href: '/pengaturan', label: t('pengaturan.nav'), tampil: bolehPengaturan(me) },
    { href: '/register', label: t('register.judul'), tampil: bolehRegister(me) },
    { href: '/narasi', label: t('narasi.judul'), tampil: bolehDasbor(me) },
    { href: '/evaluasi', label: t('evaluasi.judul'), tampil: bolehDasbor(me) },
    { href: '/audit', label: t('audit.menu'), tampil: bolehAudit(me) },
    { href: '/token', label: t('token.menu'), tampil: bolehToken(me) },
  ].filter((m) => m.tampil);

  // A screen reader user hears the new page, and keyboard focus starts at its top.
  const pertama = useRef(true);
  useEffect(() => {
    if (pertama.current) {
      pertama.current = false;
      return;
    }
    main.current?.focus();
  }, [path]);

  return (
    <div className="tata">
      <a className="lewati" href="#isi">
        {t('nav.lewati')}
      </a>
      <header className="kepala">
        <div className="kepala-baris">
          <div className="merek">
            <span className="merek-nama">SIKIPER</span>
            <span className="merek-pemda">{me.pemda.nama}</span>
          </div>
          <div className="kepala-aksi">
            <PilihBahasa />
            <Text size="sm" className="pengguna" title={me.username}>
              {me.nama}
            </Text>
            <Button size="xs" variant="default" onClick={() => void keluar()}>
              {t('nav.keluar')}
            </Button>
          </div>
        </div>
        <nav aria-label={t('nav.utama')} className="menu">
          {menu.map((m) => (
            <Tautan key={m.href} href={m.href + qs} className="menu-tautan" aria-current={path === m.href || (m.href === '/dasbor' && path === '/') ? 'page' : undefined}>
              {m.label}
            </Tautan>
          ))}
        </nav>
      </header>
      <main id="isi" ref={main} tabIndex={-1} className="isi">
        {children}
      </main>
    </div>
  );
}
