import pg from 'pg';
import type { SqlDriver, SqlValue } from './sql-driver.js';

// BIGINT (epoch ms) comes back as a JavaScript number: every value stored here is below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/**
 * Connects to PostgreSQL through a `pg` pool (default 10 connections). Transactions run on one
 * pooled client at READ COMMITTED; the repository's writes that must not race (ending a visit) are
 * single conditional UPDATEs, which PostgreSQL serializes per row.
 *
 * @param connectionString - e.g. `postgres://user@127.0.0.1:5432/beatplan`.
 * @param max - pool size. Default 10.
 */
export function openPostgresDriver(connectionString: string, max = 10): SqlDriver {
  const pool = new pg.Pool({ connectionString, max });
  // an idle client whose server went away (restart, shutdown) must not crash the process
  pool.on('error', () => undefined);
  const on = (client: pg.Pool | pg.PoolClient): Omit<SqlDriver, 'transaction' | 'close'> => ({
    dialect: 'postgres',
    async all<T extends object>(sql: string, params: readonly SqlValue[] = []) {
      return (await client.query(sql, params as SqlValue[])).rows as T[];
    },
    async run(sql: string, params: readonly SqlValue[] = []) {
      return (await client.query(sql, params as SqlValue[])).rowCount ?? 0;
    },
  });
  return {
    ...on(pool),
    async transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      const tx: SqlDriver = { ...on(client), transaction: (f) => f(tx), close: async () => undefined };
      try {
        await client.query('BEGIN');
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
