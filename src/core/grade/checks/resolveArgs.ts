/**
 * The `resolve` check's arguments: their shape, their JSON Schema and their validation, each error
 * at the argument's own line. The check itself (running the lookup, the feedback) is resolve.ts.
 */
import type { Diagnostic } from '../../text/diag';
import { loc } from '../../text/i18n';
import { eulreul, eunneun, iga } from '../../text/particle';
import { didYouMean } from '../../text/didyoumean';
import { parseAddr } from '../../net/addr';
import type { CheckSpec, Lab } from '../../lab/types';
import type { LookupStatus, LookupTool } from '../../dns/lookup';
import type { JsonSchema } from '../types';
import { type ArgShape, type Args, argsOf, checkScalar, checkShape, diag, has, text, validateEndpoint } from './common';

export const RESOLVE_SHAPE: ArgShape = {
  required: ['from', 'name'],
  optional: ['tool', 'type', 'expect', 'rcode', 'cname', 'status'],
  example: 'resolve: { from: client, name: web, expect: [10.0.0.5] }',
};

/** The check's `tool:` words and the resolver's tools. */
export const RESOLVE_TOOLS: Readonly<Record<string, LookupTool>> = { getaddrinfo: 'getaddrinfo', getent: 'getent-hosts', dig: 'dig' };
export const RESOLVE_RCODES = ['NOERROR', 'NXDOMAIN', 'SERVFAIL', 'REFUSED'] as const;
export const RESOLVE_STATUSES: readonly LookupStatus[] = ['success', 'notfound', 'nodata', 'tryagain', 'unavail'];
export const RESOLVE_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'PTR', 'SRV', 'NS', 'SOA'];

/** The arguments as the check runs them. */
export interface ResolveArgs {
  readonly tool: LookupTool;
  readonly toolWord: string;
  readonly name: string;
  /** The record type asked (dig only; glibc's tools ask A and AAAA). */
  readonly type?: string;
  readonly expect?: readonly string[];
  readonly rcode?: string;
  readonly cname?: readonly string[];
  readonly status?: LookupStatus;
}

/** A list argument as text items (a single scalar is a list of one); undefined when absent or not scalars. */
export function listArg(args: Args | undefined, key: string): string[] | undefined {
  const v = args?.[key];
  if (v === undefined || v === null) return undefined;
  const items = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const i of items) {
    if (typeof i === 'string' || typeof i === 'number') out.push(String(i).trim());
    else return undefined;
  }
  return out;
}

/** The arguments of a validated check. */
export function resolveArgs(check: CheckSpec): ResolveArgs | undefined {
  const args = argsOf(check);
  const name = text(args, 'name')?.trim();
  if (!args || !name) return undefined;
  const toolWord = text(args, 'tool')?.trim() ?? 'getaddrinfo';
  const tool = RESOLVE_TOOLS[toolWord];
  if (!tool) return undefined;
  const type = text(args, 'type')?.trim().toUpperCase();
  const expect = listArg(args, 'expect');
  const cname = listArg(args, 'cname');
  const rcode = text(args, 'rcode')?.trim().toUpperCase();
  const status = text(args, 'status')?.trim().toLowerCase() as LookupStatus | undefined;
  return {
    tool,
    toolWord,
    name,
    ...(type ? { type } : {}),
    ...(expect ? { expect } : {}),
    ...(rcode ? { rcode } : {}),
    ...(cname ? { cname } : {}),
    ...(status ? { status } : {}),
  };
}

function oneOf(check: CheckSpec, key: string, words: readonly string[], value: string | undefined): Diagnostic[] {
  if (value === undefined || words.includes(value)) return [];
  const hint = didYouMean(value, [...words]);
  return [
    diag(
      check,
      key,
      'wrong-type',
      loc(
        `${key} must be one of ${words.join(', ')}, not "${value}"${hint ? `; did you mean "${hint}"?` : '.'}`,
        `${key}에는 ${iga(`"${value}"`)} 아니라 ${words.join(', ')} 중 하나를 씁니다.${hint ? ` ${eulreul(`"${hint}"`)} 뜻했나요?` : ''}`,
      ),
    ),
  ];
}

