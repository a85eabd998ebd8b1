/**
 * What the check kinds share: reading a check's arguments (plain data from lab.yaml), validating
 * them with diagnostics at the argument's place, and finding an endpoint in the built world.
 */
import type { Diagnostic, DiagnosticCode, Severity, SourceRange } from '../../text/diag';
import { type Localized, loc } from '../../text/i18n';
import { eulreul, eunneun, iga } from '../../text/particle';
import { didYouMean } from '../../text/didyoumean';
import type { CheckSpec, Lab } from '../../lab/types';
import { parseAddr } from '../../net/addr';
import type { World } from '../../sim/model';
import { type Endpoint, formatEndpoint, parseEndpoint } from '../../net/endpoint';

export type Args = Readonly<Record<string, unknown>>;

/** The check's arguments as a record, or undefined when they are not a mapping. */
export function argsOf(check: CheckSpec): Args | undefined {
  const a = check.args;
  return a !== null && typeof a === 'object' && !Array.isArray(a) ? (a as Args) : undefined;
}

/** The place of an argument's value, or of the check when the argument is absent. */
export function placeOf(check: CheckSpec, key?: string): SourceRange {
  return (key !== undefined ? check.argRanges[key] : undefined) ?? check.range;
}

export function diag(
  check: CheckSpec,
  key: string | undefined,
  code: DiagnosticCode,
  message: Localized,
  severity: Severity = 'error',
): Diagnostic {
  return { ...placeOf(check, key), severity, code, message };
}

