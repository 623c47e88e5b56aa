/**
 * Lesson loading: content/lessons/NN-slug.mdx → frontmatter + MDX body. Server-only (reads files).
 * The slug is the file name without its order prefix: `03-pods.mdx` → `pods`.
 */
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';

export interface LessonFrontmatter {
  title: string;
  summary: string;
  order: number;
  /** e.g. "20분" */
  duration: string;
  objectives: string[];
  /** Simulator seed for this lesson's starting cluster. */
  seed?: number;
  /** kubectl command lines that build the lesson's starting cluster. */
  setup?: string[];
  /** Start from bare machines (master, worker-1, worker-2) with no cluster: the kubeadm lab. */
  machines?: boolean;
}

export interface LessonMeta extends LessonFrontmatter {
  slug: string;
  file: string;
}

export interface Lesson extends LessonMeta {
  body: string;
}

export const LESSONS_DIR = path.join(process.cwd(), 'content', 'lessons');
const FILE_RE = /^(\d{2})-([a-z0-9-]+)\.mdx$/;

/** Check a frontmatter object; returns Korean problems (empty when valid). */
export function frontmatterProblems(data: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const str = (k: string) => {
    if (typeof data[k] !== 'string' || (data[k] as string).trim() === '') problems.push(`${k}: 비어 있지 않은 문자열이어야 합니다`);
  };
  str('title');
  str('summary');
  str('duration');
  if (!Number.isInteger(data.order) || (data.order as number) < 1) problems.push('order: 1 이상의 정수여야 합니다');
  if (!Array.isArray(data.objectives) || data.objectives.length === 0 || !data.objectives.every((o) => typeof o === 'string' && o.trim())) {
    problems.push('objectives: 비어 있지 않은 문자열 목록이어야 합니다');
  }
  if (data.seed !== undefined && !(Number.isInteger(data.seed) && (data.seed as number) >= 0)) problems.push('seed: 0 이상의 정수여야 합니다');
  if (data.setup !== undefined && !(Array.isArray(data.setup) && data.setup.every((s) => typeof s === 'string'))) {
    problems.push('setup: kubectl 명령 문자열 목록이어야 합니다');
  }
  if (data.machines !== undefined && typeof data.machines !== 'boolean') problems.push('machines: true 또는 false여야 합니다');
  if (data.machines === true && data.setup !== undefined) problems.push('machines: 빈 머신에서 시작하는 레슨에는 setup을 쓸 수 없습니다');
  return problems;
}

function parseFile(file: string): Lesson {
  const m = FILE_RE.exec(file);
  if (!m) throw new Error(`레슨 파일 이름은 NN-slug.mdx 형식이어야 합니다: ${file}`);
  const raw = fs.readFileSync(path.join(LESSONS_DIR, file), 'utf8');
  const { data, content } = matter(raw);
  const problems = frontmatterProblems(data);
  if (problems.length) throw new Error(`${file}의 frontmatter가 잘못되었습니다:\n- ${problems.join('\n- ')}`);
  return { ...(data as LessonFrontmatter), slug: m[2], file, body: content };
}

let cache: Lesson[] | null = null;

/** All lessons in order. Cached in production; re-read in development so edits show up. */
export function allLessons(): Lesson[] {
  if (cache && process.env.NODE_ENV === 'production') return cache;
  const files = fs.readdirSync(LESSONS_DIR).filter((f) => f.endsWith('.mdx')).sort();
  const lessons = files.map(parseFile).sort((a, b) => a.order - b.order);
  cache = lessons;
  return lessons;
}

export function lessonMetas(): LessonMeta[] {
  return allLessons().map((l) => {
    const { body, ...meta } = l;
    void body;
    return meta;
  });
}

export function findLesson(slug: string): { lesson: Lesson; prev: LessonMeta | null; next: LessonMeta | null } | null {
  const lessons = allLessons();
  const i = lessons.findIndex((l) => l.slug === slug);
  if (i < 0) return null;
  const meta = (l: Lesson | undefined): LessonMeta | null => {
    if (!l) return null;
    const { body, ...rest } = l;
    void body;
    return rest;
  };
  return { lesson: lessons[i], prev: meta(lessons[i - 1]), next: meta(lessons[i + 1]) };
}
