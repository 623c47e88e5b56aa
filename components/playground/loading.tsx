/** A centred, announced loading line in Korean, for the Playground's lazily loaded parts. */
export function Loading({ text }: { text: string }) {
  return (
    <p role="status" className="flex h-full items-center justify-center text-sm text-zinc-600 dark:text-zinc-400">
      {text}
    </p>
  );
}

/** A bar of `done` of `total`, announced as a progress bar; `className` sizes and colours its track. */
function ProgressBar({ done, total, label, className }: { done: number; total: number; label: string; className: string }) {
  const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
  return (
    <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-valuetext={`${percent}%`} className={`overflow-hidden rounded-full ${className}`}>
      {/* scaled, not sized: a transform animates on the compositor, where a width transition laid out the page every frame */}
      <div className="h-full origin-left rounded-full bg-brand-500 transition-transform duration-150" style={{ transform: `scaleX(${percent / 100})` }} />
    </div>
  );
}

/**
 * A big cluster's objects coming into the page (lib/store/connect-client.ts), or a live cluster's first snapshot
 * arriving (`what` and `verb` say so): a bar with the count, announced as a progress bar, where the graph or the list
 * will be once all are in.
 */
export function LoadingProgress({ done, total, what = '클러스터 오브젝트', verb = '불러오는 중…' }: { done: number; total: number; what?: string; verb?: string }) {
  const label = `${what} ${done.toLocaleString('ko-KR')} / ${total.toLocaleString('ko-KR')}개를 ${verb}`;
  return (
    <div data-cluster-loading="" className="flex h-full flex-col items-center justify-center gap-3 p-6 text-sm text-zinc-700 dark:text-zinc-300">
      <p>{label}</p>
      <ProgressBar done={done} total={total} label="클러스터 불러오기" className="h-2 w-full max-w-sm bg-zinc-200 dark:bg-zinc-800" />
      <p className="text-xs text-zinc-500 dark:text-zinc-400">파드가 많으면 그래프는 모두 불러온 뒤 한 번에 그려요.</p>
    </div>
  );
}

/**
 * A live cluster's snapshot still arriving while the page already shows what has come (a big cluster's first snapshot
 * past the page's wait for it, or one after a reconnect): a small note over the view with the count and a bar, so a
 * half-drawn cluster does not pass for the whole one. It is announced once, when it appears; the bar carries the count.
 */
export function ArrivingProgress({ done, total }: { done: number; total: number }) {
  return (
    <div
      data-snapshot-arriving=""
      className="pointer-events-none absolute left-1/2 top-2 z-10 flex w-max max-w-[calc(100%-1rem)] -translate-x-1/2 flex-wrap items-center justify-center gap-x-2 gap-y-0.5 rounded-2xl border border-zinc-300 bg-white/95 px-3 py-1 text-center text-xs text-zinc-700 shadow-sm dark:border-zinc-700 dark:bg-zinc-900/95 dark:text-zinc-200"
    >
      <span role="status">실제 클러스터에서 나머지 오브젝트를 받는 중…</span>
      <span className="whitespace-nowrap tabular-nums">
        {done.toLocaleString('ko-KR')} / {total.toLocaleString('ko-KR')}개
      </span>
      <ProgressBar done={done} total={total} label="클러스터 스냅샷 받기" className="h-1.5 w-16 shrink-0 bg-zinc-200 dark:bg-zinc-700" />
    </div>
  );
}
