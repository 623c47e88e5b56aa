'use client';

import { memo } from 'react';
import type { TrafficBucket } from '@/lib/sim/network/load-buckets';
import { failedCount } from '@/lib/sim/network/load-buckets';

const WINDOW_S = 60;
const W = 600;
const RATE_H = 60;
const GAP = 6;
const LAT_H = 34;
const H = RATE_H + GAP + LAT_H;
const SLOT = W / WINDOW_S;

/** The 60 one-second slots ending at `end` (epoch ms), each with its bucket if requests were sent then. */
function slots(buckets: readonly TrafficBucket[], end: number): (TrafficBucket | undefined)[] {
  const byT = new Map(buckets.map((b) => [b.t, b]));
  const out: (TrafficBucket | undefined)[] = [];
  for (let i = WINDOW_S; i > 0; i--) out.push(byT.get(end - i * 1000));
  return out;
}

/**
 * Success rate (green, failed share in red) and p95 latency per simulated second over the last minute. SVG scaled
 * to its box; colours from the theme (dark: variants). The caller gives the text summary screen readers read.
 */
export const TrafficChart = memo(function TrafficChart({ buckets, now, summary, heightPx = H * 1.2 }: { buckets: readonly TrafficBucket[]; now: number; summary: string; heightPx?: number }) {
  const end = Math.floor(now / 1000) * 1000;
  const data = slots(buckets, end);
  const maxLatency = Math.max(10, ...data.map((b) => b?.p95 ?? 0));
  const latY = (ms: number) => RATE_H + GAP + LAT_H - (ms / maxLatency) * (LAT_H - 2);
  const line = data
    .map((b, i) => (b?.p95 === undefined ? null : `${(i + 0.5) * SLOT},${latY(b.p95).toFixed(1)}`))
    .reduce<string[][]>((runs, p) => {
      if (p === null) runs.push([]);
      else runs[runs.length - 1].push(p);
      return runs;
    }, [[]])
    .filter((r) => r.length);
  return (
    <div className="flex gap-1.5">
      <div aria-hidden="true" className="flex w-12 shrink-0 flex-col justify-between text-right text-[10px] leading-none text-zinc-600 dark:text-zinc-400" style={{ height: `${heightPx}px` }}>
        <span>성공률</span>
        <span>100%</span>
        <span className="mt-auto">지연 p95</span>
        <span>≤{maxLatency}ms</span>
      </div>
      <svg role="img" aria-label={summary} data-traffic-chart="" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" className="min-w-0 flex-1 rounded border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900" style={{ height: `${heightPx}px` }}>
        <line x1={0} x2={W} y1={RATE_H + GAP / 2} y2={RATE_H + GAP / 2} className="stroke-zinc-200 dark:stroke-zinc-700" strokeWidth={1} vectorEffect="non-scaling-stroke" />
        {data.map((b, i) => {
          if (!b?.sent) return null;
          const failH = (failedCount(b) / b.sent) * RATE_H;
          const x = i * SLOT + 0.5;
          return (
            <g key={b.t} data-failed={failH > 0 || undefined}>
              <rect x={x} width={SLOT - 1} y={failH} height={RATE_H - failH} className="fill-emerald-500 dark:fill-emerald-400" />
              {failH > 0 && <rect x={x} width={SLOT - 1} y={0} height={Math.max(failH, 2)} className="fill-red-600 dark:fill-red-400" />}
            </g>
          );
        })}
        {line.map((run) => (
          <polyline key={run[0]} points={run.join(' ')} fill="none" className="stroke-brand-500 dark:stroke-brand-100" strokeWidth={2} vectorEffect="non-scaling-stroke" />
        ))}
      </svg>
    </div>
  );
});
