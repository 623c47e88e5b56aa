/**
 * The interpreter: runs a parsed script against a ShellState in simulated time. `sleep` moves the clock instead
 * of waiting, so a script's whole future is computed at once and the kubelet schedules its exit as one timer.
 * An endless loop is run for a few iterations and then kept as a repeating formula (ShellResult.loop).
 */
import { parseScript, ShellSyntaxError, type Command, type List, type Word } from './parse';
import { ExitSignal, ForeverSignal, MAX_LINES, ShellState, type Io } from './state';
import { runBuiltin } from './commands';
import type { ShellInput, ShellResult } from './types';

/** Iterations of an endless loop run for real before its last iteration becomes the repeating pattern. */
const LOOP_SAMPLE = 20;
/** A loop that neither sleeps nor ends is cut after this many iterations (no process prints forever at 0 ms). */
const BUSY_LOOP_LIMIT = 10_000;

function expandWord(w: Word, st: ShellState, io: Io): string[] {
  // fields: unquoted expansions split on whitespace; quoted parts stay whole
  const fields: string[] = [];
  let cur = '';
  let has = false;
  for (const seg of w) {
    let text: string;
    if (seg.t === 'lit') text = seg.v;
    else if (seg.t === 'var') {
      const v = variable(seg.name, st);
      text = v === undefined || v === '' ? (seg.def ? expandWord(seg.def, st, io).join(' ') : '') : v;
    } else if (seg.t === 'arith') text = String(arithmetic(seg.expr, st));
    else text = substitute(seg.src, st).replace(/\n+$/, '');
    if (seg.q || seg.t === 'lit') {
      cur += text;
      has = true;
      continue;
    }
    const parts = text.split(/[ \t\n]+/);
    parts.forEach((p, i) => {
      if (i > 0 && (cur || has)) {
        fields.push(cur);
        cur = '';
        has = false;
      }
      if (p) {
        cur += p;
        has = true;
      }
    });
  }
  if (cur || has) fields.push(cur);
  return fields;
}

function variable(name: string, st: ShellState): string | undefined {
  if (name === '?') return String(st.status);
  if (name === '$') return '1';
  if (name === '#') return '0';
  if (name === '0') return st.shellName;
  return st.env.get(name);
}

/** `$(( … ))`: integers, + - * / % and comparisons, variables by name or $name. */
export function arithmetic(expr: string, st: ShellState): number {
  const src = expr.replace(/\$?\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_m, n: string) => String(parseInt(st.env.get(n) ?? '0', 10) || 0));
  if (!/^[\d\s+\-*/%()<>=!]*$/.test(src)) throw new ShellSyntaxError(`arithmetic syntax error`);
  const toks = src.match(/\d+|[()+\-*/%]|[<>=!]=|[<>]/g) ?? [];
  let i = 0;
  const atom = (): number => {
    const t = toks[i++];
    if (t === '(') {
      const v = cmp();
      i++;
      return v;
    }
    if (t === '-') return -atom();
    return parseInt(t ?? '0', 10);
  };
  const mul = (): number => {
    let v = atom();
    while (toks[i] === '*' || toks[i] === '/' || toks[i] === '%') {
      const op = toks[i++];
      const r = atom();
      if ((op === '/' || op === '%') && r === 0) throw new ShellSyntaxError('arithmetic syntax error: divide by zero');
      v = op === '*' ? v * r : op === '/' ? Math.trunc(v / r) : v % r;
    }
    return v;
  };
  const add = (): number => {
    let v = mul();
    while (toks[i] === '+' || toks[i] === '-') v = toks[i++] === '+' ? v + mul() : v - mul();
    return v;
  };
  const cmp = (): number => {
    const v = add();
    const op = toks[i];
    if (!op || !/^[<>=!]/.test(op)) return v;
    i++;
    const r = add();
    return Number(op === '<' ? v < r : op === '>' ? v > r : op === '<=' ? v <= r : op === '>=' ? v >= r : op === '==' ? v === r : v !== r);
  };
  return cmp();
}

