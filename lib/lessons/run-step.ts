/** A guided "실행" step; `machine` is the machine's shell it runs in (bare-machines lessons). */
export interface RunStep {
  cmd: string;
  machine?: string;
}

/** The progress id of a step: its command, prefixed by its machine (the same line on three machines is three steps). */
export function runStepId(step: RunStep): string {
  return step.machine ? `${step.machine}: ${step.cmd}` : step.cmd;
}
