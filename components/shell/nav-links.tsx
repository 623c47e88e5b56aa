'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/', label: '커리큘럼', match: (p: string) => p === '/' || p.startsWith('/learn') },
  { href: '/playground', label: '실습장', match: (p: string) => p.startsWith('/playground') },
  { href: '/glossary', label: '용어집', match: (p: string) => p.startsWith('/glossary') },
  { href: '/instructor', label: '강사 모드', match: (p: string) => p.startsWith('/instructor') },
];

export function NavLinks() {
  const pathname = usePathname() ?? '/';
  return (
    <ul className="flex items-center gap-1">
      {LINKS.map((l) => {
        const active = l.match(pathname);
        return (
          <li key={l.href}>
            <Link
              href={l.href}
              aria-current={active ? 'page' : undefined}
              className={`rounded-md px-3 py-1.5 text-sm font-medium ${
                active
                  ? 'bg-brand-50 text-brand-700 dark:bg-zinc-800 dark:text-white'
                  : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800'
              }`}
            >
              {l.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
