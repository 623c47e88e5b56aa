'use client';
// Placeholder until the kubectl terminal lands (owned by the kubectl helper).
export function Terminal() {
  return <div className="p-4 text-sm text-zinc-500">터미널을 준비하는 중…</div>;
}
