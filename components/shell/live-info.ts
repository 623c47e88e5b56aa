'use client';

import { useEffect, useState } from 'react';
import type { LiveInfo } from '@/lib/cluster/live-protocol';
import { fetchLiveInfo } from '@/lib/cluster/source';

let asked: Promise<LiveInfo | null> | null = null;

/**
 * What the server says about its cluster (/api/cluster/info), asked once per page load and shared by the header's
 * parts: the source switch shows itself from it, and the menu folds to make room for that switch.
 */
export function useLiveInfo(): LiveInfo | null {
  const [info, setInfo] = useState<LiveInfo | null>(null);
  useEffect(() => {
    let alive = true;
    void (asked ??= fetchLiveInfo()).then((i) => alive && setInfo(i));
    return () => {
      alive = false;
    };
  }, []);
  return info;
}
