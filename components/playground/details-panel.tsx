'use client';

import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ClusterClient } from '@/lib/cluster/types';
import { KIND_KO } from '@/lib/k8s/kind-names';
import { formatCpu, formatMemory } from '@/lib/k8s/quantity';
import { podPassesFilter } from '@/lib/graph/pod-filter';
import { whyNotSelected } from '@/lib/graph/service-selection';
import type { PlaygroundState, Selection } from '@/lib/store/playground-store';
import { BudgetPanel } from '@/components/graph/budget-panel';
import { PodHealth } from '@/components/graph/pod-health';
import { terminationReasonWords } from '@/lib/graph/pod-health';
import { PodRequestRate } from '@/components/traffic/pod-request-rate';
import { usePlaygroundStore, usePlaygroundStoreShallow } from '@/components/wiring/store-context';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[6.5rem_1fr] gap-2 border-b border-zinc-100 py-1 text-xs dark:border-zinc-800">
      <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="min-w-0 break-words font-mono">{children}</dd>
    </div>
  );
}

function Labels({ labels }: { labels: Readonly<Record<string, string>> }) {
  const entries = Object.entries(labels);
  if (entries.length === 0) return <>없음</>;
  return (
    <span className="flex flex-wrap gap-1">
      {entries.map(([k, v]) => (
        <span key={k} className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">
          {k}={v}
        </span>
      ))}
    </span>
  );
}

/** The `kind name` words kubectl describe needs for a selection. */
function describeArgs(sel: Selection, s: PlaygroundState): string | null {
  if (sel.kind === 'Node') return s.nodes[sel.key] ? `node ${sel.key}` : null;
  const [, ns, name] = sel.key.split('/');
  return `${sel.kind.toLowerCase()} ${name} -n ${ns}`;
}

const GONE_TEXT = '방금 삭제되어 보여 줄 내용이 없어요.';

/** `kubectl describe` output for the selection, from the in-browser kubectl (loaded on demand). */
function DescribeText({ client, args, version }: { client: ClusterClient; args: string; version: unknown }) {
  const [text, setText] = useState('');
  useEffect(() => {
    let cancelled = false;
    // Controllers touch a busy object many times a second; describe at most twice a second.
    const t = setTimeout(async () => {
      const { executeKubectl } = await import('@/lib/kubectl');
      let out = '';
      await executeKubectl(`kubectl describe ${args}`, {
        client,
        files: new Map(),
        write: (chunk) => {
          out += chunk;
        },
        now: () => client.time?.now() ?? Date.now(),
      });
      // The object can go between the store update and this call; say so in Korean, not with a raw 404.
      if (!cancelled) setText(out.startsWith('Error from server (NotFound)') ? GONE_TEXT : out || '(출력 없음)');
    }, 400);
    return () => {
      cancelled = true;
      clearTimeout(t);
    };
  }, [client, args, version]);
  return (
    <details className="mt-2" open>
      <summary className="cursor-pointer text-xs font-semibold">kubectl describe {args}</summary>
      <pre tabIndex={0} aria-label={`kubectl describe ${args} 출력`} className="mt-1 max-h-72 overflow-auto rounded bg-zinc-950 p-2 font-mono text-[11px] leading-snug text-zinc-100">{text || '불러오는 중…'}</pre>
    </details>
  );
}

function RecentEvents({ involvedKey }: { involvedKey: string }) {
  const events = usePlaygroundStoreShallow((s) => s.events.filter((e) => e.involvedKey === involvedKey).slice(0, 5));
  if (events.length === 0) return <>없음</>;
  return (
    <ul className="space-y-0.5 font-sans">
      {events.map((e) => (
        <li key={e.key}>
          <b>{e.reason}</b> {e.why ?? e.message}
        </li>
      ))}
    </ul>
  );
}

