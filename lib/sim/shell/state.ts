/**
 * The running shell's state: simulated time, environment, files, and the output sink. Commands write text;
 * the sink splits it into timed lines. Control flow that ends the script (`exit`, `sleep infinity`, an endless
 * loop) is thrown as a signal so it unwinds every nesting level at once.
 */
import type { FileChange, OutputLine, ShellInput } from './types';
import { dateLine } from './output';

/** Output cap per process: the kubelet keeps a bounded log, so the interpreter never produces more. */
export const MAX_LINES = 2_000;

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** `date` output straight into the log: re-stamped when a repeating loop prints it again later */
  date?(text: string): void;
  /** text piped into this command (`a | b`), if any */
  stdin?: string;
}

export class ExitSignal {
  constructor(readonly code: number) {}
}
/** The process blocks forever from now on (`sleep infinity`, `tail -f`, an endless loop). */
export class ForeverSignal {
  constructor(readonly loop?: { from: number; period: number; lines: OutputLine[] }) {}
}

/** The process's files, remembering every change with the shell's time (ShellResult.fileChanges). */
class RecordedFiles extends Map<string, string> {
  readonly changes: FileChange[] = [];
  private readonly clock?: { t: number };
  constructor(entries: [string, string][], clock: { t: number }) {
    super(entries);
    this.clock = clock;
  }
  override set(path: string, content: string): this {
    // Map's constructor calls set before `clock` is assigned: the initial files are not changes
    if (this.clock && this.changes.length < MAX_LINES) this.changes.push({ at: this.clock.t, path, content });
    return super.set(path, content);
  }
  override delete(path: string): boolean {
    const had = super.delete(path);
    if (had && this.clock && this.changes.length < MAX_LINES) this.changes.push({ at: this.clock.t, path, content: null });
    return had;
  }
}

export class ShellState {
  t = 0;
  status = 0;
  readonly lines: OutputLine[] = [];
  readonly env: Map<string, string>;
  readonly files: RecordedFiles;
  cwd: string;
  /** nesting depth of command substitutions and pipes (endless loops there are cut, not repeated) */
  captureDepth = 0;
  private partial: Partial<Record<'stdout' | 'stderr', string>> = {};

  constructor(
    readonly input: ShellInput,
    readonly shellName: string,
  ) {
    this.env = new Map(Object.entries(input.env));
    this.files = new RecordedFiles(Object.entries(input.files), this);
    this.cwd = input.cwd ?? '/';
  }

  /** BusyBox or Alpine userland (by the image's /etc/os-release): messages in busybox's wording. */
  get busybox(): boolean {
    return /BusyBox|ID=alpine/.test(this.input.files['/etc/os-release'] ?? '');
  }

  /** Writes to the container log at the current time (partial lines wait for their newline). */
  emit(text: string, stream: 'stdout' | 'stderr', date?: boolean): void {
    const joined = (this.partial[stream] ?? '') + text;
    const parts = joined.split('\n');
    this.partial[stream] = parts.pop()!;
    for (const p of parts) this.push({ at: this.t, text: p, ...(stream === 'stderr' ? { stream } : {}), ...(date ? { date: true as const } : {}) });
  }

  /** Flushes unterminated output when the process ends (the log shows it as a line, as the CRI does). */
  finish(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      const rest = this.partial[stream];
      if (rest) this.push({ at: this.t, text: rest, ...(stream === 'stderr' ? { stream } : {}) });
      this.partial[stream] = '';
    }
  }

  private push(line: OutputLine): void {
    if (this.lines.length >= MAX_LINES) this.lines.shift();
    this.lines.push(line);
  }

  /** The container's log as the sink for top-level commands. */
  logIo(): Io {
    return { out: (s) => this.emit(s, 'stdout'), err: (s) => this.emit(s, 'stderr'), date: (s) => this.emit(s, 'stdout', true) };
  }

  /** Wall-clock time now, as busybox `date` prints it. */
  dateText(at = this.t): string {
    return dateLine(this.input.startedAt + at);
  }

  /** Resolves a path against the working directory (`.`/`..` included). */
  resolve(path: string): string {
    const parts = (path.startsWith('/') ? path : `${this.cwd}/${path}`).split('/');
    const out: string[] = [];
    for (const p of parts) {
      if (!p || p === '.') continue;
      if (p === '..') out.pop();
      else out.push(p);
    }
    return `/${out.join('/')}`;
  }

  /** A directory is any path other entries live under; an entry ending in `/` is an (empty) directory. */
  isDir(path: string): boolean {
    if (path === '/') return true;
    const prefix = `${path}/`;
    for (const f of this.files.keys()) if (f.startsWith(prefix)) return true;
    return false;
  }

  /** Names directly inside a directory, sorted as `ls` sorts them. */
  list(dir: string): string[] {
    const prefix = dir === '/' ? '/' : `${dir}/`;
    const names = new Set<string>();
    for (const f of this.files.keys()) if (f.startsWith(prefix)) names.add(f.slice(prefix.length).split('/')[0]);
    return [...names].filter(Boolean).sort();
  }
}
