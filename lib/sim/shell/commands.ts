/**
 * The commands a busybox/alpine/ubuntu container knows, as they print and exit. Each returns its exit status;
 * `sleep` advances simulated time; `exit` and endless waits are thrown as signals (state.ts).
 */
import { ExitSignal, ForeverSignal, ShellState, type Io } from './state';
import type { ShellInput } from './types';

type Builtin = (args: string[], st: ShellState, io: Io) => number;

/** `sleep 5`, `sleep 0.5`, `sleep 1m`, `sleep infinity` → ms (Infinity), or NaN for bad input. */
export function sleepMs(arg: string): number {
  if (arg === 'infinity' || arg === 'inf') return Infinity;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) return NaN;
  return Number(m[1]) * { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]]!;
}

/** echo's backslash escapes (`-e`, and always for busybox sh's echo with -e). */
function unescape(s: string): { text: string; stop: boolean } {
  let stop = false;
  const text = s.replace(/\\(.)/g, (_m, c: string) => {
    if (c === 'c') {
      stop = true;
      return '';
    }
    return ({ n: '\n', t: '\t', '\\': '\\', a: '\x07', r: '\r', e: '\x1b', '0': '' } as Record<string, string>)[c] ?? `\\${c}`;
  });
  return { text: stop ? text.slice(0, text.length) : text, stop };
}

const echo: Builtin = (args, _st, io) => {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length && /^-[neE]+$/.test(args[i]); i++) {
    if (args[i].includes('n')) newline = false;
    if (args[i].includes('e')) escapes = true;
    if (args[i].includes('E')) escapes = false;
  }
  let text = args.slice(i).join(' ');
  if (escapes) {
    const u = unescape(text);
    text = u.text;
    if (u.stop) newline = false;
  }
  io.out(newline ? `${text}\n` : text);
  return 0;
};

const printf: Builtin = (args, _st, io) => {
  if (!args.length) {
    io.err('printf: usage: printf FORMAT [ARGUMENT...]\n');
    return 1;
  }
  let k = 1;
  const text = unescape(args[0].replace(/%([sdi%])/g, (_m, c: string) => (c === '%' ? '%' : c === 's' ? (args[k++] ?? '') : String(parseInt(args[k++] ?? '0', 10) || 0)))).text;
  io.out(text);
  return 0;
};

const sleep: Builtin = (args, st, io) => {
  if (!args.length) {
    io.err('sleep: missing operand\n');
    return 1;
  }
  let total = 0;
  for (const a of args) {
    const ms = sleepMs(a);
    if (Number.isNaN(ms)) {
      io.err(`sleep: invalid number '${a}'\n`);
      return 1;
    }
    total += ms;
  }
  if (total === Infinity) throw new ForeverSignal();
  st.t += total;
  return 0;
};

function exitCode(args: string[], st: ShellState): number {
  const n = args.length ? parseInt(args[0], 10) : st.status;
  return Number.isNaN(n) ? 2 : ((n % 256) + 256) % 256;
}

const envLines = (st: ShellState) => [...st.env].map(([k, v]) => `${k}=${v}\n`).join('');

const cat: Builtin = (args, st, io) => {
  if (!args.length || (args.length === 1 && args[0] === '-')) {
    if (io.stdin === undefined) throw new ForeverSignal(); // cat with no input waits on stdin forever
    io.out(io.stdin);
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const path = st.resolve(a);
    const content = st.files.get(path);
    if (content !== undefined) io.out(content);
    else {
      const why = st.isDir(path) ? 'Is a directory' : 'No such file or directory';
      // busybox's cat says "can't open 'F'" (libbb bb_perror_msg); GNU coreutils names the file bare
      io.err(st.busybox && !st.isDir(path) ? `cat: can't open '${a}': ${why}\n` : `cat: ${a}: ${why}\n`);
      status = 1;
    }
  }
  return status;
};

const ls: Builtin = (args, st, io) => {
  const flags = args.filter((a) => a.startsWith('-')).join('');
  const targets = args.filter((a) => !a.startsWith('-'));
  let status = 0;
  for (const t of targets.length ? targets : ['.']) {
    const path = st.resolve(t);
    if (st.files.has(path)) io.out(`${t}\n`);
    else if (st.isDir(path)) {
      const names = st.list(path).filter((n) => flags.includes('a') || !n.startsWith('.'));
      if (targets.length > 1) io.out(`${t}:\n`);
      if (names.length) io.out(`${names.join(flags.includes('l') || flags.includes('1') ? '\n' : '  ')}\n`);
    } else {
      io.err(`ls: ${t}: No such file or directory\n`);
      status = 1;
    }
  }
  return status;
};

/** `test` / `[`: the operators scripts use. */
function test(args: string[], st: ShellState): boolean {
  if (args[0] === '!') return !test(args.slice(1), st);
  if (args.length === 0) return false;
  if (args.length === 1) return args[0] !== '';
  if (args.length === 2) {
    const [op, v] = args;
    const path = st.resolve(v);
    if (op === '-z') return v === '';
    if (op === '-n') return v !== '';
    if (op === '-f') return st.files.has(path);
    if (op === '-d') return st.isDir(path);
    if (op === '-e') return st.files.has(path) || st.isDir(path);
    return false;
  }
  const [a, op, b] = args;
  const x = parseInt(a, 10);
  const y = parseInt(b, 10);
  switch (op) {
    case '=':
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '-eq':
      return x === y;
    case '-ne':
      return x !== y;
    case '-lt':
      return x < y;
    case '-le':
      return x <= y;
    case '-gt':
      return x > y;
    case '-ge':
      return x >= y;
  }
  return false;
}

