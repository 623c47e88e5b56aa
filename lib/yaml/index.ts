/** YAML manifests for the editor and `kubectl apply -f`: parsing, line/column errors, strict field checks. */
export { parseManifests, objectParticle, type ManifestDoc, type ManifestResult, type YamlProblem } from './parse';
export { TEMPLATES, type Template } from './templates';
