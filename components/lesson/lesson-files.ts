/**
 * The lesson's own files (each `<OpenInEditor name>` block), so a "실행" button for `kubectl apply -f NAME` works even
 * when the student pressed it without "에디터에 열기" first: before, the terminal answered `the path "NAME" does not
 * exist` for a file printed right above the button. Kept per bus, so two Playgrounds never share files.
 */
import type { EditorFile, PlaygroundBus } from '@/lib/store/bus';

const lessonFiles = new WeakMap<PlaygroundBus, Map<string, string>>();

/** Remember a file the lesson shows (called by its "에디터에 열기" button when it mounts). */
export function registerLessonFile(bus: PlaygroundBus, file: EditorFile): void {
  let files = lessonFiles.get(bus);
  if (!files) lessonFiles.set(bus, (files = new Map()));
  files.set(file.name, file.content);
}

/** The file names a kubectl line reads: every `-f NAME`, `-f=NAME`, `--filename NAME`, `--filename=NAME`. */
export function fileNamesIn(line: string): string[] {
  return [...line.matchAll(/(?:^|\s)(?:-f|--filename)(?:=|\s+)(\S+)/g)].map((m) => m[1].replace(/^(['"])(.*)\1$/, '$2'));
}

/**
 * Opens in the editor each lesson file `line` reads that the editor doesn't hold yet; a file the student already
 * opened (and may have edited) is left as it is.
 */
export function openLessonFilesFor(bus: PlaygroundBus, line: string): void {
  const files = lessonFiles.get(bus);
  if (!files) return;
  for (const name of fileNamesIn(line)) {
    const content = files.get(name);
    if (content !== undefined && !bus.files.has(name)) bus.openInEditor({ name, content });
  }
}
