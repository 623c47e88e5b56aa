'use client';

import { usePathname } from 'next/navigation';

/** The current lesson's slug from `/learn/<slug>`; progress is keyed by it. */
export function useLessonSlug(): string {
  const path = usePathname() ?? '';
  const m = /\/learn\/([^/?#]+)/.exec(path);
  return m ? decodeURIComponent(m[1]) : 'playground';
}