/** A scalar argument as text (`port: 80` and `to: "80"` read the same); undefined if absent or not a scalar. */
export function text(args: Args | undefined, key: string): string | undefined {
  const v = args?.[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** An argument as a check's label shows it: trimmed, `?` when absent or empty. */
export function shown(args: Args | undefined, key: string, fallback?: string): string {
  const s = text(args, key) ?? fallback;
  return s === undefined || s.trim() === '' ? '?' : s.trim();
}

export function has(args: Args | undefined, key: string): boolean {
  return args !== undefined && args[key] !== undefined && args[key] !== null;
}

export interface ArgShape {
  readonly required: readonly string[];
  readonly optional: readonly string[];
  /** An example of the check, for messages: `reach: { from: a, to: 192.168.2.10 }`. */
  readonly example: string;
}

/** The arguments are a mapping, every required one is there and none is unknown (with did-you-mean). */
export function checkShape(check: CheckSpec, shape: ArgShape): Diagnostic[] {
  const out: Diagnostic[] = [];
  const args = argsOf(check);
  if (!args) {
    out.push(
      diag(
        check,
        undefined,
        'wrong-type',
        loc(
          `A ${check.kind} check takes a mapping of arguments, e.g. ${shape.example}.`,
          `${check.kind} 검사는 인자의 매핑을 받습니다. 예: ${shape.example}.`,
        ),
      ),
    );
    return out;
  }
  const known = [...shape.required, ...shape.optional];
  for (const key of Object.keys(args)) {
    if (known.includes(key)) continue;
    const hint = didYouMean(key, known);
    out.push(
      diag(
        check,
        key,
        'unknown-key',
        loc(
          `A ${check.kind} check has no argument "${key}"${hint ? `; did you mean "${hint}"?` : ''}. Its arguments: ${known.join(', ')}.`,
          `${check.kind} 검사에는 "${key}" 인자가 없습니다${hint ? `. ${eulreul(`"${hint}"`)} 뜻했나요?` : ''}. 인자: ${known.join(', ')}.`,
        ),
      ),
    );
  }
  for (const key of shape.required) {
    if (has(args, key)) continue;
    out.push(
      diag(
        check,
        undefined,
        'missing-key',
        loc(
          `This ${check.kind} check needs "${key}", e.g. ${shape.example}.`,
          `이 ${check.kind} 검사에는 ${iga(`"${key}"`)} 필요합니다. 예: ${shape.example}.`,
        ),
      ),
    );
  }
  return out;
}

/** A present argument must be a scalar (a string or a number). */
export function checkScalar(check: CheckSpec, key: string): Diagnostic[] {
  const args = argsOf(check);
  if (!has(args, key) || text(args, key) !== undefined) return [];
  return [
    diag(
      check,
      key,
      'wrong-type',
      loc(`"${key}" must be a single value, not a list or a mapping.`, `${eunneun(`"${key}"`)} 리스트나 매핑이 아닌 단일 값이어야 합니다.`),
    ),
  ];
}

/** `HOST` or `HOST/NETNS`, the host declared in the lab (namespaces may be made by run lines). */
export function validateEndpoint(check: CheckSpec, key: string, lab: Lab): Diagnostic[] {
  const args = argsOf(check);
  if (!has(args, key)) return [];
  const t = text(args, key);
  if (t === undefined) return checkScalar(check, key);
  const ep = parseEndpoint(t);
  if (!ep) {
    return [
      diag(
        check,
        key,
        'wrong-type',
        loc(
          `"${t}" is not an endpoint: write HOST or HOST/NETNS, e.g. b or b/red.`,
          `${eunneun(`"${t}"`)} 엔드포인트가 아닙니다: b나 b/red처럼 HOST 또는 HOST/NETNS로 쓰세요.`,
        ),
      ),
    ];
  }
  if (lab.hosts.some((h) => h.name === ep.host)) return [];
  const names = lab.hosts.map((h) => h.name);
  const hint = didYouMean(ep.host, names);
  return [
    diag(
      check,
      key,
      'unknown-host',
      loc(
        `No host "${ep.host}" in this lab${hint ? `; did you mean "${hint}"?` : ''}. Hosts: ${names.join(', ') || '(none)'}.`,
        `이 실습에 "${ep.host}" 호스트가 없습니다${hint ? `. ${eulreul(`"${hint}"`)} 뜻했나요?` : ''}. 호스트: ${names.join(', ') || '(없음)'}.`,
      ),
    ),
  ];
}

/** A present argument must be an IP address (no prefix length). */
export function validateAddress(check: CheckSpec, key: string): Diagnostic[] {
  const args = argsOf(check);
  if (!has(args, key)) return [];
  const t = text(args, key);
  if (t === undefined) return checkScalar(check, key);
  if (parseAddr(t.trim())) return [];
  return [
    diag(
      check,
      key,
      'bad-address',
      loc(
        `"${t}" is not an IP address (e.g. 192.168.2.10; no /prefix).`,
        `${eunneun(`"${t}"`)} IP 주소가 아닙니다 (예: 192.168.2.10, /prefix 없이).`,
      ),
    ),
  ];
}

/** The endpoint of a validated argument. */
export function endpointArg(args: Args | undefined, key: string): Endpoint | undefined {
  const t = text(args, key);
  return t === undefined ? undefined : parseEndpoint(t.trim());
}

/**
 * Whether the endpoint exists in the built world. A namespace is made by run lines, so a missing
 * one is the student's doing (or not doing): a failed check that says so.
 */
export function missingEndpoint(world: World, ep: Endpoint): Localized | undefined {
  const host = world.hosts.get(ep.host);
  if (!host) return loc(`There is no host ${ep.host}.`, `${ep.host} 호스트가 없습니다.`);
  if (ep.netns && !host.netns.has(ep.netns)) {
    return loc(
      `${ep.host} has no network namespace "${ep.netns}": no run line creates it (ip netns add ${ep.netns}), or the line that should failed.`,
      `${ep.host}에 "${ep.netns}" 네트워크 네임스페이스가 없습니다: 이를 만드는 run 줄(ip netns add ${ep.netns})이 없거나 그 줄이 실패했습니다.`,
    );
  }
  return undefined;
}

export { formatEndpoint };

/** `lab.yaml:14`: the file's base name and the line, for feedback. */
export function where(src: SourceRange | undefined): string {
  if (!src) return '';
  const base = src.file.split(/[\\/]/).pop() || src.file;
  return `${base}:${src.line}`;
}

/** Both languages with the same suffix appended (a place, a command's output). */
export function suffix(text: Localized, tail: string): Localized {
  return tail ? { en: text.en + tail, ko: text.ko + tail } : text;
}

/** The first lines of a tool's output, for feedback. */
export function clip(s: string, max = 400): string {
  const t = s.replace(/\s+$/, '');
  return t.length > max ? t.slice(0, max) + '…' : t;
}
