import { describe, expect, it } from 'vitest';
import { DESCRIBE, TabWriter, tabulate } from './tabwriter';

describe('tabwriter', () => {
  it('pads every cell but the last by widest + 3, at least 6', () => {
    expect(tabulate('NAME\tREADY\tAGE\nweb-1\t1/1\t5s\n')).toBe('NAME    READY   AGE\nweb-1   1/1     5s\n');
    expect(tabulate('A\tB\tC\nx\ty\tz\n')).toBe('A     B     C\nx     y     z\n');
  });

  it('aligns column blocks separately, as describe output does', () => {
    const text = 'Name:\tweb\nNamespace:\tdefault\nIPs:\n  IP:\t10.0.0.1\n';
    expect(tabulate(text, DESCRIBE)).toBe('Name:       web\nNamespace:  default\nIPs:\n  IP:  10.0.0.1\n');
  });

  it('keeps continuation lines (empty first cell) in the same block', () => {
    expect(tabulate('Labels:\ta=1\n\tb=2\nAnnotations:\t<none>\n', DESCRIBE)).toBe(
      'Labels:       a=1\n              b=2\nAnnotations:  <none>\n',
    );
  });

  it('remembers widths across flushes for watch output', () => {
    const w = new TabWriter({ minWidth: 6, padding: 3, rememberWidths: true });
    expect(w.format('NAME\tSTATUS\tAGE\n')).toBe('NAME   STATUS   AGE\n');
    expect(w.format('web\tContainerCreating\t0s\n')).toBe('web    ContainerCreating   0s\n');
    expect(w.format('web\tRunning\t1s\n')).toBe('web    Running             1s\n');
  });
});
