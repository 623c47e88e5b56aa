/** The network tools an image can ship, as shell commands (lib/sim/shell's extension point). */
import type { ShellCommand } from '../../shell';
import { curl } from './curl';
import { wget } from './wget';
import { nslookup } from './nslookup';

const TOOLS: Record<'curl' | 'wget' | 'nslookup', ShellCommand> = { curl, wget, nslookup };

/**
 * The commands for an image's `tools` list. Not memoised here: containers get theirs through run-container's
 * imageCommands, which keeps one object per (tools, systemTools) combination.
 */
export function networkTools(tools: readonly ('curl' | 'wget' | 'nslookup')[] | undefined): Readonly<Record<string, ShellCommand>> | undefined {
  if (!tools?.length) return undefined;
  return Object.fromEntries(tools.map((t) => [t, TOOLS[t]]));
}
