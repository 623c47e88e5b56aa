/**
 * The process-wide cluster runtime: settings, the watch hub and the action runner, created on first use.
 * Next.js may load each route module separately, so the instance lives on globalThis — that is what makes
 * "one informer per (kind, namespace)" hold across /api/cluster/stream and /api/cluster/info.
 */
import { VersionApi } from '@kubernetes/client-node';
import type { LiveInfo } from '../cluster/live-protocol';
import { loadClusterSettings, type ClusterSettings } from './cluster-config';
import { ClusterActions } from './cluster-actions';
import { NO_CLUSTER_REASON } from './cluster-env';
import { PROBE_DEADLINE_MS, isDeadlineError, withDeadline } from './deadline';
import { clientNodeUpstreams } from './upstream';
import { securitySettings } from './security-settings';
import { GzipSeats } from './sse-gzip';
import { INFO_ANSWER_MS, PROBE_TIMEOUT_REASON, ReachabilityProbe } from './reachability';
import { Reclaimer } from './reclaim';
import { StreamBudget } from './stream-budget';
import { WatchHub } from './watch-hub';
import { WATCHED_KINDS, type WatchedKind } from './upstream-types';
import { processGlobals } from './process-globals';

export interface ClusterRuntime {
  settings: ClusterSettings | null;
  /** Set when the kubeconfig exists but could not be loaded. */
  configError: string | null;
  hub: WatchHub | null;
  actions: ClusterActions | null;
  /** Every SSE stream holds a seat here: stream counts per client and the bytes queued for slow readers. */
  streamBudget: StreamBudget;
  /** Streams gzipped right now, at most STREAM_GZIP_MAX (each holds a compressor). */
  gzipSeats: GzipSeats;
  /** Browsers streaming right now. */
  readonly streams: number;
  /** Mode, version and reachability; waits at most `budgetMs` for the shared probe. */
  info(budgetMs?: number): Promise<LiveInfo>;
}

/** The feeds one stream needs: nodes once, the namespaced kinds per namespace. */
export function feedsFor(namespaces: readonly string[]): { kind: WatchedKind; namespace: string | null }[] {
  const feeds: { kind: WatchedKind; namespace: string | null }[] = [{ kind: 'Node', namespace: null }];
  for (const ns of namespaces) for (const kind of WATCHED_KINDS) if (kind !== 'Node') feeds.push({ kind, namespace: ns });
  return feeds;
}

function createRuntime(): ClusterRuntime {
  let settings: ClusterSettings | null = null;
  let configError: string | null = null;
  try {
    settings = loadClusterSettings();
  } catch (e) {
    configError = `kubeconfig를 읽지 못했습니다: ${e instanceof Error ? e.message : String(e)}`;
  }
  const hub = settings ? new WatchHub({ factory: clientNodeUpstreams(settings.kubeConfig) }) : null;
  const actions = settings ? new ClusterActions(settings.kubeConfig) : null;
  const version = settings ? settings.kubeConfig.makeApiClient(VersionApi) : null;
  const probe = version
    ? new ReachabilityProbe(() =>
        version
          .getCode({}, withDeadline(PROBE_DEADLINE_MS))
          .then((v) => ({ reachable: true, version: v.gitVersion }))
          .catch((e) => ({
            reachable: false,
            reason: isDeadlineError(e) ? PROBE_TIMEOUT_REASON : `클러스터 API 서버에 연결할 수 없습니다: ${e instanceof Error ? e.message : String(e)}`,
          })),
      )
    : null;

  const runtime: ClusterRuntime = {
    settings,
    configError,
    hub,
    actions,
    streamBudget: new StreamBudget(securitySettings(), new Reclaimer()),
    gzipSeats: new GzipSeats(securitySettings().maxGzipStreams),
    get streams() {
      return runtime.streamBudget.streams;
    },
    async info(budgetMs: number = INFO_ANSWER_MS): Promise<LiveInfo> {
      const base = { upstreamWatches: hub?.upstreamWatchCount() ?? 0, streams: runtime.streams };
      if (!settings || !probe) {
        return { mode: 'sim', reachable: false, writable: false, reason: configError ?? NO_CLUSTER_REASON, ...base };
      }
      const p = await probe.check(budgetMs);
      return { mode: 'live', server: settings.serverHost, namespaces: settings.namespaces, writable: settings.writeToken !== null, ...p, ...base };
    },
  };
  return runtime;
}

/** The singleton (created lazily so importing a route module at build time touches no cluster). */
export function getClusterRuntime(): ClusterRuntime {
  return (processGlobals().clusterRuntime ??= createRuntime());
}
