/**
 * A login shell on one machine (like `ssh ubuntu@master`): the container shell's interpreter (lib/sim/shell) with
 * this machine's commands added through ShellInput.commands, one ShellState kept for the machine's life (its files
 * are the machine's files), plus the bash features the setup steps need that the interpreter leaves out: aliases,
 * process substitution `<(…)` and `sudo -i`.
 */
import { parseScript, ShellSyntaxError } from '../sim/shell/parse';
import { runList } from '../sim/shell/run';
import { ExitSignal, ForeverSignal, ShellState, type Io } from '../sim/shell/state';
import type { ShellInput } from '../sim/shell/types';
import { LOGIN_USER, ROOT_USER, type Machine } from './machines';
import type { MachineWorld } from './world';
import { systemCommands } from './commands-system';
import { userCommands } from './commands-user';
import { kubeadmCommand } from './kubeadm';

export interface MachineLineResult {
  stdout: string;
  stderr: string;
  /** kubectl command lines (argv) that passed the kubeconfig check, to run against the cluster in order */
  kubectl: string[][];
}

/** Where bash puts the pipe of a process substitution. */
const PROC_SUB_PATH = '/dev/fd/63';

export class MachineShell {
  readonly st: ShellState;
  readonly machine: Machine;
  private rootLogin = false;
  private readonly deferred: string[][] = [];