/** `$( … )`: runs the script with its stdout captured (its stderr still goes to the log). */
function substitute(src: string, st: ShellState): string {
  let text = '';
  st.captureDepth++;
  try {
    runList(parseScript(src), st, { out: (s) => (text += s), err: (s) => st.emit(s, 'stderr') });
  } catch (e) {
    if (!(e instanceof ExitSignal) && !(e instanceof ForeverSignal)) throw e;
  } finally {
    st.captureDepth--;
  }
  return text;
}

export function runList(list: List, st: ShellState, io: Io): number {
  for (const item of list) {
    let status = runPipeline(item.first, st, io);
    for (const { op, p } of item.rest) if ((op === '&&') === (status === 0)) status = runPipeline(p, st, io);
    st.status = status;
  }
  return st.status;
}

function runPipeline(p: { bang: boolean; cmds: Command[] }, st: ShellState, io: Io): number {
  let stdin: string | undefined = io.stdin;
  let status = 0;
  p.cmds.forEach((cmd, i) => {
    const last = i === p.cmds.length - 1;
    if (last) {
      status = runCommand(cmd, st, { ...io, stdin });
      return;
    }
    let captured = '';
    st.captureDepth++;
    try {
      runCommand(cmd, st, { out: (s) => (captured += s), err: io.err, stdin });
    } catch (e) {
      if (!(e instanceof ExitSignal) && !(e instanceof ForeverSignal)) throw e;
    } finally {
      st.captureDepth--;
    }
    stdin = captured;
  });
  st.status = p.bang ? Number(status === 0) : status;
  return st.status;
}

function runCommand(cmd: Command, st: ShellState, io: Io): number {
  switch (cmd.t) {
    case 'group':
      return runList(cmd.body, st, io);
    case 'if': {
      for (const c of cmd.clauses) if (runList(c.cond, st, io) === 0) return runList(c.body, st, io);
      return cmd.otherwise ? runList(cmd.otherwise, st, io) : 0;
    }
    case 'for': {
      const items = cmd.items.flatMap((w) => expandWord(w, st, io));
      let status = 0;
      for (const item of items) {
        st.env.set(cmd.name, item);
        status = runList(cmd.body, st, io);
      }
      return status;
    }
    case 'while':
      return runWhile(cmd, st, io);
    case 'simple':
      return runSimple(cmd, st, io);
  }
}

function runWhile(cmd: Extract<Command, { t: 'while' }>, st: ShellState, io: Io): number {
  let status = 0;
  for (let n = 0; ; n++) {
    const ok = runList(cmd.cond, st, io) === 0;
    if (ok === cmd.until) return status;
    const start = st.t;
    const firstLine = st.lines.length;
    status = runList(cmd.body, st, io);
    const period = st.t - start;
    if (n + 1 >= LOOP_SAMPLE && period > 0 && st.captureDepth === 0) {
      // still looping after the sample: the last iteration repeats forever (a formula, not unrolled)
      const lines = st.lines.slice(firstLine).map((l) => ({ ...l, at: l.at - start }));
      throw new ForeverSignal({ from: st.t, period, lines });
    }
    if (n >= BUSY_LOOP_LIMIT || st.lines.length >= MAX_LINES) throw new ForeverSignal();
  }
}

