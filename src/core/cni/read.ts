/**
 * Reading a CNI configuration as Go's encoding/json reads it: what Go refuses (comments, trailing
 * commas, a byte order mark, nesting past its limit, the first syntax error) is a `cni-syntax`
 * error at its place; a key given twice is a warning (Go keeps the last). The semantic checks
 * (document.ts) run on the tree only when Go could read past the text.
 */
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import type { Diagnostic, Severity } from '../text/diag';
import { type Localized, loc } from '../text/i18n';
import { JsonDoc, type JsonNode } from './json';
import { GO_JSON, syntaxWords } from './syntaxWords';
import { iga } from '../text/particle';

/** Go's encoding/json refuses JSON nested deeper than this. */
const MAX_DEPTH = 10000;
/** knetlab checks no deeper than this (the parser recurses); no CNI configuration comes close. */
const CHECK_DEPTH = 256;

/**
 * Reads the text as JSON, reporting what Go's encoding/json would refuse. Returns the tree, or
 * nothing when the text is not JSON Go could read past (the other checks would only guess then).
 * Comments and trailing commas are errors but do not stop the other checks.
 */
export function readJson(text: string, file: string, out: Diagnostic[]): JsonNode | undefined {
  const doc = new JsonDoc(text, file, undefined);
  const err = (offset: number, length: number, message: Localized, severity: Severity = 'error') =>
    out.push({ ...doc.rangeAt(offset, length), severity, code: 'cni-syntax', message });
  let body = text;
  if (text.charCodeAt(0) === 0xfeff) {
    err(
      0,
      1,
      loc(
        `The file starts with a byte order mark (BOM): ${GO_JSON.en} refuses it ("invalid character 'ï'"). Save it as UTF-8 without BOM.`,
        `파일이 바이트 순서 표시(BOM)로 시작합니다: ${GO_JSON.ko} 이를 거부합니다 ("invalid character 'ï'"). BOM 없는 UTF-8로 저장하세요.`,
      ),
    );
    body = ' ' + text.slice(1);
  }
  if (!body.trim()) {
    err(
      0,
      1,
      loc(
        'The file is empty: a CNI configuration is one JSON object, e.g. { "cniVersion": "1.0.0", "name": "mynet", "plugins": [ ... ] }.',
        '파일이 비어 있습니다: CNI 설정은 { "cniVersion": "1.0.0", "name": "mynet", "plugins": [ ... ] } 같은 JSON 객체 하나입니다.',
      ),
    );
    return undefined;
  }
  // One pass over the characters: comments, trailing commas, and the nesting depth (a parser that
  // recurses must not be handed a million "[").
  let depth = 0;
  let maxDepth = 0;
  let deepAt = -1;
  let lastSignificant = -1; // offset of the last character outside strings, comments and spaces
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '"') {
      lastSignificant = i;
      i++;
      while (i < body.length && body[i] !== '"' && body[i] !== '\n') i += body[i] === '\\' ? 2 : 1;
      if (i < body.length && body[i] === '"') lastSignificant = i;
      continue;
    }
    if (c === '/' && (body[i + 1] === '/' || body[i + 1] === '*')) {
      const block = body[i + 1] === '*';
      const close = block ? body.indexOf('*/', i + 2) : -1;
      let end = block ? (close < 0 ? body.length : close + 2) : i;
      if (!block) while (end < body.length && body[end] !== '\n' && body[end] !== '\r') end++;
      if (!block || close >= 0) {
        err(
          i,
          end - i,
          loc(
            `Comments are not allowed: ${GO_JSON.en} refuses them ("invalid character '/'").`,
            `주석을 쓸 수 없습니다: ${GO_JSON.ko} 주석을 거부합니다 ("invalid character '/'").`,
          ),
        );
      }
      i = end - 1;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
    if (c === '{' || c === '[') {
      if (++depth > MAX_DEPTH) {
        err(
          i,
          1,
          loc(
            `The JSON is nested more than ${MAX_DEPTH} levels deep: ${GO_JSON.en} stops there ("exceeded max depth").`,
            `JSON이 ${MAX_DEPTH}단계보다 깊게 중첩되어 있습니다: ${GO_JSON.ko} 거기서 멈춥니다 ("exceeded max depth").`,
          ),
        );
        return undefined;
      }
      if (depth > maxDepth) {
        maxDepth = depth;
        if (depth === CHECK_DEPTH + 1) deepAt = i;
      }
    } else if (c === '}' || c === ']') {
      depth = Math.max(0, depth - 1);
      if (lastSignificant >= 0 && body[lastSignificant] === ',') {
        err(
          lastSignificant,
          1,
          loc(
            `A trailing comma before "${c}": ${GO_JSON.en} refuses it ("invalid character '${c}' looking for beginning of value"). Remove the comma.`,
            `"${c}" 앞에 쉼표가 남아 있습니다: ${GO_JSON.ko} 이를 거부합니다 ("invalid character '${c}' looking for beginning of value"). 쉼표를 지우세요.`,
          ),
        );
      }
    }
    lastSignificant = i;
  }
  if (deepAt >= 0) {
    err(
      deepAt,
      1,
      loc(
        `The JSON is nested more than ${CHECK_DEPTH} levels deep here: knetlab does not check a configuration this deep (no CNI configuration needs it).`,
        `여기서 JSON이 ${CHECK_DEPTH}단계보다 깊게 중첩되어 있습니다: knetlab은 이렇게 깊은 설정은 검사하지 않습니다 (이런 깊이가 필요한 CNI 설정은 없습니다).`,
      ),
      'warning',
    );
    return undefined;
  }
  const errors: ParseError[] = [];
  const root = parseTree(body, errors, { disallowComments: false, allowTrailingComma: true, allowEmptyContent: false });
  // After the first real error the rest is guesswork (Go stops there too): report that one.
  const first = errors.find((e) => printParseErrorCode(e.error) !== 'InvalidCommentToken');
  if (first) {
    const code = printParseErrorCode(first.error);
    err(first.offset, first.length, syntaxWords(code, body.slice(first.offset, first.offset + Math.min(first.length, 40))));
    return undefined;
  }
  if (root) duplicateKeys(root, doc, out);
  return root;
}

/** A key given twice in one object: Go keeps the last value, so the first is silently ignored. */
function duplicateKeys(node: JsonNode, doc: JsonDoc, out: Diagnostic[]): void {
  const stack: JsonNode[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'object') {
      const last = new Map<string, JsonNode>();
      for (const p of n.children ?? []) {
        const k = p.children?.[0];
        if (k && typeof k.value === 'string') last.set(k.value, k);
      }
      for (const p of n.children ?? []) {
        const k = p.children?.[0];
        if (!k || typeof k.value !== 'string') continue;
        const later = last.get(k.value)!;
        if (later !== k) {
          const at = doc.lines.position(later.offset);
          out.push({
            ...doc.range(k),
            severity: 'warning',
            code: 'cni-syntax',
            message: loc(
              `"${k.value}" is given again at line ${at.line}: Go's encoding/json keeps the last one, so this one is ignored.`,
              `${iga(`"${k.value}"`)} ${at.line}번째 줄에 또 있습니다: Go의 encoding/json은 마지막 것을 쓰므로 이것은 무시됩니다.`,
            ),
          });
        }
      }
    }
    for (const c of n.children ?? []) stack.push(c);
  }
}
