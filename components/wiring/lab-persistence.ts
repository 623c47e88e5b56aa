/**
 * Keeps a lesson's practice cluster across reloads: on open, replays the saved log (lib/store/lab-*)
 * into the freshly set-up simulator; then logs the student's writes and saves them — shortly after each
 * change, every few seconds while time runs, and when the page is hidden or left.
 * Loaded lazily with the simulator; the browser-only parts (timers, page events, localStorage) live here.
 */
import type { ClusterClient } from '@/lib/cluster/types';
import type { EngineClient } from '@/lib/cluster/engine-client';
import { JournaledClient, LabJournal } from '@/lib/store/lab-journal';
import { LAB_VERSION, labKey, setupFingerprint } from '@/lib/store/lab-session';
import { readLab, removeLab, writeLab, type LabStorage } from '@/lib/store/lab-storage';

export interface LabNotice {
  text: string;
  /** A saved cluster was rebuilt (the notice offers to start fresh instead). */
  restored: boolean;
}

export const labRestoredNotice = (commands: number) => `이전 실습 클러스터를 복원했어요 (명령 ${commands}개)`;
export const LAB_CORRUPT_NOTICE = '저장된 실습 클러스터 기록이 손상되어 처음 상태로 시작했어요.';
export const LAB_REPLAY_FAILED_NOTICE = '이전 실습 클러스터를 다시 만들지 못해 처음 상태로 시작했어요.';
export const LAB_OVERFLOW_NOTICE = '실습 기록이 너무 길어 이전 클러스터를 복원하지 못했어요. 처음 상태로 시작했어요.';

const SAVE_DELAY_MS = 400;
const SAVE_EVERY_MS = 5_000;

export interface OpenedLab {
  client: ClusterClient;
  notice: LabNotice | null;
  /** Save one last time and stop saving (the Playground is going away). */
  close(): void;
}

function browserStorage(): LabStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * Restore the lab saved under `name` into `sim` (set up with the lesson's seed and setup, clock paused)
 * and return the client that keeps saving it. A lab saved for another seed or setup (a share link, an
 * edited lesson) is not replayed; this visit's own log replaces it once the student changes something.
 */
export async function openLab(
  sim: EngineClient,
  o: { name: string; seed: number; setup: readonly string[]; settleMs: number; storage?: LabStorage },
): Promise<OpenedLab> {
  const storage = o.storage ?? browserStorage();
  const key = labKey(o.name);
  const setup = setupFingerprint(o.setup, o.settleMs);
  const saved = readLab(storage, key);
  let journal = new LabJournal();
  let notice: LabNotice | null = null;
  if (saved.kind === 'corrupt') {
    removeLab(storage, key);
    notice = { text: LAB_CORRUPT_NOTICE, restored: false };
  } else if (saved.kind === 'ok' && saved.lab.seed === o.seed && saved.lab.setup === setup) {
    const { lab } = saved;
    if (lab.overflow) {
      removeLab(storage, key);
      notice = { text: LAB_OVERFLOW_NOTICE, restored: false };
    } else if (lab.entries.length > 0) {
      try {
        await sim.replayLab(lab.entries, lab.endAt);
        journal = new LabJournal({ entries: lab.entries, commands: lab.commands });
        notice = { text: labRestoredNotice(lab.commands), restored: true };
      } catch {
        // The log no longer applies (e.g. the simulator changed): start clean rather than half-restored.
        sim.reset();
        await sim.ready;
        removeLab(storage, key);
        notice = { text: LAB_REPLAY_FAILED_NOTICE, restored: false };
      }
    }
  }

  const save = () => {
    if (!journal.overflow && journal.entries.length === 0) return; // nothing to restore (a reset removed the record)
    const { entries, commands, overflow } = journal;
    writeLab(storage, key, { v: LAB_VERSION, seed: o.seed, setup, commands, endAt: sim.time.now(), savedAt: Date.now(), entries, ...(overflow ? { overflow } : {}) });
  };
  let pending: ReturnType<typeof setTimeout> | undefined;
  const stopWatching = journal.onChange(() => {
    clearTimeout(pending);
    pending = setTimeout(save, SAVE_DELAY_MS);
  });
  const every = setInterval(save, SAVE_EVERY_MS);
  const onHide = () => document.visibilityState === 'hidden' && save();
  window.addEventListener('pagehide', save);
  document.addEventListener('visibilitychange', onHide);

  const client = new JournaledClient(sim, journal, () => removeLab(storage, key), { seed: o.seed, setup: o.setup, settleMs: o.settleMs });
  return {
    client,
    notice,
    close() {
      clearTimeout(pending);
      clearInterval(every);
      stopWatching();
      window.removeEventListener('pagehide', save);
      document.removeEventListener('visibilitychange', onHide);
      save();
    },
  };
}
