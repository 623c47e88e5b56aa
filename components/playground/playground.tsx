'use client';
// Placeholder until the graph helper's Playground lands.
import { usePlayground } from './context';

export function Playground() {
  const { client, error } = usePlayground();
  if (error) return <p role="alert" className="p-4 text-red-600">{error}</p>;
  return <div className="p-4 text-sm text-zinc-500">{client ? '클러스터 준비 완료' : '클러스터를 준비하는 중…'}</div>;
}
