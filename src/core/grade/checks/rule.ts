/**
 * `rule: { on: B, table: nat, chain: POSTROUTING, match: "-s 192.168.15.0/24 -j MASQUERADE" }` —
 * a rule of the chain has at least these matches and this target, or `policy: DROP` — the chain's
 * policy. Read off the student's tables as the run lines left them (a rule deleted or flushed later
 * is gone), compared on the parsed rule (netfilter/compare.ts): option order, long or short forms,
 * `--dport 80` or `-m tcp --dport 80`, `10.0.0.1/8` or `10.0.0.0/8` are the same rule. A failure
 * says what the chain holds and the closest rule.
 */
import type { Diagnostic } from '../../text/diag';
import { type Localized, loc } from '../../text/i18n';
import { ro } from '../../text/particle';
import type { CheckSpec, Lab } from '../../lab/types';
import {
  BUILTIN_CHAINS,
  type Chain,
  iptablesOf,
  parseIptables,
  type Rule,
  type RuleSpec,
  ruleText,
  TABLE_NAMES,
} from '../../netfilter/index';
import type { TableName } from '../../netfilter/model';
import type { IpSpec } from '../../netfilter/ipspec';
import { type Condition, conditionsOf, covers, isFinal, targetWords } from '../../netfilter/compare';
import type { CheckKind, CheckResult } from '../types';
import {
  argsOf,
  checkScalar,
  checkShape,
  diag,
  endpointArg,
  formatEndpoint,
  has,
  missingEndpoint,
  shown,
  text,
  validateEndpoint,
  where,
} from './common';

const SHAPE = {
  required: ['on', 'chain'],
  optional: ['table', 'match', 'policy'],
  example: 'rule: { on: r, table: nat, chain: POSTROUTING, match: "-s 192.168.15.0/24 -j MASQUERADE" }',
};
/** How many of a chain's rules a failure shows. */
const SHOWN = 5;

