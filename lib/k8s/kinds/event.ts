/**
 * Event (core/v1). Names as pkg/registry/core/event/storage/storage.go registers them; columns and cells as
 * pkg/printers/internalversion/printers.go prints them.
 */
import type { CoreV1Event } from '../api-types';
import { ageSince, timestampMs } from '../age';
import { ALL_VERBS, columns, type KindDef } from './kind';
import { nameOf } from './printing';

/**
 * When an Event last happened, as the page's events panel orders them: lastTimestamp, else eventTime, firstTimestamp
 * or creationTimestamp; epoch ms, 0 when it says nothing readable.
 */
export function eventTimeMs(e: CoreV1Event): number {
  const ms = timestampMs(e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata?.creationTimestamp);
  return Number.isFinite(ms) ? ms : 0;
}

function eventCells(ev: CoreV1Event, now: number): unknown[] {
  const first = Number.isNaN(timestampMs(ev.firstTimestamp))
    ? ageSince(ev.eventTime, now)
    : ageSince(ev.firstTimestamp, now);
  let last = Number.isNaN(timestampMs(ev.lastTimestamp)) ? first : ageSince(ev.lastTimestamp, now);
  let count = ev.count || 1;
  if (ev.series) {
    last = ageSince(ev.series.lastObservedTime, now);
    count = ev.series.count ?? count;
  }
  const involved = ev.involvedObject;
  const target = involved?.name ? `${(involved.kind ?? '').toLowerCase()}/${involved.name}` : (involved?.kind ?? '').toLowerCase();
  const source = ev.source?.component
    ? [ev.source.component, ev.source.host].filter(Boolean).join(', ')
    : [ev.reportingComponent, ev.reportingInstance].filter(Boolean).join(', ');
  return [last, ev.type ?? '', ev.reason ?? '', target, involved?.fieldPath ?? '', source, (ev.message ?? '').trim(), first, count, nameOf(ev)];
}

export const EVENT = {
  kind: 'Event',
  group: '',
  version: 'v1',
  plural: 'events',
  singular: 'event',
  shortNames: ['ev'],
  categories: [],
  namespaced: true,
  ko: '이벤트',
  verbs: ALL_VERBS,
  subresources: [],
  columns: columns([
    ['Last Seen', 'string', 0, 'The time at which the most recent occurrence of this event was recorded.'],
    ['Type', 'string', 0, 'Type of this event (Normal, Warning).'],
    ['Reason', 'string', 0, 'This should be a short, machine understandable string that gives the reason for the transition.'],
    ['Object', 'string', 0, 'The object that this event is about.'],
    ['Subobject', 'string', 1, 'The field of the object this event is about.'],
    ['Source', 'string', 1, 'The component reporting this event.'],
    ['Message', 'string', 0, 'A human-readable description of the status of this operation.'],
    ['First Seen', 'string', 1, 'The time at which the event was first recorded.'],
    ['Count', 'string', 1, 'The number of times this event has occurred.'],
    ['Name', 'string', 1],
  ]),
  cells: eventCells,
  fieldsKo: {
    Event: {
      '': '이벤트는 클러스터에서 일어난 일(스케줄링, 이미지 받기, 오류 등)의 기록이에요.',
      involvedObject: '이 이벤트가 가리키는 오브젝트.',
      reason: '짧은 이유 (예: Scheduled, Pulling, BackOff).',
      message: '사람이 읽는 설명.',
      type: 'Normal 또는 Warning.',
      count: '같은 일이 일어난 횟수.',
      firstTimestamp: '처음 일어난 시각.',
      lastTimestamp: '마지막으로 일어난 시각.',
      source: '이벤트를 남긴 구성 요소 (예: kubelet, default-scheduler).',
      reportingComponent: '이벤트를 남긴 컨트롤러.',
      eventTime: '처음 관측한 시각 (마이크로초 단위).',
    },
  },
} as const satisfies KindDef;