  constructor(
    private readonly world: MachineWorld,
    readonly name: string,
  ) {
    const m = world.machine(name);
    this.machine = m;
    const input: ShellInput = {
      env: { HOME: LOGIN_USER.home, USER: LOGIN_USER.name, LOGNAME: LOGIN_USER.name, SHELL: '/bin/bash', PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8' },
      files: Object.fromEntries(m.files),
      hostname: name,
      startedAt: world.now(),
      cwd: LOGIN_USER.home,
      user: { name: LOGIN_USER.name, uid: LOGIN_USER.uid, gid: LOGIN_USER.gid },
    };
    input.commands = {
      ...systemCommands(world, m),
      ...userCommands(world, m, { runScript: (text, io) => this.runScript(text, io), deferred: this.deferred }),
      kubeadm: kubeadmCommand(world, name),
    };
    this.st = new ShellState(input, 'bash');
    // one file system: what kubeadm writes and what the shell reads are the same map
    m.files = this.st.files;
  }

  /** `ubuntu@master:~$ ` (root: `root@master:~# `). */
  prompt(): string {
    const user = this.st.input.user ?? { name: 'root', uid: 0 };
    const home = this.st.env.get('HOME') ?? '/';
    const cwd = this.st.cwd === home ? '~' : this.st.cwd.startsWith(`${home}/`) ? `~${this.st.cwd.slice(home.length)}` : this.st.cwd;
    return `${user.name}@${this.name}:${cwd}${user.uid === 0 ? '#' : '$'} `;
  }

  /** Runs one typed line at the world's current time. */
  run(line: string): MachineLineResult {
    let stdout = '';
    let stderr = '';
    const io: Io = { out: (s) => (stdout += s), err: (s) => (stderr += s) };
    this.world.sync();
    this.st.t = this.world.now() - this.st.input.startedAt;
    const trimmed = line.trim();
    if (/^sudo\s+(-i|-s|su(\s+-)?|-u\s+root\s+-i)$/.test(trimmed)) this.loginRoot(true);
    else if (trimmed) this.runScript(line, io);
    return { stdout, stderr, kubectl: this.deferred.splice(0) };
  }

  /** Runs script text line by line (a typed line, or a sourced file). */
  private runScript(text: string, io: Io): number {
    let status = 0;
    for (const line of text.split('\n')) {
      if (!line.trim() || line.trim().startsWith('#')) continue;
      try {
        status = runList(parseScript(this.prepare(line)), this.st, io);
      } catch (e) {
        if (e instanceof ExitSignal) {
          if (this.rootLogin) this.loginRoot(false);
          else io.err('logout\n(이 시뮬레이터에서는 접속이 끊기지 않아요. 다른 머신은 위의 머신 선택에서 고르세요.)\n');
          return e.code;
        }
        if (e instanceof ShellSyntaxError) {
          io.err(`bash: ${e.message}\n`);
          return 2;
        }
        if (!(e instanceof ForeverSignal)) throw e;
      }
    }
    return status;
  }

  private loginRoot(on: boolean): void {
    this.rootLogin = on;
    const u = on ? ROOT_USER : LOGIN_USER;
    this.st.input.user = { name: u.name, uid: u.uid, gid: u.gid };
    this.st.env.set('HOME', u.home);
    this.st.env.set('USER', u.name);
    this.st.env.set('LOGNAME', u.name);
    this.st.cwd = u.home;
  }

  /** Alias expansion at each command's start, then `<(cmd)` replaced by a file holding cmd's output. */
  private prepare(line: string): string {
    const aliased = expandTilde(expandAliases(line, this.machine.aliases), this.st.env.get('HOME') ?? '/');
    return replaceProcessSubstitutions(aliased, (inner) => {
      let text = '';
      try {
        runList(parseScript(expandAliases(inner, this.machine.aliases)), this.st, { out: (s) => (text += s), err: () => {} });
      } catch (e) {
        if (!(e instanceof ExitSignal) && !(e instanceof ShellSyntaxError) && !(e instanceof ForeverSignal)) throw e;
      }
      this.st.files.set(PROC_SUB_PATH, text);
      return PROC_SUB_PATH;
    });
  }

  /**
   * What Tab completes for a line: kubectl's completion, if bash has it for the line's command (`kubectl` after
   * `source <(kubectl completion bash)`, `k` after `complete -o default -F __start_kubectl k`). Returns the line as
   * kubectl would see it and the length of the command word it replaced, or undefined.
   */
  kubectlCompletionFor(line: string): { kubectlLine: string; word: string } | undefined {
    const word = /^\s*(\S+)\s/.exec(line)?.[1];
    if (!word || !this.machine.kubectlCompletion || !this.machine.completeWithKubectl.has(word)) return undefined;
    const target = word === 'kubectl' ? 'kubectl' : this.machine.aliases.get(word) === 'kubectl' ? 'kubectl' : undefined;
    if (!target) return undefined;
    return { kubectlLine: line.replace(word, 'kubectl'), word };
  }
}

/** Replaces the first word of every command (start, after ; && || |) by its alias. Quotes are left alone. */
export function expandAliases(line: string, aliases: ReadonlyMap<string, string>): string {
  if (!aliases.size) return line;
  return line.replace(/(^\s*|[;&|]\s*)([A-Za-z0-9_.-]+)(?=\s|$)/g, (m, sep: string, word: string) => (aliases.has(word) ? sep + aliases.get(word)! : m));
}

/** `~` at the start of a word (alone or before `/`), outside quotes → $HOME. */
export function expandTilde(line: string, home: string): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) quote = c === quote ? null : quote;
    else if (c === "'" || c === '"') quote = c;
    else if (c === '~' && (i === 0 || /[\s=:]/.test(line[i - 1])) && (i + 1 === line.length || /[\s/;]/.test(line[i + 1]))) {
      out += home;
      continue;
    }
    out += c;
  }
  return out;
}

/** `<( … )` outside quotes → whatever `substitute` returns for the inner command. */
export function replaceProcessSubstitutions(line: string, substitute: (inner: string) => string): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
      out += c;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    if (c === '<' && line[i + 1] === '(') {
      let depth = 1;
      let j = i + 2;
      for (; j < line.length && depth; j++) depth += line[j] === '(' ? 1 : line[j] === ')' ? -1 : 0;
      out += substitute(line.slice(i + 2, j - 1));
      i = j - 1;
      continue;
    }
    out += c;
  }
  return out;
}

/** One login shell per machine, shared by everyone who types into it (terminal, scenario): a second shell would fork the machine's files. */
const LOGIN_SHELLS = new WeakMap<Machine, MachineShell>();

/** The machine's shared login shell; fresh machines (a world reset) get a fresh one. */
export function loginShell(world: MachineWorld, name: string): MachineShell {
  const m = world.machine(name);
  let shell = LOGIN_SHELLS.get(m);
  if (!shell) {
    shell = new MachineShell(world, name);
    LOGIN_SHELLS.set(m, shell);
  }
  return shell;
}
