import { describe, expect, it } from 'vitest';
import { loadScenarios } from './catalog';
import { parseScenario, parseScenarioList, validateScenario } from './validate';

const good = {
  id: 'demo',
  order: 1,
  title: '데모',
  summary: '데모 시나리오입니다',
  steps: [{ title: '보기', narration: '파드를 봅니다', command: 'kubectl get pods', waitFor: [{ kind: 'Pod', labelSelector: 'app=web', count: 1 }] }],
};

describe('scenario validation', () => {
  it('accepts a well-formed scenario', () => {
    expect(validateScenario(good, 'demo')).toEqual({ ok: true, value: good });
  });

  it('names the step and the problem in Korean', () => {
    const bad = {
      ...good,
      id: 'Demo_1',
      steps: [
        { title: 'x', narration: '설명', command: 'get pods', action: { type: 'failNode', node: 'w' } },
        { title: '대기', narration: '기다립니다', waitFor: [{ kind: 'Widget', name: 'a', labelSelector: 'b=c', count: -1, expect: { '..bad': 1 } }] },
        { title: '동작', narration: '동작', action: { type: 'explode' } },
      ],
    };
    const r = validateScenario(bad);
    expect(r.ok).toBe(false);
    const text = r.ok ? '' : r.errors.join('\n');
    for (const fragment of ['id "Demo_1"', '1단계: title', '1단계: command와 action', 'kubectl 또는 traffic으로 시작', 'kind "Widget"', '정확히 하나', 'count는', '필드 경로 "..bad"', '알 수 없는 action']) {
      expect(text).toContain(fragment);
    }
  });

  it('takes the load generator as a step command and manifests by file name; other programs and odd names are refused', () => {
    const traffic = { ...good, files: { 'hello.yaml': 'kind: Service\n' }, steps: [{ title: '요청 보내기', narration: '요청을 보냅니다', command: 'traffic start svc/web --rate 20' }] };
    expect(validateScenario(traffic).ok).toBe(true);
    const r = validateScenario({ ...traffic, files: { 'Hello.txt': 'x', 'ok.yaml': '' }, steps: [{ ...traffic.steps[0], command: 'curl http://web/' }] });
    expect(r.ok ? [] : r.errors).toEqual(['파일 이름 "Hello.txt"는 소문자 이름.yaml 형식이어야 합니다', 'files의 값은 비어 있지 않은 YAML 문자열이어야 합니다', '1단계: 명령은 kubectl 또는 traffic으로 시작해야 합니다: "curl http://web/"']);
  });

  it('rejects a file whose id differs from its name, and unknown keys', () => {
    const r = validateScenario({ ...good, extra: 1 }, 'other');
    expect(r.ok ? [] : r.errors).toEqual(['시나리오: 알 수 없는 키 "extra"', 'id "demo"가 파일 이름 "other"와 다릅니다']);
  });

  it('checks that a claim quotes its narration and is either a condition or an output pattern', () => {
    const step = (extra: Record<string, unknown>) => ({ ...good, steps: [{ title: '보기', narration: '파드 3개가 Running입니다', ...extra }] });
    const errors = (extra: Record<string, unknown>) => {
      const r = validateScenario(step(extra));
      return r.ok ? '' : r.errors.join('\n');
    };
    expect(validateScenario(step({ command: 'kubectl get pods', view: 'workload', claims: [{ says: '파드 3개가', kind: 'Pod', labelSelector: 'app=web', count: 3 }, { says: 'Running', output: 'Running$' }] })).ok).toBe(true);
    expect(errors({ command: 'kubectl get pods', claims: [{ says: '파드 4개', kind: 'Pod', labelSelector: 'app=web', count: 4 }] })).toContain('says "파드 4개"가 설명(narration)에 없습니다');
    expect(errors({ claims: [{ says: 'Running', output: 'Running' }] })).toContain('output 주장은 kubectl 명령이나 machineShell이 있는 단계에만');
    expect(errors({ command: 'kubectl get pods', claims: [{ says: 'Running', output: '(' }] })).toContain('정규식 "("를 읽을 수 없습니다');
    expect(errors({ command: 'kubectl get pods', claims: [{ says: 'Running', output: 'x', kind: 'Pod' }] })).toContain('조건 키를 함께 쓸 수 없습니다');
    expect(errors({ command: 'kubectl get pods', claims: [{ says: 'Running', kind: 'Pod', labelSelector: 'app=web', terminating: 'yes' }] })).toContain('terminating는 true/false');
    expect(errors({ command: 'kubectl get pods', view: 'graph' })).toContain('view는 cluster, workload, list 중 하나');
  });

  it('reports YAML syntax errors instead of throwing', () => {
    const r = parseScenario('id: [unclosed');
    expect(r.ok).toBe(false);
  });
});

describe('what the schema checks that the hand-written validator let through', () => {
  const withStep = (step: Record<string, unknown>) => ({ ...good, steps: [{ title: '보기', narration: '파드를 봅니다', ...step }] });
  const errorsOf = (raw: unknown) => {
    const r = validateScenario(raw);
    return r.ok ? [] : r.errors;
  };

  it('a condition namespace must be a name, not a number', () => {
    expect(errorsOf(withStep({ waitFor: [{ kind: 'Pod', name: 'web', namespace: 5 }] }))).toEqual(['1단계.waitFor[0]: namespace는 비어 있지 않은 문자열이어야 합니다']);
  });

  it('a spotlight needs a non-empty name or a selector', () => {
    expect(errorsOf(withStep({ spotlight: { kind: 'Pod', name: '' } }))).toEqual(['1단계: spotlight는 { kind: Pod|Node|…, name 또는 labelSelector }여야 합니다']);
  });

  it('a deletePod action takes a namespace name', () => {
    expect(errorsOf(withStep({ action: { type: 'deletePod', name: 'web', namespace: 7 } }))).toEqual(['1단계: namespace는 비어 있지 않은 문자열이어야 합니다']);
  });
});

describe('a fetched scenario list', () => {
  it('keeps the readable scenarios and names the corrupt ones', () => {
    const corrupt = { id: 'broken', order: 2, title: '깨짐', summary: '깨진 시나리오', steps: 'none' };
    expect(parseScenarioList([good, corrupt, 7])).toEqual({
      scenarios: [good],
      errors: ['2번째 시나리오(broken): steps에 단계가 하나 이상 있어야 합니다', '3번째 시나리오(?): 시나리오는 객체여야 합니다'],
    });
  });

  it('reads back every scenario /api/scenarios serves (the JSON of the loaded files)', () => {
    const served: unknown = JSON.parse(JSON.stringify(loadScenarios()));
    const { scenarios, errors } = parseScenarioList(served);
    expect(errors).toEqual([]);
    expect(scenarios).toEqual(served);
  });

  it('is empty with a Korean reason when the response is not a list', () => {
    expect(parseScenarioList({ error: 'gateway' })).toEqual({ scenarios: [], errors: ['시나리오 목록이 배열이 아닙니다'] });
  });
});
