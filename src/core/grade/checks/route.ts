/**
 * `route: { on: B, to: 192.168.2.10, via: 192.168.1.1, dev: eth0, src: 192.168.1.10 }` — the route
 * the kernel picks, as `ip route get` says. Each given field must match; `via: none` asks for a
 * directly connected route (no gateway). A failure shows expected against actual.
 */
import type { Diagnostic } from '../../text/diag';
import { type Localized, loc } from '../../text/i18n';
import { iga, ro } from '../../text/particle';
import type { CheckSpec, Lab } from '../../lab/types';
import { addrEq, parseAddr } from '../../net/addr';
import { execCommand } from '../../commands/exec';
import type { CheckKind, CheckResult, CheckTrace } from '../types';
import {
  argsOf,
  checkShape,
  checkScalar,
  clip,
  endpointArg,
  formatEndpoint,
  has,
  missingEndpoint,
  shown,
  text,
  validateAddress,
  validateEndpoint,
} from './common';

const SHAPE = {
  required: ['on', 'to'],
  optional: ['via', 'dev', 'src'],
  example: 'route: { on: b, to: 192.168.2.10, via: 192.168.1.1, dev: eth0 }',
};
const NO_GATEWAY = ['none', 'direct'];

export interface RouteGet {
  readonly type?: string;
  readonly via?: string;
  readonly dev?: string;
  readonly src?: string;
  /** The first line, without the `uid` and `cache` noise. */
  readonly line: string;
}

/** Reads the first line of `ip route get` output. */
export function parseRouteGet(stdout: string): RouteGet {
  const first = (stdout.split('\n')[0] ?? '').trim();
  const line = first.replace(/\s+uid \d+.*$/, '').trim();
  const words = line.split(/\s+/);
  const after = (k: string): string | undefined => {
    const i = words.indexOf(k);
    return i >= 0 ? words[i + 1] : undefined;
  };
  const t = words[0];
  const type = t && /^(local|broadcast|unreachable|blackhole|prohibit|multicast|throw)$/.test(t) ? t : undefined;
  const via = after('via');
  const dev = after('dev');
  const src = after('src');
  return { line, ...(type ? { type } : {}), ...(via ? { via } : {}), ...(dev ? { dev } : {}), ...(src ? { src } : {}) };
}

function sameAddr(a: string, b: string): boolean {
  const x = parseAddr(a);
  const y = parseAddr(b);
  return x && y ? addrEq(x, y) : a === b;
}

/** `e: ip route get 192.168.1.10 → via 192.168.2.1 dev eth0`: the check's label. */
function routeLabel(check: CheckSpec): string {
  const args = argsOf(check);
  const want = (['via', 'dev', 'src'] as const).filter((k) => text(args, k) !== undefined).map((k) => `${k} ${text(args, k)!.trim()}`);
  return `${shown(args, 'on')}: ip route get ${shown(args, 'to')}${want.length ? ` → ${want.join(' ')}` : ''}`;
}

/** A ping from `on` to `to`: it follows the route the check asks about. */
function routeTrace(check: CheckSpec): CheckTrace | undefined {
  const args = argsOf(check);
  const on = endpointArg(args, 'on');
  const to = text(args, 'to')?.trim();
  return on && to ? { from: formatEndpoint(on), to, proto: 'icmp' } : undefined;
}

