/**
 * The baseline level of the Pod Security Standards, control by control, as listed in
 * https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline (restricted fields and
 * allowed values) and implemented upstream in staging/src/k8s.io/pod-security-admission/policy/check_*.go.
 */
import { describe, expect, it } from 'vitest';
import { checkPatchSecurity, placeAt, pointerTokens } from './patch-security';
import { podSecurityMessage, podSecurityViolation } from './pod-security';

const pod = (spec: Record<string, unknown>, metadata: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', ...metadata },
  spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
});
const withContainer = (extra: Record<string, unknown>) => pod({ containers: [{ name: 'c', image: 'nginx', ...extra }] });

describe('podSecurityViolation (baseline)', () => {
  it('allows the default, minimally specified pod and the values baseline lists as allowed', () => {
    expect(podSecurityViolation('Pod', pod({}))).toBeNull();
    const allowed = pod({
      hostNetwork: false,
      hostPID: false,
      securityContext: {
        seccompProfile: { type: 'RuntimeDefault' },
        appArmorProfile: { type: 'Localhost', localhostProfile: 'k8s-nginx' },
        seLinuxOptions: { type: 'container_t', level: 's0:c123,c456' },
        sysctls: [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }],
      },
      volumes: [{ name: 'data', emptyDir: {} }],
      containers: [
        {
          name: 'c',
          image: 'nginx',
          ports: [{ containerPort: 80, hostPort: 0 }],
          securityContext: { privileged: false, capabilities: { add: ['NET_BIND_SERVICE', 'CHOWN'], drop: ['ALL'] }, procMount: 'Default' },
          readinessProbe: { httpGet: { path: '/', port: 80 } },
        },
      ],
    });
    expect(podSecurityViolation('Pod', allowed)).toBeNull();
  });

  it.each([
    ['host network', pod({ hostNetwork: true }), 'spec.hostNetwork'],
    ['host PID', pod({ hostPID: true }), 'spec.hostPID'],
    ['host IPC', pod({ hostIPC: true }), 'spec.hostIPC'],
    ['privileged container', withContainer({ securityContext: { privileged: true } }), 'spec.containers[0].securityContext.privileged'],
    ['NET_ADMIN', withContainer({ securityContext: { capabilities: { add: ['NET_ADMIN'] } } }), 'spec.containers[0].securityContext.capabilities.add'],
    ['hostPath /', pod({ volumes: [{ name: 'ok', emptyDir: {} }, { name: 'root', hostPath: { path: '/' } }] }), 'spec.volumes[1].hostPath'],
    ['hostPort', withContainer({ ports: [{ containerPort: 80, hostPort: 8080 }] }), 'spec.containers[0].ports[0].hostPort'],
    ['HostProcess', pod({ securityContext: { windowsOptions: { hostProcess: true } } }), 'spec.securityContext.windowsOptions.hostProcess'],
    ['Unconfined seccomp', withContainer({ securityContext: { seccompProfile: { type: 'Unconfined' } } }), 'spec.containers[0].securityContext.seccompProfile.type'],
    ['Unconfined AppArmor', pod({ securityContext: { appArmorProfile: { type: 'Unconfined' } } }), 'spec.securityContext.appArmorProfile.type'],
    ['AppArmor annotation', pod({}, { annotations: { 'container.apparmor.security.beta.kubernetes.io/c': 'unconfined' } }), 'metadata.annotations["container.apparmor.security.beta.kubernetes.io/c"]'],
    ['SELinux type', pod({ securityContext: { seLinuxOptions: { type: 'spc_t' } } }), 'spec.securityContext.seLinuxOptions.type'],
    ['SELinux user', withContainer({ securityContext: { seLinuxOptions: { user: 'system_u' } } }), 'spec.containers[0].securityContext.seLinuxOptions.user'],
    ['Unmasked /proc', withContainer({ securityContext: { procMount: 'Unmasked' } }), 'spec.containers[0].securityContext.procMount'],
    ['unsafe sysctl', pod({ securityContext: { sysctls: [{ name: 'kernel.msgmax', value: '1' }] } }), 'spec.securityContext.sysctls[0].name'],
    ['probe host', withContainer({ livenessProbe: { httpGet: { host: '169.254.169.254', path: '/', port: 80 } } }), 'spec.containers[0].livenessProbe.httpGet.host'],
    ['init container', pod({ initContainers: [{ name: 'i', image: 'busybox', securityContext: { privileged: true } }] }), 'spec.initContainers[0].securityContext.privileged'],
  ])('refuses %s and names the field', (_what, manifest, field) => {
    expect(podSecurityViolation('Pod', manifest)?.field).toBe(field);
  });

  it('looks inside the pod template of Deployments and ReplicaSets', () => {
    const template = { metadata: { labels: { app: 'x' } }, spec: { hostPID: true, containers: [{ name: 'c', image: 'nginx' }] } };
    for (const kind of ['Deployment', 'ReplicaSet', 'DaemonSet', 'Job']) {
      expect(podSecurityViolation(kind, { kind, spec: { replicas: 1, template } })?.field).toBe('spec.template.spec.hostPID');
    }
    expect(podSecurityViolation('CronJob', { spec: { jobTemplate: { spec: { template } } } })?.field).toBe('spec.jobTemplate.spec.template.spec.hostPID');
  });

  it("refuses a Service's externalIPs (CVE-2020-8554) but not an ordinary Service", () => {
    expect(podSecurityViolation('Service', { spec: { externalIPs: ['8.8.8.8'], ports: [{ port: 53 }] } })?.field).toBe('spec.externalIPs');
    expect(podSecurityViolation('Service', { spec: { type: 'NodePort', ports: [{ port: 80 }] } })).toBeNull();
  });

  it('says in Korean which field broke which rule, quoting at most 40 characters of the value', () => {
    const v = podSecurityViolation('Pod', pod({ volumes: [{ name: 'root', hostPath: { path: `/${'x'.repeat(500)}` } }] }))!;
    const message = podSecurityMessage(v);
    expect(message).toMatch(/^파드 보안 기준\(baseline\)/);
    expect(message).toContain('spec.volumes[0].hostPath');
    expect(message).toContain('POD_SECURITY=privileged');
    expect(v.value.length).toBeLessThanOrEqual(40);
  });
});

