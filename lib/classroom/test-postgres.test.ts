import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPostgresBin } from './test-postgres';

let root: string;
async function fakeServer(dir: string) {
  await mkdir(dir, { recursive: true });
  for (const name of ['postgres', 'initdb']) await writeFile(join(dir, name), '');
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pg-find-'));
  // Debian's layout (package postgresql-<n>): /usr/lib/postgresql/<n>/bin, several versions side by side.
  await fakeServer(join(root, 'debian', '13', 'bin'));
  await fakeServer(join(root, 'debian', '15', 'bin'));
  await mkdir(join(root, 'debian', '16', 'bin'), { recursive: true }); // client-only package: no server
  await fakeServer(join(root, 'onpath'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('findPostgresBin', () => {
  it("picks the newest Debian server under /usr/lib/postgresql/<n>/bin, skipping client-only versions", () => {
    expect(findPostgresBin({ PATH: join(root, 'onpath') }, join(root, 'debian'))).toBe(join(root, 'debian', '15', 'bin'));
  });
  it('honours PG_BIN, falls back to PATH, and answers null when there is no server', () => {
    expect(findPostgresBin({ PG_BIN: join(root, 'debian', '13', 'bin') }, join(root, 'debian'))).toBe(join(root, 'debian', '13', 'bin'));
    expect(findPostgresBin({ PATH: `/nonexistent:${join(root, 'onpath')}` }, join(root, 'missing'))).toBe(join(root, 'onpath'));
    expect(findPostgresBin({ PATH: '/nonexistent' }, join(root, 'missing'))).toBeNull();
  });
});
