import { describe, expect, it } from 'vitest';
import { completeKubectl } from './complete';

const objectKeys = ['Pod/default/web-1', 'Pod/default/web-2', 'Pod/kube-system/coredns-x', 'Deployment/default/web', 'Node//worker-1', 'Namespace//kube-system'];

describe('completeKubectl', () => {
  it('completes verbs, sub-commands and resource types', () => {
    expect(completeKubectl('kubectl ge').candidates).toEqual(['get']);
    expect(completeKubectl('kubectl rollout u').candidates).toEqual(['undo']);
    expect(completeKubectl('k get dep').candidates).toEqual(['deploy', 'deployment', 'deployments']);
    expect(completeKubectl('k get dep').common).toBe('deploy');
  });

  it('completes object names from the cache, in the right namespace', () => {
    expect(completeKubectl('kubectl get pods w', { objectKeys }).candidates).toEqual(['web-1', 'web-2']);
    expect(completeKubectl('kubectl get pods -n kube-system ', { objectKeys }).candidates).toEqual(['coredns-x']);
    expect(completeKubectl('kubectl scale deploy/', { objectKeys }).candidates).toEqual(['deploy/web']);
    expect(completeKubectl('kubectl drain w', { objectKeys }).candidates).toEqual(['worker-1']);
  });

  it('completes kubectl top: pod or node, then their names, then its flags', () => {
    expect(completeKubectl('kubectl top ').candidates).toEqual(['node', 'pod']);
    expect(completeKubectl('kubectl top pod w', { objectKeys }).candidates).toEqual(['web-1', 'web-2']);
    expect(completeKubectl('kubectl top pods -n kube-system ', { objectKeys }).candidates).toEqual(['coredns-x']);
    expect(completeKubectl('kubectl top nodes ', { objectKeys }).candidates).toEqual(['worker-1']);
    expect(completeKubectl('kubectl top pod --cont').candidates).toEqual(['--containers']);
  });

  it('completes flags and flag values', () => {
    expect(completeKubectl('kubectl get pods -o ').candidates).toEqual(['custom-columns=', 'json', 'jsonpath=', 'name', 'wide', 'yaml']);
    expect(completeKubectl('kubectl get pods --show').candidates).toEqual(['--show-kind', '--show-labels']);
    expect(completeKubectl('kubectl apply -f d', { files: ['deployment.yaml', 'svc.yaml'] }).candidates).toEqual(['deployment.yaml']);
  });
});
