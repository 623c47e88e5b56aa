/** A centred, announced loading line in Korean, for the Playground's lazily loaded parts. */
export function Loading({ text }: { text: string }) {
  return (
    <p role="status" className="flex h-full items-center justify-center text-sm text-zinc-600 dark:text-zinc-400">
      {text}
    </p>
  );
}

/**
 * A big cluster's objects coming into the page (lib/store/connect-client.ts), or a live cluster's first snapshot
 * arriving (`what` and `verb` say so): a bar with the count, announced as a progress bar, where the graph or the list
 * will be once all are in.
 */
export function LoadingProgress({ done, total, what = '클러스터 오브젝트', verb = '불러오는 중…' }: { done: number; total: number; what?: string; verb?: string }) {
  const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
  const label = `${what} ${done.toLocaleString('ko-KR')} / ${total.toLocaleString('ko-KR')}개를 ${verb}`;
  return (
    <div data-cluster-loading="" className="flex h-full flex-col items-center justify-center gap-3 p-6 text-sm text-zinc-700 dark:text-zinc-300">
      <p>{label}</p>
      <div
        role="progressbar"
        aria-label="클러스터 불러오기"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${percent}%`}
        className="h-2 w-full max-w-sm overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        {/* scaled, not sized: a transform animates on the compositor, where a width transition laid out the page every frame */}
        <div className="h-full origin-left rounded-full bg-brand-500 transition-transform duration-150" style={{ transform: `scaleX(${percent / 100})` }} />
      </div>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">파드가 많으면 그래프는 모두 불러온 뒤 한 번에 그려요.</p>
    </div>
  );
}
