/** The remaining commands, each against the simulator: output text as kubectl prints it and the cluster effect. */
import { beforeEach, describe, expect, it } from 'vitest';
import { SimClient } from '../cluster/sim-client';
import type { V1Deployment, V1Node, V1Pod, V1Service } from '../k8s/types';
import { kubectl } from './testing/run';

let client: SimClient;
const files = new Map<string, string>();
const run = (line: string) => kubectl(client, line, { files });

beforeEach(async () => {
  client = new SimClient({ seed: 3, autoplay: false });
  await client.ready;
  files.clear();
});

describe('run / create with --dry-run=client -o yaml', () => {
  it('prints the manifest kubectl would send and creates nothing', async () => {
    const { stdout } = await run('kubectl run web --image=nginx --dry-run=client -o yaml');
    expect(stdout).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: web\n  name: web\nspec:\n  containers:\n  - image: nginx\n    name: web\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n',
    );
    expect((await run('kubectl create deployment api --image=nginx:1.25 --replicas=2 --dry-run=client')).stdout).toBe('deployment.apps/api created (dry run)\n');
    await expect(client.get('Pod', 'web', 'default')).rejects.toThrow();
    await expect(client.get('Deployment', 'api', 'default')).rejects.toThrow();
  });

  it('run --labels --port sets labels and the container port', async () => {
    await run('kubectl run web --image=nginx --labels=app=web,tier=fe --port=80');
    const pod = (await client.get('Pod', 'web', 'default')) as V1Pod;
    expect(pod.metadata?.labels).toEqual({ app: 'web', tier: 'fe' });
    expect(pod.spec?.containers[0].ports?.[0].containerPort).toBe(80);
    expect((await run('kubectl run x')).stderr).toContain('error: required flag(s) "image" not set');
  });
});

describe('create -f, delete -f, label, expose', () => {
  it('creates and deletes every document of a multi-document file', async () => {
    files.set('app.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers: [{name: a, image: nginx}]\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  selector: {app: a}\n  ports: [{port: 80}]\n');
    expect((await run('kubectl create -f app.yaml')).stdout).toBe('pod/a created\nservice/a created\n');
    const again = await run('kubectl create -f app.yaml');
    expect(again.stderr).toContain('Error from server (AlreadyExists): error when creating "app.yaml": pods "a" already exists');
    expect((await run('kubectl delete -f app.yaml')).stdout).toBe('pod "a" deleted from default namespace\nservice "a" deleted from default namespace\n');
    expect((await run('kubectl apply -f nope.yaml')).stderr).toContain('error: the path "nope.yaml" does not exist');
  });

  // k8s.io/kubectl pkg/cmd/delete/delete.go PrintObj since v1.34 (kubernetes#126619, the version `kubectl version`
  // reports here): a namespaced object's line names its namespace; a cluster-scoped one's doesn't.
  it('delete names the namespace of a namespaced object, as kubectl 1.34 does, and not of a cluster-scoped one', async () => {
    await run('kubectl create namespace team');
    await run('kubectl create configmap cfg -n team --from-literal=a=b');
    expect((await run('kubectl delete configmap cfg -n team --wait=false')).stdout).toBe('configmap "cfg" deleted from team namespace\n');
    expect((await run('kubectl delete namespace team --wait=false')).stdout).toBe('namespace "team" deleted\n');
    expect((await run('kubectl version --client')).stdout).toContain('Client Version: v1.34.2');
  });

  it('label adds, refuses to overwrite without --overwrite, and removes with key-', async () => {
    await run('kubectl run web --image=nginx');
    expect((await run('kubectl label pod web env=prod')).stdout).toBe('pod/web labeled\n');
    expect((await run('kubectl label pod web env=dev')).stderr).toContain("error: 'env' already has a value (prod), and --overwrite is false");
    expect((await run('kubectl label pod web env=dev --overwrite')).stdout).toBe('pod/web labeled\n');
    expect((await run('kubectl label pod web env-')).stdout).toBe('pod/web unlabeled\n');
    expect(((await client.get('Pod', 'web', 'default')) as V1Pod).metadata?.labels).toEqual({ run: 'web' });
  });

  it('expose makes a Service that selects the Deployment pods', async () => {
    await run('kubectl create deployment web --image=nginx --replicas=2');
    expect((await run('kubectl expose deployment web --port=80 --target-port=8080 --type=NodePort')).stdout).toBe('service/web exposed\n');
    const svc = (await client.get('Service', 'web', 'default')) as V1Service;
    expect(svc.spec?.selector).toEqual({ app: 'web' });
    expect(svc.spec?.ports?.[0]).toMatchObject({ port: 80, targetPort: 8080, protocol: 'TCP' });
    expect(svc.spec?.type).toBe('NodePort');
    expect((await run('kubectl expose deploy/web --name=other')).stderr).toContain("couldn't find port via --port flag or introspection");
  });

  it('expose works on a Deployment with no labels of its own (the Service gets none; the selector comes from spec.selector)', async () => {
    // kubectl expose copies the object's labels only when it has some (staging/src/k8s.io/kubectl/pkg/cmd/expose)
    files.set('hello.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: hello\nspec:\n  selector:\n    matchLabels: {app: hello}\n  template:\n    metadata:\n      labels: {app: hello}\n    spec:\n      containers: [{name: hello, image: kubelab/hello:1.0}]\n');
    expect((await run('kubectl apply -f hello.yaml')).exitCode).toBe(0);
    const exposed = await run('kubectl expose deployment hello --port=80 --target-port=8080');
    expect(exposed.stderr).toBe('');
    expect(exposed.stdout).toBe('service/hello exposed\n');
    const svc = (await client.get('Service', 'hello', 'default')) as V1Service;
    expect(svc.metadata?.labels).toBeUndefined();
    expect(svc.spec?.selector).toEqual({ app: 'hello' });
  });
});

