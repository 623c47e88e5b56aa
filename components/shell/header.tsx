import Link from 'next/link';
import { NavLinks } from './nav-links';
import { ThemeToggle } from './theme-toggle';
import { DataSourceBadge } from './data-source-badge';
import { SourceSwitch } from './source-switch';
import { ConnectionBadge } from './connection-badge';

export function Header() {
  return (
    <header className="sticky top-0 z-40 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
      <div className="mx-auto flex h-14 max-w-[1920px] items-center gap-4 px-4">
        <Link href="/" className="flex items-center gap-2 font-bold text-zinc-900 dark:text-white">
          <span aria-hidden="true" className="inline-flex h-7 w-7 items-center justify-center rounded-md bg-brand-500 text-white">
            ⎈
          </span>
          <span>쿠버네티스 실습실</span>
        </Link>
        <nav aria-label="주 메뉴" className="ml-2">
          <NavLinks />
        </nav>
        <div className="ml-auto flex items-center gap-3">
          <SourceSwitch />
          <ConnectionBadge />
          <DataSourceBadge />
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
