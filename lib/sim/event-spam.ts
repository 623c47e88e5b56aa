/**
 * The event recorder's small helpers kept apart from it: the spam filter's token buckets (kept per event source and
 * object, serialised as the plain object snapshots hold) and the hex of an event name's time suffix.
 */
import type { EngineState } from './engine';

/**
 * One source+object's token bucket: tokens left and when they were last counted (simulated ms). `live` turns false
 * when a sweep drops it, so whoever holds it (the recorder's per-object slot) knows to look again.
 */
export interface SpamBucket {
  tokens: number;
  refilledAt: number;
  /** the event source's `component|host` and the object's id: the snapshot key is `${source}|${object}` */
  readonly source: string;
  readonly object: string;
  live: boolean;
}

/**
 * The spam filter's buckets. A bucket was a Map entry keyed by `component|host|objectId`: every new pod built two
 * such 60-character strings, hashed them (a fresh string is flattened first) and inserted them into one Map of tens of
 * thousands of entries. Here a bucket is found by its source and then by the object's id, a string the recorder has
 * already hashed (its own per-object Map uses it), in Maps of one source's objects; the joined key is built only when
 * a snapshot is written. Serialises as the plain object snapshots always held, in insertion order (a bucket dropped and
 * made again goes last, as a deleted and re-added property would).
 */
export class SpamBuckets {
  /** buckets in the order they were made; dropped ones leave a hole until the next sweep compacts the list */
  private order: SpamBucket[] = [];
  private bySource = new Map<string, Map<string, SpamBucket>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(source: string, object: string): SpamBucket | undefined {
    return this.bySource.get(source)?.get(object);
  }

  /** Makes the bucket for a source and object that has none. */
  add(source: string, object: string, tokens: number, refilledAt: number): SpamBucket {
    let objects = this.bySource.get(source);
    if (!objects) this.bySource.set(source, (objects = new Map()));
    const b: SpamBucket = { tokens, refilledAt, source, object, live: true };
    objects.set(object, b);
    this.order.push(b);
    this.count++;
    return b;
  }

  /** Drops the buckets `refilled` says yes to, keeping the others' order. O(buckets). Returns how many went. */
  sweep(refilled: (b: SpamBucket) => boolean): number {
    const kept: SpamBucket[] = [];
    let dropped = 0;
    for (const b of this.order) {
      if (!b.live) continue;
      if (refilled(b)) {
        b.live = false;
        this.bySource.get(b.source)!.delete(b.object);
        dropped++;
      } else kept.push(b);
    }
    this.order = kept;
    this.count -= dropped;
    return dropped;
  }

  toJSON(): Record<string, [number, number]> {
    const out: Record<string, [number, number]> = {};
    // keys contain '|', so none is an integer-like property name: the object keeps this order
    for (const b of this.order) if (b.live) out[`${b.source}|${b.object}`] = [b.tokens, b.refilledAt];
    return out;
  }

  /**
   * Buckets from a snapshot's plain object, in its order. The object id is what follows the last '|': ids are uids or
   * `Kind/name`, neither of which can hold one, while a component name might.
   */
  static from(plain: Record<string, [number, number]>): SpamBuckets {
    const buckets = new SpamBuckets();
    for (const [key, [tokens, refilledAt]] of Object.entries(plain)) {
      const cut = key.lastIndexOf('|');
      buckets.add(key.slice(0, cut), key.slice(cut + 1), tokens, refilledAt);
    }
    return buckets;
  }
}

/** The state's buckets, converted once from the plain object a new engine or a restored snapshot has. */
export function spamBuckets(state: EngineState): SpamBuckets {
  const s = state.eventSpam;
  return s instanceof SpamBuckets ? s : (state.eventSpam = SpamBuckets.from(s));
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
