// Insertion for the time-window search (time-windows.ts): a stop at its best place (earliest finish,
// then cheapest; with `costWeight` w: least finish + w x cost, then cheapest), the dropped stops, and the
// empty route.

import {
  C, INF, L, closed, costWeight, dropPtr, eps, fixedEnd, lastMovable, nDrop, rAt, refresh, setR, startNode,
} from './time-window-route';
import { activate, evalFinish, np, piece, tailFrom } from './time-window-moves';

// ---------------------------------------------------------------- insertion

/** Inserts v at its best position (earliest finish, then cheapest); false when no position is feasible. */
export function insertBest(v: i32): bool {
  let bestP = -1;
  let bestF = INF;
  let bestC = INF;
  for (let pp = 0; pp <= lastMovable(); pp++) {
    np = 0;
    piece(2, v, 0);
    tailFrom = pp + 1;
    const f = evalFinish(pp + 1);
    if (f == INF) continue;
    const a = rAt(pp);
    const b = pp + 1 < L ? rAt(pp + 1) : closed ? startNode : -1;
    const dc = C(a, v) + (b >= 0 ? C(v, b) - C(a, b) : 0);
    // compared by finish + w x (cost added); w = 0: by finish, ties by cost
    const dv = f - bestF + costWeight * (dc - bestC);
    if (bestP < 0 || dv < -eps || (dv <= eps && dc < bestC)) {
      bestF = f;
      bestC = dc;
      bestP = pp;
    }
  }
  if (bestP < 0) return false;
  for (let k = L; k > bestP + 1; k--) setR(k, rAt(k - 1));
  setR(bestP + 1, v);
  L++;
  activate(v);
  activate(rAt(bestP));
  if (bestP + 2 < L) activate(rAt(bestP + 2));
  refresh();
  return true;
}

export function addDropped(v: i32): void {
  store<i32>(dropPtr + (<usize>nDrop << 2), v);
  nDrop++;
}

/** Takes the k-th entry off the list of dropped stops. */
function removeDropped(k: i32): void {
  for (let q = k; q < nDrop - 1; q++) store<i32>(dropPtr + (<usize>q << 2), load<i32>(dropPtr + (<usize>(q + 1) << 2)));
  nDrop--;
}

/** Tries to insert each dropped stop again; true when one went in. */
export function reinsertDropped(): bool {
  let any = false;
  for (let k = nDrop - 1; k >= 0; k--) {
    const v = load<i32>(dropPtr + (<usize>k << 2));
    if (insertBest(v)) {
      removeDropped(k);
      any = true;
    }
  }
  return any;
}

export function emptyRoute(): void {
  setR(0, startNode);
  L = 1;
  if (fixedEnd >= 0) {
    setR(1, fixedEnd);
    L = 2;
  }
  nDrop = 0;
  refresh();
}

