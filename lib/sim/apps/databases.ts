/**
 * Databases: they refuse to initialise without a password variable and exit 1 — the classic
 * CrashLoopBackOff that `kubectl logs --previous` explains (messages as docker-library/postgres and
 * docker-library/mysql docker-entrypoint.sh print them). redis: ENTRYPOINT ["docker-entrypoint.sh"] CMD ["redis-server"].
 */
import { mib, stderrAt, type ImageFamily } from './types';

const lib = (name: string) => `docker.io/library/${name}`;

export const DATABASE_IMAGES: ImageFamily[] = [
  {
    repository: lib('redis'),
    tags: ['6', '7', '7.2', '7.4', 'alpine', 'latest'],
    sizeBytes: 45_035_108,
    app: {
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['redis-server'],
      kind: 'server',
      programs: ['redis-server', 'docker-entrypoint.sh'],
      ports: [6379],
      readyAfterMs: 100,
      startLogs: [
        '1:C {redisTime} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
        '1:C {redisTime} * Redis version={version}, bits=64, commit=00000000, modified=0, pid=1, just started',
        '1:C {redisTime} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
        '1:M {redisTime} * monotonic clock: POSIX clock_gettime',
        '1:M {redisTime} * Running mode=standalone, port=6379.',
        '1:M {redisTime} * Server initialized',
        '1:M {redisTime} * Ready to accept connections tcp',
      ],
      stopLogs: ['1:signal-handler ({redisTime}) Received SIGTERM scheduling shutdown...', '1:M {redisTime} # User requested shutdown...', '1:M {redisTime} # Redis is now ready to exit, bye bye...'],
      memory: { idleBytes: mib(8), perRequestBytes: 4 * 1024 },
      sigterm: 'exit',
      shell: 'bash',
      version: '7.4.1',
    },
  },
  {
    repository: lib('postgres'),
    tags: ['15', '16', '17', 'latest'],
    sizeBytes: 158_392_112,
    app: {
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['postgres'],
      kind: 'server',
      programs: ['postgres', 'docker-entrypoint.sh'],
      ports: [5432],
      readyAfterMs: 3_000,
      startLogs: [
        'The files belonging to this database system will be owned by user "postgres".',
        'This user must also own the server process.',
        { at: 2_000, text: 'PostgreSQL init process complete; ready for start up.' },
        { at: 3_000, text: '{pgTime} [1] LOG:  starting PostgreSQL {version} on x86_64-pc-linux-gnu' },
        { at: 3_000, text: '{pgTime} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432' },
        { at: 3_000, text: '{pgTime} [1] LOG:  database system is ready to accept connections' },
      ],
      stopLogs: ['{pgTime} [1] LOG:  received fast shutdown request', '{pgTime} [1] LOG:  database system is shut down'],
      requiresEnv: {
        anyOf: ['POSTGRES_PASSWORD', 'POSTGRES_HOST_AUTH_METHOD'],
        afterMs: 200,
        code: 1,
        logs: stderrAt(
          200,
          'Error: Database is uninitialized and superuser password is not specified.',
          '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
          '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
        ),
      },
      memory: { idleBytes: mib(30), perRequestBytes: mib(2) },
      sigterm: 'exit',
      shell: 'bash',
      version: '17.2',
    },
  },
  {
    repository: lib('mysql'),
    tags: ['5.7', '8.0', '8', 'latest'],
    sizeBytes: 170_652_814,
    app: {
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['mysqld'],
      kind: 'server',
      programs: ['mysqld', 'docker-entrypoint.sh'],
      ports: [3306, 33060],
      readyAfterMs: 8_000,
      startLogs: [
        '{iso} 00:00:00+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server {version}-1.el9 started.',
        { at: 8_000, text: "{iso} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '{version}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL." },
      ],
      requiresEnv: {
        anyOf: ['MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD'],
        afterMs: 500,
        code: 1,
        logs: [
          { at: 0, text: '{iso} 00:00:00+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server {version}-1.el9 started.' },
          ...stderrAt(
            500,
            '{iso} 00:00:00+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified',
            '    You need to specify one of the following as an environment variable:',
            '    - MYSQL_ROOT_PASSWORD',
            '    - MYSQL_ALLOW_EMPTY_PASSWORD',
            '    - MYSQL_RANDOM_ROOT_PASSWORD',
          ),
        ],
      },
      memory: { idleBytes: mib(360), perRequestBytes: mib(1) },
      sigterm: 'exit',
      shell: 'bash',
      version: '8.4.3',
    },
    byTag: { '5.7': { version: '5.7.44' }, '8.0': { version: '8.0.40' } },
  },
];
