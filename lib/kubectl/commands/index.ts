/** Verb → handler. Handlers print their own output and return the exit code; they may throw to report errors. */
import type { KubectlContext } from '../context';
import type { ParsedCommand } from '../parse';
import { runAnnotate } from './annotate';
import { runApply } from './apply';
import { runCreate, runRun } from './create';
import { runDescribe } from './describe';
import { runGet } from './get';
import { runExplain } from './explain';
import { runApiResources, runClusterInfo, runCompletion, runVersion } from './info';
import { runLogs } from './logs';
import { runExec } from './exec';
import { runDelete, runExpose, runLabel, runScale, runSetImage } from './mutate';
import { runCordon, runDrain } from './node';
import { runRollout } from './rollout';
import { runTop } from './top';

export type CommandHandler = (cmd: ParsedCommand, ctx: KubectlContext) => Promise<number>;

// Null prototype: a typed word like `toString` or `__proto__` must not find Object.prototype members.
export const COMMANDS: Record<string, CommandHandler> = Object.assign(Object.create(null), {
  get: runGet,
  describe: runDescribe,
  run: runRun,
  create: runCreate,
  apply: runApply,
  delete: runDelete,
  scale: runScale,
  set: runSetImage,
  rollout: runRollout,
  expose: runExpose,
  label: runLabel,
  annotate: runAnnotate,
  cordon: runCordon,
  uncordon: runCordon,
  drain: runDrain,
  top: runTop,
  logs: runLogs,
  exec: runExec,
  explain: runExplain,
  version: runVersion,
  'cluster-info': runClusterInfo,
  'api-resources': runApiResources,
  completion: runCompletion,
} satisfies Record<string, CommandHandler>);
