'use client';

import { useEffect, useRef, useState } from 'react';
import type { KubeObject } from '@/lib/k8s/types';
import type { ClusterClient } from '@/lib/cluster/types';
import { flowForChange, type FlowPath } from '@/lib/cluster/control-plane-flow';

const MAX_QUEUE = 24;
const HOP_MS = 650;

export interface FlowAnimation {
  /** The path being animated and the hop currently lit. */
  current: FlowPath | null;
  hopIndex: number;
  /** Most recent paths first (already shown or skipped). */
  recent: FlowPath[];
  queued: number;
  skipped: number;
}

/**
 * Turns the client's change stream into control-plane paths and walks through them one hop at a time. When changes
 * arrive faster than they can be shown (a big rollout), older ones are skipped and counted, so the animation never
 * lags far behind the cluster; it speeds up while a backlog waits.
 */
export function useFlowQueue(client: ClusterClient | null, quiet = false): FlowAnimation {
  const [anim, setAnim] = useState<FlowAnimation>({ current: null, hopIndex: 0, recent: [], queued: 0, skipped: 0 });
  const queue = useRef<FlowPath[]>([]);
  const skipped = useRef(0);
  // While a scenario resets and fast-forwards, hundreds of changes arrive at once; they are not animated.
  const quietRef = useRef(quiet);
  useEffect(() => {
    quietRef.current = quiet;
    if (quiet) queue.current = [];
  }, [quiet]);

  useEffect(() => {
    if (!client) return;
    const previous = new Map<string, KubeObject>(client.cached());
    queue.current = [];
    const unsubscribe = client.subscribe((changes) => {
      for (const change of changes) {
        const flow = flowForChange(change, previous.get(change.key));
        if (change.type === 'delete') previous.delete(change.key);
        else previous.set(change.key, change.object);
        if (flow && !quietRef.current) queue.current.push(flow);
      }
      if (queue.current.length > MAX_QUEUE) {
        skipped.current += queue.current.length - MAX_QUEUE;
        queue.current = queue.current.slice(-MAX_QUEUE);
      }
    });
    const timer = setInterval(() => {
      setAnim((a) => {
        if (a.current && a.hopIndex < a.current.hops.length - 1) return { ...a, hopIndex: a.hopIndex + 1, queued: queue.current.length, skipped: skipped.current };
        const next = queue.current.shift() ?? null;
        const recent = a.current ? [a.current, ...a.recent].slice(0, 8) : a.recent;
        if (!next) return a.current ? { ...a, current: null, recent, queued: 0 } : a;
        return { current: next, hopIndex: 0, recent, queued: queue.current.length, skipped: skipped.current };
      });
    }, HOP_MS / 2);
    return () => {
      unsubscribe();
      clearInterval(timer);
    };
  }, [client]);
  return anim;
}
