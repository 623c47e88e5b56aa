import { describe, expect, it } from 'vitest';
import { createPlaygroundBus } from './bus';

describe('playground bus', () => {
  it('delivers commands sent before the terminal subscribed, in order', () => {
    const bus = createPlaygroundBus();
    bus.runCommand('kubectl get pods');
    bus.runCommand('kubectl get nodes');
    const got: string[] = [];
    bus.onRunCommand((c) => got.push(c));
    bus.runCommand('kubectl get svc');
    expect(got).toEqual(['kubectl get pods', 'kubectl get nodes', 'kubectl get svc']);
  });

  it('carries the machine a lesson step runs on, backlog included', () => {
    const bus = createPlaygroundBus();
    bus.runCommand('sudo kubeadm init', 'master');
    const got: [string, string | undefined][] = [];
    bus.onRunCommand((c, m) => got.push([c, m]));
    bus.runCommand('sudo swapoff -a', 'worker-1');
    bus.runCommand('kubectl get nodes');
    expect(got).toEqual([
      ['sudo kubeadm init', 'master'],
      ['sudo swapoff -a', 'worker-1'],
      ['kubectl get nodes', undefined],
    ]);
  });

  it('shows a line a scenario ran on a machine in the terminal (revealed), and never runs it again', () => {
    const bus = createPlaygroundBus();
    const revealed: string[] = [];
    const ran: string[] = [];
    bus.onReveal((p) => revealed.push(p));
    bus.onRunCommand((c) => ran.push(c));
    bus.showMachineLine({ machine: 'master', label: 'ubuntu@master:~$ hostname', output: 'master\n' });
    const shown: string[] = [];
    bus.onShowMachineLine((e) => shown.push(`${e.machine}|${e.label}|${e.output}`));
    expect(shown).toEqual(['master|ubuntu@master:~$ hostname|master\n']);
    expect(revealed).toEqual(['terminal']);
    expect(ran).toEqual([]);
  });

  it('keeps editor files by name so apply -f can read them', () => {
    const bus = createPlaygroundBus();
    const opened: string[] = [];
    bus.onOpenInEditor((f) => opened.push(f.name));
    bus.openInEditor({ name: 'web.yaml', content: 'kind: Pod' });
    expect(bus.files.get('web.yaml')).toBe('kind: Pod');
    expect(opened).toEqual(['web.yaml']);
  });

  it('stops delivering after unsubscribe', () => {
    const bus = createPlaygroundBus();
    const got: string[] = [];
    const off = bus.onRunCommand((c) => got.push(c));
    off();
    bus.onRunCommand(() => {});
    bus.runCommand('x');
    expect(got).toEqual([]);
  });

  it('tells request observers about runs and opens without taking the backlog from a late terminal', () => {
    const bus = createPlaygroundBus();
    const seen: string[] = [];
    bus.onRequest((r) => seen.push(r.kind === 'run' ? `run ${r.command}` : `open ${r.file}`));
    bus.runCommand('kubectl get pods');
    bus.openInEditor({ name: 'web.yaml', content: 'kind: Pod' });
    expect(seen).toEqual(['run kubectl get pods', 'open web.yaml']);
    // The terminal loads later and still receives the command typed before it existed.
    const got: string[] = [];
    bus.onRunCommand((c) => got.push(c));
    expect(got).toEqual(['kubectl get pods']);
  });
});
