/** The bash features the machine shell adds on top of the container interpreter (bash(1): ALIASES, Tilde Expansion, Process Substitution). */
import { describe, expect, it } from 'vitest';
import { expandAliases, expandTilde, replaceProcessSubstitutions, MachineShell } from './shell';
import { MachineWorld } from './world';

describe('machine shell', () => {
  it('expands an alias only where a command starts', () => {
    const aliases = new Map([['k', 'kubectl']]);
    expect(expandAliases('k get po && k get no | grep k', aliases)).toBe('kubectl get po && kubectl get no | grep k');
  });

  it('expands ~ at a word start, not inside quotes', () => {
    expect(expandTilde("ls ~/.kube ~ 'a~/b' x=~/c", '/home/ubuntu')).toBe("ls /home/ubuntu/.kube /home/ubuntu 'a~/b' x=/home/ubuntu/c");
  });

  it('replaces <(cmd) outside quotes only', () => {
    const seen: string[] = [];
    const out = replaceProcessSubstitutions("source <(kubectl completion bash); echo '<(x)'", (inner) => (seen.push(inner), '/dev/fd/63'));
    expect(out).toBe("source /dev/fd/63; echo '<(x)'");
    expect(seen).toEqual(['kubectl completion bash']);
  });

  it('keeps a session: cd, export and sudo -i with its own prompt, exit returns to the login user', () => {
    const world = new MachineWorld({ now: () => 0 });
    const sh = new MachineShell(world, 'worker-1');
    expect(sh.prompt()).toBe('ubuntu@worker-1:~$ ');
    sh.run('mkdir -p ~/lab && cd ~/lab && export GREETING=hi');
    expect(sh.prompt()).toBe('ubuntu@worker-1:~/lab$ ');
    expect(sh.run('echo $GREETING').stdout).toBe('hi\n');
    sh.run('sudo -i');
    expect(sh.prompt()).toBe('root@worker-1:~# ');
    expect(sh.run('whoami').stdout).toBe('root\n');
    sh.run('exit');
    expect(sh.prompt()).toBe('ubuntu@worker-1:~$ ');
  });

  it('sudo resets HOME and KUBECONFIG (Ubuntu sudoers env_reset), so sudo kubectl looks in /root', () => {
    const world = new MachineWorld({ now: () => 0 });
    const sh = new MachineShell(world, 'master');
    sh.run('export KUBECONFIG=/etc/kubernetes/admin.conf');
    expect(sh.run('sudo printenv HOME').stdout).toBe('/root\n');
    expect(sh.run('sudo printenv KUBECONFIG').stdout).toBe('');
    expect(sh.run('sudo kubectl get nodes').stderr).toContain('(/root/.kube/config)');
  });
});

describe('curl on a lab machine', () => {
  it('downloads the Calico manifest with -LO and refuses other hosts with a hint', () => {
    const world = new MachineWorld({ now: () => 0 });
    const sh = new MachineShell(world, 'worker-1');
    expect(sh.run('ls').stdout).toBe('');
    sh.run('curl -LO https://raw.githubusercontent.com/projectcalico/calico/v3.30.3/manifests/calico.yaml');
    expect(sh.run('ls').stdout).toBe('calico.yaml\n');
    const other = sh.run('curl -fsSL https://example.com/x');
    expect(other.stderr).toContain('curl: (6) Could not resolve host: example.com');
  });
});
