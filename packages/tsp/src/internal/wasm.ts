import { tspReason } from '../generated/shared/tsp-reasons.js';
import { TspError } from '../errors.js';
import { isWasmRefusal, wasmBlockedIssue } from '../generated/shared/wasm-refusal.js';

/** Which build of a WebAssembly core to run. `auto` picks SIMD when the engine validates it. */
export type WasmBuild = 'auto' | 'simd' | 'scalar';

/** The two embedded builds of one WebAssembly core (base64 from the generated module). */
export interface WasmCore {
  name: string;
  scalar: string;
  simd: string;
}

function decodeBase64(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

const bytesCache = new Map<string, Uint8Array<ArrayBuffer>>();
const moduleCache = new Map<string, WebAssembly.Module>();
const pendingCache = new Map<string, Promise<WebAssembly.Module>>();
let simdValid: boolean | undefined;

function bytesOf(core: WasmCore, simd: boolean): Uint8Array<ArrayBuffer> {
  const key = `${core.name}:${simd}`;
  let bytes = bytesCache.get(key);
  if (!bytes) {
    bytes = decodeBase64(simd ? core.simd : core.scalar);
    bytesCache.set(key, bytes);
  }
  return bytes;
}

/** Resolves `auto` to the SIMD build when `WebAssembly.validate` accepts it, else scalar. */
export function resolveBuild(core: WasmCore, build: WasmBuild): 'simd' | 'scalar' {
  if (build !== 'auto') return build;
  simdValid ??= WebAssembly.validate(bytesOf(core, true));
  return simdValid ? 'simd' : 'scalar';
}

/**
 * The engine's refusal to compile WebAssembly as a typed error: a browser page whose
 * Content-Security-Policy lacks `'wasm-unsafe-eval'` (see core's shared `isWasmRefusal`) gives
 * `TspError` `WASM_BLOCKED` with the engine error as its cause. Any other error is returned as it is.
 */
export function wasmCompileError(error: unknown): unknown {
  if (!isWasmRefusal(error)) return error;
  return new TspError('WASM_BLOCKED', [wasmBlockedIssue(error)], { cause: error });
}

/** Compiles (once, cached) a core asynchronously: safe on a browser's main thread. */
export function compileCore(core: WasmCore, build: 'simd' | 'scalar'): Promise<WebAssembly.Module> {
  const key = `${core.name}:${build}`;
  const done = moduleCache.get(key);
  if (done) return Promise.resolve(done);
  let pending = pendingCache.get(key);
  if (!pending) {
    pending = WebAssembly.compile(bytesOf(core, build === 'simd')).then(
      (module) => {
        moduleCache.set(key, module);
        return module;
      },
      (error: unknown) => {
        pendingCache.delete(key); // a later call may try again (the policy may have changed)
        throw wasmCompileError(error);
      },
    );
    pendingCache.set(key, pending);
  }
  return pending;
}

/** Compiles (once, cached) a core synchronously: for Node and workers. */
export function compileCoreSync(core: WasmCore, build: 'simd' | 'scalar'): WebAssembly.Module {
  const key = `${core.name}:${build}`;
  let module = moduleCache.get(key);
  if (!module) {
    try {
      module = new WebAssembly.Module(bytesOf(core, build === 'simd'));
    } catch (error) {
      throw wasmCompileError(error);
    }
    moduleCache.set(key, module);
  }
  return module;
}

/**
 * A fresh instance per solve: wasm memory only grows, so a new instance lets the garbage collector
 * take back a large table once the solve is over.
 */
export function instantiateCore<T>(module: WebAssembly.Module): T {
  const instance = new WebAssembly.Instance(module, {
    env: {
      abort: () => {
        throw new TspError('INTERNAL', [{ path: [], ...tspReason('tsp.wasm_aborted') }]);
      },
    },
  });
  return instance.exports as T;
}
