import { describe, expect, it } from 'vitest';
import { createPlaygroundBus } from '@/lib/store/bus';
import { fileNamesIn, openLessonFilesFor, registerLessonFile } from './lesson-files';

describe('lesson files for 실행 buttons', () => {
  it('reads every -f / --filename form kubectl accepts', () => {
    expect(fileNamesIn('kubectl apply -f web-svc.yaml')).toEqual(['web-svc.yaml']);
    expect(fileNamesIn('kubectl apply -f=a.yaml --filename b.yaml --filename=c.yaml')).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
    expect(fileNamesIn("kubectl delete -f 'd.yaml'")).toEqual(['d.yaml']);
    expect(fileNamesIn('kubectl get pods -l app=web')).toEqual([]);
    expect(fileNamesIn('kubectl logs -f web-1')).toEqual(['web-1']); // harmless: not a lesson file, nothing opens
  });

  it('opens a lesson file the editor lacks before the command runs, and never replaces what the student edited', () => {
    const bus = createPlaygroundBus();
    const opened: string[] = [];
    bus.onOpenInEditor((f) => opened.push(f.name));
    registerLessonFile(bus, { name: 'web-svc.yaml', content: 'kind: Service\n' });
    registerLessonFile(bus, { name: 'proxy.yaml', content: 'kind: Deployment\n' });
    openLessonFilesFor(bus, 'kubectl apply -f web-svc.yaml');
    expect(bus.files.get('web-svc.yaml')).toBe('kind: Service\n');
    expect(opened).toEqual(['web-svc.yaml']);

    bus.files.set('proxy.yaml', 'edited by the student\n');
    openLessonFilesFor(bus, 'kubectl apply -f proxy.yaml');
    expect(bus.files.get('proxy.yaml')).toBe('edited by the student\n');
    expect(opened).toEqual(['web-svc.yaml']);

    // another Playground's bus knows none of these files
    const other = createPlaygroundBus();
    openLessonFilesFor(other, 'kubectl apply -f web-svc.yaml');
    expect(other.files.has('web-svc.yaml')).toBe(false);
  });
});
