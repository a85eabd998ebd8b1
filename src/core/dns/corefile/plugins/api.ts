/**
 * What a plugin's validator is: a port of the checks its setup function (plugin/NAME/setup.go) makes
 * on its arguments and block, giving the first error as CoreDNS would, in CoreDNS's words (`en`, as
 * the Go code formats it) with a Korean reading (`ko`). `parsing` marks errors made by caddy's
 * Dispenser (`c.Err`, `c.ArgErr`), which CoreDNS prints after "Error during parsing: ".
 */
import type { Token } from '../lex';
import type { Prop } from '../tree';
import { atoi, parseDuration, splitHostPortError } from '../go';

export interface Problem {
  readonly at: Token;
  readonly en: string;
  readonly ko: string;
  readonly parsing?: boolean;
}

export interface CheckContext {
  /** The server block's zones, normalised (`example.org.`). */
  readonly zones: readonly string[];
}

export type PluginCheck = (d: Prop, ctx: CheckContext) => Problem | undefined;

/** The last word read on a line: where caddy's ArgErr points (`c.Val()`). */
export function lastOf(p: Prop): Token {
  return p.args[p.args.length - 1] ?? p.name;
}

/** caddy's ArgErr, at the word it names. */
export function argErr(at: Token): Problem {
  return {
    at,
    parsing: true,
    en: `Wrong argument count or unexpected line ending after '${at.text}'`,
    ko: `'${at.text}' 뒤의 인수 개수가 맞지 않거나 줄이 너무 일찍 끝났습니다`,
  };
}

/** `c.Errf(...)`: a parsing error with the plugin's own words. */
export function parseErr(at: Token, en: string, ko: string): Problem {
  return { at, en, ko, parsing: true };
}

/** A plain error (`fmt.Errorf`, a Go library's error). */
export function err(at: Token, en: string, ko: string): Problem {
  return { at, en, ko };
}

export function unknownProperty(p: Prop): Problem {
  return parseErr(p.name, `unknown property '${p.name.text}'`, `알 수 없는 속성 '${p.name.text}'`);
}

/** `if c.NextArg() { return c.ArgErr() }`: no argument allowed. */
export function noArgs(p: Prop): Problem | undefined {
  return p.args[0] ? argErr(p.args[0]) : undefined;
}

/** A Go library error about a value (strconv, time, net). */
export function goErr(at: Token, en: string): Problem {
  return err(at, en, `값을 읽을 수 없습니다: "${at.text}"`);
}

/** time.ParseDuration of a token: nanoseconds or the Go error as a Problem. */
export function duration(at: Token): { ns: number } | { problem: Problem } {
  const d = parseDuration(at.text);
  return 'error' in d ? { problem: goErr(at, d.error) } : d;
}

export function integer(at: Token): { n: number } | { problem: Problem } {
  const d = atoi(at.text);
  return 'error' in d ? { problem: goErr(at, d.error) } : d;
}

/** A directive that takes no argument and no block (whoami, debug, loop). */
export const noArguments: PluginCheck = (d) => noArgs(d);

/** An optional `host:port` (health, ready, prometheus): one argument at most, split by Go's net.SplitHostPort. */
export function address(d: Prop): Problem | undefined {
  if (d.args.length > 1) return argErr(d.args[d.args.length - 1]!);
  const a = d.args[0];
  if (!a) return undefined;
  const e = splitHostPortError(a.text);
  return e ? err(a, e, `주소는 HOST:PORT 형식이어야 합니다 (예: :8080)`) : undefined;
}
