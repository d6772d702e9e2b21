// The route map's projection, and the tile layer under it when the host configures one.
//
// Without tiles: a local equirectangular projection of the day's points into the 320 × 320 SVG (no
// network needed, works offline). With a tile URL (`{z}/{x}/{y}`, the XYZ scheme of OpenStreetMap-style
// tile servers): Web Mercator at the largest zoom that fits the day, and the tiles covering the view as
// SVG <image>s under the route; offline, the tiles simply do not load and the route is still drawn.

const SIZE = 320;
const MARGIN = 20;
const TILE = 256;
const MAX_ZOOM = 18;

const worldX = (lng, z) => ((lng + 180) / 360) * TILE * 2 ** z;
const worldY = (lat, z) => {
  const s = Math.sin((lat * Math.PI) / 180);
  return (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * TILE * 2 ** z;
};
const escapeAttr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The map of a set of points: `xy(p)` → SVG coordinates, and `underlay`, the SVG to draw first (tiles
 * and their attribution, or nothing).
 * @param {{lng: number, lat: number}[]} pts
 * @param {{tileUrl: string | null, tileAttribution: string | null} | null} config
 */
export function mapView(pts, config) {
  const lngs = pts.map((p) => p.lng);
  const lats = pts.map((p) => p.lat);
  const [x0, x1, y0, y1] = [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)];
  if (!config?.tileUrl) {
    const kx = Math.cos(((y0 + y1) / 2) * (Math.PI / 180)); // metres per degree of longitude shrink with latitude
    const span = Math.max((x1 - x0) * kx, y1 - y0, 1e-6);
    const inner = SIZE - 2 * MARGIN;
    return {
      xy: (p) => [MARGIN + (((p.lng - x0) * kx) / span) * inner, SIZE - MARGIN - ((p.lat - y0) / span) * inner],
      underlay: '',
    };
  }
  let z = MAX_ZOOM;
  while (z > 0 && Math.max(worldX(x1, z) - worldX(x0, z), worldY(y0, z) - worldY(y1, z)) > SIZE - 2 * MARGIN) z--;
  const ox = (worldX(x0, z) + worldX(x1, z)) / 2 - SIZE / 2;
  const oy = (worldY(y1, z) + worldY(y0, z)) / 2 - SIZE / 2;
  const n = 2 ** z;
  const images = [];
  for (let tx = Math.floor(ox / TILE); tx <= Math.floor((ox + SIZE) / TILE); tx++)
    for (let ty = Math.max(0, Math.floor(oy / TILE)); ty <= Math.min(n - 1, Math.floor((oy + SIZE) / TILE)); ty++) {
      const wrapped = ((tx % n) + n) % n;
      const href = config.tileUrl.replace('{z}', z).replace('{x}', wrapped).replace('{y}', ty);
      images.push(
        `<image href="${escapeAttr(href)}" x="${tx * TILE - ox}" y="${ty * TILE - oy}" width="${TILE}" height="${TILE}"/>`,
      );
    }
  const attribution = config.tileAttribution
    ? `<text x="${SIZE - 3}" y="${SIZE - 3}" font-size="7" text-anchor="end" fill="#333">${escapeAttr(config.tileAttribution)}</text>`
    : '';
  return {
    xy: (p) => [worldX(p.lng, z) - ox, worldY(p.lat, z) - oy],
    underlay: `<g class="tiles" data-zoom="${z}">${images.join('')}</g>`,
    overlay: attribution,
  };
}
