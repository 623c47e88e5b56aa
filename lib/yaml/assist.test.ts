/**
 * Field paths and key suggestions for the editor. Expected fields are those of kubernetes/api release-1.34
 * apps/v1 types.go (DeploymentSpec: replicas, selector, template, strategy, minReadySeconds, revisionHistoryLimit,
 * paused, progressDeadlineSeconds; selector and template required) and core/v1 types.go (Container, ServiceSpec).
 */
import { describe, expect, it } from 'vitest';
import { fieldHelpAt, keySuggestionsAt } from './assist';

/** The text with `|` removed, and the offset where it stood. */
function at(marked: string): [string, number] {
  const offset = marked.indexOf('|');
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}

const help = (marked: string) => fieldHelpAt(...at(marked));
const labels = (marked: string) => keySuggestionsAt(...at(marked))?.options.map((o) => o.label);

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  repl|icas: 3
  template:
    spec:
      containers:
      - name: web
        image: nginx:1.27
`;

describe('fieldHelpAt', () => {
  it('resolves a key by the document kind and the keys above it', () => {
    const h = help(DEPLOYMENT);
    expect(h?.kind).toBe('Deployment');
    expect(h?.path).toEqual(['spec', 'replicas']);
    expect(h?.type).toBe('integer');
    expect(h?.ko).toContain('파드 개수');
    const [text] = at(DEPLOYMENT);
    expect(text.slice(h!.from, h!.to)).toBe('replicas');
  });

  it('walks through list items, whether the dash is indented or not', () => {
    expect(help(DEPLOYMENT.replace('repl|icas', 'replicas').replace('image:', 'im|age:'))?.path).toEqual(['spec', 'template', 'spec', 'containers', 'image']);
    expect(help(DEPLOYMENT.replace('repl|icas', 'replicas').replace('- name', '- na|me'))?.path).toEqual(['spec', 'template', 'spec', 'containers', 'name']);
    const indented = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      ports:\n        - containerPort: 80\n          proto|col: TCP\n';
    const h = help(indented);
    expect(h?.path).toEqual(['spec', 'containers', 'ports', 'protocol']);
    expect(h?.field.enum).toEqual(expect.arrayContaining(['TCP', 'UDP', 'SCTP']));
  });

  it('uses the kind of the document the cursor is in', () => {
    const multi = `apiVersion: v1\nkind: Service\nspec:\n  type: ClusterIP\n---\napiVersion: apps/v1\nkind: Deployment\nspec:\n  ty|pe: x\n`;
    expect(help(multi)).toBeUndefined(); // a Deployment's spec has no `type`
    expect(help(multi.replace('ty|pe', 'type').replace('  type: ClusterIP', '  ty|pe: ClusterIP'))?.path).toEqual(['spec', 'type']);
  });

  it('gives nothing for an unknown kind, a mismatched apiVersion, an unknown key or a value', () => {
    expect(help(DEPLOYMENT.replace('Deployment', 'Deploymnt'))).toBeUndefined();
    expect(help(DEPLOYMENT.replace('apps/v1', 'v1'))).toBeUndefined();
    expect(help(DEPLOYMENT.replace('repl|icas', 'repl|icaz'))).toBeUndefined();
    expect(help(DEPLOYMENT.replace('repl|icas: 3', 'replicas: |3'))).toBeUndefined();
  });

  it('does not read the lines of a block scalar as keys', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\ndata:\n  conf: |\n    na|me: x\n';
    expect(help(text)).toBeUndefined();
  });
});

describe('keySuggestionsAt', () => {
  it('offers the fields of the mapping at the cursor that are not written yet, required first', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 2\n  |\n  template: {}\n';
    expect(labels(text)).toEqual(['selector', 'minReadySeconds', 'paused', 'progressDeadlineSeconds', 'revisionHistoryLimit', 'strategy']);
  });

  it('filters nothing itself (the editor matches the typed prefix) but starts the replacement at the typed key', () => {
    const [text, offset] = at('apiVersion: v1\nkind: Pod\nspec:\n  contai|\n');
    const s = keySuggestionsAt(text, offset);
    expect(text.slice(s!.from, offset)).toBe('contai');
    expect(s?.options.find((o) => o.label === 'containers')).toMatchObject({ type: '[]Container', required: true, insert: 'containers:\n    - ' });
    expect(s?.options.find((o) => o.label === 'restartPolicy')?.insert).toBe('restartPolicy: ');
  });

  it('offers a list item’s fields after its dash, and the item’s remaining fields on the lines below', () => {
    const first = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    image: nginx\n  - |\n';
    expect(labels(first)).toContain('name');
    const more = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    |\n    image: nginx\n  - name: b\n    ports: []\n';
    const options = labels(more)!;
    expect(options).not.toContain('name');
    expect(options).not.toContain('image');
    expect(options).toContain('ports'); // written in the other item only
  });

  it('offers root fields without status, and nothing inside a value or for an unknown kind', () => {
    expect(labels('apiVersion: v1\nkind: Service\n|')).toEqual(['metadata', 'spec']);
    expect(labels('apiVersion: v1\nkind: Service\nspec:\n  type: |')).toBeUndefined();
    expect(labels('apiVersion: v1\nkind: Servic\n|')).toBeUndefined();
  });
});
