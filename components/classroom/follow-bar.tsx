'use client';

import type { Membership } from './membership';
import { InstructorBroadcast } from './instructor-broadcast';
import { StudentFollow } from './student-follow';

/** Follow me in the Playground: the instructor's broadcast controls, or a joined student's "follow" switch. */
export function FollowBar({ teaching, membership }: { teaching: { code: string; key: string } | null; membership: Membership | null }) {
  if (teaching) return <InstructorBroadcast code={teaching.code} instructorKey={teaching.key} />;
  if (membership) return <StudentFollow membership={membership} />;
  return null;
}

/** The bar's look: one thin row above the Playground, like the saved-lab notice. */
export const BAR = 'flex shrink-0 flex-wrap items-center gap-x-3 gap-y-1 border-b px-3 py-1.5 text-sm';
export const BAR_BUTTON = 'rounded border px-2 py-0.5 text-xs font-semibold disabled:opacity-50';
