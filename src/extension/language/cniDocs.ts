/**
 * Hovers for CNI network configurations (.conf / .conflist): the key under the cursor documented
 * from schema/cni.schema.json, whose descriptions are "English / 한국어".
 *
 * Plain logic, no `vscode` import: the unit tests run it as is. JSON is YAML, so `keyAt` reads it.
 */
import type { Lang } from '../../core';
import cniSchema from '../../../schema/cni.schema.json';
import { keyAt, schemaDescription, splitDescription } from './schemaDocs';

export { cniSchema };

export interface CniHover {
  readonly markdown: string;
  /** Offsets of the hovered key (its quotes included). */
  readonly start: number;
  readonly end: number;
}

/** The documentation of the CNI key under `offset`, in the user's language. */
export function cniHover(text: string, offset: number, lang: Lang): CniHover | undefined {
  let key;
  try {
    key = keyAt(text, offset);
  } catch {
    return undefined;
  }
  if (!key) return undefined;
  const description = schemaDescription(key.path, cniSchema);
  if (!description) return undefined;
  const name = key.path[key.path.length - 1];
  const where = key.path
    .map((s) => (typeof s === 'number' ? `[${s}]` : s))
    .join('.')
    .replace(/\.\[/g, '[');
  const markdown = [`**${String(name)}** — \`${where}\``, '', splitDescription(description, lang)].join('\n');
  return { markdown, start: key.start, end: key.end };
}
