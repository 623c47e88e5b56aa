'use client';

import { useEffect, useState } from 'react';
import { useLazyComponent } from '@/components/playground/use-lazy-component';
import { instructorClasses, MEMBERSHIP_CHANGED } from './membership';
import { useMembership } from './use-membership';

const loadFollowBar = () => import('./follow-bar').then((m) => m.FollowBar);

/**
 * The Playground's place for follow me (따라오기): nothing at all unless this browser joined a class or holds
 * an instructor key; then the follow bar's code loads.
 */
export function ClassFollowSlot() {
  const membership = useMembership();
  const [teaching, setTeaching] = useState<{ code: string; key: string } | null>(null);
  useEffect(() => {
    const read = () => setTeaching(instructorClasses().at(-1) ?? null);
    read();
    window.addEventListener(MEMBERSHIP_CHANGED, read);
    return () => window.removeEventListener(MEMBERSHIP_CHANGED, read);
  }, []);
  if (!teaching && !membership) return null;
  return <LoadedFollowBar teaching={teaching} membership={membership ?? null} />;
}

function LoadedFollowBar(props: Parameters<Awaited<ReturnType<typeof loadFollowBar>>>[0]) {
  const FollowBar = useLazyComponent(loadFollowBar);
  // eslint-disable-next-line react-hooks/static-components -- loaded once per loader and cached: a stable component
  return FollowBar ? <FollowBar {...props} /> : null;
}
