/**
 * An interactive shell (`kubectl exec -it POD -- sh`): one ShellState kept across lines, so `cd`, `export` and
 * variables persist the way they do in a real session. Each line runs at the simulated time it is entered.
 */
import { parseScript, ShellSyntaxError } from './parse';
import { runList } from './run';
import { ExitSignal, ForeverSignal, ShellState } from './state';
import type { ShellInput } from './types';

export interface SessionOutput {
  stdout: string;
  stderr: string;
  /** set when the line ended the session (`exit N`) */
  exited?: number;
}

export class ShellSession {
  private readonly st: ShellState;

  constructor(
    input: ShellInput,
    readonly shellName: 'sh' | 'bash',
    private readonly now: () => number,
    /** told the code when `exit` ends the session (an attached session ends the container's main process) */
    private readonly onExit?: (code: number) => void,
  ) {
    this.st = new ShellState(input, shellName);
  }

  /** The prompt busybox/ash shows for root: `/ # ` (bash: `root@HOST:/# `). */
  prompt(): string {
    const root = (this.st.input.user?.uid ?? 0) === 0;
    return this.shellName === 'bash' ? `${this.st.input.user?.name ?? 'root'}@${this.st.input.hostname}:${this.st.cwd}${root ? '#' : '$'} ` : `${this.st.cwd} ${root ? '#' : '$'} `;
  }

  run(line: string): SessionOutput {
    let stdout = '';
    let stderr = '';
    this.st.t = this.now() - this.st.input.startedAt;
    try {
      if (line.trim()) runList(parseScript(line), this.st, { out: (s) => (stdout += s), err: (s) => (stderr += s) });
    } catch (e) {
      if (e instanceof ExitSignal) {
        this.onExit?.(e.code);
        return { stdout, stderr, exited: e.code };
      }
      if (e instanceof ShellSyntaxError) stderr += `${this.shellName}: ${e.message}\n`;
      else if (!(e instanceof ForeverSignal)) throw e; // a command that would block (sleep infinity) is treated as interrupted
    }
    return { stdout, stderr };
  }
}
