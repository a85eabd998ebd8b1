/**
 * The README's examples of knetlab's output, made by running knetlab: a block between
 *
 *     <!-- example: knetlab ARGS... [| json] -->
 *     ```
 *     ...
 *     ```
 *     <!-- /example -->
 *
 * holds `$ knetlab ARGS...` and what the command printed (stdout and stderr, in the order a terminal
 * shows them), from the repository's root and in the README's language. With `| json` it holds the
 * JSON the command printed, abridged: every list of more than one item shows its first and `...`.
 * test/scripts/readme-examples.test.ts fails when a README differs from what knetlab prints;
 * `npm run readme` writes them again.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../src/cli/main';

/** The READMEs with examples, and the language of each. */
export const READMES: readonly { readonly file: string; readonly lang: 'en' | 'ko' }[] = [
  { file: 'README.md', lang: 'en' },
  { file: 'README.ko.md', lang: 'ko' },
];

const BLOCK = /(<!-- example: knetlab ([^|>]*?)(\s*\|\s*json)? -->\n)```[a-z]*\n[\s\S]*?```\n(<!-- \/example -->)/g;

/** The words of a command line as a shell splits it (plain words and '...' or "..." quoted ones). */
function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** What `knetlab ARGS` prints, stdout and stderr as one stream, and its stdout alone. */
function runKnetlab(args: string, lang: 'en' | 'ko'): { both: string; out: string } {
  let both = '';
  let out = '';
  main(
    words(args),
    {
      out: (s) => {
        both += s;
        out += s;
      },
      err: (s) => (both += s),
    },
    { KNETLAB_LANG: lang, KNETLAB_NO_RECORD: '1' },
  );
  return { both, out };
}

const MORE = '__knetlab_more__';

/** A list of more than one item as its first and a `...` mark, all the way down. */
function abridge(v: unknown): unknown {
  if (Array.isArray(v)) return v.length > 1 ? [abridge(v[0]), MORE] : v.map(abridge);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, abridge(x)]));
  return v;
}

function block(args: string, json: boolean, lang: 'en' | 'ko'): string {
  const r = runKnetlab(args, lang);
  if (!json) return '```\n$ knetlab ' + args + '\n' + r.both + (r.both.endsWith('\n') || !r.both ? '' : '\n') + '```\n';
  const text = JSON.stringify(abridge(JSON.parse(r.out)), null, 2).replaceAll(`"${MORE}"`, '...');
  return '```json\n' + text + '\n```\n';
}

/** The text with every example block made again from knetlab's output. */
export function renderExamples(text: string, lang: 'en' | 'ko'): string {
  return text.replace(
    BLOCK,
    (_m, open: string, args: string, json: string | undefined, close: string) => open + block(args.trim(), !!json, lang) + close,
  );
}

/** How many example blocks a text has. */
export function countExamples(text: string): number {
  return [...text.matchAll(BLOCK)].length;
}

if (typeof require !== 'undefined' && require.main === module) {
  const root = join(__dirname, '..');
  for (const { file, lang } of READMES) {
    const path = join(root, file);
    const before = readFileSync(path, 'utf8');
    const after = renderExamples(before, lang);
    if (after !== before) {
      writeFileSync(path, after);
      console.log(`wrote ${file}`);
    }
  }
}
