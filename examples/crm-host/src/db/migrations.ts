import type { SqlDriver } from './sql-driver.js';

/**
 * The schema, as numbered migrations applied in order, once each, in one transaction with their
 * record in `schema_migrations`. The same SQL runs on SQLite and PostgreSQL (TEXT for ids and JSON,
 * BIGINT for epoch milliseconds). Append new migrations; never edit one that has shipped.
 */
export const MIGRATIONS: readonly { id: number; name: string; sql: string }[] = [
  {
    id: 1,
    name: 'initial',
    sql: `
CREATE TABLE managers (id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE retailers (
  id TEXT PRIMARY KEY,
  manager_id TEXT REFERENCES managers(id),
  data TEXT NOT NULL
);
CREATE INDEX retailers_manager ON retailers(manager_id);
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'inspector')),
  manager_id TEXT REFERENCES managers(id),
  created_at BIGINT NOT NULL,
  CHECK ((role = 'manager') = (manager_id IS NOT NULL))
);
CREATE TABLE tokens (
  hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  revoked_at BIGINT
);
CREATE INDEX tokens_user ON tokens(user_id);
CREATE TABLE territories (
  id TEXT PRIMARY KEY,
  manager_id TEXT NOT NULL REFERENCES managers(id),
  data TEXT NOT NULL
);
CREATE TABLE plans (
  manager_id TEXT NOT NULL REFERENCES managers(id),
  date TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (manager_id, date)
);
CREATE TABLE visits (
  id TEXT PRIMARY KEY,
  manager_id TEXT NOT NULL REFERENCES managers(id),
  retailer_id TEXT NOT NULL REFERENCES retailers(id),
  start_fix TEXT NOT NULL,
  start_hash TEXT NOT NULL,
  start_received_at BIGINT NOT NULL,
  started_at BIGINT NOT NULL,
  end_fix TEXT,
  end_hash TEXT,
  end_received_at BIGINT,
  status TEXT,
  verdict TEXT
);
CREATE INDEX visits_manager ON visits(manager_id, started_at);
CREATE INDEX visits_started ON visits(started_at);
CREATE TABLE inspection_plans (
  id TEXT PRIMARY KEY,
  inspector_id TEXT NOT NULL REFERENCES users(id),
  plan TEXT NOT NULL,
  route TEXT,
  created_at BIGINT NOT NULL
);
CREATE TABLE inspection_records (
  id TEXT PRIMARY KEY,
  plan_id TEXT NOT NULL REFERENCES inspection_plans(id),
  retailer_id TEXT NOT NULL REFERENCES retailers(id),
  record TEXT NOT NULL,
  fix_verdict TEXT NOT NULL,
  record_hash TEXT NOT NULL
);
CREATE INDEX inspection_records_plan ON inspection_records(plan_id);
`,
  },
  {
    id: 2,
    name: 'province planning runs',
    sql: `
CREATE TABLE planning_runs (
  id TEXT PRIMARY KEY,
  created_at BIGINT NOT NULL,
  spec TEXT NOT NULL,
  jobs BIGINT NOT NULL
);
CREATE TABLE planning_results (
  run_id TEXT NOT NULL REFERENCES planning_runs(id),
  manager_id TEXT NOT NULL REFERENCES managers(id),
  plans BIGINT NOT NULL,
  dropped TEXT NOT NULL,
  worker TEXT NOT NULL,
  stored_at BIGINT NOT NULL,
  PRIMARY KEY (run_id, manager_id)
);
`,
  },
];

/** Applies the migrations not applied yet; returns their ids. */
export async function migrate(db: SqlDriver): Promise<number[]> {
  await db.run(
    'CREATE TABLE IF NOT EXISTS schema_migrations (id BIGINT PRIMARY KEY, name TEXT NOT NULL, at BIGINT NOT NULL)',
  );
  const applied = new Set((await db.all<{ id: number }>('SELECT id FROM schema_migrations')).map((r) => Number(r.id)));
  const done: number[] = [];
  for (const m of MIGRATIONS) {
    if (applied.has(m.id)) continue;
    await db.transaction(async (tx) => {
      for (const statement of m.sql
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean))
        await tx.run(statement);
      await tx.run('INSERT INTO schema_migrations (id, name, at) VALUES ($1, $2, $3)', [m.id, m.name, Date.now()]);
    });
    done.push(m.id);
  }
  return done;
}
