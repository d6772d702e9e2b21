import { type Crs, CrsSchema, checkHttpStatus, type HttpResponse, issueReason, parseOrThrow } from '@beatplan/core';
import * as z from 'zod';
import { AnswerShapeError, shown } from '../internal/answer-shape-error.js';
import { createNetworkService, type NetworkServiceOptions, readRadius } from '../internal/network-service.js';
import { escapeXml, findPath, parseXml, type XmlElement } from '../internal/xml-tree.js';
import type { NetworkScan, NetworkScanInput } from '../schemas/network-scan.js';
import type { ResilientProvider } from '../wrap-provider.js';

// A carrier's location web service as the seed system used it: one SOAP operation `GetPosition(xml)`
// whose single string argument is an XML document describing what the phone saw, and whose result is
// an XML document with the position. Carriers publish no common schema, so the inner documents are
// configurable: `requestXml` writes the request document, `answer` says where the answer's fields are.
// SOAP 1.1 (text/xml + SOAPAction) or 1.2 (application/soap+xml; action=…); faults are read from the
// body (1.1 faultcode/faultstring, 1.2 Code/Value and Reason/Text) whatever the HTTP status.

const PathSchema = z.string().regex(/^[\w.-]+(\/[\w.-]+)*$/, { error: 'a path is element names joined by /' });

/**
 * Where a carrier's answer document keeps its fields: paths of element local names (namespace
 * prefixes ignored) below the answer's root element, e.g. `'Position/Lng'`. `crs` is the path of a
 * coordinate-system label (`WGS84`, `GCJ02`/`GCJ-02`, `BD09`/`BD-09`, any case); when absent every answer
 * is in `CarrierSoapOptions.crs[0]`. `code` and `message` locate a result code; an answer whose code is
 * not in `successCodes` is refused (or `NO_POSITION` when it is in `noPositionCodes`).
 */
export const CarrierAnswerPathsSchema = z.strictObject({
  lng: PathSchema.default('Longitude'),
  lat: PathSchema.default('Latitude'),
  accuracy: PathSchema.default('Accuracy'),
  crs: PathSchema.optional(),
  code: PathSchema.default('ResultCode'),
  message: PathSchema.default('ResultMessage'),
  successCodes: z.array(z.string()).min(1).default(['0']),
  noPositionCodes: z.array(z.string()).default([]),
});

/** Options of {@link carrierSoapPositioning}. */
export interface CarrierSoapOptions extends NetworkServiceOptions {
  /** The SOAP endpoint (http or https). */
  url: string;
  /** The service's name in errors. Default `'carrier'`. */
  name?: string;
  /** The operation's XML namespace, e.g. `'http://lbs.carrier.example/'`. */
  namespace: string;
  /** Default `'GetPosition'`. */
  operation?: string;
  /** The name of the operation's string argument. Default `'xml'`. */
  argument?: string;
  /** Default `'1.1'`. */
  soapVersion?: '1.1' | '1.2';
  /** SOAP action. Default `namespace + operation`. */
  soapAction?: string;
  /** The coordinate systems the carrier may answer in; the first is assumed when the answer names none. */
  crs: readonly Crs[];
  /** Writes the request document (default: {@link defaultCarrierRequestXml}). */
  requestXml?: (scan: NetworkScan) => string;
  /** Where the answer's fields are, see {@link CarrierAnswerPathsSchema}. */
  answer?: z.input<typeof CarrierAnswerPathsSchema>;
}

const SoapOptionsSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'url must be an http(s) URL' }),
  name: z.string().min(1).default('carrier'),
  namespace: z.string().min(1, { error: 'namespace is required' }),
  operation: z
    .string()
    .regex(/^[A-Za-z_][\w.-]*$/, { error: 'operation must be an XML name' })
    .default('GetPosition'),
  argument: z
    .string()
    .regex(/^[A-Za-z_][\w.-]*$/, { error: 'argument must be an XML name' })
    .default('xml'),
  soapVersion: z.enum(['1.1', '1.2']).default('1.1'),
  soapAction: z.string().optional(),
  crs: z.array(CrsSchema).min(1, { error: 'declare at least one coordinate system' }),
  answer: CarrierAnswerPathsSchema.default(CarrierAnswerPathsSchema.parse({})),
});

