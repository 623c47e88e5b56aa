/**
 * The process and resource tools an image ships besides the shell: busybox's `ps`, `free` and `df` applets
 * (busybox, Alpine), coreutils `df` (Debian/Ubuntu), and the `nginx` binary's own flags. They read the container
 * as ShellInput.system describes it, so `kubectl exec` shows what a student would see in the real image.
 *
 * What the real tools read, and so what these print:
 * - ps reads /proc: the PID namespace of the container (PID 1 is its main process) — busybox's default columns
 *   PID USER TIME COMMAND (busybox procps/ps.c, DESKTOP build: `-o pid,user,time,args`).
 * - free reads /proc/meminfo, which is NOT namespaced: a container sees its node's memory, not its limit. The limit
 *   is in /sys/fs/cgroup/memory.max (cgroup v2,
 *   https://kubernetes.io/docs/concepts/architecture/cgroups/), which run-container.ts writes.
 * - df lists the container's mounts: the overlay root (the node's disk), /dev and /dev/shm tmpfs (64 MiB, the
 *   runtime's default shm size) and the bind mounts of /etc/hosts etc. from the node's disk.
 * - nginx -v / -V print to stderr (src/core/nginx.c writes the version with ngx_write_stderr).
 */
import type { ShellCommand } from './types';

/** The container a tool runs in, as /proc, /sys and the mount table show it. */
export interface ContainerSystem {
  /** the processes of the container's PID namespace, PID 1 first */
  processes: { pid: number; user: string; args: string }[];
  /** the node's memory (MemTotal in /proc/meminfo) and how much of it is in use, in bytes */
  nodeMemoryBytes: number;
  nodeMemoryUsedBytes: number;
  /** the node's disk under the overlay root, in bytes */
  diskBytes: number;
  diskUsedBytes: number;
  /** the nginx binary's version (nginx images) */
  nginxVersion?: string;
}

export type SystemTool = 'ps' | 'free' | 'df' | 'nginx';

const KIB = 1024;

/** The PID a process started by `kubectl exec` gets: a few past the container's own (the runtime's helpers took some). */
const nextPid = (st: Parameters<ShellCommand>[1]) => Math.max(1, ...(st.input.system?.processes ?? []).map((p) => p.pid)) + 6;

/** `ps` (busybox): the container's processes, then itself with the next free PID. */
const ps: ShellCommand = (_args, st, io) => {
  const procs = st.input.system?.processes ?? [{ pid: 1, user: 'root', args: 'sh' }];
  const self = { pid: nextPid(st), user: st.input.user?.name ?? 'root', args: 'ps' };
  // printf "%5u %-8.8s %5s %s": pid, user cut to 8, cpu time as m:ss, the command line
  const row = (p: { pid: number; user: string; args: string }) => `${String(p.pid).padStart(5)} ${p.user.slice(0, 8).padEnd(8)}  0:00 ${p.args}\n`;
  io.out(`PID   USER     TIME  COMMAND\n${[...procs, self].map(row).join('')}`);
  return 0;
};

/** `free` (busybox): /proc/meminfo in KiB (`-m` MiB, `-h` human); the node's memory, as in any container. */
const free: ShellCommand = (args, st, io) => {
  const sys = st.input.system;
  const total = sys?.nodeMemoryBytes ?? 4 * KIB ** 3;
  const used = sys?.nodeMemoryUsedBytes ?? total / 4;
  const cache = Math.round(total * 0.18);
  const freeBytes = total - used - cache;
  const unit = args.includes('-m') ? KIB ** 2 : args.includes('-g') ? KIB ** 3 : KIB;
  const cell = (bytes: number) => (args.includes('-h') ? human(bytes) : String(Math.floor(bytes / unit))).padStart(12);
  // the label is padded to 7 and each column is 12 wide (busybox procps/free.c: "%-7s" then "%12llu")
  const row = (label: string, cells: number[]) => `${label.padEnd(7)}${cells.map(cell).join('')}\n`;
  io.out(`              total        used        free      shared  buff/cache   available\n${row('Mem:', [total, used, freeBytes, 0, cache, freeBytes + cache])}${row('Swap:', [0, 0, 0])}`);
  return 0;
};

