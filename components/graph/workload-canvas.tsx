'use client';

import { useMemo, useRef } from 'react';
import { Background, Controls, Panel, ReactFlow, type Edge, type Node, type NodeTypes } from '@xyflow/react';
import { layoutWorkloads } from '@/lib/graph/workload-layout';
import { focusDeployment, shapeColumns, workloadShape } from '@/lib/graph/workload-shape';
import { usePlaygroundStore, usePlaygroundStoreShallow } from '@/components/wiring/store-context';
import type { PlaygroundState } from '@/lib/store/playground-store';
import { BudgetPanel } from './budget-panel';
import { AutoFit, BOX_STYLE, READ_ONLY_FLOW, useColorMode, useStableNodes } from './flow-common';
import { PodTooltip } from './pod-tooltip';
import { DaemonSetBox, DeploymentBox, JobBox, OwnedPodsBox, ReplicaSetBox } from './workload-boxes';

const FIT = { padding: 0.1, maxZoom: 2 };

/** Module scope: React Flow re-mounts every node if this object changes identity. */
const nodeTypes: NodeTypes = { deployment: DeploymentBox, job: JobBox, daemonSet: DaemonSetBox, replicaSet: ReplicaSetBox, ownedPods: OwnedPodsBox };

function visibleNamespace(s: PlaygroundState, ns: string): boolean {
  if (s.filter.namespace !== '') return ns === s.filter.namespace;
  return s.filter.showKubeSystem || ns !== 'kube-system';
}

function useWorkloadShape(): string[] {
  return usePlaygroundStoreShallow((s) =>
    workloadShape({
      deployments: s.deployments,
      replicaSets: s.replicaSets,
      jobs: s.jobs,
      daemonSets: s.daemonSets,
      podIdsByOwner: s.groups.podIdsByOwner,
      visible: (ns) => visibleNamespace(s, ns),
    }),
  );
}

/** The head box type for a column's key (`Deployment/…`, `Job/…`, `DaemonSet/…`). */
const headType = (id: string) => (id.startsWith('Job/') ? 'job' : id.startsWith('DaemonSet/') ? 'daemonSet' : 'deployment');

/** The workload view: Deployment → ReplicaSets → pods, Jobs and DaemonSets → their pods, with the rolling-update budget above. */
export default function WorkloadCanvas() {
  const shape = useWorkloadShape();
  const focusKey = usePlaygroundStore((s) => focusDeployment(shape, s.selection?.kind === 'Deployment' ? s.selection.key : null));
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
    const layout = layoutWorkloads(shapeColumns(shape));
    const nodes: Node[] = [
      ...layout.deployments.map((b) => ({ id: b.id, type: headType(b.id), position: { x: b.x, y: b.y }, data: { id: b.id }, width: b.width, height: b.height, style: BOX_STYLE })),
      ...layout.replicaSets.map((b) => ({
        id: b.id,
        type: b.id.endsWith('#pods') ? 'ownedPods' : 'replicaSet',
        position: { x: b.x, y: b.y },
        data: { id: b.id, cols: b.cols },
        width: b.width,
        height: b.height,
        style: BOX_STYLE,
      })),
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
          아직 디플로이먼트나 잡이 없어요. 터미널에서 <code>kubectl create deployment web --image=nginx --replicas=3</code>을 실행해 보세요.
        </Panel>
      )}
    </ReactFlow>
  );
}
