/**
 * The kubelet's event strings, made once per container name or image, read exactly as the kubelet's own messages
 * (pkg/kubelet/events/event.go reasons; messages from kuberuntime_container.go and images/image_manager.go).
 */
import { describe, expect, it } from 'vitest';
import { containerFieldPath, createdMessage, pulledMessage, pullingMessage, startedMessage, stoppingMessage } from './kubelet-strings';

describe('kubelet event strings', () => {
  it('spell the upstream messages and field path', () => {
    expect(containerFieldPath('app')).toBe('spec.containers{app}');
    expect(pullingMessage('nginx:1.27')).toBe('Pulling image "nginx:1.27"');
    expect(createdMessage('app')).toBe('Created container app');
    expect(startedMessage('app')).toBe('Started container app');
    expect(stoppingMessage('app')).toBe('Stopping container app');
    expect(pulledMessage('nginx:1.27', 3, 1000)).toBe('Successfully pulled image "nginx:1.27" in 3s (3s including waiting). Image size: 1000 bytes.');
  });

  it('give the right text when the same image is pulled in another time or with another size', () => {
    expect(pulledMessage('redis:7', 0.6, 10)).toBe('Successfully pulled image "redis:7" in 0.6s (0.6s including waiting). Image size: 10 bytes.');
    expect(pulledMessage('redis:7', 3, 10)).toBe('Successfully pulled image "redis:7" in 3s (3s including waiting). Image size: 10 bytes.');
    expect(pulledMessage('redis:7', 3, 20)).toBe('Successfully pulled image "redis:7" in 3s (3s including waiting). Image size: 20 bytes.');
  });

  it('stay correct past the cache bound', () => {
    for (let i = 0; i < 3000; i++) expect(createdMessage(`c${i}`)).toBe(`Created container c${i}`);
    expect(createdMessage('c1')).toBe('Created container c1');
  });
});
