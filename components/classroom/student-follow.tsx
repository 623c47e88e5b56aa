'use client';

import { useEffect, useRef, useState } from 'react';
import { usePlayground } from '@/components/wiring/playground-context';
import type { ClusterClient } from '@/lib/cluster/types';
import type { SimClient } from '@/lib/cluster/sim-client';
import type { FollowReplica } from '@/lib/classroom/follow-replica';
import type { FollowMessage, FollowSnapshot } from '@/lib/classroom/follow-protocol';
import { EchoCursor, followedCommands } from '@/lib/classroom/follow-terminal';
import { followFeedFor } from './follow-feed';
import type { Membership } from './membership';
import { BAR, BAR_BUTTON } from './follow-bar';

async function buildReplica(snap: FollowSnapshot): Promise<FollowReplica> {
  const [{ FollowReplica }, { executeKubectl }] = await Promise.all([import('@/lib/classroom/follow-replica'), import('@/lib/kubectl')]);
  const files = new Map<string, string>();
  return FollowReplica.start(snap, async (line: string, c: SimClient) => void (await executeKubectl(line, { client: c, files, write: () => {}, now: () => c.time.now() })));
}

type Phase = { kind: 'own' } | { kind: 'starting' } | { kind: 'following'; replica: FollowReplica } | { kind: 'failed'; message: string };

/**
 * A joined student's Playground while the instructor broadcasts: "따라가기" shows the instructor's cluster,
 * rebuilt in a simulator of its own and read-only; the student's own cluster is paused as it is and comes back
 * unchanged on "내 클러스터로 돌아가기" (or when the broadcast ends).
 */
export function StudentFollow({ membership }: { membership: Membership }) {
  const { client, replaceClient } = usePlayground();
  const feed = followFeedFor(membership.code, membership.rejoin);
  const [live, setLive] = useState(feed.state.broadcast !== null);
  const [phase, setPhase] = useState<Phase>({ kind: 'own' });
  const [note, setNote] = useState<string | null>(null);
  const own = useRef<{ client: ClusterClient | null; wasPlaying: boolean } | null>(null);
  const replica = useRef<FollowReplica | null>(null);
  const generation = useRef(0);
  /** The instructor's terminal lines printed in this student's terminal so far. */
  const echoes = useRef(new EchoCursor());
  const showEchoes = (b: { session: string; terminal?: FollowSnapshot['terminal'] }) => echoes.current.take(b.session, b.terminal).forEach(followedCommands.publish);

  function leave(message: string | null) {
    generation.current++;
    replica.current?.dispose();
    replica.current = null;
    replaceClient(null);
    if (own.current?.wasPlaying) own.current.client?.time?.setPlaying(true);
    own.current = null;
    setPhase({ kind: 'own' });
    setNote(message);
  }

  async function follow(snap: FollowSnapshot) {
    const mine = ++generation.current;
    setPhase({ kind: 'starting' });
    try {
      const next = await buildReplica(snap);
      if (mine !== generation.current) return next.dispose();
      replica.current?.dispose();
      replica.current = next;
      replaceClient(next.client);
      setPhase({ kind: 'following', replica: next });
    } catch {
      if (mine === generation.current) leave('강사 클러스터를 다시 만들지 못해 내 클러스터로 돌아왔어요.');
    }
  }

  function start() {
    const snap = feed.state.broadcast;
    if (!snap) return;
    // Pause the student's own cluster exactly where it is; leaving resumes it.
    own.current ??= { client, wasPlaying: client?.time?.playing() ?? false };
    client?.time?.setPlaying(false);
    setNote(null);
    showEchoes(snap);
    void follow(snap);
  }

  const onMessage = useRef<(m: FollowMessage) => void>(() => {});
  // The latest handler (it reads this render's context), installed after render.
  useEffect(() => {
    onMessage.current = (m) => {
      if (!own.current) return;
      if (m.type === 'stopped' || m.type === 'gone') return leave('강사가 방송을 마쳐 내 클러스터로 돌아왔어요.');
      if (m.type !== 'snapshot' && m.type !== 'append' && m.type !== 'clock') return;
      showEchoes(m);
      const r = replica.current;
      // A new session (the instructor reset), a gap or a reconnect: rebuild from the whole current broadcast.
      if (r && r.apply(m) === 'resync' && feed.state.broadcast) void follow(feed.state.broadcast);
    };
  });

  useEffect(
    () =>
      feed.subscribe((state, m) => {
        setLive(state.broadcast !== null);
        if (m) onMessage.current(m);
      }),
    [feed],
  );
  // Leaving the page while following: the replica goes, the provider restores the student's own client.
  useEffect(() => () => void replica.current?.dispose(), []);

  const following = phase.kind === 'following' || phase.kind === 'starting';
  if (!live && !following && !note) return null;
  return (
    <div
      data-follow-bar="student"
      data-following={phase.kind === 'following' ? 'yes' : 'no'}
      className={`${BAR} ${following ? 'border-violet-300 bg-violet-50 text-violet-950 dark:border-violet-800 dark:bg-violet-950 dark:text-violet-50' : 'border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-50'}`}
    >
      <span className="min-w-0 flex-1 max-sm:basis-full" role="status">
        {phase.kind === 'starting'
          ? '강사 클러스터를 불러오는 중…'
          : phase.kind === 'following'
            ? '강사 클러스터를 따라가는 중 (읽기 전용, 시간도 강사를 따라요) — 내 클러스터는 멈춘 채 그대로 있어요'
            : live
              ? '강사가 클러스터를 방송하고 있어요'
              : note}
      </span>
      {following ? (
        <button type="button" onClick={() => leave(null)} className={`${BAR_BUTTON} border-violet-700/40 hover:bg-violet-200 dark:hover:bg-violet-800`}>
          내 클러스터로 돌아가기
        </button>
      ) : live ? (
        <button type="button" onClick={start} className={`${BAR_BUTTON} border-sky-700/40 bg-sky-600 text-white hover:bg-sky-700`}>
          강사 클러스터 따라가기
        </button>
      ) : (
        <button type="button" onClick={() => setNote(null)} className={`${BAR_BUTTON} border-sky-700/40 hover:bg-sky-200 dark:hover:bg-sky-800`}>
          닫기
        </button>
      )}
    </div>
  );
}
