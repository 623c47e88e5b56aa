/**
 * What the nginx-based reverse proxies (kubelab/reverse-proxy, the ingress-nginx controller) share: nginx's own
 * error page and error-log line, and the shell with curl, wget and nslookup their images ship for checking the
 * upstreams by hand. lib/sim/network/reverse-proxy.ts and ingress-nginx.ts give the answers; this is their text.
 */
import type { AppModel } from './types';

/**
 * nginx's built-in error page (src/http/ngx_http_special_response.c): the status in the title and heading, then
 * ngx_http_error_tail — `nginx/VERSION`, or `nginx` with server_tokens off (ingress-nginx's default).
 */
export const nginxErrorPage = (tail: string) => `<html>\n<head><title>{status} {reason}</title></head>\n<body>\n<center><h1>{status} {reason}</h1></center>\n<hr><center>${tail}</center>\n</body>\n</html>\n`;

/** A proxying nginx: its error page, its error-log line (written by worker `workerPid`), its shell and tools; exits on SIGTERM. */
export function nginxProxyParts(tail: string, workerPid: number, ingressController = false): Pick<AppModel, 'reverseProxy' | 'sigterm' | 'shell' | 'tools'> {
  return {
    reverseProxy: {
      ...(ingressController ? { ingressController: true as const } : {}),
      errorPage: nginxErrorPage(tail),
      errorLog: `{nginxTime} [error] ${workerPid}#${workerPid}: *1 {message}, client: {client}, server: {server}, request: "{method} {path} HTTP/1.1"{upstreamUrl}, host: "{host}"`,
    },
    sigterm: 'exit',
    shell: 'sh',
    tools: ['curl', 'wget', 'nslookup'],
  };
}
