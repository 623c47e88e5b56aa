'use client';

import { useCallback, useEffect, useState } from 'react';
import { decodeShareLink } from '@/lib/scenarios/share-link';

/**
 * Presenter view (발표 모드): `data-present` on <html> switches the page to large type (24 px and up) on a black,
 * high-contrast theme without the site header. The graph takes most of the screen (tools 28 % wide; filters,
 * failure buttons and the empty terminal folded away) and fits itself to it, so a few pods get big tiles; the
 * toolbar reads at 18 px. The CSS lives here (not in globals.css) so the feature is self-contained.
 */
const PRESENTER_CSS = `
html[data-present] body { background: #000; color: #fff; font-size: 24px; }
html[data-present] body > header { display: none; }
html[data-present] [data-instructor-page] { height: 100vh; }
@media (min-width: 1024px) { html[data-present] [data-instructor-page] > [data-instructor-tools] { width: 28%; min-width: 0; } }
html[data-present] .text-zinc-400, html[data-present] .text-zinc-500, html[data-present] .text-zinc-600,
html[data-present] .text-zinc-700, html[data-present] .text-zinc-300 { color: #f4f4f5 !important; }
html[data-present] .bg-white, html[data-present] .bg-zinc-50, html[data-present] .bg-brand-50 { background: #000 !important; }
html[data-present] [data-instructor-tools-panel] { font-size: 24px; border-color: #fff; }
html[data-present] [data-instructor-tools-panel] :is(.text-sm, .text-xs, select, input, button) { font-size: 22px; line-height: 1.4; }
html[data-present] [data-instructor-tools-panel] [data-step-output] { font-size: 18px; }
html[data-present] [data-narration] { border: 3px solid #ffe14d; background: #111 !important; }
html[data-present] [data-narration] :is(h3, p) { font-size: 28px; line-height: 1.5; }
html[data-present] button:focus-visible { outline: 4px solid #ffe14d; }
html[data-present] #share-link-field { font-size: 16px; }
html[data-present] [data-share-link-text] { display: block; flex-basis: 100%; font-size: 20px; line-height: 1.35; word-break: break-all; }
html[data-present] [data-playground-toolbar] :is(button, select, label, span, [role="tab"]) { font-size: 18px; }
html[data-present] [data-playground-extras]:not([data-open]) { display: none; }
html[data-present] [data-extras-toggle] { display: inline-block; }
html[data-present] [data-playground-legend] { font-size: 16px; }
html[data-present] [data-bottom-panel] :is([role="tab"], button) { font-size: 18px; }
html[data-present] [data-pod-tooltip] { font-size: 22px; }
html[data-present] [data-pod-tile][aria-pressed="true"] { outline: 2px solid #fff; outline-offset: 0; z-index: 40; }
html[data-present] [data-node-box] { border-width: 3px; }
html[data-present] .react-flow__controls-button { width: 44px; height: 44px; }
html[data-present] .react-flow__controls-button svg { max-width: 20px; max-height: 20px; }
html[data-present] [role="log"][aria-label="kubectl 출력"], html[data-present] [role="log"][aria-label="kubectl 출력"] + div {
  font-size: 22px; line-height: 1.45;
}
`;

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
    return () => {
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

/**
 * Extra CSS for presenter mode plus outlines around the current step's spotlight targets. A pod's outline
 * stays within half the 4 px gap between tiles (2 px, no offset, plus its recoloured border), so the outlines
 * of neighbouring pods touch at most, never overlap; node boxes are 28 px apart and get a wider one.
 */
export function PresenterStyles({ spotlightPods, spotlightNodes }: { spotlightPods: string[]; spotlightNodes: string[] }) {
  const pods = spotlightPods.map((n) => `[data-pod-tile][data-pod=${cssString(n)}]`).join(',');
  const nodes = spotlightNodes.map((n) => `[data-node-box=${cssString(n)}]`).join(',');
  const spot = [
    pods && `:is(${pods}) { outline: 2px dashed #eab308; outline-offset: 0; border-color: #eab308; }
html[data-present] :is(${pods}) { outline: 2px solid #ffe14d; border-color: #ffe14d; }`,
    nodes && `:is(${nodes}) { outline: 3px dashed #eab308; outline-offset: 2px; }
html[data-present] :is(${nodes}) { outline: 5px solid #ffe14d; outline-offset: 4px; }`,
  ]
    .filter(Boolean)
    .join('\n');
  return <style>{PRESENTER_CSS + spot}</style>;
}
