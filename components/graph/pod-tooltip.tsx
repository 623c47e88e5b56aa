'use client';

import { useEffect, useState, type RefObject } from 'react';
import { whyNotSelected } from '@/lib/graph/service-selection';
import { usePlaygroundStore } from '@/components/wiring/store-context';

interface Anchor {
  key: string;
  /** Tile centre and edges, relative to the canvas container, in screen pixels. */
  x: number;
  top: number;
  bottom: number;
}

function TooltipText({ podKey }: { podKey: string }) {
  const pod = usePlaygroundStore((s) => s.pods[podKey]);
  const service = usePlaygroundStore((s) => (s.highlight && s.highlight[podKey] !== true && s.serviceKey ? (s.services[s.serviceKey] ?? null) : null));
  if (!pod) return null;
  const reason = service ? whyNotSelected(service, pod) : null;
  return (
    <>
      <span className="block font-mono font-semibold">{pod.name}</span>
      <span className="block">
        {pod.status.icon} {pod.status.label} ({pod.status.status})
        {pod.status.restarts > 0 ? ` · 재시작 ${pod.status.restarts}회` : ''}
        {pod.status.restarts > 0 && pod.status.lastReason ? ` (${pod.status.lastReason})` : ''}
      </span>
      {pod.status.probeNote && <span className="block">⚠ {pod.status.probeNote}</span>}
      {reason && <span className="block">선택 안 됨: {reason}</span>}
    </>
  );
}

/**
 * One tooltip per canvas for the pod tile under the pointer or the keyboard focus: the full name (tiles show
 * a shortened one), status and, with a Service highlighted, why the pod is not selected. Drawn in screen
 * space, so it stays readable at any zoom; Escape or a zoom gesture closes it.
 */
export function PodTooltip({ container }: { container: RefObject<HTMLElement | null> }) {
  const [anchor, setAnchor] = useState<Anchor | null>(null);
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const tileOf = (t: EventTarget | null) => (t instanceof Element ? t.closest<HTMLElement>('[data-pod-tile]') : null);
    const show = (e: Event) => {
      const tile = tileOf(e.target);
      if (!tile?.dataset.podKey) return;
      const box = root.getBoundingClientRect();
      const r = tile.getBoundingClientRect();
      setAnchor({ key: tile.dataset.podKey, x: r.left + r.width / 2 - box.left, top: r.top - box.top, bottom: r.bottom - box.top });
    };
    const leave = (e: PointerEvent | FocusEvent) => {
      const from = tileOf(e.target);
      if (from && from !== tileOf(e.relatedTarget)) setAnchor(null);
    };
    const close = () => setAnchor(null);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    root.addEventListener('pointerover', show);
    root.addEventListener('focusin', show);
    root.addEventListener('pointerout', leave);
    root.addEventListener('focusout', leave);
    root.addEventListener('keydown', onKey);
    root.addEventListener('wheel', close, { passive: true });
    return () => {
      root.removeEventListener('pointerover', show);
      root.removeEventListener('focusin', show);
      root.removeEventListener('pointerout', leave);
      root.removeEventListener('focusout', leave);
      root.removeEventListener('keydown', onKey);
      root.removeEventListener('wheel', close);
    };
  }, [container]);
  if (!anchor) return null;
  const width = container.current?.clientWidth ?? 0;
  const below = anchor.top < 72;
  return (
    <div
      role="tooltip"
      data-pod-tooltip=""
      className="pointer-events-none absolute z-30 max-w-[min(22rem,calc(100%-1rem))] rounded-md bg-zinc-900 px-2.5 py-1.5 text-[13px] leading-snug text-white shadow-lg dark:bg-zinc-100 dark:text-zinc-900"
      style={{
        left: Math.min(Math.max(anchor.x, 96), Math.max(96, width - 96)),
        top: below ? anchor.bottom + 6 : anchor.top - 6,
        transform: `translate(-50%, ${below ? '0' : '-100%'})`,
      }}
    >
      <TooltipText podKey={anchor.key} />
    </div>
  );
}
