/**
 * Reads a dataset from disk: one JSON file holding the whole dataset, or a folder laid out as
 *
 *   dataset.json                       { format, version, pemda }
 *   opd/<slug>/opd.json                the OPD without renstra and tahun
 *   opd/<slug>/renstra-*.json          one Renstra each
 *   opd/<slug>/<tahun>/*.json          parts of one year: objects with `tahun` whose
 *                                      arrays are concatenated and whose other keys must not clash
 *
 * Every error names the file and the path inside it.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { periksaRegister, periksaRumus, skemaRumus } from './register.ts';
import type { z } from 'zod';
import { Dataset, DATASET_FORMAT, DATASET_VERSION } from './schema.ts';

export class DatasetError extends Error {
  constructor(public readonly problems: readonly DatasetProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'DatasetError';
  }
}

export interface DatasetProblem {
  file?: string;
  path: string;
  message: string;
}

export function formatProblem(p: DatasetProblem): string {
  return `${p.file ? `${p.file}: ` : ''}${p.path || '(akar)'}: ${p.message}`;
}

type Json = unknown;
interface Sourced {
  value: Json;
  /** For every top-level path prefix, which file it came from. */
  origins: Array<{ prefix: (string | number)[]; file: string }>;
}

async function readJson(file: string, root: string): Promise<Json> {
  const raw = await readFile(file, 'utf8');
  try {
    return JSON.parse(raw) as Json;
  } catch (e) {
    throw new DatasetError([{ file: relative(root, file) || file, path: '', message: `bukan JSON yang sah: ${(e as Error).message}` }]);
  }
}

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

