'use client';

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { usePlayground } from '@/components/wiring/playground-context';
import { parseManifests } from '@/lib/yaml';
import { TEMPLATES } from '@/lib/yaml/templates';
import type { YamlView } from './codemirror-setup';
import { useEditorFiles } from './use-editor-files';

const LABEL = 'YAML 편집기';

/** Named YAML files (tabs) in CodeMirror, templates, live line:column checks and an Apply button. */
export function YamlEditor() {
  const { bus } = usePlayground();
  const { files, active, setActive, upsert, addTemplate, close } = useEditorFiles(bus);
  const current = files.find((f) => f.name === active);
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<YamlView | null>(null);
  const [loaded, setLoaded] = useState(false);
  const keysHintId = useId();
  const activeRef = useRef(active);
  useEffect(() => {
    activeRef.current = active;
  }, [active]);

  const problems = useMemo(() => (current ? parseManifests(current.content).problems : []), [current]);

  useEffect(() => {
    let disposed = false;
    void import('./codemirror-setup').then(({ createYamlView }) => {
      if (disposed || !host.current) return;
      view.current = createYamlView(host.current, bus.files.get(activeRef.current) ?? '', (text) => upsert(activeRef.current, text), LABEL, keysHintId);
      setLoaded(true);
    });
    return () => {
      disposed = true;
      view.current?.destroy();
      view.current = null;
    };
  }, [bus, upsert, keysHintId]);

  useEffect(() => {
    view.current?.setText(current?.content ?? '');
  }, [active, loaded]); // eslint-disable-line react-hooks/exhaustive-deps -- only on tab switch; typing flows the other way

  useEffect(() => {
    view.current?.setProblems(problems);
  }, [problems, loaded]);

  return (
    <div className="flex h-full min-h-0 flex-col bg-white dark:bg-zinc-900">
      <div className="flex shrink-0 flex-wrap items-center gap-1 border-b border-zinc-200 px-2 py-1 dark:border-zinc-800">
        <div role="group" aria-label="YAML 파일" className="flex min-w-0 flex-wrap gap-1">
          {files.map((f) => (
            <span key={f.name} className={`flex items-center rounded text-xs ${f.name === active ? 'bg-zinc-200 dark:bg-zinc-700' : ''}`}>
              <button type="button" aria-pressed={f.name === active} onClick={() => setActive(f.name)} className="px-2 py-1 font-mono text-zinc-800 dark:text-zinc-100">
                {f.name}
              </button>
              <button type="button" aria-label={`${f.name} 닫기`} onClick={() => close(f.name)} className="px-1 text-zinc-500 hover:text-zinc-900 dark:hover:text-white">
                ×
              </button>
            </span>
          ))}
        </div>
        <label className="ml-auto flex items-center gap-1 text-xs text-zinc-700 dark:text-zinc-300">
          템플릿
          <select
            aria-label="템플릿으로 새 파일 만들기"
            value=""
            onChange={(e) => addTemplate(e.target.value)}
            className="rounded border border-zinc-300 bg-white px-1 py-0.5 text-xs dark:border-zinc-700 dark:bg-zinc-800"
          >
            <option value="">새 파일…</option>
            {TEMPLATES.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={!current}
          onClick={() => current && bus.runCommand(`kubectl apply -f ${current.name}`)}
          className="rounded bg-brand-500 px-3 py-1 text-xs font-semibold text-white hover:bg-brand-600 disabled:opacity-50"
        >
          적용
        </button>
      </div>
      <div className="relative min-h-0 flex-1">
        <div ref={host} className="h-full overflow-hidden" />
        {!loaded && current && (
          <textarea
            aria-label={LABEL}
            value={current.content}
            onChange={(e) => upsert(current.name, e.target.value)}
            spellCheck={false}
            className="absolute inset-0 h-full w-full resize-none bg-transparent p-2 font-mono text-[13px] text-zinc-900 dark:text-zinc-100"
          />
        )}
        {!current && <p className="p-3 text-sm text-zinc-600 dark:text-zinc-400">템플릿 메뉴에서 새 파일을 만들어 보세요.</p>}
      </div>
      <p id={keysHintId} className="shrink-0 border-t border-zinc-200 px-2 py-0.5 text-[11px] text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
        필드 이름 위에 마우스를 올리거나 Alt+I를 누르면 설명이 보여요 · Ctrl+Space로 쓸 수 있는 필드를 골라요
      </p>
      <div role="status" aria-live="polite" className="max-h-24 shrink-0 overflow-auto border-t border-zinc-200 px-2 py-1 text-xs dark:border-zinc-800">
        {problems.length === 0 ? (
          <span className="text-emerald-700 dark:text-emerald-400">✓ 문제 없음 — {current?.name ?? ''}을(를) 적용할 수 있어요.</span>
        ) : (
          <ul className="space-y-0.5 text-rose-700 dark:text-rose-300">
            {problems.map((p, i) => (
              <li key={i}>
                <span className="font-mono">
                  {p.line}:{p.column}
                </span>{' '}
                {p.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
