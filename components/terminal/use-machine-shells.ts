'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { loginShell, type MachineShell, type MachineWorld } from '@/lib/machines';

/**
 * The machine's login shell (like an SSH session left open) and which machine the terminal types into. A world
 * reset (simulator reset) gives fresh machines, and with them fresh shells.
 */
export function useMachineShells(world: MachineWorld | null) {
  const [active, setActive] = useState('master');
  const activeRef = useRef(active);
  useEffect(() => {
    activeRef.current = active;
  }, [active]);

  const shellFor = useCallback(
    (name: string): MachineShell | null => {
      // the machine's shared login shell, so a scenario's lines and the terminal's see the same files and aliases
      return world ? loginShell(world, name) : null;
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
