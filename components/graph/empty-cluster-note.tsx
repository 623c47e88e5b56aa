'use client';

import { useEffect, useState, type ReactNode } from 'react';
import type { ClusterClient, ConnectionState } from '@/lib/cluster/types';
import { usePlayground } from '@/components/wiring/playground-context';

/** The connection's state and why it is not healthy, following the client. */
function useConnection(client: ClusterClient | null): { state: ConnectionState; reason?: string } {
  const [now, setNow] = useState<{ state: ConnectionState; reason?: string }>(() => ({ state: client?.connection() ?? 'connecting', reason: client?.connectionReason?.() }));
  useEffect(() => client?.onConnection((state, reason) => setNow({ state, reason })), [client]);
  return now;
}

/**
 * What an empty cluster graph says, by where the cluster comes from: bare machines wait for kubeadm; a real cluster
 * may still be coming (or not answering: its reason, the header's too), or show no node to this dashboard; the
 * simulator's nodes were all removed.
 */
export function EmptyClusterNote() {
  const { client, machines } = usePlayground();
  const connection = useConnection(client);
  let text: ReactNode;
  if (machines) {
    text = (
      <>
        아직 클러스터에 노드가 없어요. 머신에서 <code className="font-mono">sudo kubeadm init</code>과 <code className="font-mono">kubeadm join</code>을 하면 노드가 여기에 하나씩 나타나요.
      </>
    );
  } else if (client?.mode === 'live' && connection.state !== 'connected') {
    text = (
      <>
        실제 클러스터에서 노드를 받기를 기다리는 중이에요.
        {connection.reason && <span className="mt-1 block">{connection.reason}</span>}
        <span className="mt-1 block text-xs">기다리는 동안 머리글에서 시뮬레이터로 바꿔 실습할 수 있어요.</span>
      </>
    );
  } else if (client?.mode === 'live') {
    text = '이 클러스터에는 대시보드가 볼 수 있는 노드가 없어요.';
  } else {
    text = '클러스터에 노드가 없어요. 노드를 모두 지웠다면 위의 초기화로 처음 클러스터로 돌아갈 수 있어요.';
  }
  return (
    <p data-empty-cluster="" role="status" className="pointer-events-none absolute inset-x-0 top-1/3 mx-auto max-w-md px-4 text-center text-sm text-zinc-600 dark:text-zinc-300">
      {text}
    </p>
  );
}
