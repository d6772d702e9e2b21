import type { Repository } from './repository.js';
import { SqlRepository } from './sql-repository.js';

/**
 * Opens the repository named by `db`: a `postgres://` or `postgresql://` URL → PostgreSQL (`pg` 8),
 * anything else → a SQLite file (better-sqlite3; `:memory:` for a throw-away one). Migrates it.
 */
export async function openRepository(db: string): Promise<Repository> {
  const driver = /^postgres(ql)?:\/\//.test(db)
    ? (await import('./postgres-driver.js')).openPostgresDriver(db)
    : (await import('./sqlite-driver.js')).openSqliteDriver(db);
  const repo = new SqlRepository(driver);
  await repo.migrate();
  return repo;
}
