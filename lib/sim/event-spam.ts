/**
 * The event recorder's small helpers kept apart from it: the spam filter's token buckets (a Map that snapshots
 * as a plain object) and the hex of an event name's time suffix.
 */
import type { EngineState } from './engine';

/** One source+object's token bucket: tokens left and when they were last counted (simulated ms). */
export type SpamBucket = [tokens: number, refilledAt: number];

/** The spam filter's buckets: a Map (thousands of keys come and go) that serialises as the plain object snapshots hold. */
export class SpamBuckets extends Map<string, SpamBucket> {
  toJSON(): Record<string, [number, number]> {
    // buckets keep insertion order in both forms (keys contain '|', so none is an integer-like property name)
    return Object.fromEntries(this);
  }
}

/** The state's buckets as a Map, converted once from the plain object a new engine or a restored snapshot has. */
export function spamBuckets(state: EngineState): SpamBuckets {
  const s = state.eventSpam;
  return s instanceof SpamBuckets ? s : (state.eventSpam = new SpamBuckets(Object.entries(s)));
}

/**
 * `n.toString(16)` for the event name suffix. The suffix is an integer near 2^50, and a double's radix conversion is
 * slow; two 32-bit halves give the same digits. Anything else (fractional times) takes the general path.
 */
export function hexOf(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0x1_0000_0000) return n.toString(16);
  const high = Math.floor(n / 0x1_0000_0000);
  // the high half changes once every 71 simulated minutes
  if (high !== lastHigh) lastHighHex = (lastHigh = high).toString(16);
  const low = (n - high * 0x1_0000_0000).toString(16);
  return lastHighHex + '00000000'.slice(low.length) + low;
}
let lastHigh = -1;
let lastHighHex = '';
