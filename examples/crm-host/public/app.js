// The manager's phone page: today's route on an SVG map, the next stop, start/end buttons that read the
// Geolocation API only when pressed, the verdict. Offline: the service worker reloads the page, the last
// route is kept in localStorage, and presses wait in a bounded queue that is sent, in order, when the
// network returns (every request carries a visit id made here, so a resend is harmless).

/** At most this many presses wait on the phone (a day is 20–40 visits, 2 presses each). */
import { mapView } from './map.js';

const MAX_QUEUE = 200;
const UTC_OFFSET_MIN = 480; // the city's calendar (UTC+8), as the server's
const store = {
  get: (k, d) => JSON.parse(localStorage.getItem(k) ?? 'null') ?? d,
  set: (k, v) => localStorage.setItem(k, JSON.stringify(v)),
};
const $ = (id) => document.getElementById(id);
const state = {
  token: null,
  me: store.get('bp-me', null),
  route: store.get('bp-route', null),
  visits: store.get('bp-visits', {}), // retailerId → { visitId, state: 'start-queued'|'started'|'end-queued'|'ended', verdict?, error? }
  queue: store.get('bp-queue', []),
  config: store.get('bp-config', null), // the host's page settings (tile layer), kept for offline
  flushing: false,
  lastVerdict: null,
};
const save = () => {
  store.set('bp-visits', state.visits);
  store.set('bp-queue', state.queue);
};

function setStatus(text) {
  $('status').textContent = text;
}

