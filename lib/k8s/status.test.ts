/**
 * Status bodies as k8s.io/apimachinery/pkg/api/errors/errors.go (release-1.34) builds them, field errors as
 * pkg/util/validation/field/errors.go renders them, aggregates as pkg/util/errors/errors.go joins them.
 */
import { describe, expect, it } from 'vitest';
import { fieldDuplicate, fieldForbidden, fieldInvalid, fieldNotSupported, fieldRequired, goValue } from './field-errors';
import {
  alreadyExists, badRequest, conflict, forbidden, invalid, methodNotSupported, notFound, reasonForCode, statusOf, unsupportedMediaType,
} from './status';

const base = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure' };

describe('Status builders', () => {
  it('NewNotFound: qualified resource in the message, plural as details.kind, no empty group', () => {
    expect(notFound('Deployment', 'web').status).toEqual({
      ...base, code: 404, reason: 'NotFound', message: 'deployments.apps "web" not found',
      details: { name: 'web', group: 'apps', kind: 'deployments' },
    });
    expect(notFound('Pod', 'x').status.details).toEqual({ name: 'x', kind: 'pods' });
    expect(notFound({ group: 'coordination.k8s.io', resource: 'leases' }, 'n').message).toBe('leases.coordination.k8s.io "n" not found');
  });

  it('NewAlreadyExists and NewConflict are 409s with their own reasons', () => {
    expect(alreadyExists('Pod', 'web').status).toMatchObject({ code: 409, reason: 'AlreadyExists', message: 'pods "web" already exists' });
    expect(conflict('Deployment', 'web').status).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message: 'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    });
  });

  it('NewInvalid: Kind.group in the message, one error bare, several bracketed, causes per field', () => {
    const one = invalid('Deployment', 'web', [fieldInvalid('spec.replicas', -1, 'must be greater than or equal to 0')]);
    expect(one.status).toEqual({
      ...base, code: 422, reason: 'Invalid',
      message: 'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      details: {
        name: 'web', group: 'apps', kind: 'Deployment',
        causes: [{ reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0', field: 'spec.replicas' }],
      },
    });
    const required = fieldRequired('spec.containers[0].image');
    const two = invalid('Pod', 'p', [required, fieldRequired('spec.containers[0].name'), required]);
    expect(two.message).toBe('Pod "p" is invalid: [spec.containers[0].image: Required value, spec.containers[0].name: Required value]');
    expect(two.status.details?.causes).toHaveLength(3); // causes keep repeats; only the message dedupes
    expect(invalid('Service', 's', []).message).toBe('Service "s" is invalid');
  });

  it('NewForbidden with and without a name or resource', () => {
    expect(forbidden('Namespace', 'default', 'this namespace may not be deleted').status).toMatchObject({
      code: 403, reason: 'Forbidden', message: 'namespaces "default" is forbidden: this namespace may not be deleted',
    });
    expect(forbidden('Pod', '', 'no').message).toBe('pods is forbidden: no');
    expect(forbidden(undefined, '', 'no').message).toBe('forbidden: no');
  });

  it('NewBadRequest, NewMethodNotSupported, NewInternalError and the negotiation 415', () => {
    expect(badRequest('bad').status).toEqual({ ...base, code: 400, reason: 'BadRequest', message: 'bad' });
    expect(methodNotSupported('DaemonSet', 'create').status).toMatchObject({
      code: 405, reason: 'MethodNotAllowed', message: 'create is not supported on resources of kind "daemonsets.apps"',
    });
    expect(statusOf(new Error('boom'))).toEqual({
      ...base, code: 500, reason: 'InternalError', message: 'Internal error occurred: boom', details: { causes: [{ message: 'boom' }] },
    });
    expect(statusOf(notFound('Pod', 'x'))).toMatchObject({ code: 404 });
    expect(unsupportedMediaType().message).toBe(
      'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf',
    );
  });
});

describe('field errors', () => {
  it('render bad values as Go prints them', () => {
    expect(goValue('web')).toBe('"web"');
    expect(goValue('tab\there')).toBe('"tab\\there"');
    expect(goValue('파드')).toBe('"파드"'); // strconv.Quote keeps printable Unicode
    expect(goValue(3)).toBe('3');
    expect(goValue(true)).toBe('true');
    expect(goValue({ app: 'a<b' })).toBe('{"app":"a\\u003cb"}'); // encoding/json escapes <, > and & for HTML
  });

  it('have the ErrorBody wording of each type', () => {
    expect(fieldNotSupported('spec.type', 'Foo', ['ClusterIP', 'NodePort']).message).toBe(
      'Unsupported value: "Foo": supported values: "ClusterIP", "NodePort"',
    );
    expect(fieldRequired('spec.selector', 'x').message).toBe('Required value: x');
    expect(fieldForbidden('spec', 'no').message).toBe('Forbidden: no');
    expect(fieldDuplicate('spec.ports[1].name', 'http')).toEqual({ field: 'spec.ports[1].name', type: 'FieldValueDuplicate', message: 'Duplicate value: "http"' });
  });

  it('reasonForCode: the reason NewGenericServerResponse gives a bare HTTP code (apimachinery pkg/api/errors/errors.go)', () => {
    const cases: [number, string][] = [
      [400, 'BadRequest'], [403, 'Forbidden'], [404, 'NotFound'], [405, 'MethodNotAllowed'], [409, 'Conflict'], [415, 'UnsupportedMediaType'],
      [422, 'Invalid'], [429, 'TooManyRequests'], [503, 'ServiceUnavailable'], [504, 'Timeout'], [500, 'InternalError'], [502, 'InternalError'],
      // answered by servers themselves: a watch too old, a body too big
      [410, 'Expired'], [413, 'RequestEntityTooLarge'],
    ];
    for (const [code, reason] of cases) expect(reasonForCode(code), String(code)).toBe(reason);
  });
});
