'use client';

import { createContext, useContext, useEffect, useState } from 'react';
import { MountPacer } from '@/lib/graph/mount-pacer';

/** Full node boxes mounted per frame in a big cluster (lib/graph/mount-pacer.ts): ~180 at once made 400–500 ms tasks. */
const BOXES_PER_FRAME = 6;

/** The graph's pacer, or null where every box renders in full at once (a small cluster). */
export const MountPacerContext = createContext<MountPacer | null>(null);

export const createBoxPacer = () => new MountPacer(BOXES_PER_FRAME, (run) => requestAnimationFrame(run));

/** False until this component's turn comes (at once without a pacer); once true, stays true while mounted. */
export function useMountTurn(): boolean {
  const pacer = useContext(MountPacerContext);
  const [granted, setGranted] = useState(pacer === null);
  useEffect(() => {
    if (granted || pacer === null) return;
    return pacer.request(() => setGranted(true));
  }, [granted, pacer]);
  return granted || pacer === null;
}
