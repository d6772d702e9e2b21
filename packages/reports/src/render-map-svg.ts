import { type Locale, WEEKDAYS, weekdayOf } from '@beatplan/core';
import { escapeHtml } from './internal/escape-html.js';
import { formatNumber } from './internal/format-number.js';
import { reportTranslator } from './internal/messages.js';
import { managerColour, STATUS_COLOURS, WEEKDAY_COLOURS } from './internal/palette.js';
import { sectionTranslator } from './internal/section-messages.js';
import { fitProjection } from './internal/project-map.js';
import { checkTileUrl, renderTiles } from './internal/tile-layer.js';
import type { Report } from './report.js';

/** Options of {@link renderMapSvg}. */
export interface RenderMapOptions {
  /** Width in SVG units (px), default 800; the height follows the area's aspect (320–900). */
  width?: number;
  /** The `id` of the `<svg>` (default `map`; its `<title>` gets `<id>-title`). */
  id?: string;
  /** The language of the map's texts (tooltips, legend): `'en'` (default) or `'zh-CN'`. */
  locale?: Locale;
  /** The map's accessible title (default: counts of territories, retailers and routes). */
  title?: string;
  /** `true` (default): a standalone SVG document (with the SVG namespace); `false`: for inline use in HTML. */
  standalone?: boolean;
  /**
   * A tile layer under the map, only when the host gives one: `url` an `https://` template with `{z}`,
   * `{x}`, `{y}` (Web Mercator, 256 px tiles), `attribution` the text its licence asks for. Without it
   * (the default) the map loads nothing. The browser fetches the tiles when the document is opened.
   */
  tiles?: { url: string; attribution: string };
}

function niceLength(maxM: number): number {
  const p = 10 ** Math.floor(Math.log10(maxM));
  for (const f of [5, 2, 1]) if (f * p <= maxM) return f * p;
  return p;
}

/**
 * Draws the report's map as SVG, with no tiles and no external resource: territories as filled
 * `<path>`s (one per territory, coloured by manager), planned routes as `<polyline>`s (one per plan,
 * manager colour), managers' bases as squares, retailers as `<circle>`s (one per retailer: fill by
 * status — verified, visited but not verified, planned but missed, idle — ring by manager; larger
 * with a dark ring when an inspection contradicted it), each with a `<title>` tooltip, and a scale
 * bar. North is up. Projection: equirectangular scaled by cos(middle latitude), see the README.
 * Every text is escaped.
 *
 * @param report - a report from `buildReport`.
 * @param options - see {@link RenderMapOptions}.
 * @returns the `<svg id="map">…</svg>` markup.
 * @throws never.
 * @example
 * // not run: `data` stands for a report input
 * const svg = renderMapSvg(buildReport(data)); // write it to map.svg, or inline it with { standalone: false }
 */
