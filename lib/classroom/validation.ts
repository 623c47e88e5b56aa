/**
 * What the classroom API accepts, as zod schemas with Korean messages. Progress events carry ids the app
 * already has (lesson slugs, step/exercise ids, feedback and hint ids) — never free text typed by a student.
 */
import { z } from '../validation/zod';
import { CODE_PATTERN, JOIN_CODE_LENGTH, REJOIN_CODE_LENGTH, normaliseCode } from './codes';
import { KUBECTL_ERROR_KINDS, hintIdOf } from './kubectl-errors';

const id = z
  .string({ error: '식별자가 필요합니다.' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$/, { error: '식별자는 영문·숫자·.-_: 로 80자 이내여야 합니다.' });

const code = (length: number, label: string) =>
  z
    .string({ error: `${label}를 입력해 주세요.` })
    .transform(normaliseCode)
    .pipe(z.string().length(length, { error: `${label}는 ${length}자입니다.` }).regex(CODE_PATTERN, { error: `${label}에 쓸 수 없는 글자가 있습니다.` }));

/** Guided step ids are the lesson's own kubectl command lines (checked against the content by the route). */
const stepId = z
  .string({ error: '단계 식별자가 필요합니다.' })
  .min(1, { error: '단계 식별자가 필요합니다.' })
  .max(200, { error: '단계 식별자가 너무 깁니다.' })
  .regex(/^[^\p{Cc}]+$/u, { error: '단계 식별자에 쓸 수 없는 글자가 있습니다.' });

export const joinCodeSchema = code(JOIN_CODE_LENGTH, '참여 코드');
export const rejoinCodeSchema = code(REJOIN_CODE_LENGTH, '재참여 코드');

export const createClassSchema = z.object({
  name: z.string({ error: '수업 이름을 입력해 주세요.' }).trim().min(1, { error: '수업 이름을 입력해 주세요.' }).max(60, { error: '수업 이름은 60자 이내로 입력해 주세요.' }),
  lessons: z.array(id, { error: '레슨 목록이 필요합니다.' }).min(1, { error: '레슨을 하나 이상 고르세요.' }).max(40, { error: '레슨은 40개까지 고를 수 있습니다.' }),
});

export const joinSchema = z.object({
  code: joinCodeSchema,
  nickname: z
    .string({ error: '닉네임을 입력해 주세요.' })
    .trim()
    .min(1, { error: '닉네임을 입력해 주세요.' })
    .max(20, { error: '닉네임은 20자 이내로 입력해 주세요.' })
    .regex(/^[^<>\p{Cc}]+$/u, { error: '닉네임에 쓸 수 없는 글자가 있습니다.' }),
});

export const rejoinSchema = z.object({ code: joinCodeSchema, rejoin: rejoinCodeSchema });

/** The browser names each event so a batch sent twice (a reload, a lost answer) is stored once. */
const eventKey = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,120}$/, { error: '이벤트 키 형식이 아닙니다.' })
  .optional();

export const progressEventSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('step'), lesson: id, step: stepId, key: eventKey }),
    z.object({ kind: z.literal('check'), lesson: id, exercise: id, ok: z.boolean(), feedback: id.optional(), key: eventKey }),
    z.object({ kind: z.literal('quiz'), lesson: id, score: z.number().int().min(0).max(100), total: z.number().int().min(1).max(100), key: eventKey }),
    // Only a known error class and its own hint id: nothing a student typed can ride along.
    z
      .object({ kind: z.literal('kubectl-error'), lesson: id.optional(), errorClass: z.enum(KUBECTL_ERROR_KINDS, { error: '알 수 없는 kubectl 오류 종류입니다.' }), hint: id.optional(), key: eventKey })
      .refine((e) => e.hint === undefined || e.hint === hintIdOf(e.errorClass), { error: '알 수 없는 힌트입니다.' }),
  ],
  { error: '알 수 없는 진도 이벤트입니다.' },
);
export type ProgressEvent = z.infer<typeof progressEventSchema>;

/** Small batches only: a browser sends what happened in the last few seconds. */
export const progressBatchSchema = z.object({
  code: joinCodeSchema,
  rejoin: rejoinCodeSchema,
  events: z.array(progressEventSchema).min(1, { error: '보낼 이벤트가 없습니다.' }).max(50, { error: '한 번에 50개까지 보낼 수 있습니다.' }),
});

/** The first Korean message of a failed parse, for a 400 answer. */
export function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? '요청 형식이 올바르지 않습니다.';
}
