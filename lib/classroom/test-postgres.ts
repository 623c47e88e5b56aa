/**
 * A throwaway PostgreSQL for integration tests and the bench: initdb into a temp dir, `postgres` on a free
 * loopback port, stopped by its PID. Finds the server binaries at PG_BIN, Debian's /usr/lib/postgresql/<n>/bin
 * (newest first; .ci/run installs the `postgresql` package there) or on PATH. PostgreSQL refuses to run as
 * root, so as root it runs as the `postgres` user (Debian's package creates it) or `nobody`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPostgres {
  url: string;
  pid: number;
  binDir: string;
  stop(): Promise<void>;
}

const hasServer = (dir: string) => existsSync(join(dir, 'postgres')) && existsSync(join(dir, 'initdb'));

/** The directory holding `postgres` and `initdb`, or null when this machine has no PostgreSQL server. */
export function findPostgresBin(env: Record<string, string | undefined> = process.env, debianRoot = '/usr/lib/postgresql'): string | null {
  if (env.PG_BIN && hasServer(env.PG_BIN)) return env.PG_BIN;
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (hasServer(join(debianRoot, v, 'bin'))) return join(debianRoot, v, 'bin');
  }
  for (const dir of (env.PATH ?? '').split(':')) if (dir && hasServer(dir)) return dir;
  return null;
}

export const NO_POSTGRES = 'PostgreSQL 서버가 없어 건너뜁니다 (apt-get install postgresql, 또는 PG_BIN=/usr/lib/postgresql/<버전>/bin).';

/** uid/gid to run the server as: ourselves, or the `postgres`/`nobody` account when we are root. */
function serverAccount(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n');
  for (const name of ['postgres', 'nobody']) {
    const fields = passwd.find((l) => l.startsWith(`${name}:`))?.split(':');
    if (fields) return { uid: Number(fields[2]), gid: Number(fields[3]) };
  }
  throw new Error('root로 실행 중인데 PostgreSQL을 띄울 일반 계정(postgres, nobody)이 없습니다.');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(binDir: string, port: number, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  const isReady = join(binDir, 'pg_isready');
  while (Date.now() < deadline) {
    if (!existsSync(isReady)) {
      await new Promise((r) => setTimeout(r, 1500));
      return;
    }
    if (spawnSync(isReady, ['-h', '127.0.0.1', '-p', String(port), '-q']).status === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`PostgreSQL did not accept connections on port ${port} within ${ms} ms`);
}

export async function startTestPostgres(binDir: string): Promise<TestPostgres> {
  const root = await mkdtemp(join(tmpdir(), 'classroom-pg-'));
  const account = serverAccount();
  if (account) await chown(root, account.uid, account.gid);
  const data = join(root, 'data');
  const asAccount = account ? { uid: account.uid, gid: account.gid } : {};
  const init = spawnSync(join(binDir, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], { ...asAccount, cwd: root, encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.error?.message}`);
  const port = await freePort();
  const server = spawn(join(binDir, 'postgres'), ['-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-k', root, '-c', 'fsync=off'], { ...asAccount, cwd: root, stdio: 'ignore' });
  const exited = new Promise<void>((r) => server.once('exit', () => r()));
  try {
    await waitUntilReady(binDir, port, 20_000);
  } catch (e) {
    server.kill('SIGKILL');
    throw e;
  }
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    pid: server.pid!,
    binDir,
    async stop() {
      // SIGINT is PostgreSQL's "fast shutdown": disconnect clients, then exit.
      process.kill(server.pid!, 'SIGINT');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (server.exitCode === null) process.kill(server.pid!, 'SIGKILL');
      await rm(root, { recursive: true, force: true });
    },
  };
}
