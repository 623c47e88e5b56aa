/**
 * The `kubectl top` tables, pinned to k8s.io/kubectl pkg/metricsutil/metrics_printer.go and its
 * metrics_printer_test.go (kubectl ≥ 1.32 node headers `CPU(%)`/`MEMORY(%)`; every cell tab-terminated, so the
 * last column is padded; CPU as MilliValue rounded up; memory as whole MiB; `<unknown>` for a node without metrics)
 * and metrics_sorter.go (descending by cpu/memory, containers by name).
 */
import { describe, expect, it } from 'vitest';
import type { NodeMetrics, PodMetrics } from '../../sim/types';
import { printNodeMetrics, printPodMetrics } from './top-print';

const node = (name: string, cpu: string, memory: string): NodeMetrics => ({
  kind: 'NodeMetrics', apiVersion: 'metrics.k8s.io/v1beta1', metadata: { name, creationTimestamp: '' }, timestamp: '', window: '15s', usage: { cpu, memory },
});
const pod = (name: string, namespace: string, containers: [string, string, string][]): PodMetrics => ({
  kind: 'PodMetrics', apiVersion: 'metrics.k8s.io/v1beta1', metadata: { name, namespace, creationTimestamp: '' }, timestamp: '', window: '15s',
  containers: containers.map(([n, cpu, memory]) => ({ name: n, usage: { cpu, memory } })),
});
const POD = { containers: false, withNamespace: false, noHeaders: false, sortBy: '' as const, sum: false };

describe('top nodes table', () => {
  it('prints usage and the share of allocatable, truncated', () => {
    const available = new Map([['node1', { cpu: '10', memory: '10Gi' }]]);
    expect(printNodeMetrics([node('node1', '1', '1Gi')], available, { noHeaders: false, sortBy: '' })).toBe(
      'NAME    CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   \n' +
      'node1   1000m        10%      1024Mi          10%         \n',
    );
  });

  it('nodes without metrics come last as <unknown>; --sort-by=memory puts the biggest first', () => {
    const available = new Map([['a', { cpu: '2', memory: '4Gi' }], ['b', { cpu: '2', memory: '4Gi' }], ['c', { cpu: '2', memory: '4Gi' }]]);
    const out = printNodeMetrics([node('a', '250m', '512Mi'), node('b', '1999999n', '3Gi')], available, { noHeaders: true, sortBy: 'memory' });
    expect(out).toBe(
      // the name column is still 6 wide: kubectl's tabwriter has a minimum cell width of 6 (printers.GetNewTabWriter)
      'b     2m          0%          3072Mi      75%         \n' +
      'a     250m        12%         512Mi       12%         \n' +
      'c     <unknown>   <unknown>   <unknown>   <unknown>   \n',
    );
  });
});

describe('top pods table', () => {
  const pods = [pod('web', 'default', [['nginx', '1500000n', '4Mi'], ['sidecar', '3m', '1Mi']]), pod('db', 'default', [['pg', '20m', '30Mi']])];

  it('sums a pod’s containers; rounds CPU up to the millicore and memory down to the MiB', () => {
    expect(printPodMetrics(pods, POD)).toBe('NAME   CPU(cores)   MEMORY(bytes)   \ndb     20m          30Mi            \nweb    5m           5Mi             \n');
  });

  it('--containers prints one row per container, by container name; -A adds NAMESPACE', () => {
    expect(printPodMetrics(pods, { ...POD, containers: true, withNamespace: true })).toBe(
      'NAMESPACE   POD   NAME      CPU(cores)   MEMORY(bytes)   \n' +
      'default     db    pg        20m          30Mi            \n' +
      'default     web   nginx     2m           4Mi             \n' +
      'default     web   sidecar   3m           1Mi             \n',
    );
  });

  it('--sort-by=cpu descending, --no-headers, --sum', () => {
    expect(printPodMetrics(pods, { ...POD, sortBy: 'cpu', noHeaders: true })).toBe('db    20m   30Mi   \nweb   5m    5Mi    \n');
    expect(printPodMetrics(pods, { ...POD, sum: true })).toBe(
      'NAME   CPU(cores)   MEMORY(bytes)   \n' +
      'db     20m          30Mi            \n' +
      'web    5m           5Mi             \n' +
      '       ________     ________        \n' +
      '       25m          35Mi            \n',
    );
  });

  it('prints nothing for no metrics', () => {
    expect(printPodMetrics([], POD)).toBe('');
  });
});
