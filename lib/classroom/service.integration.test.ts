import { afterAll, beforeAll, describe } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedDb } from './db';
import { classroomServiceSuite } from './service-suite';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'classroom-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('classroom on the embedded database', () => {
  classroomServiceSuite(() => openEmbeddedDb(dir));
});
