/**
 * `kubectl explain` as kubectl 1.34 lays it out from OpenAPI v3: kubernetes/kubectl release-1.34
 * pkg/explain/v2/templates/plaintext.tmpl (GROUP/KIND/VERSION, `FIELD: x <T>` then two newlines or an ENUM
 * block, DESCRIPTION = field text + referenced type text, FIELDS sorted by name) and pkg/explain/v2/funcs.go
 * (`wrap` = mitchellh/go-wordwrap WrapString at 76 columns, `indent`). English texts are the API docs of
 * kubernetes/api release-1.34 apps/v1 and core/v1 types.go.
 */
import { describe, expect, it } from 'vitest';
import type { ClusterClient } from '../../cluster/types';
import { resolveResource } from '../../k8s/kinds';
import { DOCS } from '../../k8s/kinds/upstream/docs';
import { KubectlError, type KubectlContext } from '../context';
import { parseKubectl } from '../parse';
import { renderExplain, runExplain, wordWrap } from './explain';
import { STRATEGY_EXPLAIN_HEAD } from './explain-layout.fixture';

const explain = (arg: string, recursive = false) => {
  const [type, ...path] = arg.split('.');
  return renderExplain(resolveResource(type)!, path, recursive, DOCS);
};

describe('kubectl explain', () => {
  it('prints a field of a kind in kubectl 1.34 layout with upstream and Korean descriptions', () => {
    expect(explain('deployment.spec.strategy')).toBe(
      [
        ...STRATEGY_EXPLAIN_HEAD,
        '    한국어: 파드를 새 버전으로 바꾸는 방법.',
        '',
        'FIELDS:',
        '  rollingUpdate\t<RollingUpdateDeployment>',
        '    Rolling update config params. Present only if DeploymentStrategyType =',
        '    RollingUpdate.',
        '    한국어: 롤링 업데이트 설정 (type이 RollingUpdate일 때만).',
        '',
        '  type\t<string>',
        '  enum: Recreate, RollingUpdate',
        '    Type of deployment. Can be "Recreate" or "RollingUpdate". Default is',
        '    RollingUpdate.',
        '    ',
        '    Possible enum values:',
        '     - `"Recreate"` Kill all existing pods before creating new ones.',
        '     - `"RollingUpdate"` Replace the old ReplicaSets by new one using rolling',
        '    update i.e gradually scale down the old ReplicaSets and scale up the new',
        '    one.',
        '    한국어: RollingUpdate(기본): 조금씩 바꿔요. Recreate: 모두 지우고 새로',
        '    만들어요.',
        '',
        '',
        '',
      ].join('\n'),
    );
  });

  it('lists the enum of a scalar field and keeps a long URL on its own line', () => {
    const text = explain('pod.spec.restartPolicy');
    expect(text.startsWith(
      [
        'KIND:       Pod',
        'VERSION:    v1',
        '',
        'FIELD: restartPolicy <string>',
        'ENUM:',
        '    Always',
        '    Never',
        '    OnFailure',
        '',
        'DESCRIPTION:',
        '    Restart policy for all containers within the pod. One of Always, OnFailure,',
        '    Never. In some contexts, only a subset of those values may be permitted.',
        '    Default to Always. More info:',
        '    https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy',
        '    ',
        '    Possible enum values:',
        '     - `"Always"`',
        '     - `"Never"`',
        '     - `"OnFailure"`',
        '    ',
        '',
      ].join('\n'),
    )).toBe(true);
    expect(text).toContain('한국어: 재시작 정책');
    expect(text).not.toContain('FIELDS:');
  });

  it('walks lists and maps and names types as typeGuess does', () => {
    expect(explain('pod.spec.containers')).toContain('FIELD: containers <[]Container>\n');
    expect(explain('pod.spec.containers')).toContain('  name\t<string> -required-\n');
    expect(explain('pod.spec.containers')).toContain('  resizePolicy\t<[]ContainerResizePolicy>\n');
    expect(explain('deploy.spec.template.spec.containers.resources')).toContain('  limits\t<map[string]Quantity>\n');
    expect(explain('deploy.spec.strategy.rollingUpdate')).toContain('  maxSurge\t<IntOrString>\n');
    expect(explain('pod.metadata')).toContain('  creationTimestamp\t<string>\n');
    expect(explain('pod.spec.containers.imagePullPolicy')).toContain('ENUM:\n    Always\n    IfNotPresent\n    Never\n');
  });

  it('prints names and types only with --recursive', () => {
    const text = explain('deployment.spec.strategy', true);
    expect(text.slice(text.indexOf('FIELDS:'))).toBe(
      'FIELDS:\n  rollingUpdate\t<RollingUpdateDeployment>\n    maxSurge\t<IntOrString>\n    maxUnavailable\t<IntOrString>\n  type\t<string>\n  enum: Recreate, RollingUpdate\n\n',
    );
  });

  it('explains a whole kind from its plural or short name', () => {
    const text = explain('ds');
    expect(text.startsWith('GROUP:      apps\nKIND:       DaemonSet\nVERSION:    v1\n\nDESCRIPTION:\n    DaemonSet represents the configuration of a daemon set.\n    \n    한국어: 데몬셋은')).toBe(true);
    expect(text).toContain('\nFIELDS:\n  apiVersion\t<string>\n');
  });

  it('reports a field the kind does not have as kubectl does', () => {
    expect(() => explain('pod.spec.containerz')).toThrow(KubectlError);
    expect(() => explain('pod.spec.containerz')).toThrow('error: field "containerz" does not exist');
  });

  it('does not take an inherited property of the schema object for a field', () => {
    expect(() => explain('pod.spec.constructor')).toThrow('error: field "constructor" does not exist');
    expect(() => explain('pod.toString')).toThrow('error: field "toString" does not exist');
  });
});

describe('runExplain', () => {
  const run = async (line: string) => {
    const parsed = parseKubectl(line);
    if (!parsed.ok) throw new Error(parsed.error);
    let stdout = '';
    const ctx: KubectlContext = { client: {} as ClusterClient, files: new Map(), now: () => 0, write: (t) => (stdout += t) };
    await runExplain(parsed.command, ctx);
    return stdout;
  };

  it('loads the upstream descriptions on demand and prints the explanation', async () => {
    expect(await run('kubectl explain deployment.spec.replicas')).toContain(
      'FIELD: replicas <integer>\n\n\nDESCRIPTION:\n    Number of desired pods. This is a pointer to distinguish between explicit\n    zero and not specified. Defaults to 1.\n',
    );
  });

  it('names unknown types and missing arguments as kubectl does', async () => {
    await expect(run('kubectl explain podz')).rejects.toThrow('error: the server doesn\'t have a resource type "podz"');
    await expect(run('kubectl explain')).rejects.toThrow('error: You must specify the type of resource to explain.');
  });
});

describe('wordWrap (go-wordwrap)', () => {
  it('breaks at spaces, keeps newlines and never splits a long word', () => {
    expect(wordWrap('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
    expect(wordWrap('a\n\nb', 5)).toBe('a\n\nb');
    expect(wordWrap('see https://example.com/a/very/long/path', 10)).toBe('see\nhttps://example.com/a/very/long/path');
  });
});
