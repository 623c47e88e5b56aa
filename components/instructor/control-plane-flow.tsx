'use client';

import { useEffect, useState } from 'react';
import type { ClusterClient } from '@/lib/cluster/types';
import type { V1Node } from '@/lib/k8s/types';
import type { FlowHop, Hop } from '@/lib/cluster/control-plane-flow';
import { groupHops, groupTitle } from '@/lib/cluster/control-plane-flow-queue';
import { useFlowQueue } from './use-flow-queue';
import type { MachineWorld } from '@/lib/machines';
import { MACHINE_SPECS } from '@/lib/machines/machines';
import { STATIC_PODS_UP_PHASE } from '@/lib/machines/kubeadm-phases';
import { KubeadmPhasePanel } from './kubeadm-phase-panel';
import { useKubeadmPhases, useRunningComponents } from './use-kubeadm-phases';

const CONTROL_PLANE: { hop: Hop; name: string; role: string }[] = [
  { hop: 'apiserver', name: 'kube-apiserver', role: '모든 요청의 입구' },
  { hop: 'etcd', name: 'etcd', role: '클러스터 상태 저장소' },
  { hop: 'controller', name: 'kube-controller-manager', role: '원하는 상태로 맞추는 컨트롤러들' },
  { hop: 'scheduler', name: 'kube-scheduler', role: '파드를 놓을 노드 선택' },
];

/** `present`: bare-machines mode only — false while kubeadm has not started this component yet. */
function Box({ title, role, active, caption, present }: { title: string; role: string; active: boolean; caption?: string; present?: boolean }) {
  return (
    <div
      data-flow-component={title}
      data-active={active ? 'true' : undefined}
      data-present={present === undefined ? undefined : String(present)}
      className={`rounded-md border-2 p-2 text-sm transition-all duration-300 ${
        active ? 'scale-[1.03] border-amber-400 bg-amber-50 shadow-lg dark:bg-amber-950' : present === false ? 'border-dashed border-zinc-300 opacity-60 dark:border-zinc-700' : 'border-zinc-300 dark:border-zinc-700'
      }`}
    >
      <p className="font-mono font-semibold">
        {active && <span aria-hidden="true">◉ </span>}
        {title}
      </p>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">{role}</p>
      {present !== undefined && <p className="text-xs text-zinc-600 dark:text-zinc-400">{present ? '● 실행 중' : '○ 아직 없음'}</p>}
      {active && caption && <p className="mt-1 text-xs font-semibold">{caption}</p>}
    </div>
  );
}

function useNodeNames(client: ClusterClient | null): string[] {
  const read = () =>
    client
      ? [...client.cached()].filter(([k]) => k.startsWith('Node/')).map(([, o]) => (o as V1Node).metadata?.name ?? '').sort()
      : [];
  const [names, setNames] = useState<string[]>(read);
  useEffect(() => {
    if (!client) return;
    setNames(read());
    return client.subscribe((changes) => {
      if (changes.some((c) => c.kind === 'Node')) setNames(read());
    });
    // read depends only on client
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client]);
  return names;
}

/**
 * The control plane and each node's kubelet/kube-proxy; every change lights its path hop by hop
 * (writer → kube-apiserver → etcd → whoever the watch wakes next) with a Korean caption per hop.
 */
