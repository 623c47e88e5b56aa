/**
 * A lesson's MDX body, compiled once per server process and lesson text. Compiling is most of a lesson page's
 * server time (lesson 7's 190 KB page: ~100 ms of CPU per request, ~70 ms of it in the MDX compiler) and the text
 * only changes with a new build (or an edit under `next dev`, which brings a new text and so a new compile). The
 * cached value is the compiled content's React element: elements are immutable, so every request renders the same
 * one, and its components (code blocks, exercises, quizzes) still render per request.
 */
import type { ReactElement } from 'react';
import { compileMDX } from 'next-mdx-remote/rsc';
import remarkGfm from 'remark-gfm';
import { lessonComponents } from './mdx-components';

/** per lesson slug, the text last compiled and its result (one entry per lesson: an edited text replaces its entry) */
const compiled = new Map<string, { body: string; content: Promise<ReactElement> }>();

export function compiledLessonBody(slug: string, body: string): Promise<ReactElement> {
  const hit = compiled.get(slug);
  if (hit && hit.body === body) return hit.content;
  const content = compileMDX({ source: body, components: lessonComponents, options: { mdxOptions: { remarkPlugins: [remarkGfm] } } }).then((r) => r.content);
  compiled.set(slug, { body, content });
  // a failed compile is not kept: the next request tries again (and shows the error the same way)
  content.catch(() => {
    if (compiled.get(slug)?.content === content) compiled.delete(slug);
  });
  return content;
}

export async function LessonBody({ slug, body }: { slug: string; body: string }) {
  return compiledLessonBody(slug, body);
}
