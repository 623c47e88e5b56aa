/**
 * `kubectl create configmap NAME --from-literal=k=v …` and `kubectl create secret generic NAME …`, as
 * k8s.io/kubectl pkg/cmd/create/create_configmap.go and create_secret.go build the object (literal sources parsed
 * by pkg/util ParseLiteralSource, keys checked with IsConfigMapKey). Files do not exist in the browser, so
 * --from-file and --from-env-file answer with what to use instead.
 */
import { encodeBase64 } from '../../k8s/base64';
import { configMapKeyErrors } from '../../k8s/kinds/configmap';
import type { KubeObject } from '../../k8s/types';
import { KubectlError, namespaceOf, str, type KubectlContext } from '../context';
import type { ParsedCommand } from '../parse';
import { createOrPrint } from './create';

const SECRET_KINDS = ['docker-registry', 'generic', 'tls'];

function literalPairs(cmd: ParsedCommand, what: 'ConfigMap' | 'Secret', name: string): [string, string][] {
  for (const flag of ['from-file', 'from-env-file']) {
    const given = cmd.flags[flag];
    if (Array.isArray(given) && given.length > 0)
      throw new KubectlError(
        `error: --${flag}는 이 브라우저 터미널에서 쓸 수 없어요 (읽을 파일이 없어요)`,
        `힌트: 값을 직접 넣으려면 --from-literal=키=값 을 쓰거나, YAML 에디터에 ${what}를 써서 kubectl apply -f 로 적용하세요.`,
      );
  }
  const sources = Array.isArray(cmd.flags['from-literal']) ? cmd.flags['from-literal'] : [];
  const seen = new Set<string>();
  return sources.map((source) => {
    const eq = source.indexOf('=');
    if (eq <= 0) throw new KubectlError(`error: invalid literal source ${source}, expected key=value`, '힌트: --from-literal=키=값 형식으로 써 주세요. 예) --from-literal=MODE=dev');
    const key = source.slice(0, eq);
    const errs = configMapKeyErrors(key);
    if (errs.length)
      throw new KubectlError(
        what === 'ConfigMap' ? `error: "${key}" is not a valid key name for a ConfigMap: ${errs.join(',')}` : `error: "${key}" is not valid key name for a Secret ${errs.join(';')}`,
        '힌트: 키에는 영문자, 숫자, -, _, . 만 쓸 수 있어요.',
      );
    if (seen.has(key))
      throw new KubectlError(
        what === 'ConfigMap'
          ? `error: cannot add key "${key}", another key by that name already exists in Data for ConfigMap "${name}"`
          : `error: cannot add key ${key}, another key by that name already exists`,
        '힌트: 같은 키를 두 번 넣었어요.',
      );
    seen.add(key);
    return [key, source.slice(eq + 1)];
  });
}

function requireName(cmd: ParsedCommand, example: string): string {
  if (cmd.args.length !== 1) throw new KubectlError(`error: exactly one NAME is required, got ${cmd.args.length}`, `힌트: 이름을 하나 넣어 주세요. 예) ${example}`);
  return cmd.args[0];
}

export async function runCreateConfigMap(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  const name = requireName(cmd, 'kubectl create configmap app-config --from-literal=MODE=dev');
  const data = Object.fromEntries(literalPairs(cmd, 'ConfigMap', name));
  const configMap = { metadata: { name, namespace: namespaceOf(cmd.flags) }, ...(Object.keys(data).length ? { data } : {}) } as KubeObject;
  return createOrPrint(cmd, ctx, 'ConfigMap', configMap);
}

export async function runCreateSecret(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  const [variant, ...rest] = cmd.args;
  if (variant !== 'generic') {
    const known = SECRET_KINDS.includes(variant ?? '');
    throw new KubectlError(
      variant === undefined ? 'error: must specify one of: docker-registry, generic, tls' : known ? `error: kubectl create secret ${variant}는 여기서 지원하지 않아요` : `error: unknown command "${variant}" for "kubectl create secret"`,
      '힌트: 예) kubectl create secret generic db-pass --from-literal=password=s3cr3t',
    );
  }
  const sub = { ...cmd, args: rest };
  const name = requireName(sub, 'kubectl create secret generic db-pass --from-literal=password=s3cr3t');
  const pairs = literalPairs(sub, 'Secret', name);
  const type = str(cmd.flags, 'type');
  const secret = {
    metadata: { name, namespace: namespaceOf(cmd.flags) },
    ...(pairs.length ? { data: Object.fromEntries(pairs.map(([k, v]) => [k, encodeBase64(v)])) } : {}),
    ...(type ? { type } : {}),
  } as KubeObject;
  return createOrPrint(cmd, ctx, 'Secret', secret);
}