export function ControlPlaneFlow({
  client,
  quiet = false,
  machines = null,
}: {
  client: ClusterClient | null;
  /** Don't animate (e.g. while fast-forwarding). */ quiet?: boolean;
  /** Bare-machines lab: explain kubeadm's phases, show components as their static pods appear. */
  machines?: MachineWorld | null;
}) {
  const anim = useFlowQueue(client, quiet);
  const joined = useNodeNames(client);
  const phases = useKubeadmPhases(machines, client, quiet);
  const running = useRunningComponents(client, machines !== null);
  const nodes = machines ? MACHINE_SPECS.map((m) => m.name) : joined;
  const hop: FlowHop | undefined = anim.hops[anim.hopIndex];
  const phase = phases.event && !phases.finished ? phases.phases[phases.index] : undefined;
  const phaseLights = (h: Hop, node?: string) => !!(phase?.lights as readonly string[] | undefined)?.includes(h) && (h !== 'kubelet' || phases.event?.machine === node);
  const isActive = (h: Hop, node?: string) => (hop?.hop === h && (h !== 'kubelet' || !hop.node || hop.node === node)) || phaseLights(h, node);
  // while init is being told, the static pods (created at once by the simulator) appear when the story gets there
  const initTold = phases.event?.op === 'init' && !phases.finished;
  const podsUpIndex = phases.phases.findIndex((p) => p.id === STATIC_PODS_UP_PHASE);
  const present = (h: Hop) => running.has(h) && !(initTold && phases.index < podsUpIndex);
  const caption = (h: Hop, node?: string) => (phaseLights(h, node) ? `[${phase!.id}]` : hop?.caption);
  return (
    <div className="space-y-3" data-control-plane-flow="">
      {machines && <KubeadmPhasePanel frame={phases} />}
      <section aria-label="컨트롤 플레인" className="rounded-lg border border-zinc-300 p-2 dark:border-zinc-700">
        <h3 className="mb-2 text-sm font-bold">컨트롤 플레인 (마스터 노드)</h3>
        <div className="grid grid-cols-2 gap-2">
          {CONTROL_PLANE.map((c) => (
            <Box key={c.hop} title={c.name} role={c.role} active={isActive(c.hop)} caption={caption(c.hop)} present={machines ? present(c.hop) : undefined} />
          ))}
        </div>
      </section>
      <section aria-label="노드의 kubelet과 kube-proxy" className="grid grid-cols-2 gap-2">
        {nodes.map((n) => (
          <div key={n} className="rounded-lg border border-zinc-300 p-2 dark:border-zinc-700">
            <h4 className="mb-1 font-mono text-xs font-semibold">
              {n}
              {machines && !joined.includes(n) && <span className="ml-1 font-sans font-normal text-zinc-600 dark:text-zinc-400">· 아직 클러스터 밖</span>}
            </h4>
            <Box title="kubelet" role="파드를 실제로 실행" active={isActive('kubelet', n)} caption={caption('kubelet', n)} />
            <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">kube-proxy · 서비스 트래픽 규칙</p>
          </div>
        ))}
      </section>
      <section aria-label="지금 흐름" aria-live="polite" className="min-h-24 rounded-lg bg-zinc-100 p-2 text-sm dark:bg-zinc-900" data-flow-current="">
        {anim.group ? (
          <>
            <p className="font-semibold">
              {groupTitle(anim.group)}
              {anim.group.count > 1 && <span className="ml-1 text-xs font-normal text-zinc-600 dark:text-zinc-400">(변화 {anim.group.count}건을 한 줄로)</span>}
            </p>
            <ol className="mt-1 space-y-0.5">
              {anim.hops.map((h, i) => (
                <li key={i} className={i === anim.hopIndex ? 'font-bold' : i < anim.hopIndex ? '' : 'opacity-50'}>
                  <span aria-hidden="true">{i < anim.hopIndex ? '✓' : i === anim.hopIndex ? '→' : '·'} </span>
                  <span className="font-mono">{h.label}</span>: {h.caption}
                </li>
              ))}
            </ol>
          </>
        ) : (
          <p className="text-zinc-600 dark:text-zinc-400">변화를 기다리는 중… 명령을 실행하거나 시나리오 단계를 진행해 보세요.</p>
        )}
        {(anim.waiting > 0 || anim.skipped > 0) && (
          <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400" data-flow-backlog={anim.waiting}>
            다음 흐름 {anim.waiting}개 대기{anim.skipped > 0 ? ` · 너무 빨라 건너뛴 변화 ${anim.skipped}건` : ''}
          </p>
        )}
      </section>
      {anim.recent.length > 0 && (
        <section aria-label="최근 흐름">
          <h3 className="text-sm font-bold">최근</h3>
          <ul className="space-y-0.5 text-xs">
            {anim.recent.map((g, i) => {
              const first = groupHops(g)[0];
              return (
                <li key={i}>
                  <span className="font-mono">{first.label}</span>: {first.caption}
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}
