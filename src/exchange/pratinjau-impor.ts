/**
 * Previews of an import: what would be added, changed (field: old → new) and removed compared
 * with what the database holds, before anything is written.
 */

export interface PerubahanMedan {
  medan: string;
  lama: string;
  baru: string;
}

export interface BarisPratinjau {
  kode: string;
  /** What the row is ("program", "triwulan 2"), for the reader. */
  jenis?: string | undefined;
  nama: string;
  medan: PerubahanMedan[];
}

export interface Selisih {
  /** Nothing of this kind existed before. */
  baru: boolean;
  tambah: BarisPratinjau[];
  ubah: BarisPratinjau[];
  hapus: BarisPratinjau[];
  tetap: number;
}

/** A field's value: compared as is, formatted only when it changed (formatting thousands of rupiah is not free). */
export type NilaiMedan = string | number | undefined;
export type FormatMedan = (medan: string, v: NilaiMedan) => string;

const formatBiasa: FormatMedan = (_medan, v) => (v === undefined ? '' : String(v));

/** Fields that differ between two descriptions of the same thing. */
export function bandingkan(lama: ReadonlyMap<string, NilaiMedan>, baru: ReadonlyMap<string, NilaiMedan>, format: FormatMedan = formatBiasa): PerubahanMedan[] {
  const out: PerubahanMedan[] = [];
  const tampil = (key: string, v: NilaiMedan) => {
    const t = v === undefined || v === '' ? '' : format(key, v);
    return t === '' ? '(kosong)' : t;
  };
  for (const key of new Set([...lama.keys(), ...baru.keys()])) {
    const a = lama.get(key);
    const b = baru.get(key);
    if ((a ?? '') !== (b ?? '')) out.push({ medan: key, lama: tampil(key, a), baru: tampil(key, b) });
  }
  return out;
}

/**
 * Compares lists keyed by `kode`. `lama` undefined means the list did not exist. With
 * `hapusYangHilang` false (partial updates such as realisasi), items only in `lama` stay and are
 * not reported as removed.
 */
export function selisih<T extends { kode: string }>(
  lama: readonly T[] | undefined,
  baru: readonly T[],
  medan: (x: T) => ReadonlyMap<string, NilaiMedan>,
  info: (x: T) => { jenis?: string | undefined; nama: string },
  hapusYangHilang = true,
  format: FormatMedan = formatBiasa,
): Selisih {
  const before = new Map((lama ?? []).map((x) => [x.kode, x]));
  const after = new Set(baru.map((x) => x.kode));
  const s: Selisih = { baru: lama === undefined, tambah: [], ubah: [], hapus: [], tetap: 0 };
  for (const x of baru) {
    const old = before.get(x.kode);
    if (!old) {
      s.tambah.push({ kode: x.kode, ...info(x), medan: [] });
      continue;
    }
    const diff = bandingkan(medan(old), medan(x), format);
    if (diff.length > 0) s.ubah.push({ kode: x.kode, ...info(x), medan: diff });
    else s.tetap++;
  }
  if (hapusYangHilang) for (const x of lama ?? []) if (!after.has(x.kode)) s.hapus.push({ kode: x.kode, ...info(x), medan: [] });
  return s;
}

export function barisSelisih(label: string, s: Selisih): string[] {
  const lines = [`${label}${s.baru ? ' (baru)' : ''}: ${s.tambah.length} ditambah, ${s.ubah.length} diubah, ${s.hapus.length} dihapus, ${s.tetap} tetap`];
  const nama = (x: BarisPratinjau) => [x.kode, x.jenis, x.nama].filter((v) => v !== undefined && v !== '').join(' ');
  for (const x of s.tambah) lines.push(`  + ${nama(x)}`);
  for (const x of s.ubah) {
    lines.push(`  ~ ${nama(x)}`);
    for (const m of x.medan) lines.push(`      ${m.medan}: ${m.lama} → ${m.baru}`);
  }
  for (const x of s.hapus) lines.push(`  - ${nama(x)}`);
  return lines;
}
