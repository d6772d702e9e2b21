import { BeatplanError, issueReason } from '@beatplan/core';
import { escapeHtml } from './escape-html.js';
import type { MapProjection } from './project-map.js';

/** Metres per pixel of a 256 px Web Mercator tile at zoom 0 on the equator. */
const M_PER_PX_Z0 = 156_543.03392;
/** The most tiles a map draws; a finer zoom needing more is coarsened. */
const MAX_TILES = 64;

/**
 * Checks a tile URL template: `https://` only, with `{z}`, `{x}` and `{y}`, at most 500 characters.
 * @throws {BeatplanError} `INVALID_INPUT` naming `tiles.url` otherwise.
 */
export function checkTileUrl(url: string): void {
  const why = !/^https:\/\/[^\s"'<>]+$/.test(url)
    ? 'reports.tile_https'
    : !(url.includes('{z}') && url.includes('{x}') && url.includes('{y}'))
      ? 'reports.tile_xyz'
      : url.length > 500
        ? 'reports.tile_length'
        : null;
  if (why !== null)
    throw new BeatplanError('INVALID_INPUT', [{ path: ['tiles', 'url'], value: url, ...issueReason(why) }]);
}

const tileX = (lng: number, z: number) => ((lng + 180) / 360) * 2 ** z;
const tileY = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z;
};
const lngOf = (x: number, z: number) => (x / 2 ** z) * 360 - 180;
const latOf = (y: number, z: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 2 ** z))) * 180) / Math.PI;

/**
 * `<image>` elements of the Web Mercator tiles (`{z}/{x}/{y}`) under the map's box, each placed by
 * projecting its corners (the map's projection differs from Mercator by well under a pixel across a
 * tile at city scale). The zoom matches the map's scale (at most {@link MAX_TILES} tiles).
 */
export function renderTiles(url: string, proj: MapProjection, bbox: [number, number, number, number]): string {
  const [minLng, minLat, maxLng, maxLat] = bbox;
  const metresPerUnit = 1 / proj.unitsPerMetre;
  let z = Math.max(
    0,
    Math.min(19, Math.round(Math.log2((M_PER_PX_Z0 * Math.cos((proj.lat0 * Math.PI) / 180)) / metresPerUnit))),
  );
  const range = (zoom: number) => ({
    x0: Math.floor(tileX(minLng, zoom)),
    x1: Math.floor(tileX(maxLng, zoom)),
    y0: Math.floor(tileY(maxLat, zoom)),
    y1: Math.floor(tileY(minLat, zoom)),
  });
  let r = range(z);
  while (z > 0 && (r.x1 - r.x0 + 1) * (r.y1 - r.y0 + 1) > MAX_TILES) r = range(--z);
  const out: string[] = ['<g class="tiles">'];
  for (let y = r.y0; y <= r.y1; y++)
    for (let x = r.x0; x <= r.x1; x++) {
      const [ax, ay] = proj.project(lngOf(x, z), latOf(y, z));
      const [bx, by] = proj.project(lngOf(x + 1, z), latOf(y + 1, z));
      const href = url.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));
      out.push(
        `<image href="${escapeHtml(href)}" x="${ax}" y="${ay}" width="${Math.round((bx - ax) * 10) / 10}" height="${Math.round((by - ay) * 10) / 10}" preserveAspectRatio="none" opacity="0.6"/>`,
      );
    }
  out.push('</g>');
  return out.join('');
}
