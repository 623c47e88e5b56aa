/**
 * Keeps the bare-machines lab across reloads: every line typed into a machine's shell is journaled with its
 * simulated time and saved at once; on open, a saved journal for the same seed is replayed (clock paused) onto the
 * fresh machines. A save that cannot be read is dropped with a Korean notice, and the lab starts from bare machines.
 * Loaded lazily with the machines lab; the browser-only parts (localStorage) live here, the journal in lib/machines.
 */
import type { SimClient } from '@/lib/cluster/sim-client';
import { loginShell, type MachineWorld } from '@/lib/machines';
import { MACHINE_LAB_CORRUPT_NOTICE, MachineJournal, readMachineLab, replayMachineLab } from '@/lib/machines/machine-lab';
import { runMachineLine } from '@/lib/machines/run-line';
import type { LabNotice } from './lab-persistence';

export const machinesRestoredNotice = (lines: number) => `이전 머신 실습을 복원했어요 (명령 ${lines}개)`;
export const MACHINES_REPLAY_FAILED_NOTICE = '이전 머신 실습을 다시 만들지 못해 빈 머신 세 대로 새로 시작했어요.';

export interface OpenedMachineLab {
  notice: LabNotice | null;
  /** Journal and save one line typed on `machine`, at the lab's current simulated time. */
  record(machine: string, line: string): void;
  /** The lab was reset: the journal and the save go. */
  forget(): void;
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export async function openMachineLab(client: SimClient, world: MachineWorld, o: { name: string; seed: number }): Promise<OpenedMachineLab> {
  const store = storage();
  const key = `k8s-ko-machines:${o.name}`;
  const remove = () => {
    try {
      store?.removeItem(key);
    } catch {}
  };
  let journal = new MachineJournal();
  let notice: LabNotice | null = null;
  const saved = readMachineLab(store?.getItem(key) ?? null, o.seed);
  if (saved.kind === 'corrupt') {
    remove();
    notice = { text: MACHINE_LAB_CORRUPT_NOTICE, restored: false };
  } else if (saved.kind === 'ok' && saved.lab.entries.length > 0) {
    client.time.setPlaying(false);
    try {
      await replayMachineLab(saved.lab, {
        now: () => client.time.now(),
        advance: (ms) => client.time.step(ms),
        run: (machine, line) => runMachineLine(loginShell(world, machine), line, { client, write: () => {}, now: () => client.time.now() }),
      });
      journal = new MachineJournal(saved.lab.entries);
      notice = { text: machinesRestoredNotice(saved.lab.entries.length), restored: true };
    } catch {
      remove();
      client.time.reset(o.seed);
      await client.ready;
      notice = { text: MACHINES_REPLAY_FAILED_NOTICE, restored: false };
    }
    client.time.setPlaying(true);
  }
  return {
    notice,
    record(machine, line) {
      journal.record(client.time.now(), machine, line);
      try {
        store?.setItem(key, journal.serialize(o.seed));
      } catch {
        // storage full or refused: the lab keeps working, it just won't come back after a reload
      }
    },
    forget() {
      journal = new MachineJournal();
      remove();
    },
  };
}
