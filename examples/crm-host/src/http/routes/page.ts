import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';

const dir = new URL('../../../public/', import.meta.url);
const FILES: readonly [string, string, string][] = [
  ['/app/', 'index.html', 'text/html; charset=utf-8'],
  ['/app/app.js', 'app.js', 'text/javascript; charset=utf-8'],
  ['/app/sw.js', 'sw.js', 'text/javascript; charset=utf-8'],
];

/**
 * The manager's phone page (`public/`): three files, read once, served without a token (the page asks
 * for one and sends it with every API call). `no-cache` so a deploy reaches the phone at the next load;
 * offline, the service worker serves its copies.
 */
export const pageRoutes: FastifyPluginAsync = async (app) => {
  app.get('/app', { config: { public: true }, schema: { hide: true } }, (_req, reply) => reply.redirect('/app/'));
  for (const [path, file, type] of FILES) {
    const body = readFileSync(new URL(file, dir));
    app.get(path, { config: { public: true }, schema: { hide: true } }, (_req, reply) =>
      reply.type(type).header('cache-control', 'no-cache').header('service-worker-allowed', '/app/').send(body),
    );
  }
};
