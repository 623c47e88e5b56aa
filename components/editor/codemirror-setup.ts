/**
 * CodeMirror 6 for YAML, created on demand (this module is imported dynamically so CodeMirror never weighs on a
 * page's first load). Diagnostics come from lib/yaml and are shown in the gutter and under the text; field help and
 * key completion come from the kind registry (field-assist.ts).
 */
import { basicSetup, EditorView } from 'codemirror';
import { yaml } from '@codemirror/lang-yaml';
import { Compartment, EditorState } from '@codemirror/state';
import { HighlightStyle, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import type { YamlProblem } from '@/lib/yaml';
import { fieldAssist } from './field-assist';

export interface YamlView {
  setText(text: string): void;
  setProblems(problems: readonly YamlProblem[]): void;
  focus(): void;
  destroy(): void;
}

const baseTheme = EditorView.theme({
  '&': { height: '100%', fontSize: '13px' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' },
});

/** Dark colours for when the site is in dark mode (html.dark); the light look is CodeMirror's default. */
const darkTheme = [
  EditorView.theme(
    {
      '&': { backgroundColor: '#18181b', color: '#e4e4e7' },
      '.cm-gutters': { backgroundColor: '#18181b', color: '#a1a1aa', borderRight: '1px solid #3f3f46' },
      '.cm-activeLine': { backgroundColor: '#27272a80' },
      '.cm-activeLineGutter': { backgroundColor: '#27272a' },
      '.cm-cursor': { borderLeftColor: '#e4e4e7' },
      '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: '#3f3f46' },
      '.cm-tooltip': { backgroundColor: '#27272a', color: '#e4e4e7', border: '1px solid #3f3f46' },
    },
    { dark: true },
  ),
  syntaxHighlighting(
    HighlightStyle.define([
      { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: '#7dd3fc' },
      { tag: [tags.string, tags.content], color: '#bef264' },
      { tag: [tags.number, tags.bool, tags.null], color: '#fda4af' },
      { tag: tags.comment, color: '#a1a1aa', fontStyle: 'italic' },
      { tag: [tags.meta, tags.punctuation, tags.separator], color: '#d4d4d8' },
    ]),
  ),
];

const isDark = () => typeof document !== 'undefined' && document.documentElement.classList.contains('dark');

export function createYamlView(parent: HTMLElement, text: string, onChange: (text: string) => void, label: string, describedBy: string): YamlView {
  const colours = new Compartment();
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        basicSetup,
        yaml(),
        indentUnit.of('  '),
        EditorState.tabSize.of(2),
        lintGutter(),
        fieldAssist,
        baseTheme,
        colours.of(isDark() ? darkTheme : []),
        EditorView.contentAttributes.of({ 'aria-label': label, 'aria-describedby': describedBy, 'aria-multiline': 'true', tabindex: '0' }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
  // follow the site's theme toggle, which flips the `dark` class on <html>
  const observer = new MutationObserver(() => view.dispatch({ effects: colours.reconfigure(isDark() ? darkTheme : []) }));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return {
    setText(next) {
      if (view.state.doc.toString() !== next) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next } });
    },
    setProblems(problems) {
      const doc = view.state.doc;
      const diagnostics: Diagnostic[] = problems.map((p) => {
        const line = doc.line(Math.min(Math.max(1, p.line), doc.lines));
        const from = Math.min(line.from + Math.max(0, p.column - 1), line.to);
        return { from, to: Math.max(from, line.to), severity: 'error', message: `${p.line}:${p.column} ${p.message}` };
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    focus: () => view.focus(),
    destroy: () => {
      observer.disconnect();
      view.destroy();
    },
  };
}