export function renderMapSvg(report: Report, options: RenderMapOptions = {}): string {
  const { map } = report;
  const colourOf = new Map(report.managers.map((m, i) => [m.managerId, managerColour(i)]));
  const nameOf = new Map(report.managers.map((m) => [m.managerId, m.name]));
  const points: [number, number][] = [
    ...map.retailers.map((r) => [r.lng, r.lat] as [number, number]),
    ...map.bases.map((b) => [b.lng, b.lat] as [number, number]),
    ...map.territories.flatMap((t) => t.rings.flat()),
  ];
  const proj = fitProjection(points, options.width ?? 800);
  const id = options.id ?? 'map';
  const tr = reportTranslator(options.locale);
  const st = sectionTranslator(options.locale);
  const xy = (p: readonly [number, number]) => proj.project(p[0], p[1]).join(',');
  const out: string[] = [];
  const ns = options.standalone === false ? '' : ' xmlns="http://www.w3.org/2000/svg"';
  out.push(
    `<svg${ns} id="${escapeHtml(id)}" class="map" viewBox="0 0 ${proj.width} ${proj.height}" width="${proj.width}" height="${proj.height}" role="img" aria-labelledby="${escapeHtml(id)}-title">`,
  );
  out.push(
    `<title id="${escapeHtml(id)}-title">${escapeHtml(options.title ?? `Map of ${map.territories.length} territories, ${map.retailers.length} retailers and ${map.routes.length} planned routes`)}</title>`,
  );
  out.push(`<rect class="map-background" x="0" y="0" width="${proj.width}" height="${proj.height}" fill="#f4f6f4"/>`);
  if (options.tiles) {
    checkTileUrl(options.tiles.url);
    const lngs = points.map((p) => p[0]);
    const lats = points.map((p) => p[1]);
    if (points.length > 0)
      out.push(
        renderTiles(options.tiles.url, proj, [
          Math.min(...lngs),
          Math.min(...lats),
          Math.max(...lngs),
          Math.max(...lats),
        ]),
      );
  }
  out.push('<g class="territories">');
  for (const t of map.territories) {
    const c = colourOf.get(t.managerId) ?? '#888';
    const d = t.rings
      .filter((ring) => ring.length > 0)
      .map((ring) => `M${ring.map(xy).join('L')}${ring.length > 2 ? 'Z' : ''}`)
      .join('');
    const label = `${t.name ?? t.id} (${nameOf.get(t.managerId) ?? t.managerId})${t.source === 'hull' ? st.t('mapHull') : ''}`;
    out.push(
      `<path class="territory" data-territory="${escapeHtml(t.id)}" d="${d}" fill="${c}" fill-opacity="0.14" stroke="${c}" stroke-width="2.2" fill-rule="evenodd"><title>${escapeHtml(label)}</title></path>`,
    );
  }
  out.push('</g><g class="routes">');
  for (const r of map.routes) {
    const day = weekdayOf(r.date);
    out.push(
      `<polyline class="route ${day}" data-manager="${escapeHtml(r.managerId)}" data-date="${r.date}" data-weekday="${day}" points="${r.coordinates.map(xy).join(' ')}" fill="none" stroke="${WEEKDAY_COLOURS[day]}" stroke-width="1.8" stroke-opacity="0.85" stroke-linejoin="round"><title>${escapeHtml(`${nameOf.get(r.managerId) ?? r.managerId}, ${tr.t('weekday', { day })} ${r.date}: ${tr.t('mapPlannedRoute', { stops: r.coordinates.length - 2 })}`)}</title></polyline>`,
    );
  }
  out.push('</g><g class="bases">');
  for (const b of map.bases) {
    const [x, y] = proj.project(b.lng, b.lat);
    out.push(
      `<rect class="base" x="${x - 8}" y="${y - 8}" width="16" height="16" fill="${colourOf.get(b.managerId) ?? '#888'}" stroke="#fff" stroke-width="2.5" paint-order="stroke"><title>${escapeHtml(tr.t('mapBaseOf', { name: nameOf.get(b.managerId) ?? b.managerId }))}</title></rect><rect x="${x - 8}" y="${y - 8}" width="16" height="16" fill="none" stroke="#111" stroke-width="1.2"/>`,
    );
  }
  out.push('</g><g class="retailers">');
  for (const r of map.retailers) {
    const [x, y] = proj.project(r.lng, r.lat);
    const ring = r.contradicted ? '#111' : r.managerId !== null ? (colourOf.get(r.managerId) ?? '#555') : '#555';
    const tip = `${r.name} (${r.id}), ${st.t('mapSegment', { segment: r.segment })} ${r.class}, ${r.managerId !== null ? (nameOf.get(r.managerId) ?? r.managerId) : st.t('mapNoManager')}: ${st.t('retailerStatus', { status: r.status })}${r.contradicted ? st.t('mapContradicted') : ''}`;
    out.push(
      `<circle class="retailer ${r.status}${r.contradicted ? ' contradicted' : ''}" data-retailer="${escapeHtml(r.id)}" cx="${x}" cy="${y}" r="${r.contradicted ? 6.5 : 4.5}" fill="${STATUS_COLOURS[r.status]}" stroke="${ring}" stroke-width="${r.contradicted ? 2.5 : 1.8}"><title>${escapeHtml(tip)}</title></circle>`,
    );
  }
  out.push('</g><g class="labels">');
  for (const t of map.territories) {
    const pts = t.rings[0] ?? [];
    if (pts.length === 0) continue;
    const [x, y] = proj.project(
      pts.reduce((a, p) => a + p[0], 0) / pts.length,
      pts.reduce((a, p) => a + p[1], 0) / pts.length,
    );
    out.push(
      `<text class="territory-label" x="${x}" y="${y}" font-size="13" font-weight="700" fill="#222" stroke="#fff" stroke-width="3.5" paint-order="stroke" text-anchor="middle" dominant-baseline="middle">${escapeHtml(nameOf.get(t.managerId) ?? t.managerId)}</text>`,
    );
  }
  const days = [...new Set(map.routes.map((r) => weekdayOf(r.date)))].sort(
    (a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b),
  );
  out.push('</g>');
  if (days.length > 0) {
    out.push(
      `<g class="map-legend"><rect x="8" y="8" width="${days.length * 46 + 58}" height="22" rx="3" fill="#fff" fill-opacity="0.85" stroke="#bbb"/><text x="14" y="23" font-size="11" fill="#222">${escapeHtml(tr.t('mapRoutes'))}</text>`,
    );
    days.forEach((d, i) => {
      const x = 62 + i * 46;
      out.push(
        `<line x1="${x}" y1="19" x2="${x + 14}" y2="19" stroke="${WEEKDAY_COLOURS[d]}" stroke-width="3"/><text x="${x + 17}" y="23" font-size="11" fill="#222">${escapeHtml(tr.t('weekday', { day: d }))}</text>`,
      );
    });
    out.push('</g>');
  }
  const barM = niceLength((proj.width * 0.2) / proj.unitsPerMetre);
  const barW = Math.round(barM * proj.unitsPerMetre * 10) / 10;
  const y0 = proj.height - 14;
  out.push(
    `<g class="scale-bar"><line x1="14" y1="${y0}" x2="${14 + barW}" y2="${y0}" stroke="#222" stroke-width="2"/><text x="14" y="${y0 - 5}" font-size="11" fill="#222">${barM >= 1000 ? `${formatNumber(barM / 1000)} km` : `${barM} m`}</text><text x="${proj.width - 14}" y="22" font-size="12" fill="#222" text-anchor="end">N ↑</text></g>`,
  );
  if (options.tiles)
    out.push(
      `<text class="attribution" x="${proj.width - 6}" y="${proj.height - 6}" font-size="10" fill="#333" text-anchor="end">${escapeHtml(options.tiles.attribution)}</text>`,
    );
  out.push('</svg>');
  return out.join('\n');
}
