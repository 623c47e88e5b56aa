/**
 * What `kubectl explain deployment.spec.strategy` prints first, written from kubectl release-1.34
 * pkg/explain/v2/templates/plaintext.tmpl (GROUP/KIND/VERSION, the FIELD line with the referenced type's name, two
 * newlines, the field's description followed by its type's description) and the English docs of kubernetes/api
 * release-1.34 apps/v1 types.go. Two tests hold it: the browser's explain (which adds its Korean line after it) and
 * real kubectl against the sim cluster server (which prints FIELDS right after it).
 */
export const STRATEGY_EXPLAIN_HEAD = [
  'GROUP:      apps',
  'KIND:       Deployment',
  'VERSION:    v1',
  '',
  'FIELD: strategy <DeploymentStrategy>',
  '',
  '',
  'DESCRIPTION:',
  '    The deployment strategy to use to replace existing pods with new ones.',
  '    DeploymentStrategy describes how to replace existing pods with new ones.',
  '    ',
] as const;
