'use client';

import { useEffect, useState, type ComponentType } from 'react';
import { useLazyComponent } from './use-lazy-component';
import { usePlayground } from '@/components/wiring/playground-context';
import { EventsPanel } from './events-panel';
import { usePlaygroundStore } from '@/components/wiring/store-context';
import { useDocumentFlag } from '@/components/shell/document-flag';
import { TabList } from '@/components/ui/tab-list';

// The terminal and the editor (CodeMirror) are big; load them only when first shown.
const loadTerminal = () => import('@/components/terminal/terminal').then((m) => m.Terminal);
const loadYamlEditor = () => import('@/components/editor/yaml-editor').then((m) => m.YamlEditor);

function LazyPanel({ load, loadingText }: { load: () => Promise<ComponentType>; loadingText: string }) {
  const Panel = useLazyComponent(load);
  if (!Panel) return <p className="p-3 text-xs text-zinc-600 dark:text-zinc-400">{loadingText}</p>;
  // eslint-disable-next-line react-hooks/static-components -- loaded once per loader and cached: a stable component
  return <Panel />;
}

type Tab = 'terminal' | 'editor' | 'events';
const TABS: { id: Tab; label: string }[] = [
  { id: 'terminal', label: '터미널' },
  { id: 'editor', label: 'YAML 에디터' },
  { id: 'events', label: '이벤트' },
];

function isTab(x: string): x is Tab {
  return x === 'terminal' || x === 'editor' || x === 'events';
}

/**
 * Terminal, YAML editor and events as tabs; a tab, once opened, stays mounted so its state survives.
 * `onOpenChange` hears whether the panel is unfolded (it then takes a third of the height; a quarter when `short`,
 * i.e. while the traffic chart also stays open above the graph, which left a 1440×900 lesson's graph ~200 px).
 */
export function BottomPanel({ onOpenChange, short = false }: { onOpenChange?: (open: boolean) => void; short?: boolean }) {
  const { bus } = usePlayground();
  const [tab, setTab] = useState<Tab>('terminal');
  const [opened, setOpened] = useState<ReadonlySet<Tab>>(() => new Set<Tab>(['terminal']));
  const eventCount = usePlaygroundStore((s) => s.events.length);
  const [seenEvents, setSeenEvents] = useState(0);

  // null: follow the default — folded while presenting (the audience watches the graph; the terminal sits
  // empty), open otherwise. A click on the fold button or a revealed tab decides from then on.
  const [folded, setFolded] = useState<boolean | null>(null);
  const presenting = useDocumentFlag('data-present');
  const collapsed = folded ?? presenting;
  const show = (t: Tab) => {
    setTab(t);
    setFolded(false);
    setOpened((prev) => (prev.has(t) ? prev : new Set([...prev, t])));
  };
  useEffect(() => bus.onReveal((panel) => isTab(panel) && show(panel)), [bus]);
  useEffect(() => onOpenChange?.(!collapsed), [collapsed, onOpenChange]);
  useEffect(() => {
    if (tab === 'events') setSeenEvents(eventCount);
  }, [tab, eventCount]);
  const unseen = Math.max(0, eventCount - seenEvents);

  return (
    <div data-bottom-panel="" className={`flex flex-col border-t border-zinc-200 dark:border-zinc-800 ${collapsed ? '' : short ? 'h-[24%] min-h-40' : 'h-[32%] min-h-40 sm:h-[36%]'}`}>
      <div className="flex shrink-0 flex-wrap items-center gap-x-2 border-b border-zinc-200 px-2 dark:border-zinc-800">
        <TabList
          tabs={TABS}
          selected={tab}
          onSelect={show}
          label="터미널, 에디터, 이벤트"
          controls={(id) => `pg-panel-${id}`}
          idPrefix="pg-tab"
          className="flex gap-1"
          tabClass={(on) => `whitespace-nowrap border-b-2 px-2.5 py-1.5 text-xs font-semibold ${on ? 'border-brand-500 text-brand-700 dark:text-white' : 'border-transparent text-zinc-600 dark:text-zinc-400'}`}
          extra={(id) =>
            id === 'events' &&
            unseen > 0 &&
            tab !== 'events' && (
              <span className="ml-1 rounded-full bg-brand-500 px-1.5 text-[10px] text-white" aria-label={`새 이벤트 ${unseen}개`}>
                {unseen > 99 ? '99+' : unseen}
              </span>
            )
          }
        />
        <button
          type="button"
          aria-expanded={!collapsed}
          aria-controls={TABS.map((t) => `pg-panel-${t.id}`).join(' ')}
          onClick={() => setFolded(!collapsed)}
          className="ml-auto whitespace-nowrap px-2 py-1.5 text-xs text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white"
        >
          {collapsed ? '▲ 패널 펼치기' : '▼ 패널 접기'}
          {!collapsed && <span className="hidden sm:inline"> (그래프 크게 보기)</span>}
        </button>
      </div>
      {TABS.map((t) =>
        opened.has(t.id) ? (
          <div key={t.id} id={`pg-panel-${t.id}`} role="tabpanel" aria-labelledby={`pg-tab-${t.id}`} hidden={collapsed || tab !== t.id} className="min-h-0 flex-1 overflow-hidden">
            {t.id === 'terminal' ? (
              <LazyPanel load={loadTerminal} loadingText="터미널을 불러오는 중…" />
            ) : t.id === 'editor' ? (
              <LazyPanel load={loadYamlEditor} loadingText="YAML 에디터를 불러오는 중…" />
            ) : (
              <EventsPanel />
            )}
          </div>
        ) : null,
      )}
    </div>
  );
}
