'use client';

import { useEffect, useState } from 'react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { FollowNav } from '@/lib/classroom/follow-protocol';
import { followFeedFor } from './follow-feed';
import type { Membership } from './membership';

const seenKey = (code: string) => `k8s-ko-class-nav-seen:${code}`;

function seenVersion(code: string): number {
  try {
    return Number(window.sessionStorage.getItem(seenKey(code)) ?? 0);
  } catch {
    return 0;
  }
}

/**
 * "강사가 이 레슨으로 안내했어요": a notice with a button, never a jump — a student in the middle of typing
 * a command keeps their page until they choose to go. Shown once per instruction (per tab).
 */
export function ClassNavNotice({ membership }: { membership: Membership }) {
  const pathname = usePathname();
  const [nav, setNav] = useState<FollowNav | null>(null);
  const [seen, setSeen] = useState(0);
  useEffect(() => {
    setSeen(seenVersion(membership.code));
    return followFeedFor(membership.code, membership.rejoin).subscribe((s) => setNav(s.nav));
  }, [membership.code, membership.rejoin]);

  if (!nav || nav.version <= seen) return null;
  const href = `/learn/${nav.lesson}${nav.anchor ? `#${encodeURIComponent(nav.anchor)}` : ''}`;
  const here = pathname === `/learn/${nav.lesson}`;
  const dismiss = () => {
    try {
      window.sessionStorage.setItem(seenKey(membership.code), String(nav.version));
    } catch {
      // storage off: the notice goes away for this page view only
    }
    setSeen(nav.version);
  };
  if (here && !nav.anchor) return null;
  return (
    <div
      role="status"
      data-class-nav=""
      className="fixed inset-x-2 bottom-2 z-40 flex flex-wrap items-center gap-2 rounded-xl border border-sky-300 bg-white p-3 text-sm shadow-lg sm:inset-x-auto sm:right-4 sm:bottom-4 sm:max-w-sm dark:border-sky-800 dark:bg-zinc-900"
    >
      <p className="m-0 min-w-0 flex-1">
        강사가 <strong>{nav.title}</strong> 레슨으로 안내했어요.
      </p>
      <Link href={href} onClick={dismiss} className="rounded-md bg-sky-600 px-3 py-1.5 font-semibold text-white hover:bg-sky-700">
        이동하기
      </Link>
      <button type="button" onClick={dismiss} className="rounded-md border border-zinc-300 px-3 py-1.5 font-semibold hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
        나중에
      </button>
    </div>
  );
}
