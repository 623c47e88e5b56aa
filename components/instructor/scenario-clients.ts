/**
 * Clusters a lesson's scenario player created to show in place of the student's own. Keyed by the client object, so
 * nothing outlives its page; a second "시나리오로 보기" on the same page knows one is already playing.
 */
export const lessonScenarioClients = new WeakSet<object>();