/**
 * The default request document: `<PositionRequest>` with `Time` (ISO 8601, UTC), `DeviceId`, one
 * `<Cell radio mcc mnc lac ci signal/>` per cell (serving first) and one `<Ap mac signal/>` per access point.
 *
 * @param scan - a parsed scan.
 * @returns the XML text.
 * @throws never.
 * @example
 * defaultCarrierRequestXml({ at: 1772414100000, cells: [{ mcc: 460, mnc: 11, area: 4189, cellId: 7359 }], wifi: [] });
 * // '<PositionRequest><Time>2026-03-02T01:15:00.000Z</Time><Cells><Cell mcc="460" mnc="11" lac="4189" ci="7359"/></Cells></PositionRequest>'
 */
export function defaultCarrierRequestXml(scan: NetworkScan): string {
  const attr = (k: string, v: string | number | undefined) =>
    v === undefined ? '' : ` ${k}="${escapeXml(String(v))}"`;
  const cells = scan.cells
    .map(
      (c) =>
        `<Cell${attr('radio', c.radio)}${attr('mcc', c.mcc)}${attr('mnc', c.mnc)}${attr('lac', c.area)}${attr('ci', c.cellId)}${attr('signal', c.signalDbm)}/>`,
    )
    .join('');
  const aps = scan.wifi.map((a) => `<Ap${attr('mac', a.bssid)}${attr('signal', a.rssiDbm)}/>`).join('');
  return (
    `<PositionRequest><Time>${new Date(scan.at).toISOString()}</Time>` +
    (scan.deviceId ? `<DeviceId>${escapeXml(scan.deviceId)}</DeviceId>` : '') +
    (cells ? `<Cells>${cells}</Cells>` : '') +
    (aps ? `<Wifi>${aps}</Wifi>` : '') +
    '</PositionRequest>'
  );
}

/**
 * A SOAP client for a carrier's `GetPosition(xml)`-style location service: wraps the request document
 * (from `requestXml`) as the operation's string argument in a SOAP 1.1 or 1.2 envelope, reads the
 * `<operation>Result` (an escaped XML document, or child elements) with the configured paths, and
 * returns a fix in the declared coordinate system at the scan's time, `accuracyM` at 95 %.
 * Defaults to the long timeout carriers need: 30 s per attempt (`timeoutMs`), 1 retry.
 *
 * SOAP faults: a `Server`/`Receiver` fault is retried, a `Client`/`Sender` fault refused at once,
 * both naming the fault code and string. An answer in a coordinate system not in `crs` is
 * `PROVIDER_RESPONSE_INVALID`.
 *
 * @param options - see {@link CarrierSoapOptions} and {@link NetworkServiceOptions}.
 * @returns a `ResilientProvider<NetworkScanInput>`.
 * @throws {BeatplanError} `INVALID_INPUT` for bad options (here) or a bad scan (from `locate`); from
 *   `locate`: `NO_POSITION`, `PROVIDER_UNAVAILABLE` (a fault, a refused code, attempts used up),
 *   `PROVIDER_TIMEOUT`, `PROVIDER_RESPONSE_INVALID` (not SOAP, not well-formed, a missing field), `ABORTED`.
 * @example
 * // not run: needs the carrier's service
 * const carrier = carrierSoapPositioning({
 *   url: 'https://lbs.carrier.example/PositionService.asmx', namespace: 'http://lbs.carrier.example/',
 *   crs: ['GCJ02', 'WGS84'], answer: { lng: 'Position/Lng', lat: 'Position/Lat', accuracy: 'Position/Radius', crs: 'Position/CoordType' },
 * });
 * const fix = await carrier.locate({ at: Date.now(), cells: [{ radio: 'CDMA', mcc: 460, mnc: 13824, area: 2, cellId: 4101 }] });
 */
