/**
 * The server under test, in a process of its own: opens DATABASE_URL, builds the app as
 * `sikiper serve` does (without the demo seeding) and listens on a free port, which it prints.
 */
import type { AddressInfo } from 'node:net';
import { bacaKonfigurasi, teksMasalah } from '../../src/config/config.ts';
import { openDatabase } from '../../src/db/client.ts';
import { buildApp } from '../../src/server/app.ts';

const hasil = bacaKonfigurasi(process.env);
if (!hasil.ok) throw new Error(teksMasalah(hasil.masalah));
const k = hasil.konfigurasi;
const database = await openDatabase({ url: k.databaseUrl, dataDir: k.dataDir, pool: k.pgPool });
const app = buildApp(database, { webDist: false, cookieSecure: k.cookieSecure, trustProxy: k.trustProxy, originLain: k.originLain, cacheDasbor: k.cacheDasbor, cacheKatalog: k.cacheKatalog });
await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`@@port ${(app.server.address() as AddressInfo).port}\n`);
const stop = () => {
  void app.close().then(() => database.close()).then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
