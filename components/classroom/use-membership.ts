'use client';

import { useSyncExternalStore } from 'react';
import { loadMembership, MEMBERSHIP_CHANGED, type Membership } from './membership';

function subscribe(cb: () => void) {
  window.addEventListener(MEMBERSHIP_CHANGED, cb);
  window.addEventListener('storage', cb);
  return () => {
    window.removeEventListener(MEMBERSHIP_CHANGED, cb);
    window.removeEventListener('storage', cb);
  };
}

// useSyncExternalStore needs a stable snapshot: cache by the raw stored string.
let cachedRaw: string | null = null;
let cached: Membership | null = null;
function snapshot(): Membership | null {
  const m = loadMembership();
  const raw = m ? JSON.stringify(m) : null;
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cached = m;
  }
  return cached;
}

/** The class this browser has joined, or null (also null during server rendering). `undefined` = not read yet. */
export function useMembership(): Membership | null | undefined {
  return useSyncExternalStore(subscribe, snapshot, () => undefined);
}
