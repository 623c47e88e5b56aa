'use client';

import { useCallback, useEffect, useState } from 'react';
import { decodeShareLink } from '@/lib/scenarios/share-link';

/**
 * Presenter view (발표 모드): `data-present` on <html> switches the page to large type (24 px and up) on a black,
 * high-contrast theme without the site header. The graph keeps its own layout and is zoomed to fit instead; the
 * selected pod and the step's spotlight targets stand out. The CSS lives here (not in globals.css) so the feature
 * is self-contained.
 */
const PRESENTER_CSS = `
html[data-present] body { background: #000; color: #fff; font-size: 24px; }
html[data-present] body > header { display: none; }
html[data-present] [data-instructor-page] { height: 100vh; }
html[data-present] [data-instructor-page] > [data-instructor-tools] { width: 36%; }
html[data-present] .text-zinc-400, html[data-present] .text-zinc-500, html[data-present] .text-zinc-600,
html[data-present] .text-zinc-700, html[data-present] .text-zinc-300 { color: #f4f4f5 !important; }
html[data-present] .bg-white, html[data-present] .bg-zinc-50, html[data-present] .bg-brand-50 { background: #000 !important; }
html[data-present] [data-instructor-tools-panel] { font-size: 24px; border-color: #fff; }
html[data-present] [data-instructor-tools-panel] :is(.text-sm, .text-xs, select, input, button) { font-size: 22px; line-height: 1.4; }
html[data-present] [data-instructor-tools-panel] [data-step-output] { font-size: 18px; }
html[data-present] [data-narration] { border: 3px solid #ffe14d; background: #111 !important; }
html[data-present] [data-narration] :is(h3, p) { font-size: 28px; line-height: 1.5; }
html[data-present] button:focus-visible { outline: 4px solid #ffe14d; }
html[data-present] [data-pod-tile][aria-pressed="true"] {
  outline: 5px solid #ffe14d; outline-offset: 3px; transform: scale(1.6); position: relative; z-index: 40;
  box-shadow: 0 0 0 4px #000, 0 0 24px 8px #ffe14d;
}
html[data-present] [data-node-box] { border-width: 3px; }
html[data-present] [role="log"][aria-label="kubectl 출력"], html[data-present] [role="log"][aria-label="kubectl 출력"] + div {
  font-size: 22px; line-height: 1.45;
}
`;

/** Zoom the graph to fill its (now larger) area, through the canvas's own "fit view" control. */
function fitGraphSoon(): () => void {
  const id = setTimeout(() => document.querySelector<HTMLButtonElement>('.react-flow__controls-fitview')?.click(), 400);
  return () => clearTimeout(id);
}

/** Elements where keys belong to typing, not to the presenter shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="textbox"], .cm-editor, .xterm, [data-terminal]')) return true;
  return false;
}

/** Presenter on/off, from `?present=1` at load and the P key. */
export function usePresenterMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(false);
  useEffect(() => {
    if (decodeShareLink(window.location.search).present) setOn(true);
  }, []);
  useEffect(() => {
    const root = document.documentElement;
    if (!on) return;
    const wasDark = root.classList.contains('dark');
    root.dataset.present = '1';
    root.classList.add('dark');
    const cancelFit = fitGraphSoon();
    return () => {
      cancelFit();
      delete root.dataset.present;
      if (!wasDark) root.classList.remove('dark');
    };
  }, [on]);
  const set = useCallback((v: boolean) => {
    setOn(v);
    const url = new URL(window.location.href);
    if (v) url.searchParams.set('present', '1');
    else url.searchParams.delete('present');
    window.history.replaceState(window.history.state, '', url);
  }, []);
  return [on, set];
}

export interface PresenterKeys {
  togglePresent(): void;
  next(): void;
  previous(): void;
  playPause(): void;
  speed(x: number): void;
}

/** P, → / ←, Space, 1–9 — ignored while the focus is in a field, the editor or the terminal. */
export function usePresenterKeys(keys: PresenterKeys): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTypingTarget(e.target)) return;
      const handled = (() => {
        if (e.key === 'p' || e.key === 'P') return keys.togglePresent(), true;
        if (e.key === 'ArrowRight') return keys.next(), true;
        if (e.key === 'ArrowLeft') return keys.previous(), true;
        if (e.key === ' ' || e.code === 'Space') {
          // Space on a focused button should press that button, not toggle playback.
          if (e.target instanceof HTMLButtonElement) return false;
          return keys.playPause(), true;
        }
        if (/^[1-9]$/.test(e.key)) return keys.speed(Number(e.key)), true;
        return false;
      })();
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keys]);
}

/** A CSS attribute-value string; resource names are DNS labels, but never trust that inside a <style>. */
const cssString = (v: string) => `"${v.replace(/["\\<>]/g, '')}"`;

/** Extra CSS for presenter mode plus outlines around the current step's spotlight targets. */
export function PresenterStyles({ spotlightPods, spotlightNodes }: { spotlightPods: string[]; spotlightNodes: string[] }) {
  const targets = [...spotlightPods.map((n) => `[data-pod-tile][data-pod=${cssString(n)}]`), ...spotlightNodes.map((n) => `[data-node-box=${cssString(n)}]`)];
  const spot = targets.length
    ? `${targets.join(',')} { outline: 3px dashed #eab308; outline-offset: 2px; }
html[data-present] :is(${targets.join(',')}) { outline: 5px solid #ffe14d; outline-offset: 4px; }`
    : '';
  return <style>{PRESENTER_CSS + spot}</style>;
}