async function readFolder(dir: string): Promise<Sourced> {
  const origins: Sourced['origins'] = [];
  const rel = (f: string) => relative(dir, f);
  const top = await readJson(join(dir, 'dataset.json'), dir);
  if (!isObject(top)) throw new DatasetError([{ file: 'dataset.json', path: '', message: 'harus berupa objek' }]);
  origins.push({ prefix: [], file: 'dataset.json' });
  const opdList: Json[] = [];
  const opdDir = join(dir, 'opd');
  const opdSlugs = (await exists(opdDir)) ? (await readdir(opdDir)).sort() : [];
  for (const slug of opdSlugs) {
    const base = join(opdDir, slug);
    if (!(await stat(base)).isDirectory()) continue;
    const index = opdList.length;
    const opdFile = join(base, 'opd.json');
    const opd = await readJson(opdFile, dir);
    if (!isObject(opd)) throw new DatasetError([{ file: rel(opdFile), path: '', message: 'harus berupa objek' }]);
    origins.push({ prefix: ['opd', index], file: rel(opdFile) });
    const renstra: Json[] = [];
    const register: Json[] = [];
    const years = new Map<number, { value: Record<string, Json>; files: string[] }>();
    for (const entry of (await readdir(base)).sort()) {
      const full = join(base, entry);
      if (/^renstra.*\.json$/.test(entry)) {
        origins.push({ prefix: ['opd', index, 'renstra', renstra.length], file: rel(full) });
        renstra.push(await readJson(full, dir));
      } else if (/^register.*\.json$/.test(entry)) {
        origins.push({ prefix: ['opd', index, 'register', register.length], file: rel(full) });
        register.push(await readJson(full, dir));
      } else if (/^\d{4}$/.test(entry) && (await stat(full)).isDirectory()) {
        const tahun = Number(entry);
        for (const part of (await readdir(full)).filter((f) => f.endsWith('.json')).sort()) {
          const partFile = join(full, part);
          const value = await readJson(partFile, dir);
          if (!isObject(value) || value.tahun !== tahun) {
            throw new DatasetError([{ file: rel(partFile), path: 'tahun', message: `harus objek dengan "tahun": ${tahun}` }]);
          }
          const current = years.get(tahun) ?? { value: { tahun }, files: [] };
          for (const [key, v] of Object.entries(value)) {
            if (key === 'tahun') continue;
            const prev = current.value[key];
            if (prev === undefined) current.value[key] = v;
            else if (Array.isArray(prev) && Array.isArray(v)) current.value[key] = [...(prev as Json[]), ...(v as Json[])];
            else throw new DatasetError([{ file: rel(partFile), path: key, message: `"${key}" sudah diisi oleh berkas lain tahun ${tahun}` }]);
          }
          current.files.push(rel(partFile));
          years.set(tahun, current);
        }
      }
    }
    const tahunList = [...years.entries()].sort(([a], [b]) => a - b);
    tahunList.forEach(([, y], i) => origins.push({ prefix: ['opd', index, 'tahun', i], file: y.files.join(' + ') }));
    opdList.push({ ...opd, renstra, tahun: tahunList.map(([, y]) => y.value), ...(register.length > 0 ? { register } : {}) });
  }
  return { value: { ...top, opd: opdList }, origins };
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

function fileFor(origins: Sourced['origins'], path: readonly PropertyKey[]): string | undefined {
  let best: { prefix: (string | number)[]; file: string } | undefined;
  for (const o of origins) {
    if (o.prefix.length <= path.length && o.prefix.every((p, i) => p === path[i])) {
      if (!best || o.prefix.length > best.prefix.length) best = o;
    }
  }
  return best?.file;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

/** Validates an already parsed value as a dataset, with every problem located. */
export function parseDataset(value: Json, origins: Sourced['origins'] = []): Dataset {
  if (isObject(value)) {
    if (value.format !== DATASET_FORMAT) {
      throw new DatasetError([{ file: fileFor(origins, []), path: 'format', message: `bukan dataset SIKIPER (format harus "${DATASET_FORMAT}")` }]);
    }
    if (value.version !== DATASET_VERSION) {
      throw new DatasetError([
        { file: fileFor(origins, []), path: 'version', message: `versi ${String(value.version)} tidak didukung; versi yang dibaca: ${DATASET_VERSION}` },
      ]);
    }
  }
  const result = Dataset.safeParse(value);
  if (!result.success) throw new DatasetError(zodProblems(result.error, origins));
  const problems = checkReferences(result.data).map((p) => (p.file ? p : { ...p, file: fileFor(origins, pathOf(p.path)) }));
  if (problems.length > 0) throw new DatasetError(problems);
  return result.data;
}

function zodProblems(error: z.ZodError, origins: Sourced['origins']): DatasetProblem[] {
  return error.issues.map((issue) => ({
    file: fileFor(origins, issue.path),
    path: formatPath(issue.path),
    message: issue.message,
  }));
}

/** Reads a dataset file or folder. */
export async function bacaBerkasDataset(path: string): Promise<Dataset> {
  const info = await stat(path);
  if (info.isDirectory()) {
    const { value, origins } = await readFolder(path);
    return parseDataset(value, origins);
  }
  const value = await readJson(path, path);
  return parseDataset(value, [{ prefix: [], file: path }]);
}

/** `opd[0].register[1].baris[2]` back to its parts, to find the file a problem is in. */
function pathOf(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : (m[1] ?? '')));
}

