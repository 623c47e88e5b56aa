'use client';

import { usePathname } from 'next/navigation';
import { useCallback, useRef, useState } from 'react';
import { useDismiss } from '@/components/ui/use-dismiss';
import { useMediaQuery } from '@/components/ui/use-media-query';
import { useLiveInfo } from './live-info';
import { IntentLink } from './intent-link';

const LINKS = [
  { href: '/', label: '커리큘럼', match: (p: string) => p === '/' || p.startsWith('/learn') },
  { href: '/playground', label: '실습장', match: (p: string) => p.startsWith('/playground') },
  { href: '/glossary', label: '용어집', match: (p: string) => p.startsWith('/glossary') },
  { href: '/instructor', label: '강사 모드', match: (p: string) => p.startsWith('/instructor') },
];

/** A tablet: from Tailwind's `sm` up to below `lg`. */
const TABLET_QUERY = '(min-width: 640px) and (max-width: 1023.98px)';

/**
 * The main menu: a row of links from 640 px up; below that one ☰ 메뉴 button opening the same links as a
 * list (a phone has no room for four links beside the title). On a tablet the menu folds the same way
 * when the server has a real cluster, to leave room for the source switch and the connection badges.
 * Escape, a click outside or following a link closes it.
 */
export function NavLinks() {
  const pathname = usePathname() ?? '/';
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const root = useRef<HTMLDivElement>(null);
  const tablet = useMediaQuery(TABLET_QUERY);
  const live = useLiveInfo()?.mode === 'live';
  const folded = tablet && live;

  useDismiss(open, root, close);

  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="main-menu"
        aria-label="메뉴"
        onClick={() => setOpen((o) => !o)}
        className={`inline-flex h-9 w-9 items-center justify-center rounded-md border border-zinc-300 text-lg dark:border-zinc-700 ${folded ? '' : 'sm:hidden'}`}
      >
        <span aria-hidden="true">☰</span>
      </button>
      <ul
        id="main-menu"
        className={`${
          open ? 'absolute left-0 top-11 z-50 flex min-w-40 flex-col rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900' : 'hidden'
        } gap-1 ${folded ? '' : 'sm:static sm:flex sm:min-w-0 sm:flex-row sm:items-center sm:border-0 sm:bg-transparent sm:p-0 sm:shadow-none dark:sm:bg-transparent'}`}
      >
        {LINKS.map((l) => {
          const active = l.match(pathname);
          return (
            <li key={l.href}>
              <IntentLink
                href={l.href}
                aria-current={active ? 'page' : undefined}
                onClick={() => setOpen(false)}
                className={`block whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium ${
                  active
                    ? 'bg-brand-50 text-brand-700 dark:bg-zinc-800 dark:text-white'
                    : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800'
                }`}
              >
                {l.label}
              </IntentLink>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
