/**
 * web/ restates no server shape: every object shape of the API lives once, as a zod schema in
 * src/kontrak/, and the browser imports its types (`import type … from '@kontrak/…'`). This test
 * walks every schema the contract exports, collects the property names of each object inside it
 * (nested ones too), and fails on any interface or object type written in web/src with the same
 * set of names, or declared under a name the contract exports.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { z } from 'zod';

const AKAR = fileURLToPath(new URL('../..', import.meta.url));
const KONTRAK = join(AKAR, 'src', 'kontrak');
const WEB = join(AKAR, 'web', 'src');

/** A shape counts as restated from this many property names on: fewer are too common to tell. */
const KUNCI_MIN = 3;

function berkas(folder: string, akhiran: readonly string[]): string[] {
  return readdirSync(folder).flatMap((n) => {
    const p = join(folder, n);
    if (statSync(p).isDirectory()) return berkas(p, akhiran);
    return akhiran.some((a) => n.endsWith(a)) && !n.endsWith('.test.ts') ? [p] : [];
  });
}

const tanda = (kunci: Iterable<string>) => [...kunci].sort().join(',');

/** The property-name sets of every object schema reachable from a schema, keyed by their signature. */
export function bentukSkema(akar: z.core.$ZodType, keluar: Map<string, string>, nama: string): void {
  const dilihat = new Set<z.core.$ZodType>();
  const jalan = (s: z.core.$ZodType, di: string) => {
    if (dilihat.has(s)) return;
    dilihat.add(s);
    const def = s._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
    const jenis: string = def.type;
    switch (jenis) {
      case 'object': {
        const shape = (s as z.ZodObject).shape as Record<string, z.core.$ZodType>;
        const kunci = Object.keys(shape);
        if (kunci.length >= KUNCI_MIN && !keluar.has(tanda(kunci))) keluar.set(tanda(kunci), di);
        for (const [k, v] of Object.entries(shape)) jalan(v, `${di}.${k}`);
        break;
      }
      case 'array':
        jalan(def.element as z.core.$ZodType, `${di}[]`);
        break;
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'catch':
      case 'nonoptional':
        jalan(def.innerType as z.core.$ZodType, di);
        break;
      case 'union':
        (def.options as z.core.$ZodType[]).forEach((o, i) => jalan(o, `${di}|${i}`));
        break;
      case 'intersection':
        jalan(def.left as z.core.$ZodType, di);
        jalan(def.right as z.core.$ZodType, di);
        break;
      case 'pipe':
        jalan(def.in as z.core.$ZodType, di);
        jalan(def.out as z.core.$ZodType, di);
        break;
      case 'record':
        jalan(def.valueType as z.core.$ZodType, `${di}{}`);
        break;
      case 'lazy':
        jalan((def.getter as () => z.core.$ZodType)(), di);
        break;
      default:
        break;
    }
  };
  jalan(akar, nama);
}

/** Every object shape of the contract, and every name it exports. */
async function bacaKontrak(): Promise<{ bentuk: Map<string, string>; nama: Set<string> }> {
  const bentuk = new Map<string, string>();
  const nama = new Set<string>();
  const skema: Array<readonly [string, z.ZodType]> = [];
  for (const f of berkas(KONTRAK, ['.ts'])) {
    const modul = (await import(f)) as Record<string, unknown>;
    const sumber = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    for (const s of sumber.statements) {
      const ekspor = ts.canHaveModifiers(s) && ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (ekspor && (ts.isTypeAliasDeclaration(s) || ts.isInterfaceDeclaration(s))) nama.add(s.name.text);
    }
    skema.push(...Object.entries(modul).flatMap(([n, v]) => (v instanceof z.ZodType ? [[`${relative(AKAR, f)}#${n}`, v] as const] : [])));
  }
  // Named schemas first, so a shape is reported under its own name rather than as a field of another.
  for (const [n, v] of skema) {
    if (v instanceof z.ZodObject && Object.keys(v.shape).length >= KUNCI_MIN && !bentuk.has(tanda(Object.keys(v.shape)))) bentuk.set(tanda(Object.keys(v.shape)), n);
  }
  for (const [n, v] of skema) bentukSkema(v, bentuk, n);
  return { bentuk, nama };
}

