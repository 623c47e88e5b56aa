'use client';

import { useSyncExternalStore } from 'react';
import { QrCode } from './qr-code';

const noop = () => () => {};

/** What to project for the room: the join code in big letters, the join link, and its QR code. */
export function JoinInfo({ code }: { code: string }) {
  const origin = useSyncExternalStore(noop, () => window.location.origin, () => '');
  const link = `${origin}/class?code=${code}`;
  return (
    <div className="flex flex-col items-start gap-5 rounded-xl border border-zinc-200 p-5 sm:flex-row sm:items-center dark:border-zinc-800">
      {origin && <QrCode text={link} label={`참여 링크 QR 코드: ${link}`} className="h-44 w-44 shrink-0 rounded-md" />}
      <div className="min-w-0">
        <p className="text-sm font-semibold text-zinc-600 dark:text-zinc-400">참여 코드</p>
        <p className="font-mono text-4xl font-extrabold tracking-[0.2em] sm:text-5xl" data-join-code="">
          {code}
        </p>
        <p className="mt-3 text-sm font-semibold text-zinc-600 dark:text-zinc-400">참여 링크</p>
        <p className="break-all font-mono">{link}</p>
      </div>
    </div>
  );
}
