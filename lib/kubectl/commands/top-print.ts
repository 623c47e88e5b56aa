/**
 * `kubectl top` tables as k8s.io/kubectl pkg/metricsutil/metrics_printer.go prints them (kubectl ≥ 1.32 headers):
 * every cell tab-terminated (so the last column is padded too), CPU as MilliValue (rounded up) + "m", memory as
 * whole MiB (Value / 2^20, rounded down) + "Mi", node percentages truncated toward zero. Sorting follows
 * metrics_sorter.go: by name (namespace first with -A), or descending by cpu / memory. Pure.
 */
import { parseCpuMillis, parseMemoryBytes } from '../../k8s/quantity';
import { GET_TABLE, TabWriter } from '../tabwriter';
import type { NodeMetrics, PodMetrics } from '../../sim/types';

export type TopSort = '' | 'cpu' | 'memory';

interface Amount {
  milliCpu: number;
  bytes: number;
}

const amountOf = (usage: { cpu?: string; memory?: string }): Amount => ({ milliCpu: parseCpuMillis(usage.cpu ?? '0'), bytes: parseMemoryBytes(usage.memory ?? '0') });
const add = (a: Amount, b: Amount): Amount => ({ milliCpu: a.milliCpu + b.milliCpu, bytes: a.bytes + b.bytes });
const ZERO: Amount = { milliCpu: 0, bytes: 0 };
const cpuCell = (a: Amount) => `${a.milliCpu}m`;
const memoryCell = (a: Amount) => `${Math.floor(a.bytes / 2 ** 20)}Mi`;
const row = (cells: string[]) => cells.map((c) => `${c}\t`).join('') + '\n';

/**
 * Descending by the chosen resource; stable, so equal rows keep the server's name order. kubectl uses Go's
 * sort.Sort, which is stable for up to 12 rows (insertion sort); past that, rows with equal usage may come out
 * in another order than here.
 */
function sortRows<T>(rows: T[], sortBy: TopSort, amount: (r: T) => Amount, byName: (a: T, b: T) => number): T[] {
  if (sortBy === 'cpu') return [...rows].sort((a, b) => amount(b).milliCpu - amount(a).milliCpu);
  if (sortBy === 'memory') return [...rows].sort((a, b) => amount(b).bytes - amount(a).bytes);
  return [...rows].sort(byName);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface PodTopOptions {
  containers: boolean;
  withNamespace: boolean;
  noHeaders: boolean;
  sortBy: TopSort;
  sum: boolean;
}

export function printPodMetrics(metrics: readonly PodMetrics[], o: PodTopOptions): string {
  if (metrics.length === 0) return '';
  let text = '';
  let columns = 3;
  if (!o.noHeaders) {
    const head = ['NAME', 'CPU(cores)', 'MEMORY(bytes)'];
    if (o.containers) head.unshift('POD');
    if (o.withNamespace) head.unshift('NAMESPACE');
    columns = head.length;
    text += row(head);
  }
  const podAmount = (m: PodMetrics) => m.containers.reduce((sum, c) => add(sum, amountOf(c.usage)), ZERO);
  const byName = (a: PodMetrics, b: PodMetrics) => (o.withNamespace && compare(a.metadata.namespace, b.metadata.namespace)) || compare(a.metadata.name, b.metadata.name);
  const ns = (m: PodMetrics) => (o.withNamespace ? [m.metadata.namespace] : []);
  for (const m of sortRows([...metrics], o.sortBy, podAmount, byName)) {
    if (!o.containers) {
      const a = podAmount(m);
      text += row([...ns(m), m.metadata.name, cpuCell(a), memoryCell(a)]);
      continue;
    }
    const containers = sortRows([...m.containers], o.sortBy, (c) => amountOf(c.usage), (a, b) => compare(a.name, b.name));
    for (const c of containers) {
      const a = amountOf(c.usage);
      text += row([...ns(m), m.metadata.name, c.name, cpuCell(a), memoryCell(a)]);
    }
  }
  if (o.sum) {
    // printPodResourcesSum: underlines under the two usage columns, then the totals (columnWidth counts headers only)
    const total = metrics.reduce((sum, m) => add(sum, podAmount(m)), ZERO);
    text += row([...Array(Math.max(0, columns - 2)).fill(''), '________', '________']);
    text += row([...Array(Math.max(0, columns - 3)).fill(''), '', cpuCell(total), memoryCell(total)]);
  }
  return new TabWriter(GET_TABLE).format(text);
}

export interface NodeTopOptions {
  noHeaders: boolean;
  sortBy: TopSort;
}

/** `available`: allocatable (or capacity) by node name; nodes without metrics print `<unknown>` after the rest. */
export function printNodeMetrics(metrics: readonly NodeMetrics[], available: ReadonlyMap<string, { cpu?: string; memory?: string }>, o: NodeTopOptions): string {
  if (metrics.length === 0) return '';
  let text = o.noHeaders ? '' : row(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']);
  const missing = new Map(available);
  const percent = (used: number, of: number) => `${of === 0 ? 0 : Math.trunc((used / of) * 100)}%`;
  for (const m of sortRows([...metrics], o.sortBy, (n) => amountOf(n.usage), (a, b) => compare(a.metadata.name, b.metadata.name))) {
    const a = amountOf(m.usage);
    const avail = available.get(m.metadata.name);
    const cells = [m.metadata.name, cpuCell(a)];
    if (avail) cells.push(percent(a.milliCpu, amountOf(avail).milliCpu));
    cells.push(memoryCell(a));
    if (avail) cells.push(percent(a.bytes, amountOf(avail).bytes));
    text += row(cells);
    missing.delete(m.metadata.name);
  }
  for (const name of [...missing.keys()].sort()) text += row([name, '<unknown>', '<unknown>', '<unknown>', '<unknown>']);
  return new TabWriter(GET_TABLE).format(text);
}
