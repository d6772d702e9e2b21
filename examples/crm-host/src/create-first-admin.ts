import type { Repository } from './db/repository.js';
import { issueToken } from './http/tokens.js';

/**
 * Creates the first admin and returns its token (shown once; only its hash is stored). Refuses when an
 * admin exists: further users are made by an admin through `POST /users`. There is no default
 * password or token anywhere.
 */
export async function createFirstAdmin(repo: Repository, id: string, name: string): Promise<string> {
  if ((await repo.countUsers('admin')) > 0)
    throw new Error('an admin exists already: create users through POST /users');
  await repo.createUser({ id, name, role: 'admin', managerId: null, createdAt: Date.now() });
  return issueToken(repo, id);
}
