import { describe, expect, it, vi } from 'vitest';
import type { ClusterChange } from '../cluster/types';
import type { CoreV1Event } from '../k8s/types';
import { makePod } from '../graph/test-fixtures';
import * as projection from '../graph/projection';
import { eventViewOf, projectAhead } from './projection-memo';

// Count how often each object is projected (the memo calls these through the module).
vi.mock('../graph/projection', async (actual) => {
  const real = await actual<typeof import('../graph/projection')>();
  return { ...real, projectPod: vi.fn(real.projectPod), projectEvent: vi.fn(real.projectEvent) };
});

const event = (name: string): CoreV1Event => ({
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name, namespace: 'default' },
  involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'default' },
  reason: 'Scheduled',
  message: 'Successfully assigned default/web-1 to worker-1',
  type: 'Normal',
  lastTimestamp: '2026-01-01T00:00:00Z',
});

describe('projectAhead', () => {
  it('projects a pod once, ahead of the store', () => {
    const pod = makePod({ name: 'a', node: 'w' });
    const change: ClusterChange = { type: 'upsert', kind: 'Pod', key: 'Pod/default/a', object: pod };
    vi.mocked(projection.projectPod).mockClear();
    projectAhead(change);
    projectAhead(change);
    expect(projection.projectPod).toHaveBeenCalledTimes(1);
  });

  it('leaves events to the store, which projects only the newest it keeps', () => {
    const object = event('web-1.1');
    vi.mocked(projection.projectEvent).mockClear();
    projectAhead({ type: 'upsert', kind: 'Event', key: 'Event/default/web-1.1', object });
    expect(projection.projectEvent).not.toHaveBeenCalled();
    // projected when the store asks for it, once
    const view = eventViewOf('Event/default/web-1.1', object, undefined);
    expect(eventViewOf('Event/default/web-1.1', object, undefined)).toBe(view);
    expect(projection.projectEvent).toHaveBeenCalledTimes(1);
  });
});
