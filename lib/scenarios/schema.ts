/**
 * Guided scenarios are data (content/scenarios/*.yaml): a starting cluster, then steps. Each step runs one kubectl
 * command or one action, narrates in Korean, and waits until a condition holds on the cluster. This module is the
 * shape, as a zod schema whose types the rest of the code uses; validate.ts turns its issues into Korean lines that
 * name the step, conditions.ts evaluates the conditions.
 */
import { z } from '../validation/zod';
import { KINDS } from '../k8s/types';
import { parseLabelSelector } from '../k8s/selectors';
import { parseFieldPath } from '../lessons/field-path';
import { POD_PHASES, type Scalar } from '../lessons/exercise-spec';
import { MACHINE_SPECS } from '../machines/machines';

export type { Scalar } from '../lessons/exercise-spec';

const ID_PATTERN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const isNonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const hasHangul = (s: string) => /[가-힣]/.test(s);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown): v is Scalar => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** True when `parse` accepts the text (the parsers throw on bad input). */
function readable(parse: (s: string) => unknown, s: string): boolean {
  try {
    parse(s);
    return true;
  } catch {
    return false;
  }
}

/** A string field with one Korean message for "missing, not a string or blank". */
const nonEmptyString = (message: string) => z.string({ error: message }).refine(isNonEmpty, { error: message });
/** Korean prose: non-blank and containing Hangul. */
const koreanText = (message: string) => z.string({ error: message }).refine((s) => isNonEmpty(s) && hasHangul(s), { error: message });
const flag = (key: string) => z.boolean({ error: `${key}는 true/false여야 합니다` });
const count = (key: string) => z.number({ error: `${key}는 0 이상의 정수여야 합니다` }).int({ error: `${key}는 0 이상의 정수여야 합니다` }).min(0, { error: `${key}는 0 이상의 정수여야 합니다` });
const labelSelector = nonEmptyString('labelSelector는 비어 있지 않은 문자열이어야 합니다').refine((s) => readable(parseLabelSelector, s), {
  error: (iss) => `레이블 셀렉터 "${String(iss.input)}"를 읽을 수 없습니다`,
});
const fieldPathList = (key: string) =>
  z
    .array(nonEmptyString(`${key}는 필드 경로 목록이어야 합니다`), { error: `${key}는 필드 경로 목록이어야 합니다` })
    .superRefine((paths, ctx) => paths.filter((p) => !readable(parseFieldPath, p)).forEach((p) => ctx.addIssue({ code: 'custom', message: `필드 경로 "${p}"를 읽을 수 없습니다` })));
/**
 * One command line: kubectl, or the load generator the terminal runs beside it (`traffic start svc/web --rate 20`,
 * `traffic status`, `traffic stop`), so a scenario can send requests and show what happened to them.
 */
const command = nonEmptyString('명령은 비어 있지 않은 문자열이어야 합니다').refine((s) => /^(kubectl|traffic)\s+\S/.test(s.trim()), {
  error: (iss) => `명령은 kubectl 또는 traffic으로 시작해야 합니다: "${String(iss.input)}"`,
});
/** A manifest a step applies with `kubectl apply -f NAME` (a name like the lessons' editor files: hello.yaml). */
const FILE_NAME = /^[a-z0-9][a-z0-9.-]*\.ya?ml$/;

/** Rules between fields run on any object, so a file shows all its problems at once (zod skips them otherwise). */
const onAnyObject = { when: (payload: { value: unknown }) => isRecord(payload.value) };
const exactlyOne = (a: string, b: string, message: string) => ({ test: (o: Record<string, unknown>) => (o[a] === undefined) !== (o[b] === undefined), message });

/**
 * The fields of a wait-until condition. It selects objects (one by `name`, or a set by `labelSelector`; terminating
 * objects are ignored), keeps those that pass every filter (`phase`, `ready`, `reason`, `expect`, `present`,
 * `missing`), then:
 * - `count`: exactly this many pass;  `minCount`: at least this many pass;
 * - `absent`: nothing is selected at all;
 * - otherwise every selected object passes and at least one exists.
 * The fields are the lessons' exercise checks plus `reason`, `missing` and `terminating`; `ready` also reads a
 * Node's Ready condition (false: anything but True, e.g. Unknown on a failed node).
 */
