'use client';

import { useId } from 'react';
import { usePlaygroundStore, usePlaygroundStoreShallow } from '@/components/wiring/store-context';

const INPUT = 'rounded-md border bg-white px-2 py-1 text-xs dark:bg-zinc-900';

/** Namespace, label selector (kubectl syntax, inline Korean error), kube-system toggle and the Service picker. */
export function FilterBar() {
  const namespaces = usePlaygroundStore((s) => s.namespaces);
  const namespace = usePlaygroundStore((s) => s.namespace);
  const selectorText = usePlaygroundStore((s) => s.selectorText);
  const selectorError = usePlaygroundStore((s) => s.selectorError);
  const showKubeSystem = usePlaygroundStore((s) => s.showKubeSystem);
  const setNamespace = usePlaygroundStore((s) => s.setNamespace);
  const setSelectorText = usePlaygroundStore((s) => s.setSelectorText);
  const setShowKubeSystem = usePlaygroundStore((s) => s.setShowKubeSystem);
  const errorId = useId();

  return (
    <div className="flex flex-wrap items-start gap-x-3 gap-y-1.5">
      <label className="flex items-center gap-1 text-xs">
        <span>네임스페이스</span>
        <select aria-label="네임스페이스" value={namespace} onChange={(e) => setNamespace(e.target.value)} className={`${INPUT} border-zinc-300 dark:border-zinc-700`}>
          <option value="">전체</option>
          {namespaces.map((ns) => (
            <option key={ns} value={ns}>
              {ns}
            </option>
          ))}
        </select>
      </label>
      <div className="flex min-w-56 flex-1 flex-col gap-0.5">
        <label className="flex items-center gap-1 text-xs">
          <span className="shrink-0">레이블 셀렉터</span>
          <input
            type="text"
            value={selectorText}
            onChange={(e) => setSelectorText(e.target.value)}
            placeholder="예: app=web,tier!=db 또는 env in (a,b)"
            spellCheck={false}
            aria-invalid={selectorError !== null}
            aria-describedby={selectorError ? errorId : undefined}
            className={`${INPUT} min-w-0 flex-1 font-mono ${selectorError ? 'border-red-500' : 'border-zinc-300 dark:border-zinc-700'}`}
          />
        </label>
        {selectorError && (
          <p id={errorId} role="alert" className="text-xs text-red-700 dark:text-red-300">
            {selectorError}
          </p>
        )}
      </div>
      <label className="flex items-center gap-1 text-xs">
        <input type="checkbox" checked={showKubeSystem} onChange={(e) => setShowKubeSystem(e.target.checked)} className="accent-brand-500" />
        kube-system 표시
      </label>
      <ServicePicker />
    </div>
  );
}

/** One button per Service: pressing it highlights the pods it selects and dims the rest. */
function ServicePicker() {
  const services = usePlaygroundStoreShallow((s) =>
    Object.values(s.services).filter((svc) => (s.filter.namespace ? svc.namespace === s.filter.namespace : s.filter.showKubeSystem || svc.namespace !== 'kube-system')),
  );
  const serviceKey = usePlaygroundStore((s) => s.serviceKey);
  const count = usePlaygroundStore((s) => (s.highlight ? Object.keys(s.highlight).length : 0));
  const highlightService = usePlaygroundStore((s) => s.highlightService);
  const select = usePlaygroundStore((s) => s.select);
  if (services.length === 0) return null;
  return (
    <div role="group" aria-label="서비스 선택" className="flex flex-wrap items-center gap-1 text-xs">
      <span>서비스</span>
      {services.map((svc) => {
        const on = svc.key === serviceKey;
        return (
          <button
            key={svc.key}
            type="button"
            aria-pressed={on}
            onClick={() => {
              highlightService(on ? null : svc.key);
              if (!on) select({ kind: 'Service', key: svc.key });
            }}
            className={`rounded-full border px-2 py-0.5 font-mono ${
              on ? 'border-violet-600 bg-violet-600 text-white' : 'border-zinc-300 bg-white hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800'
            }`}
          >
            {on ? '◉ ' : '○ '}
            {svc.name}
          </button>
        );
      })}
      {serviceKey && <span className="text-zinc-700 dark:text-zinc-300">선택된 파드 {count}개 (나머지는 흐리게, 이유는 파드에 마우스를 올리거나 목록 보기에서)</span>}
    </div>
  );
}
