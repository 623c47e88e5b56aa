/** The container shell: a small deterministic sh for busybox/alpine/ubuntu-style images (see run.ts). */
export { runShellScript, runArgv } from './run';
export { sleepMs } from './commands';
export { linesUntil, type TimedText } from './output';
export type { OutputLine, ShellInput, ShellResult, ShellCommand, NetworkClient, HttpCall, HttpOutcome, DnsAnswer } from './types';
