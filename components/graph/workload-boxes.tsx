'use client';

import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { STANDALONE } from '@/lib/graph/workload-shape';
import { usePlaygroundStore, usePlaygroundStoreShallow } from '@/components/wiring/store-context';
import { PodGrid, usePodsOfOwner } from './node-box';

type HeadData = { id: string };
type PodBoxData = { id: string; cols: number };

const HEAD_CLASS = 'h-full w-full rounded-xl border-2 bg-white p-2.5 text-xs shadow-sm dark:bg-zinc-900';
const POD_BOX_CLASS = 'k8s-box h-full w-full rounded-xl border-2 border-zinc-300 bg-white/95 p-2.5 text-xs shadow-sm dark:border-zinc-700 dark:bg-zinc-900/95';
const KIND_BADGE = 'rounded px-1.5 py-0.5 text-[10px] font-bold';

export const DeploymentBox = memo(function DeploymentBox({ data }: NodeProps<Node<HeadData>>) {
  const d = usePlaygroundStore((s) => s.deployments[data.id]);
  const select = usePlaygroundStore((s) => s.select);
  if (!d) return null;
  return (
    <div data-deployment-box={d.name} className={`${HEAD_CLASS} border-brand-500`}>
      <div className="flex items-center gap-1.5">
        <span className={`${KIND_BADGE} bg-brand-100 text-brand-700 dark:bg-brand-700 dark:text-white`}>디플로이먼트</span>
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

const JOB_TONE = {
  running: { icon: '◔', bar: 'bg-sky-500', border: 'border-sky-600 dark:border-sky-400' },
  complete: { icon: '✓', bar: 'bg-emerald-500', border: 'border-emerald-600 dark:border-emerald-400' },
  failed: { icon: '✕', bar: 'bg-red-500', border: 'border-red-600 dark:border-red-400' },
};

/** A Job: COMPLETIONS as kubectl prints it (2/3), a bar toward it, and Complete/Failed in words and icon. */
export const JobBox = memo(function JobBox({ data }: NodeProps<Node<HeadData>>) {
  const job = usePlaygroundStore((s) => s.jobs[data.id]);
  if (!job) return null;
  const tone = JOB_TONE[job.tone];
  const target = job.target ?? 1;
  const pct = Math.min(100, Math.round((100 * job.succeeded) / Math.max(1, target)));
  return (
    <div data-job-box={job.name} data-job-status={job.status} className={`${HEAD_CLASS} ${tone.border}`}>
      <div className="flex items-center gap-1.5">
        <span className={`${KIND_BADGE} bg-sky-100 text-sky-900 dark:bg-sky-900/60 dark:text-sky-100`}>잡</span>
        <span className="truncate font-mono text-sm font-semibold">{job.name}</span>
        <span className="ml-auto shrink-0 font-semibold">
          <span aria-hidden="true">{tone.icon} </span>
          {job.statusKo} ({job.status})
        </span>
      </div>
      <div className="mt-1.5 flex items-center gap-1.5">
        <span
          role="progressbar"
          aria-label={`잡 ${job.name} 완료 진행`}
          aria-valuemin={0}
          aria-valuemax={target}
          aria-valuenow={Math.min(job.succeeded, target)}
          aria-valuetext={`완료 ${job.completions}`}
          className="h-2 flex-1 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-700"
        >
          <span className={`block h-full rounded-full ${tone.bar}`} style={{ width: `${pct}%` }} />
        </span>
        <span className="shrink-0 font-mono font-semibold tabular-nums" data-job-completions="">
          {job.completions}
        </span>
      </div>
      <p className="mt-1 tabular-nums text-zinc-700 dark:text-zinc-300">
        완료 {job.succeeded} · 실행 중 {job.active} · 실패 {job.failed}
      </p>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
});

/** A DaemonSet: one pod per eligible node — the counts per node, and which nodes have a ready pod. */
export const DaemonSetBox = memo(function DaemonSetBox({ data }: NodeProps<Node<HeadData>>) {
  const ds = usePlaygroundStore((s) => s.daemonSets[data.id]);
  const perNode = usePlaygroundStoreShallow((s) =>
    (s.groups.podIdsByOwner[data.id] ?? []).map((id) => `${s.pods[id]?.nodeName ?? '-'}|${s.pods[id]?.status.ready ? 1 : 0}`),
  );
  if (!ds) return null;
  const shown = perNode.slice(0, 4);
  return (
    <div data-daemonset-box={ds.name} className={`${HEAD_CLASS} border-violet-500`}>
      <div className="flex items-center gap-1.5">
        <span className={`${KIND_BADGE} bg-violet-100 text-violet-900 dark:bg-violet-900/60 dark:text-violet-100`}>데몬셋</span>
        <span className="truncate font-mono text-sm font-semibold">{ds.name}</span>
      </div>
      <p className="mt-1.5 tabular-nums">
        노드 원하는 {ds.desired} · 현재 {ds.current} · 준비 {ds.ready} · 사용 가능 {ds.available}
      </p>
      <p className="mt-1 truncate text-zinc-600 dark:text-zinc-400">
        {shown.length === 0
          ? '아직 파드를 둔 노드가 없어요'
          : shown
              .map((e) => {
                const [node, ready] = e.split('|');
                return `${node} ${ready === '1' ? '✓ 준비' : '… 준비 전'}`;
              })
              .join(' · ')}
        {perNode.length > shown.length && ` 외 ${perNode.length - shown.length}개`}
      </p>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
});

export const ReplicaSetBox = memo(function ReplicaSetBox({ data }: NodeProps<Node<PodBoxData>>) {
  const rs = usePlaygroundStore((s) => s.replicaSets[data.id]);
  const idsOf = usePodsOfOwner(data.id === STANDALONE ? '' : data.id);
  const select = usePlaygroundStore((s) => s.select);
  return (
    <div data-replicaset-box={rs?.name ?? STANDALONE} className={POD_BOX_CLASS}>
      {rs && <Handle type="target" position={Position.Top} isConnectable={false} />}
      <div className="mb-1.5 h-[44px]">
        {rs ? (
          <>
            <div className="flex items-center gap-1.5">
              <span className={`${KIND_BADGE} bg-zinc-100 dark:bg-zinc-800`}>레플리카셋</span>
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
      <PodGrid idsOf={idsOf} cols={data.cols} label={rs ? `레플리카셋 ${rs.name}` : '소유자 없는 파드'} />
    </div>
  );
});

/** The pods a Job or DaemonSet owns directly (no ReplicaSet between them). */
export const OwnedPodsBox = memo(function OwnedPodsBox({ data }: NodeProps<Node<PodBoxData>>) {
  const ownerKey = data.id.slice(0, data.id.lastIndexOf('#'));
  const idsOf = usePodsOfOwner(ownerKey);
  const count = usePlaygroundStore((s) => idsOf(s).length);
  const kind = ownerKey.startsWith('Job/') ? '잡' : '데몬셋';
  const name = ownerKey.slice(ownerKey.lastIndexOf('/') + 1);
  return (
    <div data-owned-pods={ownerKey} className={POD_BOX_CLASS}>
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="mb-1.5 h-[44px]">
        <p className="font-semibold">
          {kind} <span className="font-mono">{name}</span>의 파드 {count}개
        </p>
        <p className="mt-1 text-zinc-600 dark:text-zinc-400">{count === 0 ? '남은 파드가 없어요' : '파드를 누르면 상태와 재시작 이유를 볼 수 있어요'}</p>
      </div>
      <PodGrid idsOf={idsOf} cols={data.cols} label={`${kind} ${name}의 파드`} />
    </div>
  );
});
