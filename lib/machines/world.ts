/**
 * The machines and what kubeadm made of them: which machine runs the control plane, its bootstrap tokens and CA
 * hash, which workers joined. The API side (Nodes, pods) lives in the simulator, reached through a ClusterBackend
 * so this model stays pure and testable without a browser.
 */
import type { KubeadmAction } from '../sim/kubeadm';
import { hex64 } from '../sim/controllers/pod-status';
import { MACHINE_SPECS, newMachine, type Machine } from './machines';
import type { KubeadmEvent } from './kubeadm-phases';

/** How many kubeadm events a world keeps (a view that joins late sees the recent ones). */
const EVENTS_KEPT = 20;

/** What kubeadm on a machine can do to the cluster's API (the bare-machines simulator). */
export interface ClusterBackend {
  kubeadm(action: KubeadmAction): void;
  /** the Node's Ready condition, undefined when there is no such Node */
  nodeReady(name: string): boolean | undefined;
}

export interface ControlPlane {
  machine: string;
  /** address the API server advertises (--apiserver-advertise-address) */
  advertise: string;
  /** host:port in kubeconfigs and join commands (--control-plane-endpoint, else advertise:6443) */
  endpoint: string;
  podSubnet?: string;
  caHash: string;
  tokens: string[];
  /** false when init stopped at kubelet-check: files written, no API server */
  serving: boolean;
}

export interface WorldOptions {
  seed?: number;
  /** simulated wall clock, epoch ms */
  now: () => number;
  /** the simulator behind the machines; absent in tests of the machine side alone */
  backend?: () => ClusterBackend | undefined;
}

export class MachineWorld {
  readonly machines = new Map<string, Machine>();
  controlPlane: ControlPlane | undefined;
  /** the API server stored this machine as a Node (it joined, or is the control plane) */
  readonly joined = new Set<string>();
  private tokenSeq = 0;
  readonly seed: number;
  /** What kubeadm did, newest last: the flow view explains these phase by phase. */
  readonly kubeadmEvents: KubeadmEvent[] = [];
  private eventSeq = 0;
  private readonly kubeadmListeners = new Set<(e: KubeadmEvent) => void>();

  constructor(readonly opts: WorldOptions) {
    this.seed = opts.seed ?? 1;
    this.reset();
  }

  /** Fresh machines (the simulator was reset too): shells made before must be made again (see MachineShell.machine). */
  reset(): void {
    for (const spec of MACHINE_SPECS) this.machines.set(spec.name, newMachine(spec, this.opts.now()));
    this.controlPlane = undefined;
    this.joined.clear();
    this.tokenSeq = 0;
    this.kubeadmEvents.length = 0;
  }

  /** kubeadm on a machine ran these phases (called by kubeadm.ts); listeners hear it at once. */
  recordKubeadm(e: Omit<KubeadmEvent, 'seq' | 'at'>): void {
    const event: KubeadmEvent = { ...e, seq: ++this.eventSeq, at: this.now() };
    this.kubeadmEvents.push(event);
    if (this.kubeadmEvents.length > EVENTS_KEPT) this.kubeadmEvents.shift();
    for (const l of this.kubeadmListeners) l(event);
  }

  onKubeadm(listener: (e: KubeadmEvent) => void): () => void {
    this.kubeadmListeners.add(listener);
    return () => {
      this.kubeadmListeners.delete(listener);
    };
  }

  now(): number {
    return this.opts.now();
  }

  machine(name: string): Machine {
    const m = this.machines.get(name);
    if (!m) throw new Error(`no machine ${name}`);
    return m;
  }

  backend(): ClusterBackend | undefined {
    return this.opts.backend?.();
  }

  /** A bootstrap token `[a-z0-9]{6}.[a-z0-9]{16}`, the same for the same seed and order of creation. */
  newToken(): string {
    const h = hex64(`kubeadm-token/${this.seed}/${this.tokenSeq++}`);
    return `${h.slice(0, 6)}.${h.slice(6, 22)}`;
  }

  /** The sha256 of the cluster CA's public key, fixed per seed and per init (a reset makes a new CA). */
  caHash(): string {
    return hex64(`kubeadm-ca/${this.seed}/${this.tokenSeq}`);
  }

  /**
   * Brings the machines' files in line with the cluster: calico-node writes /etc/cni/net.d/10-calico.conflist
   * on every node where it runs (Ready); nothing removes it but the user (kubeadm reset leaves it, on purpose).
   * Each new file is a `cni` event. Views call this when Nodes change; shells call it before every line.
   */
  sync(): void {
    const backend = this.backend();
    if (!backend) return;
    for (const name of this.joined) {
      if (!backend.nodeReady(name)) continue;
      const files = this.machine(name).files;
      if (files.has(CNI_CONF)) continue;
      files.set(CNI_CONF, CNI_CONF_TEXT);
      this.recordKubeadm({ machine: name, op: 'cni', controlPlane: this.controlPlane?.machine === name, phases: ['cni'], ok: true });
    }
  }

  /**
   * The kubelet came up after failing (swap turned off): with a kubelet.conf from an interrupted `kubeadm join` it
   * finishes the TLS bootstrap and registers its Node, as the real one does on its next restart.
   */
  kubeletRecovered(m: Machine): void {
    const cp = this.controlPlane;
    if (!cp?.serving || cp.machine === m.spec.name || this.joined.has(m.spec.name) || !m.files.has('/etc/kubernetes/kubelet.conf')) return;
    this.joined.add(m.spec.name);
    this.backend()?.kubeadm({ op: 'join', node: m.spec.name, ip: m.spec.ip });
  }

  /** Whether the API server answers at host:port (only while the control plane's kubelet runs it). */
  apiServerAt(hostPort: string): boolean {
    const cp = this.controlPlane;
    if (!cp?.serving || this.machine(cp.machine).kubelet !== 'running') return false;
    const [host, port = '6443'] = hostPort.split(':');
    const cpMachine = this.machine(cp.machine);
    const names = new Set([cp.advertise, cp.endpoint.split(':')[0], cpMachine.spec.ip, cpMachine.spec.name]);
    return port === '6443' && names.has(host);
  }
}

export const CNI_CONF = '/etc/cni/net.d/10-calico.conflist';
const CNI_CONF_TEXT = '{\n  "name": "k8s-pod-network",\n  "cniVersion": "0.3.1",\n  "plugins": [\n    { "type": "calico", "ipam": { "type": "calico-ipam" } },\n    { "type": "portmap", "snat": true, "capabilities": { "portMappings": true } }\n  ]\n}\n';
