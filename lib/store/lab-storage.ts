/**
 * Saved labs in a Storage (localStorage in the browser, a Map in tests): read, save with a cap on how many
 * labs are kept, and make room when the browser says the quota is full. Never throws: storage can be
 * disabled, full or hold anything.
 */
import { LAB_KEY_PREFIX, MAX_LABS, parseLab, serializeLab, type LabSession, type SavedLab } from './lab-session';

export type LabStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export function readLab(storage: LabStorage | undefined, key: string): SavedLab {
  try {
    return parseLab(storage?.getItem(key));
  } catch {
    return { kind: 'none' };
  }
}

export function removeLab(storage: LabStorage | undefined, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // nothing to remove
  }
}

/** Other saved labs, least recently saved first (unreadable ones first of all: they are worth nothing). */
function otherLabsOldestFirst(storage: LabStorage, key: string): string[] {
  const found: { key: string; savedAt: number }[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (!k || k === key || !k.startsWith(LAB_KEY_PREFIX)) continue;
    const saved = parseLab(storage.getItem(k));
    found.push({ key: k, savedAt: saved.kind === 'ok' ? saved.lab.savedAt : -1 });
  }
  return found.sort((a, b) => a.savedAt - b.savedAt).map((f) => f.key);
}

/**
 * Save a lab. The first save of a lab evicts the least recently saved others beyond MAX_LABS; a full quota
 * evicts others one by one and retries. Returns false when the browser still refuses.
 */
export function writeLab(storage: LabStorage | undefined, key: string, lab: LabSession): boolean {
  if (!storage) return false;
  const text = serializeLab(lab);
  try {
    if (storage.getItem(key) === null) {
      const others = otherLabsOldestFirst(storage, key);
      for (const k of others.slice(0, Math.max(0, others.length - (MAX_LABS - 1)))) storage.removeItem(k);
    }
    storage.setItem(key, text);
    return true;
  } catch {
    try {
      for (const k of otherLabsOldestFirst(storage, key)) {
        storage.removeItem(k);
        try {
          storage.setItem(key, text);
          return true;
        } catch {
          // still full: evict the next one
        }
      }
    } catch {
      // storage unusable
    }
    return false;
  }
}
