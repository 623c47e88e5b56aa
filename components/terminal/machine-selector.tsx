'use client';

import type { MachineSpec } from '@/lib/machines';

/**
 * "SSH sessions" to the lab's machines: one button per machine, the active one pressed. One row at every width (a
 * phone scrolls it sideways and shows the IPs only in each button's title), so the terminal below keeps its height.
 */
export function MachineSelector({ machines, active, onSelect }: { machines: readonly MachineSpec[]; active: string; onSelect: (name: string) => void }) {
  return (
    <div role="tablist" aria-label="접속할 머신" className="flex shrink-0 items-center gap-1 overflow-x-auto whitespace-nowrap border-b border-zinc-800 bg-zinc-900 px-2 py-1 font-sans text-xs">
      <span className="mr-1 hidden text-zinc-400 sm:inline">접속한 머신</span>
      {machines.map((m) => (
        <button
          key={m.name}
          type="button"
          role="tab"
          aria-selected={m.name === active}
          data-machine={m.name}
          title={`${m.name} (${m.ip})`}
          onClick={() => onSelect(m.name)}
          className={`rounded px-2 py-0.5 font-mono ${m.name === active ? 'bg-emerald-700 text-white' : 'text-zinc-300 hover:bg-zinc-800'}`}
        >
          {m.name}{' '}
          <span className={`sr-only sm:not-sr-only sm:ml-1 ${m.name === active ? 'text-emerald-50' : 'text-zinc-400'}`}>{m.ip}</span>
        </button>
      ))}
    </div>
  );
}
