import { failEvidence } from './evidence-bug.js';
import { scratchI32 } from './scratch.js';

/** FNV-1a over the UTF-16 code units of a string, as an int32 (a small integer to V8: never boxed). */
function hashId(id: string): number {
  let h = 0x811c9dc5 | 0;
  for (let k = 0; k < id.length; k++) h = Math.imul(h ^ id.charCodeAt(k), 0x01000193);
  return h;
}

/**
 * Calls `onDuplicate(i, first)` for every string `ids[i]` equal to an earlier `ids[first]` (the first
 * one); entries that are not strings are skipped. Linear time: an open-addressing table of indices
 * and their hashes in the batch's scratch memory (a `Set` of 10⁵ fresh strings costs several times
 * more: it rehashes as it grows and hashes through the runtime; a fresh table pays page faults).
 */
export function forEachDuplicate(ids: readonly unknown[], onDuplicate: (i: number, first: number) => void): void {
  let size = 16;
  while (size < 2 * ids.length) size *= 2;
  const mask = size - 1;
  const table = scratchI32(size).fill(-1);
  const hashes = scratchI32(size);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (typeof id !== 'string') continue;
    const h = hashId(id);
    for (let b = h & mask; ; b = (b + 1) & mask) {
      const j = table[b] ?? failEvidence('id table', b);
      if (j < 0) {
        table[b] = i;
        hashes[b] = h;
        break;
      }
      if (hashes[b] === h && ids[j] === id) {
        onDuplicate(i, j);
        break;
      }
    }
  }
}