const conditionShape = {
  kind: z.enum(KINDS, { error: (iss) => `kind "${String(iss.input)}"는 지원하지 않습니다` }),
  name: nonEmptyString('name은 비어 있지 않은 문자열이어야 합니다').optional(),
  /** Defaults to 'default' for namespaced kinds. */
  namespace: nonEmptyString('namespace는 비어 있지 않은 문자열이어야 합니다').optional(),
  labelSelector: labelSelector.optional(),
  count: count('count').optional(),
  minCount: count('minCount').optional(),
  absent: flag('absent').optional(),
  phase: z.enum(POD_PHASES, { error: (iss) => `phase "${String(iss.input)}"는 파드 단계가 아닙니다` }).optional(),
  ready: flag('ready').optional(),
  /** Pods: any container waiting/terminated reason, e.g. ImagePullBackOff (a list means any of them). */
  reason: z
    .custom<string | string[]>((v) => (Array.isArray(v) ? v : [v]).every(isNonEmpty), { error: 'reason은 문자열(또는 문자열 목록)이어야 합니다' })
    .optional(),
  /** Field path → expected value, compared on every selected object. */
  expect: z
    .record(z.string(), z.custom<Scalar>(isScalar), { error: 'expect는 필드 경로 → 값 객체여야 합니다' })
    .superRefine((e, ctx) => Object.keys(e).filter((p) => !readable(parseFieldPath, p)).forEach((p) => ctx.addIssue({ code: 'custom', message: `필드 경로 "${p}"를 읽을 수 없습니다` })))
    .optional(),
  /** Field paths that must be set to anything. */
  present: fieldPathList('present').optional(),
  /** Field paths that must be unset or empty (e.g. an Endpoints object with no addresses). */
  missing: fieldPathList('missing').optional(),
  /** Select the objects being deleted (Terminating) instead of the live ones. */
  terminating: flag('terminating').optional(),
};
const nameOrSelector = exactlyOne('name', 'labelSelector', 'name과 labelSelector 중 정확히 하나가 필요합니다');

/** Adds the rules between a condition's fields to a schema with the condition's shape. */
function withConditionRules<T extends z.ZodType<Record<string, unknown>>>(schema: T) {
  return schema
    .refine(nameOrSelector.test, { error: nameOrSelector.message, ...onAnyObject })
    .refine((c) => c.count === undefined || c.minCount === undefined, { error: 'count와 minCount는 함께 쓸 수 없습니다', ...onAnyObject });
}

const WaitConditionSchema = withConditionRules(z.strictObject(conditionShape));
export type WaitCondition = z.infer<typeof WaitConditionSchema>;

/**
 * Something a step's narration says, as a check: a wait condition on the cluster (the condition fields), or
 * `output`, a regular expression the step's command output must match (multiline). The content test plays every
 * scenario and checks every claim at its step's checkpoint, so narration can't drift from what the class sees.
 * `says` is the words of the narration the claim backs; they must appear in it (checked by the step).
 */
const says = nonEmptyString('says는 설명(narration)의 한 구절이어야 합니다');
const OutputClaimSchema = z.strictObject({
  says,
  output: z.string({ error: 'output은 정규식 문자열이어야 합니다' }).refine((s) => readable((p) => new RegExp(p, 'm'), s), {
    error: (iss) => `output 정규식 "${String(iss.input)}"를 읽을 수 없습니다`,
  }),
});
const ConditionClaimSchema = withConditionRules(z.strictObject({ says, output: z.undefined().optional(), ...conditionShape }));
/** validate.ts reports the branch the claim means: the output one when it has an `output` key. */
const NarrationClaimSchema = z.union([OutputClaimSchema, ConditionClaimSchema]);
export type NarrationClaim = z.infer<typeof NarrationClaimSchema>;

/** Graph views a step can switch to (the Playground's bus.reveal names). */
const STEP_VIEWS = ['cluster', 'workload', 'list'] as const;

const ACTION_TYPES = ['failNode', 'recoverNode', 'deletePod', 'machineShell'] as const;
const MACHINE_NAMES = MACHINE_SPECS.map((m) => m.name) as [string, ...string[]];
/** What a machineShell line may name for the scenario host to fill in: the join command init printed. */
export const JOIN_COMMAND_PLACEHOLDER = '{{joinCommand}}';
const nodeAction = <T extends 'failNode' | 'recoverNode'>(type: T) => z.strictObject({ type: z.literal(type), node: nonEmptyString(`${type}에는 node가 필요합니다`) });
const deletePod = exactlyOne('name', 'labelSelector', 'deletePod에는 name과 labelSelector 중 하나가 필요합니다');