describe('checkPatchSecurity', () => {
  it('checks merge and strategic patches as the partial objects they are', () => {
    const patch = { spec: { template: { spec: { hostNetwork: true } } } };
    expect(checkPatchSecurity('Deployment', 'merge', patch)).toMatchObject({ ok: false, violation: { field: 'spec.template.spec.hostNetwork' } });
    expect(checkPatchSecurity('Deployment', 'strategic', { spec: { replicas: 3 } })).toEqual({ ok: true });
  });

  it('checks every value a JSON patch adds or replaces, at its path (RFC 6902, RFC 6901 escapes)', () => {
    expect(pointerTokens('/metadata/annotations/a~1b~0c')).toEqual(['metadata', 'annotations', 'a/b~c']);
    expect(placeAt(['spec', 'containers', '2'], 'x')).toEqual({ spec: { containers: [undefined, undefined, 'x'] } });
    const ops = [
      { op: 'replace', path: '/spec/replicas', value: 2 },
      { op: 'add', path: '/spec/template/spec/containers/0/securityContext', value: { privileged: true } },
    ];
    expect(checkPatchSecurity('Deployment', 'json', ops)).toMatchObject({ ok: false, violation: { field: 'spec.template.spec.containers[0].securityContext.privileged' } });
    expect(checkPatchSecurity('Pod', 'json', [{ op: 'add', path: '/spec/volumes/-', value: { name: 'r', hostPath: { path: '/' } } }])).toMatchObject({ ok: false });
    expect(checkPatchSecurity('Pod', 'json', [{ op: 'remove', path: '/spec/hostNetwork' }])).toEqual({ ok: true });
  });

  it('refuses JSON patch copy/move into spec, whose values it cannot see, and absurd array positions', () => {
    const move = checkPatchSecurity('Pod', 'json', [{ op: 'move', from: '/metadata/labels/x', path: '/spec/hostNetwork' }]);
    expect(move).toMatchObject({ ok: false, message: expect.stringMatching(/move/) });
    expect(checkPatchSecurity('Pod', 'json', [{ op: 'copy', from: '/metadata/labels/a', path: '/metadata/labels/b' }])).toEqual({ ok: true });
    expect(checkPatchSecurity('Pod', 'json', [{ op: 'add', path: '/spec/containers/99999999', value: {} }])).toMatchObject({ ok: false });
  });
});
