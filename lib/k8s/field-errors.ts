/**
 * Field validation errors as k8s.io/apimachinery/pkg/util/validation/field/errors.go renders them:
 * `spec.replicas: Invalid value: -1: must be greater than or equal to 0`. The Invalid Status (status.ts) carries
 * each one as a cause {reason: type, message: body, field}.
 */

export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError'
  | 'FieldValueTypeInvalid';

/** One field error: `message` is ErrorBody(), the text after `field: `. */
export interface FieldError {
  field: string;
  type: FieldErrorType;
  message: string;
}

/** Go's strconv.Quote (what `%q` prints): printable Unicode stays, control characters are escaped. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * A bad value as ErrorBody prints it: numbers and booleans bare (`%v`), strings quoted (`%q`), anything else as
 * encoding/json marshals it (which escapes <, > and & for HTML safety).
 */
export function goValue(v: unknown): string {
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const json = JSON.stringify(v ?? null) ?? 'null';
  return json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

const valued = (type: FieldErrorType, title: string, field: string, value: unknown, detail: string): FieldError => ({
  field,
  type,
  message: `${title}: ${goValue(value)}${detail ? `: ${detail}` : ''}`,
});
const plain = (type: FieldErrorType, title: string, field: string, detail: string): FieldError => ({
  field,
  type,
  message: detail ? `${title}: ${detail}` : title,
});

export const fieldInvalid = (field: string, value: unknown, detail: string) => valued('FieldValueInvalid', 'Invalid value', field, value, detail);
export const fieldRequired = (field: string, detail = '') => plain('FieldValueRequired', 'Required value', field, detail);
export const fieldForbidden = (field: string, detail: string) => plain('FieldValueForbidden', 'Forbidden', field, detail);
export const fieldDuplicate = (field: string, value: unknown) => valued('FieldValueDuplicate', 'Duplicate value', field, value, '');
export const fieldTooLong = (field: string, detail: string) => plain('FieldValueTooLong', 'Too long', field, detail);

/** NotSupported: `Unsupported value: "X": supported values: "A", "B"` (values strconv.Quote'd in the given order). */
export const fieldNotSupported = (field: string, value: unknown, supported: readonly string[]) =>
  valued('FieldValueNotSupported', 'Unsupported value', field, value, supported.length ? `supported values: ${supported.map(goQuote).join(', ')}` : '');

/** field.ErrorList.ToAggregate().Error(): one error bare, several `[a, b]` with exact repeats dropped. */
export function aggregateFieldErrors(errs: readonly FieldError[]): string {
  const unique = [...new Set(errs.map((e) => `${e.field}: ${e.message}`))];
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}
