import { describe, expect, it } from 'vitest';
import { lessonOutline, lessonTotals } from './outline';
import { gradeQuiz, validateQuiz } from './quiz-spec';

const fence = (lang: string, body: string) => '```' + lang + '\n' + body + '\n```\n';
const quizYaml = [1, 2, 3].map((n) => `- question: 질문 ${n}\n  choices: [가, 나]\n  answer: 1\n  explanation: 설명 ${n}`).join('\n');

describe('lessonOutline', () => {
  it('collects run commands, exercises and the quiz', () => {
    const body = [
      '<Run cmd="kubectl get pods" />',
      '<Run cmd="kubectl get pods" />',
      '<Run cmd="kubectl get nodes" />',
      fence('exercise', 'id: a\ntitle: 제목\ntask: 할 일\nchecks:\n  - kind: Pod\n    name: x'),
      '<OpenInEditor name="pod.yaml">\n\n' + fence('yaml', 'kind: Pod') + '\n</OpenInEditor>',
      fence('quiz', quizYaml),
    ].join('\n\n');
    const outline = lessonOutline(body);
    expect(outline.problems).toEqual([]);
    expect(outline.runCommands).toEqual(['kubectl get pods', 'kubectl get pods', 'kubectl get nodes']);
    expect(outline.exercises.map((e) => e.id)).toEqual(['a']);
    expect(outline.quiz?.length).toBe(3);
    expect(outline.editorFiles).toEqual({ 'pod.yaml': 'kind: Pod\n' });
    expect(lessonTotals(body)).toEqual({ steps: 2, exercises: 1, quiz: true });
  });

  it('reports broken YAML, invalid blocks and a second quiz', () => {
    const body = [fence('exercise', 'id: [unclosed'), fence('exercise', 'id: b'), fence('quiz', quizYaml), fence('quiz', quizYaml)].join('\n');
    const { problems } = lessonOutline(body);
    expect(problems[0]).toMatch(/^exercise 블록의 YAML을 읽을 수 없습니다/);
    expect(problems).toContain('exercise b: checks 목록이 비어 있습니다');
    expect(problems).toContain('quiz 블록은 레슨마다 하나만 둘 수 있습니다');
  });
});

describe('quiz', () => {
  it('validates counts, choices and answers', () => {
    const q = { question: '질문', choices: ['가', '나'], answer: 0, explanation: '설명' };
    expect(validateQuiz([q, q, q]).ok).toBe(true);
    const tooShort = validateQuiz([q, q]);
    expect(tooShort.ok ? [] : tooShort.errors).toEqual(['quiz: 질문은 3~5개여야 합니다 (지금 2개)']);
    const bad = validateQuiz([q, q, { ...q, answer: 2 }, { ...q, choices: ['가', '가'] }, { ...q, explanation: ' ' }]);
    expect(bad.ok ? [] : bad.errors).toEqual(['quiz[2]: answer는 보기 번호(0부터)여야 합니다', 'quiz[3]: 같은 보기가 두 번 있습니다', 'quiz[4]: explanation이 필요합니다']);
  });

  it('grades by matching answers', () => {
    const qs = [0, 1, 2].map((answer) => ({ question: `q${answer}`, choices: ['a', 'b', 'c'], answer, explanation: 'e' }));
    expect(gradeQuiz(qs, [0, 1, 2])).toBe(3);
    expect(gradeQuiz(qs, [0, null, 0])).toBe(1);
    expect(gradeQuiz(qs, [])).toBe(0);
  });
});
