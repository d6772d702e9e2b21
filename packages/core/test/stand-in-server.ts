import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for a third-party web service that the machines running beatplan's tests cannot
// reach (OSRM, Valhalla, GraphHopper, AMap, Tencent, Baidu, a carrier's SOAP service): a server on
// 127.0.0.1 (random port) that answers in the service's documented request/response format. Each
// package's tests give it the handler that speaks one service's format; `fault` lets a test answer
// one request differently (an error body, a slow answer, a 429 with Retry-After).

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
