import { describe, expect, it } from 'vitest';
import { statusFromError } from './action-route';
import { ActionRefused } from './cluster-actions';

describe('statusFromError', () => {
  it('passes the API server Status through, so kubectl-style messages reach the terminal', () => {
    const body = JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'deployments.apps "x" not found', reason: 'NotFound', code: 404 });
    expect(statusFromError({ code: 404, body, message: 'HTTP-Code: 404' })).toMatchObject({ code: 404, reason: 'NotFound', message: 'deployments.apps "x" not found' });
  });

  it('turns deadlines, refusals and network failures into Korean Status bodies', () => {
    expect(statusFromError(new DOMException('timeout', 'TimeoutError'))).toMatchObject({ code: 504, reason: 'Timeout', message: expect.stringMatching(/응답하지/) });
    expect(statusFromError(new ActionRefused(400, '이전 리비전이 없습니다.'))).toMatchObject({ code: 400, reason: 'BadRequest' });
    expect(statusFromError(new TypeError('fetch failed'))).toMatchObject({ code: 503, reason: 'ServiceUnavailable', message: expect.stringMatching(/연결할 수 없습니다/) });
    expect(statusFromError({ code: 500, body: 'oops' })).toMatchObject({ code: 500, message: expect.stringMatching(/HTTP 500/) });
  });
});
