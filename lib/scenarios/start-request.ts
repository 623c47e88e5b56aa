/**
 * A lesson asks the instructor tools on the same page to start a scenario through the Playground bus's generic
 * `reveal(panel)` channel, as `scenario:<id>` (other listeners ignore names they don't know), so no new bus API is
 * needed. Pure helpers, shared by the sender and the receiver.
 */

const PREFIX = 'scenario:';

export interface ScenarioStartRequest {
  id: string;
  step: number;
}

/** `scenario:rolling-update` or `scenario:rolling-update@2`. */
export function scenarioRevealName(id: string, step = 0): string {
  return step > 0 ? `${PREFIX}${id}@${step}` : `${PREFIX}${id}`;
}

/** The request a reveal name carries, or null for any other panel name. */
export function parseScenarioReveal(panel: string): ScenarioStartRequest | null {
  const m = /^scenario:([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?:@(\d{1,3}))?$/.exec(panel);
  return m ? { id: m[1], step: m[2] ? Number(m[2]) : 0 } : null;
}
