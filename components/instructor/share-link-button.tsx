'use client';

import { useEffect, useState } from 'react';
import { encodeShareLink } from '@/lib/scenarios/share-link';
import { BUTTON } from './ui';

/** "공유 링크 복사": seed + scenario + step, so every student's browser rebuilds the same simulated cluster. */
export function ShareLinkButton({ seed, scenario, step, disabled }: { seed: number; scenario?: string; step?: number; disabled?: boolean }) {
  const [link, setLink] = useState('');
  const [copied, setCopied] = useState<'idle' | 'ok' | 'manual'>('idle');
  useEffect(() => {
    setLink(encodeShareLink({ seed, scenario, step }, window.location.href));
    setCopied('idle');
  }, [seed, scenario, step]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('ok');
    } catch {
      // Clipboard blocked (insecure origin or permissions): the field below is selected for Ctrl+C instead.
      setCopied('manual');
      (document.getElementById('share-link-field') as HTMLInputElement | null)?.select();
    }
  };

  return (
    <div className="flex min-w-0 flex-1 flex-wrap items-center gap-2">
      <button type="button" className={BUTTON} onClick={copy} disabled={disabled || !link}>
        공유 링크 복사
      </button>
      <input
        id="share-link-field"
        aria-label="공유 링크"
        readOnly
        value={link}
        onFocus={(e) => e.currentTarget.select()}
        className="min-w-0 flex-1 rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
      />
      {/* Presenter mode shows the whole link, wrapped, for students to read off the screen (see presenter-mode.tsx). */}
      <output htmlFor="share-link-field" data-share-link-text="" className="hidden font-mono">
        {link}
      </output>
      <span role="status" className="text-xs">
        {copied === 'ok' ? '복사했습니다' : copied === 'manual' ? 'Ctrl+C로 복사하세요' : ''}
      </span>
    </div>
  );
}