/** Every argument checked against the lab, each problem at its argument's place. */
export function validateResolve(check: CheckSpec, lab: Lab): Diagnostic[] {
  const out = checkShape(check, RESOLVE_SHAPE);
  const args = argsOf(check);
  if (!args) return out;
  out.push(...validateEndpoint(check, 'from', lab), ...checkScalar(check, 'name'));
  for (const k of ['tool', 'type', 'rcode', 'status']) out.push(...checkScalar(check, k));
  const name = text(args, 'name');
  if (name !== undefined && (!name.trim() || /\s/.test(name.trim())))
    out.push(
      diag(check, 'name', 'bad-name', loc(`"${name}" is not a name to look up.`, `${eunneun(`"${name}"`)} 해석할 이름이 아닙니다.`)),
    );
  const toolWord = text(args, 'tool')?.trim();
  out.push(...oneOf(check, 'tool', Object.keys(RESOLVE_TOOLS), toolWord));
  const tool = RESOLVE_TOOLS[toolWord ?? 'getaddrinfo'];
  const type = text(args, 'type')?.trim().toUpperCase();
  out.push(...oneOf(check, 'type', RESOLVE_TYPES, type));
  if (type !== undefined && tool !== undefined && tool !== 'dig' && type !== 'A' && type !== 'AAAA')
    out.push(
      diag(
        check,
        'type',
        'wrong-type',
        loc(
          `${toolWord ?? 'getaddrinfo'} asks for addresses only (A and AAAA records): ask for ${type} with tool: dig.`,
          `${eunneun(toolWord ?? 'getaddrinfo')} 주소(A와 AAAA 레코드)만 묻습니다. ${type} 레코드는 tool: dig로 물으세요.`,
        ),
      ),
    );
  out.push(...oneOf(check, 'rcode', RESOLVE_RCODES, text(args, 'rcode')?.trim().toUpperCase()));
  out.push(...oneOf(check, 'status', RESOLVE_STATUSES, text(args, 'status')?.trim().toLowerCase()));
  for (const key of ['expect', 'cname']) {
    if (has(args, key) && listArg(args, key) === undefined)
      out.push(
        diag(
          check,
          key,
          'wrong-type',
          loc(`${key} must be a list of values, e.g. [10.0.0.5].`, `${key}에는 [10.0.0.5]처럼 값의 리스트를 씁니다.`),
        ),
      );
  }
  // Addresses expected where only addresses can come: glibc's tools, dig's A and AAAA.
  const addressesOnly = tool !== 'dig' || type === undefined || type === 'A' || type === 'AAAA';
  if (addressesOnly)
    for (const v of listArg(args, 'expect') ?? []) {
      if (parseAddr(v)) continue;
      out.push(
        diag(
          check,
          'expect',
          'bad-address',
          loc(
            `"${v}" is not an IP address: ${type ? `${type} records hold` : 'this lookup gives'} addresses (e.g. 10.0.0.5).`,
            `${eunneun(`"${v}"`)} IP 주소가 아닙니다: ${type ? `${type} 레코드에는` : '이 조회의 결과는'} 10.0.0.5 같은 주소가 옵니다.`,
          ),
        ),
      );
    }
  if (has(args, 'rcode') && has(args, 'status'))
    out.push(
      diag(
        check,
        'rcode',
        'unknown-key',
        loc('Give rcode or status, not both: a lookup ends with one.', 'rcode와 status 중 하나만 쓰세요. 조회의 결과는 하나입니다.'),
      ),
    );
  return out;
}

const S = (description: string, extra: JsonSchema = {}): JsonSchema => ({ description, ...extra });

/** The arguments' JSON Schema (schema/lab.schema.json's `$defs/resolveCheck`). */
export const RESOLVE_SCHEMA: JsonSchema = {
  examples: [
    { from: 'client', name: 'web', expect: ['10.0.0.5'] },
    { from: 'client', name: 'www.example.com', tool: 'dig', type: 'CNAME', cname: ['www.example.com.', 'web.example.com.'] },
    { from: 'client', name: 'nosuch', rcode: 'NXDOMAIN' },
  ],
  type: 'object',
  required: ['from', 'name'],
  additionalProperties: false,
  properties: {
    from: {
      $ref: '#/$defs/endpoint',
      description: 'The host (or host/netns) that looks the name up. / 이름을 해석할 호스트(또는 호스트/네임스페이스).',
    },
    name: S(
      'The name to look up, as a program there would be given it (web, web.example.com.). / 해석할 이름. 그 호스트의 프로그램이 받는 그대로 씁니다.',
      {
        type: 'string',
        minLength: 1,
      },
    ),
    tool: S(
      'Who looks it up: getaddrinfo (ping, curl; the default), getent (getent hosts), dig (no /etc/hosts, no search list). / 누가 해석하는지: getaddrinfo(ping, curl; 기본값), getent(getent hosts), dig(/etc/hosts와 검색 도메인을 쓰지 않음).',
      { enum: Object.keys(RESOLVE_TOOLS) },
    ),
    type: S('The record type dig asks for (A by default). / dig가 묻는 레코드 타입(기본값 A).', { enum: RESOLVE_TYPES }),
    expect: S(
      'The records expected, in any order: addresses, or for dig the data of the type asked. / 기대하는 레코드(순서 무관): 주소, dig라면 물은 타입의 데이터.',
      {
        type: 'array',
        items: { type: ['string', 'number'] },
        minItems: 1,
      },
    ),
    rcode: S("The DNS answer's rcode expected. / 기대하는 DNS 응답의 rcode.", { enum: [...RESOLVE_RCODES] }),
    cname: S(
      'The CNAME chain expected: the name with the first CNAME record, then each target. / 기대하는 CNAME 체인: 첫 CNAME 레코드의 이름, 그리고 이어지는 대상.',
      {
        type: 'array',
        items: { type: 'string' },
        minItems: 2,
      },
    ),
    status: S(
      'How the lookup ends, as nsswitch.conf names it: success, notfound, nodata, tryagain (no server answered), unavail. / 조회의 결과(nsswitch.conf의 이름): success, notfound, nodata, tryagain(응답한 서버 없음), unavail.',
      { enum: [...RESOLVE_STATUSES] },
    ),
  },
};
