import { Alert, Button, FileInput, Group, Modal, NativeSelect, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Gulir } from '../components/Gulir.tsx';
import { ApiError } from '../api.ts';
import type { BarisRegister, DefinisiRegister, KolomRegister, NilaiSel, RegisterParams } from '@kontrak/register.ts';
import { apiRegister } from '../api-register.ts';
import { Bagian, Galat, Memuat } from '../components/Bagian.tsx';
import { BarisPilihan, usePilihan } from '../components/Pilihan.tsx';
import { formatAngka, formatTanggal } from '../format.ts';
import { useMuat } from '../muat.ts';
import { setQuery, useLokasi } from '../router.ts';
import { useSesi } from '../session.tsx';
import { KepalaHalaman } from '../components/KepalaHalaman.tsx';

/** Register screen: pick a register, see its rows (masked by role), add/edit/delete rows, import, export. */
export function Register() {
  const { t } = useTranslation();
  const { me } = useSesi();
  const p = usePilihan();
  const { query } = useLokasi();
  const [daftar, ulangDaftar] = useMuat(p.opd ? () => apiRegister.daftar(me.pemda.slug, p.opd ?? '') : undefined, [me.pemda.slug, p.opd]);

  useEffect(() => {
    document.title = `${t('register.judul')} · SIKIPER`;
  }, [t]);

  let isi: ReactNode;
  if (!p.opd) isi = <Alert color="gray">{t('pilihan.tanpaOpd')}</Alert>;
  else if (daftar.keadaan === 'memuat') isi = <Memuat />;
  else if (daftar.keadaan === 'galat') isi = <Galat galat={daftar.galat} ulang={ulangDaftar} />;
  else if (daftar.data.register.length === 0) isi = <Alert color="gray">{t('register.tanpaRegister')}</Alert>;
  else {
    const regs = daftar.data.register;
    const kode = regs.some((r) => r.kode === query.get('register')) ? (query.get('register') ?? '') : (regs[0]?.kode ?? '');
    isi = (
      <Stack>
        <NativeSelect
          label={t('register.pilih')}
          value={kode}
          onChange={(e) => setQuery({ register: e.currentTarget.value })}
          data={regs.map((r) => ({ value: r.kode, label: `${r.nama} (${t('register.baris', { n: r.jumlahBaris })})` }))}
        />
        <TabelRegister key={`${p.opd}/${kode}`} pemda={me.pemda.slug} opd={p.opd} kode={kode} />
      </Stack>
    );
  }

  return (
    <div className="halaman">
      <KepalaHalaman judul={t('register.judul')} keterangan={p.opdNama ?? p.opd}>
        <BarisPilihan p={p} />
      </KepalaHalaman>
      {isi}
    </div>
  );
}

/** The month and year columns of a register's period: calendar numbers, written without a thousands separator ("2023", not "2.023"). */
function kolomKalender(r: DefinisiRegister, k: KolomRegister): boolean {
  return k.tipe === 'angka' && (r.periode.tahun === k.kode || r.periode.bulan === k.kode);
}

