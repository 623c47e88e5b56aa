import { isValidElement, type ReactNode } from 'react';
import { EditorButton } from './editor-button';

/** Plain text of a rendered MDX subtree (a fenced code block's source). */
export function textOf(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return '';
}

/**
 * Wraps a fenced YAML block in the lesson: shows it, and offers "에디터에 열기" with the same text,
 * so what the student reads is exactly what lands in the editor.
 */
export function OpenInEditor({ name, children }: { name: string; children: ReactNode }) {
  const content = textOf(children).replace(/\n+$/, '\n');
  return (
    <figure className="my-5">
      <figcaption className="flex items-center justify-between gap-3 rounded-t-lg border border-b-0 border-zinc-200 bg-zinc-100 px-3 py-1.5 text-sm dark:border-zinc-800 dark:bg-zinc-900">
        <span className="font-mono">{name}</span>
        <EditorButton name={name} content={content} />
      </figcaption>
      <div className="[&_pre]:mt-0 [&_pre]:rounded-t-none">{children}</div>
    </figure>
  );
}
