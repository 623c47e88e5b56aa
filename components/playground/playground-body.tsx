'use client';

import { useEffect, useState } from 'react';
import type { ClusterClient } from '@/lib/cluster/types';
import { createPlaygroundStore, type GraphView, type PlaygroundStore } from '@/lib/store/playground-store';
import { ListView } from '@/components/graph/list-view';
import { POD_TONE_LEGEND } from '@/lib/graph/pod-status';
import { TONE_CLASS } from '@/components/graph/pod-tile';
import { PlaygroundStoreProvider, usePlaygroundStore } from '@/components/wiring/store-context';
import { SimControls } from './sim-controls';
import { FailureControls } from './failure-controls';
import { FilterBar } from './filter-bar';
import { DetailsPanel, SelectionClosedNote } from './details-panel';
import { BottomPanel } from './bottom-panel';
import { useStoreConnection } from '@/components/wiring/use-store-connection';
import { useLazyComponent } from './use-lazy-component';
import { loadGraphView, preloadGraphView } from './graph-loader';
import { usePlayground } from '@/components/wiring/playground-context';
import { ArrivingProgress, Loading, LoadingProgress } from './loading';
import { MotionToggle } from '@/components/shell/motion-toggle';
import { TrafficPanel } from '@/components/traffic/traffic-panel';
import { TrafficToggle } from '@/components/traffic/traffic-toggle';
import { useTallScreen } from '@/components/traffic/traffic-summary-bar';
import { TabList } from '@/components/ui/tab-list';

function GraphCanvas({ view }: { view: 'cluster' | 'workload' }) {
  const Graph = useLazyComponent(loadGraphView);
  if (!Graph) return <Loading text="클러스터 그래프를 불러오는 중…" />;
  // eslint-disable-next-line react-hooks/static-components -- loaded once per loader and cached: a stable component
  return <Graph view={view} />;
}

const VIEWS: { id: GraphView; label: string }[] = [
  { id: 'cluster', label: '클러스터' },
  { id: 'workload', label: '워크로드' },
  { id: 'list', label: '목록' },
];

function ViewTabs() {
  const view = usePlaygroundStore((s) => s.view);
  const setView = usePlaygroundStore((s) => s.setView);
  return (
    <TabList
      tabs={VIEWS}
      selected={view}
      onSelect={setView}
      label="그래프 보기"
      controls={() => 'playground-graph'}
      className="flex rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700"
      tabClass={(on) => `whitespace-nowrap rounded px-2.5 py-1 text-xs font-semibold ${on ? 'bg-brand-500 text-white' : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800'}`}
    />
  );
}

function Legend() {
  return (
    <div data-playground-legend="" className="flex shrink-0 items-start gap-2 border-t border-zinc-200 bg-white px-2 py-1 text-[11px] dark:border-zinc-800 dark:bg-zinc-950">
      <ul aria-label="파드 상태 범례" className="flex min-w-0 flex-1 flex-wrap gap-1">
        {POD_TONE_LEGEND.map((l) => (
          <li key={l.tone} className={`whitespace-nowrap rounded border px-1 py-0.5 ${TONE_CLASS[l.tone]}`}>
            <span aria-hidden="true">{l.icon} </span>
            {l.label}
          </li>
        ))}
      </ul>
      {/* Phones have the system's reduced-motion setting; the legend keeps the row. */}
      <MotionToggle className="shrink-0 max-sm:hidden" />
    </div>
  );
}

/**
 * View tabs and simulator controls, then filters and failure experiments: those are always shown on wide
 * screens; behind one button on phones (and in presenter mode), where they would push the graph off the screen.
 */
function Toolbar({ client, trafficOpen, setTrafficOpen }: { client: ClusterClient; trafficOpen: boolean; setTrafficOpen: (open: boolean) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <div data-playground-toolbar="" className="space-y-1.5 border-b border-zinc-200 px-2.5 py-2 dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
        <ViewTabs />
        <button
          type="button"
          data-extras-toggle=""
          aria-expanded={open}
          aria-controls="playground-extras"
          onClick={() => setOpen((o) => !o)}
          className="whitespace-nowrap rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-semibold sm:hidden dark:border-zinc-700"
        >
          {open ? '▲ 필터·장애 실험' : '▼ 필터·장애 실험'}
        </button>
        <SimControls client={client} />
        <TrafficToggle client={client} open={trafficOpen} onOpenChange={setTrafficOpen} />
      </div>
      <div id="playground-extras" data-playground-extras="" data-open={open || undefined} className={`space-y-1.5 ${open ? '' : 'hidden'} sm:block`}>
        <FilterBar />
        <FailureControls client={client} />
      </div>
    </div>
  );
}