function tampil(r: DefinisiRegister, k: KolomRegister, v: NilaiSel | undefined, t: TFunction): string {
  if (v === undefined || v === null || v === '') return t('register.kosong');
  if (k.tipe === 'angka' && typeof v === 'number') return kolomKalender(r, k) ? String(v) : formatAngka(v);
  if (k.tipe === 'tanggal' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatTanggal(v);
  if (k.tipe === 'ya-tidak') return v === true ? t('register.ya') : t('register.tidak');
  return String(v);
}

function pesanGalat(e: unknown, t: TFunction): string[] {
  if (e instanceof ApiError) {
    if (e.code === 'versi-usang') return [t('register.versiUsang')];
    const issues = e.body.issues;
    if (Array.isArray(issues)) return issues.map((i: { path?: string; message?: string }) => `${i.path ?? ''}: ${i.message ?? ''}`);
    return [typeof e.body.message === 'string' ? e.body.message : e.code];
  }
  return [String(e)];
}

function TabelRegister({ pemda, opd, kode }: RegisterParams) {
  const { t } = useTranslation();
  const [muatan, ulang] = useMuat(() => apiRegister.baris(pemda, opd, kode), [pemda, opd, kode]);
  const [form, setForm] = useState<{ baris?: BarisRegister } | undefined>();
  const [hasilImpor, setHasilImpor] = useState<{ ok: boolean; pesan: string[] } | undefined>();
  const [berkas, setBerkas] = useState<File | null>(null);

  if (muatan.keadaan === 'memuat') return <Memuat />;
  if (muatan.keadaan === 'galat') return <Galat galat={muatan.galat} ulang={ulang} />;
  const { kelola, register, baris } = muatan.data;

  const impor = async () => {
    if (!berkas) return;
    try {
      const r = await apiRegister.impor(pemda, opd, kode, berkas);
      setHasilImpor({ ok: true, pesan: [t('register.imporBerhasil', { ditambah: r.ditambah, diubah: r.diubah })] });
      ulang();
    } catch (e) {
      setHasilImpor({ ok: false, pesan: pesanGalat(e, t) });
    }
  };
  const hapus = async (b: BarisRegister) => {
    if (!window.confirm(t('register.hapusTanya', { id: b.id }))) return;
    try {
      await apiRegister.hapus(pemda, opd, kode, b.id, b.version);
      ulang();
    } catch (e) {
      window.alert(pesanGalat(e, t).join('\n'));
    }
  };

  return (
    <Bagian judul={register.nama} id="register-tabel">
      {register.uraian && (
        <Text size="sm" c="dimmed" mb="xs">
          {register.uraian}
        </Text>
      )}
      {!kelola && register.kolom.some((k) => k.pribadi || k.tipe === 'nama-orang' || k.tipe === 'telepon') && (
        <Alert color="gray" mb="xs">
          {t('register.disamarkan')}
        </Alert>
      )}
      <Group mb="sm" align="end">
        {kelola && <Button onClick={() => setForm({})}>{t('register.tambah')}</Button>}
        <Button component="a" variant="default" href={apiRegister.eksporUrl(pemda, opd, kode)}>
          {t('register.ekspor')}
        </Button>
        {kelola && (
          <>
            <FileInput label={t('register.impor')} description={t('register.imporKet')} accept=".xlsx,.csv" value={berkas} onChange={setBerkas} clearable w={280} />
            <Button variant="default" disabled={!berkas} onClick={() => void impor()}>
              {t('register.impor')}
            </Button>
          </>
        )}
      </Group>
      {hasilImpor && (
        <Alert color={hasilImpor.ok ? 'green' : 'red'} mb="sm" role="status" title={hasilImpor.ok ? undefined : t('register.imporGagal')}>
          <ul className="daftar-galat">
            {hasilImpor.pesan.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </Alert>
      )}
      <Gulir minWidth={720} label={register.nama}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('register.id')}</Table.Th>
              {register.kolom.map((k) => (
                <Table.Th scope="col" key={k.kode}>
                  {k.nama}
                </Table.Th>
              ))}
              {kelola && <Table.Th scope="col">{t('register.aksi')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {baris.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Th scope="row">{b.id}</Table.Th>
                {register.kolom.map((k) => (
                  <Table.Td key={k.kode} data-label={k.nama} className={k.tipe === 'angka' ? 'angka' : undefined}>
                    {tampil(register, k, b.nilai[k.kode], t)}
                  </Table.Td>
                ))}
                {kelola && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="subtle" onClick={() => setForm({ baris: b })}>
                        {t('register.ubah')}
                      </Button>
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => void hapus(b)}>
                        {t('register.hapus')}
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Gulir>
      <TotalImporDaftar register={register} />
      {form && (
        <FormBaris
          pemda={pemda}
          opd={opd}
          register={register}
          baris={form.baris}
          onTutup={() => setForm(undefined)}
          onSimpan={() => {
            setForm(undefined);
            ulang();
          }}
        />
      )}
    </Bagian>
  );
}

function TotalImporDaftar({ register }: { register: DefinisiRegister }) {
  const { t } = useTranslation();
  if (register.totalImpor.length === 0) return null;
  return (
    <Stack gap={4} mt="sm">
      <Text fw={600}>{t('register.totalImpor')}</Text>
      {register.totalImpor.map((x) => (
        <Text size="sm" key={x.id}>
          {x.id} ({t('register.bulan', { dari: x.bulanDari, sampai: x.bulanSampai, tahun: x.tahun })}):{' '}
          {Object.entries(x.nilai)
            .map(([k, v]) => `${k} = ${formatAngka(v)}`)
            .join('; ')}
          . {x.keterangan}
        </Text>
      ))}
    </Stack>
  );
}

/** Add or edit one row. What was typed stays in the form when saving fails. */
function FormBaris(props: { pemda: string; opd: string; register: DefinisiRegister; baris: BarisRegister | undefined; onTutup: () => void; onSimpan: () => void }) {
  const { t } = useTranslation();
  const { register, baris } = props;
  const [nilai, setNilai] = useState<Record<string, NilaiSel>>(() => ({ ...(baris?.nilai ?? {}) }));
  const [keterangan, setKeterangan] = useState(baris?.keterangan ?? '');
  const [id, setId] = useState('');
  const [galat, setGalat] = useState<string[]>([]);
  const [menyimpan, setMenyimpan] = useState(false);
  const set = (k: string, v: NilaiSel) => setNilai((n) => ({ ...n, [k]: v }));

  const simpan = async () => {
    setMenyimpan(true);
    try {
      if (baris) await apiRegister.ubah(props.pemda, props.opd, register.kode, baris.id, { nilai, keterangan: keterangan || null, version: baris.version });
      else await apiRegister.tambah(props.pemda, props.opd, register.kode, { ...(id ? { id } : {}), nilai, keterangan: keterangan || null });
      props.onSimpan();
    } catch (e) {
      setGalat(pesanGalat(e, t));
    } finally {
      setMenyimpan(false);
    }
  };

  const input = (k: KolomRegister) => {
    const v = nilai[k.kode];
    const common = { key: k.kode, label: k.nama, required: k.wajib };
    switch (k.tipe) {
      case 'angka':
        return (
          <NumberInput
            {...common}
            decimalSeparator=","
            thousandSeparator={kolomKalender(props.register, k) ? undefined : '.'}
            allowDecimal={!kolomKalender(props.register, k)}
            value={typeof v === 'number' ? v : ''}
            onChange={(x) => set(k.kode, typeof x === 'number' ? x : null)}
          />
        );
      case 'pilihan':
        return (
          <NativeSelect {...common} value={typeof v === 'string' ? v : ''} onChange={(e) => set(k.kode, e.currentTarget.value || null)} data={[{ value: '', label: t('register.kosong') }, ...(k.pilihan ?? []).map((x) => ({ value: x, label: x }))]} />
        );
      case 'ya-tidak':
        return (
          <NativeSelect
            {...common}
            value={v === true ? 'ya' : v === false ? 'tidak' : ''}
            onChange={(e) => set(k.kode, e.currentTarget.value === 'ya' ? true : e.currentTarget.value === 'tidak' ? false : null)}
            data={[
              { value: '', label: t('register.kosong') },
              { value: 'ya', label: t('register.ya') },
              { value: 'tidak', label: t('register.tidak') },
            ]}
          />
        );
      case 'tanggal':
        return <TextInput {...common} type="date" value={typeof v === 'string' ? v : ''} onChange={(e) => set(k.kode, e.currentTarget.value || null)} />;
      case 'teks':
      case 'nama-orang':
      case 'telepon':
        return <TextInput {...common} value={v === null || v === undefined ? '' : String(v)} onChange={(e) => set(k.kode, e.currentTarget.value || null)} />;
    }
  };

  return (
    <Modal opened onClose={props.onTutup} title={baris ? t('register.formUbah', { id: baris.id }) : t('register.formBaru')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void simpan();
        }}
      >
        <Stack gap="xs">
          {!baris && <TextInput label={t('register.id')} value={id} onChange={(e) => setId(e.currentTarget.value)} />}
          {register.kolom.map(input)}
          <TextInput label={t('register.keterangan')} value={keterangan} onChange={(e) => setKeterangan(e.currentTarget.value)} />
          {galat.length > 0 && (
            <Alert color="red" role="alert" title={t('register.galatSimpan')}>
              <ul className="daftar-galat">
                {galat.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </Alert>
          )}
          <Group justify="end">
            <Button variant="default" onClick={props.onTutup}>
              {t('register.batal')}
            </Button>
            <Button type="submit" loading={menyimpan}>
              {t('register.simpan')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
