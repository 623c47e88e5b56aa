/**
 * The system commands of a simulated Ubuntu machine: hostname, ip, nslookup (systemd-resolved answering from
 * /etc/hosts), systemctl and journalctl for the kubelet and containerd, swapoff/swapon/free, apt. Output is shaped
 * like iproute2, bind9-dnsutils, systemd and util-linux print it.
 */
import type { ShellCommand } from '../sim/shell/types';
import type { ShellState } from '../sim/shell/state';
import { CNI_NOT_READY_MESSAGE } from '../sim/kubeadm';
import { hostsEntries, type Machine } from './machines';
import type { MachineWorld } from './world';

const isRoot = (st: ShellState) => (st.input.user?.uid ?? 0) === 0;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const two = (n: number) => String(n).padStart(2, '0');
const clock = (d: Date) => `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
/** systemd's timestamp: `Mon 2026-11-30 10:41:58 UTC` */
const systemdTime = (ms: number) => {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${clock(d)} UTC`;
};
/** journal prefix: `Nov 30 10:41:58 master` */
const journalTime = (ms: number, host: string) => {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${clock(d)} ${host}`;
};
/** klog header: `E1130 10:41:58.123456    2291 ` */
const klog = (level: 'E' | 'I', ms: number, pid: number) => {
  const d = new Date(ms);
  return `${level}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${clock(d)}.${String(d.getUTCMilliseconds()).padStart(3, '0')}512    ${pid} `;
};
const ago = (ms: number) => (ms < 60_000 ? `${Math.floor(ms / 1000)}s ago` : `${Math.floor(ms / 60_000)}min ${Math.floor((ms % 60_000) / 1000)}s ago`);

/** systemd restarts the kubelet every RestartSec=10s; the last (failed) start is the newest multiple of that. */
const RESTART_MS = 10_000;

function kubeletFailure(m: Machine): string {
  if (m.kubelet === 'swap-fail')
    return '"command failed" err="failed to run Kubelet: running with swap on is not supported, please disable swap! or set --fail-swap-on flag to false. /proc/swaps contained: [Filename\\t\\t\\t\\tType\\t\\tSize\\t\\tUsed\\t\\tPriority /swap.img                               file\\t\\t2097148\\t\\t0\\t\\t-2]"';
  return '"command failed" err="failed to load kubelet config file, path: /var/lib/kubelet/config.yaml, error: failed to load Kubelet config file /var/lib/kubelet/config.yaml, error failed to read kubelet config file \\"/var/lib/kubelet/config.yaml\\", error: open /var/lib/kubelet/config.yaml: no such file or directory"';
}

/** The kubelet unit's journal: the newest few lines, as `journalctl -u kubelet` and `systemctl status` show them. */
function kubeletJournal(world: MachineWorld, m: Machine, max: number): string[] {
  const host = m.spec.name;
  const now = world.now();
  const pid = 2000 + (Math.floor((now - m.kubeletSince) / RESTART_MS) % 5000);
  if (m.kubelet === 'crashloop' || m.kubelet === 'swap-fail') {
    const last = m.kubeletSince + Math.floor((now - m.kubeletSince) / RESTART_MS) * RESTART_MS;
    return [
      `${journalTime(last, host)} systemd[1]: Started kubelet.service - kubelet: The Kubernetes Node Agent.`,
      `${journalTime(last, host)} kubelet[${pid}]: ${klog('E', last, pid)}run.go:72] ${kubeletFailure(m)}`,
      `${journalTime(last, host)} systemd[1]: kubelet.service: Main process exited, code=exited, status=1/FAILURE`,
      `${journalTime(last, host)} systemd[1]: kubelet.service: Failed with result 'exit-code'.`,
    ].slice(-max);
  }
  if (m.kubelet === 'stopped') return [`${journalTime(m.kubeletSince, host)} systemd[1]: Stopped kubelet.service - kubelet: The Kubernetes Node Agent.`];
  const lines = [`${journalTime(m.kubeletSince, host)} systemd[1]: Started kubelet.service - kubelet: The Kubernetes Node Agent.`];
  if (world.backend()?.nodeReady(host) === false) lines.push(`${journalTime(now, host)} kubelet[${pid}]: ${klog('E', now, pid)}kubelet.go:3117] "Container runtime network not ready" networkReady="${CNI_NOT_READY_MESSAGE.replace('container runtime network not ready: ', '')}"`);
  return lines.slice(-max);
}

function kubeletStatus(world: MachineWorld, m: Machine): string {
  const now = world.now();
  const head = [
    '● kubelet.service - kubelet: The Kubernetes Node Agent',
    `     Loaded: loaded (/usr/lib/systemd/system/kubelet.service; enabled; preset: enabled)`,
    '    Drop-In: /usr/lib/systemd/system/kubelet.service.d',
    '             └─10-kubeadm.conf',
  ];
  const pid = 2000 + (Math.floor((now - m.kubeletSince) / RESTART_MS) % 5000);
  const exec = `    Process: ${pid} ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS (code=exited, status=1/FAILURE)`;
  if (m.kubelet === 'crashloop' || m.kubelet === 'swap-fail') {
    const last = m.kubeletSince + Math.floor((now - m.kubeletSince) / RESTART_MS) * RESTART_MS;
    head.push(`     Active: activating (auto-restart) (Result: exit-code) since ${systemdTime(last)}; ${ago(now - last)}`, '       Docs: https://kubernetes.io/docs/', exec, `   Main PID: ${pid} (code=exited, status=1/FAILURE)`, '        CPU: 61ms');
  } else if (m.kubelet === 'stopped') head.push(`     Active: inactive (dead) since ${systemdTime(m.kubeletSince)}; ${ago(now - m.kubeletSince)}`, '       Docs: https://kubernetes.io/docs/');
  else head.push(`     Active: active (running) since ${systemdTime(m.kubeletSince)}; ${ago(now - m.kubeletSince)}`, '       Docs: https://kubernetes.io/docs/', `   Main PID: ${pid} (kubelet)`, '      Tasks: 14 (limit: 4557)', '     Memory: 41.6M', '        CPU: 2.913s', '     CGroup: /system.slice/kubelet.service', `             └─${pid} /usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml`);
  return [...head, '', ...kubeletJournal(world, m, 10), ''].join('\n');
}

function containerdStatus(world: MachineWorld, m: Machine): string {
  const since = world.now() - 3_600_000;
  return ['● containerd.service - containerd container runtime', '     Loaded: loaded (/usr/lib/systemd/system/containerd.service; enabled; preset: enabled)', `     Active: active (running) since ${systemdTime(since)}; 1h 0min ago`, '       Docs: https://containerd.io', '   Main PID: 812 (containerd)', '     CGroup: /system.slice/containerd.service', '             └─812 /usr/bin/containerd', '', `${journalTime(since, m.spec.name)} systemd[1]: Started containerd.service - containerd container runtime.`, ''].join('\n');
}

/** When the kubelet comes up, or fails to, after a (re)start: its config and swap decide. */
function startKubelet(world: MachineWorld, m: Machine): void {
  m.kubelet = !m.files.has('/var/lib/kubelet/config.yaml') ? 'crashloop' : m.swapOn ? 'swap-fail' : 'running';
  m.kubeletSince = world.now();
}

function systemctl(world: MachineWorld, m: Machine): ShellCommand {
  return (args, st, io) => {
    const [verb, unitArg] = args.filter((a) => !a.startsWith('-'));
    const unit = (unitArg ?? '').replace(/\.service$/, '');
    if (verb === 'daemon-reload') return isRoot(st) ? 0 : (io.err('Failed to reload daemon: Access denied\n'), 1);
    if (!verb) return io.out('  UNIT                 LOAD   ACTIVE SUB     DESCRIPTION\n  containerd.service   loaded active running containerd container runtime\n'), 0;
    if (unit !== 'kubelet' && unit !== 'containerd') {
      io.err(`Unit ${unit || '(none)'}.service could not be found.\n`);
      return 4;
    }
    if (verb === 'status') {
      io.out(unit === 'kubelet' ? kubeletStatus(world, m) : containerdStatus(world, m));
      return unit === 'kubelet' && m.kubelet !== 'running' ? 3 : 0;
    }
    if (verb === 'is-active') {
      const state = unit === 'containerd' || m.kubelet === 'running' ? 'active' : m.kubelet === 'stopped' ? 'inactive' : 'activating';
      io.out(`${state}\n`);
      return state === 'active' ? 0 : 3;
    }
    if (!['start', 'stop', 'restart', 'enable', 'disable'].includes(verb)) {
      io.err(`Unknown command verb ${verb}.\n`);
      return 1;
    }
    if (!isRoot(st)) {
      io.err(`Failed to ${verb} ${unit}.service: Interactive authentication required.\nSee system logs and 'systemctl status ${unit}.service' for details.\n\n힌트: 서비스를 바꾸려면 sudo systemctl ${verb} ${unit} 처럼 sudo가 필요해요.\n`);
      return 1;
    }
    if (unit === 'kubelet' && verb === 'stop') {
      m.kubelet = 'stopped';
      m.kubeletSince = world.now();
    } else if (unit === 'kubelet' && (verb === 'start' || verb === 'restart')) startKubelet(world, m);
    return 0;
  };
}

function ipCommand(m: Machine): ShellCommand {
  return (args, _st, io) => {
    const obj = args[0] ?? '';
    if ('route'.startsWith(obj) && obj) {
      io.out(`default via 10.0.2.2 dev enp0s3 proto dhcp src 10.0.2.15 metric 100\n10.0.2.0/24 dev enp0s3 proto kernel scope link src 10.0.2.15 metric 100\n192.168.56.0/24 dev enp0s8 proto kernel scope link src ${m.spec.ip}\n`);
      return 0;
    }
    if (!['a', 'addr', 'address'].includes(obj)) {
      io.err(`Object "${obj}" is unknown, try "ip help".\n`);
      return 255;
    }
    io.out(
      [
        '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
        '    inet 127.0.0.1/8 scope host lo',
        '       valid_lft forever preferred_lft forever',
        '2: enp0s3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000',
        `    link/ether ${m.spec.mac.replace(/..$/, '01')} brd ff:ff:ff:ff:ff:ff`,
        '    inet 10.0.2.15/24 metric 100 brd 10.0.2.255 scope global dynamic enp0s3',
        '       valid_lft 85912sec preferred_lft 85912sec',
        '3: enp0s8: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000',
        `    link/ether ${m.spec.mac} brd ff:ff:ff:ff:ff:ff`,
        `    inet ${m.spec.ip}/24 brd 192.168.56.255 scope global enp0s8`,
        '       valid_lft forever preferred_lft forever',
        '',
      ].join('\n'),
    );
    return 0;
  };
}

/** nslookup through the local stub resolver (systemd-resolved reads /etc/hosts, ReadEtcHosts=yes). */
function nslookup(m: Machine): ShellCommand {
  return (args, _st, io) => {
    const name = args.find((a) => !a.startsWith('-'));
    if (!name) {
      io.err('nslookup: 이 시뮬레이터의 nslookup은 대화형 모드를 지원하지 않아요. nslookup 이름 으로 실행하세요.\n');
      return 1;
    }
    const ip = hostsEntries(m.files).get(name);
    io.out('Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\n');
    if (!ip) {
      io.out(`** server can't find ${name}: NXDOMAIN\n\n`);
      return 1;
    }
    io.out(`Name:\t${name}\nAddress: ${ip}\n\n`);
    return 0;
  };
}

