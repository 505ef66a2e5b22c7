// What an operator is told about a listing page read by selectors. A site's redesign shows up
// here first: the item selector finds nothing, or a field starts coming back empty.
import type { FieldName } from '../../domain/html-selectors.ts';

/** Something the operator should look at; `field` is null for the item selector. */
export type SelectorWarning = {
  code: 'invalid_selector' | 'no_items' | 'field_empty' | 'field_sparse';
  field: string | null;
  message: string;
};

// Below this share a field is probably aimed at the wrong element; with fewer items, one
// job without a salary would already look like a pattern.
const SPARSE_SHARE = 0.5;
const SPARSE_MIN_ITEMS = 4;

/** A selector css-select refused while reading (the schema lets none through, a stored old one may). */
export function invalidSelector(
  field: string | null,
  selector: string,
  error: Error,
): SelectorWarning {
  const what = field ? `field "${field}"` : 'the item selector';
  return {
    code: 'invalid_selector',
    field,
    message: `${what}: invalid CSS selector "${selector}": ${error.message}`,
  };
}

/** The item selector matched nothing on the page. */
export function noItems(selector: string, pageUrl: string): SelectorWarning {
  return {
    code: 'no_items',
    field: null,
    message: `the item selector "${selector}" matches nothing on ${pageUrl}`,
  };
}

/** A field empty in every item, or filled in fewer than half of them; null when it is fine. */
export function coverageWarning(
  field: { name: FieldName; raw: string },
  filled: number,
  total: number,
): SelectorWarning | null {
  const { name, raw } = field;
  if (total === 0) return null;
  if (filled === 0)
    return {
      code: 'field_empty',
      field: name,
      message: `field "${name}" ("${raw}") is empty in all ${total} items`,
    };
  if (total >= SPARSE_MIN_ITEMS && filled < total * SPARSE_SHARE)
    return {
      code: 'field_sparse',
      field: name,
      message: `field "${name}" ("${raw}") is filled in only ${filled} of ${total} items`,
    };
  return null;
}
