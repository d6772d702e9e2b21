/**
 * Names that are keys of `Object.prototype`: an id, kind or stratum spelled like one of these
 * corrupted results wherever data became a plain-object key (issue 15, defect 1). Tests feed them
 * through every public function that keys anything by data.
 */
export const PROTOTYPE_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'] as const;
