/**
 * A following student's copy of the instructor's cluster: a simulator of its own, built from the broadcast's
 * recipe (seed, the lesson's setup, then the instructor's writes at their simulated times — replayLab, the
 * same replay that restores a saved lab) and kept in step with the instructor's clock. The student's own
 * cluster is a different SimClient that nobody touches meanwhile, so leaving shows it exactly as it was.
 * No DOM, no React: runs in the browser and in tests.
 */
import { SimClient } from '@/lib/cluster/sim-client';
import { forbidden } from '@/lib/k8s/status';
import { replayLab } from '@/lib/store/lab-journal';
import type { ClusterClient, TimeControls } from '@/lib/cluster/types';
import type { FollowClock, FollowMessage, FollowSnapshot } from './follow-protocol';

const READ_ONLY = '따라오기 중에는 강사의 클러스터를 바꿀 수 없습니다. "내 클러스터로 돌아가기"를 누르면 내 실습을 이어서 할 수 있어요.';
const refuse = () => Promise.reject(forbidden(undefined, '', READ_ONLY));

export type FollowStep = 'applied' | 'resync';

export class FollowReplica {
  readonly session: string;
  /** Entries applied so far (the index the next `append` must start at). */
  count: number;
  private clock: FollowClock;
  readonly client: ClusterClient;

  private constructor(
    private readonly sim: SimClient,
    snap: FollowSnapshot,
  ) {
    this.session = snap.session;
    this.count = snap.entries.length;
    this.clock = snap.clock;
    this.client = readOnlyView(sim, () => this.clock);
  }

  /** Builds the instructor's cluster as of the snapshot. Throws if the recipe no longer applies. */
  static async start(snap: FollowSnapshot, runSetupLine: (line: string, client: SimClient) => Promise<void>): Promise<FollowReplica> {
    const sim = new SimClient({
      seed: snap.seed,
      autoplay: false,
      onReset: async (c) => {
        for (const line of snap.setup) await runSetupLine(line, c);
        c.advance(snap.settleMs);
      },
    });
    await sim.ready;
    try {
      replayLab(sim.engine(), snap.entries, snap.clock.now);
      sim.advance(0);
    } catch (e) {
      sim.dispose();
      throw e;
    }
    return new FollowReplica(sim, snap);
  }

  /** Applies a live message; 'resync' when it does not continue this replica (a new session, a gap). */
  apply(m: FollowMessage): FollowStep {
    if (m.type === 'append') {
      if (m.session !== this.session || m.from !== this.count) return 'resync';
      try {
        replayLab(this.sim.engine(), m.entries, m.clock.now);
      } catch {
        return 'resync';
      }
      this.count += m.entries.length;
      this.clock = m.clock;
      this.sim.advance(0);
      return 'applied';
    }
    if (m.type === 'clock') {
      if (m.session !== this.session) return 'resync';
      this.clock = m.clock;
      // Never run ahead of the instructor: the next write is stamped at their time, which must not be past.
      const behind = m.clock.now - this.sim.time.now();
      if (behind > 0) this.sim.advance(behind);
      return 'applied';
    }
    return 'resync';
  }

  now(): number {
    return this.sim.time.now();
  }

  dispose(): void {
    this.sim.dispose();
  }
}

/** The replica as the Playground sees it: every read, no writes, and a clock that follows the instructor's. */
function readOnlyView(sim: SimClient, clock: () => FollowClock): ClusterClient {
  const noop = () => {};
  const time: TimeControls = {
    playing: () => clock().playing,
    setPlaying: noop,
    speed: () => clock().speed,
    setSpeed: noop,
    step: noop,
    now: () => sim.time.now(),
    reset: noop,
    timings: () => sim.time.timings(),
    onChange: sim.time.onChange,
  };
  return {
    mode: 'sim',
    info: () => ({ ...sim.info(), server: '강사 클러스터 (따라오기)', writable: false }),
    list: (...args) => sim.list(...args),
    get: (...args) => sim.get(...args),
    create: refuse,
    update: refuse,
    patch: refuse,
    delete: refuse,
    cached: () => sim.cached(),
    subscribe: (cb) => sim.subscribe(cb),
    connection: () => 'connected',
    onConnection: () => noop,
    time,
    dispose: noop,
  };
}