function PodDetails({ id, client }: { id: string; client: ClusterClient }) {
  const pod = usePlaygroundStore((s) => s.pods[id]);
  if (!pod) return <p className="text-xs">이 파드는 삭제되었어요.</p>;
  return (
    <dl>
      <Field label="이름">{pod.name}</Field>
      <Field label="네임스페이스">{pod.namespace}</Field>
      <Field label="상태">
        {pod.status.icon} {pod.status.status} ({pod.status.label})
      </Field>
      <Field label="노드">{pod.nodeName ?? '아직 배정되지 않음'}</Field>
      <Field label="IP">{pod.ip ?? '없음'}</Field>
      <Field label="레이블">
        <Labels labels={pod.labels} />
      </Field>
      <Field label="소유자">{pod.owner ? `${pod.owner.kind}/${pod.owner.name}` : '없음 (직접 만든 파드)'}</Field>
      <Field label="재시작 횟수">
        {pod.status.restarts}
        {pod.status.lastReason ? ` (마지막 종료: ${pod.status.lastReason}${terminationReasonWords(pod.status.lastReason) ? ` — ${terminationReasonWords(pod.status.lastReason)}` : ''})` : ''}
      </Field>
      {pod.status.probeNote && <Field label="프로브">⚠ {pod.status.probeNote} — 서비스 트래픽을 받지 않아요</Field>}
      <Field label="컨테이너">
        <PodHealth podKey={id} />
      </Field>
      <PodRequestRate client={client} pod={`${pod.namespace}/${pod.name}`} />
      <Field label="최근 이벤트">
        <RecentEvents involvedKey={id} />
      </Field>
    </dl>
  );
}

function NodeDetails({ name }: { name: string }) {
  const node = usePlaygroundStore((s) => s.nodes[name]);
  const usage = usePlaygroundStore((s) => s.groups.usageByNode[name]);
  if (!node) return <p className="text-xs">이 노드는 클러스터에서 사라졌어요.</p>;
  return (
    <dl>
      <Field label="이름">{node.name}</Field>
      <Field label="역할">{node.role === 'control-plane' ? '컨트롤 플레인 (마스터 노드)' : '워커 노드'}</Field>
      <Field label="상태">{node.status}</Field>
      <Field label="IP">{node.internalIP ?? '없음'}</Field>
      <Field label="CPU 요청">{`${formatCpu(usage?.cpuRequestMilli ?? 0)} / ${formatCpu(node.cpuAllocatableMilli)}`}</Field>
      <Field label="메모리 요청">{`${formatMemory(usage?.memoryRequestBytes ?? 0)} / ${formatMemory(node.memoryAllocatableBytes)}`}</Field>
      <Field label="파드">{`${usage?.pods ?? 0} / ${node.podsAllocatable}`}</Field>
      <Field label="테인트">{node.taints.length ? node.taints.join(', ') : '없음'}</Field>
      <Field label="레이블">
        <Labels labels={node.labels} />
      </Field>
      <Field label="최근 이벤트">
        <RecentEvents involvedKey={`Node//${name}`} />
      </Field>
    </dl>
  );
}

function WorkloadDetails({ sel }: { sel: Selection }) {
  const view = usePlaygroundStore((s) =>
    sel.kind === 'Deployment' ? s.deployments[sel.key] : sel.kind === 'ReplicaSet' ? s.replicaSets[sel.key] : s.services[sel.key],
  );
  const selected = usePlaygroundStore((s) => (s.serviceKey === sel.key && s.highlight ? Object.keys(s.highlight).length : null));
  if (!view) return <p className="text-xs">이 리소스는 삭제되었어요.</p>;
  return (
    <dl>
      <Field label="이름">{view.name}</Field>
      <Field label="네임스페이스">{view.namespace}</Field>
      {'desired' in view && <Field label="원하는 개수">{view.desired}</Field>}
      {'updated' in view && <Field label="최신/준비/사용 가능">{`${view.updated} / ${view.ready} / ${view.available}`}</Field>}
      {'revision' in view && <Field label="리비전">{view.revision}</Field>}
      {'current' in view && <Field label="현재/준비">{`${view.current} / ${view.ready}`}</Field>}
      {'owner' in view && <Field label="소유자">{view.owner ? `${view.owner.kind}/${view.owner.name}` : '없음'}</Field>}
      {'selector' in view && (
        <>
          <Field label="유형">{view.type}</Field>
          <Field label="클러스터 IP">{view.clusterIP ?? '없음'}</Field>
          <Field label="포트">{view.ports}</Field>
          <Field label="셀렉터">{view.selector ? <Labels labels={view.selector} /> : '없음'}</Field>
          {selected !== null && <Field label="선택된 파드">{selected}개</Field>}
          <Field label="선택 안 된 파드">
            <ServiceMisses serviceKey={sel.key} />
          </Field>
        </>
      )}
      <Field label="최근 이벤트">
        <RecentEvents involvedKey={sel.key} />
      </Field>
    </dl>
  );
}

