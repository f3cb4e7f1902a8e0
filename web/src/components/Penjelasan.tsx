import { Button, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Gulir } from './Gulir.tsx';
import type { Penjelasan, SlotPenjelasan } from '@kontrak/register.ts';
import type { EntriParams } from '@kontrak/umum.ts';
import { apiRegister } from '../api-register.ts';
import { formatAngka, formatPersen } from '../format.ts';
import { useMuat } from '../muat.ts';
import { Galat, Memuat } from './Bagian.tsx';

/** An indicator of an OPD's year: the address of its entries, without the quarter. */
type AlamatIndikator = Omit<EntriParams, 'tw'>;

/**
 * "Penjelasan" for an indicator computed from registers: a small button that opens the formula,
 * the value per quarter and the register rows behind it (no personal columns; the server leaves
 * them out).
 */
export function TombolPenjelasan({ pemda, opd, tahun, kode }: AlamatIndikator) {
  const { t } = useTranslation();
  const [buka, setBuka] = useState(false);
  return (
    <>
      <Button variant="subtle" size="compact-xs" onClick={() => setBuka(true)} aria-haspopup="dialog">
        {t('register.penjelasan')}
      </Button>
      {buka && (
        <Modal opened onClose={() => setBuka(false)} title={t('register.penjelasanJudul', { kode })} size="xl">
          <IsiPenjelasan pemda={pemda} opd={opd} tahun={tahun} kode={kode} />
        </Modal>
      )}
    </>
  );
}

function nilaiSlot(s: SlotPenjelasan): string {
  const pq = s.pembilang !== null && s.penyebut !== null ? `${formatAngka(s.pembilang)}/${formatAngka(s.penyebut)} = ` : '';
  return s.nilai === null ? (s.alasan ?? '–') : `${pq}${formatAngka(s.nilai)}`;
}

function TabelSlot({ slot }: { slot: SlotPenjelasan[] }) {
  const { t } = useTranslation();
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('register.periode')}</Table.Th>
          <Table.Th scope="col">{t('register.nilai')}</Table.Th>
          <Table.Th scope="col">{t('register.agregat')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {slot.map((s) => (
          <Table.Tr key={`${s.triwulan ?? 'th'}-${s.bulanSampai}`}>
            <Table.Th scope="row">{s.triwulan === null ? t('register.tahunan') : `TW${s.triwulan}`}</Table.Th>
            <Table.Td>
              {nilaiSlot(s)}
              {s.sumber === 'impor' && (
                <Text size="xs" c="dimmed">
                  {t('register.sumberImpor')}: {s.keterangan}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {s.agregat.map((a) => (
                <div key={a.rumus}>
                  <code>{a.rumus}</code> = {a.nilai === null ? (a.alasan ?? '–') : formatAngka(a.nilai)}{' '}
                  <Text span size="xs" c="dimmed">
                    ({a.baris.length} {t('register.barisDipakai').toLowerCase()}
                    {a.totalImpor.length > 0 ? ` + ${a.totalImpor.join(', ')}` : ''})
                  </Text>
                </div>
              ))}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function IsiPenjelasan({ pemda, opd, tahun, kode }: AlamatIndikator) {
  const { t } = useTranslation();
  const [muatan, ulang] = useMuat<Penjelasan>(() => apiRegister.penjelasan(pemda, opd, tahun, kode), [pemda, opd, tahun, kode]);
  if (muatan.keadaan === 'memuat') return <Memuat />;
  if (muatan.keadaan === 'galat') return <Galat galat={muatan.galat} ulang={ulang} />;
  const p = muatan.data;
  return (
    <Stack gap="sm">
      <Text>
        <strong>{t('register.rumus')}:</strong> <code>{p.rumus.teks}</code> ({p.rumus.periode}, {p.indikator.agregasi})
      </Text>
      <TabelSlot slot={p.triwulan} />
      {p.kumulatif && (
        <>
          <Text fw={600}>{t('register.kumulatif')}</Text>
          <TabelSlot slot={p.kumulatif} />
        </>
      )}
      <Text>
        <strong>{t('register.realisasi')}:</strong> {p.realisasi.nilai === null ? (p.realisasi.alasan ?? '–') : formatAngka(p.realisasi.nilai)} · <strong>{t('register.capaian')}:</strong>{' '}
        {formatPersen(p.capaian)}
      </Text>
      {p.register.map((r) => (
        <details key={r.kode}>
          <summary>
            {r.nama} ({r.baris.length} {t('register.barisDipakai').toLowerCase()})
          </summary>
          <Gulir minWidth={720} label={r.nama}>
            <Table fz="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('register.id')}</Table.Th>
                  {r.kolom.map((k) => (
                    <Table.Th scope="col" key={k.kode}>
                      {k.nama}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.baris.map((b) => (
                  <Table.Tr key={b.id}>
                    <Table.Th scope="row">{b.id}</Table.Th>
                    {r.kolom.map((k) => (
                      <Table.Td key={k.kode}>{String(b.nilai[k.kode] ?? '')}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Gulir>
          {r.totalImpor.map((x) => (
            <Text size="sm" key={x.id}>
              {t('register.totalImpor')} {x.id} ({t('register.bulan', { dari: x.bulanDari, sampai: x.bulanSampai, tahun: x.tahun })}):{' '}
              {Object.entries(x.nilai)
                .map(([k, v]) => `${k} = ${formatAngka(v)}`)
                .join('; ')}
              . {x.keterangan}
            </Text>
          ))}
        </details>
      ))}
    </Stack>
  );
}
