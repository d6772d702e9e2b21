import Database from 'better-sqlite3';
import type { SqlDriver, SqlValue } from './sql-driver.js';

/**
 * Opens (or creates) a SQLite database file with better-sqlite3: WAL journal, foreign keys on,
 * `synchronous=NORMAL` (durable at each WAL checkpoint; a crash loses at most the last transactions,
 * never consistency), a 5 s busy timeout for a second process (the CLI) writing at the same time.
 *
 * better-sqlite3 is synchronous and one connection serves the whole process, so statements and
 * transactions are queued one after another: an open transaction never sees another request's
 * statements slip into it.
 *
 * @param path - a file path, or ':memory:'.
 */
export function openSqliteDriver(path: string): SqlDriver {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  const statements = new Map<string, { stmt: Database.Statement; order: number[]; reader: boolean }>();
  const prepare = (sql: string) => {
    let s = statements.get(sql);
    if (!s) {
      const order: number[] = [];
      const text = sql.replace(/\$(\d+)/g, (_, n: string) => {
        order.push(Number(n) - 1);
        return '?';
      });
      const stmt = db.prepare(text);
      s = { stmt, order, reader: stmt.reader };
      statements.set(sql, s);
    }
    return s;
  };
  const bind = (order: number[], params: readonly SqlValue[]) => order.map((i) => params[i] ?? null);
  const direct: Omit<SqlDriver, 'transaction' | 'close'> = {
    dialect: 'sqlite',
    async all<T extends object>(sql: string, params: readonly SqlValue[] = []) {
      const s = prepare(sql);
      return s.stmt.all(...bind(s.order, params)) as T[];
    },
    async run(sql: string, params: readonly SqlValue[] = []) {
      const s = prepare(sql);
      if (s.reader) return s.stmt.all(...bind(s.order, params)).length;
      return s.stmt.run(...bind(s.order, params)).changes;
    },
  };
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };
  const tx: SqlDriver = {
    ...direct,
    transaction: (fn) => fn(tx), // nested: part of the outer transaction
    close: async () => undefined,
  };
  return {
    dialect: 'sqlite',
    all: (sql, params) => serial(() => direct.all(sql, params)),
    run: (sql, params) => serial(() => direct.run(sql, params)),
    transaction: <T>(fn: (t: SqlDriver) => Promise<T>) =>
      serial(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(tx);
          db.exec('COMMIT');
          return result;
        } catch (e) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw e;
        }
      }),
    close: () =>
      serial(async () => {
        db.close();
      }),
  };
}
