/**
 * The layers of src/ hold: no import circles between modules, every folder of src/ has its
 * layer rule in eslint.config.js, the layers themselves form no circle, and the lint rule fires
 * on an import that breaks them. See docs/ARCHITECTURE.md, "Layers".
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript';
import tseslint from 'typescript-eslint';

const AKAR = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(AKAR, 'src');

/** Every .ts file under a folder. */
function berkasTs(folder: string): string[] {
  return readdirSync(folder).flatMap((n) => {
    const p = join(folder, n);
    if (statSync(p).isDirectory()) return berkasTs(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

/** The files a module imports or re-exports statically (relative specifiers only; type-only imports too). */
export function imporStatis(berkas: string, isi: string): string[] {
  const sumber = ts.createSourceFile(berkas, isi, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const hasil: string[] = [];
  for (const s of sumber.statements) {
    if ((ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier)) {
      const spek = s.moduleSpecifier.text;
      if (spek.startsWith('.')) hasil.push(resolve(dirname(berkas), spek));
    }
  }
  return hasil;
}

/** The import graph of the non-test modules of src/. */
function grafSrc(): Map<string, string[]> {
  const graf = new Map<string, string[]>();
  for (const f of berkasTs(SRC).filter((f) => !f.endsWith('.test.ts'))) graf.set(f, imporStatis(f, readFileSync(f, 'utf8')));
  return graf;
}

/** Every circle of a graph found by a depth-first search, each as the path that closes it (first node repeated at the end). */
export function cariLingkaran(graf: ReadonlyMap<string, readonly string[]>): string[][] {
  const selesai = new Set<string>();
  const jalur: string[] = [];
  const diJalur = new Set<string>();
  const lingkaran: string[][] = [];
  const kunjungi = (n: string) => {
    jalur.push(n);
    diJalur.add(n);
    for (const m of graf.get(n) ?? []) {
      if (diJalur.has(m)) lingkaran.push([...jalur.slice(jalur.indexOf(m)), m]);
      else if (!selesai.has(m) && graf.has(m)) kunjungi(m);
    }
    jalur.pop();
    diJalur.delete(n);
    selesai.add(n);
  };
  for (const n of [...graf.keys()].sort()) if (!selesai.has(n)) kunjungi(n);
  return lingkaran;
}

async function lapisan(): Promise<Record<string, string[]>> {
  const modul = (await import(new URL('../eslint.config.js', import.meta.url).href)) as { LAPISAN: Record<string, string[]> };
  return modul.LAPISAN;
}

describe('layers of src/', () => {
  it('the search finds a circle and only a circle', () => {
    assert.deepEqual(cariLingkaran(new Map([['a', ['b']], ['b', ['c']], ['c', ['a', 'd']], ['d', []]])), [['a', 'b', 'c', 'a']]);
    assert.deepEqual(cariLingkaran(new Map([['a', ['a']]])), [['a', 'a']]);
    assert.deepEqual(cariLingkaran(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]])), []);
  });

  it('reads static imports and re-exports, type-only ones too, not dynamic ones or packages', () => {
    const isi = "import { a } from './a.ts';\nimport type { B } from '../b/b.ts';\nexport * from './c.ts';\nimport x from 'zod';\nconst d = await import('./d.ts');\n";
    assert.deepEqual(imporStatis('/p/src/x/y.ts', isi), ['/p/src/x/a.ts', '/p/src/b/b.ts', '/p/src/x/c.ts']);
  });

  it('no module of src/ imports itself through others', () => {
    const graf = grafSrc();
    assert.ok(graf.size > 100, 'the graph covers src/');
    const lingkaran = cariLingkaran(graf).map((c) => c.map((f) => relative(SRC, f)).join(' → '));
    assert.deepEqual(lingkaran, []);
  });

  it('every folder of src/ is a layer with its rule, and the layers form no circle', async () => {
    const l = await lapisan();
    const folder = readdirSync(SRC).filter((n) => statSync(join(SRC, n)).isDirectory()).sort();
    assert.deepEqual(Object.keys(l).sort(), folder);
    assert.deepEqual(cariLingkaran(new Map(Object.entries(l))), []);
  });

  it('every import between folders of src/ is one its layer allows', async () => {
    const l = await lapisan();
    const salah: string[] = [];
    for (const [dari, ke] of grafSrc()) {
      const a = relative(SRC, dari).split('/')[0] ?? '';
      for (const t of ke) {
        const b = relative(SRC, t).split('/')[0] ?? '';
        if (a !== b && !(l[a] ?? []).includes(b)) salah.push(`${relative(SRC, dari)} → ${relative(SRC, t)}`);
      }
    }
    assert.deepEqual(salah, []);
  });

  it('the lint rule refuses an import a layer does not allow, and process.env outside the entry point', async () => {
    const eslint = new ESLint({ cwd: AKAR, overrideConfig: tseslint.configs.disableTypeChecked });
    const teks = "import { openDatabase } from '../db/client.ts';\nimport { UKURAN } from '../formula/index.ts';\nexport const x = [openDatabase, UKURAN, process.env.PORT];\n";
    const [hasil] = await eslint.lintText(teks, { filePath: join(SRC, 'engine', 'contoh-lapisan.ts') });
    const pesan = (hasil?.messages ?? []).map((m) => `${m.ruleId ?? ''}: ${m.message}`);
    assert.equal(pesan.length, 3, pesan.join('\n'));
    assert.match(pesan[0] ?? '', /^no-restricted-imports: '\.\.\/db\/client\.ts' import is restricted .*src\/engine may import only no other layer/);
    assert.match(pesan[1] ?? '', /^no-restricted-imports: '\.\.\/formula\/index\.ts'/);
    assert.match(pesan[2] ?? '', /^no-restricted-properties: 'process\.env'/);
    const [boleh] = await eslint.lintText("import { bacaKatalog } from '../workflow/katalog.ts';\nexport const x = bacaKatalog;\n", { filePath: join(SRC, 'server', 'contoh-lapisan.ts') });
    assert.deepEqual(boleh?.messages, []);
  });
});
