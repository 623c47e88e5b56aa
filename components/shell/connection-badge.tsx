'use client';

import { useEffect, useState } from 'react';
import { CONNECTION_EVENT, currentConnection, type ConnectionAnnouncement } from '@/lib/cluster/source';

const LABELS = {
  connecting: { text: '연결 중', icon: '…', tone: 'bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200' },
  connected: { text: '연결됨', icon: '●', tone: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100' },
  reconnecting: { text: '재연결 중', icon: '↻', tone: 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100' },
  disconnected: { text: '연결 끊김', icon: '✕', tone: 'bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100' },
} as const;

/** The live cluster connection: 연결됨 / 재연결 중 / 연결 끊김 with the reason. Hidden while no live client exists. */
export function ConnectionBadge() {
  const [conn, setConn] = useState<ConnectionAnnouncement | null>(null);
  useEffect(() => {
    setConn(currentConnection());
    const on = (e: Event) => setConn((e as CustomEvent<ConnectionAnnouncement | null>).detail);
    window.addEventListener(CONNECTION_EVENT, on);
    return () => window.removeEventListener(CONNECTION_EVENT, on);
  }, []);
  if (!conn) return null;
  const label = LABELS[conn.state];
  const reason = conn.state === 'connected' ? undefined : conn.reason;
  return (
    <span
      role="status"
      aria-live="polite"
      data-testid="connection-badge"
      data-state={conn.state}
      title={reason}
      className={`inline-flex min-w-0 max-w-[22rem] items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-semibold ${label.tone}`}
    >
      <span aria-hidden="true" className="shrink-0">
        {label.icon}
      </span>
      <span className="shrink-0 whitespace-nowrap">{label.text}</span>
      {/* Below 1280 px the header has no room for the reason: the badge's tooltip and screen readers still give it. */}
      {reason ? <span className="min-w-0 truncate font-normal max-xl:sr-only">— {reason}</span> : null}
    </span>
  );
}
