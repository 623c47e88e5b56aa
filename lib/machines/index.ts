/** Bare machines and kubeadm: the machine side of building a cluster (see world.ts, shell.ts, kubeadm.ts). */
export { MachineWorld, type ClusterBackend } from './world';
export { MachineShell, loginShell, type MachineLineResult } from './shell';
export { simulatorBackend } from './sim-backend';
export { MACHINE_SPECS, type MachineSpec } from './machines';
export { CALICO_FILE, CALICO_YAML } from './calico-manifest';
