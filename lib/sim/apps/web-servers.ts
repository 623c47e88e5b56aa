/**
 * Web server images. ENTRYPOINT/CMD, ports and STOPSIGNAL as the official images declare them
 * (https://github.com/nginxinc/docker-nginx/blob/master/mainline/debian/Dockerfile: ENTRYPOINT
 * ["/docker-entrypoint.sh"], CMD ["nginx", "-g", "daemon off;"], STOPSIGNAL SIGQUIT, EXPOSE 80;
 * https://github.com/docker-library/httpd: CMD ["httpd-foreground"], STOPSIGNAL SIGWINCH; php:apache:
 * ENTRYPOINT ["docker-php-entrypoint"], CMD ["apache2-foreground"]; tomcat: CMD ["catalina.sh", "run"], EXPOSE 8080).
 */
import { mib, type AppModel, type ImageFamily } from './types';

const lib = (name: string) => `docker.io/library/${name}`;

const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>
<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;
const nginx404 = `<html>
<head><title>404 Not Found</title></head>
<body>
<center><h1>404 Not Found</h1></center>
<hr><center>nginx/{version}</center>
</body>
</html>
`;

const nginx: AppModel = {
  entrypoint: ['/docker-entrypoint.sh'],
  cmd: ['nginx', '-g', 'daemon off;'],
  kind: 'server',
  programs: ['nginx', 'docker-entrypoint.sh'],
  ports: [80],
  readyAfterMs: 200,
  routes: { '/': { status: 200, body: NGINX_WELCOME }, '/index.html': { status: 200, body: NGINX_WELCOME }, '*': { status: 404, body: nginx404 } },
  startLogs: [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
    '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
    '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    '{nginxTime} [notice] 1#1: using the "epoll" event method',
    '{nginxTime} [notice] 1#1: nginx/{version}',
    '{nginxTime} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14)',
    '{nginxTime} [notice] 1#1: OS: Linux 6.8.0-sim',
    '{nginxTime} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
    '{nginxTime} [notice] 1#1: start worker processes',
    '{nginxTime} [notice] 1#1: start worker process 29',
    '{nginxTime} [notice] 1#1: start worker process 30',
  ],
  requestLog: '{client} - - [{accessTime}] "{method} {path} HTTP/1.1" {status} {bytes} "-" "{agent}" "-"',
  serverHeader: 'nginx/{version}',
  // the Debian-based image has curl (not wget) and coreutils df, but no procps (ps, free); nginx:alpine adds
  // busybox's applets
  tools: ['curl'],
  systemTools: ['df', 'nginx'],
  stopLogs: [
    '{nginxTime} [notice] 1#1: signal 3 (SIGQUIT) received, shutting down',
    '{nginxTime} [notice] 29#29: gracefully shutting down',
    '{nginxTime} [notice] 29#29: exiting',
    '{nginxTime} [notice] 29#29: exit',
    '{nginxTime} [notice] 1#1: worker process 29 exited with code 0',
    '{nginxTime} [notice] 1#1: exit',
  ],
  memory: { idleBytes: mib(3.5), perRequestBytes: 64 * 1024 },
  sigterm: 'exit',
  shell: 'sh',
  version: '1.27.3',
  env: { NGINX_VERSION: '{version}', PKG_RELEASE: '1~bookworm' },
  files: { '/usr/share/nginx/html/index.html': NGINX_WELCOME, '/etc/nginx/conf.d/default.conf': 'server {\n    listen       80;\n    listen  [::]:80;\n    server_name  localhost;\n\n    location / {\n        root   /usr/share/nginx/html;\n        index  index.html index.htm;\n    }\n}\n' },
};

