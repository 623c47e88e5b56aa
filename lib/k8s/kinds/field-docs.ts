/**
 * How a field is named and described to a reader: its type label as kubectl explain prints it, its upstream English
 * description and its Korean one. Shared by `kubectl explain` and the YAML editor's hover and completion.
 */
import { elementOf, koreanDoc, type FieldSchema } from './fields';

/** Upstream English descriptions by type name, then field name ('' = the type itself): `upstream/docs` DOCS. */
export type FieldDocs = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** kubectl's typeGuess: `string`, `[]Container`, `map[string]Quantity`, `IntOrString`, `ObjectMeta`. */
export function typeLabel(f: FieldSchema): string {
  if (f.type === 'array' && f.items) return `[]${typeLabel(f.items)}`;
  if (f.type === 'map' && f.values) return `map[string]${typeLabel(f.values)}`;
  if (f.type === 'object' || f.type === 'free' || f.type === 'intOrString' || f.type === 'quantity') return f.typeName ?? 'Object';
  return f.type;
}

/** The field's own English description, as its property schema carries it. */
export const englishDoc = (f: FieldSchema, docs: FieldDocs): string | undefined => (f.declaredIn ? docs[f.declaredIn[0]]?.[f.declaredIn[1]] : undefined);

/** Korean for a field (or, where the field has none, for the type it holds). */
export function koreanOf(f: FieldSchema): string | undefined {
  const typeName = elementOf(f).typeName;
  return f.ko ?? (typeName ? koreanDoc(typeName, '') : undefined);
}
