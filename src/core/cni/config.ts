/**
 * A semantic checker for CNI network configurations: plugin lists (`*.conflist`) and single-plugin
 * files (`*.conf`), CNI spec 0.1.0 to 1.1.0, as in /etc/cni/net.d/.
 *
 * What the runtime (libcni, Go's encoding/json) and the reference plugins would refuse is an error;
 * what they accept but is almost surely a mistake is a warning:
 * - the JSON itself, as Go reads it: no comments, no trailing commas, no byte order mark
 *   (`cni-syntax`); a key given twice is a warning (Go keeps the last one);
 * - the schema (schema/cni.schema.json, `cni-schema`): types, enums, ranges;
 * - `cniVersion` (`cni-version`), the network `name` (`cni-name`), the plugin list or the single
 *   plugin's `type` (`cni-plugins`), plugin types nobody ships (`cni-unknown-plugin`), a chained
 *   plugin with no earlier plugin (`cni-plugin-order`), a type listed twice
 *   (`cni-duplicate-plugin`), interface names (`cni-ifname`), MTUs (`cni-mtu`);
 * - IPAM (`cni-ipam`): host-local's subnets and ranges as its allocator checks them (both the old
 *   `subnet`/`rangeStart`/`rangeEnd`/`gateway` form and `ranges: [[{ subnet, ... }]]`), static
 *   addresses and routes.
 *
 * Never throws: whatever the text, the result is diagnostics with their places.
 */
import { getNodeValue, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import type { Diagnostic, DiagnosticCode, Severity, SourceRange } from '../text/diag';
import { type Localized, loc } from '../text/i18n';
import { didYouMean } from '../text/didyoumean';
import { type Addr, BITS, broadcastOf, formatAddr, maskOf, parseAddr } from '../net/addr';
import { items, JsonDoc, type JsonNode, keys, prop, propKey, type Segment, str } from './json';
import { CHAINED_ONLY, CNI_VERSIONS, IFNAME_FIELDS, KNOWN_IPAM, KNOWN_PLUGINS } from './plugins';
import { schemaDiagnostics, schemaErrors } from './schema';

export interface CniPlugin {
  /** The plugin's `type` (its binary in /opt/cni/bin), when it has one. */
  readonly type?: string;
  /** Its `type` value, or the plugin object when it has none. */
  readonly range: SourceRange;
  /** The plugin's configuration as JSON data. */
  readonly value: Record<string, unknown>;
}

export interface CniConfig {
  /** A plugin list (`.conflist`) or a single plugin (`.conf`). */
  readonly kind: 'list' | 'single';
  readonly name?: string;
  readonly cniVersion?: string;
  /** The plugins in the order ADD runs them (one for a single-plugin file). */
  readonly plugins: CniPlugin[];
  /** The whole configuration as JSON data. */
  readonly value: Record<string, unknown>;
}

export interface CniResult {
  /** Present when the text is a JSON object (even one with problems). */
  readonly config?: CniConfig;
  readonly diagnostics: Diagnostic[];
}

/** Whether a path names a CNI configuration file: `*.conflist`, or `*.conf` in a `net.d` folder. */
export function isCniConfigPath(path: string): boolean {
  return /\.conflist$/.test(path) || /(^|[\\/])net\.d[\\/][^\\/]+\.conf$/.test(path);
}

/** Go's encoding/json refuses JSON nested deeper than this. */
const MAX_DEPTH = 10000;
/** knetlab checks no deeper than this (the parser recurses); no CNI configuration comes close. */
const CHECK_DEPTH = 256;

/** The smallest and largest MTU Linux accepts on an interface (IPv4's minimum; ETH_MAX_MTU). */
const MIN_MTU = 68;
const MAX_MTU = 65535;

const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export function checkCniConfig(text: string, file: string): CniResult {
  const out: Diagnostic[] = [];
  let config: CniConfig | undefined;
  try {
    const source = typeof text === 'string' ? text : String(text);
    const root = readJson(source, file, out);
    if (root) {
      const doc = new JsonDoc(source, file, root);
      config = new Checker(doc, out).run();
    }
  } catch (e) {
    out.push({
      file,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 2,
      severity: 'error',
      code: 'cni-syntax',
      message: loc(`Internal error while checking the CNI configuration: ${String(e)}`, `CNI 설정을 검사하는 중 내부 오류: ${String(e)}`),
    });
  }
  out.sort((a, b) => a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn);
  return config ? { config, diagnostics: out } : { diagnostics: out };
}

// ---------------------------------------------------------------------------------------------
// JSON, as Go's encoding/json reads it

/** jsonc-parser's error codes, in words. */
function syntaxWords(code: string, snippet: string): Localized {
  switch (code) {
    case 'InvalidSymbol':
      if (/^'/.test(snippet))
        return loc(
          `${snippet} is not JSON: strings and keys need double quotes.`,
          `${snippet}은(는) JSON이 아닙니다: 문자열과 키는 큰따옴표로 감싸야 합니다.`,
        );
      return loc(
        `"${snippet}" is not JSON here (strings need double quotes; true, false and null are lower case).`,
        `"${snippet}"은(는) 여기에 올 수 있는 JSON이 아닙니다 (문자열은 큰따옴표로 감싸고, true, false, null은 소문자로 씁니다).`,
      );
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return loc('This number is malformed.', '이 숫자의 형식이 틀렸습니다.');
    case 'PropertyNameExpected':
      return loc('A key in double quotes is expected here.', '여기에는 큰따옴표로 감싼 키가 와야 합니다.');
    case 'ValueExpected':
      return loc('A value is expected here.', '여기에는 값이 와야 합니다.');
    case 'ColonExpected':
      return loc('A ":" is expected after the key.', '키 다음에 ":"가 와야 합니다.');
    case 'CommaExpected':
      return loc('A "," is expected between two items.', '두 항목 사이에 ","가 와야 합니다.');
    case 'CloseBraceExpected':
      return loc('A "}" is missing: this object is never closed.', '"}"가 없습니다: 이 객체가 닫히지 않았습니다.');
    case 'CloseBracketExpected':
      return loc('A "]" is missing: this list is never closed.', '"]"가 없습니다: 이 리스트가 닫히지 않았습니다.');
    case 'EndOfFileExpected':
      return loc(
        'Text after the end of the configuration: a CNI configuration file holds one JSON object.',
        '설정이 끝난 뒤에 글자가 더 있습니다: CNI 설정 파일에는 JSON 객체 하나만 있어야 합니다.',
      );
    case 'UnexpectedEndOfComment':
      return loc(
        'This comment is never closed (and the CNI runtime allows no comments).',
        '이 주석이 닫히지 않았습니다 (CNI 런타임은 주석을 허용하지 않습니다).',
      );
    case 'UnexpectedEndOfString':
      return loc('This string is never closed: a closing " is missing.', '이 문자열이 닫히지 않았습니다: 닫는 "가 없습니다.');
    case 'InvalidUnicode':
      return loc('Invalid \\u escape: it takes four hex digits.', '잘못된 \\u 이스케이프입니다: 16진수 네 자리가 필요합니다.');
    case 'InvalidEscapeCharacter':
      return loc(
        'Invalid escape in a string (JSON knows \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX).',
        '문자열 안의 이스케이프가 잘못되었습니다 (JSON은 \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX만 압니다).',
      );
    case 'InvalidCharacter':
      return loc(
        'A control character (a tab, a line break) inside a string: write it as \\t or \\n.',
        '문자열 안에 제어 문자(탭, 줄바꿈)가 있습니다: \\t나 \\n으로 쓰세요.',
      );
    default:
      return loc(`Invalid JSON (${code}).`, `올바른 JSON이 아닙니다 (${code}).`);
  }
}

const GO_JSON = loc(
  "the CNI runtime reads this file with Go's encoding/json, which",
  'CNI 런타임은 이 파일을 Go의 encoding/json으로 읽는데, 이것은',
);

/**
 * Reads the text as JSON, reporting what Go's encoding/json would refuse. Returns the tree, or
 * nothing when the text is not JSON Go could read past (the other checks would only guess then).
 * Comments and trailing commas are errors but do not stop the other checks.
 */
function readJson(text: string, file: string, out: Diagnostic[]): JsonNode | undefined {
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
              `"${k.value}"이(가) ${at.line}번째 줄에 또 있습니다: Go의 encoding/json은 마지막 것을 쓰므로 이것은 무시됩니다.`,
            ),
          });
        }
      }
    }
    for (const c of n.children ?? []) stack.push(c);
  }
}

