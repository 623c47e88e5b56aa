/**
 * A bare-machines lab on a page or in a test: the seeded simulator with no cluster (SimClient, engine in-process
 * because the machines' shells read it synchronously) and the machine world over it. Resetting the simulator gives
 * fresh machines too; `onReset` runs after (the page forgets its saved lab there).
 */
import { SimClient } from '../cluster/sim-client';
import { MachineWorld } from './world';
import { simulatorBackend } from './sim-backend';

export interface BareLab {
  client: SimClient;
  world: MachineWorld;
}

export function createBareLab(o: { seed: number; autoplay?: boolean; onReset?: () => void }): BareLab {
  let world: MachineWorld | null = null;
  const client = new SimClient({
    seed: o.seed,
    autoplay: o.autoplay,
    cluster: { bare: true },
    onReset: () => {
      world?.reset();
      o.onReset?.();
    },
  });
  world = new MachineWorld({ seed: o.seed, now: () => client.time.now(), backend: () => simulatorBackend(client.engine()) });
  return { client, world };
}
