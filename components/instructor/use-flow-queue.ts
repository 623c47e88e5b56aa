'use client';

import { useEffect, useRef, useState } from 'react';
import type { KubeObject } from '@/lib/k8s/types';
import type { ClusterClient } from '@/lib/cluster/types';
import { flowForChange } from '@/lib/cluster/control-plane-flow';
import { FlowQueue, type FlowFrame } from '@/lib/cluster/control-plane-flow-queue';

const TICK_MS = 50;

/**
 * Turns the client's change stream into control-plane paths and plays them through a FlowQueue, which summarises
 * bursts and speeds up while groups wait, so the panel keeps up with the cluster. Re-renders only when the frame
 * changes (a hop lights up, a group arrives).
 */
export function useFlowQueue(client: ClusterClient | null, quiet = false): FlowFrame {
  const [queue] = useState(() => new FlowQueue());
  const [frame, setFrame] = useState<FlowFrame>(() => queue.frame());
  // While a scenario resets and fast-forwards, hundreds of changes arrive at once; they are not animated.
  const quietRef = useRef(quiet);
  useEffect(() => {
    quietRef.current = quiet;
    if (quiet) queue.clear();
  }, [quiet, queue]);

  useEffect(() => {
    if (!client) return;
    const previous = new Map<string, KubeObject>(client.cached());
    queue.clear();
    const unsubscribe = client.subscribe((changes) => {
      const now = performance.now();
      for (const change of changes) {
        const flow = flowForChange(change, previous.get(change.key));
        if (change.type === 'delete') previous.delete(change.key);
        else previous.set(change.key, change.object);
        if (flow && !quietRef.current) queue.push(flow, now);
      }
    });
    const timer = setInterval(() => {
      if (queue.tick(performance.now())) setFrame(queue.frame());
    }, TICK_MS);
    return () => {
      unsubscribe();
      clearInterval(timer);
    };
  }, [client, queue]);
  return frame;
}
