import type { MemberState, StuckReason } from '@/lib/classroom/room-model';

export interface LessonColumn {
  slug: string;
  title: string;
  order: number;
  steps: number;
  exercises: number;
  quiz: boolean;
}

/** Students × lessons: steps, passed exercises and quiz per cell; a stuck student's row says so in words. */
export function ProgressGrid({ columns, members, stuck }: { columns: LessonColumn[]; members: MemberState[]; stuck: Map<string, StuckReason> }) {
  if (members.length === 0) {
    return <p className="rounded-xl border border-dashed border-zinc-300 p-8 text-center text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">아직 참여한 학생이 없습니다. 참여 코드나 QR 코드를 보여 주세요.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
      <table className="w-full border-collapse text-left text-sm" data-progress-grid="">
        <caption className="sr-only">학생별 레슨 진도: 단계, 통과한 과제, 퀴즈 점수</caption>
        <thead className="bg-zinc-50 dark:bg-zinc-900">
          <tr>
            <th scope="col" className="sticky left-0 bg-zinc-50 px-3 py-2 font-semibold dark:bg-zinc-900">
              학생
            </th>
            {columns.map((c) => (
              <th key={c.slug} scope="col" className="min-w-32 px-3 py-2 font-semibold">
                {c.order}. {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => {
            const why = stuck.get(m.member.id);
            return (
              <tr key={m.member.id} className={`border-t border-zinc-200 dark:border-zinc-800 ${why ? 'bg-red-50 dark:bg-red-950/30' : ''}`} data-student={m.member.nickname} data-stuck={why ? why.kind : undefined}>
                <th scope="row" className="sticky left-0 bg-inherit px-3 py-2 font-semibold">
                  {m.member.nickname}
                  {why && <span className="ml-2 rounded bg-red-700 px-1.5 py-0.5 text-xs font-bold text-white">막힘</span>}
                </th>
                {columns.map((c) => {
                  const cell = m.lessons.get(c.slug);
                  return (
                    <td key={c.slug} className="px-3 py-2 align-top tabular-nums" data-cell={c.slug}>
                      {!cell ? (
                        <span className="text-zinc-400">—</span>
                      ) : (
                        <span className="block space-y-0.5">
                          <span className="block">단계 {Math.min(cell.steps.size, c.steps)}/{c.steps}</span>
                          <span className="block">
                            과제 {cell.passed.size}/{c.exercises}
                            {[...cell.failStreak.values()].some((n) => n > 0) && <span className="ml-1 text-red-700 dark:text-red-400">✗{Math.max(...cell.failStreak.values())}</span>}
                          </span>
                          {c.quiz && <span className="block">퀴즈 {cell.quiz ? `${cell.quiz.score}/${cell.quiz.total}` : '—'}</span>}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
