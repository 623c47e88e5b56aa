'use client';

import { memo } from 'react';
import type { PodTone } from '@/lib/graph/pod-status';
import { whyNotSelected } from '@/lib/graph/service-selection';
import { usePlaygroundStoreApi, usePlaygroundStoreWith, usePod } from '@/components/wiring/store-context';
import type { ServiceView } from '@/lib/graph/projection';
import type { PlaygroundState } from '@/lib/store/playground-store';
import { podTileLabel, podTileStatusLine, tileName } from './pod-label';
import { PodRateBadge } from './pod-rate-badge';

/** Above this many visible pods, tiles appear, fade and dim without animation. */
const ANIMATION_LIMIT = 300;

export const TONE_CLASS: Record<PodTone, string> = {
  running: 'border-emerald-600 bg-emerald-50 text-emerald-950 dark:border-emerald-400 dark:bg-emerald-950/60 dark:text-emerald-50',
  pending: 'border-dashed border-amber-600 bg-amber-50 text-amber-950 dark:border-amber-400 dark:bg-amber-950/50 dark:text-amber-50',
  creating: 'border-sky-600 bg-sky-50 text-sky-950 dark:border-sky-400 dark:bg-sky-950/60 dark:text-sky-50',
  failing: 'border-2 border-red-600 bg-red-50 text-red-950 dark:border-red-400 dark:bg-red-950/60 dark:text-red-50',
  terminating: 'pod-terminating border-dotted border-zinc-500 bg-zinc-100 text-zinc-700 dark:border-zinc-400 dark:bg-zinc-800 dark:text-zinc-200',
  completed: 'border-zinc-400 bg-zinc-50 text-zinc-600 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-300',
};

/** What a tile shows besides its pod (the pod itself comes from usePod, woken only when it changes). */
interface TileState {
  /** true: the highlighted Service selects it; false: it does not; null: no Service highlighted. */
  highlighted: boolean | null;
  service: ServiceView | null;
  selected: boolean;
  animate: boolean;
  /** Pods created after this animate in. */
  animateAfter: number;
}

/** Everything a tile shows but its pod, read in one subscription with an O(1) selector. */
function tileState(s: PlaygroundState, id: string): TileState {
  const highlighted = s.highlight ? s.highlight[id] === true : null;
  // Big clusters skip motion: every animating tile becomes a compositor layer, and hundreds at once cost frames.
  const animate = s.groups.visiblePodCount <= ANIMATION_LIMIT;
  return {
    highlighted,
    service: highlighted === false && s.serviceKey ? (s.services[s.serviceKey] ?? null) : null,
    selected: s.selection?.kind === 'Pod' && s.selection.key === id,
    animate,
    animateAfter: s.animateAfter,
  };
}

function sameTileState(a: TileState, b: TileState): boolean {
  return (
    a.highlighted === b.highlighted &&
    a.service === b.service &&
    a.selected === b.selected &&
    a.animate === b.animate &&
    a.animateAfter === b.animateAfter
  );
}

/** Monospace CJK fonts draw "…" two cells wide, like four dots; a proportional one keeps it one narrow mark. */
function TileName({ name }: { name: string }) {
  const label = tileName(name);
  const cut = label.indexOf('…');
  if (cut < 0) return label;
  return (
    <>
      {label.slice(0, cut)}
      <span className="font-sans">…</span>
      {label.slice(cut + 1)}
    </>
  );
}

/**
 * One pod as a small tile. Subscribes to its own pod only; phase is shown by colour, icon and word
 * (and by border style, which is all that is left when zoomed far out: `compact`).
 * A button, so it is focusable and Enter opens the details panel.
 */
export const PodTile = memo(function PodTile({ id, compact = false, tabbable = true }: { id: string; compact?: boolean; tabbable?: boolean }) {
  const store = usePlaygroundStoreApi();
  const pod = usePod(id);
  const { highlighted, service, selected, animate, animateAfter } = usePlaygroundStoreWith((s) => tileState(s, id), sameTileState);
  if (!pod) return null;
  // Only pods born while we watch grow in; the initial picture appears at once.
  const entering = animate && pod.createdAt > animateAfter;
  const { status } = pod;
  const reason = service ? whyNotSelected(service, pod) : null;
  const label = podTileLabel(pod, highlighted, reason);
  return (
    <button
      type="button"
      tabIndex={tabbable ? 0 : -1}
      data-pod-tile=""
      data-pod={pod.name}
      data-pod-key={id}
      data-namespace={pod.namespace}
      data-status={status.status}
      data-highlight={highlighted === null ? undefined : highlighted ? 'on' : 'off'}
      aria-label={label}
      aria-pressed={selected}
      onClick={() => store.getState().select({ kind: 'Pod', key: id })}
      className={`pod-tile nodrag relative block h-full w-full rounded border px-1 py-1 text-left leading-tight ${animate ? 'pod-animated' : ''} focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 ${
        TONE_CLASS[status.tone]
      } ${entering ? 'pod-enter' : ''} ${selected ? 'ring-2 ring-brand-500 ring-offset-1 dark:ring-offset-zinc-900' : ''} ${
        highlighted === true ? 'ring-2 ring-violet-600 dark:ring-violet-400' : highlighted === false ? 'opacity-30 grayscale' : ''
      }`}
    >
      {/* Two text lines only: thousands of tiles, so every element counts. The full name is in the tooltip. */}
      {!compact && (
        <>
          <span className="pod-line font-mono text-[11px] font-semibold">
            <TileName name={pod.name} />
          </span>
          <span className="pod-line text-[10px]">{podTileStatusLine(pod, highlighted)}</span>
        </>
      )}
      <PodRateBadge podKey={id} />
    </button>
  );
});
