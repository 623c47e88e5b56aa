/**
 * The in-browser kubectl: `parseKubectl` (pure) and `executeKubectl`, which runs one command line against a
 * ClusterClient and prints what kubectl would print. Never throws: every failure is printed kubectl's way
 * followed by exactly one Korean hint line.
 */
import { describeError } from './errors';
import { KubectlError, err, namespaceOf, type KubectlContext } from './context';
import { notFoundHint } from './not-found-hint';
import { parseKubectl as parse, type ParsedCommand } from './parse';
import { COMMANDS } from './commands';
import { VERBS } from './commands-spec';
import { helpText } from './commands/help';
import { LAPTOP_PROGRAMS, runOnLaptop } from './commands/laptop';
import { TRAFFIC_PROGRAM, runTraffic } from './commands/traffic';
import { tokenize } from './tokenize';

export type { KubectlContext } from './context';
export type { ParsedCommand, FlagValue } from './parse';
export { completeKubectl, type Completion } from './complete';

/** Parse a command line (`kubectl …` or `k …`). Pure, never throws. */
export function parseKubectl(line: string): { ok: true; command: ParsedCommand } | { ok: false; error: string; hint?: string } {
  return parse(line);
}

/** A line the terminal runs as a program beside kubectl (`curl …`, `traffic …`) rather than as a kubectl command. */
export function isTerminalProgram(line: string): boolean {
  const words = tokenize(line);
  return words.ok && (LAPTOP_PROGRAMS.has(words.words[0]) || words.words[0] === TRAFFIC_PROGRAM);
}

/** Run one command line. Resolves with kubectl's exit code; never rejects. */
export async function executeKubectl(line: string, ctx: KubectlContext): Promise<{ exitCode: number }> {
  const safe = guardedContext(ctx);
  let namespace = 'default';
  try {
    const words = tokenize(line);
    if (words.ok && LAPTOP_PROGRAMS.has(words.words[0])) return { exitCode: await runOnLaptop(words.words, safe) };
    if (words.ok && words.words[0] === TRAFFIC_PROGRAM) return { exitCode: await runTraffic(words.words, safe) };
    const parsed = parse(line);
    if (!parsed.ok) {
      err(safe, parsed.error);
      err(safe, parsed.hint ?? "힌트: 'help'를 입력하면 쓸 수 있는 명령을 볼 수 있어요.");
      return { exitCode: 1 };
    }
    namespace = namespaceOf(parsed.command.flags);
    return { exitCode: await run(parsed.command, safe) };
  } catch (e) {
    const printed = describeError(e);
    err(safe, printed.message);
    err(safe, (await notFoundHint(safe, e, namespace)) ?? printed.hint);
    return { exitCode: printed.exitCode };
  }
}

async function run(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  if (cmd.verb === '' || cmd.verb === 'clear') return 0;
  if (cmd.flags.help === true || cmd.verb === 'help') {
    ctx.write(helpText(cmd.verb === 'help' ? cmd.args[0] : cmd.verb), 'stdout');
    return 0;
  }
  const handler = COMMANDS[cmd.verb];
  if (!handler) {
    throw new KubectlError(
      `error: "kubectl ${cmd.verb}" is not available in this practice terminal`,
      `힌트: 'kubectl ${cmd.verb}'(${VERBS[cmd.verb]?.help ?? cmd.verb})은 이 연습용 터미널에서 아직 지원하지 않아요. 'help'로 지원하는 명령을 확인해 보세요.`,
    );
  }
  return handler(cmd, ctx);
}

/** A write that can't throw into the executor (the terminal may have unmounted). */
function guardedContext(ctx: KubectlContext): KubectlContext {
  return {
    ...ctx,
    write: (text, stream) => {
      try {
        ctx.write(text, stream);
      } catch {
        // output sink gone; nothing useful to do
      }
    },
  };
}
