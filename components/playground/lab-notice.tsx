'use client';

import { usePlayground } from '@/components/wiring/playground-context';

/** What became of the saved practice cluster on this load, with a way back to a fresh start. */
export function LabNotice() {
  const { labNotice, dismissLabNotice, client, seed } = usePlayground();
  if (!labNotice) return null;
  return (
    <div role="status" data-lab-notice className="flex shrink-0 flex-wrap items-center gap-x-3 gap-y-1 border-b border-amber-300 bg-amber-50 px-3 py-1.5 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50">
      <span className="min-w-0 flex-1">{labNotice.text}</span>
      {labNotice.restored && client?.time && (
        <button
          type="button"
          onClick={() => {
            client.time?.reset(seed);
            dismissLabNotice();
          }}
          className="rounded border border-amber-700/40 px-2 py-0.5 text-xs font-semibold hover:bg-amber-200 dark:hover:bg-amber-800"
        >
          처음부터 다시 시작
        </button>
      )}
      <button type="button" onClick={dismissLabNotice} className="rounded border border-amber-700/40 px-2 py-0.5 text-xs font-semibold hover:bg-amber-200 dark:hover:bg-amber-800">
        닫기
      </button>
    </div>
  );
}
