import type { ReactNode } from 'react';

/** Colour roles shared by every diagram; Tailwind classes so dark mode follows the page. */
export const TONE = {
  plane: 'fill-blue-50 stroke-blue-600 dark:fill-blue-950/60 dark:stroke-blue-400',
  worker: 'fill-emerald-50 stroke-emerald-600 dark:fill-emerald-950/50 dark:stroke-emerald-400',
  part: 'fill-white stroke-zinc-400 dark:fill-zinc-900 dark:stroke-zinc-500',
  pod: 'fill-amber-50 stroke-amber-600 dark:fill-amber-950/50 dark:stroke-amber-400',
  muted: 'fill-zinc-100 stroke-zinc-400 dark:fill-zinc-800 dark:stroke-zinc-600',
  danger: 'fill-red-50 stroke-red-600 dark:fill-red-950/50 dark:stroke-red-400',
} as const;

export type Tone = keyof typeof TONE;

/** The frame every diagram uses: accessible title/description and an arrowhead marker. */
export function Figure({ id, title, desc, width, height, children, caption }: { id: string; title: string; desc: string; width: number; height: number; children: ReactNode; caption?: string }) {
  return (
    <figure className="not-prose my-6">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="h-auto w-full max-w-full text-zinc-800 dark:text-zinc-100" data-diagram={id}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        <defs>
          <marker id={`${id}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="fill-current" />
          </marker>
        </defs>
        <g fontSize="13" fontFamily="inherit">{children}</g>
      </svg>
      {caption && <figcaption className="mt-2 text-center text-sm text-zinc-600 dark:text-zinc-400">{caption}</figcaption>}
    </figure>
  );
}

/** A labelled rectangle; `sub` is a smaller second line. */
export function Box({ x, y, w, h, tone, label, sub, dashed, labelAt = 'center' }: { x: number; y: number; w: number; h: number; tone: Tone; label?: string; sub?: string; dashed?: boolean; labelAt?: 'center' | 'top' }) {
  const ty = labelAt === 'top' ? y + 20 : y + h / 2 + (sub ? -3 : 5);
  return (
    <g>
      <rect x={x} y={y} width={w} height={h} rx={8} strokeWidth={1.5} strokeDasharray={dashed ? '5 4' : undefined} className={TONE[tone]} />
      {label && (
        <text x={x + w / 2} y={ty} textAnchor="middle" fontWeight={700} className="fill-current">
          {label}
        </text>
      )}
      {sub && (
        <text x={x + w / 2} y={ty + 16} textAnchor="middle" fontSize={11} className="fill-zinc-600 dark:fill-zinc-300">
          {sub}
        </text>
      )}
    </g>
  );
}

/** A straight arrow between two points; `label` sits at the middle. */
export function Arrow({ id, x1, y1, x2, y2, label, dashed }: { id: string; x1: number; y1: number; x2: number; y2: number; label?: string; dashed?: boolean }) {
  return (
    <g className="text-zinc-600 dark:text-zinc-300">
      <line x1={x1} y1={y1} x2={x2} y2={y2} stroke="currentColor" strokeWidth={1.5} strokeDasharray={dashed ? '5 4' : undefined} markerEnd={`url(#${id}-arrow)`} />
      {label && (
        <text x={(x1 + x2) / 2} y={(y1 + y2) / 2 - 6} textAnchor="middle" fontSize={11} className="fill-current">
          {label}
        </text>
      )}
    </g>
  );
}

/** Free text. */
export function Label({ x, y, children, size = 12, anchor = 'middle', bold }: { x: number; y: number; children: ReactNode; size?: number; anchor?: 'start' | 'middle' | 'end'; bold?: boolean }) {
  return (
    <text x={x} y={y} textAnchor={anchor} fontSize={size} fontWeight={bold ? 700 : 400} className="fill-current">
      {children}
    </text>
  );
}