export function carrierSoapPositioning(options: CarrierSoapOptions): ResilientProvider<NetworkScanInput> {
  const {
    url,
    name,
    namespace,
    operation,
    argument,
    soapVersion,
    soapAction,
    crs,
    requestXml = defaultCarrierRequestXml,
    answer,
    ...rest
  } = options;
  const o = parseOrThrow(
    SoapOptionsSchema,
    { url, name, namespace, operation, argument, soapVersion, soapAction, crs, answer },
    ['options'],
  );
  const action = o.soapAction ?? `${o.namespace}${o.operation}`;
  const envNs =
    o.soapVersion === '1.1' ? 'http://schemas.xmlsoap.org/soap/envelope/' : 'http://www.w3.org/2003/05/soap-envelope';
  const headers: Record<string, string> =
    o.soapVersion === '1.1'
      ? { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${action}"` }
      : { 'content-type': `application/soap+xml; charset=utf-8; action="${action}"` };
  const paths = o.answer;
  return createNetworkService(
    {
      name: o.name,
      crs: o.crs,
      request(scan) {
        const body =
          `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${envNs}"><soap:Body>` +
          `<${o.operation} xmlns="${escapeXml(o.namespace)}"><${o.argument}>${escapeXml(requestXml(scan))}</${o.argument}>` +
          `</${o.operation}></soap:Body></soap:Envelope>`;
        return { url: o.url, method: 'POST', body, headers, label: `${o.name} ${o.operation} request` };
      },
      check(response) {
        const failure = checkSoap(response);
        if (failure) return failure;
        const doc = tryAnswerDocument(response.text, o.operation);
        const code = doc && findPath(doc, paths.code)?.text.trim();
        if (!doc || code === undefined || paths.successCodes.includes(code) || paths.noPositionCodes.includes(code)) {
          return undefined;
        }
        // the service's words, quoted as a detail of a positioning reason
        return { retry: false, message: `result code ${code}: ${findPath(doc, paths.message)?.text.trim() ?? ''}` };
      },
      read(response) {
        const doc = answerDocument(response.text, o.operation);
        const text = (path: string) => findPath(doc, path)?.text.trim();
        const code = text(paths.code);
        if (code !== undefined && paths.noPositionCodes.includes(code)) {
          // the service's words, quoted as a detail of a positioning reason
          return { kind: 'none', message: `result code ${code}: ${text(paths.message) ?? ''}` };
        }
        const num = (path: string) => {
          const t = text(path);
          const v = t === undefined || t === '' ? Number.NaN : Number(t);
          if (!Number.isFinite(v)) {
            const value = shown(t ?? null);
            throw new AnswerShapeError((name) => issueReason('positioning.answer_not_number', { name, path, value }));
          }
          return v;
        };
        const label = paths.crs === undefined ? o.crs[0] : crsLabel(text(paths.crs));
        return {
          kind: 'fix',
          lng: num(paths.lng),
          lat: num(paths.lat),
          accuracyM: readRadius(text(paths.accuracy), paths.accuracy),
          crs: label ?? String(text(paths.crs ?? '') ?? ''),
        };
      },
    },
    { timeoutMs: 30_000, retries: 1, ...rest },
    [],
  );
}

/** `GCJ-02` → `GCJ02`, `bd-09` → `BD09`; anything else unchanged (and then refused by the caller). */
function crsLabel(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const t = text
    .trim()
    .toUpperCase()
    .replace(/[-_\s]/g, '');
  return t === 'BD09LL' ? 'BD09' : t === 'GCJ02LL' ? 'GCJ02' : t;
}

/** The answer document inside `<Envelope><Body><opResponse><opResult>`: child elements or escaped XML text. */
function answerDocument(text: string, operation: string): XmlElement {
  const env = parseXml(text);
  const result = findPath(env, `Body/${operation}Response/${operation}Result`);
  if (env.name !== 'Envelope' || !result) {
    throw new AnswerShapeError((name) => issueReason('positioning.answer_no_result', { name, operation }));
  }
  const firstChild = result.children[0];
  if (firstChild) return firstChild;
  return parseXml(result.text.trim());
}

function tryAnswerDocument(text: string, operation: string): XmlElement | undefined {
  try {
    return answerDocument(text, operation);
  } catch {
    return undefined;
  }
}

/** SOAP faults (any status), then the HTTP status rule. */
function checkSoap(response: HttpResponse) {
  let env: XmlElement | undefined;
  try {
    env = parseXml(response.text);
  } catch {
    env = undefined;
  }
  const fault = env && findPath(env, 'Body/Fault');
  if (fault) {
    const code = (findPath(fault, 'faultcode')?.text ?? findPath(fault, 'Code/Value')?.text ?? '').trim();
    const reason = (findPath(fault, 'faultstring')?.text ?? findPath(fault, 'Reason/Text')?.text ?? '').trim();
    const local = code.slice(code.indexOf(':') + 1);
    // the service's words, quoted as a detail of a positioning reason
    return { retry: local === 'Server' || local === 'Receiver', message: `SOAP fault ${code}: ${reason}` };
  }
  return checkHttpStatus(response);
}
