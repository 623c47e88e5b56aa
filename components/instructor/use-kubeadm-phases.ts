'use client';

import { useEffect, useMemo, useState } from 'react';
import type { ClusterClient } from '@/lib/cluster/types';
import type { KubeObject } from '@/lib/k8s/types';
import type { MachineWorld } from '@/lib/machines';
import type { PhaseComponent } from '@/lib/machines/kubeadm-phases';
import { PhaseTimeline, type PhaseFrame } from '@/lib/machines/phase-timeline';

const TICK_MS = 100;

/**
 * The kubeadm phase being explained now, from the machine world's events (never from terminal text). Re-renders
 * only when the timeline moves to another phase or event. Quiet (a scenario fast-forwarding): nothing is queued.
 */
export function useKubeadmPhases(world: MachineWorld | null, client: ClusterClient | null, quiet: boolean): PhaseFrame {
  const [timeline] = useState(() => new PhaseTimeline());
  const [frame, setFrame] = useState<PhaseFrame>(() => timeline.frame());
  useEffect(() => {
    if (!world || quiet) return;
    const off = world.onKubeadm((e) => {
      timeline.push(e, performance.now());
      setFrame(timeline.frame());
    });
    // a Node turning Ready is when calico-node has written the machine's CNI config: the world records it then
    const offNodes = client?.subscribe((changes) => {
      if (changes.some((c) => c.kind === 'Node')) world.sync();
    });
    const timer = setInterval(() => {
      if (timeline.tick(performance.now())) setFrame(timeline.frame());
    }, TICK_MS);
    return () => {
      off();
      offNodes?.();
      clearInterval(timer);
    };
  }, [world, client, quiet, timeline]);
  useEffect(() => {
    if (!quiet) return;
    timeline.clear();
    setFrame(timeline.frame());
  }, [quiet, timeline]);
  return frame;
}

const STATIC_POD_COMPONENT: Record<string, PhaseComponent> = { 'kube-apiserver': 'apiserver', etcd: 'etcd', 'kube-controller-manager': 'controller', 'kube-scheduler': 'scheduler' };

/** Control-plane components whose static (mirror) pods exist in kube-system, as a sorted key; O(objects), run only when a kube-system pod changes. */
function runningComponents(client: ClusterClient): string {
  const found = new Set<string>();
  for (const [key, o] of client.cached()) {
    if (!key.startsWith('Pod/kube-system/')) continue;
    const c = STATIC_POD_COMPONENT[(o as KubeObject).metadata?.labels?.component ?? ''];
    if (c) found.add(c);
  }
  return [...found].sort().join(',');
}

/** Which control-plane components run as static pods (the boxes light up as kubeadm's pods appear). */
export function useRunningComponents(client: ClusterClient | null, enabled: boolean): ReadonlySet<string> {
  const [key, setKey] = useState(() => (client && enabled ? runningComponents(client) : ''));
  useEffect(() => {
    if (!client || !enabled) return;
    setKey(runningComponents(client));
    return client.subscribe((changes) => {
      // the user's own pods churn in other namespaces; only kube-system's can be static control-plane pods
      if (changes.some((c) => c.key.startsWith('Pod/kube-system/'))) setKey(runningComponents(client));
    });
  }, [client, enabled]);
  return useMemo(() => new Set(key ? key.split(',') : []), [key]);
}
