import { IntentLink } from './intent-link';
import { NavLinks } from './nav-links';
import { ThemeToggle } from './theme-toggle';
import { DataSourceBadge } from './data-source-badge';
import { SourceSwitch } from './source-switch';
import { ConnectionBadge } from './connection-badge';

export function Header() {
  return (
    <header className="group/header sticky top-0 z-40 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
      <div className="mx-auto flex h-14 max-w-[1920px] items-center gap-2 px-3 sm:gap-4 sm:px-4">
        <IntentLink href="/" className="flex shrink-0 items-center gap-2 whitespace-nowrap font-bold text-zinc-900 dark:text-white">
          <span aria-hidden="true" className="inline-flex h-7 w-7 items-center justify-center rounded-md bg-brand-500 text-white">
            ⎈
          </span>
          {/* Beside a real cluster's switch a small tablet keeps only the logo; the name stays for screen readers. */}
          <span className="group-has-[[data-testid=source-switch]]/header:max-md:sr-only">쿠버네티스 실습실</span>
        </IntentLink>
        <nav aria-label="주 메뉴" className="sm:ml-2">
          <NavLinks />
        </nav>
        <div className="ml-auto flex min-w-0 items-center gap-2 sm:gap-3">
          {/* A phone has no room for the source switch; it keeps the source chosen on a bigger screen. */}
          <div className="hidden sm:contents">
            <SourceSwitch />
          </div>
          <ConnectionBadge />
          <DataSourceBadge />
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