const httpd: AppModel = {
  entrypoint: [],
  cmd: ['httpd-foreground'],
  kind: 'server',
  programs: ['httpd-foreground', 'httpd'],
  ports: [80],
  readyAfterMs: 300,
  routes: { '/': { status: 200, body: '<html><body><h1>It works!</h1></body></html>\n' }, '*': { status: 404, body: '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n' } },
  startLogs: [
    "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {podIP}. Set the 'ServerName' directive globally to suppress this message",
    "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {podIP}. Set the 'ServerName' directive globally to suppress this message",
    '[{httpdTime}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/{version} (Unix) configured -- resuming normal operations',
    "[{httpdTime}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'",
  ],
  requestLog: '{client} - - [{accessTime}] "{method} {path} HTTP/1.1" {status} {bytes}',
  serverHeader: 'Apache/{version} (Unix)',
  stopLogs: ['[{httpdTime}] [mpm_event:notice] [pid 1:tid 1] AH00492: caught SIGWINCH, shutting down gracefully'],
  memory: { idleBytes: mib(6), perRequestBytes: 128 * 1024 },
  sigterm: 'exit',
  shell: 'bash',
  version: '2.4.62',
};

const phpApache: AppModel = {
  ...httpd,
  entrypoint: ['docker-php-entrypoint'],
  cmd: ['apache2-foreground'],
  programs: ['apache2-foreground', 'docker-php-entrypoint', 'apache2'],
  routes: { '*': { status: 403, body: '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>403 Forbidden</title>\n</head><body>\n<h1>Forbidden</h1>\n<p>You don\'t have permission to access this resource.</p>\n</body></html>\n' } },
  startLogs: [
    '[{httpdTime}] [mpm_prefork:notice] [pid 1:tid 1] AH00163: Apache/2.4.62 (Debian) PHP/{version} configured -- resuming normal operations',
    "[{httpdTime}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'apache2 -D FOREGROUND'",
  ],
  memory: { idleBytes: mib(12), perRequestBytes: mib(2) },
  serverHeader: 'Apache/2.4.62 (Debian)',
  // the php images install curl for extensions' downloads (docker-library/php Dockerfile)
  tools: ['curl'],
  version: '8.3.14',
};

const tomcat: AppModel = {
  entrypoint: [],
  cmd: ['catalina.sh', 'run'],
  kind: 'server',
  programs: ['catalina.sh'],
  ports: [8080],
  readyAfterMs: 2_500,
  routes: { '*': { status: 404, body: '<!doctype html><html lang="en"><head><title>HTTP Status 404 – Not Found</title></head><body><h1>HTTP Status 404 – Not Found</h1></body></html>' } },
  startLogs: [
    '{tomcatTime} INFO [main] org.apache.catalina.startup.VersionLoggerListener.log Server version name:   Apache Tomcat/{version}',
    '{tomcatTime} INFO [main] org.apache.coyote.AbstractProtocol.init Initializing ProtocolHandler ["http-nio-8080"]',
    '{tomcatTime} INFO [main] org.apache.catalina.core.StandardService.startInternal Starting service [Catalina]',
    { at: 2_500, text: '{tomcatTime} INFO [main] org.apache.coyote.AbstractProtocol.start Starting ProtocolHandler ["http-nio-8080"]' },
    { at: 2_500, text: '{tomcatTime} INFO [main] org.apache.catalina.startup.Catalina.start Server startup in [2482] milliseconds' },
  ],
  memory: { idleBytes: mib(110), perRequestBytes: mib(1) },
  sigterm: 'exit',
  shell: 'bash',
  version: '10.1.34',
};

/** gcr.io/google-samples/hello-app (kubernetes-engine-samples/quickstarts/hello-app/main.go). */
const helloApp: AppModel = {
  entrypoint: [],
  cmd: ['/hello-app'],
  kind: 'server',
  programs: ['hello-app'],
  ports: [8080],
  readyAfterMs: 100,
  routes: { '*': { status: 200, body: 'Hello, world!\nVersion: {version}\nHostname: {pod}\n' } },
  startLogs: ['{nginxTime} Server listening on port 8080'],
  requestLog: '{nginxTime} Serving request: {path}',
  memory: { idleBytes: mib(4), perRequestBytes: 16 * 1024 },
  sigterm: 'exit',
  version: '1.0.0',
};

/** hashicorp/http-echo: ENTRYPOINT ["/http-echo"]; answers -text on -listen (default :5678). */
const httpEcho: AppModel = {
  entrypoint: ['/http-echo'],
  cmd: [],
  kind: 'server',
  programs: ['http-echo'],
  ports: [5678],
  readyAfterMs: 50,
  routes: { '*': { status: 200, body: '{text}\n' } },
  startLogs: ['{nginxTime} [INFO] server is listening on :5678'],
  requestLog: '{nginxTime} {host} {client} "{method} {path} HTTP/1.1" {status} {bytes} "{agent}" 12.3µs',
  memory: { idleBytes: mib(3), perRequestBytes: 8 * 1024 },
  sigterm: 'exit',
  version: '1.0.0',
};

