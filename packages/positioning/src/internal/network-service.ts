import {
  BeatplanError,
  type Crs,
  CrsSchema,
  createHttpClient,
  type FixSource,
  type HttpClientOptions,
  HttpClientOptionsSchema,
  type HttpFailure,
  type HttpRequest,
  type HttpResponse,
  parseOrThrow,
  type PositionFix,
  issueReason,
  type ReasonedMessage,
} from '@beatplan/core';
import * as z from 'zod';
import type { ResilientProvider } from '../wrap-provider.js';
import { type NetworkScan, type NetworkScanInput, NetworkScanSchema } from '../schemas/network-scan.js';
import { AnswerShapeError, answerReason, shown } from './answer-shape-error.js';
import { toProviderFix } from './provider-fix.js';

/** What a service's reader makes of a good response. */
export type ServiceAnswer =
  | { kind: 'fix'; lng: number; lat: number; accuracyM: number; crs: string; source?: FixSource }
  | { kind: 'none'; message: string };

/** One network-positioning service: how to ask it, how to tell its failures, how to read its answer. */
export interface ServiceSpec {
  /** `amap`, `tencent`, `baidu`, the carrier's name: in every error. */
  name: string;
  /** The coordinate systems this service may answer in; any other is PROVIDER_RESPONSE_INVALID. */
  crs: readonly Crs[];
  request(scan: NetworkScan): HttpRequest;
  /** Failures the service reports in a 2xx body (and the HTTP status rule); undefined = good. */
  check(response: HttpResponse): HttpFailure | undefined;
  /**
   * Reads a good response; throws an `AnswerShapeError` (its keyed reason) or any Error (its text quoted)
   * on a bad shape: either becomes PROVIDER_RESPONSE_INVALID.
   */
  read(response: HttpResponse): ServiceAnswer;
}

/**
 * Options every network-positioning adapter shares: core's HTTP client options (timeouts, retries,
 * back-off, `Retry-After`, concurrency, request spacing, response size limit; `name` and `secrets` are
 * set by the adapter) and `accuracyConfidence`, the confidence level of the radius the service answers
 * (none of them documents one; default 0.68, core's default for cell and WiFi fixes).
 */
export const NetworkServiceOptionsSchema = z.strictObject({
  ...HttpClientOptionsSchema.omit({ name: true, secrets: true }).shape,
  accuracyConfidence: z
    .number({ error: 'accuracyConfidence must be a number in (0, 1)' })
    .gt(0, { error: 'accuracyConfidence must be in (0, 1)' })
    .lt(1, { error: 'accuracyConfidence must be in (0, 1)' })
    .default(0.68),
});

/** Options shared by the network-positioning adapters, see {@link NetworkServiceOptionsSchema}. */
export type NetworkServiceOptions = Partial<z.input<typeof NetworkServiceOptionsSchema>> &
  Pick<HttpClientOptions, 'fetch' | 'random' | 'onRetry'>;

/**
 * Builds a `ResilientProvider<NetworkScanInput>` on core's HTTP client: validates the scan
 * (INVALID_INPUT naming the field), asks the service, reads its answer, and returns a WGS84-or-declared
 * `PositionFix` at 95 % with the scan's time.
 */
export function createNetworkService(
  spec: ServiceSpec,
  options: NetworkServiceOptions,
  secrets: readonly string[],
): ResilientProvider<NetworkScanInput> {
  const { fetch, random, onRetry, ...rest } = options;
  const o = parseOrThrow(NetworkServiceOptionsSchema, rest, ['options']);
  const { accuracyConfidence, ...httpOptions } = o;
  const http = createHttpClient({
    ...httpOptions,
    name: spec.name,
    secrets: [...secrets],
    ...(fetch ? { fetch } : {}),
    ...(random ? { random } : {}),
    ...(onRetry ? { onRetry } : {}),
  });
  return {
    name: spec.name,
    async locate(request, context = {}) {
      const scan = parseOrThrow(NetworkScanSchema, request, ['scan']);
      const response = await http.request(spec.request(scan), { signal: context.signal, check: spec.check });
      let answer: ServiceAnswer;
      try {
        answer = spec.read(response);
      } catch (e) {
        throw invalid(answerReason(e, spec.name, http.redact), response.text, http.redact);
      }
      if (answer.kind === 'none') {
        throw new BeatplanError('NO_POSITION', [
          {
            path: ['response'],
            ...issueReason('positioning.found_none', { name: spec.name, detail: http.redact(answer.message) }),
          },
        ]);
      }
      const crs = CrsSchema.safeParse(answer.crs);
      if (!crs.success || !spec.crs.includes(crs.data)) {
        throw invalid(
          issueReason('positioning.undeclared_crs', {
            name: spec.name,
            crs: JSON.stringify(answer.crs) ?? 'undefined',
            declared: spec.crs,
          }),
          response.text,
          http.redact,
        );
      }
      const source: FixSource = answer.source ?? (scan.cells.length > 0 ? 'cell' : 'wifi');
      const estimate = {
        lng: answer.lng,
        lat: answer.lat,
        crs: crs.data,
        accuracyM: answer.accuracyM,
        accuracyConfidence,
        source,
        at: scan.at,
      };
      return toProviderFix(estimate, spec.name, source, () => scan.at) satisfies PositionFix;
    },
  };
}

function invalid(why: ReasonedMessage, body: string, redact: (t: string) => string): BeatplanError {
  return new BeatplanError('PROVIDER_RESPONSE_INVALID', [
    { path: ['response'], value: redact(body.slice(0, 200)), ...why },
  ]);
}

/** `"lng,lat"` → numbers; throws an {@link AnswerShapeError} on anything else. */
export function readLngLat(text: unknown, what: string): [number, number] {
  const parts = typeof text === 'string' ? text.split(',') : [];
  const [lng, lat] = parts.map((t) => (t.trim() === '' ? Number.NaN : Number(t)));
  if (parts.length !== 2 || !Number.isFinite(lng) || !Number.isFinite(lat)) {
    throw new AnswerShapeError((name) => issueReason('positioning.answer_lnglat', { name, what, text: shown(text) }));
  }
  return [lng as number, lat as number];
}

/** A finite number ≥ 0 from a number or a numeric text; throws an {@link AnswerShapeError} otherwise. */
export function readRadius(value: unknown, what: string): number {
  const v = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    throw new AnswerShapeError((name) => issueReason('positioning.answer_radius', { name, what, value: shown(value) }));
  }
  return v;
}

/** The body as JSON, or undefined. */
export function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
