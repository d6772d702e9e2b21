// A child process for the crash test: re-imports the retailers of a database (renamed) and, inside the
// import's transaction after `argv[3]` rows, says "mid" and blocks until it is killed.
import { openRepository } from '../src/db/open-repository.js';

const [db, atRow] = [process.argv[2] as string, Number(process.argv[3])];
const repo = await openRepository(db);
const retailers = (await repo.listRetailers()).map((r) => ({ ...r, name: `${r.name} (crash)` }));
await repo.upsertRetailers(retailers, (i) => {
  if (i !== atRow) return;
  process.stdout.write('mid\n'); // a pipe: written synchronously on Linux
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
});
process.stdout.write('finished (should have been killed)\n');
