/**
 * ConfigMap (core/v1): configuration data pods read as environment variables or files. Names as
 * pkg/registry/core/configmap/storage/storage.go registers them (short name `cm`); columns and cells as
 * pkg/printers/internalversion/printers.go (configMapColumnDefinitions, printConfigMap); validation as
 * pkg/apis/core/validation/validation.go ValidateConfigMap and ValidateConfigMapUpdate.
 */
import type { V1ConfigMap } from '../api-types';
import { ageSince } from '../age';
import { fieldForbidden, fieldInvalid, fieldTooLong, type FieldError } from '../field-errors';
import { ALL_VERBS, columns, type KindDef } from './kind';
import { nameOf } from './printing';

/** core.MaxSecretSize: the limit on a ConfigMap's or Secret's data, in bytes (1 MiB). */
export const MAX_DATA_SIZE = 1024 * 1024;

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

/**
 * k8s.io/apimachinery/pkg/util/validation IsConfigMapKey: the messages for a key that cannot be a file name or an
 * environment variable name in a ConfigMap or Secret.
 */
export function configMapKeyErrors(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push('must be no more than 253 characters');
  if (!CONFIG_KEY.test(key))
    errs.push("a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/** UTF-8 length of a string (what Go's len() counts for a string). */
export const byteLength = (s: string): number => new TextEncoder().encode(s).length;

/** Key errors of one data map (`data[k]`), adding each value's size to `size`. */
export function dataMapErrors(path: string, map: Record<string, string> | undefined, sizeOf: (v: string) => number, size: { total: number }): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(map ?? {})) {
    for (const m of configMapKeyErrors(k)) errs.push(fieldInvalid(`${path}[${k}]`, k, m));
    size.total += sizeOf(String(v));
  }
  return errs;
}

/** `field is immutable when \`immutable\` is set` for data maps of an immutable ConfigMap or Secret. */
export function immutableDataErrors(next: { immutable?: boolean }, old: { immutable?: boolean }, fields: Record<string, [unknown, unknown]>): FieldError[] {
  if (!old.immutable) return [];
  const errs: FieldError[] = [];
  if (!next.immutable) errs.push(fieldForbidden('immutable', 'field is immutable when `immutable` is set'));
  for (const [path, [a, b]] of Object.entries(fields))
    if (JSON.stringify(sorted(a)) !== JSON.stringify(sorted(b))) errs.push(fieldForbidden(path, 'field is immutable when `immutable` is set'));
  return errs;
}

const sorted = (m: unknown) => (m && typeof m === 'object' ? Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : 1))) : {});

/** Base64 text's decoded length (the bytes a binaryData or Secret value stands for). */
export const base64Length = (s: string): number => Math.floor((s.replace(/=+$/, '').length * 3) / 4);

export const CONFIGMAP = {
  kind: 'ConfigMap',
  group: '',
  version: 'v1',
  plural: 'configmaps',
  singular: 'configmap',
  shortNames: ['cm'],
  categories: [],
  namespaced: true,
  ko: '컨피그맵',
  verbs: ALL_VERBS,
  subresources: [],
  columns: columns([['Name'], ['Data', 'string', 0, 'Number of data in the configuration map'], ['Age']]),
  cells: (cm: V1ConfigMap, now: number) => [
    nameOf(cm),
    Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length,
    ageSince(cm.metadata?.creationTimestamp, now),
  ],
  strategy: {
    validate(cm: V1ConfigMap) {
      const size = { total: 0 };
      const errs = [...dataMapErrors('data', cm.data, byteLength, size), ...dataMapErrors('binaryData', cm.binaryData, base64Length, size)];
      for (const k of Object.keys(cm.binaryData ?? {}))
        if (Object.hasOwn(cm.data ?? {}, k)) errs.push(fieldInvalid(`binaryData[${k}]`, k, 'duplicate of key present in data'));
      if (size.total > MAX_DATA_SIZE) errs.push(fieldTooLong('', `may not be more than ${MAX_DATA_SIZE} bytes`));
      return errs;
    },
    validateUpdate: (next: V1ConfigMap, old: V1ConfigMap) =>
      immutableDataErrors(next, old, { data: [next.data, old.data], binaryData: [next.binaryData, old.binaryData] }),
  },
  fieldsKo: {
    ConfigMap: {
      '': '컨피그맵은 파드가 환경 변수나 파일로 읽는 설정 값(키-값)을 담아요. 비밀 값은 시크릿에 두세요.',
      data: '설정 값 (키 → 문자열). 키는 영문자, 숫자, -, _, . 만 쓸 수 있어요.',
      binaryData: '바이너리 값 (키 → base64). data와 키가 겹치면 안 돼요.',
      immutable: 'true면 data를 더 바꿀 수 없어요 (지우고 다시 만들어야 해요). kubelet이 변경을 지켜보지 않아도 돼 부담이 줄어요.',
    },
  },
} as const satisfies KindDef;
