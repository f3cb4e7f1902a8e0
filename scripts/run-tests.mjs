// Runs every *.test.ts with node's test runner.
// PGlite (in memory) is always tested. When SIKIPER_TEST_POSTGRES holds a PostgreSQL URL
// (an existing database the runner may use to create others), the suite also runs against a
// fresh database created on that server for this run and dropped afterwards. When
// SIKIPER_TEST_CITUS holds the URL of a database on a Citus coordinator (scripts/citus.sh start
// prints one), the suite runs on that cluster too: a fresh database is created on the coordinator
// and every worker it lists, joined into a cluster, migrated (which distributes the tables) by the
// tests, and dropped afterwards.
// The browser end-to-end tests (web/e2e) drive Debian's Chromium at /usr/bin/chromium; without
// it they are skipped with a message, with it the web UI is built first so they test this tree.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

const CHROMIUM = '/usr/bin/chromium';
const roots = ['src', 'scripts', 'bench', 'web'];
const files = [];
const walk = (dir) => {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(dir, e);
    if (e === 'node_modules' || e === 'dist') continue;
    if (statSync(p).isDirectory()) walk(p);
    else if (e.endsWith('.test.ts')) files.push(p);
  }
};
roots.forEach(walk);
files.sort();
const only = process.argv.slice(2);
const selected = only.length > 0 ? files.filter((f) => only.some((o) => f.includes(o))) : files;

const e2e = selected.filter((f) => f.startsWith(join('web', 'e2e')));
if (e2e.length > 0) {
  if (!existsSync(CHROMIUM)) {
    console.log(`# browser tests: SKIPPED, ${CHROMIUM} not found (install it with: apt-get install -y chromium); ${e2e.length} file(s) in web/e2e report as skipped`);
  } else {
    console.log(`# browser tests: ${CHROMIUM}; building the web UI (vite build web) first`);
    const build = spawnSync(process.execPath, [join('node_modules', 'vite', 'bin', 'vite.js'), 'build', 'web', '--logLevel', 'warn'], { stdio: 'inherit' });
    if (build.status !== 0) {
      console.error('# the web UI did not build; not running the tests');
      process.exit(build.status ?? 1);
    }
  }
}

const adminUrl = process.env.SIKIPER_TEST_POSTGRES;
let dbName;
const env = { ...process.env };
if (adminUrl) {
  dbName = `sikiper_test_${process.pid}_${Date.now().toString(36)}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${dbName}`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  env.SIKIPER_TEST_DATABASE_URL = url.toString();
  console.log(`# databases: pglite (in memory) and postgresql (${url.host}/${dbName})`);
} else {
  delete env.SIKIPER_TEST_DATABASE_URL;
  console.log('# databases: pglite (in memory) only; set SIKIPER_TEST_POSTGRES to a PostgreSQL URL to also test on PostgreSQL');
}

const citusUrl = process.env.SIKIPER_TEST_CITUS;
let citusNodes = [];
if (citusUrl) {
  const name = `sikiper_citus_${process.pid}_${Date.now().toString(36)}`;
  citusNodes = await buatCitus(citusUrl, name);
  const url = new URL(citusUrl);
  url.pathname = `/${name}`;
  env.SIKIPER_TEST_CITUS_URL = url.toString();
  console.log(`# databases: + citus (${url.host}/${name}, ${citusNodes.length - 1} worker(s))`);
} else {
  delete env.SIKIPER_TEST_CITUS_URL;
}

const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...selected], {
  stdio: 'inherit',
  env,
});

if (adminUrl && dbName) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await client.end();
}
for (const node of citusNodes) {
  const client = new pg.Client({ connectionString: node.admin });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${node.db} WITH (FORCE)`);
  await client.end();
}
process.exit(result.status ?? 1);

/** Creates database `name` on the coordinator of `url` and on each of its workers and joins them; returns the nodes, coordinator first. */
async function buatCitus(url, name) {
  const coord = new pg.Client({ connectionString: url });
  await coord.connect();
  const { rows } = await coord.query(`select nodename, nodeport from pg_dist_node where groupid <> 0 and noderole = 'primary' order by nodeport`);
  await coord.end();
  const at = (host, port, db) => {
    const u = new URL(url);
    u.hostname = host;
    u.port = String(port);
    u.pathname = `/${db}`;
    return u.toString();
  };
  const base = new URL(url);
  const nodes = [{ host: base.hostname, port: Number(base.port || 5432) }, ...rows.map((r) => ({ host: r.nodename, port: r.nodeport }))].map((n) => ({
    ...n,
    admin: at(n.host, n.port, 'postgres'),
    db: name,
  }));
  if (nodes.length < 2) throw new Error(`SIKIPER_TEST_CITUS: ${base.host} lists no worker (pg_dist_node); start the cluster with scripts/citus.sh start`);
  for (const n of nodes) {
    const admin = new pg.Client({ connectionString: n.admin });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const c = new pg.Client({ connectionString: at(n.host, n.port, name) });
    await c.connect();
    await c.query('CREATE EXTENSION citus');
    await c.end();
  }
  const c = new pg.Client({ connectionString: at(nodes[0].host, nodes[0].port, name) });
  await c.connect();
  await c.query('select citus_set_coordinator_host($1, $2)', [nodes[0].host, nodes[0].port]);
  for (const n of nodes.slice(1)) await c.query('select citus_add_node($1, $2)', [n.host, n.port]);
  await c.end();
  return nodes;
}
