/**
 * Differential test: the same commands through the real kubectl (against the sim API server) and through our
 * kubectl (against the same engine) must print the same text. Skipped, with a line saying so, when no kubectl binary is
 * installed. Table cells reach the real kubectl from our own lib/k8s printers, so this checks layout; the cells
 * themselves are checked against the upstream printer rules in lib/k8s/table-oracle.test.ts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator } from '../sim';
import { startSimServer, type SimServer } from '../simserver';
import { findKubectls, Kubectl, skipWithoutKubectl } from '../simserver/kubectl-harness';
import { EngineClient } from './testing/engine-client';
import { kubectl as ours } from './testing/run';

const binaries = await findKubectls();
const newest = binaries[binaries.length - 1];
const skip = skipWithoutKubectl('Differential tests against the real kubectl', newest);

/** Commands whose output must match byte for byte. */
const SAME_OUTPUT = [
  'get pods',
  'get pods -o wide',
  'get pods -A',
  'get pods --show-labels',
  'get pods -l app=web -o name',
  'get deploy',
  'get deploy -o wide',
  'get rs',
  'get rs -o wide',
  'get nodes',
  'get nodes -o wide',
  'get svc',
  'get svc -o wide',
  'get ep',
  'get ns',
  'get deploy,svc',
  'get all',
  'get pods -n kube-system',
  'get pods -n nowhere',
  'get pods nope',
  'get deploy web -o yaml',
  'get svc web -o json',
  'get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName',
  "get pods -o jsonpath={.items[*].metadata.name}",
  'rollout history deploy/web',
  'rollout status deploy/web',
  'get events',
  'get pods --sort-by=.metadata.name -o name',
  'rollout history deploy/web --revision=1',
  'describe deploy web',
  'describe rs',
  'describe pod solo',
  'describe node worker-1',
  // pod template and container blocks with resources, probes, command, args, env and named ports
  'describe deploy shop',
  'describe rs -l app=shop',
  'describe pod -l app=shop',
  'rollout history deploy/shop --revision=1',
  // ConfigMaps, Secrets, EndpointSlices and DaemonSets
  'get cm',
  'get secrets',
  'get secret db -o yaml',
  // one key each: kubectl 1.33 prints data in Go map order (1.34 sorts the keys, as we do)
  'describe configmap mode',
  'describe secret db',
  'get endpointslices -n kube-system',
  'get ds -A',
  'describe ds kube-proxy -n kube-system',
  'rollout status ds/kube-proxy -n kube-system',
  'describe svc web',
  'api-resources',
  // metrics.k8s.io (metrics-server): the same numbers, rounding and columns
  'top pods',
  'top pods -A',
  // (sorted lists of up to 12 rows: Go's sort.Sort orders equal rows like a stable sort only that far)
  'top pod solo --containers',
  'top pods -n kube-system --sort-by=cpu --no-headers',
  'top nodes',
  'top nodes --sort-by=cpu',
  'top pods --sort-by=size',
  'top pod nope',
  'top pods -l ==',
  'top nodes --containers',
  // a pod configured from them: env, envFrom, fieldRef, mounts and volumes
  'describe pod configured',
  'get pod configured -o yaml',
];

/** A pod that takes its configuration from the ConfigMap and Secret the setup creates. */
const CONFIGURED = `apiVersion: v1
kind: Pod
metadata:
  name: configured
spec:
  volumes:
  - name: cfg
    configMap: {name: mode}
  - name: creds
    secret: {secretName: db, defaultMode: 0400}
  containers:
  - name: app
    image: nginx:1.25
    envFrom:
    - configMapRef: {name: mode}
      prefix: CFG_
    env:
    - name: MODE
      valueFrom: {configMapKeyRef: {name: mode, key: MODE}}
    - name: PASS
      valueFrom: {secretKeyRef: {name: db, key: password, optional: true}}
    - name: POD
      valueFrom: {fieldRef: {fieldPath: metadata.name}}
    volumeMounts:
    - {name: cfg, mountPath: /etc/app}
    - {name: creds, mountPath: /secrets, readOnly: true}
`;

/**
 * Type arguments in every form kubectl's RESTMapper takes or refuses (k8s.io/cli-runtime pkg/resource/builder.go
 * mappingFor): one qualifier is a group, two are version and group, the group is matched as written, and an
 * unknown type is named by its resource part only.
 */
const RESOURCE_SPELLINGS = [
  'get PODS -o name',
  'get po.v1. -o name',
  'get deployments.apps -o name',
  'get Deployment.v1.apps -o name',
  'get rs.v1.apps -o name',
  'get svc,ep -o name',
  'get deployments.v1',
  'get pods.v1',
  'get Deployments.Apps',
  'get deploy,foo.bar',
  'describe foo.v1.apps',
];

/**
 * A Deployment using every container field describe prints, applied from the editor's file. Its ports have no
 * names: kubectl 1.34 prints `80/TCP (http)` for a named port, the 1.33 binary here only `80/TCP`.
 */
