/**
 * The one thing the repository needs from a database: run a statement, read rows, run a function in a
 * transaction. SQL is written once with PostgreSQL's `$1, $2, …` placeholders; the SQLite driver
 * rewrites them. Values are strings, numbers and null only (JSON is stored as text, times as epoch ms).
 */
export type SqlValue = string | number | null;

/** A database connection (or, inside `transaction`, the transaction's connection). */
export interface SqlDriver {
  readonly dialect: 'sqlite' | 'postgres';
  /** Rows of a query. */
  all<T extends object>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /**
   * Runs `fn` in one transaction: committed when `fn` resolves, rolled back when it throws (and the
   * error rethrown). Nothing `fn` wrote is visible to others before the commit.
   */
  transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
