/**
 * Share links carry everything a student's browser needs to rebuild the instructor's simulated cluster:
 * `?seed=7&scenario=rolling-update&step=3` (plus `present=1` for the presenter view). The simulator is
 * deterministic, so seed + scenario + step reproduce the same pod names.
 */

export interface ShareState {
  seed: number;
  scenario?: string;
  /** 0 = starting cluster; k = after step k. */
  step?: number;
  present?: boolean;
}

const SCENARIO_ID = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const MAX_SEED = 2 ** 31;

function intParam(raw: string | null, max: number): number | undefined {
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n < max ? n : undefined;
}

/** Build the link; keeps the page's path and any unrelated query parameters. */
export function encodeShareLink(state: ShareState, base: string): string {
  const url = new URL(base);
  for (const k of ['seed', 'scenario', 'step', 'present']) url.searchParams.delete(k);
  url.searchParams.set('seed', String(state.seed));
  if (state.scenario) {
    url.searchParams.set('scenario', state.scenario);
    url.searchParams.set('step', String(state.step ?? 0));
  }
  if (state.present) url.searchParams.set('present', '1');
  url.hash = '';
  return url.toString();
}

/** Read a link's query string; anything malformed is dropped rather than guessed. */
export function decodeShareLink(search: string | URLSearchParams): Partial<ShareState> {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const out: Partial<ShareState> = {};
  const seed = intParam(params.get('seed'), MAX_SEED);
  if (seed !== undefined) out.seed = seed;
  const scenario = params.get('scenario');
  if (scenario && SCENARIO_ID.test(scenario)) {
    out.scenario = scenario;
    out.step = intParam(params.get('step'), 1000) ?? 0;
  }
  if (params.get('present') === '1') out.present = true;
  return out;
}

/**
 * The page address that opens a scenario on the right kind of lab: bare machines (`machines=1`) for a scenario that
 * builds its cluster with kubeadm, the ready-made cluster otherwise. Other parameters (seed, present) stay.
 */
export function scenarioLabLink(scenario: string, machines: boolean, base: string): string {
  const url = new URL(base);
  if (machines) url.searchParams.set('machines', '1');
  else url.searchParams.delete('machines');
  url.searchParams.set('scenario', scenario);
  url.searchParams.set('step', '0');
  url.hash = '';
  return url.toString();
}
