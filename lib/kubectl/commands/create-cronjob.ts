/**
 * `kubectl create cronjob NAME --image=IMG --schedule='*\/5 * * * *' [--restart=OnFailure|Never] [-- COMMAND…]` and
 * `kubectl create job NAME --from=cronjob/CJ`, as k8s.io/kubectl pkg/cmd/create/create_cronjob.go (createCronJob:
 * one container named after the CronJob, restartPolicy OnFailure by default) and create_job.go
 * (createJobFromCronJob: the template's spec and labels, the `cronjob.kubernetes.io/instantiate: manual` annotation
 * and an owner reference to the CronJob) build them.
 */
import type { V1CronJob } from '../../k8s/api-types';
import type { KubeObject } from '../../k8s/types';
import { KubectlError, namespaceOf, str, type KubectlContext } from '../context';
import type { ParsedCommand } from '../parse';
import { createOrPrint } from './create';

function nameOf(cmd: ParsedCommand, what: string): string {
  const name = cmd.args[0];
  if (!name) throw new KubectlError(`error: NAME is required for ${what}`, `힌트: 이름을 넣어 주세요. 예) kubectl create cronjob tick --image=busybox --schedule="*/1 * * * *"`);
  return name;
}

export async function createCronJob(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  const name = nameOf(cmd, 'cronjob');
  const image = str(cmd.flags, 'image');
  const schedule = str(cmd.flags, 'schedule');
  const restart = str(cmd.flags, 'restart') ?? 'OnFailure';
  const hint = '힌트: 예) kubectl create cronjob tick --image=busybox --schedule="*/1 * * * *" -- date';
  if (!image) throw new KubectlError('error: --image must be specified', hint);
  if (!schedule) throw new KubectlError('error: --schedule must be specified', hint);
  if (restart !== 'OnFailure' && restart !== 'Never') throw new KubectlError(`error: invalid restart policy: ${restart}`, '힌트: 크론잡의 --restart는 OnFailure 또는 Never예요.');
  const container: Record<string, unknown> = { name, image, ...(cmd.trailing.length ? { command: cmd.trailing } : {}), resources: {} };
  const cronJob = {
    metadata: { name, namespace: namespaceOf(cmd.flags) },
    spec: { schedule, jobTemplate: { metadata: { name }, spec: { template: { spec: { containers: [container], restartPolicy: restart } } } } },
  } as KubeObject;
  return createOrPrint(cmd, ctx, 'CronJob', cronJob);
}

/** `--from=cronjob/NAME` (`cj/`, `cronjobs/` and `cronjob.batch/` too): only CronJobs can seed a Job. */
export async function createJobFromCronJob(cmd: ParsedCommand, ctx: KubectlContext, from: string): Promise<number> {
  const name = nameOf(cmd, 'job');
  if (cmd.trailing.length) throw new KubectlError('error: cannot specify --from and command', '힌트: --from을 쓰면 명령은 크론잡 템플릿의 것을 그대로 써요.');
  const [type, source] = from.split('/');
  if (!source || !['cronjob', 'cronjobs', 'cj', 'cronjob.batch', 'cronjobs.batch'].includes(type.toLowerCase())) {
    throw new KubectlError(`error: from must be an existing cronjob: ${from}`, '힌트: 예) kubectl create job once --from=cronjob/tick');
  }
  const ns = namespaceOf(cmd.flags);
  const cj = (await ctx.client.get('CronJob', source, ns)) as V1CronJob;
  const tmpl = cj.spec?.jobTemplate;
  const job = {
    metadata: {
      name,
      namespace: ns,
      annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', ...tmpl?.metadata?.annotations },
      ...(tmpl?.metadata?.labels ? { labels: tmpl.metadata.labels } : {}),
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: source, uid: cj.metadata!.uid!, controller: true }],
    },
    spec: tmpl?.spec,
  } as KubeObject;
  return createOrPrint(cmd, ctx, 'Job', job);
}
