/**
 * The colours a canvas tile is drawn with, read from the page's own styles: a hidden probe element per tone
 * gets the very classes a DOM tile has (TONE_CLASS), so the canvas follows the light/dark theme's CSS
 * variables and any change to the DOM tiles' look without a second colour table to keep in step.
 */
import type { PodTone } from '@/lib/graph/pod-status';

export interface ToneColours {
  fill: string;
  border: string;
  text: string;
  /** 'solid' | 'dashed' | 'dotted', as the DOM tile's border-style. */
  borderStyle: string;
  borderWidth: number;
  opacity: number;
}

export interface TilePalette {
  tones: Record<PodTone, ToneColours>;
  /** Ring of the selected tile (brand) and of tiles a highlighted Service selects (violet). */
  selectedRing: string;
  serviceRing: string;
  monoFont: string;
  sansFont: string;
  /** The request-rate badge (pod-rate-badge.tsx): background, and the red one when some requests fail there. */
  rateBadge: { fill: string; text: string };
  rateFailed: { fill: string; text: string };
}

/** The rate badge's colours, shared by the DOM badge and the canvas painter (literal, so Tailwind generates them). */
export const RATE_BADGE_CLASS = { ok: 'bg-zinc-800/85 text-white dark:bg-zinc-100/90 dark:text-zinc-900', failed: 'bg-red-600 text-white dark:bg-red-500' };

/** Literal class strings, so Tailwind generates them; the probe reads what they resolve to. */
const RING_CLASSES = { selected: 'bg-brand-500', service: 'bg-violet-600 dark:bg-violet-400' };

/** Read the palette for the theme now on <html>. O(tones); call again when the theme changes. */
export function readTilePalette(toneClass: Record<PodTone, string>): TilePalette {
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = 'position:absolute;left:-9999px;top:0;visibility:hidden;pointer-events:none';
  document.body.appendChild(host);
  try {
    const probe = (className: string) => {
      const el = document.createElement('span');
      el.className = className;
      el.style.display = 'block';
      host.appendChild(el);
      return getComputedStyle(el);
    };
    const colours = (cs: CSSStyleDeclaration) => ({ fill: cs.backgroundColor, text: cs.color });
    const tones = {} as Record<PodTone, ToneColours>;
    for (const tone of Object.keys(toneClass) as PodTone[]) {
      // `pod-tile` brings the graph.css rules (a terminating tile is drawn at 45 % opacity).
      const cs = probe(`pod-tile rounded border ${toneClass[tone]}`);
      tones[tone] = {
        fill: cs.backgroundColor,
        border: cs.borderTopColor,
        text: cs.color,
        borderStyle: cs.borderTopStyle,
        borderWidth: parseFloat(cs.borderTopWidth) || 1,
        opacity: parseFloat(cs.opacity) || 1,
      };
    }
    return {
      tones,
      selectedRing: probe(RING_CLASSES.selected).backgroundColor,
      serviceRing: probe(RING_CLASSES.service).backgroundColor,
      monoFont: probe('font-mono').fontFamily,
      sansFont: probe('font-sans').fontFamily,
      rateBadge: colours(probe(RATE_BADGE_CLASS.ok)),
      rateFailed: colours(probe(RATE_BADGE_CLASS.failed)),
    };
  } finally {
    host.remove();
  }
}

const cache = new Map<string, TilePalette>();

/** The palette for a theme, read once per theme per page (the theme's CSS does not change meanwhile). */
export function paletteFor(theme: string, toneClass: Record<PodTone, string>): TilePalette {
  let p = cache.get(theme);
  if (!p) cache.set(theme, (p = readTilePalette(toneClass)));
  return p;
}
