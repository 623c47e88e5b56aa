/**
 * Where a bare-machines scenario types its lines: the machines' shared login shells (the same ones the terminal
 * uses), kubectl included, against the scenario's cluster. `{{joinCommand}}` in a line becomes the join command the
 * control plane's init printed (the first token and the CA hash), as an instructor copies it from master's terminal.
 */
import type { ClusterClient } from '../cluster/types';
import type { MachineWorld } from '../machines/world';
import { joinCommand } from '../machines/kubeadm-text';
import { JOIN_COMMAND_PLACEHOLDER } from './schema';

export interface MachineLineOutcome {
  /** the line as typed, after the prompt (placeholders filled in) */
  label: string;
  output: string;
  ok: boolean;
}

export interface MachineHost {
  run(machine: string, line: string, signal?: AbortSignal): Promise<MachineLineOutcome>;
}

/** `onRun` hears every line run and what it printed (the page shows them in the machine's terminal). */
export function machineHost(world: MachineWorld, client: ClusterClient, onRun?: (machine: string, outcome: MachineLineOutcome) => void): MachineHost {
  return {
    async run(machine, line, signal) {
      const outcome = await runOn(world, client, machine, line, signal);
      onRun?.(machine, outcome);
      return outcome;
    },
  };
}

async function runOn(world: MachineWorld, client: ClusterClient, machine: string, line: string, signal?: AbortSignal): Promise<MachineLineOutcome> {
  // the shells and kubectl load on first use, so the instructor page stays small until a machines scenario plays
  const [{ loginShell }, { runMachineLine }] = await Promise.all([import('../machines/shell'), import('../machines/run-line')]);
  const shell = loginShell(world, machine);
  const cp = world.controlPlane;
  if (line.includes(JOIN_COMMAND_PLACEHOLDER) && !cp?.serving)
    return { label: `${shell.prompt()}${line}`, output: '아직 컨트롤 플레인이 없어 복사할 join 명령이 없습니다. master에서 kubeadm init을 먼저 하세요.', ok: false };
  const typed = cp ? line.replaceAll(JOIN_COMMAND_PLACEHOLDER, joinCommand(cp.endpoint, cp.tokens[0], cp.caHash).trim()) : line;
  const label = `${shell.prompt()}${typed}`;
  let output = '';
  const exitCode = await runMachineLine(shell, typed, { client, signal, now: () => client.time?.now() ?? Date.now(), write: (t) => (output += t) });
  return { label, output, ok: exitCode === 0 };
}
