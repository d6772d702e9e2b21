// DP against branch-and-cut around their crossover: seeded uniform instances, median of 5 per n.
// Each solve is `method: 'exact'` with the other method forced: the DP by solveSync (which keeps the DP
// to n = 27 while the proof engine is not loaded), the branch-and-cut by the proof engine directly
// from the heuristic's route (heuristic time included, as solve() spends it).
import { solve, solveSync } from '@beatplan/tsp';
import { loadProofEngine } from '@beatplan/tsp/proof';
import { median, mulberry32 } from './lib.mjs';

const engine = await loadProofEngine();
const rows = [];
for (const n of [14, 16, 17, 18, 19, 20, 22]) {
  const dp = [];
  const bc = [];
  for (let seed = 1; seed <= 5; seed++) {
    const r = mulberry32(seed * 100 + n);
    const pts = Array.from({ length: n }, () => [r() * 1000, r() * 1000]);
    const m = new Int32Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) m[i * n + j] = Math.round(Math.hypot(pts[i][0] - pts[j][0], pts[i][1] - pts[j][1]));
    let t = performance.now();
    const d = solveSync({ matrix: m, n }, { method: 'exact' });
    dp.push(performance.now() - t);
    t = performance.now();
    const h = await solve({ matrix: m, n }, { method: 'heuristic' });
    const steps = engine.prove({ n, icost: m, start: 0, end: 0 }, h.tour);
    let out;
    for (;;) {
      const next = steps.next();
      if (next.done) {
        out = next.value;
        break;
      }
    }
    bc.push(performance.now() - t);
    if (!out.proven || out.upper !== d.length) throw new Error(`n ${n} seed ${seed}: ${out.upper} vs DP ${d.length}`);
  }
  rows.push({ n, dpMs: median(dp), branchAndCutMs: median(bc) });
  console.log(JSON.stringify(rows.at(-1)));
}