/** Codes that point elsewhere in the dataset must point at something that exists. */
export function checkReferences(d: Dataset): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const need = (ok: boolean, path: (string | number)[], message: string) => {
    if (!ok) problems.push({ path: formatPath(path), message });
  };
  const unique = (codes: string[], path: (string | number)[], what: string) => {
    const seen = new Set<string>();
    codes.forEach((c, i) => {
      need(!seen.has(c), [...path, i], `${what} "${c}" ganda`);
      seen.add(c);
    });
  };
  const opdSlugs = new Set(d.opd.map((o) => o.slug));
  unique(d.opd.map((o) => o.slug), ['opd'], 'slug OPD');
  d.pemda.rpjmd.forEach((r, ri) => {
    const misi = new Set(r.misi.map((m) => m.kode));
    const tujuan = new Set(r.tujuan.map((t) => t.kode));
    const sasaran = new Set(r.sasaran.map((s) => s.kode));
    r.tujuan.forEach((t, i) => need(misi.has(t.misi), ['pemda', 'rpjmd', ri, 'tujuan', i, 'misi'], `misi "${t.misi}" tidak ada`));
    r.sasaran.forEach((s, i) => need(tujuan.has(s.tujuan), ['pemda', 'rpjmd', ri, 'sasaran', i, 'tujuan'], `tujuan "${s.tujuan}" tidak ada`));
    r.indikator.forEach((ind, i) => {
      need(sasaran.has(ind.sasaran), ['pemda', 'rpjmd', ri, 'indikator', i, 'sasaran'], `sasaran RPJMD "${ind.sasaran}" tidak ada`);
      ind.pengampu.forEach((s, j) => need(opdSlugs.has(s), ['pemda', 'rpjmd', ri, 'indikator', i, 'pengampu', j], `OPD "${s}" tidak ada`));
    });
  });
  const rpjmdTujuan = new Set(d.pemda.rpjmd.flatMap((r) => r.tujuan.map((t) => t.kode)));
  const rpjmdSasaran = new Set(d.pemda.rpjmd.flatMap((r) => r.sasaran.map((s) => s.kode)));

  d.opd.forEach((opd, oi) => {
    const at = (...p: (string | number)[]) => ['opd', oi, ...p];
    const units = new Set(opd.unit.map((u) => u.kode));
    unique(opd.unit.map((u) => u.kode), at('unit'), 'kode unit');
    opd.unit.forEach((u, i) => need(!u.induk || units.has(u.induk), at('unit', i, 'induk'), `unit induk "${u.induk}" tidak ada`));
    opd.pejabat.forEach((p, i) => need(!p.unit || units.has(p.unit), at('pejabat', i, 'unit'), `unit "${p.unit}" tidak ada`));
    const sasaranCodes = new Set<string>();
    const indikatorCodes = new Set<string>();
    opd.renstra.forEach((r, ri) => {
      const tujuan = new Set(r.tujuan.map((t) => t.kode));
      r.tujuan.forEach((t, i) => {
        need(!t.rpjmdTujuan || rpjmdTujuan.has(t.rpjmdTujuan), at('renstra', ri, 'tujuan', i, 'rpjmdTujuan'), `tujuan RPJMD "${t.rpjmdTujuan}" tidak ada`);
        t.indikator.forEach((ind) => indikatorCodes.add(ind.kode));
      });
      r.sasaran.forEach((s, i) => {
        sasaranCodes.add(s.kode);
        need(tujuan.has(s.tujuan), at('renstra', ri, 'sasaran', i, 'tujuan'), `tujuan "${s.tujuan}" tidak ada`);
        need(!s.rpjmdSasaran || rpjmdSasaran.has(s.rpjmdSasaran), at('renstra', ri, 'sasaran', i, 'rpjmdSasaran'), `sasaran RPJMD "${s.rpjmdSasaran}" tidak ada`);
        s.indikator.forEach((ind, j) => {
          indikatorCodes.add(ind.kode);
          ind.penanggungJawab.forEach((u, k) => need(units.has(u), at('renstra', ri, 'sasaran', i, 'indikator', j, 'penanggungJawab', k), `unit "${u}" tidak ada`));
        });
      });
      unique([...r.tujuan.flatMap((t) => t.indikator), ...r.sasaran.flatMap((s) => s.indikator)].map((x) => x.kode), at('renstra', ri, 'indikator'), 'kode indikator');
      r.iku.forEach((v, vi) =>
        v.baris.forEach((b, bi) => {
          need(sasaranCodes.has(b.sasaran), at('renstra', ri, 'iku', vi, 'baris', bi, 'sasaran'), `sasaran "${b.sasaran}" tidak ada`);
          need(!b.indikator || indikatorCodes.has(b.indikator), at('renstra', ri, 'iku', vi, 'baris', bi, 'indikator'), `indikator "${b.indikator}" tidak ada`);
        }),
      );
    });
    unique(opd.register.map((r) => r.kode), at('register'), 'kode register');
    opd.register.forEach((reg, ri) => {
      need(!reg.unit || units.has(reg.unit), at('register', ri, 'unit'), `unit "${reg.unit}" tidak ada`);
      for (const p of periksaRegister(reg)) problems.push({ path: formatPath(at('register', ri, ...p.path)), message: p.message });
    });
    const skema = skemaRumus(opd.register);
    opd.renstra.forEach((r, ri) =>
      r.sasaran.forEach((s, si) =>
        s.indikator.forEach((ind, ii) => {
          for (const p of periksaRumus(ind, skema)) problems.push({ path: formatPath(at('renstra', ri, 'sasaran', si, 'indikator', ii, 'rumus', ...p.path)), message: p.message });
        }),
      ),
    );
    unique(opd.tahun.map((t) => String(t.tahun)), at('tahun'), 'tahun');
    opd.tahun.forEach((y, yi) => {
      const nodeCodes = new Set<string>();
      const renjaIndicatorCodes = new Set<string>();
      y.renja.forEach((r, ri) => {
        const codes = new Set(r.node.map((n) => n.kode));
        unique(r.node.map((n) => n.kode), at('tahun', yi, 'renja', ri, 'node'), 'kode node Renja');
        r.node.forEach((n, ni) => {
          nodeCodes.add(n.kode);
          n.indikator.forEach((ind) => renjaIndicatorCodes.add(ind.kode));
          need(!n.induk || codes.has(n.induk), at('tahun', yi, 'renja', ri, 'node', ni, 'induk'), `induk "${n.induk}" tidak ada`);
          need(!n.unit || units.has(n.unit), at('tahun', yi, 'renja', ri, 'node', ni, 'unit'), `unit "${n.unit}" tidak ada`);
          n.sasaran.forEach((s, si) => need(sasaranCodes.has(s), at('tahun', yi, 'renja', ri, 'node', ni, 'sasaran', si), `sasaran "${s}" tidak ada`));
        });
        unique(r.node.flatMap((n) => n.indikator.map((i) => i.kode)), at('tahun', yi, 'renja', ri, 'indikator'), 'kode indikator Renja');
      });
      const knownIndicator = (k: string) => indikatorCodes.has(k) || renjaIndicatorCodes.has(k);
      y.anggaran.forEach((a, ai) =>
        a.baris.forEach((b, bi) => need(nodeCodes.has(b.kode), at('tahun', yi, 'anggaran', ai, 'baris', bi, 'kode'), `node Renja "${b.kode}" tidak ada`)),
      );
      y.pk.forEach((pk, pi) => {
        pk.kinerja.forEach((k, ki) => {
          need(sasaranCodes.has(k.sasaran), at('tahun', yi, 'pk', pi, 'kinerja', ki, 'sasaran'), `sasaran "${k.sasaran}" tidak ada`);
          need(indikatorCodes.has(k.indikator), at('tahun', yi, 'pk', pi, 'kinerja', ki, 'indikator'), `indikator "${k.indikator}" tidak ada`);
        });
        pk.anggaran.forEach((a, ai) => {
          need(nodeCodes.has(a.program), at('tahun', yi, 'pk', pi, 'anggaran', ai, 'program'), `program "${a.program}" tidak ada`);
          need(nodeCodes.has(a.kegiatan), at('tahun', yi, 'pk', pi, 'anggaran', ai, 'kegiatan'), `kegiatan "${a.kegiatan}" tidak ada`);
        });
        pk.penjelasan.forEach((p, xi) => need(indikatorCodes.has(p.indikator), at('tahun', yi, 'pk', pi, 'penjelasan', xi, 'indikator'), `indikator "${p.indikator}" tidak ada`));
      });
      y.realisasi.forEach((r, ri) => need(knownIndicator(r.indikator), at('tahun', yi, 'realisasi', ri, 'indikator'), `indikator "${r.indikator}" tidak ada`));
      y.rencanaAksi.forEach((r, ri) => need(knownIndicator(r.indikator), at('tahun', yi, 'rencanaAksi', ri, 'indikator'), `indikator "${r.indikator}" tidak ada`));
      y.sdgs.forEach((s, si) => need(nodeCodes.has(s.subKegiatan), at('tahun', yi, 'sdgs', si, 'subKegiatan'), `sub kegiatan "${s.subKegiatan}" tidak ada`));
      y.narasi?.sasaran.forEach((n, ni) => need(sasaranCodes.has(n.sasaran), at('tahun', yi, 'narasi', 'sasaran', ni, 'sasaran'), `sasaran "${n.sasaran}" tidak ada`));
    });
  });
  return problems;
}
