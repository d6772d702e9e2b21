// `npm run host`: the service on SQLite with the synthetic city loaded. Prints its URL (and, on the
// first start, the admin's and one manager's tokens: shown once, stored only as hashes).
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
// @ts-expect-error: the synthetic city generator is plain JavaScript beside the other examples
import { generateCity } from '../../generate-city.mjs';
import { createFirstAdmin } from './create-first-admin.js';
import { openRepository } from './db/open-repository.js';
import { buildApp, DEFAULT_UTC_OFFSET_MINUTES } from './http/build-app.js';
import { localDate } from './http/local-day.js';
import { issueToken } from './http/tokens.js';
import { loadCity } from './load-city.js';
import { openProvinceQueue } from './queue/province-queue.js';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    db: { type: 'string', default: resolve(here, '../.data/host.db') },
    port: { type: 'string', default: process.env.PORT ?? '8080' },
    host: { type: 'string', default: '127.0.0.1' },
    retailers: { type: 'string', default: '1200' },
    managers: { type: 'string', default: '6' },
    'tls-key': { type: 'string' },
    'tls-cert': { type: 'string' },
    queue: { type: 'string' },
    'tile-url': { type: 'string' },
    'tile-attribution': { type: 'string' },
  },
});
if (!values.db.includes('://')) mkdirSync(dirname(values.db), { recursive: true });
const repo = await openRepository(values.db);
const https =
  values['tls-key'] && values['tls-cert']
    ? { key: readFileSync(values['tls-key']), cert: readFileSync(values['tls-cert']) }
    : undefined;
const provinceQueue = values.queue ? openProvinceQueue(values.queue) : undefined;
const app = await buildApp({
  repo,
  logger: false,
  ...(https ? { https } : {}),
  ...(provinceQueue ? { provinceQueue } : {}),
  page: {
    ...(values['tile-url'] ? { tileUrl: values['tile-url'] } : {}),
    ...(values['tile-attribution'] ? { tileAttribution: values['tile-attribution'] } : {}),
  },
});
let pageLink = '';
if ((await repo.countUsers('admin')) === 0) {
  const admin = await createFirstAdmin(repo, 'admin', 'Administrator');
  const city = generateCity({ seed: 7, retailers: Number(values.retailers), managers: Number(values.managers) });
  // plan from this week's Monday (the city's calendar, UTC+8)
  const today = localDate(Date.now(), DEFAULT_UTC_OFFSET_MINUTES);
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  const monday = new Date(Date.parse(`${today}T00:00:00Z`) - weekday * 86_400_000).toISOString().slice(0, 10);
  const planned = await loadCity(app, admin, city, { startDate: monday, weeks: 1, seed: 7 });
  const managerId = city.managers[0].id as string;
  await repo.createUser({
    id: `user-${managerId}`,
    name: city.managers[0].name,
    role: 'manager',
    managerId,
    createdAt: Date.now(),
  });
  const manager = await issueToken(repo, `user-${managerId}`);
  process.stdout.write(
    `loaded the synthetic city (seed 7): ${city.retailers.length} retailers, ${city.managers.length} managers; ` +
      `${planned.plans} day plans from ${monday} (${planned.stops} stops)\n` +
      `admin token (shown once): ${admin}\nmanager ${managerId} token (shown once): ${manager}\n`,
  );
  pageLink = `/app/#token=${manager}`;
}
const url = await app.listen({ port: Number(values.port), host: values.host });
process.stdout.write(`beatplan CRM host on ${url} (database ${values.db}); OpenAPI at ${url}/openapi.json\n`);
if (provinceQueue)
  process.stdout.write(
    `province planning: POST ${url}/province-plans queues on ${values.queue} (${provinceQueue.kind})\n`,
  );
process.stdout.write(
  `the manager's page: ${url}/app/${pageLink ? ` (first time on this phone: ${url}${pageLink})` : ''}\n`,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, async () => {
    await app.close();
    await provinceQueue?.close();
    await repo.close();
    process.exit(0);
  });