export const routeCheck: CheckKind = {
  kind: 'route',
  name: loc('route', '라우트'),
  summary: loc('The route the kernel picks', '커널이 고르는 라우트'),
  docs: {
    text: loc(
      'Passes when the route `on` picks for `to` matches via, dev and src (those given).',
      '`on`이 `to`로 고르는 라우트가 주어진 via, dev, src와 맞으면 통과합니다.',
    ),
  },
  schema: {
    args: {
      examples: [{ on: 'b', to: '192.168.2.10', via: '192.168.1.1', dev: 'eth0' }],
      type: 'object',
      required: ['on', 'to'],
      additionalProperties: false,
      properties: {
        on: {
          $ref: '#/$defs/endpoint',
          description: 'The host (or host/netns) whose routing table is asked. / 라우팅 테이블을 물어볼 호스트(또는 호스트/네임스페이스).',
        },
        to: { description: 'The destination address. / 목적지 주소.', type: 'string', minLength: 1 },
        via: { description: 'The gateway the route must use. / 라우트가 써야 할 게이트웨이.', type: 'string', minLength: 1 },
        dev: { $ref: '#/$defs/ifName', description: 'The interface the route must use. / 라우트가 써야 할 인터페이스.' },
        src: { description: 'The source address the route must pick. / 라우트가 골라야 할 출발지 주소.', type: 'string', minLength: 1 },
      },
    },
  },
  label: routeLabel,
  packet: { of: routeTrace },
  validate(check: CheckSpec, lab: Lab): Diagnostic[] {
    const out = checkShape(check, SHAPE);
    const args = argsOf(check);
    if (!args) return out;
    out.push(
      ...validateEndpoint(check, 'on', lab),
      ...validateAddress(check, 'to'),
      ...validateAddress(check, 'src'),
      ...checkScalar(check, 'dev'),
    );
    const via = text(args, 'via');
    if (has(args, 'via') && !(via !== undefined && NO_GATEWAY.includes(via.trim().toLowerCase())))
      out.push(...validateAddress(check, 'via'));
    return out;
  },
  run(check, ctx): CheckResult {
    const args = argsOf(check);
    const on = endpointArg(args, 'on');
    const to = text(args, 'to')?.trim();
    if (!on || !to) return { passed: false, feedback: loc('This check has no valid on and to.', '이 검사에 올바른 on과 to가 없습니다.') };
    const cmd = `ip route get ${to}`;
    const head = `${cmd} (${formatEndpoint(on)})`;
    const missing = missingEndpoint(ctx.world, on);
    if (missing) return { passed: false, feedback: { en: `${head}: ${missing.en}`, ko: `${head}: ${missing.ko}` } };

    const wantVia = text(args, 'via')?.trim();
    const wantDev = text(args, 'dev')?.trim();
    const wantSrc = text(args, 'src')?.trim();
    const noGateway = wantVia !== undefined && NO_GATEWAY.includes(wantVia.toLowerCase());
    const parts = (noGw: Localized): Localized => {
      const rest = [wantDev !== undefined ? `dev ${wantDev}` : '', wantSrc !== undefined ? `src ${wantSrc}` : ''];
      const join = (first: string, fallback: string) => [first, ...rest].filter(Boolean).join(' ') || fallback;
      const v = (l: 'en' | 'ko') => (wantVia === undefined ? '' : noGateway ? noGw[l] : `via ${wantVia}`);
      return { en: join(v('en'), `a route to ${to}`), ko: join(v('ko'), `${ro(to)} 가는 라우트`) };
    };
    const exp = parts(loc('no gateway (directly connected)', '게이트웨이 없음 (직접 연결)'));
    const expected = exp.en;

    const res = execCommand(ctx.world, on, cmd);
    if (res.status !== 0) {
      const actual = clip(res.stderr.trim() || res.stdout.trim() || `exit status ${res.status}`);
      return {
        passed: false,
        feedback: loc(`${head}: expected: ${exp.en}; actual: ${actual}`, `${head}: 기대: ${exp.ko}; 실제: ${actual}`),
        expected,
        actual,
      };
    }
    const got = parseRouteGet(res.stdout);
    const wrong: string[] = [];
    if (got.type && got.type !== 'local' && got.type !== 'broadcast') wrong.push(got.type);
    if (wantVia !== undefined) {
      if (noGateway ? got.via !== undefined : got.via === undefined || !sameAddr(got.via, wantVia)) wrong.push('via');
    }
    if (wantDev !== undefined && got.dev !== wantDev) wrong.push('dev');
    if (wantSrc !== undefined && (got.src === undefined || !sameAddr(got.src, wantSrc))) wrong.push('src');
    const actual = got.line;
    if (!wrong.length) {
      return { passed: true, feedback: loc(`${head}: ${actual}`, `${head}: ${actual}`), expected, actual };
    }
    const fields = wrong.join(', ');
    return {
      passed: false,
      feedback: loc(
        `${head}: ${fields} differs; expected: ${exp.en}; actual: ${actual}`,
        `${head}: ${iga(fields)} 다릅니다; 기대: ${exp.ko}; 실제: ${actual}`,
      ),
      expected,
      actual,
    };
  },
};
