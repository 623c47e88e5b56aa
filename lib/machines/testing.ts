/**
 * A bare-machines lab without a browser, for tests: the seeded simulator, the machine world over it, one shell per
 * machine, and `on(machine, line)` that runs a line there as the terminal would (kubectl included).
 */
import { createSimulator } from '../sim';
import { EngineClient } from '../kubectl/testing/engine-client';
import { MachineShell, MachineWorld, simulatorBackend } from './index';
import { MACHINE_SPECS } from './machines';
import { runMachineLine } from './run-line';

export interface LineOutcome {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export function machinesLab(seed: number) {
  const sim = createSimulator({ seed, cluster: { bare: true } });
  const client = new EngineClient(sim);
  const world = new MachineWorld({ seed, now: () => sim.now(), backend: () => simulatorBackend(sim) });
  const shells = new Map(MACHINE_SPECS.map((m) => [m.name, new MachineShell(world, m.name)]));
  const on = async (machine: string, line: string): Promise<LineOutcome> => {
    const shell = shells.get(machine);
    if (!shell) throw new Error(`no machine ${machine}`);
    let stdout = '';
    let stderr = '';
    const exitCode = await runMachineLine(shell, line, { client, now: () => sim.now(), write: (t, s) => (s === 'stdout' ? (stdout += t) : (stderr += t)) });
    return { stdout, stderr, exitCode };
  };
  return { sim, client, world, shells, on };
}