function swap(world: MachineWorld, m: Machine, on: boolean): ShellCommand {
  return (args, st, io) => {
    if (!on && !args.length) {
      io.err('swapoff: bad usage\nTry \'swapoff --help\' for more information.\n');
      return 1;
    }
    if (on && args.includes('--show')) {
      if (m.swapOn) io.out('NAME      TYPE SIZE USED PRIO\n/swap.img file   2G   0B   -2\n');
      return 0;
    }
    if (!isRoot(st)) {
      io.err(`${on ? 'swapon' : 'swapoff'}: Not superuser.\n`);
      return 1;
    }
    m.swapOn = on;
    // the kubelet that kept failing on swap comes up on its next automatic restart (RestartSec=10s)
    if (!on && m.kubelet === 'swap-fail') {
      startKubelet(world, m);
      world.kubeletRecovered(m);
    }
    return 0;
  };
}

export function systemCommands(world: MachineWorld, m: Machine): Record<string, ShellCommand> {
  return {
    hostname: (args, _st, io) => (io.out(args.includes('-I') || args.includes('-i') ? `${m.spec.ip} 10.0.2.15 \n` : `${m.spec.name}\n`), 0),
    ip: ipCommand(m),
    nslookup: nslookup(m),
    systemctl: systemctl(world, m),
    journalctl: (args, _st, io) => {
      if (!args.join(' ').includes('kubelet')) return io.out('-- No entries --\n'), 0;
      io.out(`${kubeletJournal(world, m, 50).join('\n')}\n`);
      return 0;
    },
    swapoff: swap(world, m, false),
    swapon: swap(world, m, true),
    free: (_a, _st, io) => {
      io.out(`               total        used        free      shared  buff/cache   available\nMem:           3.8Gi       612Mi       2.4Gi       1.0Mi       1.0Gi       3.0Gi\nSwap:          ${m.swapOn ? '2.0Gi' : '   0B'}          0B       ${m.swapOn ? '2.0Gi' : '   0B'}\n`);
      return 0;
    },
    apt: aptGet,
    'apt-get': aptGet,
    'apt-mark': (args, _st, io) => (args[0] === 'hold' ? (io.out(args.slice(1).map((p) => `${p} set on hold.\n`).join('')), 0) : 0),
  };
}

const aptGet: ShellCommand = (args, st, io) => {
  const pkgs = args.filter((a) => !a.startsWith('-') && a !== 'install' && a !== 'update');
  if (!isRoot(st)) {
    io.err('E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n');
    return 100;
  }
  if (args[0] === 'update') return io.out('Hit:1 https://pkgs.k8s.io/core:/stable:/v1.34/deb  InRelease\nReading package lists... Done\n'), 0;
  io.out('Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n');
  for (const p of pkgs) io.out(`${p} is already the newest version (${p === 'containerd' ? '1.7.28-0ubuntu1~22.04.1' : '1.34.2-1.1'}).\n`);
  io.out('0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
  return 0;
};