/** The words of `match:` as a shell would split them (quotes kept together, then dropped). */
export function splitRule(s: string): string[] {
  return [...s.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

function tableOf(args: Readonly<Record<string, unknown>> | undefined): string {
  return text(args, 'table')?.trim() || 'filter';
}

/** The rule `match:` stands for, as iptables reads `-t TABLE -A CHAIN MATCH`; or why there is none (iptables's message). */
export function wantedRule(table: string, chain: string, match: string): RuleSpec | { readonly error: Localized } {
  const p = parseIptables(['iptables', '-t', table, '-A', chain, ...splitRule(match)]);
  if (p.ok) return p.command.rule!;
  if ('notSimulated' in p)
    return {
      error: loc(
        `"${p.notSimulated}" is not simulated, so no rule of the simulated tables has it.`,
        `"${p.notSimulated}" 부분은 시뮬레이션하지 않으므로 시뮬레이션된 테이블의 어떤 규칙에도 없습니다.`,
      ),
    };
  const m = p.message.trim();
  return { error: loc(`iptables does not take this rule: ${m}`, `iptables가 이 규칙을 받지 않습니다: ${m}`) };
}

/** What a rule of the chain must have: one set of conditions per source and destination given, and the target. */
interface Want {
  readonly conditions: readonly Condition[];
  readonly target?: { readonly name: string; readonly goto: boolean; readonly options: readonly string[]; readonly text: string };
}

function wants(spec: RuleSpec): Want[] {
  const t = spec.target;
  const tw = t?.module ? targetWords({ target: { kind: 'module', module: t.module, data: t.data } }) : undefined;
  const target = t
    ? {
        name: t.name,
        goto: t.goto,
        options: tw?.options ?? [],
        text: `${t.goto ? '-g' : '-j'} ${t.name}${tw?.options.length ? ' ' + tw.options.join(' ') : ''}`,
      }
    : undefined;
  const out: Want[] = [];
  for (const src of spec.src.length ? spec.src : [undefined])
    for (const dst of spec.dst.length ? spec.dst : [undefined]) {
      const ip: IpSpec = {
        ...(src ? { src, srcInvert: spec.srcInvert } : {}),
        ...(dst ? { dst, dstInvert: spec.dstInvert } : {}),
        ...(spec.in !== undefined ? { in: spec.in, inInvert: spec.inInvert } : {}),
        ...(spec.out !== undefined ? { out: spec.out, outInvert: spec.outInvert } : {}),
        ...(spec.proto ? { proto: spec.proto, protoInvert: spec.protoInvert } : {}),
      };
      out.push({ conditions: conditionsOf(ip, spec.matches), ...(target ? { target } : {}) });
    }
  return out;
}

/** What of `want` the rule lacks (each condition's words, the target's), empty when it has it all. */
function lacks(want: Want, rule: Rule): string[] {
  const out = want.conditions.filter((c) => !c.holds(rule)).map((c) => c.text);
  const t = want.target;
  if (t) {
    const got = targetWords(rule);
    if (!got || got.name !== t.name || got.goto !== t.goto || !t.options.every((o) => got.options.includes(o))) out.push(t.text);
  }
  return out;
}

function wantText(want: Want): string {
  return [...want.conditions.map((c) => c.text), ...(want.target ? [want.target.text] : [])].join(' ');
}

function ruleAt(chain: Chain, r: Rule): string {
  const w = where(r.source);
  return `${ruleText(chain, r)}${w ? ` (${w})` : ''}`;
}

/** `r: iptables -t nat -A POSTROUTING -s 192.168.15.0/24 -j MASQUERADE`: the check's label. */
function ruleLabel(check: CheckSpec): string {
  const args = argsOf(check);
  const policy = text(args, 'policy');
  const t = tableOf(args);
  const tOpt = t === 'filter' ? '' : `-t ${t} `;
  const what = policy !== undefined ? `-P ${shown(args, 'chain')} ${policy.trim()}` : `-A ${shown(args, 'chain')} ${shown(args, 'match')}`;
  return `${shown(args, 'on')}: iptables ${tOpt}${what}`;
}

export const ruleCheck: CheckKind = {
  kind: 'rule',
  name: loc('rule', '규칙'),
  summary: loc('A rule or a policy in an iptables chain', 'iptables 체인의 규칙이나 정책'),
  docs: {
    text: loc(
      "Passes when a rule of the chain (table: filter unless given) has at least the matches and the target of `match`, compared as iptables reads them; or, with `policy`, when the chain's policy is that one.",
      '체인(table을 주지 않으면 filter 테이블)의 규칙 가운데 `match`의 매치와 타깃을 모두 가진 규칙이 있으면 통과합니다. iptables가 읽는 방식대로 비교합니다. `policy`를 주면 체인의 정책이 그것일 때 통과합니다.',
    ),
    example: 'rule: { on: r, table: nat, chain: POSTROUTING, match: "-s 192.168.15.0/24 -j MASQUERADE" }',
  },
  schema: {
    args: {
      examples: [
        { on: 'r', table: 'nat', chain: 'POSTROUTING', match: '-s 192.168.15.0/24 -j MASQUERADE' },
        { on: 'r', chain: 'FORWARD', policy: 'DROP' },
      ],
      type: 'object',
      required: ['on', 'chain'],
      additionalProperties: false,
      properties: {
        on: {
          $ref: '#/$defs/endpoint',
          description: 'The host (or host/netns) whose tables are read. / 테이블을 읽을 호스트(또는 호스트/네임스페이스).',
        },
        table: { description: 'The table (filter by default). / 테이블 (기본값 filter).', enum: [...TABLE_NAMES] },
        chain: { description: 'The chain. / 체인.', type: 'string', minLength: 1 },
        match: {
          description:
            'The matches and the target a rule must have, as iptables takes them after -A CHAIN. / 규칙이 가져야 할 매치와 타깃 (-A 체인 뒤에 쓰는 그대로).',
          type: 'string',
          minLength: 1,
        },
        policy: { description: "The chain's policy. / 체인의 정책.", enum: ['ACCEPT', 'DROP'] },
      },
    },
  },
  label: ruleLabel,
  validate(check: CheckSpec, lab: Lab): Diagnostic[] {
    const out = checkShape(check, SHAPE);
    const args = argsOf(check);
    if (!args) return out;
    out.push(...validateEndpoint(check, 'on', lab), ...['table', 'chain', 'match', 'policy'].flatMap((k) => checkScalar(check, k)));
    const table = tableOf(args);
    const chain = text(args, 'chain')?.trim();
    const match = text(args, 'match');
    const policy = text(args, 'policy')?.trim();
    if (!(TABLE_NAMES as readonly string[]).includes(table)) {
      out.push(
        diag(
          check,
          'table',
          'bad-rule',
          loc(
            `No table "${table}": iptables has ${TABLE_NAMES.join(', ')}.`,
            `"${table}" 테이블은 없습니다. 테이블: ${TABLE_NAMES.join(', ')}.`,
          ),
        ),
      );
      return out;
    }
    if (has(args, 'match') === has(args, 'policy')) {
      out.push(
        diag(
          check,
          undefined,
          'missing-key',
          loc(
            `A rule check takes match (a rule) or policy (the chain's), one of them, e.g. ${SHAPE.example}.`,
            `rule 검사에는 match(규칙)나 policy(체인의 정책) 중 하나만 씁니다. 예: ${SHAPE.example}.`,
          ),
        ),
      );
    }
    if (!chain) return out;
    const builtin = (BUILTIN_CHAINS[table as TableName] as readonly string[]).includes(chain);
    const elsewhere = TABLE_NAMES.filter((t) => (BUILTIN_CHAINS[t] as readonly string[]).includes(chain));
    if (!builtin && elsewhere.length) {
      out.push(
        diag(
          check,
          'chain',
          'bad-rule',
          loc(
            `The ${table} table has no ${chain} chain; ${chain} is a chain of ${elsewhere.join(', ')}.`,
            `${table} 테이블에는 ${chain} 체인이 없습니다. ${chain} 체인이 있는 테이블: ${elsewhere.join(', ')}.`,
          ),
        ),
      );
      return out;
    }
    if (policy !== undefined && !builtin)
      out.push(
        diag(
          check,
          'chain',
          'bad-rule',
          loc(
            `Only a built-in chain has a policy; the ${table} table's are ${BUILTIN_CHAINS[table as TableName].join(', ')}.`,
            `정책은 기본 체인에만 있습니다. ${table} 테이블의 기본 체인: ${BUILTIN_CHAINS[table as TableName].join(', ')}.`,
          ),
        ),
      );
    if (match !== undefined) {
      const spec = wantedRule(table, chain, match);
      if ('error' in spec) {
        out.push(diag(check, 'match', 'bad-rule', spec.error));
      } else {
        const mod = spec.target?.module;
        if (mod?.table && mod.table !== table)
          out.push(
            diag(
              check,
              'match',
              'bad-rule',
              loc(
                `${mod.name} is only valid in the ${mod.table} table, so no rule of the ${table} table can have it.`,
                `${mod.name} 타깃은 ${mod.table} 테이블에서만 쓸 수 있어 ${table} 테이블의 어떤 규칙에도 들어갈 수 없습니다.`,
              ),
            ),
          );
      }
    }
    return out;
  },
  run(check, ctx): CheckResult {
    const args = argsOf(check);
    const on = endpointArg(args, 'on');
    const table = tableOf(args) as TableName;
    const chainName = text(args, 'chain')?.trim();
    if (!on || !chainName)
      return { passed: false, feedback: loc('This check has no valid on and chain.', '이 검사에 올바른 on과 chain이 없습니다.') };
    const head = `${formatEndpoint(on)}: iptables${table === 'filter' ? '' : ` -t ${table}`}`;
    const missing = missingEndpoint(ctx.world, on);
    if (missing) return { passed: false, feedback: { en: `${head}: ${missing.en}`, ko: `${head}: ${missing.ko}` } };
    const ns = ctx.world.hosts.get(on.host)!.netns.get(on.netns)!;
    const chain = iptablesOf(ns)?.table(table).chains.get(chainName);
    const builtin = (BUILTIN_CHAINS[table] as readonly string[]).includes(chainName);

    const policy = text(args, 'policy')?.trim();
    if (policy !== undefined) {
      const got = chain?.policy ?? 'ACCEPT';
      const src = chain?.policySource;
      const at = src ? ` (${where(src)})` : '';
      const fb = `${head} -P ${chainName} ${got}${at}`;
      const passed = got === policy;
      return {
        passed,
        feedback: passed
          ? loc(fb, fb)
          : loc(
              `${head}: the policy of ${chainName} is ${got}${at}, not ${policy}`,
              `${head}: ${chainName} 체인의 정책은 ${got}입니다${at} (기대: ${policy})`,
            ),
        expected: `-P ${chainName} ${policy}`,
        actual: `-P ${chainName} ${got}`,
        ...(src ? { source: src } : {}),
      };
    }

    const spec = wantedRule(table, chainName, text(args, 'match') ?? '');
    if ('error' in spec) return { passed: false, feedback: spec.error };
    const want = wants(spec);
    const expected = want.map(wantText).join('; ');
    const rules = chain?.rules ?? [];
    if (!chain && !builtin)
      return {
        passed: false,
        feedback: loc(
          `${head}: the ${table} table has no chain ${chainName} (iptables -t ${table} -N ${chainName} makes it)`,
          `${head}: ${table} 테이블에 ${chainName} 체인이 없습니다 (${ro(`iptables -t ${table} -N ${chainName}`)} 만듭니다)`,
        ),
        expected,
        actual: '',
      };
    const found = want.map((w) => rules.find((r) => lacks(w, r).length === 0));
    if (found.every((r) => r !== undefined)) {
      const shownRules = [...new Set(found)].map((r) => ruleAt(chain!, r!));
      const note = shadowNote(chain!, found as Rule[]);
      return {
        passed: true,
        feedback: {
          en: `${head}: ${shownRules.join('; ')}${note.en}`,
          ko: `${head}: ${shownRules.join('; ')}${note.ko}`,
        },
        expected,
        actual: found.map((r) => ruleText(chain!, r!)).join('\n'),
        ...(found[0]!.source ? { source: found[0]!.source } : {}),
      };
    }
    const w = want[found.findIndex((r) => r === undefined)]!;
    const holds = holdsText(chain, chainName, rules);
    let closest: Localized = loc('', '');
    let best: { rule: Rule; lack: string[] } | undefined;
    for (const r of rules) {
      const lack = lacks(w, r);
      if (!best || lack.length < best.lack.length) best = { rule: r, lack };
    }
    if (best && best.lack.length < w.conditions.length + (w.target ? 1 : 0)) {
      const r = ruleAt(chain!, best.rule);
      closest = loc(`; the closest, ${r}, lacks ${best.lack.join(' ')}`, `; 가장 가까운 규칙: ${r} (빠진 부분: ${best.lack.join(' ')})`);
    }
    return {
      passed: false,
      feedback: {
        en: `${head}: no rule of ${chainName} has ${wantText(w)}; ${holds.en}${closest.en}`,
        ko: `${head}: ${chainName} 체인에 ${wantText(w)} 규칙이 없습니다; ${holds.ko}${closest.ko}`,
      },
      expected,
      actual: rules.map((r) => ruleText(chain!, r)).join('\n'),
      ...(best?.rule.source ? { source: best.rule.source } : {}),
    };
  },
};

/** `the chain holds: -A ..., -A ... (and 3 more)` / `the chain is empty (policy ACCEPT)`. */
function holdsText(chain: Chain | undefined, name: string, rules: readonly Rule[]): Localized {
  const policy = chain?.hook || !chain ? ` (policy ${chain?.policy ?? 'ACCEPT'})` : '';
  const policyKo = chain?.hook || !chain ? ` (정책 ${chain?.policy ?? 'ACCEPT'})` : '';
  if (!rules.length) return loc(`${name} is empty${policy}`, `${name} 체인은 비어 있습니다${policyKo}`);
  const list = rules.slice(0, SHOWN).map((r) => ruleAt(chain!, r));
  const more = rules.length - SHOWN;
  return loc(
    `it holds: ${list.join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
    `체인의 규칙: ${list.join(', ')}${more > 0 ? ` 외 ${more}개` : ''}`,
  );
}

/** A note when an earlier rule with a final target takes every packet a found rule would: it never matches. */
function shadowNote(chain: Chain, found: readonly Rule[]): Localized {
  for (const r of found) {
    const i = chain.rules.indexOf(r);
    const earlier = chain.rules.slice(0, i).find((e) => isFinal(e) && covers(e, r));
    if (earlier) {
      const e = ruleAt(chain, earlier);
      return loc(
        `, but it never matches: ${e} comes first and takes every packet it would`,
        `. 다만 이 규칙은 매치되지 않습니다. 앞에 있는 규칙이 이 규칙이 받을 패킷을 모두 먼저 가져갑니다: ${e}`,
      );
    }
  }
  return loc('', '');
}
