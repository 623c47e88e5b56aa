import { describe, expect, it } from 'vitest';
import { PhaseTimeline, PHASE_MS, PHASE_MS_HURRIED } from './phase-timeline';
import type { KubeadmEvent } from './kubeadm-phases';

const ev = (seq: number, op: KubeadmEvent['op'], phases: string[]): KubeadmEvent => ({ seq, at: 0, machine: 'master', op, controlPlane: true, phases, ok: true });

describe('PhaseTimeline', () => {
  it('shows one phase at a time, then keeps the event as just happened', () => {
    const t = new PhaseTimeline();
    t.push(ev(1, 'join', ['preflight', 'kubelet-start']), 0);
    expect(t.frame()).toMatchObject({ index: 0, finished: false });
    expect(t.tick(PHASE_MS - 1)).toBe(false);
    expect(t.tick(PHASE_MS)).toBe(true);
    expect(t.frame().phases[t.frame().index].id).toBe('kubelet-start');
    expect(t.tick(2 * PHASE_MS)).toBe(true);
    expect(t.frame()).toMatchObject({ index: 1, finished: true });
    expect(t.tick(10 * PHASE_MS)).toBe(false);
  });

  it('hurries while another event waits, then plays it', () => {
    const t = new PhaseTimeline();
    t.push(ev(1, 'join', ['preflight', 'kubelet-start']), 0);
    t.push(ev(2, 'reset', ['preflight', 'cleanup-node']), 0);
    expect(t.frame().waiting).toBe(1);
    expect(t.tick(PHASE_MS_HURRIED)).toBe(true);
    expect(t.tick(2 * PHASE_MS_HURRIED)).toBe(true);
    expect(t.frame()).toMatchObject({ index: 0, waiting: 0, finished: false });
    expect(t.frame().event?.seq).toBe(2);
  });

  it('leaves out phases it has no explanation for, and clears', () => {
    const t = new PhaseTimeline();
    t.push(ev(1, 'init', ['preflight', 'no-such-phase', 'certs']), 0);
    expect(t.frame().phases.map((p) => p.id)).toEqual(['preflight', 'certs']);
    t.clear();
    expect(t.frame().event).toBeNull();
  });
});
