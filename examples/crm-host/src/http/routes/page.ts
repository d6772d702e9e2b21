import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';

const dir = new URL('../../../public/', import.meta.url);
const FILES: readonly [string, string, string][] = [
  ['/app/', 'index.html', 'text/html; charset=utf-8'],
  ['/app/app.js', 'app.js', 'text/javascript; charset=utf-8'],
  ['/app/map.js', 'map.js', 'text/javascript; charset=utf-8'],
  ['/app/sw.js', 'sw.js', 'text/javascript; charset=utf-8'],
];

/** The page's settings, served at `/app/config.json`. */
export interface PageConfig {
  /**
   * An XYZ tile URL with `{z}`, `{x}`, `{y}` (e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`, whose
   * usage policy a deployment must follow): drawn under the route. Default none: the route on a plain
   * background, no request leaves the host.
   */
  tileUrl?: string;
  /** Shown on the map with the tiles, e.g. `© OpenStreetMap contributors` (a tile server's licence asks for it). */
  tileAttribution?: string;
}

/**
 * The manager's phone page (`public/`): its files, read once, served without a token (the page asks
 * for one and sends it with every API call), and its settings at `/app/config.json`. `no-cache` so a
 * deploy reaches the phone at the next load; offline, the service worker serves its copies.
 */
export function pageRoutes(config: PageConfig = {}): FastifyPluginAsync {
  const settings = JSON.stringify({ tileUrl: config.tileUrl ?? null, tileAttribution: config.tileAttribution ?? null });
  return async (app) => {
    app.get('/app', { config: { public: true }, schema: { hide: true } }, (_req, reply) => reply.redirect('/app/'));
    for (const [path, file, type] of FILES) {
      const body = readFileSync(new URL(file, dir));
      app.get(path, { config: { public: true }, schema: { hide: true } }, (_req, reply) =>
        reply.type(type).header('cache-control', 'no-cache').header('service-worker-allowed', '/app/').send(body),
      );
    }
    app.get('/app/config.json', { config: { public: true }, schema: { hide: true } }, (_req, reply) =>
      reply.type('application/json').header('cache-control', 'no-cache').send(settings),
    );
  };
}
