/**
 * Traffic benchmark (npm run bench:traffic): the cost goal — 1,000 requests/s for 60 simulated seconds to
 * a Service of 10 pods (through cluster DNS, kube-proxy's endpoint choice, the app model, the access log) costs
 * ≤ 10 % of the time of the same 60 s of the same cluster without traffic. Requests are sent in 100 ms slices
 * (100 per slice), as a load generator would. Also: CPU per request.
 */
import os from 'node:os';
import { tenWebPods } from '../lib/sim/network/testing';

const RATE = 1000;
const SECONDS = 60;

/** 10 nginx pods behind Service `web` with a readiness probe, and a client pod */
const cluster = () => tenWebPods({ readinessProbe: true });

function cpuMsOf(fn: () => void): number {
  const c0 = process.cpuUsage();
  fn();
  const u = process.cpuUsage(c0);
  return (u.user + u.system) / 1000;
}

const quiet = cluster();
const quietMs = cpuMsOf(() => {
  for (let t = 0; t < SECONDS * 1000; t += 100) quiet.advance(100);
});

const busy = cluster();
let failed = 0;
const busyMs = cpuMsOf(() => {
  for (let t = 0; t < SECONDS * 1000; t += 100) {
    busy.advance(100);
    for (let i = 0; i < RATE / 10; i++) if (!busy.sendRequest({ from: { pod: 'client' }, url: 'http://web/' }).ok) failed++;
  }
});
const requests = RATE * SECONDS;
const extraMs = busyMs - quietMs;
const usPerRequest = (extraMs * 1000) / requests;

const row = (label: string, value: string, note = '') => console.log(`${label.padEnd(60)}${value.padStart(14)}  ${note}`);
row(`${SECONDS} s simulated, no traffic, CPU`, `${quietMs.toFixed(0)} ms`);
row(`${SECONDS} s simulated, ${RATE} req/s, CPU`, `${busyMs.toFixed(0)} ms`, `${requests} requests, ${failed} failed`);
row('CPU per request', `${usPerRequest.toFixed(1)} µs`);
row('traffic cost vs the quiet cluster', `${((extraMs / quietMs) * 100).toFixed(0)} %`, 'goal ≤ 10 % (see report)');
row('load average (1 min)', os.loadavg()[0].toFixed(2), `${os.cpus().length} CPUs`);
console.log(`BENCH ${JSON.stringify({ requests, failed, quiet_cpu_ms: Math.round(quietMs), busy_cpu_ms: Math.round(busyMs), us_per_request: Number(usPerRequest.toFixed(1)) })}`);
