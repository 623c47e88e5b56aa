/**
 * One cold run of the peer simulator (@ngrok/webernetes, bundled by bench/peer.bench.ts): a 10-node cluster,
 * a Deployment of REPLICAS → all Ready, stepping its mocked clock. Prints one JSON line.
 * The peer runs no real images: a registered image listens on port 80 and waits to be killed, like nginx.
 */
const [bundle, replicasArg] = process.argv.slice(2);
const REPLICAS = Number(replicasArg);
const { Cluster, BaseImage } = await import(bundle);

class Web extends BaseImage {
  static imageName = 'web';
  static imageVersion = '1.0';
  defaultCommand = ['server'];
  async exec(ctx, argv) {
    if (argv[0] !== 'server') return super.exec(ctx, argv);
    ctx.listenHttp(80, async () => ({ statusCode: 200, body: 'ok\n' }));
    return await ctx.waitUntilKilled();
  }
}

// The peer's controllers are promise chains: after each clock step, let them settle before stepping again.
const settle = () => new Promise((resolve) => setImmediate(resolve));
const STEP_MS = 100;

const cpu0 = process.cpuUsage();
const t0 = performance.now();
const cluster = new Cluster({ nodes: 10 });
cluster.registerImage(Web);
cluster.clock.pause();
let initialised = false;
cluster.init().then(() => (initialised = true));
while (!initialised) {
  cluster.clock.step(STEP_MS);
  await settle();
}
await cluster.apply([
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas: REPLICAS, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'web:1.0' }] } } },
  },
]);
let ready = 0;
let simMs = 0;
for (let step = 1; ready < REPLICAS; step++) {
  cluster.clock.step(STEP_MS);
  simMs += STEP_MS;
  await settle();
  if (step % 10 === 0) {
    const d = await cluster.api.appsv1.readNamespacedDeployment({ name: 'web', namespace: 'default' });
    ready = d.status?.readyReplicas ?? 0;
  }
  if (simMs > 600_000) throw new Error(`peer stuck at ${ready}/${REPLICAS} Ready`);
}
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - t0, simMs, ready }));
process.exit(0);
