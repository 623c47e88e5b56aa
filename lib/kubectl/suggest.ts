/** Moved to lib/text/suggest.ts so the YAML checker can use it without depending on kubectl. */
export { levenshtein, suggestionsFor } from '../text/suggest';
