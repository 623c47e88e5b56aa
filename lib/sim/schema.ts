/**
 * Strict decoding for the engine: the API server (field validation "Strict", kubectl's default) rejects
 * `spec.replica` with `strict decoding error: unknown field "spec.replica"`, and its decoder a value of the wrong
 * type with `json: cannot unmarshal object into Go struct field … of type string`. The schema is the kind registry's
 * (lib/k8s/kinds), generated from the Kubernetes 1.34 API types; this module keeps the engine's import path.
 */
export { firstTypeError, unknownFields } from '../k8s/kinds/fields';
