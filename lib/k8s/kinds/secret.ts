/**
 * Secret (core/v1): small sensitive values pods read as environment variables or files. Names as
 * pkg/registry/core/secret/storage/storage.go registers them; columns and cells as
 * pkg/printers/internalversion/printers.go (secretColumnDefinitions, printSecret); defaults as
 * pkg/apis/core/v1/defaults.go SetDefaults_Secret (type Opaque); `stringData` merged into `data` as
 * pkg/apis/core/v1/conversion.go Convert_v1_Secret_To_core_Secret does; validation as
 * pkg/apis/core/validation/validation.go ValidateSecret and ValidateSecretUpdate.
 */
import type { V1Secret } from '../api-types';
import { ageSince } from '../age';
import { base64ErrorOffset, encodeBase64 } from '../base64';
import { fieldInvalid, fieldRequired, fieldTooLong, type FieldError } from '../field-errors';
import { base64Length, dataMapErrors, immutableDataErrors, MAX_DATA_SIZE } from './configmap';
import { ALL_VERBS, columns, type KindDef } from './kind';
import { nameOf } from './printing';

/** Keys a typed Secret must carry (ValidateSecret's switch on secret.Type). */
const REQUIRED_KEYS: Record<string, string[]> = {
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/dockercfg': ['.dockercfg'],
};

export const SECRET = {
  kind: 'Secret',
  group: '',
  version: 'v1',
  plural: 'secrets',
  singular: 'secret',
  shortNames: [],
  categories: [],
  namespaced: true,
  ko: '시크릿',
  verbs: ALL_VERBS,
  subresources: [],
  columns: columns([
    ['Name'],
    ['Type', 'string', 0, 'The type of the secret'],
    ['Data', 'string', 0, 'Number of data in the secret'],
    ['Age'],
  ]),
  cells: (s: V1Secret, now: number) => [nameOf(s), s.type ?? 'Opaque', Object.keys(s.data ?? {}).length, ageSince(s.metadata?.creationTimestamp, now)],
  strategy: {
    decodeError(s: V1Secret) {
      for (const v of Object.values(s.data ?? {})) {
        const at = typeof v === 'string' ? base64ErrorOffset(v) : undefined;
        if (at !== undefined) return `illegal base64 data at input byte ${at}`;
      }
      return undefined;
    },
    prepare(s: V1Secret) {
      const data = { ...(s.data ?? {}) };
      for (const [k, v] of Object.entries(s.stringData ?? {})) data[k] = encodeBase64(String(v));
      const out: V1Secret = { ...s, type: s.type || 'Opaque' };
      delete out.stringData;
      if (Object.keys(data).length > 0 || s.data) out.data = data;
      return out;
    },
    validate(s: V1Secret) {
      const size = { total: 0 };
      const errs: FieldError[] = dataMapErrors('data', s.data, base64Length, size);
      if (size.total > MAX_DATA_SIZE) errs.push(fieldTooLong('data', `may not be more than ${MAX_DATA_SIZE} bytes`));
      for (const key of REQUIRED_KEYS[s.type ?? ''] ?? []) if (!Object.hasOwn(s.data ?? {}, key)) errs.push(fieldRequired(`data[${key}]`));
      if (s.type === 'kubernetes.io/basic-auth' && !Object.hasOwn(s.data ?? {}, 'username') && !Object.hasOwn(s.data ?? {}, 'password'))
        errs.push(fieldRequired('data[username]'), fieldRequired('data[password]'));
      return errs;
    },
    validateUpdate(next: V1Secret, old: V1Secret) {
      const errs = immutableDataErrors(next, old, { data: [next.data, old.data] });
      if ((next.type ?? 'Opaque') !== (old.type ?? 'Opaque')) errs.unshift(fieldInvalid('type', next.type, 'field is immutable'));
      return errs;
    },
  },
  fieldsKo: {
    Secret: {
      '': '시크릿은 비밀번호, 토큰, 키처럼 민감한 값을 담아요. 값은 base64로 저장될 뿐 암호화되지는 않아요.',
      data: '값 (키 → base64로 인코딩한 값). 키는 영문자, 숫자, -, _, . 만 쓸 수 있어요.',
      stringData: '쓰기 전용 편의 필드: 평문으로 쓰면 API 서버가 base64로 바꿔 data에 합쳐요 (같은 키면 stringData가 이겨요).',
      type: '시크릿 종류. 기본 Opaque (임의의 값). kubernetes.io/tls, kubernetes.io/dockerconfigjson 등.',
      immutable: 'true면 data를 더 바꿀 수 없어요 (지우고 다시 만들어야 해요).',
    },
  },
} as const satisfies KindDef;
