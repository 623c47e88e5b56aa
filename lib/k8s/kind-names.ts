import { kindOf } from './kinds/registry';
import { KINDS, type Kind } from './types';

/** Korean name of each kind, as the kubernetes.io/ko glossary writes it (from the registry). Shared by the engine's causes and the UI. */
export const KIND_KO: Record<Kind, string> = Object.fromEntries(KINDS.map((k) => [k, kindOf(k).ko])) as Record<Kind, string>;