describe('rollout pause / resume / restart', () => {
  it('toggles spec.paused and stamps restartedAt', async () => {
    await run('kubectl create deployment web --image=nginx');
    expect((await run('kubectl rollout pause deploy/web')).stdout).toBe('deployment.apps/web paused\n');
    expect((await run('kubectl rollout pause deploy/web')).stderr).toContain('error: deployments.apps "web" is already paused');
    expect((await run('kubectl rollout resume deploy/web')).stdout).toBe('deployment.apps/web resumed\n');
    expect((await run('kubectl rollout restart deploy/web')).stdout).toBe('deployment.apps/web restarted\n');
    const d = (await client.get('Deployment', 'web', 'default')) as V1Deployment;
    expect(d.spec?.paused).toBeFalsy();
    expect(d.spec?.template?.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect((await run('kubectl rollout')).stderr).toContain('Required subcommand not specified');
  });
});

describe('nodes: cordon, uncordon, drain', () => {
  it('cordons and uncordons, and drain evicts controller pods once daemonsets are ignored', async () => {
    expect((await run('kubectl cordon worker-2')).stdout).toBe('node/worker-2 cordoned\n');
    expect((await run('kubectl cordon worker-2')).stdout).toBe('node/worker-2 already cordoned\n');
    expect(((await client.get('Node', 'worker-2')) as V1Node).spec?.unschedulable).toBe(true);
    expect((await run('kubectl get nodes')).stdout).toMatch(/^worker-2\s+Ready,SchedulingDisabled\s/m);
    expect((await run('kubectl uncordon worker-2')).stdout).toBe('node/worker-2 uncordoned\n');
    await run('kubectl create deployment web --image=nginx --replicas=4');
    client.advance(30_000);
    const refused = await run('kubectl drain worker-1');
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore)');
    const drained = await run('kubectl drain worker-1 --ignore-daemonsets');
    expect(drained.stdout).toMatch(/^node\/worker-1 already cordoned\n/);
    expect(drained.stdout).toMatch(/^evicting pod default\/web-/m);
    expect(drained.stdout.trimEnd().split('\n').pop()).toBe('node/worker-1 drained');
    client.advance(60_000);
    const pods = (await client.list('Pod', 'default')) as V1Pod[];
    expect(pods.filter((p) => !p.metadata?.deletionTimestamp).every((p) => p.spec?.nodeName !== 'worker-1')).toBe(true);
  });
});

describe('logs, explain, version, cluster-info, api-resources, completion', () => {
  it('logs print what nginx wrote at start, and nothing it never did', async () => {
    await run('kubectl run web --image=nginx:1.25');
    expect((await run('kubectl logs web')).stderr).toContain('is waiting to start');
    client.advance(120_000);
    const { stdout } = await run('kubectl logs web');
    expect(stdout).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up');
    expect(stdout).toMatch(/\[notice\] 1#1: nginx\/1\.25/);
    // no request reached it, so there is no access log line (the old generator invented some)
    expect(stdout).not.toMatch(/"GET /);
    expect((await run('kubectl logs web --tail=2')).stdout.trimEnd().split('\n')).toHaveLength(2);
  });

  it('explain prints the upstream description, then the Korean one, in kubectl 1.34 layout', async () => {
    // kubectl release-1.34 pkg/explain/v2/templates/plaintext.tmpl: `FIELD: x <T>` followed by two newlines, the
    // description wrapped at 76 columns (DeploymentSpec.replicas in kubernetes/api apps/v1 types.go); the
    // Korean line is ours. (The old explain printed only the Korean text, in a layout kubectl never had.)
    const { stdout } = await run('kubectl explain deployment.spec.replicas');
    expect(stdout).toBe(
      'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: replicas <integer>\n\n\nDESCRIPTION:\n' +
        '    Number of desired pods. This is a pointer to distinguish between explicit\n    zero and not specified. Defaults to 1.\n    \n' +
        '    한국어: 원하는 파드 개수. 기본 1.\n\n',
    );
    expect((await run('kubectl explain pod.spec')).stdout).toContain('  containers\t<[]Container> -required-\n');
    expect((await run('kubectl explain pod.spec.containerz')).stderr).toContain('error: field "containerz" does not exist');
  });

  it('prints version, cluster-info, api-resources and the bash completion note', async () => {
    expect((await run('kubectl version')).stdout).toMatch(/^Client Version: v1\.\d+\.\d+\nKustomize Version: v\d+\.\d+\.\d+\nServer Version: v1\.\d+\.\d+\n$/);
    expect((await run('kubectl cluster-info')).stdout).toMatch(/^Kubernetes control plane is running at https:\/\/\S+\nCoreDNS is running at /);
    expect((await run('kubectl api-resources')).stdout.split('\n')[0]).toBe('NAME' + ' '.repeat(19) + 'SHORTNAMES   APIVERSION               NAMESPACED   KIND'); // widest: poddisruptionbudgets, metrics.k8s.io/v1beta1
    const completion = await run('kubectl completion bash');
    expect(completion.stdout).toContain('complete -o default -F __start_kubectl kubectl');
    expect(completion.stderr).toContain('source <(kubectl completion bash)');
    expect(completion.stderr).toContain("echo 'source <(kubectl completion bash)' >> ~/.bashrc");
  });

  it('unsupported real commands answer in Korean instead of "unknown command"', async () => {
    const r = await run('kubectl port-forward web 8080:80');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).not.toContain('unknown command');
    expect(r.stderr.trimEnd().split('\n').pop()).toMatch(/^힌트: 'kubectl port-forward'.*지원하지 않아요/);
  });
});
