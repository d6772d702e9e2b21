/**
 * The problem types `parseTsplib` reads: symmetric (`TSP`) and asymmetric (`ATSP`) travelling salesman.
 * @example
 * // not run: `text` stands for a TSPLIB file
 * const symmetric = parseTsplib(text).type === 'TSP';
 */
export type TsplibProblemType = 'TSP' | 'ATSP';

/**
 * The `EDGE_WEIGHT_TYPE`s `parseTsplib` reads. `EXPLICIT` lists the weights in an `EDGE_WEIGHT_SECTION`;
 * the others compute them from a `NODE_COORD_SECTION` with TSPLIB's integer conventions.
 * @example
 * // not run: `text` stands for a TSPLIB file
 * const fromCoordinates = parseTsplib(text).edgeWeightType !== 'EXPLICIT';
 */
export type TsplibEdgeWeightType = 'EXPLICIT' | 'EUC_2D' | 'CEIL_2D' | 'ATT' | 'GEO';

/**
 * The `EDGE_WEIGHT_FORMAT`s `parseTsplib` reads. The `*_COL` formats are the column-wise twins of the
 * row formats; `FUNCTION` means "computed from the coordinates" and is only valid without `EXPLICIT`.
 * @example
 * // not run: `text` stands for a TSPLIB file
 * const format = parseTsplib(text).edgeWeightFormat; // e.g. 'LOWER_DIAG_ROW' for gr17, null for eil51
 */
export type TsplibEdgeWeightFormat =
  | 'FUNCTION'
  | 'FULL_MATRIX'
  | 'UPPER_ROW'
  | 'LOWER_ROW'
  | 'UPPER_DIAG_ROW'
  | 'LOWER_DIAG_ROW'
  | 'UPPER_COL'
  | 'LOWER_COL'
  | 'UPPER_DIAG_COL'
  | 'LOWER_DIAG_COL';

/**
 * A TSPLIB problem as read by `parseTsplib`: the header fields and the full integer cost matrix.
 *
 * @example
 * // not run: `text` stands for a TSPLIB file
 * const inst: TsplibInstance = parseTsplib(text);
 * const cost01 = inst.matrix[0 * inst.n + 1]; // cost of going from node 0 to node 1
 */
export interface TsplibInstance {
  /** `NAME`, or null when the file has none. */
  name: string | null;
  /** `COMMENT` (several COMMENT lines are joined with a line break), or null when the file has none. */
  comment: string | null;
  /** `TYPE`: `TSP` (symmetric matrix) or `ATSP` (asymmetric). */
  type: TsplibProblemType;
  /** `DIMENSION`: the number of nodes, at least 1. */
  n: number;
  /** `EDGE_WEIGHT_TYPE`, as in the file. */
  edgeWeightType: TsplibEdgeWeightType;
  /** `EDGE_WEIGHT_FORMAT` as in the file (e.g. the stray `FUNCTION` of burma14), or null when absent. */
  edgeWeightFormat: TsplibEdgeWeightFormat | null;
  /** n*n row-major integer costs in the file's unit: `matrix[i * n + j]` is the cost i -> j; the diagonal is 0. */
  matrix: Int32Array;
  /**
   * The `NODE_COORD_SECTION` as x, y pairs in the file's unit (`coords[2 * i]`, `coords[2 * i + 1]` for
   * node i, 0-based; GEO files hold latitude, longitude as DDD.MM), or null when the file has no coordinates.
   */
  coords: Float64Array | null;
}

/**
 * A tour as read by `parseTsplibTour`.
 *
 * @example
 * const { tour } = parseTsplibTour('TYPE: TOUR\nDIMENSION: 3\nTOUR_SECTION\n1 3 2\n-1\nEOF\n');
 * // tour = [0, 2, 1]
 */
export interface TsplibTour {
  /** `NAME`, or null when the file has none. */
  name: string | null;
  /** The nodes in visiting order, 0-based (the file's 1-based ids minus one); a permutation of 0..n-1. */
  tour: number[];
}
