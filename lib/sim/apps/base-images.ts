/**
 * Base, tool and language images: the main process is the pod's command run through the container shell.
 * Defaults as the images declare them: busybox CMD ["sh"], alpine CMD ["/bin/sh"], ubuntu CMD ["/bin/bash"],
 * node ENTRYPOINT ["docker-entrypoint.sh"] CMD ["node"], python CMD ["python3"], curlimages/curl
 * ENTRYPOINT ["/entrypoint.sh"] CMD ["curl"]. A shell or REPL with no terminal reads EOF and exits 0 at once —
 * which is why `kubectl run x --image=busybox` without a command ends up in CrashLoopBackOff.
 */
import { mib, type AppModel, type ImageFamily } from './types';

const lib = (name: string) => `docker.io/library/${name}`;

const shellImage = (cmd: string[], shell: 'sh' | 'bash', os: string, idle: number): AppModel => ({
  entrypoint: [],
  cmd,
  kind: 'shell',
  memory: { idleBytes: idle },
  // PID 1 is sh/sleep: the kernel gives PID 1 no default SIGTERM action, so it runs until SIGKILL
  // (https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination)
  sigterm: 'ignore',
  shell,
  files: { '/etc/os-release': os },
});

/** busybox's wget and nslookup applets (busybox itself, and every Alpine-based image) */
const BUSYBOX_TOOLS: AppModel['tools'] = ['wget', 'nslookup'];
/** busybox's ps, free and df applets; Debian and Ubuntu images have coreutils df but no procps (ps, free) */
const BUSYBOX_SYSTEM_TOOLS: AppModel['systemTools'] = ['ps', 'free', 'df'];

const BUSYBOX_OS = 'NAME="BusyBox"\nVERSION_ID="1.37.0"\n';
const ALPINE_OS = 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME="Alpine Linux v3.20"\n';
const UBUNTU_OS = 'PRETTY_NAME="Ubuntu 24.04.1 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\n';
const DEBIAN_OS = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n';

/** A language runtime with no script to run: the REPL sees no terminal and exits 0. */
const runtime = (entrypoint: string[], cmd: string[], programs: string[], idle: number): AppModel => ({
  ...shellImage(cmd, 'bash', DEBIAN_OS, idle),
  entrypoint,
  kind: 'exits',
  programs,
  exit: { afterMs: 300, code: 0 },
});

/** curl with no URL prints its hint and exits 2, as `curl` does. */
const curl: AppModel = {
  ...shellImage(['curl'], 'sh', ALPINE_OS, mib(1)),
  entrypoint: ['/entrypoint.sh'],
  // Alpine-based: curl, plus busybox's wget and nslookup
  tools: ['curl', 'wget', 'nslookup'],
  systemTools: BUSYBOX_SYSTEM_TOOLS,
};

/**
 * polinux/stress: `stress --vm 1 --vm-bytes 150M --vm-hang 1` holds that much memory (the Kubernetes
 * memory-limit exercise, https://kubernetes.io/docs/tasks/configure-pod-container/assign-memory-resource/).
 * run-container.ts reads --vm-bytes and --timeout from the arguments.
 */
const stress: AppModel = {
  entrypoint: [],
  cmd: ['stress', '--help'],
  kind: 'server',
  programs: ['stress'],
  startLogs: ['stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd'],
  memory: { idleBytes: mib(1) },
  sigterm: 'exit',
  shell: 'bash',
};

export const BASE_IMAGES: ImageFamily[] = [
  { repository: lib('busybox'), tags: ['1.35', '1.36', '1.37', 'latest'], sizeBytes: 2_155_244, app: { ...shellImage(['sh'], 'sh', BUSYBOX_OS, 256 * 1024), tools: BUSYBOX_TOOLS, systemTools: BUSYBOX_SYSTEM_TOOLS } },
  { repository: lib('alpine'), tags: ['3.18', '3.19', '3.20', 'latest'], sizeBytes: 3_623_807, app: { ...shellImage(['/bin/sh'], 'sh', ALPINE_OS, 512 * 1024), tools: BUSYBOX_TOOLS, systemTools: BUSYBOX_SYSTEM_TOOLS } },
  { repository: lib('ubuntu'), tags: ['22.04', '24.04', 'latest'], sizeBytes: 29_754_422, app: { ...shellImage(['/bin/bash'], 'bash', UBUNTU_OS, mib(1)), systemTools: ['df'] } },
  { repository: lib('node'), tags: ['18', '20', '22', 'latest'], sizeBytes: 395_662_041, app: runtime(['docker-entrypoint.sh'], ['node'], ['node'], mib(40)) },
  { repository: lib('python'), tags: ['3.11', '3.12', '3.13', 'latest'], sizeBytes: 372_124_554, app: runtime([], ['python3'], ['python', 'python3'], mib(9)) },
  { repository: 'docker.io/curlimages/curl', tags: ['8.5.0', '8.11.1', 'latest'], sizeBytes: 12_214_520, app: curl },
  { repository: 'docker.io/polinux/stress', tags: ['1.0.4', 'latest'], sizeBytes: 4_225_143, app: stress },
];
