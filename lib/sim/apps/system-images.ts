/**
 * Control-plane and node add-on images (the pods in kube-system). They serve until stopped; their start logs
 * use klog's header (`I0115 10:00:00.000000       1 file.go:123] message`). The pause image
 * (registry.k8s.io/pause: ENTRYPOINT ["/pause"]) holds the pod's namespaces and writes nothing.
 */
import { mib, type AppModel, type ImageFamily } from './types';

const klogServer = (cmd: string[], ports: number[], idle: number, lines: string[], idleMillicores = 1): AppModel => ({
  entrypoint: [],
  cmd,
  kind: 'server',
  programs: [cmd[0].split('/').pop()!],
  ports,
  readyAfterMs: 1_000,
  startLogs: lines.map((l) => `I{klogTime}       1 ${l}`),
  memory: { idleBytes: idle },
  cpu: { idleMillicores },
  sigterm: 'exit',
});

export const SYSTEM_IMAGES: ImageFamily[] = [
  {
    repository: 'registry.k8s.io/pause',
    tags: ['3.9', '3.10', '3.10.1'],
    sizeBytes: 321_520,
    app: { entrypoint: ['/pause'], cmd: [], kind: 'server', programs: ['pause'], memory: { idleBytes: 256 * 1024 }, sigterm: 'exit' },
  },
  {
    repository: 'registry.k8s.io/etcd',
    tags: ['3.5.15-0', '3.6.4-0'],
    sizeBytes: 56_909_194,
    app: {
      ...klogServer(['etcd'], [2379, 2380, 2381], mib(40), [], 22),
      startLogs: ['{"level":"info","ts":"{iso}","caller":"etcdmain/etcd.go:73","msg":"Running: ","args":["etcd","--advertise-client-urls=https://{podIP}:2379"]}', '{"level":"info","ts":"{iso}","caller":"etcdserver/server.go:2068","msg":"published local member to cluster through raft"}', '{"level":"info","ts":"{iso}","caller":"embed/serve.go:187","msg":"serving client traffic securely","address":"127.0.0.1:2379"}'],
    },
  },
  { repository: 'registry.k8s.io/kube-apiserver', tags: ['v1.31.0', 'v1.34.2'], sizeBytes: 28_063_421, app: klogServer(['kube-apiserver'], [6443], mib(250), ['options.go:228] external host was not specified, using {podIP}', 'server.go:150] Version: {version}', 'secure_serving.go:213] Serving securely on [::]:6443'], 45) },
  { repository: 'registry.k8s.io/kube-controller-manager', tags: ['v1.31.0', 'v1.34.2'], sizeBytes: 26_240_868, app: klogServer(['kube-controller-manager'], [10257], mib(50), ['serving.go:386] Generated self-signed cert in-memory', 'controllermanager.go:197] "Starting" version="{version}"', 'leaderelection.go:254] attempting to acquire leader lease kube-system/kube-controller-manager...'], 14) },
  { repository: 'registry.k8s.io/kube-scheduler', tags: ['v1.31.0', 'v1.34.2'], sizeBytes: 20_196_722, app: klogServer(['kube-scheduler'], [10259], mib(20), ['serving.go:386] Generated self-signed cert in-memory', 'server.go:167] "Starting Kubernetes Scheduler" version="{version}"', 'leaderelection.go:254] attempting to acquire leader lease kube-system/kube-scheduler...'], 3) },
  { repository: 'registry.k8s.io/kube-proxy', tags: ['v1.31.0', 'v1.34.2'], sizeBytes: 30_207_900, app: klogServer(['/usr/local/bin/kube-proxy'], [10256], mib(15), ['server_linux.go:66] "Using iptables proxy"', 'server.go:677] "Successfully retrieved node IP(s)" IPs=["{podIP}"]', 'server.go:483] "Version info" version="{version}"']) },
  {
    repository: 'registry.k8s.io/coredns/coredns',
    tags: ['v1.11.1', 'v1.11.3', 'v1.12.1'],
    sizeBytes: 18_562_039,
    app: {
      entrypoint: ['/coredns'],
      cmd: [],
      kind: 'server',
      programs: ['coredns'],
      ports: [53, 8080, 8181],
      readyAfterMs: 500,
      routes: { '/health': { status: 200, body: 'OK' }, '/ready': { status: 200, body: 'OK' }, '*': { status: 404, body: '404 page not found\n' } },
      startLogs: ['.:53', '[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908', 'CoreDNS-{version}', 'linux/amd64, go1.22.7, a6338e9'],
      memory: { idleBytes: mib(12), perRequestBytes: 2 * 1024 },
      cpu: { idleMillicores: 2 },
      sigterm: 'exit',
    },
  },
  { repository: 'docker.io/calico/node', tags: ['v3.28.0', 'v3.30.3'], sizeBytes: 115_238_612, app: { ...klogServer(['start_runit'], [9099], mib(60), [], 18), startLogs: ['{nginxTime} [INFO][1] startup/startup.go 432: Early log level set to info', '{nginxTime} [INFO][1] startup/startup.go 158: Calico node started successfully'] } },
];
