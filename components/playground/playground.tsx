'use client';

import { useEffect } from 'react';
import { Loading, LoadingProgress } from './loading';
import { usePlayground, usePreparing } from '@/components/wiring/playground-context';
import { useLazyComponent } from './use-lazy-component';
import { preloadGraphView } from './graph-loader';
import { LabNotice } from './lab-notice';
import { ClassFollowSlot } from '@/components/classroom/follow-slot';

/** The Playground's code (store, controls, panels) loads after the page, keeping lesson first-load JS small. */
const loadPlaygroundBody = () => import('./playground-body').then((m) => m.default);

/**
 * The Playground: the live cluster graph (cluster, workload and list views), simulator controls,
 * failure buttons, filters, details, events, and the kubectl terminal and YAML editor. `lesson`: it sits beside
 * a lesson (playground-body.tsx keeps the running traffic chart unfolded there when the screen is tall).
 */
export function Playground({ lesson = false }: { lesson?: boolean }) {
  const { client, error } = usePlayground();
  const preparing = usePreparing();
  const PlaygroundBody = useLazyComponent(loadPlaygroundBody);
  // the graph's code comes with the body's, while the engine starts (graph-loader.ts)
  useEffect(() => {
    preloadGraphView().catch(() => {});
  }, []);
  if (error) return <p role="alert" className="p-4 text-red-700 dark:text-red-300">{error}</p>;
  if (!client && preparing) return <LoadingProgress {...preparing} what="실제 클러스터에서 오브젝트" verb="받는 중…" />;
  if (!client) return <Loading text="실습 클러스터를 준비하는 중…" />;
  if (!PlaygroundBody) return <Loading text="클러스터 그래프를 불러오는 중…" />;
  return (
    <div className="flex h-full min-h-0 flex-col">
      <ClassFollowSlot />
      <LabNotice />
      <div className="min-h-0 flex-1">
        {/* eslint-disable-next-line react-hooks/static-components -- loaded once per loader and cached: a stable component */}
        <PlaygroundBody client={client} lesson={lesson} />
      </div>
    </div>
  );
}
