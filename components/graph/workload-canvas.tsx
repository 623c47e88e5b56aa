'use client';

import { memo, useMemo, useRef } from 'react';
import { Background, Controls, Handle, Panel, Position, ReactFlow, type Edge, type Node, type NodeProps, type NodeTypes } from '@xyflow/react';
import { layoutWorkloads, type WorkloadColumnInput } from '@/lib/graph/workload-layout';
import { usePlaygroundStore, usePlaygroundStoreShallow } from '@/components/wiring/store-context';
import type { PlaygroundState } from '@/lib/store/playground-store';
import { BudgetPanel } from './budget-panel';
import { AutoFit, BOX_STYLE, READ_ONLY_FLOW, useColorMode, useStableNodes } from './flow-common';
import { PodGrid } from './node-box';
import { PodTooltip } from './pod-tooltip';

type DeploymentData = { id: string };
type ReplicaSetData = { id: string; cols: number };

const STANDALONE = '__standalone__';
const FIT = { padding: 0.1, maxZoom: 2 };
/** Empty old ReplicaSets kept for rollback; show only the latest few so history does not crowd the view. */
const EMPTY_HISTORY_SHOWN = 2;

const DeploymentBox = memo(function DeploymentBox({ data }: NodeProps<Node<DeploymentData>>) {
  const d = usePlaygroundStore((s) => s.deployments[data.id]);
  const select = usePlaygroundStore((s) => s.select);
  if (!d) return null;
  return (
    <div data-deployment-box={d.name} className="h-full w-full rounded-xl border-2 border-brand-500 bg-white p-2.5 text-xs shadow-sm dark:bg-zinc-900">
      <div className="flex items-center gap-1.5">
        <span className="rounded bg-brand-100 px-1.5 py-0.5 text-[10px] font-bold text-brand-700 dark:bg-brand-700 dark:text-white">디플로이먼트</span>
        <button type="button" className="nodrag truncate font-mono text-sm font-semibold hover:underline" onClick={() => select({ kind: 'Deployment', key: d.key })}>
          {d.name}
        </button>
      </div>
      <p className="mt-1.5 tabular-nums">
        원하는 {d.desired} · 업데이트 {d.updated} · 준비 {d.ready} · 사용 가능 {d.available}
      </p>
      <p className="mt-1 text-zinc-600 dark:text-zinc-400">
        {d.strategy === 'Recreate' ? '전략: Recreate' : `RollingUpdate · maxSurge ${d.maxSurge} · maxUnavailable ${d.maxUnavailable}`}
        {d.paused && ' · 일시 중지됨'}
      </p>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
});

const ReplicaSetBox = memo(function ReplicaSetBox({ data }: NodeProps<Node<ReplicaSetData>>) {
  const rs = usePlaygroundStore((s) => s.replicaSets[data.id]);
  const ids = usePlaygroundStore((s) => s.groups.podIdsByOwner[data.id]);
  const standaloneIds = usePlaygroundStore((s) => (data.id === STANDALONE ? s.groups.podIdsByOwner[''] : undefined));
  const select = usePlaygroundStore((s) => s.select);
  const tiles = (data.id === STANDALONE ? standaloneIds : ids) ?? [];
  return (
    <div data-replicaset-box={rs?.name ?? STANDALONE} className="k8s-box h-full w-full rounded-xl border-2 border-zinc-300 bg-white/95 p-2.5 text-xs shadow-sm dark:border-zinc-700 dark:bg-zinc-900/95">
      {rs && <Handle type="target" position={Position.Top} isConnectable={false} />}
      <div className="mb-1.5 h-[44px]">
        {rs ? (
          <>
            <div className="flex items-center gap-1.5">
              <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-[10px] font-bold dark:bg-zinc-800">레플리카셋</span>
              <button type="button" className="nodrag truncate font-mono font-semibold hover:underline" onClick={() => select({ kind: 'ReplicaSet', key: rs.key })}>
                {rs.name}
              </button>
            </div>
            <p className="mt-1 tabular-nums text-zinc-700 dark:text-zinc-300">
              리비전 {rs.revision || '-'} · 원하는 {rs.desired} · 현재 {rs.current} · 준비 {rs.ready}
            </p>
          </>
        ) : (
          <p className="font-semibold">소유자 없는 파드</p>
        )}
      </div>
      <PodGrid ids={tiles} cols={data.cols} label={rs ? `레플리카셋 ${rs.name}` : '소유자 없는 파드'} />
    </div>
  );
});

const nodeTypes: NodeTypes = { deployment: DeploymentBox, replicaSet: ReplicaSetBox };

function visibleNamespace(s: PlaygroundState, ns: string): boolean {
  if (s.filter.namespace !== '') return ns === s.filter.namespace;
  return s.filter.showKubeSystem || ns !== 'kube-system';
}

/** Flat, comparable description of the columns: "D|key" starts a column, "R|key|pods" adds a ReplicaSet. */
function useColumnsShape(): string[] {
  return usePlaygroundStoreShallow((s) => {
    const out: string[] = [];
    const byDeployment = new Map<string, typeof s.replicaSets[string][]>();
    for (const rs of Object.values(s.replicaSets)) {
      if (!visibleNamespace(s, rs.namespace) || rs.owner?.kind !== 'Deployment') continue;
      const key = `Deployment/${rs.namespace}/${rs.owner.name}`;
      (byDeployment.get(key) ?? byDeployment.set(key, []).get(key)!).push(rs);
    }
    for (const d of Object.values(s.deployments)) {
      if (!visibleNamespace(s, d.namespace)) continue;
      out.push(`D|${d.key}`);
      const list = (byDeployment.get(d.key) ?? []).sort((a, b) => b.revision - a.revision);
      let emptyShown = 0;
      for (const rs of list) {
        const pods = s.groups.podIdsByOwner[rs.key]?.length ?? 0;
        if (pods === 0 && rs.desired === 0 && emptyShown++ >= EMPTY_HISTORY_SHOWN) continue;
        out.push(`R|${rs.key}|${pods}`);
      }
    }
    const standalone = s.groups.podIdsByOwner['']?.length ?? 0;
    if (standalone > 0) out.push(`S|${STANDALONE}|${standalone}`);
    return out;
  });
}

function toColumns(shape: readonly string[]): WorkloadColumnInput[] {
  const cols: WorkloadColumnInput[] = [];
  for (const entry of shape) {
    const [tag, id, pods] = entry.split('|');
    if (tag === 'D') cols.push({ deploymentId: id, replicaSets: [] });
    else if (tag === 'S') cols.push({ deploymentId: null, replicaSets: [{ id, podCount: Number(pods) }] });
    else cols[cols.length - 1]?.replicaSets.push({ id, podCount: Number(pods) });
  }
  return cols;
}

/** The workload view: Deployment → ReplicaSets → pods, with the rolling-update budget above it. */
export default function WorkloadCanvas() {
  const shape = useColumnsShape();
  const focusKey = usePlaygroundStore((s) => {
    if (s.selection?.kind === 'Deployment') return s.selection.key;
    // Otherwise the first Deployment that is rolling out (more than one ReplicaSet holds pods).
    let first: string | null = null;
    for (let i = 0; i < shape.length; i++) {
      if (!shape[i].startsWith('D|')) continue;
      first ??= shape[i].slice(2);
      const busy = shape.slice(i + 1).findIndex((e) => e.startsWith('D|'));
      const own = shape.slice(i + 1, busy < 0 ? undefined : i + 1 + busy).filter((e) => !e.endsWith('|0'));
      if (own.length > 1) return shape[i].slice(2);
    }
    return first;
  });
  const flowArea = useRef<HTMLDivElement>(null);
  return (
    <div className="flex h-full flex-col">
      {focusKey && (
        <div className="max-h-[40%] shrink-0 overflow-y-auto border-b border-zinc-200 bg-white px-2.5 py-2 dark:border-zinc-800 dark:bg-zinc-950">
          <BudgetPanel deploymentKey={focusKey} compact />
        </div>
      )}
      <div ref={flowArea} className="relative min-h-0 flex-1">
        <WorkloadFlow shape={shape} />
        <PodTooltip container={flowArea} />
      </div>
    </div>
  );
}

function WorkloadFlow({ shape }: { shape: string[] }) {
  const colorMode = useColorMode();
  const { nodes: freshNodes, edges } = useMemo(() => {
    const layout = layoutWorkloads(toColumns(shape));
    const nodes: Node[] = [
      ...layout.deployments.map((b) => ({ id: b.id, type: 'deployment', position: { x: b.x, y: b.y }, data: { id: b.id }, width: b.width, height: b.height, style: BOX_STYLE })),
      ...layout.replicaSets.map((b) => ({ id: b.id, type: 'replicaSet', position: { x: b.x, y: b.y }, data: { id: b.id, cols: b.cols }, width: b.width, height: b.height, style: BOX_STYLE })),
    ];
    const edges: Edge[] = layout.edges.map((e) => ({ id: `${e.source}->${e.target}`, source: e.source, target: e.target, animated: true }));
    return { nodes, edges };
  }, [shape]);
  const nodes = useStableNodes(freshNodes);

  return (
    <ReactFlow
      aria-label="워크로드 그래프"
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      colorMode={colorMode}
      {...READ_ONLY_FLOW}
      fitViewOptions={FIT}
    >
      <Background gap={24} size={1} />
      <Controls showInteractive={false} position="bottom-right" />
      <AutoFit signature={String(nodes.length)} options={FIT} />
      {nodes.length === 0 && (
        <Panel position="top-center" className="rounded bg-white px-3 py-2 text-sm shadow dark:bg-zinc-900">
          아직 디플로이먼트가 없어요. 터미널에서 <code>kubectl create deployment web --image=nginx --replicas=3</code>을 실행해 보세요.
        </Panel>
      )}
    </ReactFlow>
  );
}