/** Pods the Service does not select (in the current filter), each with the label that differs. */
function ServiceMisses({ serviceKey }: { serviceKey: string }) {
  const service = usePlaygroundStore((s) => s.services[serviceKey]);
  // The pods record changes in place; its version says when.
  const pods = usePlaygroundStore((s) => s.pods);
  const podsVersion = usePlaygroundStore((s) => s.podsVersion);
  const filter = usePlaygroundStore((s) => s.filter);
  const misses = useMemo(() => {
    if (!service) return [];
    const out: { name: string; why: string }[] = [];
    for (const p of Object.values(pods)) {
      if (!podPassesFilter(p, filter)) continue;
      const why = whyNotSelected(service, p);
      if (why) out.push({ name: p.name, why });
    }
    return out;
  }, [service, pods, podsVersion, filter]); // eslint-disable-line react-hooks/exhaustive-deps
  if (misses.length === 0) return <>없음</>;
  return (
    <ul className="space-y-0.5 font-sans">
      {misses.slice(0, 20).map((m) => (
        <li key={m.name}>
          <span className="font-mono">{m.name}</span>: {m.why}
        </li>
      ))}
      {misses.length > 20 && <li>…외 {misses.length - 20}개</li>}
    </ul>
  );
}


const NOTE_CLASS = 'flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 px-2 py-1.5 text-xs text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50';

/** Why the panel moved to another object or closed by itself; dismissable. */
function SelectionNote({ note, className = '' }: { note: string; className?: string }) {
  const dismiss = usePlaygroundStore((s) => s.dismissSelectionNote);
  return (
    <div role="status" data-selection-note className={`${NOTE_CLASS} ${className}`}>
      <span className="min-w-0 flex-1 break-words">{note}</span>
      <button type="button" onClick={dismiss} aria-label="알림 닫기" className="shrink-0 rounded px-1 leading-none hover:bg-amber-200 dark:hover:bg-amber-800">
        ×
      </button>
    </div>
  );
}

const TOAST_MS = 10_000;

/** After the panel closed because its object was deleted: a small note over the graph, gone after a while. */
export function SelectionClosedNote() {
  const note = usePlaygroundStore((s) => (s.selection ? null : s.selectionNote));
  const dismiss = usePlaygroundStore((s) => s.dismissSelectionNote);
  useEffect(() => {
    if (!note) return;
    const t = setTimeout(dismiss, TOAST_MS);
    return () => clearTimeout(t);
  }, [note, dismiss]);
  if (!note) return null;
  return <SelectionNote note={note} className="absolute bottom-9 left-2 z-20 max-w-[min(28rem,calc(100%-1rem))] shadow-lg" />;
}

/** Korean details of the selected pod, node or workload, plus `kubectl describe`. */
export function DetailsPanel({ client }: { client: ClusterClient }) {
  const selection = usePlaygroundStore((s) => s.selection);
  const select = usePlaygroundStore((s) => s.select);
  const args = usePlaygroundStore((s) => (s.selection ? describeArgs(s.selection, s) : null));
  // Any change to the selected object re-runs describe.
  const version = usePlaygroundStore((s) => {
    const sel = s.selection;
    if (!sel) return null;
    const table = { Pod: s.pods, Node: s.nodes, Deployment: s.deployments, ReplicaSet: s.replicaSets, Service: s.services }[sel.kind];
    return table[sel.key];
  });
  const note = usePlaygroundStore((s) => s.selectionNote);
  if (!selection) return null;
  return (
    <aside
      aria-label={`${KIND_KO[selection.kind]} 자세히 보기`}
      className="flex h-full flex-col"
      onKeyDown={(e) => {
        if (e.key === 'Escape') select(null);
      }}
    >
      <div className="flex items-center justify-between border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
        <h2 className="text-sm font-semibold">{KIND_KO[selection.kind]} 자세히 보기</h2>
        <button type="button" onClick={() => select(null)} aria-label="자세히 보기 닫기" className="rounded px-2 text-lg leading-none hover:bg-zinc-100 dark:hover:bg-zinc-800">
          ×
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-3 py-2">
        {note && <SelectionNote note={note} className="mb-2" />}
        {selection.kind === 'Pod' ? <PodDetails id={selection.key} client={client} /> : selection.kind === 'Node' ? <NodeDetails name={selection.key} /> : <WorkloadDetails sel={selection} />}
        {selection.kind === 'Deployment' && (
          <div className="mt-3">
            <BudgetPanel deploymentKey={selection.key} />
          </div>
        )}
        {args && <DescribeText client={client} args={args} version={version} />}
      </div>
    </aside>
  );
}
