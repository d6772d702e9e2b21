// The host's command line. `tsx src/cli.ts create-admin --db <file|postgres://…> [--id admin] [--name "…"]`
// creates the first admin and prints its token once.
import { parseArgs } from 'node:util';
import { createFirstAdmin } from './create-first-admin.js';
import { openRepository } from './db/open-repository.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    db: { type: 'string' },
    id: { type: 'string', default: 'admin' },
    name: { type: 'string', default: 'Administrator' },
  },
});
if (positionals[0] !== 'create-admin' || !values.db) {
  process.stderr.write(
    'usage: tsx src/cli.ts create-admin --db <sqlite file | postgres://url> [--id admin] [--name "…"]\n',
  );
  process.exit(2);
}
const repo = await openRepository(values.db);
try {
  const token = await createFirstAdmin(repo, values.id, values.name);
  process.stdout.write(`${JSON.stringify({ user: values.id, token })}\n`);
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await repo.close();
}