interface Deklarasi {
  letak: string;
  nama?: string;
  kunci: string[];
}

/** The interfaces, named types and inline object types a web source declares, with their property names. */
export function deklarasiWeb(berkasNama: string, isi: string): Deklarasi[] {
  const sumber = ts.createSourceFile(berkasNama, isi, ts.ScriptTarget.Latest, true, berkasNama.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const hasil: Deklarasi[] = [];
  const letak = (n: ts.Node) => `${berkasNama}:${sumber.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const kunciAnggota = (anggota: ts.NodeArray<ts.TypeElement>) =>
    anggota.flatMap((m) => (ts.isPropertySignature(m) || ts.isMethodSignature(m)) && m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? [m.name.text] : []);
  const kunjungi = (n: ts.Node) => {
    if (ts.isInterfaceDeclaration(n)) hasil.push({ letak: letak(n), nama: n.name.text, kunci: kunciAnggota(n.members) });
    else if (ts.isTypeAliasDeclaration(n)) hasil.push({ letak: letak(n), nama: n.name.text, kunci: ts.isTypeLiteralNode(n.type) ? kunciAnggota(n.type.members) : [] });
    else if (ts.isTypeLiteralNode(n) && !ts.isTypeAliasDeclaration(n.parent)) hasil.push({ letak: letak(n), kunci: kunciAnggota(n.members) });
    ts.forEachChild(n, kunjungi);
  };
  kunjungi(sumber);
  return hasil;
}

/** The web declarations that restate a contract shape, each with the reason. */
function pelanggaran(deklarasi: readonly Deklarasi[], kontrak: { bentuk: Map<string, string>; nama: Set<string> }): string[] {
  const keluar: string[] = [];
  for (const d of deklarasi) {
    const asal = d.kunci.length >= KUNCI_MIN ? kontrak.bentuk.get(tanda(d.kunci)) : undefined;
    if (asal) keluar.push(`${d.letak} ${d.nama ?? '(objek)'} mengulang bentuk ${asal}: impor tipenya dari @kontrak`);
    else if (d.nama && kontrak.nama.has(d.nama)) keluar.push(`${d.letak} ${d.nama} memakai nama tipe kontrak: impor dari @kontrak atau beri nama lain`);
  }
  return keluar;
}

describe('one contract between server and web', () => {
  it('web/src declares no type that restates a shape of src/kontrak', async () => {
    const kontrak = await bacaKontrak();
    assert.ok(kontrak.bentuk.size > 100, `the contract's object shapes are found (${kontrak.bentuk.size})`);
    const deklarasi = berkas(WEB, ['.ts', '.tsx']).flatMap((f) => deklarasiWeb(relative(AKAR, f), readFileSync(f, 'utf8')));
    assert.deepEqual(pelanggaran(deklarasi, kontrak), []);
  });

  it('catches a restated shape, nested or named, in any order of its fields', async () => {
    const kontrak = await bacaKontrak();
    const salinan = `
      interface Pengguna { username: string; csrfToken: string; id: string; nama: string; pemda: { slug: string; nama: string }; peran: never[] }
      type Bebas = { judul: string; isi: string; catatan: string; lain: number; x: number; y: number; z: number };
      type Me = { id: string };
    `;
    const temuan = pelanggaran(deklarasiWeb('contoh.ts', salinan), kontrak);
    assert.equal(temuan.length, 2, temuan.join('\n'));
    assert.match(temuan[0] ?? '', /Pengguna mengulang bentuk src\/kontrak\/umum\.ts#Me/);
    assert.match(temuan[1] ?? '', /Me memakai nama tipe kontrak/);
  });
});