function runSimple(cmd: Extract<Command, { t: 'simple' }>, st: ShellState, io: Io): number {
  const argv = cmd.words.flatMap((w) => expandWord(w, st, io));
  const assigned = cmd.assigns.map(({ name, value }) => [name, expandWord(value, st, io).join(' ')] as const);
  if (argv.length === 0) {
    for (const [k, v] of assigned) st.env.set(k, v);
    return 0;
  }
  // redirections: `> file` writes into the container's files, `2>&1` merges, `> /dev/null` discards
  let out = io.out;
  let err = io.err;
  const writes: { path: string; append: boolean; text: string }[] = [];
  for (const r of cmd.redirs) {
    if (r.op === '2>&1') err = out;
    else if (r.op === '>&2') out = err;
    else if (r.op !== '<') {
      const path = st.resolve(expandWord(r.target!, st, io).join(' '));
      const sink = { path, append: r.op.endsWith('>>'), text: '' };
      if (path !== '/dev/null') writes.push(sink);
      const write = (s: string) => void (sink.text += s);
      if (r.op.startsWith('2')) err = write;
      else out = write;
    }
  }
  let stdin = io.stdin;
  const input = cmd.redirs.find((r) => r.op === '<');
  if (input) stdin = st.files.get(st.resolve(expandWord(input.target!, st, io).join(' '))) ?? '';
  const saved = assigned.map(([k]) => [k, st.env.get(k)] as const);
  for (const [k, v] of assigned) st.env.set(k, v);
  try {
    return dispatch(argv, st, { out, err, stdin, ...(out === io.out && io.date ? { date: io.date } : {}) });
  } finally {
    for (const w of writes) st.files.set(w.path, (w.append ? (st.files.get(w.path) ?? '') : '') + w.text);
    for (const [k, v] of saved) (v === undefined ? st.env.delete(k) : st.env.set(k, v));
  }
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash']);

/** A shell (`sh -c …`, `bash -c …`) runs its script here; `exec CMD` replaces it; anything else is a command. */
function dispatch(argv: string[], st: ShellState, io: Io): number {
  const name = argv[0].split('/').pop()!;
  if (name === 'exec' && argv.length > 1) return dispatch(argv.slice(1), st, io);
  if (SHELLS.has(name)) {
    const c = argv.indexOf('-c');
    if (c < 0) return 0; // an interactive shell without a terminal reads EOF at once and exits 0
    const script = argv[c + 1];
    if (script === undefined) {
      io.err(`${name}: -c requires an argument\n`);
      return 2;
    }
    try {
      return runList(parseScript(script), st, io);
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      io.err(`${name}: ${e.message}\n`);
      return 2;
    }
  }
  return runBuiltin(argv, st, io);
}

/**
 * Runs `sh -c SCRIPT` (or `bash -c`): timed output, exit code and exit time. Pure and deterministic.
 * A syntax error is reported the way busybox sh does, with exit code 2.
 */
export function runShellScript(script: string, input: ShellInput, shellName = 'sh'): ShellResult {
  const st = new ShellState(input, shellName);
  let exitCode = 0;
  let exitAtMs = Infinity;
  let loop: ShellResult['loop'];
  try {
    exitCode = runList(parseScript(script), st, st.logIo());
    exitAtMs = st.t;
  } catch (e) {
    if (e instanceof ExitSignal) {
      exitCode = e.code;
      exitAtMs = st.t;
    } else if (e instanceof ForeverSignal) loop = e.loop;
    else if (e instanceof ShellSyntaxError) {
      st.emit(`${shellName}: ${e.message}\n`, 'stderr');
      exitCode = 2;
      exitAtMs = st.t;
    } else throw e;
  }
  st.finish();
  return { lines: st.lines, ...(loop ? { loop } : {}), exitCode, exitAtMs, ...(st.files.changes.length ? { fileChanges: st.files.changes } : {}) };
}

/** Runs an argv directly (a container whose command is `echo hi` or `sleep 3600`, or `kubectl exec -- CMD`). */
export function runArgv(argv: readonly string[], input: ShellInput, shellName = 'sh'): ShellResult {
  const st = new ShellState(input, shellName);
  let exitCode: number;
  let exitAtMs = Infinity;
  let loop: ShellResult['loop'];
  try {
    exitCode = dispatch([...argv], st, st.logIo());
    exitAtMs = st.t;
  } catch (e) {
    if (e instanceof ExitSignal) {
      exitCode = e.code;
      exitAtMs = st.t;
    } else if (e instanceof ForeverSignal) {
      exitCode = 0;
      loop = e.loop;
    } else throw e;
  }
  st.finish();
  return { lines: st.lines, ...(loop ? { loop } : {}), exitCode, exitAtMs, ...(st.files.changes.length ? { fileChanges: st.files.changes } : {}) };
}
