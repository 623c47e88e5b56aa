'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { MachineShell, type MachineWorld } from '@/lib/machines';

/**
 * One shell per machine, kept while the page lives (like SSH sessions left open), and which one the terminal
 * types into. A world reset (simulator reset) gives fresh machines, so a shell for an old machine is replaced.
 */
export function useMachineShells(world: MachineWorld | null) {
  const [active, setActive] = useState('master');
  const shells = useRef(new Map<string, MachineShell>());
  const activeRef = useRef(active);
  useEffect(() => {
    activeRef.current = active;
  }, [active]);

  const shellFor = useCallback(
    (name: string): MachineShell | null => {
      if (!world) return null;
      let shell = shells.current.get(name);
      if (!shell || shell.machine !== world.machine(name)) {
        shell = new MachineShell(world, name);
        shells.current.set(name, shell);
      }
      return shell;
    },
    [world],
  );
  const current = useCallback(() => shellFor(activeRef.current), [shellFor]);
  /** Switch now (not at the next render), so a line run right after goes to the chosen machine. */
  const select = useCallback((name: string) => {
    activeRef.current = name;
    setActive(name);
  }, []);
  const activeNow = useCallback(() => activeRef.current, []);
  return { active, select, activeNow, current };
}