const SHOP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  replicas: 1
  selector:
    matchLabels: {app: shop}
  template:
    metadata:
      labels: {app: shop}
    spec:
      containers:
        - name: web
          image: nginx:1.25
          command: [nginx]
          args: ["-g", "daemon off;"]
          ports:
            - {containerPort: 80}
            - {containerPort: 9113}
          env:
            - {name: MODE, value: production}
          resources:
            requests: {memory: 64Mi, cpu: 100m}
            limits: {memory: 128Mi, cpu: 500m}
          readinessProbe:
            httpGet: {path: /, port: 80}
            initialDelaySeconds: 2
            periodSeconds: 5
          livenessProbe:
            tcpSocket: {port: 80}
            periodSeconds: 10
          startupProbe:
            exec: {command: [cat, /etc/nginx/nginx.conf]}
            failureThreshold: 30
`;
// Also different on purpose: `describe ns` (we print a real cluster's "No resource quota." lines).
// `describe node` here drops kubectl's "Lease:" line (no Lease API in the sim).

describe.skipIf(skip)('our kubectl prints what the real kubectl prints', () => {
  let server: SimServer;
  let real: Kubectl;
  let client: EngineClient;

  beforeAll(async () => {
    const wall = Date.now();
    // The engine starts an hour in the past and is advanced by hand (speed 0): time stands still between the
    // two runs of a command, and every age is in whole minutes.
    const sim = createSimulator({ seed: 11, startTime: wall - 3_600_000 });
    const dir = mkdtempSync(join(tmpdir(), 'kubectl-diff-'));
    server = await startSimServer({ port: 0, sim, speed: 0, kubeconfigPath: join(dir, 'kubeconfig') } as never);
    real = new Kubectl(newest, join(dir, 'kubeconfig'));
    client = new EngineClient(sim);
    const setup = [
      'kubectl create deployment web --image=nginx:1.24 --replicas=3',
      'kubectl expose deployment web --port=80 --type=NodePort',
      'kubectl run solo --image=nginx --labels=app=solo',
      'kubectl create configmap app-config --from-literal=MODE=dev --from-literal=LEVEL=3',
      'kubectl create configmap mode --from-literal=MODE=dev',
      'kubectl create secret generic db --from-literal=password=s3cr3t',
    ];
    for (const line of setup) expect((await ours(client, line, { now: () => sim.now() })).exitCode).toBe(0);
    expect((await ours(client, 'kubectl apply -f shop.yaml', { now: () => sim.now(), files: new Map([['shop.yaml', SHOP]]) })).exitCode).toBe(0);
    expect((await ours(client, 'kubectl apply -f configured.yaml', { now: () => sim.now(), files: new Map([['configured.yaml', CONFIGURED]]) })).exitCode).toBe(0);
    sim.advance(600_000);
    expect((await ours(client, 'kubectl set image deploy/web nginx=nginx:1.25', { now: () => sim.now() })).exitCode).toBe(0);
    sim.advance(2_400_000);
  }, 60_000);

  afterAll(async () => {
    client?.dispose();
    await server?.close();
  });

  it.each(RESOURCE_SPELLINGS)(`resolves like kubectl: %s`, async (command) => {
    const theirs = await real.run(...command.split(' '));
    const mine = await ours(client, `kubectl ${command}`, { now: () => server.sim.now() });
    expect(mine.stdout).toBe(theirs.stdout);
    expect(mine.stderr.split('\n')[0]).toBe(theirs.stderr.split('\n')[0]);
  });

  it.each(SAME_OUTPUT)(`kubectl %s`, async (command) => {
    const before = Date.now();
    const theirs = await real.run(...command.split(' '));
    const after = Date.now();
    theirs.stdout = theirs.stdout.replace(/^Lease: .*\n/m, '');
    // Tables are printed by the API server on its clock (simulated time). describe computes ages in kubectl on the
    // wall clock at some instant while it ran: print ours at instants across that window (its ends and every 25 ms
    // between), so ages that ticked over (e.g. 49m → 50m for one event and not yet for a later one) while kubectl
    // ran can't fail the comparison; theirs must equal ours at one of those instants.
    let mine: Awaited<ReturnType<typeof ours>>;
    if (command.startsWith('describe')) {
      const step = Math.max(25, Math.ceil((after - before) / 200));
      const instants = [before];
      for (let t = before + step; t < after; t += step) instants.push(t);
      instants.push(after);
      mine = await ours(client, `kubectl ${command}`, { now: () => before });
      for (const t of instants) {
        const at = await ours(client, `kubectl ${command}`, { now: () => t });
        if (at.stdout === theirs.stdout) {
          mine = at;
          break;
        }
      }
    } else {
      mine = await ours(client, `kubectl ${command}`, { now: () => server.sim.now() });
    }
    expect(mine.stdout).toBe(theirs.stdout);
    // errors: the same first line (ours adds one Korean hint line after it)
    expect(mine.stderr.split('\n')[0]).toBe(theirs.stderr.split('\n')[0]);
  });
});
