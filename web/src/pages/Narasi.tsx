import './narasi.css';
import { Alert, Badge, Button, Group, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import type { FieldSasaran, NarasiOpd } from '@kontrak/narasi.ts';
import type { LingkupTahun } from '@kontrak/rencana.ts';
import { apiNarasi, FIELD_SASARAN } from '../api-narasi.ts';
import { Bagian, Galat, Memuat, pesanGalat } from '../components/Bagian.tsx';
import { BarisPilihan, usePilihan } from '../components/Pilihan.tsx';
import { useMuat } from '../muat.ts';
import { bacaDrafRencana, hapusDrafRencana, kunciRencana, simpanDrafRencana } from '../rencana-draf.ts';
import { useSesi } from '../session.tsx';
import { KepalaHalaman } from '../components/KepalaHalaman.tsx';

/** The paragraphs of each field of one card (a section has one field, a sasaran six). */
type Isian = Record<string, string[]>;

const isIsian = (v: unknown): v is Isian =>
  !!v && typeof v === 'object' && Object.values(v as Record<string, unknown>).every((x) => Array.isArray(x) && x.every((s) => typeof s === 'string'));

const sama = (a: Isian, b: Isian) => JSON.stringify(a) === JSON.stringify(b);

/** The LKJIP narrative editor: per chapter section and per sasaran, with empty parts marked. */
export function Narasi() {
  const { t } = useTranslation();
  const { me } = useSesi();
  const p = usePilihan();
  const l: LingkupTahun | undefined = p.opd ? { pemda: me.pemda.slug, opd: p.opd, tahun: p.tahun } : undefined;
  const [muatan, ulang, ubah] = useMuat(l ? () => apiNarasi.baca(l) : undefined, [l?.pemda, l?.opd, l?.tahun]);

  useEffect(() => {
    document.title = `${t('narasi.judul')} · SIKIPER`;
  }, [t]);

  const kunci = (id: string) => kunciRencana([me.username, me.pemda.slug, p.opd ?? '', p.tahun, 'narasi', id]);

  let isi: React.ReactNode;
  if (!p.opd && !p.memuatOpd) isi = <Alert color="gray">{t('pilihan.tanpaOpd')}</Alert>;
  else if (!l || muatan.keadaan === 'memuat') isi = <Memuat />;
  else if (muatan.keadaan === 'galat') isi = <Galat galat={muatan.galat} ulang={ulang} />;
  else {
    const n = muatan.data;
    const total = n.bagian.filter((b) => b.wajib).length + n.sasaran.length;
    const kosong = n.bagian.filter((b) => b.wajib && b.kosong).length + n.sasaran.filter((s) => s.kosong.length > 0).length;
    const setelahSimpan = (baru: NarasiOpd) => ubah(() => baru);
    const setelahBentrok = (versi: number) => ubah((d) => ({ ...d, version: versi }));
    isi = (
      <>
        <Text size="sm" c="dimmed" mb="xs">
          {t('narasi.pengantar')}
        </Text>
        <Text size="sm" mb="sm" aria-live="polite" data-testid="ringkasan-narasi">
          {t('narasi.ringkasan', { kosong, total })}
        </Text>
        {!n.bolehUbah && (
          <Alert color="gray" role="note" mb="sm">
            {t('narasi.hanyaBaca')}
          </Alert>
        )}
        <Title order={2} size="h3" mt="md" mb="xs">
          {t('narasi.grupBab')}
        </Title>
        <div className="narasi-daftar">
          {n.bagian.map((b) => (
            <KartuNarasi
              key={b.kunci}
              id={`bagian-${b.kunci}`}
              judul={t(`narasi.bagian.${b.kunci}`)}
              tersimpan={{ teks: b.teks }}
              kosong={b.wajib && b.kosong ? [t('narasi.kosong')] : []}
              label={() => t(`narasi.bagian.${b.kunci}`)}
              version={n.version}
              boleh={n.bolehUbah}
              kunciDraf={kunci(`bagian/${b.kunci}`)}
              simpan={(version, isian) => apiNarasi.simpanBagian(l, b.kunci, version, isian.teks ?? [])}
              setelahSimpan={setelahSimpan}
              setelahBentrok={setelahBentrok}
            />
          ))}
        </div>
        <Title order={2} size="h3" mt="lg" mb="xs">
          {t('narasi.grupSasaran')}
        </Title>
        <div className="narasi-daftar">
          {n.sasaran.map((s) => (
            <KartuNarasi
              key={s.kode}
              id={`sasaran-${s.kode}`}
              judul={t('narasi.sasaranJudul', { nomor: s.nomor, uraian: s.uraian })}
              tersimpan={s.isian}
              kosong={s.kosong.map((f) => t(`narasi.field.${f}`))}
              label={(f) => t(`narasi.field.${f as FieldSasaran}`)}
              version={n.version}
              boleh={n.bolehUbah}
              kunciDraf={kunci(`sasaran/${s.kode}`)}
              simpan={(version, isian) =>
                apiNarasi.simpanSasaran(l, s.kode, version, Object.fromEntries(FIELD_SASARAN.map((f) => [f, isian[f] ?? []])) as Record<FieldSasaran, string[]>)
              }
              setelahSimpan={setelahSimpan}
              setelahBentrok={setelahBentrok}
            />
          ))}
        </div>
      </>
    );
  }

  return (
    <div className="halaman narasi">
      <KepalaHalaman judul={t('narasi.judul')} keterangan={<>{p.opdNama ?? p.opd} · {p.tahun}</>}>
        <BarisPilihan p={p} />
      </KepalaHalaman>
      {isi}
    </div>
  );
}

interface KartuProps {
  id: string;
  judul: string;
  /** The stored paragraphs per field. */
  tersimpan: Isian;
  /** Labels of the required parts still empty on the server. */
  kosong: string[];
  label: (field: string) => string;
  version: number;
  boleh: boolean;
  kunciDraf: string;
  simpan: (version: number, isian: Isian) => Promise<NarasiOpd>;
  setelahSimpan: (n: NarasiOpd) => void;
  setelahBentrok: (version: number) => void;
}

/** One section or sasaran: a paragraph list per field, kept in localStorage until the server has it. */
function KartuNarasi(props: KartuProps) {
  const { t } = useTranslation();
  const { tersimpan, kunciDraf } = props;
  const [draf] = useState(() => bacaDrafRencana(kunciDraf, isIsian));
  const [isian, setIsian] = useState<Isian>(() => draf?.isi ?? tersimpan);
  // A draft typed against an older narrative: saving it would overwrite what was saved since, so say so.
  const [status, setStatus] = useState<'diam' | 'menyimpan' | 'tersimpan' | 'bentrok'>(() =>
    draf && draf.version !== props.version && !sama(draf.isi, tersimpan) ? 'bentrok' : 'diam',
  );
  const [galat, setGalat] = useState<unknown>(undefined);
  const berubah = !sama(isian, tersimpan);

  // Every keystroke is kept in the browser until the server confirms exactly this text.
  useEffect(() => {
    if (berubah) simpanDrafRencana(kunciDraf, { isi: isian, version: props.version });
    else hapusDrafRencana(kunciDraf);
  }, [isian, berubah, kunciDraf, props.version]);

  const ganti = (field: string, f: (xs: string[]) => string[]) => {
    setStatus('diam');
    setIsian((s) => ({ ...s, [field]: f(s[field] ?? []) }));
  };

  const kirim = async () => {
    setStatus('menyimpan');
    setGalat(undefined);
    try {
      const baru = await props.simpan(props.version, isian);
      hapusDrafRencana(kunciDraf);
      props.setelahSimpan(baru);
      setStatus('tersimpan');
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        const cur = e.body.current as { version?: unknown } | undefined;
        if (typeof cur?.version === 'number') props.setelahBentrok(cur.version);
        setStatus('bentrok');
      } else {
        setGalat(e);
        setStatus('diam');
      }
    }
  };

  // After a save the server's text is the new baseline (it drops empty paragraphs).
  const tersimpanJson = JSON.stringify(tersimpan);
  useEffect(() => {
    if (status === 'tersimpan') setIsian(JSON.parse(tersimpanJson) as Isian);
    // Only when the stored text changes after a save.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tersimpanJson]);

  const fields = Object.keys(tersimpan);
  return (
    <Bagian
      id={props.id}
      judul={props.judul}
      aksi={
        props.kosong.length > 0 ? (
          <Badge color="orange" variant="light" data-testid="lencana-kosong">
            {fields.length > 1 ? t('narasi.kosongN', { n: props.kosong.length }) : t('narasi.kosong')}
          </Badge>
        ) : (
          <Badge color="green" variant="light">
            {t('narasi.terisi')}
          </Badge>
        )
      }
    >
      {fields.length > 1 && props.kosong.length > 0 && (
        <Text size="xs" c="orange.8" mb="xs">
          {props.kosong.join(', ')}
        </Text>
      )}
      {fields.map((f) => (
        <fieldset key={f} className="narasi-field">
          {fields.length > 1 && <legend>{props.label(f)}</legend>}
          {(isian[f] ?? []).length === 0 && (
            <Text size="sm" c="dimmed">
              {t('narasi.tanpaParagraf')}
            </Text>
          )}
          {(isian[f] ?? []).map((teks, i) => (
            <div key={i} className="narasi-paragraf">
              <Textarea
                label={`${fields.length > 1 ? `${props.label(f)} · ` : ''}${t('narasi.paragraf', { n: i + 1 })}`}
                value={teks}
                autosize
                minRows={2}
                maxLength={5000}
                readOnly={!props.boleh}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  ganti(f, (xs) => xs.map((x, j) => (j === i ? v : x)));
                }}
              />
              {props.boleh && (
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => ganti(f, (xs) => xs.filter((_, j) => j !== i))}>
                  {t('narasi.hapus', { n: i + 1 })}
                </Button>
              )}
            </div>
          ))}
          {props.boleh && (
            <Button size="xs" variant="light" mt={4} onClick={() => ganti(f, (xs) => [...xs, ''])} aria-label={`${t('narasi.tambah')}: ${props.label(f)}`}>
              {t('narasi.tambah')}
            </Button>
          )}
        </fieldset>
      ))}
      {galat !== undefined && (
        <Alert color="red" role="alert" mt="xs">
          {pesanGalat(t, galat)}
          {galat instanceof ApiError && typeof galat.body.message === 'string' ? ` ${galat.body.message}` : ''}
        </Alert>
      )}
      {status === 'bentrok' && (
        <Alert color="yellow" role="alert" mt="xs">
          {t('narasi.bentrok')}
        </Alert>
      )}
      {props.boleh && (
        <Group mt="sm" gap="xs">
          <Button size="sm" onClick={() => void kirim()} loading={status === 'menyimpan'} disabled={!berubah && status !== 'bentrok'}>
            {t('narasi.simpan')}
          </Button>
          {berubah && (
            <Button size="sm" variant="subtle" onClick={() => setIsian(tersimpan)}>
              {t('narasi.buangDraf')}
            </Button>
          )}
          <Text size="xs" c="dimmed" aria-live="polite">
            {status === 'tersimpan' && !berubah ? t('narasi.tersimpan') : berubah ? t('narasi.drafLokal') : ''}
          </Text>
        </Group>
      )}
    </Bagian>
  );
}
