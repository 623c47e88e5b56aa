'use client';
// Placeholder until the YAML editor lands (owned by the kubectl helper).
export function YamlEditor() {
  return <div className="p-4 text-sm text-zinc-500">YAML 에디터를 준비하는 중…</div>;
}
