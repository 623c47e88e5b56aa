/**
 * busybox nslookup (networking/nslookup.c, the implementation busybox ≥ 1.30 builds by default): it reads the
 * nameserver and search list from /etc/resolv.conf but not ndots — a name without a dot is queried under every
 * search domain, a name with one is queried as it is (hence the well-known NXDOMAIN for `svc.ns` in busybox
 * while wget finds it). It sends an A and an AAAA query per name and prints each reply: `Name:\tN\nAddress: IP`,
 * or `** server can't find N: NXDOMAIN`, each followed by an empty line. The exit status is 1 when any reply was an
 * error (`G.exitcode = EXIT_FAILURE` beside that line, busybox ≥ 1.30) — so a short name exits 1 inside a pod even
 * when it resolves, since the other search domains answer NXDOMAIN; 0 only when every query found an answer.
 */
import type { ShellCommand } from '../../shell';
import { parseResolvConf } from '../dns';
import { isIPv4 } from '../ip';
import { networkOf } from './common';

const USAGE = 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n';

export const nslookup: ShellCommand = (args, st, io) => {
  const names = args.filter((a) => !a.startsWith('-'));
  if (names.length === 0 || names.length > 2) {
    io.err(USAGE);
    return 1;
  }
  const net = networkOf('nslookup', st, io);
  if (!net) return 1;
  const host = names[0];
  const conf = parseResolvConf(st.files.get('/etc/resolv.conf') ?? '');
  const server = names[1] ?? conf.nameservers[0] ?? '127.0.0.1';
  const type = args.find((a) => /^-(type|querytype|q)=/i.test(a))?.split('=')[1]?.toUpperCase();
  // the cluster's DNS answers only at its ClusterIP (or a CoreDNS pod); any other server is unreachable
  if (server !== net.nameserver) {
    io.out(';; connection timed out; no servers could be reached\n\n');
    return 1;
  }
  io.out(`Server:\t\t${server}\nAddress:\t${server}:53\n\n`);
  if (isIPv4(host)) {
    // a PTR query: CoreDNS answers reverse lookups only for Service and pod IPs it knows (not modelled) → NXDOMAIN
    io.out(`** server can't find ${host.split('.').reverse().join('.')}.in-addr.arpa: NXDOMAIN\n\n`);
    return 1;
  }
  const fqdns = host.includes('.') || conf.search.length === 0 ? [host.replace(/\.$/, '')] : conf.search.map((d) => `${host}.${d}`);
  const types: ('A' | 'AAAA')[] = type === 'A' || type === 'AAAA' ? [type] : ['A', 'AAAA'];
  let code = 0;
  for (const t of types)
    for (const fqdn of fqdns) {
      const a = net.query(fqdn, t);
      if (a.rcode !== 'NOERROR') {
        io.out(`** server can't find ${fqdn}: ${a.rcode}\n`);
        code = 1;
      }
      // nslookup.c prints a CNAME as "NAME\tcanonical name = TARGET", then the target's addresses under its name
      if (a.cname) io.out(`${fqdn}\tcanonical name = ${a.cname}\n`);
      for (const ip of a.ips) io.out(`Name:\t${a.cname ?? fqdn}\nAddress: ${ip}\n`);
      io.out('\n');
    }
  st.t += 2;
  return code;
};
