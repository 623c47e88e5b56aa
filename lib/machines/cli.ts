/**
 * The machine shells without a browser (`npm run sim-cluster -- --bare`): each input line is
 * `<machine> <command>`, e.g. `master sudo kubeadm init`, run in that machine's shell against the server's engine.
 * kubectl inside a machine goes to the same engine, so a real kubectl pointed at the server sees the same cluster.
 */
import type { ClusterClient } from '../cluster/types';
import type { Simulator } from '../sim/types';
import { MachineShell } from './shell';
import { MachineWorld } from './world';
import { simulatorBackend } from './sim-backend';
import { MACHINE_SPECS } from './machines';
import { runMachineLine } from './run-line';

export interface MachineCli {
  world: MachineWorld;
  /** Runs one input line; resolves to what the terminal would show (prompt, command, output). */
  run(line: string): Promise<string>;
}

export function machineCli(sim: Simulator, client: ClusterClient, seed = 1): MachineCli {
  const world = new MachineWorld({ seed, now: () => sim.now(), backend: () => simulatorBackend(sim) });
  const shells = new Map(MACHINE_SPECS.map((m) => [m.name, new MachineShell(world, m.name)]));
  return {
    world,
    async run(line) {
      const m = /^\s*(\S+)\s*(.*)$/.exec(line);
      if (!m || !m[1]) return '';
      const shell = shells.get(m[1]);
      if (!shell) return `머신 이름으로 시작해 주세요: ${MACHINE_SPECS.map((s) => s.name).join(', ')} (예: master sudo kubeadm init)\n`;
      let out = `${shell.prompt()}${m[2]}\n`;
      await runMachineLine(shell, m[2], { client, now: () => sim.now(), write: (t) => (out += t) });
      return out;
    },
  };
}
