/**
 * The bare-machines lab across reloads: a journal of the lines typed into the machines' shells, each with the
 * simulated time it ran at. The lab is deterministic (same seed, same lines at the same times = same machines and
 * cluster), so replaying the journal onto fresh machines rebuilds it. Pure: storage and timers belong to the page.
 */
import { z } from '../validation/zod';
import { MACHINE_SPECS } from './machines';

export const MACHINE_LAB_VERSION = 1;
/** A longer journal is not saved (the lab then starts fresh after a reload, and says so). */
export const MACHINE_LAB_MAX_ENTRIES = 2_000;
export const MACHINE_LAB_CORRUPT_NOTICE = '저장된 머신 실습 기록이 손상되어 빈 머신 세 대로 새로 시작했어요.';

const names = MACHINE_SPECS.map((m) => m.name) as [string, ...string[]];
const EntrySchema = z.strictObject({ at: z.number().int().min(0), machine: z.enum(names), line: z.string().max(8_000) });
const MachineLabSchema = z.strictObject({
  v: z.literal(MACHINE_LAB_VERSION),
  seed: z.number().int().min(0),
  entries: z.array(EntrySchema).max(MACHINE_LAB_MAX_ENTRIES),
});

export type MachineLabEntry = z.infer<typeof EntrySchema>;
export type MachineLab = z.infer<typeof MachineLabSchema>;

export type SavedMachineLab = { kind: 'none' } | { kind: 'ok'; lab: MachineLab } | { kind: 'other-seed' } | { kind: 'corrupt' };

/** Reads what was saved (null: nothing); a save for another seed is not replayed (a shared link with ?seed=). */
export function readMachineLab(raw: string | null, seed: number): SavedMachineLab {
  if (raw === null) return { kind: 'none' };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { kind: 'corrupt' };
  }
  const parsed = MachineLabSchema.safeParse(json);
  if (!parsed.success) return { kind: 'corrupt' };
  // a journal must run forwards in time; one that goes back was not written by this app
  if (parsed.data.entries.some((e, i, all) => i > 0 && e.at < all[i - 1].at)) return { kind: 'corrupt' };
  return parsed.data.seed === seed ? { kind: 'ok', lab: parsed.data } : { kind: 'other-seed' };
}

/** The lines typed so far, in order; `serialize` gives what readMachineLab reads back. */
export class MachineJournal {
  readonly entries: MachineLabEntry[];
  constructor(entries: readonly MachineLabEntry[] = []) {
    this.entries = [...entries];
  }
  record(at: number, machine: string, line: string): void {
    if (line.trim() === '' || this.entries.length >= MACHINE_LAB_MAX_ENTRIES) return;
    this.entries.push({ at, machine, line });
  }
  serialize(seed: number): string {
    return JSON.stringify({ v: MACHINE_LAB_VERSION, seed, entries: this.entries } satisfies MachineLab);
  }
}

export interface ReplayTarget {
  now(): number;
  /** Let simulated time pass (the lab's clock is paused while replaying). */
  advance(ms: number): void;
  /** Runs a line in a machine's shell, kubectl included, as the terminal does. */
  run(machine: string, line: string): Promise<unknown>;
}

/** Replays a saved journal onto fresh machines: each line at its recorded simulated time. O(entries). */
export async function replayMachineLab(lab: MachineLab, target: ReplayTarget): Promise<void> {
  for (const e of lab.entries) {
    const wait = e.at - target.now();
    if (wait > 0) target.advance(wait);
    await target.run(e.machine, e.line);
  }
}
