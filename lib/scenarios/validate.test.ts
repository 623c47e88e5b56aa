import { describe, expect, it } from 'vitest';
import { parseScenario, validateScenario } from './validate';

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
    for (const fragment of ['id "Demo_1"', '1단계: title', '1단계: command와 action', 'kubectl로 시작', 'kind "Widget"', '정확히 하나', 'count는', '필드 경로 "..bad"', '알 수 없는 action']) {
      expect(text).toContain(fragment);
    }
  });

  it('rejects a file whose id differs from its name, and unknown keys', () => {
    const r = validateScenario({ ...good, extra: 1 }, 'other');
    expect(r.ok ? [] : r.errors).toEqual(['시나리오: 알 수 없는 키 "extra"', 'id "demo"가 파일 이름 "other"와 다릅니다']);
  });

  it('reports YAML syntax errors instead of throwing', () => {
    const r = parseScenario('id: [unclosed');
    expect(r.ok).toBe(false);
  });
});