function GraphArea({ client }: { client: ClusterClient }) {
  const view = usePlaygroundStore((s) => s.view);
  const hasSelection = usePlaygroundStore((s) => s.selection !== null);
  const loading = usePlaygroundStore((s) => s.loading);
  const arriving = usePlaygroundStore((s) => s.arriving);
  return (
    <div id="playground-graph" role="tabpanel" className="relative flex min-h-0 flex-1 flex-col overflow-hidden bg-zinc-50 dark:bg-zinc-950">
      <div className="min-h-0 flex-1">{loading ? <LoadingProgress done={loading.done} total={loading.total} /> : view === 'list' ? <ListView /> : <GraphCanvas view={view} />}</div>
      {arriving && !loading && <ArrivingProgress done={arriving.done} total={arriving.total} />}
      {view !== 'list' && <Legend />}
      <SelectionClosedNote />
      {hasSelection && (
        <div className="absolute inset-y-0 right-0 z-20 w-80 max-w-[70%] border-l border-zinc-200 bg-white shadow-xl dark:border-zinc-800 dark:bg-zinc-950">
          <DetailsPanel client={client} />
        </div>
      )}
    </div>
  );
}

const GRAPH_VIEWS: readonly string[] = VIEWS.map((v) => v.id);

/**
 * `lesson`: beside a lesson, whose experiments (lesson 05's rollout under traffic) are about the running chart:
 * where the screen is tall enough the traffic panel stays unfolded with the terminal open. The Playground (and
 * phones) fold it to one line so the graph keeps its room.
 */
function ConnectedPlayground({ client, store, lesson }: { client: ClusterClient; store: PlaygroundStore; lesson: boolean }) {
  const bench = useStoreConnection(client, store, preloadGraphView);
  const { bus } = usePlayground();
  // Lessons can switch the graph view: bus.reveal('cluster' | 'workload' | 'list').
  useEffect(
    () => bus.onReveal((panel) => GRAPH_VIEWS.includes(panel) && store.getState().setView(panel as GraphView)),
    [bus, store],
  );
  const [trafficOpen, setTrafficOpen] = useState(false);
  const [bottomOpen, setBottomOpen] = useState(true);
  const tall = useTallScreen();
  const chartRoom = lesson && tall;
  const shareHeight = bottomOpen && !chartRoom;
  useEffect(() => bus.onReveal((panel) => panel === 'traffic' && setTrafficOpen(true)), [bus]);
  if (bench.waiting) return <Loading text={bench.message} />;
  return (
    <PlaygroundStoreProvider store={store}>
      <div className="flex h-full min-w-0 flex-col bg-white text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100">
        <Toolbar client={client} trafficOpen={trafficOpen} setTrafficOpen={setTrafficOpen} />
        {/* Above the graph, never at its cost: with the bottom panel open it takes at most a fifth of the height and scrolls. */}
        {trafficOpen && (
          <div id="playground-traffic" className={`${shareHeight ? 'max-h-[22%]' : 'max-h-[45%]'} shrink-0 overflow-y-auto`}>
            <TrafficPanel client={client} foldWhileRunning={shareHeight} compact={bottomOpen && chartRoom} />
          </div>
        )}
        <GraphArea client={client} />
        <BottomPanel onOpenChange={setBottomOpen} short={trafficOpen && chartRoom} />
      </div>
    </PlaygroundStoreProvider>
  );
}

/** Everything inside the Playground once the cluster client exists; loaded lazily by playground.tsx. */
export default function PlaygroundBody({ client, lesson = false }: { client: ClusterClient; lesson?: boolean }) {
  const [store] = useState(() => createPlaygroundStore());
  return <ConnectedPlayground client={client} store={store} lesson={lesson} />;
}
