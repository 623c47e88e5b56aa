/**
 * One line typed into a machine's terminal: the machine shell runs it, and the kubectl commands that passed the
 * kubeconfig check go to the browser kubectl against the cluster (the same executor as the Playground terminal).
 */
import type { ClusterClient } from '../cluster/types';
import { executeKubectl } from '../kubectl';
import type { KubectlContext } from '../kubectl';
import type { MachineShell } from './shell';
import { CALICO_URL, CALICO_YAML } from './calico-manifest';

/** The files `kubectl -f` can name on this machine: paths relative to the working directory, absolute, and Calico's URL. */
export function kubectlFiles(shell: MachineShell): Map<string, string> {
  const out = new Map<string, string>([[CALICO_URL, CALICO_YAML]]);
  const cwd = shell.st.cwd === '/' ? '/' : `${shell.st.cwd}/`;
  for (const [path, text] of shell.st.files) {
    if (path.endsWith('/')) continue;
    out.set(path, text);
    if (path.startsWith(cwd)) out.set(path.slice(cwd.length), text);
  }
  return out;
}

const quoteArg = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);

export interface MachineLineContext extends Pick<KubectlContext, 'write' | 'signal' | 'now' | 'readLine'> {
  client: ClusterClient;
}

/** Runs `line` on the machine; returns the exit status of the last command that ran. */
export async function runMachineLine(shell: MachineShell, line: string, ctx: MachineLineContext): Promise<number> {
  const r = shell.run(line);
  if (r.stdout) ctx.write(r.stdout, 'stdout');
  if (r.stderr) ctx.write(r.stderr, 'stderr');
  let exitCode = shell.st.status;
  for (const argv of r.kubectl) {
    const res = await executeKubectl(['kubectl', ...argv].map(quoteArg).join(' '), { ...ctx, files: kubectlFiles(shell) });
    exitCode = res.exitCode;
  }
  return exitCode;
}
