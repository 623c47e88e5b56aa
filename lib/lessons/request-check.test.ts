import { describe, expect, it } from 'vitest';
import { checkErrors } from './exercise-spec';
import { evaluateRequestCheck, requestArgv, type RequestCheck } from './request-check';

const check: RequestCheck = { kind: 'Request', from: 'outside', url: 'http://192.168.56.11:30081/', headers: { Host: 'php.example.com' }, bodyContains: 'Hello from' };
const answer = (stdout: string, exitCode = 0, stderr = '') => ({ runOnLaptop: async () => ({ stdout, stderr, exitCode, durationMs: 1 }) });

describe('Request checks', () => {
  it('are validated like the other checks, in Korean', () => {
    expect(checkErrors(check)).toEqual([]);
    expect(checkErrors({ ...check, url: 'ftp://x' })).toEqual(['check: url은 http:// 주소여야 합니다']);
    expect(checkErrors({ ...check, expect: { a: 1 } })).toEqual(['check: 알 수 없는 키 "expect"']);
  });

  it('run curl with the headers, quiet but showing errors, with the status line and a time limit', () => {
    expect(requestArgv(check)).toEqual(['curl', '-s', '-S', '-i', '-m', '5', '-H', 'Host: php.example.com', 'http://192.168.56.11:30081/']);
  });

  it('pass on the expected status and text, and say what came back otherwise', async () => {
    expect(await evaluateRequestCheck(answer('HTTP/1.1 200 OK\nServer: nginx\n\nHello from a\n'), check)).toEqual([]);
    expect(await evaluateRequestCheck(answer('HTTP/1.1 200 OK\n\nbye\n'), check)).toEqual(['노트북에서 curl -H "Host: php.example.com" http://192.168.56.11:30081/ 응답 본문에 "Hello from" 문구가 없습니다 (지금: bye)']);
    expect(await evaluateRequestCheck(answer('', 7, "curl: (7) Failed to connect to 192.168.56.11 port 30081 after 1 ms: Couldn't connect to server\n"), check)).toEqual([
      "노트북에서 curl -H \"Host: php.example.com\" http://192.168.56.11:30081/ 요청이 실패했습니다: curl: (7) Failed to connect to 192.168.56.11 port 30081 after 1 ms: Couldn't connect to server",
    ]);
  });

  it('need the simulator (a live cluster has no laptop or pod to send from here)', async () => {
    expect(await evaluateRequestCheck({}, check)).toEqual(['요청 검사는 시뮬레이터에서만 할 수 있어요.']);
    const inPod = { exec: async () => Promise.reject(new Error('pods "client" not found')) };
    expect(await evaluateRequestCheck(inPod, { ...check, from: 'client', headers: undefined })).toEqual(['파드 client에서 curl http://192.168.56.11:30081/을(를) 실행하지 못했습니다: pods "client" not found']);
  });
});
