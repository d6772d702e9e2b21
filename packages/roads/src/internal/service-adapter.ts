import {
  BeatplanError,
  type Coordinates,
  createHttpClient,
  type HttpClient,
  type ReasonedMessage,
  type TravelCostMatrix,
  type TravelCosts,
  type TravelMatrixOptions,
} from '@beatplan/core';
import type * as z from 'zod';
import { type AdapterCommonSchema, type AdapterHooks, trimBaseUrl } from './adapter-options.js';
import { type BlockAnswer, chunkedMatrix, type MatrixBlock, type MatrixService } from './chunked-matrix.js';
import { PairCache } from './pair-cache.js';

/** What one adapter file supplies: its parsed options, the block it asks for and how to read the answer. */
export interface ServiceSpec {
  name: string;
  source: string;
  requestName: string;
  crs: MatrixService['crs'];
  rowsPerBlock: number;
  colsPerBlock: number;
  /** The API key (never stored elsewhere, masked in every message). */
  key?: string | undefined;
  fetchBlock(
    http: HttpClient,
    baseUrl: string,
    block: MatrixBlock,
    coords: readonly [number, number][],
    signal: AbortSignal,
  ): Promise<BlockAnswer>;
}

/**
 * Builds a {@link TravelCosts} from a service spec: one HTTP client (the adapter's retry policy,
 * concurrency, spacing, key masked), the optional pair cache, and the shared chunked pipeline.
 */
export function serviceTravelCosts(
  common: z.output<typeof AdapterCommonSchema>,
  hooks: AdapterHooks,
  spec: ServiceSpec,
): TravelCosts {
  const { baseUrl, cache, ...client } = common;
  const http = createHttpClient({
    ...client,
    name: spec.name,
    secrets: spec.key ? [spec.key] : [],
    ...(hooks.fetch ? { fetch: hooks.fetch } : {}),
    ...(hooks.onRetry ? { onRetry: hooks.onRetry } : {}),
  });
  const base = trimBaseUrl(baseUrl);
  const service: MatrixService = {
    source: spec.source,
    requestName: spec.requestName,
    crs: spec.crs,
    rowsPerBlock: spec.rowsPerBlock,
    colsPerBlock: spec.colsPerBlock,
    cache: cache ? new PairCache(cache.maxPairs, cache.decimals) : undefined,
    parallel: client.maxConcurrent,
    fetchBlock: (block, coords, signal) => spec.fetchBlock(http, base, block, coords, signal),
  };
  return {
    source: spec.source,
    matrix: (points: readonly Coordinates[], options: TravelMatrixOptions = {}): Promise<TravelCostMatrix> =>
      chunkedMatrix(points, service, options.signal),
  };
}

/** A value of a service's answer as a reason shows it (`"x"`, `null`, `undefined`). */
export const shown = (value: unknown): string => JSON.stringify(value) ?? 'undefined';

/** `PROVIDER_RESPONSE_INVALID` for a block whose answer does not have the documented shape (a keyed reason). */
export function shapeError(block: MatrixBlock, why: ReasonedMessage): BeatplanError {
  return new BeatplanError('PROVIDER_RESPONSE_INVALID', [{ path: ['request'], value: block.label, ...why }]);
}

/** A coordinate with at most 6 decimals (≈ 0.1 m), as the services document and to keep URLs short. */
export function fixed6(v: number): string {
  return String(Math.round(v * 1e6) / 1e6);
}

/** The body as JSON, or undefined when it is not JSON (for reading error bodies). */
export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The hooks a host passed, without undefined members (exactOptionalPropertyTypes). */
export function hooksOf(fetch: AdapterHooks['fetch'], onRetry: AdapterHooks['onRetry']): AdapterHooks {
  return { ...(fetch ? { fetch } : {}), ...(onRetry ? { onRetry } : {}) };
}
