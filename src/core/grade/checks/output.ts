/**
 * `output: { on: B, run: "ip -br link show eth0", match: "UP" }` — runs a command on a simulated
 * host, as root, and looks at what it prints: `match` (a regular expression) or `contains` (plain
 * text) against standard output, `status` the exit status expected, `not: true` to ask that the
 * output does not match.
 */
import type { Diagnostic } from '../../text/diag';
import { loc } from '../../text/i18n';
import { eulreul, eunneun, iga } from '../../text/particle';
import type { CheckSpec, Lab } from '../../lab/types';
import { execCommand } from '../../commands/exec';
import type { CheckKind, CheckResult } from '../types';
import {
  argsOf,
  checkScalar,
  checkShape,
  clip,
  diag,
  endpointArg,
  formatEndpoint,
  has,
  missingEndpoint,
  shown,
  text,
  validateEndpoint,
} from './common';

const SHAPE = {
  required: ['on', 'run'],
  optional: ['match', 'contains', 'status', 'not'],
  example: 'output: { on: b, run: "ip -br link show eth0", match: "UP" }',
};

function regexOf(source: string): RegExp | string {
  try {
    return new RegExp(source, 'm');
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** `host1$ ip link show veth-green-br ~ /state UP/`: the check's label. */
function outputLabel(check: CheckSpec): string {
  const args = argsOf(check);
  const not = args?.['not'] === true;
  const match = text(args, 'match');
  const contains = text(args, 'contains');
  const status = text(args, 'status');
  const what =
    match !== undefined
      ? ` ${not ? '!~' : '~'} /${match}/`
      : contains !== undefined
        ? ` ${not ? '!~' : '~'} ${JSON.stringify(contains)}`
        : '';
  return `${shown(args, 'on')}$ ${shown(args, 'run')}${what}${status !== undefined ? ` (status ${status})` : ''}`;
}

export const outputCheck: CheckKind = {
  kind: 'output',
  name: loc('output', '출력'),
  summary: loc('What a command prints', '명령이 출력하는 내용'),
  docs: {
    text: loc(
      'Runs a command on a host and looks at what it prints: match (a regular expression), contains (plain text), status (the exit status); not: true inverts it.',
      '호스트에서 명령을 실행해 출력을 봅니다: match(정규식), contains(일반 텍스트), status(종료 상태). not: true는 결과를 뒤집습니다.',
    ),
  },
  schema: {
    args: {
      examples: [{ on: 'b', run: 'ip -br link show eth0', match: 'UP' }],
      type: 'object',
      required: ['on', 'run'],
      additionalProperties: false,
      properties: {
        on: {
          $ref: '#/$defs/endpoint',
          description: 'The host (or host/netns) that runs the command. / 명령을 실행할 호스트(또는 호스트/네임스페이스).',
        },
        run: { description: 'The command, run as root. / root로 실행할 명령.', type: 'string', minLength: 1 },
        match: { description: 'A regular expression the output must match. / 출력이 맞아야 할 정규식.', type: ['string', 'number'] },
        contains: { description: 'Text the output must contain. / 출력이 포함해야 할 텍스트.', type: ['string', 'number'] },
        status: {
          description: 'The exit status the command must end with. / 명령이 끝나야 할 종료 상태.',
          type: 'integer',
          minimum: 0,
          maximum: 255,
        },
        not: { description: 'true: pass when the output does NOT match. / true: 출력이 맞지 않을 때 통과.', type: 'boolean' },
      },
    },
  },
  label: outputLabel,
  validate(check: CheckSpec, lab: Lab): Diagnostic[] {
    const out = checkShape(check, SHAPE);
    const args = argsOf(check);
    if (!args) return out;
    out.push(
      ...validateEndpoint(check, 'on', lab),
      ...checkScalar(check, 'run'),
      ...checkScalar(check, 'match'),
      ...checkScalar(check, 'contains'),
    );
    if (has(args, 'run') && !text(args, 'run')?.trim()) {
      out.push(
        diag(
          check,
          'run',
          'wrong-type',
          loc('run must be the command to run, e.g. "ip -br addr".', 'run은 "ip -br addr"처럼 실행할 명령이어야 합니다.'),
        ),
      );
    }
    const match = text(args, 'match');
    if (match !== undefined) {
      const re = regexOf(match);
      if (typeof re === 'string')
        out.push(
          diag(
            check,
            'match',
            'bad-regex',
            loc(`"${match}" is not a valid regular expression: ${re}.`, `${eunneun(`"${match}"`)} 올바른 정규 표현식이 아닙니다: ${re}.`),
          ),
        );
    }
    if (has(args, 'match') && has(args, 'contains')) {
      out.push(diag(check, 'contains', 'unknown-key', loc('Give match or contains, not both.', 'match와 contains 중 하나만 쓰세요.')));
    }
    if (!has(args, 'match') && !has(args, 'contains') && !has(args, 'status')) {
      out.push(
        diag(
          check,
          undefined,
          'missing-key',
          loc(
            `This output check needs match, contains or status, e.g. ${SHAPE.example}.`,
            `이 output 검사에는 match, contains, status 중 하나가 필요합니다. 예: ${SHAPE.example}.`,
          ),
        ),
      );
    }
    if (has(args, 'status')) {
      const s = Number(text(args, 'status'));
      if (!Number.isInteger(s) || s < 0 || s > 255)
        out.push(
          diag(
            check,
            'status',
            'wrong-type',
            loc('status must be an exit status, a whole number from 0 to 255.', 'status는 0부터 255 사이의 정수인 종료 상태여야 합니다.'),
          ),
        );
    }
    if (has(args, 'not') && typeof args['not'] !== 'boolean') {
      out.push(diag(check, 'not', 'wrong-type', loc('not must be true or false.', 'not은 true나 false여야 합니다.')));
    }
    return out;
  },
  run(check, ctx): CheckResult {
    const args = argsOf(check);
    const on = endpointArg(args, 'on');
    const cmd = text(args, 'run')?.trim();
    if (!on || !cmd)
      return { passed: false, feedback: loc('This check has no valid on and run.', '이 검사에 올바른 on과 run이 없습니다.') };
    const head = `${formatEndpoint(on)}$ ${cmd}`;
    const missing = missingEndpoint(ctx.world, on);
    if (missing) return { passed: false, feedback: { en: `${head}: ${missing.en}`, ko: `${head}: ${missing.ko}` } };

    const res = execCommand(ctx.world, on, cmd);
    const invert = args?.['not'] === true;
    const match = text(args, 'match');
    const contains = text(args, 'contains');
    const wantStatus = has(args, 'status') ? Number(text(args, 'status')) : undefined;
    const shown = clip(res.stdout) || '(no output)';
    const shownKo = clip(res.stdout) || '(출력 없음)';
    const errTail = res.stderr.trim() ? ` [stderr: ${clip(res.stderr, 200)}]` : '';

    if (wantStatus !== undefined && res.status !== wantStatus) {
      return {
        passed: false,
        feedback: loc(
          `${head}: expected exit status ${wantStatus}, got ${res.status}${errTail}`,
          `${head}: 종료 상태 ${eulreul(String(wantStatus))} 기대했지만 ${res.status}입니다${errTail}`,
        ),
        expected: `status ${wantStatus}`,
        actual: `status ${res.status}`,
      };
    }
    if (match === undefined && contains === undefined) {
      return {
        passed: true,
        feedback: loc(`${head}: exit status ${res.status}, as expected`, `${head}: 기대대로 종료 상태 ${res.status}`),
        actual: `status ${res.status}`,
      };
    }
    let found: boolean;
    let what: string;
    if (match !== undefined) {
      const re = regexOf(match);
      if (typeof re === 'string')
        return { passed: false, feedback: loc(`The check's pattern is invalid: ${re}`, `검사의 패턴이 올바르지 않습니다: ${re}`) };
      found = re.test(res.stdout);
      what = `/${match}/`;
    } else {
      found = res.stdout.includes(contains!);
      what = JSON.stringify(contains);
    }
    const passed = found !== invert;
    const expected = `${invert ? 'no ' : ''}${what}`;
    if (passed) {
      return {
        passed,
        feedback: invert
          ? loc(`${head}: the output does not show ${what}, as expected`, `${head}: 기대대로 출력에 ${iga(what)} 없습니다`)
          : loc(`${head}: the output shows ${what}`, `${head}: 출력에 ${iga(what)} 있습니다`),
        expected,
        actual: clip(res.stdout),
      };
    }
    return {
      passed,
      feedback: invert
        ? {
            en: `${head}: the output should not show ${what}, but it does: ${shown}${errTail}`,
            ko: `${head}: 출력에 ${iga(what)} 없어야 하는데 있습니다: ${shownKo}${errTail}`,
          }
        : {
            en: `${head}: expected output showing ${what}; actual: ${shown}${errTail}`,
            ko: `${head}: 출력에 ${iga(what)} 있어야 합니다; 실제: ${shownKo}${errTail}`,
          },
      expected,
      actual: clip(res.stdout) + (res.stderr.trim() ? `\n${clip(res.stderr, 200)}` : ''),
    };
  },
};
