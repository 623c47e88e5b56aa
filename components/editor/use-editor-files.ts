'use client';

import { useCallback, useEffect, useState } from 'react';
import type { PlaygroundBus } from '@/lib/store/bus';
import { TEMPLATES } from '@/lib/yaml/templates';

export interface EditorFileState {
  name: string;
  content: string;
}

function uniqueName(base: string, taken: (name: string) => boolean): string {
  if (!taken(base)) return base;
  const [stem, ext] = base.includes('.') ? [base.slice(0, base.lastIndexOf('.')), base.slice(base.lastIndexOf('.'))] : [base, ''];
  for (let i = 2; ; i++) if (!taken(`${stem}-${i}${ext}`)) return `${stem}-${i}${ext}`;
}

/** Named editor files, mirrored into the bus so `kubectl apply -f NAME` reads what's on screen. */
export function useEditorFiles(bus: PlaygroundBus) {
  const [files, setFiles] = useState<EditorFileState[]>(() => {
    if (bus.files.size === 0) {
      const deployment = TEMPLATES.find((t) => t.id === 'deployment')!;
      bus.files.set(deployment.fileName, deployment.content);
    }
    return [...bus.files].map(([name, content]) => ({ name, content }));
  });
  const [active, setActive] = useState(() => files[0]?.name ?? '');

  const upsert = useCallback(
    (name: string, content: string) => {
      bus.files.set(name, content);
      setFiles((prev) => (prev.some((f) => f.name === name) ? prev.map((f) => (f.name === name ? { name, content } : f)) : [...prev, { name, content }]));
    },
    [bus],
  );

  useEffect(
    () =>
      bus.onOpenInEditor((file) => {
        upsert(file.name, file.content);
        setActive(file.name);
      }),
    [bus, upsert],
  );

  const addTemplate = useCallback(
    (id: string) => {
      const template = TEMPLATES.find((t) => t.id === id);
      if (!template) return;
      const name = uniqueName(template.fileName, (n) => bus.files.has(n));
      upsert(name, template.content);
      setActive(name);
    },
    [bus, upsert],
  );

  const close = useCallback(
    (name: string) => {
      bus.files.delete(name);
      setFiles((prev) => {
        const next = prev.filter((f) => f.name !== name);
        setActive((a) => (a === name ? (next[0]?.name ?? '') : a));
        return next;
      });
    },
    [bus],
  );

  return { files, active, setActive, upsert, addTemplate, close };
}