async function api(method, path, body) {
  const res = await fetch(path, {
    method,
    headers: { authorization: `Bearer ${state.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = await res.json().catch(() => null);
  return { status: res.status, json };
}

async function load() {
  const params = new URLSearchParams(location.search);
  const fromHash = /token=([^&]+)/.exec(location.hash)?.[1];
  if (fromHash) {
    localStorage.setItem('bp-token', decodeURIComponent(fromHash));
    history.replaceState(null, '', location.pathname + location.search);
  }
  state.token = localStorage.getItem('bp-token');
  if (!state.token) {
    $('login').style.display = 'block';
    return;
  }
  try {
    const config = await fetch('/app/config.json').then((r) => (r.ok ? r.json() : null));
    if (config) {
      state.config = config;
      store.set('bp-config', config);
    }
    const me = await api('GET', '/me');
    if (me.status === 401) return signInAgain(me.json?.message);
    state.me = me.json;
    store.set('bp-me', state.me);
    const date = params.get('date');
    const route = await api('GET', `/managers/${state.me.managerId}/route${date ? `?date=${date}` : ''}`);
    if (route.status === 200) {
      state.route = route.json;
      store.set('bp-route', state.route);
      for (const s of state.route.stops) {
        const local = state.visits[s.retailerId];
        if (s.visitId && (!local || local.state === 'started' || local.state === 'ended'))
          state.visits[s.retailerId] = {
            ...local,
            visitId: s.visitId,
            state: s.status === 'started' ? 'started' : 'ended',
            verdict: s.status === 'started' ? undefined : s.status,
          };
      }
      save();
    } else setStatus(route.json?.message ?? `route: ${route.status}`);
  } catch {
    setStatus(state.route ? 'offline: the last route loaded is shown' : 'offline and no route loaded yet');
  }
  render();
  flush();
}

function signInAgain(message) {
  setStatus(`${message ?? 'token refused'} — sign in again; ${state.queue.length} presses kept on this phone`);
  $('login').style.display = 'block';
}

function nextStop() {
  return (
    state.route?.stops.find(
      (s) => state.visits[s.retailerId]?.state !== 'ended' && state.visits[s.retailerId]?.state !== 'end-queued',
    ) ?? null
  );
}

function hhmm(ms) {
  return new Date(ms + UTC_OFFSET_MIN * 60_000).toISOString().slice(11, 16);
}

function render() {
  const route = state.route;
  const svg = $('map');
  if (!route) return;
  $('title').textContent =
    `${route.managerId}: ${route.date}, ${route.stops.length} stops, ${(route.distanceM / 1000).toFixed(1)} km`;
  const view = mapView([route.base, ...route.stops], state.config);
  const xy = view.xy;
  const next = nextStop();
  const colour = (s) => {
    const v = state.visits[s.retailerId];
    if (!v) return s === next ? '#1565c0' : '#9e9e9e';
    if (v.state === 'ended') return { verified: '#2e7d32', rejected: '#c62828' }[v.verdict] ?? '#ef6c00';
    return '#7b1fa2'; // started or queued
  };
  const line = [route.base, ...route.stops, route.base].map((p) => xy(p).join(',')).join(' ');
  svg.innerHTML =
    view.underlay +
    `<polyline points="${line}" fill="none" stroke="#607d8b" stroke-width="1.5"/>` +
    `<rect x="${xy(route.base)[0] - 5}" y="${xy(route.base)[1] - 5}" width="10" height="10" fill="#000"/>` +
    route.stops
      .map((s, i) => {
        const [x, y] = xy(s);
        return `<g data-retailer="${s.retailerId}"><circle cx="${x}" cy="${y}" r="${s === next ? 9 : 7}" fill="${colour(s)}"/><text x="${x}" y="${y + 4}" font-size="9" text-anchor="middle" fill="#fff">${i + 1}</text></g>`;
      })
      .join('') +
    (view.overlay ?? '');
  const v = next ? state.visits[next.retailerId] : null;
  $('next').textContent = next
    ? `Next: ${next.name} (${next.retailerId}), planned ${hhmm(next.arrival)}–${hhmm(next.departure)}${v ? ` — ${v.state}` : ''}`
    : 'All stops done.';
  $('start').disabled = !next || Boolean(v);
  $('end').disabled = !next || !v || (v.state !== 'started' && v.state !== 'start-queued');
  if (state.lastVerdict) {
    $('verdict').className = state.lastVerdict.status;
    $('verdict').textContent = state.lastVerdict.text;
  }
  if (!state.flushing && state.queue.length === 0 && navigator.onLine) setStatus('all presses sent');
}

/** The position now, as a fix: the same mapping as @beatplan/positioning's getBrowserPosition. */
function position() {
  return new Promise((resolve, reject) =>
    navigator.geolocation.getCurrentPosition(
      (p) =>
        resolve({
          lng: p.coords.longitude,
          lat: p.coords.latitude,
          accuracyM: p.coords.accuracy,
          accuracyConfidence: 0.95,
          source: 'gnss',
          at: new Date(p.timestamp).toISOString(),
        }),
      (e) => reject(new Error(e.message || `geolocation error ${e.code}`)),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 0 },
    ),
  );
}

async function press(kind) {
  const stop = nextStop();
  if (!stop) return;
  if (state.queue.length >= MAX_QUEUE) {
    setStatus(`${MAX_QUEUE} presses are waiting to be sent: connect to the network before the next visit`);
    return;
  }
  let fix;
  try {
    fix = await position();
  } catch (e) {
    setStatus(`no position: ${e.message}`);
    return;
  }
  const visit = state.visits[stop.retailerId] ?? { visitId: crypto.randomUUID() };
  if (kind === 'start') {
    state.queue.push({
      path: '/visits/start',
      body: { visitId: visit.visitId, retailerId: stop.retailerId, fix },
      retailerId: stop.retailerId,
    });
    state.visits[stop.retailerId] = { visitId: visit.visitId, state: 'start-queued' };
  } else {
    state.queue.push({ path: `/visits/${visit.visitId}/end`, body: { fix }, retailerId: stop.retailerId });
    state.visits[stop.retailerId] = { ...visit, state: 'end-queued' };
  }
  save();
  render();
  await flush();
}

/** Sends the queue in order; stops at the first network failure or 401, and tries again later. */
async function flush() {
  if (state.flushing || !state.token) return;
  state.flushing = true;
  try {
    while (state.queue.length) {
      const item = state.queue[0];
      let res;
      try {
        res = await api('POST', item.path, item.body);
      } catch {
        setStatus(`offline: ${state.queue.length} presses waiting (at most ${MAX_QUEUE})`);
        return;
      }
      if (res.status === 401) return signInAgain(res.json?.message);
      if (res.status === 429 || res.status >= 500) {
        setStatus(`server busy (${res.status}): ${state.queue.length} presses waiting`);
        return;
      }
      state.queue.shift();
      const v = state.visits[item.retailerId] ?? {};
      if (res.status === 200 || res.status === 201) {
        const ended = res.json.state === 'ended';
        state.visits[item.retailerId] = {
          ...v,
          visitId: res.json.visitId,
          state: ended ? 'ended' : 'started',
          verdict: res.json.verdict?.status,
        };
        if (ended) {
          const verdict = res.json.verdict;
          state.lastVerdict = {
            status: verdict.status,
            text: `${item.retailerId}: ${verdict.status}${verdict.reasons.length ? ` (${verdict.reasons.join(', ')})` : ''}, ${Math.round(verdict.dwellS / 60)} min on site`,
          };
        }
      } else {
        // refused for good (404, 409, 422: see the host's README): say so, never resend it
        state.visits[item.retailerId] = { ...v, state: 'ended', verdict: 'refused', error: res.json?.code };
        state.lastVerdict = {
          status: 'rejected',
          text: `${item.retailerId}: refused, ${res.json?.code}: ${res.json?.message}`,
        };
      }
      save();
      render();
    }
  } finally {
    state.flushing = false;
    render();
  }
}

$('start').addEventListener('click', () => press('start'));
$('end').addEventListener('click', () => press('end'));
$('save-token').addEventListener('click', () => {
  localStorage.setItem('bp-token', $('token').value.trim());
  $('login').style.display = 'none';
  load();
});
window.addEventListener('online', () => flush());
setInterval(() => flush(), 15_000);
if ('serviceWorker' in navigator) navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' });
load();
