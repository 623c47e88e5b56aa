/**
 * Bare-machines scenarios: the machineShell step action types into the machines' shared login shells, `{{joinCommand}}`
 * is the join line init printed (cmd/kubeadm/app/cmd/init.go initDoneTempl: "kubeadm join <endpoint> --token <token>
 * --discovery-token-ca-cert-hash sha256:<hash>"), the schema keeps machine lines to machines scenarios, and the
 * runner refuses a scenario on the wrong kind of lab with a Korean message.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createBareLab, type BareLab } from '../machines/bare-lab';
import { loginShell } from '../machines/shell';
import { SimClient } from '../cluster/sim-client';
import { machineHost } from './machine-host';
import { performStep, runKubectl } from './step-actions';
import { validateScenario } from './validate';
import { NEEDS_CLUSTER_MESSAGE, NEEDS_MACHINES_MESSAGE, ScenarioRunner } from './runner';
import type { Scenario } from './schema';

let lab: BareLab | undefined;
afterEach(() => lab?.client.dispose());

const shellStep = (machine: string, line: string) => ({ title: '입력', narration: '머신에 입력합니다', action: { type: 'machineShell' as const, machine, line } });

describe('machineShell step action', () => {
  it('types into the same login shell the terminal uses, prompt and all', async () => {
    lab = createBareLab({ seed: 1, autoplay: false });
    const host = machineHost(lab.world, lab.client);
    const out = await performStep(shellStep('master', 'mkdir -p $HOME/.kube && hostname'), lab.client, runKubectl, undefined, { machines: host });
    expect(out).toEqual({ label: 'ubuntu@master:~$ mkdir -p $HOME/.kube && hostname', output: 'master\n', ok: true });
    expect(loginShell(lab.world, 'master').st.files.has('/home/ubuntu/.kube/')).toBe(true);
  });

  it('tells the page every line it ran on which machine, with what it printed (the terminal shows them there)', async () => {
    lab = createBareLab({ seed: 1, autoplay: false });
    const heard: [string, string, string][] = [];
    const host = machineHost(lab.world, lab.client, (machine, o) => heard.push([machine, o.label, o.output]));
    await performStep(shellStep('worker-1', 'hostname'), lab.client, runKubectl, undefined, { machines: host });
    await host.run('master', 'cd /etc && pwd');
    expect(heard).toEqual([
      ['worker-1', 'ubuntu@worker-1:~$ hostname', 'worker-1\n'],
      ['master', 'ubuntu@master:~$ cd /etc && pwd', '/etc\n'],
    ]);
  });

  it('fills in the join command init printed, and says so in Korean when there is none yet', async () => {
    lab = createBareLab({ seed: 1, autoplay: false });
    const host = machineHost(lab.world, lab.client);
    const early = await host.run('worker-1', 'sudo {{joinCommand}}');
    expect(early.ok).toBe(false);
    expect(early.output).toContain('아직 컨트롤 플레인이 없어');
    const init = await host.run('master', 'sudo swapoff -a && sudo kubeadm init');
    const printed = /kubeadm join (\S+) --token (\S+) \\\n\t--discovery-token-ca-cert-hash (sha256:[0-9a-f]{64})/.exec(init.output)!;
    const join = await host.run('worker-1', 'sudo swapoff -a && sudo {{joinCommand}}');
    expect(join.label).toBe(`ubuntu@worker-1:~$ sudo swapoff -a && sudo kubeadm join ${printed[1]} --token ${printed[2]} --discovery-token-ca-cert-hash ${printed[3]}`);
    expect(join.output).toContain('This node has joined the cluster');
    expect(lab.world.joined.has('worker-1')).toBe(true);
  });

  it('without machines, fails with a Korean reason instead of throwing', async () => {
    const client = new SimClient({ seed: 1, autoplay: false });
    const out = await performStep(shellStep('master', 'hostname'), client, runKubectl);
    expect(out).toMatchObject({ ok: false, output: '이 시나리오는 빈 머신 실습(머신 세 대)에서만 실행할 수 있습니다.' });
    client.dispose();
  });
});

const base = { id: 'demo', order: 1, title: '데모', summary: '데모 시나리오입니다' };

describe('machines scenarios in the schema', () => {
  it('accept machine lines only with machines: true, on a known machine, with no kubectl setup', () => {
    expect(validateScenario({ ...base, machines: true, steps: [shellStep('worker-2', 'sudo {{joinCommand}}')] }).ok).toBe(true);
    const errors = (raw: unknown) => {
      const r = validateScenario(raw);
      return r.ok ? [] : r.errors;
    };
    expect(errors({ ...base, steps: [shellStep('master', 'hostname')] })).toEqual(['1단계: machineShell은 machines: true 시나리오에서만 쓸 수 있습니다']);
    expect(errors({ ...base, machines: true, steps: [shellStep('worker-3', 'hostname')] }).join('\n')).toContain('machine "worker-3"는 없는 머신입니다');
    expect(errors({ ...base, machines: true, steps: [shellStep('master', 'echo {{token}}')] }).join('\n')).toContain('자리 표시는 {{joinCommand}}뿐입니다');
    expect(errors({ ...base, machines: true, setup: ['kubectl get pods'], steps: [shellStep('master', 'hostname')] }).join('\n')).toContain('setup을 쓸 수 없습니다');
  });

  it('let an output claim back a machine line', () => {
    const step = { ...shellStep('master', 'hostname'), narration: '이름은 master입니다', claims: [{ says: '이름은 master입니다', output: '^master$' }] };
    expect(validateScenario({ ...base, machines: true, steps: [step] }).ok).toBe(true);
  });
});

describe('runner and the kind of lab', () => {
  const machinesScenario = { ...base, machines: true, steps: [shellStep('master', 'hostname')] } as Scenario;
  const clusterScenario = { ...base, steps: [{ title: '보기', narration: '파드를 봅니다', command: 'kubectl get pods' }] } as Scenario;

  it('a machines scenario on an ordinary cluster stops with a Korean message (and the other way round)', async () => {
    const client = new SimClient({ seed: 1, autoplay: false });
    const runner = new ScenarioRunner({ client, seed: 1 });
    await runner.load(machinesScenario);
    expect(runner.state()).toMatchObject({ phase: 'error', message: NEEDS_MACHINES_MESSAGE });
    client.dispose();
    lab = createBareLab({ seed: 1, autoplay: false });
    const onMachines = new ScenarioRunner({ client: lab.client, seed: 1, machines: machineHost(lab.world, lab.client) });
    await onMachines.load(clusterScenario);
    expect(onMachines.state()).toMatchObject({ phase: 'error', message: NEEDS_CLUSTER_MESSAGE });
  });

  it('going back a step resets the machines too (fresh machines, no control plane)', async () => {
    lab = createBareLab({ seed: 1, autoplay: false });
    const scenario = { ...base, machines: true, steps: [shellStep('master', 'sudo swapoff -a && sudo kubeadm init'), shellStep('master', 'hostname')] } as Scenario;
    const runner = new ScenarioRunner({ client: lab.client, seed: 1, machines: machineHost(lab.world, lab.client) });
    await runner.load(scenario, 1);
    expect(lab.world.controlPlane?.machine).toBe('master');
    await runner.goTo(0);
    expect(runner.state().phase).toBe('ready');
    expect(lab.world.controlPlane).toBeUndefined();
    expect(lab.client.engine().list('Node').items).toEqual([]);
  });
});
