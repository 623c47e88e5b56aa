'use client';

import dynamic from 'next/dynamic';
import { Loading } from './loading';
import { usePlayground } from './context';

/** The Playground's code (store, controls, panels) loads after the page, keeping lesson first-load JS small. */
const PlaygroundBody = dynamic(() => import('./playground-body'), {
  ssr: false,
  loading: () => <Loading text="클러스터 그래프를 불러오는 중…" />,
});

/**
 * The Playground: the live cluster graph (cluster, workload and list views), simulator controls,
 * failure buttons, filters, details, events, and the kubectl terminal and YAML editor.
 */
export function Playground() {
  const { client, error } = usePlayground();
  if (error) return <p role="alert" className="p-4 text-red-700 dark:text-red-300">{error}</p>;
  if (!client) return <Loading text="실습 클러스터를 준비하는 중…" />;
  return <PlaygroundBody client={client} />;
}
