'use client';

import type { ReactNode } from 'react';

export interface TabSpec<T extends string> {
  id: T;
  label: ReactNode;
}

/**
 * A row of tabs: buttons with role="tab", aria-selected and aria-controls (WAI-ARIA tabs pattern). Each caller keeps
 * its own look (`tabClass`) and may add to a label (`extra`, e.g. a count badge). ←/→ are left to the page: on the
 * instructor page they step the scenario, wherever the focus is.
 */
export function TabList<T extends string>({
  tabs,
  selected,
  onSelect,
  label,
  controls,
  idPrefix,
  className,
  tabClass,
  extra,
}: {
  tabs: readonly TabSpec<T>[];
  selected: T;
  onSelect: (id: T) => void;
  label: string;
  /** id of the panel a tab shows */
  controls: (id: T) => string;
  /** tabs get the id `${idPrefix}-${tab}` (their panels' aria-labelledby) */
  idPrefix?: string;
  className?: string;
  tabClass: (selected: boolean) => string;
  extra?: (id: T) => ReactNode;
}) {
  return (
    <div role="tablist" aria-label={label} className={className}>
      {tabs.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={idPrefix ? `${idPrefix}-${t.id}` : undefined}
          aria-selected={t.id === selected}
          aria-controls={controls(t.id)}
          onClick={() => onSelect(t.id)}
          className={tabClass(t.id === selected)}
        >
          {t.label}
          {extra?.(t.id)}
        </button>
      ))}
    </div>
  );
}