/** Sizes as `df -h` / `free -h` print them: one decimal below 10, none above (1.2G, 58G, 64.0M). */
function human(bytes: number): string {
  if (bytes === 0) return '0';
  const units = ['', 'K', 'M', 'G', 'T'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 && i > 0 ? v.toFixed(1) : Math.round(v)}${units[i]}`;
}

/** `df` (`-h` human): busybox's or coreutils' table by the image's userland. */
const df: ShellCommand = (args, st, io) => {
  const sys = st.input.system;
  const disk = sys?.diskBytes ?? 60 * KIB ** 3;
  const diskUsed = sys?.diskUsedBytes ?? disk / 5;
  const shm = 64 * KIB ** 2;
  const mounts: [string, number, number, string][] = [
    ['overlay', disk, diskUsed, '/'],
    ['tmpfs', shm, 0, '/dev'],
    ['shm', shm, 0, '/dev/shm'],
    ['/dev/sda1', disk, diskUsed, '/etc/hosts'],
  ];
  const h = args.some((a) => /^-\w*h/.test(a));
  const size = (b: number) => (h ? human(b) : String(Math.floor(b / KIB)));
  // Use% rounds up, as both df's do (coreutils df.c; busybox df.c)
  const pct = (used: number, total: number) => `${total ? Math.ceil((used / total) * 100) : 0}%`;
  const cells = mounts.map(([fs, total, used, at]) => [fs, size(total), size(used), size(total - used), pct(used, total), at]);
  if (st.busybox) {
    // busybox df.c: "%-20s %9s %9s %9s %3u%% %s"
    const row = (c: string[]) => `${c[0].padEnd(20)} ${c[1].padStart(9)} ${c[2].padStart(9)} ${c[3].padStart(9)} ${c[4].padStart(4)} ${c[5]}`;
    io.out(`${[row(['Filesystem', h ? 'Size' : '1K-blocks', 'Used', 'Available', 'Use%', 'Mounted on']), ...cells.map(row)].join('\n')}\n`);
    return 0;
  }
  // coreutils df.c sizes each column to its widest cell (the source column at least 14, -h sizes at least 5)
  const table = [['Filesystem', h ? 'Size' : '1K-blocks', 'Used', h ? 'Avail' : 'Available', 'Use%', 'Mounted on'], ...cells];
  const widths = [0, 1, 2, 3, 4].map((i) => Math.max(i === 0 ? 14 : h && i < 4 ? 5 : 0, ...table.map((r) => r[i].length)));
  io.out(table.map((r) => `${r.slice(0, 5).map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' ')} ${r[5]}`).join('\n') + '\n');
  return 0;
};

/** The `nginx` binary run next to the running server: its flags print and exit; a second server can't bind :80. */
const nginx: ShellCommand = (args, st, io) => {
  const version = st.input.system?.nginxVersion ?? st.env.get('NGINX_VERSION') ?? '';
  const conf = '/etc/nginx/nginx.conf';
  const flag = args[0] ?? '';
  if (flag === '-v') io.err(`nginx version: nginx/${version}\n`);
  else if (flag === '-V') io.err(`nginx version: nginx/${version}\nbuilt by gcc 12.2.0 (Debian 12.2.0-14)\nbuilt with OpenSSL 3.0.11 19 Sep 2023 (running with OpenSSL 3.0.15 3 Sep 2024)\nTLS SNI support enabled\nconfigure arguments: --prefix=/etc/nginx --sbin-path=/usr/sbin/nginx --conf-path=${conf} --user=nginx --group=nginx --with-http_ssl_module --with-http_v2_module\n`);
  else if (flag === '-t' || flag === '-T') io.err(`nginx: the configuration file ${conf} syntax is ok\nnginx: configuration file ${conf} test is successful\n`);
  else if (flag === '-s' && ['reload', 'reopen', 'stop', 'quit'].includes(args[1] ?? '')) io.err(`${nginxTime(st.input.startedAt + st.t)} [notice] ${nextPid(st)}#${nextPid(st)}: signal process started\n`);
  else if (flag === '-h' || flag === '-?') io.err(`nginx version: nginx/${version}\nUsage: nginx [-?hvVtTq] [-s signal] [-p prefix]\n             [-e filename] [-c filename] [-g directives]\n`);
  else if (flag === '') {
    // the running master holds port 80: a second nginx fails to bind, retries, and gives up (ngx_open_listening_sockets)
    io.err('nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)\nnginx: [emerg] still could not bind()\n');
    return 1;
  } else {
    io.err(`nginx: invalid option: "${flag.replace(/^-/, '')}"\n`);
    return 1;
  }
  return 0;
};

/** nginx's log time stamp, 2026/01/15 10:00:00 (UTC, as in the container). */
const nginxTime = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ').replace(/-/g, '/');

const TOOLS: Record<SystemTool, ShellCommand> = { ps, free, df, nginx };

/** The commands for an image's `systemTools` list. */
export function systemTools(tools: readonly SystemTool[] | undefined): Record<string, ShellCommand> {
  return Object.fromEntries((tools ?? []).map((t) => [t, TOOLS[t]]));
}
