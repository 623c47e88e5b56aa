/**
 * The Playground's filters: namespace, kube-system visibility and a kubectl-syntax label selector.
 * Parsing happens once per keystroke; matching is O(requirements) per pod.
 */
import { isStatusError } from '../k8s/types';
import { matchesLabelSelector, parseLabelSelector, type LabelSelector } from '../k8s/selectors';
import type { PodView } from './projection';

export interface PodFilter {
  /** '' = every namespace. */
  namespace: string;
  showKubeSystem: boolean;
  selector: LabelSelector | null;
}

export interface ParsedSelectorInput {
  selector: LabelSelector | null;
  /** Korean message for the inline error; null when the text is valid (or empty). */
  error: string | null;
}

/** Parse the selector box. Empty text means "no selector"; bad syntax yields a Korean error with the API's detail. */
export function parseSelectorInput(text: string): ParsedSelectorInput {
  if (text.trim() === '') return { selector: null, error: null };
  try {
    return { selector: parseLabelSelector(text), error: null };
  } catch (e) {
    const detail = isStatusError(e) || e instanceof Error ? e.message : String(e);
    return { selector: null, error: `셀렉터 문법이 올바르지 않아요: ${detail}. 예: app=web,tier!=db 또는 env in (a,b)` };
  }
}

/** Whether a pod passes the filters. kube-system is hidden unless shown or chosen as the namespace. */
export function podPassesFilter(pod: PodView, f: PodFilter): boolean {
  if (f.namespace !== '' && pod.namespace !== f.namespace) return false;
  if (f.namespace === '' && !f.showKubeSystem && pod.namespace === 'kube-system') return false;
  if (f.selector && !matchesLabelSelector(f.selector, pod.labels)) return false;
  return true;
}
