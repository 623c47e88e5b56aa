'use client';

/**
 * Entry point of the lazily loaded graph chunk: everything that needs @xyflow/react lives behind
 * this module, so pages pay for it only when the graph is on screen.
 */
import { useMemo } from 'react';
import '@xyflow/react/dist/style.css';
import './graph.css';
import ClusterCanvas from './cluster-canvas';
import WorkloadCanvas from './workload-canvas';
import { useColorMode } from './flow-common';
import { TileThemeContext } from './tile-canvas';
import { TONE_CLASS } from './pod-tile';
import { paletteFor } from './tile-palette';
import { usePlayground } from '@/components/wiring/playground-context';
import { TrafficFlowProvider } from '@/components/wiring/traffic-flow';

export default function GraphView({ view }: { view: 'cluster' | 'workload' }) {
  // One theme watcher for every tile canvas (they redraw in the new colours when it changes).
  const theme = useColorMode();
  // The tile colours, read here while the graph's own elements are not in the page yet: the probe's style is then
  // computed alone, where the first canvas reading it would force the style of every new box first (once per theme).
  useMemo(() => paletteFor(theme, TONE_CLASS), [theme]);
  const { client } = usePlayground();
  return (
    <TileThemeContext value={theme}>
      <TrafficFlowProvider client={client}>{view === 'cluster' ? <ClusterCanvas /> : <WorkloadCanvas />}</TrafficFlowProvider>
    </TileThemeContext>
  );
}
