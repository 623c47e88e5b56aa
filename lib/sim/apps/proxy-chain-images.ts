/**
 * The images of the reverse-proxy chain lesson 07 builds (external request → proxy → Service name → pod):
 *   kubelab/reverse-proxy:1.0  an nginx that forwards by Host header and path prefix, as Nginx Proxy Manager's
 *                              proxy hosts do; routes come from its args: `--route=HOST[/PATH]=SERVICE:PORT`
 *                              (lib/sim/network/reverse-proxy.ts forwards them; error pages as nginx writes them)
 *   kubelab/php-hello:1.0      `php -S 0.0.0.0:8000` serving an index.php that prints the pod's hostname and IP,
 *                              so each answer says which pod served it
 */
import { mib, type AppModel, type ImageFamily } from './types';
import { nginxProxyParts } from './nginx-proxy';

// the tag is our image's version ({version} = 1.0); the programs inside report their own
const NGINX_VERSION = '1.27.3';
const PHP_VERSION = '8.3.14';

const reverseProxy: AppModel = {
  entrypoint: ['/docker-entrypoint.sh'],
  cmd: ['reverse-proxy'],
  kind: 'server',
  programs: ['reverse-proxy', 'nginx'],
  ports: [80],
  readyAfterMs: 300,
  startLogs: [
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    `{nginxTime} [notice] 1#1: nginx/${NGINX_VERSION}`,
    '{nginxTime} [notice] 1#1: start worker processes',
    '{nginxTime} [notice] 1#1: start worker process 29',
  ],
  // nginx's combined format plus the upstream it used ($upstream_addr), as proxy setups usually log it
  requestLog: '{client} - - [{accessTime}] "{method} {path} HTTP/1.1" {status} {bytes} "-" "{agent}" upstream={upstream}',
  serverHeader: `nginx/${NGINX_VERSION}`,
  // built FROM nginx:alpine: curl and busybox's wget/nslookup are there for checking the upstreams by hand
  ...nginxProxyParts(`nginx/${NGINX_VERSION}`, 29),
  stopLogs: ['{nginxTime} [notice] 1#1: signal 3 (SIGQUIT) received, shutting down', '{nginxTime} [notice] 1#1: exit'],
  memory: { idleBytes: mib(4), perRequestBytes: 64 * 1024 },
};

const phpHello: AppModel = {
  entrypoint: ['docker-php-entrypoint'],
  cmd: ['php', '-S', '0.0.0.0:8000', '-t', '/app'],
  kind: 'server',
  programs: ['php', 'docker-php-entrypoint'],
  ports: [8000],
  readyAfterMs: 500,
  routes: { '*': { status: 200, body: 'Hello from {pod} ({podIP})\n' } },
  startLogs: [`[{phpTime}] PHP ${PHP_VERSION} Development Server (http://0.0.0.0:8000) started`],
  requestLog: '[{phpTime}] {client} [{status}]: {method} {path}',
  memory: { idleBytes: mib(9), perRequestBytes: mib(1) },
  sigterm: 'exit',
  shell: 'sh',
  tools: ['curl'],
  version: '1.0',
  files: { '/app/index.php': '<?php\necho "Hello from " . gethostname() . " (" . $_SERVER["SERVER_ADDR"] . ")\\n";\n' },
};

export const PROXY_CHAIN_IMAGES: ImageFamily[] = [
  { repository: 'docker.io/kubelab/reverse-proxy', tags: ['1.0', 'latest'], sizeBytes: 20_971_520, app: { ...reverseProxy, version: '1.0' } },
  { repository: 'docker.io/kubelab/php-hello', tags: ['1.0', 'latest'], sizeBytes: 31_457_280, app: phpHello },
];