/** Things a step can do besides a kubectl command. Node failure exists only where the client offers it. */
const ScenarioActionSchema = z.discriminatedUnion(
  'type',
  [
    nodeAction('failNode'),
    nodeAction('recoverNode'),
    /** Delete one pod: by name, or the first (by name order, so it is deterministic) matching the selector. */
    z
      .strictObject({ type: z.literal('deletePod'), name: nonEmptyString('name은 비어 있지 않은 문자열이어야 합니다').optional(), labelSelector: labelSelector.optional(), namespace: nonEmptyString('namespace는 비어 있지 않은 문자열이어야 합니다').optional() })
      .refine(deletePod.test, { error: deletePod.message, ...onAnyObject }),
    /**
     * Type a line into a machine's shell (bare-machines scenarios), as the terminal would. `{{joinCommand}}` stands
     * for the join line the control plane's init printed, as an instructor copies it from the master's terminal.
     */
    z.strictObject({
      type: z.literal('machineShell'),
      machine: z.enum(MACHINE_NAMES, { error: (iss) => `machine "${String(iss.input)}"는 없는 머신입니다 (${MACHINE_NAMES.join(', ')} 중 하나)` }),
      line: nonEmptyString('machineShell에는 line이 필요합니다').refine((l) => !/\{\{/.test(l.replaceAll(JOIN_COMMAND_PLACEHOLDER, '')), { error: `line에 쓸 수 있는 자리 표시는 ${JOIN_COMMAND_PLACEHOLDER}뿐입니다` }),
    }),
  ],
  { error: (iss) => (isRecord(iss.input) ? `알 수 없는 action "${String(iss.input.type)}" (${ACTION_TYPES.join(', ')} 중 하나)` : 'action은 객체여야 합니다') },
);
export type ScenarioAction = z.infer<typeof ScenarioActionSchema>;

const SPOTLIGHT_MESSAGE = 'spotlight는 { kind: Pod|Node|…, name 또는 labelSelector }여야 합니다';
/** What the presenter view spotlights during a step. */
const SpotlightTargetSchema = z
  .object(
    {
      kind: z.enum(['Pod', 'Node', 'Deployment', 'ReplicaSet', 'Service'], { error: SPOTLIGHT_MESSAGE }),
      name: nonEmptyString(SPOTLIGHT_MESSAGE).optional(),
      labelSelector: labelSelector.optional(),
    },
    { error: SPOTLIGHT_MESSAGE },
  )
  .refine((s) => s.name !== undefined || s.labelSelector !== undefined, { error: SPOTLIGHT_MESSAGE, ...onAnyObject });
export type SpotlightTarget = z.infer<typeof SpotlightTargetSchema>;

const conditionList = (message: string) => z.array(WaitConditionSchema, { error: message }).min(1, { error: message });

/** The step's claims as far as they can be read, for the rules that compare them with the step. */
const claimsOf = (step: Record<string, unknown>) => (Array.isArray(step.claims) ? step.claims.filter(isRecord) : []);

const ScenarioStepSchema = z
  .strictObject({
    /** Short Korean title shown in the step list. */
    title: koreanText('title은 한국어 문장이어야 합니다'),
    /** What is happening and why, in Korean; shown large in the presenter view. */
    narration: koreanText('narration은 한국어 설명이어야 합니다'),
    /** One kubectl command line (exactly one of command/action, or neither for a narration-only step). */
    command: command.optional(),
    action: ScenarioActionSchema.optional(),
    /** All must hold before the step counts as done. */
    waitFor: conditionList('조건 목록이어야 합니다').optional(),
    /**
     * Simulated ms the step lasts at least before its checkpoint (its conditions are checked from then on): time
     * for something no object shows, e.g. requests flowing before `traffic status` reports them.
     */
    minWaitMs: z.number({ error: 'minWaitMs는 양의 정수여야 합니다' }).int({ error: 'minWaitMs는 양의 정수여야 합니다' }).positive({ error: 'minWaitMs는 양의 정수여야 합니다' }).optional(),
    /** Simulated ms to give up waiting (default 5 minutes). */
    timeoutMs: z.number({ error: 'timeoutMs는 양의 정수여야 합니다' }).int({ error: 'timeoutMs는 양의 정수여야 합니다' }).positive({ error: 'timeoutMs는 양의 정수여야 합니다' }).optional(),
    spotlight: SpotlightTargetSchema.optional(),
    /** Graph view the step needs (e.g. 'workload', where the rolling-update budget panel is). */
    view: z.enum(STEP_VIEWS, { error: `view는 ${STEP_VIEWS.join(', ')} 중 하나여야 합니다` }).optional(),
    /** What the narration claims about the cluster at this step's checkpoint. */
    claims: z.array(NarrationClaimSchema, { error: '주장 목록이어야 합니다' }).min(1, { error: '주장 목록이어야 합니다' }).optional(),
  })
  .refine((s) => s.command === undefined || s.action === undefined, { error: 'command와 action은 함께 쓸 수 없습니다', ...onAnyObject })
  .superRefine((step, ctx) => {
    const narration = typeof step.narration === 'string' ? step.narration.replace(/\s+/g, ' ') : '';
    claimsOf(step).forEach((c, i) => {
      const fail = (message: string) => ctx.addIssue({ code: 'custom', message, path: ['claims', i] });
      if (isNonEmpty(c.says) && !narration.includes(c.says.replace(/\s+/g, ' '))) fail(`says "${c.says}"가 설명(narration)에 없습니다`);
      const hasOutput = isNonEmpty(step.command) || (isRecord(step.action) && step.action.type === 'machineShell');
      if (c.output !== undefined && !hasOutput) fail('output 주장은 kubectl 명령이나 machineShell이 있는 단계에만 쓸 수 있습니다');
    });
  }, onAnyObject);
export type ScenarioStep = z.infer<typeof ScenarioStepSchema>;

export const ScenarioSchema = z.strictObject({
  /** kebab-case, equals the file name without .yaml; carried in share links. */
  id: z.string({ error: (iss) => `id "${String(iss.input)}"는 소문자-하이픈 형식이어야 합니다` }).regex(ID_PATTERN, { error: (iss) => `id "${String(iss.input)}"는 소문자-하이픈 형식이어야 합니다` }),
  title: koreanText('title은 한국어여야 합니다'),
  summary: koreanText('summary는 한국어여야 합니다'),
  /** Concepts the scenario shows, in Korean (chips in the picker). */
  topics: z.array(nonEmptyString('topics는 문자열 목록이어야 합니다'), { error: 'topics는 문자열 목록이어야 합니다' }).optional(),
  /** Position in the picker (ascending). */
  order: z.number({ error: 'order는 정수여야 합니다' }).int({ error: 'order는 정수여야 합니다' }),
  /** Suggested simulation speed (0.5–60) for slow lifecycles such as node eviction. */
  speed: z.number({ error: 'speed는 0.5에서 60 사이의 숫자여야 합니다' }).min(0.5, { error: 'speed는 0.5에서 60 사이의 숫자여야 합니다' }).max(60, { error: 'speed는 0.5에서 60 사이의 숫자여야 합니다' }).optional(),
  /** Start from bare machines (no cluster until kubeadm init); steps then type into machines with machineShell. */
  machines: z.boolean({ error: 'machines는 true/false여야 합니다' }).optional(),
  /** Manifests by file name, read by the scenario's `kubectl apply -f NAME` lines (setup and steps). */
  files: z
    .record(
      z.string().regex(FILE_NAME, { error: (iss) => `파일 이름 "${String(iss.input)}"는 소문자 이름.yaml 형식이어야 합니다` }),
      nonEmptyString('files의 값은 비어 있지 않은 YAML 문자열이어야 합니다'),
      { error: (iss) => (iss.code === 'invalid_key' ? `파일 이름 "${String(iss.input)}"는 소문자 이름.yaml 형식이어야 합니다` : 'files는 파일 이름 → YAML 내용 객체여야 합니다') },
    )
    .optional(),
  /** kubectl commands that build the starting cluster, run silently before step 1. */
  setup: z.array(command, { error: 'setup은 kubectl 명령 목록이어야 합니다' }).optional(),
  /** Conditions the starting cluster must reach before step 1. */
  ready: conditionList('조건 목록이어야 합니다').optional(),
  steps: z.array(ScenarioStepSchema, { error: 'steps에 단계가 하나 이상 있어야 합니다' }).min(1, { error: 'steps에 단계가 하나 이상 있어야 합니다' }),
}).superRefine((sc, ctx) => {
  // a machine exists only in a bare-machines scenario, and there the cluster starts empty (no kubectl setup)
  if (sc.machines) {
    if (sc.setup?.length) ctx.addIssue({ code: 'custom', message: 'machines: true 시나리오에는 setup을 쓸 수 없습니다 (클러스터는 kubeadm init으로 만듭니다)', path: ['setup'] });
    return;
  }
  sc.steps.forEach((st, i) => {
    if (st.action?.type === 'machineShell') ctx.addIssue({ code: 'custom', message: 'machineShell은 machines: true 시나리오에서만 쓸 수 있습니다', path: ['steps', i, 'action'] });
  });
});
export type Scenario = z.infer<typeof ScenarioSchema>;

export const DEFAULT_STEP_TIMEOUT_MS = 5 * 60_000;
