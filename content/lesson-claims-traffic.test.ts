/**
 * Lesson 07's claims about requests, checked on the engine as in lesson-claims.test.ts: a client pod reaches a
 * Service by its three DNS names (https://github.com/kubernetes/dns/blob/master/docs/specification.md, §2.3.1: the
 * A record <service>.<ns>.svc.<zone>; the search path of the pod's resolv.conf makes `web` and `web.default` work),
 * a NodePort answers on every node's address (https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport),
 * a LoadBalancer without a cloud stays <pending>, and the reverse-proxy chain answers with a php-test-1 pod name, or
 * 502 when the Service's selector matches nothing (https://nginx.org/en/docs/http/ngx_http_proxy_module.html).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { V1Pod } from '@kubernetes/client-node';
import { evaluateChecks } from '@/lib/lessons/check';
import { lessonOutline } from '@/lib/lessons/outline';
import { disposeLessonClusters, lesson, start } from './lesson-cluster';

afterEach(disposeLessonClusters);

const exercise = (id: string) => lessonOutline(lesson('services').body).exercises.find((e) => e.id === id)!;

describe('lesson claims: services carry requests', () => {
  it('services: the client pod reaches web by short name, name.namespace and FQDN; nslookup names the FQDN and the ClusterIP', async () => {
    const { client, run } = await start('services');
    await run('kubectl apply -f web-svc.yaml');
    await run('kubectl run client --image=curlimages/curl -- sleep 3600');
    client.time.step(10_000);
    for (const host of ['web', 'web.default', 'web.default.svc.cluster.local'])
      expect((await run(`kubectl exec client -- curl -s http://${host}:8000`)).stdout).toContain('<title>Welcome to nginx!</title>');
    const clusterIp = (await run('kubectl get service web -o jsonpath={.spec.clusterIP}')).stdout;
    const lookup = await run('kubectl exec client -- nslookup web');
    const ns = lookup.stdout;
    expect(ns).toContain(`Name:\tweb.default.svc.cluster.local\nAddress: ${clusterIp}\n`);
    expect(ns).toContain('NXDOMAIN');
    // "종료 코드 1로 끝나서, kubectl이 마지막에 command terminated with exit code 1을 덧붙입니다"
    expect(lookup.stderr).toBe('command terminated with exit code 1\n');
    // "같은 NXDOMAIN 줄이 두 번씩": busybox nslookup.c (1_36_1) queues an A and then an AAAA query for every search
    // candidate (add_query_with_search(T_A …) then (T_AAAA …)) and prints "** server can't find NAME: NXDOMAIN" per reply
    const misses = [...ns.matchAll(/^\*\* server can't find (\S+): NXDOMAIN$/gm)].map((m) => m[1]);
    expect(misses).toEqual(['web.svc.cluster.local', 'web.cluster.local', 'web.svc.cluster.local', 'web.cluster.local']);
    const typoLookup = (await run('kubectl exec client -- nslookup wbe')).stdout;
    const candidates = ['wbe.default.svc.cluster.local', 'wbe.svc.cluster.local', 'wbe.cluster.local'];
    expect([...typoLookup.matchAll(/^\*\* server can't find (\S+): NXDOMAIN$/gm)].map((m) => m[1])).toEqual([...candidates, ...candidates]);
    expect((await run('kubectl exec client -- cat /etc/resolv.conf')).stdout).toMatch(/^search default\.svc\.cluster\.local svc\.cluster\.local cluster\.local$/m);
    const typo = await run('kubectl exec client -- curl -s -S http://wbe:8000');
    expect(typo.stderr).toContain('Could not resolve host: wbe');
  });

  it('services: the laptop cannot resolve web; the NodePort 30080 answers on both workers; the LoadBalancer stays <pending> with the Korean note', async () => {
    const { client, run } = await start('services');
    await run('kubectl apply -f web-svc.yaml');
    expect((await run('curl http://web:8000')).stderr).toContain('Could not resolve host: web');
    await run('kubectl apply -f web-nodeport.yaml');
    client.time.step(2_000);
    expect((await run('kubectl get service web-nodeport')).stdout).toMatch(/^web-nodeport\s+NodePort\s+\S+\s+<none>\s+80:30080\/TCP\s/m);
    for (const ip of ['192.168.56.11', '192.168.56.12']) expect((await run(`curl http://${ip}:30080`)).stdout).toContain('<title>Welcome to nginx!</title>');
    await run('kubectl expose deployment web --name=web-lb --type=LoadBalancer --port=80');
    const lb = await run('kubectl get service web-lb');
    expect(lb.stdout).toMatch(/^web-lb\s+LoadBalancer\s+\S+\s+<pending>\s+80:\d+\/TCP\s/m);
    expect(lb.stderr).toContain('클라우드 로드밸런서가 없어서');
  });

  it('services: the chain answers from both php-test-1 pods on two workers; the php log shows the proxy pod IP; a selector typo gives 502 and a connect() failed line', async () => {
    const { client, run } = await start('services');
    await run('kubectl apply -f php-test-1.yaml');
    await run('kubectl apply -f proxy.yaml');
    await run('kubectl rollout status deployment/proxy');
    client.time.step(10_000);
    const pods = (await client.list('Pod', 'default', { labelSelector: 'app=php-test-1' })) as V1Pod[];
    expect(new Set(pods.map((p) => p.spec!.nodeName)).size).toBe(2); // "서로 다른 워커 노드에"
    const answered = new Set<string>();
    for (let i = 0; i < 12; i++) answered.add((await run("curl -H 'Host: php.example.com' http://192.168.56.11:30081/")).stdout);
    expect([...answered].sort()).toEqual(pods.map((p) => `Hello from ${p.metadata!.name} (${p.status!.podIP})\n`).sort());
    const [proxyPod] = (await client.list('Pod', 'default', { labelSelector: 'app=proxy' })) as V1Pod[];
    expect((await run('kubectl logs -l app=php-test-1 --tail=1')).stdout).toContain(`] ${proxyPod.status!.podIP} [200]: GET /`);
    expect((await run('kubectl logs -l app=proxy --tail=2')).stdout).toMatch(/"GET \/ HTTP\/1\.1" 200 \d+ "-" "curl\/8\.11\.1" upstream=\S+:8000$/m);
    expect((await evaluateChecks(client, exercise('reverse-proxy-chain').checks)).failures).toEqual([]);

    await run('kubectl apply -f php-test-1-typo.yaml');
    client.time.step(2_000);
    expect((await run('kubectl get endpoints php-test-1')).stdout).toMatch(/^php-test-1\s+<none>\s/m);
    const bad = await run("curl -i -H 'Host: php.example.com' http://192.168.56.11:30081/");
    expect(bad.stdout).toMatch(/^HTTP\/1\.1 502 Bad Gateway\n/);
    expect((await run('kubectl logs -l app=proxy --tail=2')).stdout).toContain('connect() failed (111: Connection refused) while connecting to upstream');
    const failed = await evaluateChecks(client, exercise('fix-service-selector').checks);
    expect(failed.failures).toEqual([
      '서비스 php-test-1의 셀렉터 app 값이 php-test-1이 아닙니다 (지금: php-test1)',
      '노트북에서 curl -H "Host: php.example.com" http://192.168.56.11:30081/ 응답이 200이 아니라 502 Bad Gateway입니다',
    ]);
  });

  it('services: the terminal lists the EndpointSlice the text offers, and a misspelt name fails as the text says', async () => {
    // the lesson once said this terminal shows only Endpoints; EndpointSlices are served (kubernetes.io/service-name label:
    // https://kubernetes.io/docs/concepts/services-networking/endpoint-slices/#ownership)
    expect(lessonOutline(lesson('services').body).runCommands).toContain('kubectl get endpointslices -l kubernetes.io/service-name=web');
    const { client, run } = await start('services');
    await run('kubectl apply -f web-svc.yaml');
    await run('kubectl run client --image=curlimages/curl -- sleep 3600');
    client.time.step(10_000);
    const slices = await run('kubectl get endpointslices -l kubernetes.io/service-name=web');
    expect(slices.stdout).toMatch(/^NAME\s+ADDRESSTYPE\s+PORTS\s+ENDPOINTS\s+AGE\n/);
    expect(slices.stdout).toMatch(/^web-\w+\s+IPv4\s+80\s+10\.244\./m);
    // curl's -s hides its own error line (curl(1): "--silent … Don't show progress meter or error messages")
    const loud = await run('kubectl exec client -- curl http://wbe:8000');
    expect(loud.stderr).toContain('curl: (6) Could not resolve host: wbe');
    const quiet = await run('kubectl exec client -- curl -s http://wbe:8000');
    expect(quiet.stderr).not.toContain('Could not resolve host');
    expect(quiet.stderr).toContain('command terminated with exit code 6');
  });
});
