/**
 * The editor's field help, from the kind registry (lib/yaml/assist): hovering a key — or Alt+I at the cursor, for
 * the keyboard — shows its path, type and descriptions (Korean, then upstream English); Ctrl+Space, or typing a
 * key, lists the fields that may be written there. The English texts (~250 kB) load on the first help shown.
 */
import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { EditorState, StateEffect, StateField, type Extension } from '@codemirror/state';
import { EditorView, hoverTooltip, keymap, showTooltip, type Tooltip } from '@codemirror/view';
import { englishDoc, type FieldDocs } from '@/lib/k8s/kinds/field-docs';
import { fieldHelpAt, keySuggestionsAt, type FieldHelp } from '@/lib/yaml/assist';

let docs: Promise<FieldDocs> | undefined;
const loadDocs = () => (docs ??= import('@/lib/k8s/kinds/upstream/docs').then((m) => m.DOCS));

function element(tag: string, className: string, text?: string): HTMLElement {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** The help card: `spec.replicas <integer>`, whether it is required, the Korean text, then the English one. */
function helpCard(help: FieldHelp): HTMLElement {
  const card = element('div', 'cm-field-help');
  card.setAttribute('role', 'note');
  card.setAttribute('aria-label', `${help.path.join('.')} 필드 설명`);
  const head = element('div', 'cm-field-help-head');
  head.append(element('code', 'cm-field-help-path', help.path.join('.')), element('span', 'cm-field-help-type', `<${help.type}>`));
  if (help.field.required) head.append(element('span', 'cm-field-help-required', '필수'));
  card.append(head, element('p', 'cm-field-help-ko', help.ko ?? '한국어 설명이 아직 없어요.'));
  const english = element('p', 'cm-field-help-en', '영문 설명을 불러오는 중…');
  english.lang = 'en';
  card.append(english);
  loadDocs().then(
    (d) => {
      english.textContent = englishDoc(help.field, d) ?? '';
      english.hidden = !english.textContent;
    },
    () => (english.textContent = '영문 설명을 불러오지 못했어요.'),
  );
  return card;
}

/** The card in a holder: CodeMirror makes a tooltip's own element the `.cm-tooltip` box (hover tooltips get one more). */
function tooltipFor(help: FieldHelp, pos: number): Tooltip {
  return {
    pos,
    end: help.to,
    above: true,
    create() {
      const dom = element('div', 'cm-field-help-holder');
      dom.append(helpCard(help));
      return { dom };
    },
  };
}

const hoverHelp = hoverTooltip(
  (view, pos) => {
    const help = fieldHelpAt(view.state.doc.toString(), pos);
    return help ? tooltipFor(help, help.from) : null;
  },
  { hideOnChange: true }, // typing under the pointer hides it, so the completion list stands alone
);

/** The keyboard's way to the same card: Alt+I shows it for the key at the cursor; moving or typing or Esc hides it. */
const setCursorHelp = StateEffect.define<Tooltip | null>();
const cursorHelp = StateField.define<Tooltip | null>({
  create: () => null,
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setCursorHelp)) return e.value;
    return tr.docChanged || tr.selection ? null : value;
  },
  provide: (field) => showTooltip.from(field),
});

const helpKeys = keymap.of([
  {
    key: 'Alt-i',
    run(view) {
      const help = fieldHelpAt(view.state.doc.toString(), view.state.selection.main.head);
      view.dispatch({ effects: setCursorHelp.of(help ? tooltipFor(help, help.from) : null) });
      return true;
    },
  },
  {
    key: 'Escape',
    run(view) {
      if (!view.state.field(cursorHelp)) return false;
      view.dispatch({ effects: setCursorHelp.of(null) });
      return true;
    },
  },
]);

/** Field names that may be written at the cursor; offered while typing a key, or anywhere in a mapping on Ctrl+Space. */
function keyCompletions(context: CompletionContext): CompletionResult | null {
  const found = keySuggestionsAt(context.state.doc.toString(), context.pos);
  if (!found || (found.from === context.pos && !context.explicit)) return null;
  return {
    from: found.from,
    validFor: /^[\w.-]*$/,
    options: found.options.map((o) => ({
      label: o.label,
      detail: o.required ? `${o.type} · 필수` : o.type,
      info: o.ko,
      type: 'property',
      apply: o.insert,
      boost: o.required ? 1 : 0,
    })),
  };
}

const helpTheme = EditorView.baseTheme({
  '.cm-tooltip .cm-field-help': { maxWidth: 'min(28rem, 85vw)', padding: '6px 8px', fontSize: '12px', lineHeight: '1.45' },
  '.cm-field-help-head': { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: '6px', marginBottom: '4px' },
  '.cm-field-help-path': { fontWeight: '600' },
  '.cm-field-help-type': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' },
  '.cm-field-help-required': { fontSize: '11px', padding: '0 4px', borderRadius: '4px', border: '1px solid currentColor' },
  '.cm-field-help-ko': { margin: '0 0 4px' },
  '.cm-field-help-en': { margin: '0', maxHeight: '9rem', overflowY: 'auto' },
  '&light .cm-field-help-type, &light .cm-field-help-en': { color: '#52525b' },
  '&dark .cm-field-help-type, &dark .cm-field-help-en': { color: '#a1a1aa' },
  '&light .cm-field-help-required': { color: '#b45309' },
  '&dark .cm-field-help-required': { color: '#fbbf24' },
  '.cm-tooltip.cm-completionInfo': { maxWidth: 'min(20rem, 70vw)', fontSize: '12px' },
});

/** All of the above, for the editor's extensions (basicSetup already brings the completion UI and its keys). */
export const fieldAssist: Extension = [
  hoverHelp,
  cursorHelp,
  helpKeys,
  EditorState.languageData.of(() => [{ autocomplete: keyCompletions }]),
  helpTheme,
];
