import { readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { haversineM } from '@beatplan/core';

// Local stand-ins for OSRM, Valhalla, GraphHopper and AMap: none of these services is reachable from
// the machines that run beatplan's tests, so each adapter is tested against a server on 127.0.0.1
// (random port) that answers in the service's documented request/response format (see the adapters'
// header comments for the documents). The "road network" behind them is the function `truth` below.

/** One request as the stand-in received it. */
export interface RecordedRequest {
  method: string;
  url: URL;
  body: string;
  /** 1-based number of the request. */
  n: number;
}

/** What a stand-in answers: a status, headers, a JSON value (or raw text), after an optional delay. */
export interface Answer {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  text?: string;
  delayMs?: number;
}

/** A running stand-in. `fault` (when set) may answer a request instead of the service's wire format. */
export interface StandIn {
  url: string;
  requests: RecordedRequest[];
  fault: ((req: RecordedRequest) => Answer | undefined) | undefined;
  close(): Promise<void>;
}

/** Starts a stand-in on 127.0.0.1 (random port) answering with `handle` unless `fault` answers first. */
export async function startStandIn(handle: (req: RecordedRequest) => Answer): Promise<StandIn> {
  const requests: RecordedRequest[] = [];
  const standIn: StandIn = { url: '', requests, fault: undefined, close: async () => {} };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const rec = {
        method: req.method ?? 'GET',
        url: new URL(req.url ?? '/', 'http://127.0.0.1'),
        body,
        n: requests.length + 1,
      };
      requests.push(rec);
      let answer: Answer;
      try {
        answer = standIn.fault?.(rec) ?? handle(rec);
      } catch (e) {
        answer = { status: 500, text: String(e) };
      }
      const send = () => write(res, answer);
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  standIn.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  standIn.close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return standIn;
}

function write(res: ServerResponse, a: Answer): void {
  if (res.destroyed) return;
  const text = a.json !== undefined ? JSON.stringify(a.json) : (a.text ?? '');
  const type = a.json !== undefined ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8';
  res.writeHead(a.status ?? 200, { 'content-type': type, ...a.headers }).end(text);
}

/** A fixture file of this folder's `fixtures/` (a documented request or answer). */
export function fixture(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`./fixtures/${path}`, import.meta.url), 'utf8'));
}

/** Points with lat ≥ 45 lie on an "island": no route between them and the mainland. */
export const ISLAND_LAT = 45;

/**
 * The stand-ins' road network: route metres = great-circle × 1.25, plus 37 m when heading west (one-way
 * streets make it asymmetric); seconds at 8 m/s; null between the island and the mainland.
 */
export function truth(a: readonly [number, number], b: readonly [number, number]): { m: number; s: number } | null {
  if (a[0] === b[0] && a[1] === b[1]) return { m: 0, s: 0 };
  if (a[1] >= ISLAND_LAT !== b[1] >= ISLAND_LAT) return null;
  const m = Math.round((haversineM(a[0], a[1], b[0], b[1]) * 1.25 + (b[0] < a[0] ? 37 : 0)) * 10) / 10;
  return { m, s: Math.round((m / 8) * 10) / 10 };
}

/** `lng,lat` text → numbers (throws on anything else). */
export function parsePair(text: string): [number, number] {
  const [lng, lat, extra] = text.split(',').map((t) => (t.trim() === '' ? Number.NaN : Number(t)));
  if (extra !== undefined || !Number.isFinite(lng) || !Number.isFinite(lat)) throw new Error(`bad coordinate ${text}`);
  return [lng as number, lat as number];
}
