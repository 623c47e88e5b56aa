'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ComponentProps } from 'react';

/**
 * A link that prefetches its page when the reader reaches for it (pointer over it, keyboard focus, a touch),
 * not when it appears. Next's default prefetches every link in view as the page loads: the header's four links made
 * the server render three other pages twice during every load, on the same cores as the page and its engine, and a
 * class of thirty opening one page asked the server for 180 renders nobody had asked for. A link reached for is
 * still ready by the click. The home page's lesson cards are such links too (each card was a lesson page rendered
 * on every visit to the home page).
 */
export function IntentLink({ href, onPointerEnter, onFocus, onTouchStart, ...props }: ComponentProps<typeof Link> & { href: string }) {
  const router = useRouter();
  const prefetch = () => router.prefetch(href);
  return (
    <Link
      {...props}
      href={href}
      prefetch={false}
      onPointerEnter={(e) => {
        prefetch();
        onPointerEnter?.(e);
      }}
      onFocus={(e) => {
        prefetch();
        onFocus?.(e);
      }}
      onTouchStart={(e) => {
        prefetch();
        onTouchStart?.(e);
      }}
    />
  );
}
