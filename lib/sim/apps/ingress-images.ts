/**
 * The ingress-nginx controller image (https://github.com/kubernetes/ingress-nginx, deploy/static/provider/baremetal):
 * an nginx whose routes are the cluster's Ingresses of its class (lib/sim/network/ingress-nginx.ts picks the
 * backend; reverse-proxy.ts forwards). ENTRYPOINT `/usr/bin/dumb-init --`, CMD `/nginx-ingress-controller`, as the
 * image's Dockerfile (rootfs/Dockerfile) has them; /healthz on 10254 for the manifest's probes.
 */
import { mib, type AppModel, type ImageFamily } from './types';
import { nginxProxyParts } from './nginx-proxy';

const RELEASE = 'v1.12.1';
const NGINX_VERSION = '1.25.5';

const controller: AppModel = {
  entrypoint: ['/usr/bin/dumb-init', '--'],
  cmd: ['/nginx-ingress-controller'],
  kind: 'server',
  programs: ['dumb-init', 'nginx-ingress-controller'],
  ports: [80, 443, 10254],
  readyAfterMs: 2_000,
  routes: { '/healthz': { status: 200, body: 'ok' } },
  startLogs: [
    '-------------------------------------------------------------------------------',
    'NGINX Ingress controller',
    `  Release:       ${RELEASE}`,
    '  Repository:    https://github.com/kubernetes/ingress-nginx',
    `  nginx version: nginx/${NGINX_VERSION}`,
    '',
    '-------------------------------------------------------------------------------',
    '',
    'I{klogTime}       7 main.go:205] "Creating API client" host="https://10.96.0.1:443"',
    { at: 1_000, text: 'I{klogTime}       7 nginx.go:317] "Starting NGINX Ingress controller"' },
    { at: 2_000, text: 'I{klogTime}       7 controller.go:213] "Backend successfully reloaded"' },
  ],
  // the controller's log-format-upstream, shortened: the upstream address it proxied to
  requestLog: '{client} - - [{accessTime}] "{method} {path} HTTP/1.1" {status} {bytes} "-" "{agent}" {upstream}',
  // server_tokens off: nginx's error page without the version
  ...nginxProxyParts('nginx', 33, true),
  stopLogs: ['I{klogTime}       7 sigterm.go:36] "Received SIGTERM, shutting down"', 'I{klogTime}       7 nginx.go:394] "Shutting down controller queues"'],
  memory: { idleBytes: mib(90), perRequestBytes: 32 * 1024 },
  version: RELEASE,
};

export const INGRESS_IMAGES: ImageFamily[] = [{ repository: 'registry.k8s.io/ingress-nginx/controller', tags: [RELEASE, 'v1.12.0', 'v1.11.5'], sizeBytes: 110_100_480, app: controller }];
