'use client';

import { memo } from 'react';
import { rateText } from '@/lib/graph/traffic-flow';
import { usePodFlow } from '@/components/wiring/traffic-flow';
import { RATE_BADGE_CLASS } from './tile-palette';

/** Requests per second kube-proxy sends this pod while a generator runs (red when some of them fail). Subscribes to its own pod's rate only. */
export const PodRateBadge = memo(function PodRateBadge({ podKey }: { podKey: string }) {
  const flow = usePodFlow(podKey);
  if (!flow) return null;
  const failing = flow.failed > 0;
  return (
    <span
      data-pod-rate={flow.rate}
      title={`초당 요청 ${flow.rate}개${failing ? `, 그중 실패 ${flow.failed}개` : ''} (최근 3초)`}
      className={`absolute right-0.5 bottom-0.5 rounded px-1 font-mono text-[9px] leading-[13px] font-semibold tabular-nums ${failing ? RATE_BADGE_CLASS.failed : RATE_BADGE_CLASS.ok}`}
    >
      {failing && <span aria-hidden="true">✕ </span>}
      {rateText(flow.rate)}
    </span>
  );
});
