import type { ReactNode } from 'react';

const TONES = {
  info: { icon: 'ℹ️', label: '참고', box: 'border-brand-500 bg-brand-50 dark:bg-zinc-900' },
  tip: { icon: '💡', label: '팁', box: 'border-emerald-500 bg-emerald-50 dark:bg-emerald-950/30' },
  warn: { icon: '⚠️', label: '주의', box: 'border-amber-500 bg-amber-50 dark:bg-amber-950/30' },
} as const;

/** A highlighted aside in lesson text: 참고 (info), 팁 (tip) or 주의 (warn). */
export function Callout({ children, title, type = 'info' }: { children: ReactNode; title?: string; type?: keyof typeof TONES }) {
  const tone = TONES[type] ?? TONES.info;
  return (
    <aside className={`my-5 rounded-lg border-l-4 px-4 py-3 ${tone.box}`}>
      <p className="m-0 font-bold">
        <span aria-hidden="true">{tone.icon} </span>
        {title ?? tone.label}
      </p>
      <div className="[&>p:first-child]:mt-1 [&>p:last-child]:mb-0">{children}</div>
    </aside>
  );
}
