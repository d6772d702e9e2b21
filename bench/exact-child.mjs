// One timed solve in a fresh process, for bench/exact.mjs (which runs this file, never a user).
//
// Usage: node bench/exact-child.mjs <ts|wasm-simd|wasm-scalar> <instance-file> [<compiled-ts-module>]
//        node bench/exact-child.mjs page-faults <MiB>
// Prints one JSON line: {"cost":..,"tour":[..],"ms":..,"maxRssKiB":..,"minorFaults":..[,"reportedMs":..,"exact":..]}
// (minorFaults counts the whole process, Node's own ~12k included), or for `page-faults`
// {"usPerPage":..}: the cost of a first touch of fresh memory, which a DP table pays once per 4 KiB.
// Before the timed call it solves a tiny instance in the same process, so that the WebAssembly
// module (or the JS function) is already compiled; `ms` is wall time around the one timed call.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [impl, instanceFile, tsModule, repeatsArg] = process.argv.slice(2);
const repeats = Number(repeatsArg ?? 0);

/** Reads "n, then n*n integers" into { n, matrix: Int32Array }. */
function readInstance(file) {
  const nums = readFileSync(file, 'utf8').trim().split(/\s+/).map(Number);
  const n = nums[0];
  return { n, matrix: Int32Array.from(nums.slice(1, 1 + n * n)) };
}

/** A fixed 5-node asymmetric instance for the warm-up. */
const tiny = { n: 5, matrix: Int32Array.from({ length: 25 }, (_, k) => (k % 6 === 0 ? 0 : 1 + ((k * 7) % 11))) };

if (impl === 'page-faults') {
  const bytes = Number(instanceFile) * 2 ** 20;
  const view = new Uint8Array(new ArrayBuffer(bytes));
  const f0 = process.resourceUsage().minorPageFault;
  const t0 = performance.now();
  for (let k = 0; k < bytes; k += 4096) view[k] = 1;
  const ms = performance.now() - t0;
  const faults = process.resourceUsage().minorPageFault - f0;
  console.log(JSON.stringify({ usPerPage: (ms * 1000) / (bytes / 4096), faults }));
  process.exit(0);
}

let run;
if (impl === 'ts') {
  const { solveHeldKarp } = await import(pathToFileURL(tsModule).href); // tsModule is '-' for wasm
  run = async ({ matrix, n }) => solveHeldKarp(matrix, n);
} else if (impl === 'wasm-simd' || impl === 'wasm-scalar') {
  const { solve, setSolverMemoryLimit } = await import('@beatplan/tsp');
  // let the warm repeats reuse the memory of the cold solve at every n (the default keeps 256 MiB)
  setSolverMemoryLimit(2 ** 32);
  const wasm = impl === 'wasm-simd' ? 'simd' : 'scalar';
  run = async ({ matrix, n }) => {
    const r = await solve({ matrix, n }, { method: 'exact', wasm });
    return { cost: r.length, tour: Array.from(r.tour), reportedMs: r.ms, exact: r.exact };
  };
} else {
  console.error(`exact-child: unknown implementation ${impl}`);
  process.exit(2);
}

await run(tiny);
const instance = readInstance(instanceFile);
const t0 = performance.now();
const result = await run(instance);
const ms = performance.now() - t0;
// warm repeats: the same solve again in this process (the WebAssembly memory is reused by the solver)
const warmMs = [];
for (let r = 0; r < repeats; r++) {
  const tw = performance.now();
  const again = await run(instance);
  warmMs.push(performance.now() - tw);
  if (again.cost !== result.cost) throw new Error(`a warm repeat disagreed: ${again.cost} vs ${result.cost}`);
}
const { maxRSS, minorPageFault: minorFaults } = process.resourceUsage();
console.log(JSON.stringify({ ...result, ms, warmMs, maxRssKiB: peakRssKiB() ?? maxRSS, minorFaults }));

/**
 * Peak RSS of this process in KiB from VmHWM (Linux), or undefined. Preferred to resourceUsage's
 * maxRSS, which keeps the peak from before execve: libuv spawns with the parent's memory shared
 * until exec, so a child's maxRSS can be its parent's.
 */
function peakRssKiB() {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}
