/**
 * The criterion-level SAKIP evaluation (LKE, PermenPAN-RB 88/2021) on the Evaluasi screen: the
 * stage, the three tiers' scores, every criterion with the answers of the OPD (penilaian
 * mandiri), the Inspektorat's evaluator and the pengendali teknis side by side, the answer of the
 * tier whose turn it is (saved when it changes or its field is left, kept in localStorage until
 * the server confirms it), evidence (links, files, facts of SIKIPER's own records), the moves
 * between tiers, last year's recommendations and the LHE; and the recap of every OPD for the
 * pemda-wide readers.
 */
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/InlineInput.css';
import './evaluasi.css';
import { Alert, Anchor, Button, Checkbox, Group, Modal, NativeSelect, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { createContext, useContext, useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BarisKriteria, BerkasBukti, HasilJawaban, JawabanTingkat, LembarLke, NilaiTingkat } from '@kontrak/lke.ts';
import type { LingkupTahun } from '@kontrak/rencana.ts';
import { ApiError, NetworkError } from '../api.ts';
import { apiLke, NILAI_JAWABAN, TAHAP_LKE, TINGKAT_LKE, type JawabanLke, type LangkahLke, type TahapLke, type TingkatLke } from '../api-evaluasi.ts';
import { Bagian, Galat, Memuat, pesanGalat } from '../components/Bagian.tsx';
import { DaftarTautan, GAYA_GALAT } from '../components/DaftarTautan.tsx';
import { Gulir } from '../components/Gulir.tsx';
import { PilihBerkas } from '../components/PilihBerkas.tsx';
import { formatAngka, formatJam, formatTanggalJam } from '../format.ts';
import { useMuat } from '../muat.ts';
import { bacaDrafRencana, hapusDrafRencana, kunciRencana, simpanDrafRencana } from '../rencana-draf.ts';
import { setQuery } from '../router.ts';
import { useSesi } from '../session.tsx';

/** Scores are shown with exactly two decimals, as the LHE prints them (72,50 · 3,01). */
const duaDesimal = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const formatNilaiLke = (n: number | null | undefined): string => (n === null || n === undefined || !Number.isFinite(n) ? '–' : duaDesimal.format(n));

/** Mantine's error red (red-6) is 3.3:1 on white; the messages use red-9 (WCAG AA). */

/** When the server cannot be reached an answer waits on the device and is sent again this often. */
const JEDA_ULANG_MS = 10_000;

/** The tier below each tier (whose answer counts while the tier has none of its own). */
const BAWAH: Record<TingkatLke, TingkatLke | undefined> = { mandiri: undefined, evaluator: 'mandiri', supervisor: 'evaluator' };
/** The tier a column shows and the answer that counts there. */
const BERLAKU: Record<TingkatLke, keyof BarisKriteria['berlaku']> = { mandiri: 'mandiri', evaluator: 'evaluator', supervisor: 'akhir' };

function PredikatLke({ p }: { p: string }) {
  return (
    <span className="lke-predikat" data-predikat={p}>
      {p}
    </span>
  );
}

// ---------------------------------------------------------------- saves in flight

/**
 * The section waits for every answer still being saved before a move (submit, send, approve,
 * return), and knows which criteria hold input the server has not confirmed.
 */
interface Antrean {
  daftar: (p: Promise<void>) => void;
  /** `tingkat/kode` of a criterion whose answer holds input the server has not confirmed (or not). */
  tandai: (kunci: string, belum: boolean) => void;
}
const KonteksAntrean = createContext<Antrean>({ daftar: () => undefined, tandai: () => undefined });

// ---------------------------------------------------------------- the section

/** The LKE section of the Evaluasi screen: not started (start button) or the sheet. */
export function BagianLke({ l, setelahBerubah }: { l: LingkupTahun; setelahBerubah: () => void }) {
  const { t } = useTranslation();
  const [muatan, ulang, ubah] = useMuat(() => apiLke.baca(l), [l.pemda, l.opd, l.tahun]);
  const [galat, setGalat] = useState<unknown>(undefined);
  const [sibuk, setSibuk] = useState(false);

  let isi: ReactNode;
  if (muatan.keadaan === 'memuat') isi = <Memuat />;
  else if (muatan.keadaan === 'galat') isi = <Galat galat={muatan.galat} ulang={ulang} />;
  else {
    const lembar = muatan.data;
    if (!lembar.ada) {
      isi = (
        <>
          <Text size="sm" mb="xs" data-testid="lke-belum">
            {t('evaluasi.lke.belumMulai')}
          </Text>
          {lembar.kriteria && (
            <Text size="sm" c="dimmed" mb="xs">
              {t('evaluasi.lke.kriteriaDipakai', { nama: lembar.kriteria.nama, n: lembar.kriteria.jumlahKriteria })}
            </Text>
          )}
          {lembar.boleh.mulai ? (
            <Button
              loading={sibuk}
              onClick={() => {
                setSibuk(true);
                setGalat(undefined);
                apiLke
                  .mulai(l, lembar.version)
                  .then((baru) => {
                    ubah(() => baru);
                    setelahBerubah();
                  })
                  .catch((x: unknown) => {
                    setGalat(x);
                    if (x instanceof ApiError && x.status === 409) ulang();
                  })
                  .finally(() => setSibuk(false));
              }}
            >
              {t('evaluasi.lke.mulai')}
            </Button>
          ) : (
            <Text size="sm" c="dimmed">
              {t('evaluasi.lke.mulaiSiapa')}
            </Text>
          )}
          {galat !== undefined && <PesanGalat galat={galat} />}
        </>
      );
    } else {
      isi = <Lembar l={l} lembar={lembar} ganti={(f) => ubah(f)} muatUlang={ulang} setelahBerubah={setelahBerubah} />;
    }
  }
  return (
    <Bagian id="lke" judul={t('evaluasi.lke.judul')}>
      <div data-keadaan={muatan.keadaan} data-tahap={muatan.keadaan === 'ada' ? (muatan.data.tahap ?? 'belum') : undefined}>
        {isi}
      </div>
    </Bagian>
  );
}

/** A refused request as one alert: the server's own message when it gives one. */
function PesanGalat({ galat }: { galat: unknown }) {
  const { t } = useTranslation();
  const issues = galat instanceof ApiError && Array.isArray(galat.body.issues) ? (galat.body.issues as Array<{ path: string; message: string }>) : [];
  return (
    <Alert color="red" role="alert" mt="xs">
      {galat instanceof ApiError && galat.status === 409 && galat.code === 'versi-usang'
        ? t('evaluasi.lke.versiUsang')
        : galat instanceof ApiError && galat.status === 409 && galat.code === 'status-tidak-sesuai'
          ? t('evaluasi.lke.tahapBerubah')
          : pesanGalat(t, galat)}
      {galat instanceof ApiError && typeof galat.body.message === 'string' && galat.status !== 403 ? ` ${galat.body.message}` : ''}
      {issues.length > 0 && (
        <ul className="lke-daftar">
          {issues.map((i, n) => (
            <li key={n}>
              {i.path}: {i.message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

interface LembarProps {
  l: LingkupTahun;
  lembar: LembarLke;
  ganti: (f: (d: LembarLke) => LembarLke) => void;
  muatUlang: () => void;
  setelahBerubah: () => void;
}

type Saring = { teks: string; beda: boolean; kosong: boolean };

/** The tier whose answer counts for "unanswered" at a stage. */
const BERLAKU_TAHAP: Record<TahapLke, keyof BarisKriteria['berlaku']> = { mandiri: 'mandiri', evaluator: 'evaluator', supervisor: 'akhir', final: 'akhir' };

function Lembar({ l, lembar, ganti, muatUlang, setelahBerubah }: LembarProps) {
  const { t } = useTranslation();
  const tahap: TahapLke = lembar.tahap ?? 'mandiri';
  const [saring, setSaring] = useState<Saring>({ teks: '', beda: false, kosong: false });
  const [buka, setBuka] = useState<ReadonlySet<string>>(() => new Set());
  const [galat, setGalat] = useState<unknown>(undefined);
  const [sibuk, setSibuk] = useState<LangkahLke | undefined>(undefined);
  const [belumTersimpan, setBelumTersimpan] = useState(false);
  const [dialog, setDialog] = useState(false);

  // Saves in flight and criteria with unconfirmed input, for the moves.
  const terbang = useRef(new Set<Promise<void>>());
  const belum = useRef(new Set<string>());
  const antrean = useMemo<Antrean>(
    () => ({
      daftar: (p) => {
        terbang.current.add(p);
        void p.finally(() => terbang.current.delete(p));
      },
      tandai: (kunci, b) => {
        if (b) belum.current.add(kunci);
        else belum.current.delete(kunci);
      },
    }),
    [],
  );

  const aktif: TingkatLke | undefined = tahap !== 'final' && lembar.boleh[tahap] ? tahap : undefined;

  const cocok = (b: BarisKriteria): boolean => {
    const q = saring.teks.trim().toLowerCase();
    if (q && !b.kode.toLowerCase().includes(q) && !b.teks.toLowerCase().includes(q)) return false;
    if (saring.beda && !b.beda) return false;
    if (saring.kosong && b.berlaku[BERLAKU_TAHAP[tahap]] !== null) return false;
    return true;
  };
  const adaSaring = saring.teks.trim() !== '' || saring.beda || saring.kosong;
  const komponen = lembar.komponen
    .map((k) => ({ ...k, sub: k.sub.map((s) => ({ ...s, kriteria: adaSaring ? s.kriteria.filter(cocok) : s.kriteria })).filter((s) => s.kriteria.length > 0) }))
    .filter((k) => k.sub.length > 0);
  const jumlahCocok = komponen.reduce((n, k) => n + k.sub.reduce((m, s) => m + s.kriteria.length, 0), 0);

  const saringKunci = `${saring.teks}|${String(saring.beda)}|${String(saring.kosong)}`;
  const komponenCocok = komponen.map((k) => k.kode).join(',');
  // A filter opens every component that has a matching criterion.
  useEffect(() => {
    if (adaSaring) setBuka(new Set(komponenCocok.split(',').filter(Boolean)));
    // Only when the filter itself changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saringKunci]);

  const gantiBaris = (kode: string, f: (b: BarisKriteria) => BarisKriteria) =>
    ganti((d) => ({ ...d, komponen: d.komponen.map((k) => ({ ...k, sub: k.sub.map((s) => ({ ...s, kriteria: s.kriteria.map((c) => (c.kode === kode ? f(c) : c)) })) })) }));
  const setelahSimpan = (r: HasilJawaban) =>
    ganti((d) => ({
      ...d,
      nilai: r.nilai,
      komponen: d.komponen.map((k) => ({ ...k, sub: k.sub.map((s) => ({ ...s, kriteria: s.kriteria.map((c) => (c.kode === r.kriteria.kode ? r.kriteria : c)) })) })),
    }));

  /** Makes a move once every answer is saved; resolves with the refusal, if any. */
  async function langkah(nama: LangkahLke, komentar?: string): Promise<{ ok: boolean; galat?: unknown }> {
    setSibuk(nama);
    setGalat(undefined);
    setBelumTersimpan(false);
    try {
      // Leaving a field saves it: let that save start, then wait for every save in flight.
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      await new Promise((r) => setTimeout(r, 0));
      await Promise.allSettled([...terbang.current]);
      if (nama !== 'kembalikan' && aktif && [...belum.current].some((x) => x.startsWith(`${aktif}/`))) {
        setBelumTersimpan(true);
        return { ok: false };
      }
      const baru = await apiLke.langkah(l, nama, { version: lembar.version, ...(komentar !== undefined ? { komentar } : {}) });
      ganti(() => baru);
      setelahBerubah();
      return { ok: true };
    } catch (x) {
      setGalat(x);
      return { ok: false, galat: x };
    } finally {
      setSibuk(undefined);
    }
  }

  const idx = TAHAP_LKE.indexOf(tahap);
  return (
    <KonteksAntrean value={antrean}>
      {lembar.kriteria && (
        <Text size="sm" c="dimmed" mb="xs">
          {t('evaluasi.lke.kriteriaDipakai', { nama: lembar.kriteria.nama, n: lembar.kriteria.jumlahKriteria })}
        </Text>
      )}
      <ol className="lke-tahap" aria-label={t('evaluasi.lke.tahapJudul')} data-tahap={tahap}>
        {TAHAP_LKE.map((x, i) => {
          const keadaan = i < idx || tahap === 'final' ? 'selesai' : i === idx ? 'sekarang' : 'nanti';
          return (
            <li key={x} data-keadaan={keadaan} aria-current={i === idx ? 'step' : undefined}>
              {t(`evaluasi.lke.tahap.${x}`)}
              <span className="sr-only"> ({t(`evaluasi.lke.keadaanTahap.${keadaan}`)})</span>
            </li>
          );
        })}
      </ol>
      {lembar.catatanTahap && (
        <Alert color="red" role="note" mb="sm" title={t('evaluasi.lke.dikembalikan')}>
          {lembar.catatanTahap}
        </Alert>
      )}
      {lembar.nilai && <PanelNilai nilai={lembar.nilai} />}

      <div className="lke-aksi">
        {lembar.boleh.ajukan && (
          <Button loading={sibuk === 'ajukan'} disabled={sibuk !== undefined} onClick={() => void langkah('ajukan')}>
            {t('evaluasi.lke.langkah.ajukan')}
          </Button>
        )}
        {lembar.boleh.kirim && (
          <Button loading={sibuk === 'kirim'} disabled={sibuk !== undefined} onClick={() => void langkah('kirim')}>
            {t('evaluasi.lke.langkah.kirim')}
          </Button>
        )}
        {lembar.boleh.setujui && (
          <Button loading={sibuk === 'setujui'} disabled={sibuk !== undefined} onClick={() => void langkah('setujui')}>
            {t('evaluasi.lke.langkah.setujui')}
          </Button>
        )}
        {lembar.boleh.kembalikan && (
          <Button variant="default" disabled={sibuk !== undefined} onClick={() => setDialog(true)}>
            {t('evaluasi.lke.langkah.kembalikan')}
          </Button>
        )}
        <Button component="a" href={apiLke.lheUrl(l, 'docx')} download variant="default" size="sm" data-lhe="docx">
          {t('evaluasi.lke.unduhLhe', { format: '.docx' })}
        </Button>
        <Button component="a" href={apiLke.lheUrl(l, 'pdf')} download variant="default" size="sm" data-lhe="pdf">
          {t('evaluasi.lke.unduhLhe', { format: '.pdf' })}
        </Button>
      </div>
      {tahap !== 'final' && !aktif && (
        <Text size="sm" c="dimmed" mt="xs" data-testid="lke-hanya-baca">
          {t('evaluasi.lke.hanyaBaca', { tahap: t(`evaluasi.lke.tahap.${tahap}`) })}
        </Text>
      )}
      {belumTersimpan && (
        <Alert color="orange" role="alert" mt="xs">
          {t('evaluasi.lke.adaBelumTersimpan')}
        </Alert>
      )}
      {galat !== undefined && <PesanGalat galat={galat} />}
      {galat instanceof ApiError && galat.status === 409 && (
        <Button size="xs" variant="light" mt={4} onClick={muatUlang}>
          {t('umum.muatUlang')}
        </Button>
      )}
      {dialog && <DialogKembalikan tahap={tahap} onTutup={() => setDialog(false)} kirim={(k) => langkah('kembalikan', k)} />}

      <div className="lke-saring" role="search" aria-label={t('evaluasi.lke.saring')}>
        <TextInput
          className="lke-cari"
          size="sm"
          label={t('evaluasi.lke.cari')}
          value={saring.teks}
          onChange={(e) => {
            const teks = e.currentTarget.value;
            setSaring((s) => ({ ...s, teks }));
          }}
        />
        <Checkbox
          label={t('evaluasi.lke.hanyaBeda')}
          checked={saring.beda}
          onChange={(e) => {
            const beda = e.currentTarget.checked;
            setSaring((s) => ({ ...s, beda }));
          }}
        />
        <Checkbox
          label={t('evaluasi.lke.hanyaKosong')}
          checked={saring.kosong}
          onChange={(e) => {
            const kosong = e.currentTarget.checked;
            setSaring((s) => ({ ...s, kosong }));
          }}
        />
      </div>
      <Text size="xs" c="dimmed" mb="xs" aria-live="polite">
        {adaSaring ? t('evaluasi.lke.hasilSaring', { n: jumlahCocok }) : t('evaluasi.lke.petunjukIsi')}
      </Text>

      {komponen.map((k) => {
        const nilaiK = (n: NilaiTingkat | undefined) => n?.komponen.find((x) => x.kode === k.kode)?.nilai;
        const terbuka = buka.has(k.kode);
        return (
          <details
            key={k.kode}
            className="lke-komponen"
            data-komponen={k.kode}
            open={terbuka}
            onToggle={(e) => {
              const o = e.currentTarget.open;
              setBuka((s) => {
                if (s.has(k.kode) === o) return s;
                const n = new Set(s);
                if (o) n.add(k.kode);
                else n.delete(k.kode);
                return n;
              });
            }}
          >
            <summary>
              <span>
                {k.kode}. {k.nama} ({t('evaluasi.lke.bobot', { bobot: formatAngka(k.bobot) })})
              </span>
              {lembar.nilai && (
                <span className="lke-ringkas-nilai">
                  {t('evaluasi.lke.ringkasNilai', { mandiri: formatNilaiLke(nilaiK(lembar.nilai.mandiri)), evaluator: formatNilaiLke(nilaiK(lembar.nilai.evaluator)), akhir: formatNilaiLke(nilaiK(lembar.nilai.akhir)) })}
                </span>
              )}
            </summary>
            {terbuka && (
              <div className="lke-komponen-isi">
                {k.sub.map((s) => {
                  const nilaiS = (n: NilaiTingkat | undefined) => n?.komponen.find((x) => x.kode === k.kode)?.sub.find((x) => x.kode === s.kode);
                  const akhir = nilaiS(lembar.nilai?.akhir);
                  return (
                    <section key={s.kode} className="lke-sub" aria-labelledby={`lke-sub-${s.kode}`} data-sub={s.kode}>
                      <div className="lke-sub-judul">
                        <Title order={3} size="h5" id={`lke-sub-${s.kode}`}>
                          {s.kode} {s.nama} ({t('evaluasi.lke.bobot', { bobot: formatAngka(s.bobot) })})
                        </Title>
                        {lembar.nilai && (
                          <span className="lke-ringkas-nilai">
                            {t('evaluasi.lke.ringkasNilai', {
                              mandiri: formatNilaiLke(nilaiS(lembar.nilai.mandiri)?.nilai),
                              evaluator: formatNilaiLke(nilaiS(lembar.nilai.evaluator)?.nilai),
                              akhir: formatNilaiLke(akhir?.nilai),
                            })}
                            {akhir ? ` · ${t('evaluasi.lke.terjawab', { n: akhir.terjawab, m: akhir.jumlah })}` : ''}
                          </span>
                        )}
                      </div>
                      {s.kriteria.map((c) => (
                        <BarisLke key={`${tahap}/${c.kode}`} l={l} baris={c} aktif={aktif} setelahSimpan={setelahSimpan} gantiBaris={gantiBaris} muatUlang={muatUlang} />
                      ))}
                    </section>
                  );
                })}
              </div>
            )}
          </details>
        );
      })}
      {adaSaring && jumlahCocok === 0 && (
        <Text size="sm" c="dimmed">
          {t('evaluasi.lke.tidakAdaCocok')}
        </Text>
      )}
      <RekomendasiLalu lembar={lembar} tahun={l.tahun} />
    </KonteksAntrean>
  );
}

function PanelNilai({ nilai }: { nilai: NonNullable<LembarLke['nilai']> }) {
  const { t } = useTranslation();
  return (
    <div className="lke-nilai" role="group" aria-label={t('evaluasi.lke.nilaiJudul')}>
      {(['mandiri', 'evaluator', 'akhir'] as const).map((k) => {
        const n = nilai[k];
        return (
          <div key={k} className="lke-nilai-kartu" data-testid={`nilai-lke-${k}`} data-total={formatNilaiLke(n.total)} data-predikat={n.predikat} data-akhir={k === 'akhir' ? '' : undefined}>
            <Text size="sm" fw={600}>
              {t(`evaluasi.lke.nilai.${k}`)}
            </Text>
            <div className="lke-total">
              <span className="sr-only">{t('evaluasi.total')}: </span>
              <span data-testid={`total-lke-${k}`}>{formatNilaiLke(n.total)}</span>
            </div>
            <Text size="sm">
              {t('evaluasi.predikat')}: <PredikatLke p={n.predikat} />
            </Text>
            <Text size="xs" c="dimmed" mt={2}>
              {t('evaluasi.lke.terjawab', { n: n.terjawab, m: n.jumlah })}
            </Text>
          </div>
        );
      })}
    </div>
  );
}

function DialogKembalikan({ tahap, onTutup, kirim }: { tahap: TahapLke; onTutup: () => void; kirim: (komentar: string) => Promise<{ ok: boolean; galat?: unknown }> }) {
  const { t } = useTranslation();
  const [komentar, setKomentar] = useState('');
  const [salah, setSalah] = useState(false);
  const [mengirim, setMengirim] = useState(false);
  const [galat, setGalat] = useState<unknown>(undefined);
  const ke = TAHAP_LKE[Math.max(0, TAHAP_LKE.indexOf(tahap) - 1)] ?? 'mandiri';

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (komentar.trim() === '') {
      setSalah(true);
      return;
    }
    setMengirim(true);
    setGalat(undefined);
    const r = await kirim(komentar.trim());
    setMengirim(false);
    if (r.ok) onTutup();
    else setGalat(r.galat);
  }

  return (
    // Inside the page rather than a portal: the dialog's <header> is then no second banner landmark.
    <Modal opened onClose={onTutup} title={t('evaluasi.lke.kembalikanJudul', { ke: t(`evaluasi.lke.tahap.${ke}`) })} size="lg" withinPortal={false} closeButtonProps={{ 'aria-label': t('evaluasi.lke.tutup') }}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack gap="sm">
          <Textarea
            label={t('evaluasi.lke.komentar')}
            description={t('evaluasi.lke.komentarKet')}
            required
            data-autofocus
            autosize
            minRows={3}
            maxLength={2000}
            value={komentar}
            onChange={(e) => {
              setKomentar(e.currentTarget.value);
              setSalah(false);
            }}
            error={salah ? t('evaluasi.lke.komentarWajib') : undefined}
            styles={GAYA_GALAT}
          />
          {galat !== undefined && <PesanGalat galat={galat} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onTutup}>
              {t('umum.batal')}
            </Button>
            <Button type="submit" color="red" loading={mengirim}>
              {t('evaluasi.lke.kirimKembalikan')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RekomendasiLalu({ lembar, tahun }: { lembar: LembarLke; tahun: number }) {
  const { t } = useTranslation();
  return (
    <section className="lke-lalu" aria-labelledby="lke-lalu-judul">
      <Title order={3} size="h5" mt="md" mb="xs" id="lke-lalu-judul">
        {t('evaluasi.lke.laluJudul', { tahun: tahun - 1 })}
      </Title>
      {lembar.rekomendasiLalu.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('evaluasi.lke.laluKosong')}
        </Text>
      ) : (
        <ol className="lke-daftar">
          {lembar.rekomendasiLalu.map((r, i) => (
            <li key={i} data-status={r.status}>
              <Text size="sm" fw={600}>
                {r.teks}
              </Text>
              <Text size="sm">
                {t('evaluasi.tl.status')}: <strong>{t(`evaluasi.tl.statusNama.${r.status}`)}</strong>
                {' · '}
                {r.tindakLanjut ?? t('evaluasi.belumDitindaklanjuti')}
              </Text>
              {r.tautan.length > 0 && <DaftarTautan tautan={r.tautan} />}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

// ---------------------------------------------------------------- one criterion

interface BarisProps {
  l: LingkupTahun;
  baris: BarisKriteria;
  /** The tier the user answers now, if any. */
  aktif: TingkatLke | undefined;
  setelahSimpan: (r: HasilJawaban) => void;
  gantiBaris: (kode: string, f: (b: BarisKriteria) => BarisKriteria) => void;
  muatUlang: () => void;
}

function BarisLke({ l, baris, aktif, setelahSimpan, gantiBaris, muatUlang }: BarisProps) {
  const { t } = useTranslation();
  const idJudul = useId();
  return (
    <article className="lke-kriteria" aria-labelledby={idJudul} data-kriteria={baris.kode} data-beda={baris.beda ? '1' : undefined}>
      <div className="lke-kriteria-kepala">
        <span className="lke-kode">{baris.kode}</span>
        <Text size="sm" id={idJudul} style={{ flex: '1 1 240px' }}>
          <span className="sr-only">{t('evaluasi.lke.kriteria', { kode: baris.kode })}: </span>
          {baris.teks}
        </Text>
        {baris.beda && (
          <span className="lke-beda" data-testid="lke-beda">
            <span aria-hidden="true">≠ </span>
            {t('evaluasi.lke.beda')}
          </span>
        )}
      </div>
      {baris.usulan && (
        <div className="lke-usulan" data-usulan={baris.usulan.kode} data-terpenuhi={baris.usulan.terpenuhi ? '1' : '0'}>
          <strong>{t('evaluasi.lke.faktaJudul')}:</strong> {baris.usulan.uraian}{' '}
          <Text span size="xs" c="dimmed">
            ({t('evaluasi.lke.sumber', { sumber: baris.usulan.sumber })})
          </Text>
          <br />
          <Text span size="xs" fw={600}>
            {baris.usulan.terpenuhi ? t('evaluasi.lke.faktaPenuh', { jawaban: baris.pilihan[0] ?? 'Y' }) : t('evaluasi.lke.faktaTidakPenuh', { jawaban: baris.pilihan[0] ?? 'Y' })}
          </Text>
        </div>
      )}
      <div className="lke-tingkat-baris">
        {TINGKAT_LKE.map((tingkat) => {
          const bawah = BAWAH[tingkat];
          // A tier differs when the answer that counts there is not the one of the tier below.
          const beda = bawah !== undefined && baris.berlaku[BERLAKU[tingkat]] !== baris.berlaku[BERLAKU[bawah]] && baris.jawaban[tingkat]?.jawaban != null;
          return (
            <div
              key={tingkat}
              className="lke-tingkat"
              role="group"
              aria-label={`${t(`evaluasi.lke.tingkat.${tingkat}`)} · ${baris.kode}`}
              data-tingkat={tingkat}
              data-ubah={tingkat === aktif ? '1' : undefined}
              data-beda={beda ? '1' : undefined}
            >
              <div className="lke-tingkat-nama">{t(`evaluasi.lke.tingkat.${tingkat}`)}</div>
              {beda && bawah && <div className="lke-beda">{t('evaluasi.lke.bedaDari', { tingkat: t(`evaluasi.lke.tingkat.${bawah}`) })}</div>}
              {tingkat === aktif ? (
                <EditorJawaban l={l} baris={baris} tingkat={tingkat} setelahSimpan={setelahSimpan} gantiBaris={gantiBaris} muatUlang={muatUlang} />
              ) : (
                <TampilJawaban baris={baris} tingkat={tingkat} />
              )}
            </div>
          );
        })}
      </div>
    </article>
  );
}

/** A tier's answer, read only. */
function TampilJawaban({ baris, tingkat }: { baris: BarisKriteria; tingkat: TingkatLke }) {
  const { t } = useTranslation();
  const j = baris.jawaban[tingkat];
  const bawah = BAWAH[tingkat];
  const berlaku = baris.berlaku[BERLAKU[tingkat]];
  const berkas = baris.berkas.filter((b) => b.tingkat === tingkat);
  return (
    <div data-jawaban={j?.jawaban ?? ''}>
      <Text size="sm">
        {j?.jawaban ? (
          <span className="lke-jawaban">{t('evaluasi.lke.jawabanNilai', { jawaban: j.jawaban, nilai: formatAngka(NILAI_JAWABAN[j.jawaban]) })}</span>
        ) : bawah && berlaku ? (
          <>{t('evaluasi.lke.mengikuti', { tingkat: t(`evaluasi.lke.tingkat.${bawah}`), jawaban: berlaku })}</>
        ) : (
          <Text span size="sm" c="dimmed">
            {t('evaluasi.lke.belumDijawab')}
          </Text>
        )}
      </Text>
      {j?.catatan && (
        <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
          {j.catatan}
        </Text>
      )}
      <BuktiTampil tautan={j?.tautan ?? []} fakta={j?.fakta ?? []} berkas={berkas} />
      {j && (
        <Text size="xs" c="dimmed" mt={2}>
          {t('evaluasi.lke.olehPada', { oleh: j.oleh, pada: formatTanggalJam(j.pada) })}
        </Text>
      )}
    </div>
  );
}

function BuktiTampil({ tautan, fakta, berkas, hapus }: { tautan: readonly string[]; fakta: JawabanTingkat['fakta']; berkas: BerkasBukti[]; hapus?: (b: BerkasBukti) => void }) {
  const { t } = useTranslation();
  if (tautan.length === 0 && fakta.length === 0 && berkas.length === 0) return null;
  return (
    <ul className="lke-daftar" aria-label={t('evaluasi.lke.bukti')}>
      {fakta.map((f) => (
        <li key={`f-${f.kode}`} data-fakta={f.kode}>
          {t('evaluasi.lke.faktaJudul')}: {f.uraian}{' '}
          <Text span size="xs" c="dimmed">
            ({t('evaluasi.lke.sumber', { sumber: f.sumber })})
          </Text>
        </li>
      ))}
      {tautan.map((u) => (
        <li key={`t-${u}`}>
          <Anchor href={u} target="_blank" rel="noopener noreferrer" size="sm">
            {u}
          </Anchor>
        </li>
      ))}
      {berkas.map((b) => (
        <li key={`b-${b.id}`} data-berkas={b.nama}>
          <Anchor href={apiLke.buktiUrl(b.id)} target="_blank" rel="noopener" size="sm">
            {b.nama}
          </Anchor>{' '}
          <Text span size="xs" c="dimmed">
            ({formatAngka(b.ukuran / 1024, 0)} KB)
          </Text>
          {hapus && (
            <Button size="compact-xs" variant="subtle" color="red" ml={4} onClick={() => hapus(b)} aria-label={t('evaluasi.lke.hapusBerkas', { nama: b.nama })}>
              {t('evaluasi.lke.hapus')}
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}

// ---------------------------------------------------------------- the answer being given

interface IsianJawaban {
  jawaban: JawabanLke | null;
  catatan: string;
  tautan: string[];
  fakta: boolean;
}

const isianDari = (j: JawabanTingkat | null | undefined): IsianJawaban => ({ jawaban: j?.jawaban ?? null, catatan: j?.catatan ?? '', tautan: [...(j?.tautan ?? [])], fakta: (j?.fakta.length ?? 0) > 0 });

const samaIsian = (a: IsianJawaban, b: IsianJawaban): boolean =>
  a.jawaban === b.jawaban && a.catatan.trim() === b.catatan.trim() && a.fakta === b.fakta && a.tautan.length === b.tautan.length && a.tautan.every((x, i) => x === b.tautan[i]);

const JAWABAN = new Set<string>(Object.keys(NILAI_JAWABAN));
function isIsianJawaban(v: unknown): v is IsianJawaban {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return (o.jawaban === null || (typeof o.jawaban === 'string' && JAWABAN.has(o.jawaban))) && typeof o.catatan === 'string' && Array.isArray(o.tautan) && o.tautan.every((x) => typeof x === 'string') && typeof o.fakta === 'boolean';
}

function isHasilJawaban(v: unknown): v is HasilJawaban {
  return !!v && typeof v === 'object' && 'kriteria' in v && 'nilai' in v && !!(v as HasilJawaban).kriteria && typeof (v as HasilJawaban).kriteria.kode === 'string';
}


type Simpan =
  | { k: 'diam' }
  | { k: 'belum' }
  | { k: 'menyimpan' }
  | { k: 'tersimpan'; pada: Date }
  | { k: 'lokal' }
  | { k: 'galat'; pesan: string; tahap?: boolean }
  | { k: 'bentrok'; kini: JawabanTingkat | null };

interface EditorProps {
  l: LingkupTahun;
  baris: BarisKriteria;
  tingkat: TingkatLke;
  setelahSimpan: (r: HasilJawaban) => void;
  gantiBaris: (kode: string, f: (b: BarisKriteria) => BarisKriteria) => void;
  muatUlang: () => void;
}

/**
 * The answer of the tier whose turn it is. A choice, a link or a fact is saved at once; the note
 * when its field is left. Everything typed stays in localStorage until the server confirms it.
 * An answer changed by someone else meanwhile (409) keeps what was typed, shows the stored one,
 * and the next save overwrites it knowingly.
 */
function EditorJawaban({ l, baris, tingkat, setelahSimpan, gantiBaris, muatUlang }: EditorProps) {
  const { t } = useTranslation();
  const { me } = useSesi();
  const antrean = useContext(KonteksAntrean);
  const id = useId();
  const kode = baris.kode;
  const kunci = kunciRencana([me.username, l.pemda, l.opd, l.tahun, 'lke', tingkat, kode]);
  const server = baris.jawaban[tingkat];

  const [mula] = useState(() => {
    const dasar = isianDari(server);
    const d = bacaDrafRencana(kunci, isIsianJawaban);
    if (d && !samaIsian(d.isi, dasar)) return { isian: d.isi, versi: d.version, dipulihkan: true };
    if (d) hapusDrafRencana(kunci);
    return { isian: dasar, versi: server?.version ?? 0, dipulihkan: false };
  });
  const [isian, setIsianState] = useState<IsianJawaban>(mula.isian);
  const [simpan, setSimpanState] = useState<Simpan>(mula.dipulihkan ? { k: 'belum' } : { k: 'diam' });
  const simpanRef = useRef<Simpan>(simpan);

  const isianRef = useRef(mula.isian);
  const versiRef = useRef(mula.versi);
  const serverRef = useRef<JawabanTingkat | null>(server);
  const bentrokRef = useRef(false);
  const terbang = useRef<Promise<void> | undefined>(undefined);
  const timer = useRef<number | undefined>(undefined);
  const propsRef = useRef({ setelahSimpan, antrean });
  useEffect(() => {
    propsRef.current = { setelahSimpan, antrean };
  });

  /** Shows the save state and tells the section at once whether this criterion holds unconfirmed input. */
  const setSimpan = (s: Simpan) => {
    simpanRef.current = s;
    setSimpanState(s);
    propsRef.current.antrean.tandai(`${tingkat}/${kode}`, s.k !== 'diam' && s.k !== 'tersimpan' && !(s.k === 'galat' && samaIsian(isianRef.current, isianDari(serverRef.current))));
  };
  useEffect(() => {
    if (mula.dipulihkan) antrean.tandai(`${tingkat}/${kode}`, true);
    // Mount only: later states are reported by setSimpan.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // Closed (its component folded away): a draft left on the device still counts as unsaved.
  useEffect(
    () => () => {
      window.clearTimeout(timer.current);
      antrean.tandai(`${tingkat}/${kode}`, bacaDrafRencana(kunci, isIsianJawaban) !== undefined);
    },
    [antrean, tingkat, kode, kunci],
  );

  async function kirim(ulang = 0): Promise<void> {
    if (bentrokRef.current) return;
    const dikirim = isianRef.current;
    const dasar = isianDari(serverRef.current);
    if (samaIsian(dikirim, dasar)) {
      hapusDrafRencana(kunci);
      const s = simpanRef.current;
      if (s.k === 'belum' || s.k === 'lokal' || s.k === 'galat') setSimpan({ k: 'diam' });
      return;
    }
    setSimpan({ k: 'menyimpan' });
    try {
      const r = await apiLke.simpanJawaban(l, kode, {
        tingkat,
        version: versiRef.current,
        jawaban: dikirim.jawaban,
        catatan: dikirim.catatan.trim() === '' ? null : dikirim.catatan.trim(),
        tautan: dikirim.tautan,
        fakta: dikirim.fakta,
      });
      const baru = r.kriteria.jawaban[tingkat];
      serverRef.current = baru;
      versiRef.current = baru?.version ?? versiRef.current;
      propsRef.current.setelahSimpan(r);
      if (samaIsian(isianRef.current, dikirim)) {
        hapusDrafRencana(kunci);
        setSimpan({ k: 'tersimpan', pada: new Date() });
      } else {
        simpanDrafRencana(kunci, { isi: isianRef.current, version: versiRef.current });
        setSimpan({ k: 'belum' });
      }
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.code === 'versi-usang' && isHasilJawaban(e.body.current)) {
        const cur = e.body.current;
        const kini = cur.kriteria.jawaban[tingkat];
        propsRef.current.setelahSimpan(cur);
        serverRef.current = kini;
        versiRef.current = kini?.version ?? 0;
        const isiKini = isianDari(kini);
        // Stored meanwhile exactly as typed: nothing to choose.
        if (samaIsian(isiKini, dikirim)) {
          if (samaIsian(isianRef.current, dikirim)) hapusDrafRencana(kunci);
          setSimpan({ k: 'tersimpan', pada: new Date() });
          return;
        }
        // Only the version moved (an evidence file was added): send again against it.
        if (samaIsian(isiKini, dasar) && ulang < 1) return kirim(ulang + 1);
        bentrokRef.current = true;
        simpanDrafRencana(kunci, { isi: isianRef.current, version: versiRef.current });
        setSimpan({ k: 'bentrok', kini });
      } else if (e instanceof ApiError && e.status === 409) {
        setSimpan({ k: 'galat', pesan: t('evaluasi.lke.tahapBerubah'), tahap: true });
      } else if (e instanceof ApiError && e.status === 403) {
        setSimpan({ k: 'galat', pesan: t('galat.terlarang') });
      } else if (e instanceof ApiError && e.status === 400) {
        const issues = Array.isArray(e.body.issues) ? (e.body.issues as Array<{ path: string; message: string }>) : [];
        setSimpan({ k: 'galat', pesan: issues.length > 0 ? issues.map((i) => i.message).join('; ') : typeof e.body.message === 'string' ? e.body.message : t('galat.server') });
      } else if (e instanceof NetworkError || (e instanceof ApiError && e.status >= 500)) {
        setSimpan({ k: 'lokal' });
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => void jalankan(), JEDA_ULANG_MS);
      } else {
        setSimpan({ k: 'galat', pesan: pesanGalat(t, e) });
      }
    }
  }

  /** One save at a time; a change made while one is in flight is sent right after it. */
  function jalankan(): Promise<void> {
    window.clearTimeout(timer.current);
    const p = (terbang.current ?? Promise.resolve()).then(() => kirim());
    terbang.current = p;
    propsRef.current.antrean.daftar(p);
    return p;
  }

  // A restored draft is sent once the criterion is on screen.
  useEffect(() => {
    if (!mula.dipulihkan) return;
    if (mula.versi === (server?.version ?? 0)) void jalankan();
    else {
      // Typed against an answer that has changed since: say so rather than overwrite it silently.
      bentrokRef.current = true;
      versiRef.current = server?.version ?? 0;
      setSimpan({ k: 'bentrok', kini: server });
    }
    // Mount only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function ubah(patch: Partial<IsianJawaban>, kirimSekarang: boolean) {
    const baru = { ...isianRef.current, ...patch };
    isianRef.current = baru;
    setIsianState(baru);
    if (samaIsian(baru, isianDari(serverRef.current))) hapusDrafRencana(kunci);
    else simpanDrafRencana(kunci, { isi: baru, version: versiRef.current });
    if (bentrokRef.current) return;
    if (kirimSekarang) void jalankan();
    else setSimpan({ k: 'belum' });
  }

  function pakaiSaya() {
    bentrokRef.current = false;
    void jalankan();
  }

  function pakaiTersimpan() {
    bentrokRef.current = false;
    const s = isianDari(serverRef.current);
    isianRef.current = s;
    setIsianState(s);
    hapusDrafRencana(kunci);
    setSimpan({ k: 'diam' });
  }

  const bawah = BAWAH[tingkat];
  const dariBawah = bawah ? baris.berlaku[BERLAKU[bawah]] : null;
  const berkas = baris.berkas.filter((b) => b.tingkat === tingkat);
  const usulan = baris.usulan;
  const penuh = baris.pilihan[0];

  return (
    <div className="lke-editor" data-simpan-status={simpan.k}>
      <NativeSelect
        size="sm"
        label={t('evaluasi.lke.jawaban')}
        value={isian.jawaban ?? ''}
        data-tingkat={tingkat}
        onChange={(e) => {
          const v = e.currentTarget.value;
          ubah({ jawaban: v === '' ? null : (v as JawabanLke) }, true);
        }}
        data={[
          // Left empty, a tier keeps the answer of the tier below.
          { value: '', label: bawah && dariBawah ? t('evaluasi.lke.pilihIkut', { tingkat: t(`evaluasi.lke.tingkat.${bawah}`), jawaban: dariBawah }) : t('evaluasi.lke.pilihKosong') },
          ...baris.pilihan.map((p) => ({ value: p, label: t(`evaluasi.lke.pilihan.${p}`) })),
        ]}
      />
      <Textarea
        size="sm"
        mt={6}
        label={t('evaluasi.lke.catatan')}
        autosize
        minRows={2}
        maxRows={8}
        maxLength={4000}
        value={isian.catatan}
        onChange={(e) => ubah({ catatan: e.currentTarget.value }, false)}
        onBlur={() => {
          if (!samaIsian(isianRef.current, isianDari(serverRef.current))) void jalankan();
        }}
      />

      <Text size="sm" fw={500} mt={6} id={`${id}-bukti`}>
        {t('evaluasi.lke.bukti')}
      </Text>
      {usulan && (
        <Button
          size="compact-sm"
          variant={isian.fakta ? 'default' : 'light'}
          mt={4}
          aria-pressed={isian.fakta}
          onClick={() =>
            isian.fakta
              ? ubah({ fakta: false }, true)
              : ubah({ fakta: true, ...(usulan.terpenuhi && isianRef.current.jawaban === null && penuh ? { jawaban: penuh } : {}) }, true)
          }
        >
          {isian.fakta ? t('evaluasi.lke.lepasFakta') : t('evaluasi.lke.pakaiFakta')}
        </Button>
      )}
      {isian.fakta && usulan && (
        <Text size="xs" mt={2} data-fakta-dipakai={usulan.kode}>
          {t('evaluasi.lke.faktaDipakai', { uraian: usulan.uraian })}
        </Text>
      )}
      <DaftarTautan tautan={isian.tautan} labelDaftar={t('evaluasi.lke.tautan')} ubah={{ labelBaru: t('evaluasi.lke.tautanBaru'), ubah: (tautan) => ubah({ tautan }, true) }} />
      <BerkasTingkat
        l={l}
        kode={kode}
        berkas={berkas}
        onTambah={(b) => gantiBaris(kode, (x) => ({ ...x, berkas: [...x.berkas, b] }))}
        onHapus={(b) => gantiBaris(kode, (x) => ({ ...x, berkas: x.berkas.filter((y) => y.id !== b.id) }))}
      />

      <StatusSimpan s={simpan} muatUlang={muatUlang} />
      {simpan.k === 'bentrok' && (
        <Alert color="red" role="alert" mt={4} title={t('evaluasi.lke.bentrokJudul')} data-testid="lke-bentrok">
          <Text size="sm">
            {simpan.kini
              ? t('evaluasi.lke.bentrokKet', {
                  oleh: simpan.kini.oleh,
                  pada: formatTanggalJam(simpan.kini.pada),
                  jawaban: simpan.kini.jawaban ?? '–',
                  catatan: simpan.kini.catatan ?? '–',
                })
              : t('evaluasi.lke.bentrokHapus')}
          </Text>
          <Group mt="xs" gap="xs">
            <Button size="xs" onClick={pakaiSaya}>
              {t('evaluasi.lke.pakaiSaya')}
            </Button>
            <Button size="xs" variant="default" onClick={pakaiTersimpan}>
              {t('evaluasi.lke.pakaiTersimpan')}
            </Button>
          </Group>
        </Alert>
      )}
      {server && (
        <Text size="xs" c="dimmed" mt={2}>
          {t('evaluasi.lke.olehPada', { oleh: server.oleh, pada: formatTanggalJam(server.pada) })}
        </Text>
      )}
    </div>
  );
}

function StatusSimpan({ s, muatUlang }: { s: Simpan; muatUlang: () => void }) {
  const { t } = useTranslation();
  let teks = '';
  let warna = 'dimmed';
  switch (s.k) {
    case 'belum':
      teks = t('evaluasi.lke.simpan.belum');
      break;
    case 'menyimpan':
      teks = t('evaluasi.lke.simpan.menyimpan');
      break;
    case 'tersimpan':
      teks = t('evaluasi.lke.simpan.tersimpan', { jam: formatJam(s.pada) });
      warna = 'teal.9';
      break;
    case 'lokal':
      teks = t('evaluasi.lke.simpan.lokal');
      warna = '#953800';
      break;
    case 'galat':
      teks = s.pesan;
      warna = 'red.9';
      break;
    case 'bentrok':
      teks = t('evaluasi.lke.simpan.bentrok');
      warna = 'red.9';
      break;
    case 'diam':
      break;
  }
  return (
    <Text size="sm" c={warna} className="status-simpan" data-simpan={s.k} role="status" aria-live="polite" mt={4}>
      {teks}
      {s.k === 'galat' && s.tahap && (
        <Button size="compact-xs" variant="light" ml="xs" onClick={muatUlang}>
          {t('umum.muatUlang')}
        </Button>
      )}
    </Text>
  );
}

/** The evidence files of the tier being answered: list, download, upload, delete. */
function BerkasTingkat({ l, kode, berkas, onTambah, onHapus }: { l: LingkupTahun; kode: string; berkas: BerkasBukti[]; onTambah: (b: BerkasBukti) => void; onHapus: (b: BerkasBukti) => void }) {
  const { t } = useTranslation();
  const [galat, setGalat] = useState<string | undefined>();

  async function hapus(b: BerkasBukti) {
    if (!window.confirm(t('evaluasi.lke.konfirmasiHapusBerkas', { nama: b.nama }))) return;
    setGalat(undefined);
    try {
      await apiLke.hapusBukti(l, b.id);
      onHapus(b);
    } catch (e) {
      setGalat(e instanceof ApiError && e.status === 404 ? t('galat.tidakDitemukan') : pesanGalat(t, e));
    }
  }

  return (
    <div className="bukti">
      {berkas.length > 0 && <BuktiTampil tautan={[]} fakta={[]} berkas={berkas} hapus={(b) => void hapus(b)} />}
      {galat && (
        <Text size="sm" c="red.9" role="alert">
          {galat}
        </Text>
      )}
      <PilihBerkas label={t('evaluasi.lke.unggah')} name="berkas" unggah={async (f) => onTambah(await apiLke.unggahBukti(l, kode, f))} />
    </div>
  );
}

// ---------------------------------------------------------------- recap of every OPD

/** Every OPD's evaluation of the year, for the pemda-wide readers, with the workbook. */
export function RekapEvaluasi({ pemda, tahun, putaran }: { pemda: string; tahun: number; /** Raised when an evaluation shown on the page moved. */ putaran: number }) {
  const { t } = useTranslation();
  const [muatan, ulang] = useMuat(() => apiLke.rekap(pemda, tahun), [pemda, tahun, putaran]);
  let isi: ReactNode;
  if (muatan.keadaan === 'memuat') isi = <Memuat />;
  else if (muatan.keadaan === 'galat') isi = <Galat galat={muatan.galat} ulang={ulang} />;
  else {
    const r = muatan.data;
    const komponen = r.baris.find((b) => b.komponen.length > 0)?.komponen ?? [];
    isi =
      r.baris.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('evaluasi.rekap.kosong')}
        </Text>
      ) : (
        <Gulir minWidth={760 + komponen.length * 110} label={t('evaluasi.rekap.tabel')}>
          <Table withTableBorder className="tabel-rekap-lke" data-testid="rekap-lke">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('evaluasi.rekap.peringkat')}</Table.Th>
                <Table.Th scope="col">{t('evaluasi.rekap.opd')}</Table.Th>
                <Table.Th scope="col">{t('evaluasi.rekap.tahap')}</Table.Th>
                {komponen.map((k) => (
                  <Table.Th scope="col" key={k.kode} className="angka">
                    {k.nama} ({formatAngka(k.bobot)})
                  </Table.Th>
                ))}
                <Table.Th scope="col" className="angka">
                  {t('evaluasi.total')}
                </Table.Th>
                <Table.Th scope="col">{t('evaluasi.predikat')}</Table.Th>
                <Table.Th scope="col">{t('evaluasi.rekap.rekomendasi')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.baris.map((b) => (
                <Table.Tr key={b.opd} data-opd={b.opd}>
                  <Table.Td>{b.peringkat ?? '–'}</Table.Td>
                  <Table.Td miw={200}>
                    <Anchor
                      href={`/evaluasi?opd=${encodeURIComponent(b.opd)}&tahun=${tahun}`}
                      size="sm"
                      onClick={(e) => {
                        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                        e.preventDefault();
                        setQuery({ opd: b.opd, tahun });
                        window.scrollTo({ top: 0 });
                      }}
                    >
                      {b.nama}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{b.tahap ? t(`evaluasi.rekap.tahapNama.${b.tahap}`) : t('evaluasi.rekap.belum')}</Table.Td>
                  {komponen.map((k) => (
                    <Table.Td key={k.kode} className="angka">
                      {formatNilaiLke(b.komponen.find((x) => x.kode === k.kode)?.nilai)}
                    </Table.Td>
                  ))}
                  <Table.Td className="angka" data-total>
                    {formatNilaiLke(b.total)}
                  </Table.Td>
                  <Table.Td>{b.predikat ? <PredikatLke p={b.predikat} /> : '–'}</Table.Td>
                  <Table.Td>{t('evaluasi.rekap.rekomendasiN', { selesai: b.rekomendasiSelesai, n: b.rekomendasi })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Gulir>
      );
  }
  return (
    <Bagian
      id="rekap-lke"
      judul={t('evaluasi.rekap.judul', { tahun })}
      aksi={
        <Button component="a" href={apiLke.rekapXlsxUrl(pemda, tahun)} download variant="default" size="xs" data-rekap-xlsx>
          {t('evaluasi.rekap.unduh')}
        </Button>
      }
    >
      {isi}
    </Bagian>
  );
}
