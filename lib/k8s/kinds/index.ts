/**
 * The kind registry: what each kind is (API names, Korean name, field schema with Korean and upstream docs,
 * table columns), read by the engine, the YAML checker, kubectl, the sim API server's discovery and the graph.
 * Upstream English field descriptions are a separate, large module (`./upstream/docs`): import it lazily.
 */
export type { KindDef, KoreanFieldDocs, SubresourceInfo, TableColumnDefinition } from './kind';
export {
  KIND_INFOS,
  KOREAN_FIELD_DOCS,
  apiVersionOf,
  kindForResource,
  kindInfo,
  kindOf,
  kindsInCategory,
  qualifiedPlural,
  qualifiedSingular,
  resolveResource,
  resourceArgName,
  type KindInfo,
  type RegisteredKind,
} from './registry';
export { elementOf, fieldAt, firstTypeError, kindSchema, koreanDoc, structFields, unknownFields, unmarshalError, type FieldSchema, type FieldType } from './fields';
export { formatLabelSelector, formatLabels, selectorString } from './printing';
export { podStatusReason } from './pod';
export { UPSTREAM_VERSION } from './upstream/structs';
