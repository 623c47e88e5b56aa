import { describe, expect, it } from 'vitest';
import { parseScenarioReveal, scenarioRevealName } from './start-request';

describe('scenario start requests over the bus', () => {
  it('round-trips id and step', () => {
    expect(parseScenarioReveal(scenarioRevealName('rolling-update'))).toEqual({ id: 'rolling-update', step: 0 });
    expect(parseScenarioReveal(scenarioRevealName('node-failure', 3))).toEqual({ id: 'node-failure', step: 3 });
  });

  it('ignores the panels other listeners use and malformed names', () => {
    for (const p of ['terminal', 'editor', 'scenario:', 'scenario:Bad_Id', 'scenario:x@y']) expect(parseScenarioReveal(p)).toBeNull();
  });
});
