/** The network tools an image can ship, as shell commands (lib/sim/shell's extension point). */
import type { ShellCommand } from '../../shell';
import { curl } from './curl';
import { wget } from './wget';
import { nslookup } from './nslookup';

const TOOLS: Record<'curl' | 'wget' | 'nslookup', ShellCommand> = { curl, wget, nslookup };

const cache = new Map<string, Readonly<Record<string, ShellCommand>>>();

/** The commands for an image's `tools` list (one shared object per list). */
export function networkTools(tools: readonly ('curl' | 'wget' | 'nslookup')[] | undefined): Readonly<Record<string, ShellCommand>> | undefined {
  if (!tools?.length) return undefined;
  const key = tools.join(',');
  let hit = cache.get(key);
  if (!hit) cache.set(key, (hit = Object.fromEntries(tools.map((t) => [t, TOOLS[t]]))));
  return hit;
}