const BUILTINS: Record<string, Builtin> = {
  echo,
  printf,
  sleep,
  cat,
  ls,
  true: () => 0,
  false: () => 1,
  ':': () => 0,
  exit: (args, st) => {
    throw new ExitSignal(exitCode(args, st));
  },
  env: (_a, st, io) => (io.out(envLines(st)), 0),
  printenv: (args, st, io) => {
    if (!args.length) return io.out(envLines(st)), 0;
    const values = args.map((a) => st.env.get(a));
    for (const v of values) if (v !== undefined) io.out(`${v}\n`);
    return values.every((v) => v !== undefined) ? 0 : 1;
  },
  export: (args, st) => {
    for (const a of args) {
      const eq = a.indexOf('=');
      if (eq > 0) st.env.set(a.slice(0, eq), a.slice(eq + 1));
    }
    return 0;
  },
  unset: (args, st) => (args.forEach((a) => st.env.delete(a)), 0),
  hostname: (_a, st, io) => (io.out(`${st.input.hostname}\n`), 0),
  date: (_a, st, io) => ((io.date ?? io.out)(`${st.dateText()}\n`), 0),
  whoami: (_a, st, io) => (io.out(`${st.input.user?.name ?? 'root'}\n`), 0),
  id: (_a, st, io) => {
    const u = st.input.user ?? { name: 'root', uid: 0, gid: 0 };
    io.out(`uid=${u.uid}(${u.name}) gid=${u.gid}(${u.name}) groups=${u.gid}(${u.name})\n`);
    return 0;
  },
  pwd: (_a, st, io) => (io.out(`${st.cwd}\n`), 0),
  cd: (args, st, io) => {
    const path = st.resolve(args[0] ?? st.env.get('HOME') ?? '/');
    if (!st.isDir(path)) {
      io.err(`${st.shellName}: cd: can't cd to ${args[0]}: No such file or directory\n`);
      return 2;
    }
    st.cwd = path;
    return 0;
  },
  test: (args, st) => (test(args, st) ? 0 : 1),
  '[': (args, st, io) => {
    if (args[args.length - 1] !== ']') {
      io.err('[: missing ]\n');
      return 2;
    }
    return test(args.slice(0, -1), st) ? 0 : 1;
  },
  mkdir: (args, st) => (args.filter((a) => !a.startsWith('-')).forEach((d) => st.files.set(`${st.resolve(d)}/`, '')), 0),
  touch: (args, st) => (args.forEach((f) => st.files.set(st.resolve(f), st.files.get(st.resolve(f)) ?? '')), 0),
  rm: (args, st) => (args.filter((a) => !a.startsWith('-')).forEach((f) => st.files.delete(st.resolve(f))), 0),
  uname: (args, _st, io) => (io.out(args.includes('-a') ? 'Linux sim 6.8.0-sim #1 SMP x86_64 GNU/Linux\n' : 'Linux\n'), 0),
  nproc: (_a, _st, io) => (io.out('2\n'), 0),
  seq: (args, _st, io) => {
    const [from, to] = args.length > 1 ? [parseInt(args[0], 10), parseInt(args[1], 10)] : [1, parseInt(args[0], 10)];
    for (let i = from; i <= Math.min(to, from + 10_000); i++) io.out(`${i}\n`);
    return 0;
  },
  wc: (args, _st, io) => {
    const text = io.stdin ?? '';
    const counts = { l: (text.match(/\n/g) ?? []).length, w: text.split(/\s+/).filter(Boolean).length, c: text.length };
    const wanted = (['l', 'w', 'c'] as const).filter((f) => args.some((a) => a.startsWith('-') && a.includes(f)));
    io.out(`${(wanted.length ? wanted : (['l', 'w', 'c'] as const)).map((f) => counts[f]).join(' ')}\n`);
    return 0;
  },
  head: (args, _st, io) => {
    const n = parseInt(args[args.indexOf('-n') + 1] ?? '10', 10) || 10;
    io.out((io.stdin ?? '').split('\n').slice(0, n).map((l) => `${l}\n`).join(''));
    return 0;
  },
  grep: (args, _st, io) => {
    const pattern = args.find((a) => !a.startsWith('-')) ?? '';
    const hits = (io.stdin ?? '').split('\n').filter((l) => l.includes(pattern));
    io.out(hits.map((l) => `${l}\n`).join(''));
    return hits.length ? 0 : 1;
  },
  tail: (args, st, io) => {
    if (args.includes('-f')) throw new ForeverSignal(); // `tail -f /dev/null`: blocks forever
    return cat(args, st, io);
  },
  trap: () => 0,
  set: () => 0,
};

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'exec']);

/** Whether a container image with a shell has this executable (a shell, one of the commands above, or one the image adds). */
export function isShellCommand(name: string, input?: Pick<ShellInput, 'commands'>): boolean {
  return SHELLS.has(name) || Object.hasOwn(BUILTINS, name) || (!!input?.commands && Object.hasOwn(input.commands, name));
}

/** Runs one command by name; an unknown one is `sh: X: not found`, exit 127 (bash says "command not found"). */
export function runBuiltin(argv: string[], st: ShellState, io: Io): number {
  const name = argv[0].includes('/') ? argv[0].split('/').pop()! : argv[0];
  const extra = st.input.commands;
  const fn = extra && Object.hasOwn(extra, name) ? extra[name] : Object.hasOwn(BUILTINS, name) ? BUILTINS[name] : undefined;
  if (!fn) {
    io.err(st.shellName === 'bash' ? `bash: ${argv[0]}: command not found\n` : `${st.shellName}: ${argv[0]}: not found\n`);
    return 127;
  }
  return fn(argv.slice(1), st, io);
}