const echoserver: AppModel = {
  entrypoint: [],
  cmd: ['nginx', '-g', 'daemon off;'],
  kind: 'server',
  programs: ['nginx'],
  ports: [8080],
  readyAfterMs: 200,
  routes: { '*': { status: 200, body: '\n\nHostname: {pod}\n\nPod Information:\n\t-no pod information available-\n\nServer values:\n\tserver_version=nginx: 1.13.3 - lua: 10008\n\nRequest Information:\n\tmethod=GET\n\treal path={path}\n\trequest_version=1.1\n' } },
  startLogs: ['Generating self-signed cert', 'Starting nginx'],
  requestLog: '{client} - - [{accessTime}] "{method} {path} HTTP/1.1" {status} {bytes} "-" "{agent}"',
  memory: { idleBytes: mib(8), perRequestBytes: 32 * 1024 },
  sigterm: 'exit',
  shell: 'sh',
};

/** registry.k8s.io/hpa-example: php-apache whose index.php burns CPU and prints "OK!" (the HPA walkthrough). */
const hpaExample: AppModel = { ...phpApache, routes: { '*': { status: 200, body: 'OK!' } }, memory: { idleBytes: mib(10), perRequestBytes: mib(1) } };

/**
 * The release a minor tag last pointed to when the registry was captured (nginx:1.25 is nginx 1.25.5: its
 * NGINX_VERSION and `nginx -v` say so; https://hub.docker.com/_/nginx, nginx.org/en/CHANGES).
 */
const NGINX_PATCH_RELEASES: Record<string, Partial<AppModel>> = Object.fromEntries(
  Object.entries({ '1.19': '1.19.10', '1.20': '1.20.2', '1.21': '1.21.6', '1.22': '1.22.1', '1.23': '1.23.4', '1.24': '1.24.0', '1.25': '1.25.5', '1.26': '1.26.2', '1.27': '1.27.3' }).map(([tag, version]) => [tag, { version }]),
);

export const WEB_SERVER_IMAGES: ImageFamily[] = [
  { repository: lib('nginx'), tags: ['1.14.2', '1.16.1', '1.19', '1.20', '1.21', '1.22', '1.23', '1.24', '1.25', '1.25.3', '1.26', '1.27', '1.27.3', 'alpine', 'stable', 'latest'], sizeBytes: 72_950_530, app: nginx, byTag: { ...NGINX_PATCH_RELEASES, stable: { version: '1.26.2' }, alpine: { shell: 'sh', tools: ['curl', 'wget', 'nslookup'], systemTools: ['ps', 'free', 'df', 'nginx'] } } },
  { repository: lib('httpd'), tags: ['2.4', '2.4.62', 'alpine', 'latest'], sizeBytes: 58_432_118, app: httpd, byTag: { alpine: { shell: 'sh', tools: ['wget', 'nslookup'] } } },
  { repository: lib('php'), tags: ['8.2-apache', '8.3-apache', 'apache', 'latest'], sizeBytes: 186_541_733, app: phpApache, byTag: { '8.2-apache': { version: '8.2.27' } } },
  { repository: lib('tomcat'), tags: ['9', '10', 'latest'], sizeBytes: 160_412_977, app: tomcat, byTag: { '9': { version: '9.0.98' } } },
  { repository: 'docker.io/hashicorp/http-echo', tags: ['0.2.3', '1.0', 'latest'], sizeBytes: 3_492_184, app: httpEcho },
  { repository: 'gcr.io/google-samples/hello-app', tags: ['1.0', '2.0'], sizeBytes: 4_713_651, app: helloApp, byTag: { '2.0': { version: '2.0.0' } } },
  { repository: 'registry.k8s.io/echoserver', tags: ['1.10'], sizeBytes: 46_314_129, app: echoserver },
  { repository: 'registry.k8s.io/hpa-example', tags: ['latest'], sizeBytes: 183_412_080, app: hpaExample },
];
