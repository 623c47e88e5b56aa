'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useDismiss } from '@/components/ui/use-dismiss';
import { CONNECTION_EVENT, currentConnection, type ConnectionAnnouncement } from '@/lib/cluster/source';

const LABELS = {
  connecting: { text: '연결 중', icon: '…', tone: 'bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200' },
  connected: { text: '연결됨', icon: '●', tone: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100' },
  reconnecting: { text: '재연결 중', icon: '↻', tone: 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100' },
  disconnected: { text: '연결 끊김', icon: '✕', tone: 'bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100' },
  unreachable: { text: '연결 안 됨', icon: '✕', tone: 'bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100' },
} as const;

/**
 * The live cluster connection: 연결 중 / 연결됨 / 재연결 중 / 연결 끊김 / 연결 안 됨 with the reason. Hidden while no live
 * client exists.
 * With a reason, the badge is a button that opens the whole reason below it: from 1280 px the reason also follows the
 * state in the badge (cut short if long); narrower, the header has no room for it, and a tooltip never shows on a
 * touch screen. Screen readers hear every change, reason included (its own live region).
 */
export function ConnectionBadge() {
  const [conn, setConn] = useState<ConnectionAnnouncement | null>(null);
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const root = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    setConn(currentConnection());
    const on = (e: Event) => setConn((e as CustomEvent<ConnectionAnnouncement | null>).detail);
    window.addEventListener(CONNECTION_EVENT, on);
    return () => window.removeEventListener(CONNECTION_EVENT, on);
  }, []);
  const reason = conn && conn.state !== 'connected' ? conn.reason : undefined;
  const shown = open && reason !== undefined;
  useDismiss(shown, root, close);
  if (!conn) return null;
  const label = LABELS[conn.state];
  const className = `inline-flex min-w-0 max-w-[22rem] items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-semibold ${label.tone}`;
  const content = (
    <>
      <span aria-hidden="true" className="shrink-0">
        {label.icon}
      </span>
      <span className="shrink-0 whitespace-nowrap">{label.text}</span>
      {reason ? <span className="min-w-0 truncate font-normal max-xl:sr-only">— {reason}</span> : null}
    </>
  );
  return (
    <span ref={root} className="relative flex min-w-0">
      <span role="status" aria-live="polite" className="sr-only">
        {label.text}
        {reason ? ` — ${reason}` : ''}
      </span>
      {reason ? (
        <button
          type="button"
          data-testid="connection-badge"
          data-state={conn.state}
          title={reason}
          aria-expanded={shown}
          aria-controls="connection-reason"
          onClick={() => setOpen((o) => !o)}
          className={`${className} focus-visible:outline-2 focus-visible:outline-brand-500`}
        >
          {content}
        </button>
      ) : (
        <span data-testid="connection-badge" data-state={conn.state} className={className}>
          {content}
        </span>
      )}
      {shown ? (
        <p
          id="connection-reason"
          className="absolute right-0 top-full z-50 mt-2 w-72 max-w-[calc(100vw-1.5rem)] rounded-lg border border-zinc-200 bg-white p-3 text-xs leading-relaxed text-zinc-800 shadow-lg dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        >
          <span className="font-semibold">{label.text}</span> — {reason}
        </p>
      ) : null}
    </span>
  );
}