// ---------------------------------------------------------------------------------------------
// Addresses

interface Cidr {
  readonly addr: Addr; // as written
  readonly len: number;
  readonly network: Addr;
}

/** `ADDRESS/LENGTH` as Go's net.ParseCIDR reads it (host bits kept in `addr`). */
function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const addr = parseAddr(text.slice(0, slash));
  const lenText = text.slice(slash + 1);
  if (!addr || !/^[0-9]{1,3}$/.test(lenText)) return undefined;
  const len = Number(lenText);
  if (len > BITS[addr.family]) return undefined;
  return { addr, len, network: { family: addr.family, value: addr.value & maskOf(addr.family, len) } };
}

function inCidr(c: Cidr, a: Addr): boolean {
  return a.family === c.addr.family && (a.value & maskOf(a.family, c.len)) === c.network.value;
}

function cidrText(c: Cidr): string {
  return `${formatAddr(c.network)}/${c.len}`;
}

/** Which special address of its subnet `a` is, if any: the network address, or IPv4's broadcast. */
function specialAddress(c: Cidr, a: Addr): Localized | undefined {
  if (a.value === c.network.value) return loc('the network address', '네트워크 주소');
  if (a.family === 4 && c.len < 31 && a.value === broadcastOf(c.network, c.len).value)
    return loc('the broadcast address', '브로드캐스트 주소');
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The checks

interface RangeInfo {
  readonly family: 4 | 6;
  readonly start: bigint;
  readonly end: bigint;
  readonly subnetNode: JsonNode;
  readonly subnet: string;
}

class Checker {
  constructor(
    readonly doc: JsonDoc,
    readonly out: Diagnostic[],
  ) {}

  private add(where: JsonNode | SourceRange, severity: Severity, code: DiagnosticCode, message: Localized): void {
    const r = 'file' in where ? where : this.doc.anchor(where);
    this.out.push({ ...r, severity, code, message });
  }

  /** ` You wrote "plugin": did you mean "plugins"?` when an object has a key close to the one it lacks. */
  private keyHint(obj: JsonNode, wanted: string): Localized {
    const close = keys(obj).find((k) => k !== wanted && didYouMean(k, [wanted]) === wanted);
    return close
      ? loc(` You wrote "${close}": did you mean "${wanted}"?`, ` "${close}"라고 썼습니다. "${wanted}"을(를) 뜻했나요?`)
      : loc('', '');
  }

  run(): CniConfig | undefined {
    const root = this.doc.root!;
    const value = getNodeValue(root) as unknown;
    const file = this.doc.file;
    const ext: 'list' | 'single' | undefined = /\.conflist$/.test(file) ? 'list' : /\.conf$/.test(file) ? 'single' : undefined;
    const pluginsNode = prop(root, 'plugins');
    const typeNode = prop(root, 'type');
    let kind: 'list' | 'single' = pluginsNode ? 'list' : 'single';
    if (root.type === 'object') {
      if (ext === 'list' && !pluginsNode) {
        if (typeNode) {
          kind = 'single';
          this.add(
            this.doc.rangeAt(root.offset, 1),
            'error',
            'cni-plugins',
            loc(
              'A .conflist needs "plugins", a list of plugin objects; this file is one plugin (it has "type"). Name it .conf, or move the plugin into "plugins": [ { "type": ... } ].',
              '.conflist에는 플러그인 객체의 리스트인 "plugins"가 필요한데, 이 파일은 플러그인 하나입니다("type"이 있음). 파일 이름을 .conf로 바꾸거나 플러그인을 "plugins": [ { "type": ... } ] 안으로 옮기세요.',
            ),
          );
        } else {
          kind = 'list';
          const hint = this.keyHint(root, 'plugins');
          this.add(
            this.doc.rangeAt(root.offset, 1),
            'error',
            'cni-plugins',
            loc(
              `A .conflist needs "plugins": the list of plugins ADD runs in order (libcni: no 'plugins' key; only libcni 1.3 and later also read plugin files from a folder named after the network).${hint.en}`,
              `.conflist에는 ADD가 차례로 실행할 플러그인 리스트인 "plugins"가 필요합니다 (libcni: no 'plugins' key. libcni 1.3 이상만 네트워크 이름의 폴더에서 플러그인 파일도 읽습니다).${hint.ko}`,
            ),
          );
        }
      } else if (ext === 'list' && typeNode) {
        this.add(
          propKey(root, 'type')!,
          'warning',
          'cni-plugins',
          loc(
            'A top-level "type" in a .conflist is ignored: only the plugins in "plugins" run.',
            '.conflist의 최상위 "type"은 무시됩니다: "plugins" 안의 플러그인만 실행됩니다.',
          ),
        );
      } else if (ext === 'single' && pluginsNode && !typeNode) {
        kind = 'list';
        this.add(
          propKey(root, 'plugins')!,
          'error',
          'cni-plugins',
          loc(
            'This .conf holds a plugin list, but runtimes read a .conf as one plugin and need its "type" ("network type not found"). Name the file .conflist.',
            '이 .conf에는 플러그인 리스트가 있지만, 런타임은 .conf를 플러그인 하나로 읽고 그 "type"을 찾습니다 ("network type not found"). 파일 이름을 .conflist로 바꾸세요.',
          ),
        );
      } else if (ext === 'single' && pluginsNode && typeNode) {
        kind = 'single';
        this.add(
          propKey(root, 'plugins')!,
          'warning',
          'cni-plugins',
          loc(
            'A .conf is one plugin: "plugins" is ignored. To run a list of plugins, name the file .conflist and drop the top-level "type".',
            '.conf는 플러그인 하나입니다: "plugins"는 무시됩니다. 플러그인 리스트를 실행하려면 파일 이름을 .conflist로 바꾸고 최상위 "type"을 지우세요.',
          ),
        );
      }
    }

    // The schema, minus what the checks below say more precisely.
    const errs = schemaErrors(value);
    if (typeof errs === 'string') {
      this.add(
        this.doc.rangeAt(0, 1),
        'error',
        'cni-schema',
        loc(`Internal error: the CNI schema did not compile: ${errs}`, `내부 오류: CNI 스키마를 컴파일하지 못했습니다: ${errs}`),
      );
    } else {
      this.out.push(...schemaDiagnostics(this.doc, errs, (e, path) => this.claimed(e, path)));
    }
    if (root.type !== 'object') return undefined;

    const versions = this.checkVersion(root, kind);
    const name = this.checkName(root);
    const plugins: CniPlugin[] = [];
    if (kind === 'list') {
      if (pluginsNode) this.checkList(pluginsNode, versions, plugins);
    } else {
      this.checkSingle(root, versions, plugins);
    }
    return {
      kind,
      ...(name !== undefined ? { name } : {}),
      ...(versions.cniVersion !== undefined ? { cniVersion: versions.cniVersion } : {}),
      plugins,
      value: value as Record<string, unknown>,
    };
  }

  /** Schema errors a specific check below reports itself. */
  private claimed(e: { keyword: string; schemaPath: string; params: Record<string, unknown>; data?: unknown }, path: Segment[]): boolean {
    const p = path.map(String);
    const last = p[p.length - 1];
    if (e.schemaPath.startsWith('#/oneOf')) return true;
    if (p.length === 0) return e.keyword === 'required' || e.keyword === 'oneOf';
    if (p.length === 1 && (last === 'cniVersion' || last === 'name' || last === 'plugins')) return true;
    if (p.length === 2 && p[0] === 'cniVersions') return true;
    if (p.length === 2 && p[0] === 'plugins') return true; // not an object, or no type: checkList says so
    if (p.length === 3 && p[0] === 'plugins' && last === 'cniVersion') return true;
    const pluginLevel = p.length === 1 || (p.length === 3 && p[0] === 'plugins');
    if (pluginLevel && last === 'mtu' && e.keyword !== 'type') return true;
    if (last === 'ipam' && pluginLevel && e.keyword === 'required') return true;
    // libcni reads these as booleans or as the strings "true"/"false".
    if (p.length === 1 && (last === 'disableCheck' || last === 'disableGC') && typeof e.data === 'string' && /^(true|false)$/i.test(e.data))
      return true;
    return false;
  }

  // -- cniVersion ---------------------------------------------------------------------------

  private checkVersion(root: JsonNode, kind: 'list' | 'single'): { cniVersion?: string; effective?: string } {
    const known = CNI_VERSIONS.join(', ');
    const listed: string[] = [];
    for (const item of items(prop(root, 'cniVersions'))) {
      const v = str(item);
      if (v === undefined) {
        this.add(
          item,
          'error',
          'cni-version',
          loc(
            `Each entry of "cniVersions" must be a version string such as "1.0.0" (libcni: invalid type for cniVersions).`,
            `"cniVersions"의 각 항목은 "1.0.0" 같은 버전 문자열이어야 합니다 (libcni: invalid type for cniVersions).`,
          ),
        );
      } else if (!/^\d+\.\d+\.\d+$/.test(v)) {
        this.add(
          item,
          'error',
          'cni-version',
          loc(
            `"${v}" is not a version: write MAJOR.MINOR.PATCH, one of ${known} (libcni: invalid cniVersions entry).`,
            `"${v}"은(는) 버전이 아닙니다: ${known} 중 하나를 MAJOR.MINOR.PATCH로 쓰세요 (libcni: invalid cniVersions entry).`,
          ),
        );
      } else if (!CNI_VERSIONS.includes(v)) {
        this.add(
          item,
          'warning',
          'cni-version',
          loc(
            `"${v}" is not a CNI spec version (${known}): libcni skips versions newer than its own, and plugins refuse versions they do not know.`,
            `"${v}"은(는) CNI 스펙 버전(${known})이 아닙니다: libcni는 자신보다 새 버전을 건너뛰고, 플러그인은 모르는 버전을 거부합니다.`,
          ),
        );
      } else {
        listed.push(v);
      }
    }
    const node = prop(root, 'cniVersion');
    const highest = [...listed].sort((a, b) => CNI_VERSIONS.indexOf(a) - CNI_VERSIONS.indexOf(b)).pop();
    if (!node) {
      if (kind === 'list' && highest) return { effective: highest };
      const hint = this.keyHint(root, 'cniVersion');
      this.add(
        this.doc.rangeAt(root.offset, 1),
        'error',
        'cni-version',
        loc(
          `Missing "cniVersion": the CNI spec version this configuration follows, e.g. "cniVersion": "1.0.0" (one of ${known}).${hint.en}`,
          `"cniVersion"이 없습니다: 이 설정이 따르는 CNI 스펙 버전입니다. 예: "cniVersion": "1.0.0" (${known} 중 하나).${hint.ko}`,
        ),
      );
      return {};
    }
    const v = str(node);
    if (v === undefined) {
      this.add(
        node,
        'error',
        'cni-version',
        loc(
          `"cniVersion" must be a string such as "1.0.0" (libcni: invalid cniVersion type).`,
          `"cniVersion"은 "1.0.0" 같은 문자열이어야 합니다 (libcni: invalid cniVersion type).`,
        ),
      );
      return {};
    }
    if (!CNI_VERSIONS.includes(v)) {
      const close = CNI_VERSIONS.find((k) => k === `${v}.0` || k === `${v}.0.0`);
      this.add(
        node,
        'error',
        'cni-version',
        loc(
          `"${v}" is not a CNI spec version${close ? `; did you mean "${close}"?` : '.'} Use one of ${known}: plugins refuse a version they do not support.`,
          `"${v}"은(는) CNI 스펙 버전이 아닙니다.${close ? ` "${close}"을(를) 뜻했나요?` : ''} ${known} 중 하나를 쓰세요: 플러그인은 지원하지 않는 버전을 거부합니다.`,
        ),
      );
      return { cniVersion: v };
    }
    const effective = highest && CNI_VERSIONS.indexOf(highest) > CNI_VERSIONS.indexOf(v) ? highest : v;
    return { cniVersion: v, effective };
  }

  // -- name -----------------------------------------------------------------------------------

  private checkName(root: JsonNode): string | undefined {
    const node = prop(root, 'name');
    if (!node) {
      const hint = this.keyHint(root, 'name');
      this.add(
        this.doc.rangeAt(root.offset, 1),
        'error',
        'cni-name',
        loc(
          `Missing "name": the network's name, unique on the host, e.g. "name": "mynet" (libcni: no name).${hint.en}`,
          `"name"이 없습니다: 호스트 안에서 고유한 네트워크 이름입니다. 예: "name": "mynet" (libcni: no name).${hint.ko}`,
        ),
      );
      return undefined;
    }
    const v = str(node);
    if (v === undefined) {
      this.add(
        node,
        'error',
        'cni-name',
        loc(
          `"name" must be a string such as "mynet" (libcni: invalid name type).`,
          `"name"은 "mynet" 같은 문자열이어야 합니다 (libcni: invalid name type).`,
        ),
      );
      return undefined;
    }
    if (!NAME_RE.test(v)) {
      const what =
        v === ''
          ? loc('The network name is empty', '네트워크 이름이 비어 있습니다')
          : loc(`"${v}" is not a valid network name`, `"${v}"은(는) 올바른 네트워크 이름이 아닙니다`);
      this.add(
        node,
        'error',
        'cni-name',
        loc(
          `${what.en}: it must start with a letter or a digit, followed only by letters, digits, "_", "." or "-" (CNI spec; libcni refuses it on ADD).`,
          `${what.ko}: 문자나 숫자로 시작하고, 그 뒤에는 문자, 숫자, "_", ".", "-"만 올 수 있습니다 (CNI 스펙. libcni가 ADD에서 거부합니다).`,
        ),
      );
    }
    return v;
  }

  // -- plugins --------------------------------------------------------------------------------

  private checkList(pluginsNode: JsonNode, versions: { effective?: string }, plugins: CniPlugin[]): void {
    if (pluginsNode.type !== 'array') {
      this.add(
        pluginsNode,
        'error',
        'cni-plugins',
        loc(
          '"plugins" must be a list of plugin objects: "plugins": [ { "type": "bridge", ... } ] (libcni: invalid \'plugins\' type).',
          '"plugins"는 플러그인 객체의 리스트여야 합니다: "plugins": [ { "type": "bridge", ... } ] (libcni: invalid \'plugins\' type).',
        ),
      );
      return;
    }
    const list = items(pluginsNode);
    if (!list.length) {
      this.add(
        pluginsNode,
        'error',
        'cni-plugins',
        loc(
          '"plugins" is empty: a network needs at least one plugin (libcni: no plugins in list).',
          '"plugins"가 비어 있습니다: 네트워크에는 플러그인이 하나 이상 필요합니다 (libcni: no plugins in list).',
        ),
      );
      return;
    }
    const firstOfType = new Map<string, number>();
    list.forEach((item, i) => {
      if (item.type !== 'object') {
        this.add(
          item,
          'error',
          'cni-plugins',
          loc(
            `plugins[${i}] must be a plugin object such as { "type": "bridge" } (libcni: failed to parse plugin config ${i}).`,
            `plugins[${i}]은(는) { "type": "bridge" } 같은 플러그인 객체여야 합니다 (libcni: failed to parse plugin config ${i}).`,
          ),
        );
        return;
      }
      const p = this.checkPlugin(item, `plugins[${i}]`, versions, true);
      plugins.push(p);
      if (p.type === undefined) return;
      const typeNode = prop(item, 'type')!;
      if (i === 0 && CHAINED_ONLY.includes(p.type)) {
        this.add(
          typeNode,
          'warning',
          'cni-plugin-order',
          loc(
            `"${p.type}" works on the result of an earlier plugin (its prevResult), but it comes first here: its ADD fails ("must be called as chained plugin"). Put the plugin that creates the interface (bridge, ptp, macvlan...) before it.`,
            `"${p.type}"은(는) 앞선 플러그인의 결과(prevResult)를 가지고 동작하는데 여기서는 맨 앞에 있습니다: ADD가 실패합니다 ("must be called as chained plugin"). 인터페이스를 만드는 플러그인(bridge, ptp, macvlan...)을 그 앞에 두세요.`,
          ),
        );
      }
      const first = firstOfType.get(p.type);
      if (first !== undefined) {
        this.add(
          typeNode,
          'warning',
          'cni-duplicate-plugin',
          loc(
            `"${p.type}" is already in this list (plugins[${first}]): ADD runs it twice for the same interface, and the second run usually fails or undoes the first.`,
            `"${p.type}"은(는) 이미 이 리스트에 있습니다 (plugins[${first}]): ADD가 같은 인터페이스에 두 번 실행하므로, 두 번째 실행은 대개 실패하거나 첫 번째를 되돌립니다.`,
          ),
        );
      } else {
        firstOfType.set(p.type, i);
      }
    });
  }

  private checkSingle(root: JsonNode, versions: { effective?: string }, plugins: CniPlugin[]): void {
    const p = this.checkPlugin(root, '', versions, false);
    plugins.push(p);
    if (p.type !== undefined && CHAINED_ONLY.includes(p.type)) {
      this.add(
        prop(root, 'type')!,
        'warning',
        'cni-plugin-order',
        loc(
          `"${p.type}" works on the result of an earlier plugin (its prevResult), but a single-plugin .conf has none: its ADD fails. Put it in a .conflist after the plugin that creates the interface.`,
          `"${p.type}"은(는) 앞선 플러그인의 결과(prevResult)를 가지고 동작하는데, 플러그인 하나짜리 .conf에는 그것이 없습니다: ADD가 실패합니다. 인터페이스를 만드는 플러그인 뒤에 두는 .conflist로 옮기세요.`,
        ),
      );
    }
  }

  /** One plugin object: its type, interface names, MTU and IPAM. `where` is `plugins[0]` or ''. */
  private checkPlugin(obj: JsonNode, where: string, versions: { effective?: string }, inList: boolean): CniPlugin {
    const value = getNodeValue(obj) as Record<string, unknown>;
    const prefix = where ? `${where}: ` : '';
    const typeNode = prop(obj, 'type');
    const type = str(typeNode);
    if (!typeNode) {
      const hint = this.keyHint(obj, 'type');
      this.add(
        this.doc.objectAnchor(obj),
        'error',
        'cni-plugins',
        inList
          ? loc(
              `${where} has no "type": the plugin's binary in /opt/cni/bin, e.g. "type": "bridge" (libcni: missing 'type').${hint.en}`,
              `${where}에 "type"이 없습니다: /opt/cni/bin에 있는 플러그인 바이너리입니다. 예: "type": "bridge" (libcni: missing 'type').${hint.ko}`,
            )
          : loc(
              `Missing "type": the plugin's binary in /opt/cni/bin, e.g. "type": "bridge"; or, for a list of plugins, "plugins" in a .conflist (libcni: missing 'type').${hint.en}`,
              `"type"이 없습니다: /opt/cni/bin에 있는 플러그인 바이너리입니다. 예: "type": "bridge". 플러그인 리스트라면 .conflist에 "plugins"로 쓰세요 (libcni: missing 'type').${hint.ko}`,
            ),
      );
    } else if (type === '') {
      this.add(
        typeNode,
        'error',
        'cni-plugins',
        loc(
          `${prefix}"type" is empty: name the plugin's binary, e.g. "bridge" (libcni: missing 'type').`,
          `${prefix}"type"이 비어 있습니다: 플러그인 바이너리 이름을 쓰세요. 예: "bridge" (libcni: missing 'type').`,
        ),
      );
    } else if (type !== undefined && !KNOWN_PLUGINS.includes(type)) {
      if (KNOWN_IPAM.includes(type)) {
        this.add(
          typeNode,
          'warning',
          'cni-ipam',
          loc(
            `"${type}" is an IPAM plugin: it hands out addresses but creates no interface. Use it inside an interface plugin: "ipam": { "type": "${type}", ... }.`,
            `"${type}"은(는) IPAM 플러그인입니다: 주소를 나눠 줄 뿐 인터페이스를 만들지 않습니다. 인터페이스 플러그인 안에서 "ipam": { "type": "${type}", ... }으로 쓰세요.`,
          ),
        );
      } else {
        const hint = didYouMean(type, KNOWN_PLUGINS);
        this.add(
          typeNode,
          'warning',
          'cni-unknown-plugin',
          loc(
            `Unknown plugin type "${type}"${hint ? `; did you mean "${hint}"?` : '.'} The runtime needs a binary of that name in its CNI bin folder (/opt/cni/bin); a name nobody ships fails with "failed to find plugin".`,
            `알 수 없는 플러그인 타입 "${type}"입니다.${hint ? ` "${hint}"을(를) 뜻했나요?` : ''} 런타임의 CNI 바이너리 폴더(/opt/cni/bin)에 그 이름의 바이너리가 있어야 합니다. 아무도 배포하지 않는 이름이면 "failed to find plugin"으로 실패합니다.`,
          ),
        );
      }
    }
    // A plugin's own cniVersion in a list: libcni replaces it with the list's.
    const ownVersion = inList ? prop(obj, 'cniVersion') : undefined;
    if (ownVersion) {
      const v = str(ownVersion);
      if (v === undefined) {
        this.add(
          ownVersion,
          'error',
          'cni-version',
          loc(
            `${where}.cniVersion must be a string such as "1.0.0" (libcni: failed to parse plugin config).`,
            `${where}.cniVersion은 "1.0.0" 같은 문자열이어야 합니다 (libcni: failed to parse plugin config).`,
          ),
        );
      } else if (!CNI_VERSIONS.includes(v)) {
        this.add(
          ownVersion,
          'warning',
          'cni-version',
          loc(
            `"${v}" is not a CNI spec version; libcni gives every plugin the list's cniVersion anyway, so remove this one.`,
            `"${v}"은(는) CNI 스펙 버전이 아닙니다. 어차피 libcni는 모든 플러그인에 리스트의 cniVersion을 주므로 이것은 지우세요.`,
          ),
        );
      }
    }
    if (type !== undefined) this.checkIfNames(obj, type);
    this.checkMtu(obj);
    const ipam = prop(obj, 'ipam');
    if (ipam && ipam.type === 'object') this.checkIpam(ipam, obj, versions);
    return { ...(type !== undefined ? { type } : {}), range: typeNode ? this.doc.range(typeNode) : this.doc.objectAnchor(obj), value };
  }

  private checkIfNames(obj: JsonNode, type: string): void {
    for (const field of IFNAME_FIELDS.get(type) ?? []) {
      const node = prop(obj, field);
      const v = str(node);
      if (!node || v === undefined || v === '') continue;
      let why: Localized | undefined;
      if (v.length > 15)
        why = loc(
          `it has ${v.length} characters, and Linux allows at most 15 (IFNAMSIZ is 16 with the final NUL)`,
          `${v.length}자인데 리눅스는 최대 15자까지 허용합니다 (IFNAMSIZ는 끝의 NUL을 포함해 16)`,
        );
      else if (v === '.' || v === '..') why = loc('"." and ".." are not interface names', '"."과 ".."은 인터페이스 이름이 될 수 없습니다');
      else if (/[/:\s]/.test(v))
        why = loc('an interface name has no "/", ":" or spaces', '인터페이스 이름에는 "/", ":", 공백을 쓸 수 없습니다');
      if (why) {
        this.add(
          node,
          'error',
          'cni-ifname',
          loc(
            `${type}: "${field}" "${v}" is not a valid Linux interface name: ${why.en}.`,
            `${type}: "${field}"의 "${v}"은(는) 올바른 리눅스 인터페이스 이름이 아닙니다: ${why.ko}.`,
          ),
        );
      }
    }
  }

  private checkMtu(obj: JsonNode): void {
    const node = prop(obj, 'mtu');
    if (!node || node.type !== 'number' || typeof node.value !== 'number') return;
    const v = node.value;
    // 0 means "not set": the plugins leave the kernel's default.
    if (v === 0 || !Number.isInteger(v)) return;
    if (v < MIN_MTU || v > MAX_MTU) {
      this.add(
        node,
        'error',
        'cni-mtu',
        loc(
          `"mtu" ${v} is out of range: Linux takes ${MIN_MTU} to ${MAX_MTU} (0 or no "mtu" keeps the default, usually 1500).`,
          `"mtu" ${v}은(는) 범위를 벗어났습니다: 리눅스는 ${MIN_MTU}에서 ${MAX_MTU}까지 받습니다 (0이나 "mtu"가 없으면 기본값, 보통 1500).`,
        ),
      );
    }
  }

  // -- IPAM -----------------------------------------------------------------------------------

  private checkIpam(ipam: JsonNode, plugin: JsonNode, versions: { effective?: string }): void {
    const typeNode = prop(ipam, 'type');
    const type = str(typeNode);
    if (!typeNode) {
      const hint = this.keyHint(ipam, 'type');
      this.add(
        this.doc.objectAnchor(ipam),
        'error',
        'cni-ipam',
        loc(
          `"ipam" needs "type": the IPAM plugin that hands out addresses, e.g. "host-local", "dhcp" or "static".${hint.en}`,
          `"ipam"에는 "type"이 필요합니다: 주소를 나눠 주는 IPAM 플러그인입니다. 예: "host-local", "dhcp", "static".${hint.ko}`,
        ),
      );
      return;
    }
    if (type === undefined) return; // the schema says it must be a string
    if (type === '') {
      this.add(
        typeNode,
        'error',
        'cni-ipam',
        loc(
          'ipam "type" is empty: name the IPAM plugin, e.g. "host-local".',
          'ipam의 "type"이 비어 있습니다: IPAM 플러그인 이름을 쓰세요. 예: "host-local".',
        ),
      );
      return;
    }
    if (!KNOWN_IPAM.includes(type)) {
      if (KNOWN_PLUGINS.includes(type)) {
        this.add(
          typeNode,
          'warning',
          'cni-ipam',
          loc(
            `"${type}" is not an IPAM plugin: "ipam" takes a plugin that hands out addresses, such as "host-local", "dhcp" or "static".`,
            `"${type}"은(는) IPAM 플러그인이 아닙니다: "ipam"에는 "host-local", "dhcp", "static"처럼 주소를 나눠 주는 플러그인이 와야 합니다.`,
          ),
        );
      } else {
        const hint = didYouMean(type, KNOWN_IPAM);
        this.add(
          typeNode,
          'warning',
          'cni-unknown-plugin',
          loc(
            `Unknown IPAM plugin "${type}"${hint ? `; did you mean "${hint}"?` : '.'} The runtime needs a binary of that name in /opt/cni/bin.`,
            `알 수 없는 IPAM 플러그인 "${type}"입니다.${hint ? ` "${hint}"을(를) 뜻했나요?` : ''} 런타임의 /opt/cni/bin에 그 이름의 바이너리가 있어야 합니다.`,
          ),
        );
      }
      return;
    }
    if (type === 'host-local') this.checkHostLocal(ipam, plugin, versions);
    if (type === 'static') this.checkStatic(ipam);
    if (type === 'host-local' || type === 'static') this.checkRoutes(ipam);
  }

  private checkHostLocal(ipam: JsonNode, plugin: JsonNode, versions: { effective?: string }): void {
    const sets: { node: JsonNode; ranges: RangeInfo[] }[] = [];
    const oldSubnet = prop(ipam, 'subnet');
    if (oldSubnet && str(oldSubnet) !== undefined) {
      const r = this.checkRange(ipam);
      sets.push({ node: ipam, ranges: r ? [r] : [] });
    }
    const rangesNode = prop(ipam, 'ranges');
    for (const set of items(rangesNode)) {
      if (set.type !== 'array') continue; // the schema's
      if (!items(set).length) {
        this.add(
          set,
          'error',
          'cni-ipam',
          loc(
            'This range set is empty: give it at least one { "subnet": ... } (host-local: empty range set).',
            '이 범위 집합이 비어 있습니다: { "subnet": ... }을 하나 이상 넣으세요 (host-local: empty range set).',
          ),
        );
        continue;
      }
      const ranges: RangeInfo[] = [];
      for (const r of items(set)) {
        if (r.type !== 'object') continue;
        const info = this.checkRange(r);
        if (!info) continue;
        const other = ranges.find((x) => x.family !== info.family);
        if (other) {
          this.add(
            info.subnetNode,
            'error',
            'cni-ipam',
            loc(
              `${info.subnet} is IPv${info.family}, but this range set already has IPv${other.family} ${other.subnet}: one range set is one address family (host-local: mixed address families). Put it in a range set of its own.`,
              `${info.subnet}은(는) IPv${info.family}인데 이 범위 집합에는 이미 IPv${other.family} ${other.subnet}이(가) 있습니다: 범위 집합 하나는 주소 패밀리 하나입니다 (host-local: mixed address families). 별도의 범위 집합에 넣으세요.`,
            ),
          );
          continue;
        }
        const overlap = ranges.find((x) => x.start <= info.end && info.start <= x.end);
        if (overlap) {
          this.add(
            info.subnetNode,
            'error',
            'cni-ipam',
            loc(
              `This range overlaps the range of ${overlap.subnet} in the same range set (host-local: subnets overlap).`,
              `이 범위는 같은 범위 집합에 있는 ${overlap.subnet}의 범위와 겹칩니다 (host-local: subnets overlap).`,
            ),
          );
          continue;
        }
        ranges.push(info);
      }
      sets.push({ node: set, ranges });
    }
    if (!sets.length) {
      const caps = prop(plugin, 'capabilities');
      const runtimeRanges = prop(caps, 'ipRanges');
      if (runtimeRanges?.type === 'boolean' && runtimeRanges.value === true) return; // given at runtime
      if (rangesNode && rangesNode.type !== 'array') return; // the schema's
      this.add(
        this.doc.objectAnchor(ipam),
        'error',
        'cni-ipam',
        loc(
          'host-local needs addresses to hand out: a "subnet" (e.g. "subnet": "10.22.0.0/16") or "ranges": [[{ "subnet": ... }]] (host-local: no IP ranges specified).',
          'host-local에는 나눠 줄 주소가 필요합니다: "subnet"(예: "subnet": "10.22.0.0/16")이나 "ranges": [[{ "subnet": ... }]] (host-local: no IP ranges specified).',
        ),
      );
      return;
    }
    // Range sets must not overlap one another.
    const seen: { set: number; r: RangeInfo }[] = [];
    sets.forEach((s, i) => {
      for (const r of s.ranges) {
        const hit = seen.find((x) => x.set !== i && x.r.family === r.family && x.r.start <= r.end && r.start <= x.r.end);
        if (hit) {
          this.add(
            r.subnetNode,
            'error',
            'cni-ipam',
            loc(
              `This range overlaps ${hit.r.subnet} of another range set: every container would get two addresses from the same pool (host-local: range set ${hit.set} overlaps with ${i}).`,
              `이 범위는 다른 범위 집합의 ${hit.r.subnet}과(와) 겹칩니다: 컨테이너마다 같은 풀에서 주소를 두 개 받게 됩니다 (host-local: range set ${hit.set} overlaps with ${i}).`,
            ),
          );
        }
      }
      for (const r of s.ranges) seen.push({ set: i, r });
    });
    // Before 0.3.0 a result holds one address per family.
    const v = versions.effective;
    if (v && CNI_VERSIONS.indexOf(v) >= 0 && CNI_VERSIONS.indexOf(v) < CNI_VERSIONS.indexOf('0.3.0')) {
      for (const fam of [4, 6] as const) {
        const withFam = sets.filter((s) => s.ranges[0]?.family === fam);
        if (withFam.length > 1) {
          this.add(
            withFam[1]!.ranges[0]!.subnetNode,
            'error',
            'cni-ipam',
            loc(
              `Two IPv${fam} range sets, but CNI version ${v} gives a container one address per family (host-local: CNI version ${v} does not support more than 1 address per family). Use "cniVersion" 0.3.0 or later.`,
              `IPv${fam} 범위 집합이 두 개인데 CNI 버전 ${v}은(는) 컨테이너에 패밀리마다 주소 하나만 줍니다 (host-local: CNI version ${v} does not support more than 1 address per family). "cniVersion"을 0.3.0 이상으로 쓰세요.`,
            ),
          );
        }
      }
    }
  }

  /** One host-local range ({ subnet, rangeStart, rangeEnd, gateway }), as its allocator checks it. */
  private checkRange(obj: JsonNode): RangeInfo | undefined {
    const subnetNode = prop(obj, 'subnet');
    const subnetText = str(subnetNode);
    if (!subnetNode || subnetText === undefined) return undefined;
    const c = parseCidr(subnetText);
    if (!c) {
      this.add(
        subnetNode,
        'error',
        'cni-ipam',
        loc(
          `"${subnetText}" is not a network in CIDR form: write ADDRESS/LENGTH, e.g. "10.22.0.0/16" or "fd00:10::/64".`,
          `"${subnetText}"은(는) CIDR 형식의 네트워크가 아닙니다: "10.22.0.0/16"이나 "fd00:10::/64"처럼 주소/길이로 쓰세요.`,
        ),
      );
      return undefined;
    }
    const bits = BITS[c.addr.family];
    if (c.len > bits - 2) {
      this.add(
        subnetNode,
        'error',
        'cni-ipam',
        loc(
          `${subnetText} is too small to allocate from: host-local keeps the network address and needs at least two more (at most /${bits - 2}) (host-local: Network ${subnetText} too small to allocate from).`,
          `${subnetText}은(는) 할당하기에 너무 작습니다: host-local은 네트워크 주소를 빼고 주소가 적어도 두 개 더 필요합니다 (최대 /${bits - 2}) (host-local: Network ${subnetText} too small to allocate from).`,
        ),
      );
      return undefined;
    }
    if (c.addr.value !== c.network.value) {
      this.add(
        subnetNode,
        'error',
        'cni-ipam',
        loc(
          `${subnetText} has host bits set: for a /${c.len} the network address is ${formatAddr(c.network)}, so write "${cidrText(c)}" (host-local: Network has host bits set).`,
          `${subnetText}에는 호스트 비트가 켜져 있습니다: /${c.len}의 네트워크 주소는 ${formatAddr(c.network)}이므로 "${cidrText(c)}"로 쓰세요 (host-local: Network has host bits set).`,
        ),
      );
    }
    const subnet = cidrText(c);
    const addrField = (field: 'gateway' | 'rangeStart' | 'rangeEnd'): { node: JsonNode; addr: Addr } | undefined => {
      const node = prop(obj, field);
      const text = str(node);
      if (!node || text === undefined) return undefined;
      const a = parseAddr(text);
      if (!a) {
        this.add(
          node,
          'error',
          'cni-ipam',
          loc(
            `${field} "${text}" is not an IP address (write a bare address, without "/LENGTH").`,
            `${field}의 "${text}"은(는) IP 주소가 아닙니다 ("/길이" 없이 주소만 쓰세요).`,
          ),
        );
        return undefined;
      }
      if (!inCidr(c, a)) {
        const fam =
          a.family !== c.addr.family
            ? loc(` (IPv${a.family} in an IPv${c.addr.family} subnet)`, ` (IPv${c.addr.family} 서브넷 안의 IPv${a.family})`)
            : loc('', '');
        const why =
          field === 'gateway'
            ? loc(
                'the container cannot reach its gateway directly, so its routes through it fail (older host-local: gateway not in network)',
                '컨테이너가 게이트웨이에 직접 닿을 수 없어 그것을 거치는 경로가 실패합니다 (이전 host-local: gateway not in network)',
              )
            : loc(
                `host-local refuses it (${field === 'rangeStart' ? 'RangeStart' : 'RangeEnd'} ${text} not in network ${subnet})`,
                `host-local이 거부합니다 (${field === 'rangeStart' ? 'RangeStart' : 'RangeEnd'} ${text} not in network ${subnet})`,
              );
        this.add(
          node,
          'error',
          'cni-ipam',
          loc(
            `${field} ${text} is not in the subnet ${subnet}${fam.en}: ${why.en}.`,
            `${field} ${text}은(는) 서브넷 ${subnet} 안에 있지 않습니다${fam.ko}: ${why.ko}.`,
          ),
        );
        return undefined;
      }
      const special = specialAddress(c, a);
      if (special) {
        const what =
          field === 'gateway'
            ? loc(
                'no host can use it as its address, so no one answers ARP for the gateway',
                '어떤 호스트도 그것을 주소로 쓸 수 없어 게이트웨이의 ARP에 아무도 응답하지 않습니다',
              )
            : loc('host-local would hand it out to a container', 'host-local이 그것을 컨테이너에 나눠 주게 됩니다');
        this.add(
          node,
          'warning',
          'cni-ipam',
          loc(
            `${field} ${text} is ${special.en} of ${subnet}: ${what.en}.`,
            `${field} ${text}은(는) ${subnet}의 ${special.ko}입니다: ${what.ko}.`,
          ),
        );
      }
      return { node, addr: a };
    };
    addrField('gateway');
    const start = addrField('rangeStart');
    const end = addrField('rangeEnd');
    const family = c.addr.family;
    const host = (1n << BigInt(bits - c.len)) - 1n;
    const first = start?.addr.value ?? c.network.value + 1n;
    // host-local's default last address: the broadcast address minus one (IPv4), the last (IPv6).
    const last = end?.addr.value ?? (family === 4 ? (c.network.value | host) - 1n : c.network.value | host);
    if (end && first > end.addr.value) {
      const from = start
        ? loc(`rangeStart ${formatAddr(start.addr)}`, `rangeStart ${formatAddr(start.addr)}`)
        : loc(`the default start ${formatAddr({ family, value: first })}`, `기본 시작 주소 ${formatAddr({ family, value: first })}`);
      this.add(
        end.node,
        'error',
        'cni-ipam',
        loc(
          `rangeEnd ${formatAddr(end.addr)} comes before ${from.en}: the range is empty (host-local: RangeEnd ${formatAddr(end.addr)} not in network ${subnet}).`,
          `rangeEnd ${formatAddr(end.addr)}이(가) ${from.ko}보다 앞섭니다: 범위가 비어 있습니다 (host-local: RangeEnd ${formatAddr(end.addr)} not in network ${subnet}).`,
        ),
      );
      return undefined;
    }
    return { family, start: first, end: last, subnetNode, subnet };
  }

  private checkStatic(ipam: JsonNode): void {
    for (const a of items(prop(ipam, 'addresses'))) {
      const node = prop(a, 'address');
      const text = str(node);
      if (node && text !== undefined && !parseCidr(text)) {
        this.add(
          node,
          'error',
          'cni-ipam',
          loc(
            `"${text}" is not an address with its prefix length: static IPAM takes ADDRESS/LENGTH, e.g. "10.10.0.1/24".`,
            `"${text}"은(는) 프리픽스 길이가 붙은 주소가 아닙니다: static IPAM은 "10.10.0.1/24"처럼 주소/길이를 받습니다.`,
          ),
        );
      }
      const gw = prop(a, 'gateway');
      const gwText = str(gw);
      if (gw && gwText !== undefined && !parseAddr(gwText)) {
        this.add(
          gw,
          'error',
          'cni-ipam',
          loc(`gateway "${gwText}" is not an IP address.`, `gateway의 "${gwText}"은(는) IP 주소가 아닙니다.`),
        );
      }
    }
  }

  private checkRoutes(ipam: JsonNode): void {
    for (const r of items(prop(ipam, 'routes'))) {
      const dst = prop(r, 'dst');
      const dstText = str(dst);
      if (dst && dstText !== undefined && !parseCidr(dstText)) {
        this.add(
          dst,
          'error',
          'cni-ipam',
          loc(
            `Route destination "${dstText}" is not in CIDR form: write ADDRESS/LENGTH, e.g. "0.0.0.0/0" for the default route.`,
            `경로 목적지 "${dstText}"이(가) CIDR 형식이 아닙니다: 기본 경로라면 "0.0.0.0/0"처럼 주소/길이로 쓰세요.`,
          ),
        );
      }
      const gw = prop(r, 'gw');
      const gwText = str(gw);
      if (gw && gwText !== undefined && !parseAddr(gwText)) {
        this.add(
          gw,
          'error',
          'cni-ipam',
          loc(`Route gateway "${gwText}" is not an IP address.`, `경로 게이트웨이 "${gwText}"은(는) IP 주소가 아닙니다.`),
        );
      }
    }
  }
}
