/**
 * `iptables`: reads the line as iptables 1.8.9 (nf_tables) does (netfilter/parse.ts) and runs it
 * against the namespace's tables (netfilter/apply.ts), with the real tool's output, messages and
 * exit statuses. The rule keeps the run line that wrote it, for the trace. `-h` is not simulated;
 * ip6tables stays a real tool the simulator does not run.
 */
import { loc } from '../text/i18n';
import type { Arg } from '../shell/expand';
import type { Netns } from '../sim/model';
import { applyIptables, type IptablesCommand, iptablesOf, isTable, parseIptables } from '../netfilter/index';
import { usageError } from '../netfilter/errors';
import { chainHooks } from '../netfilter/state';
import type { Hook } from '../datapath/trace';
import { explainIptablesWord } from './iptablesDocs';
import { type CommandHandler, type CommandResult, type CommandSpec, manPage, notSimulated, result } from './types';

export const iptablesCommand: CommandHandler = (ctx, args) => {
  const parsed = parseIptables(args.map((a) => a.text));
  const column = (i: number | undefined) => args[i ?? 0]?.column ?? args[0]?.column ?? 0;
  if (!parsed.ok) {
    if ('notSimulated' in parsed) return notSimulated(parsed.notSimulated, column(parsed.arg));
    const e = usageError(parsed.message, parsed.arg, parsed.bare, parsed.hintOnly);
    return failed('', e.stderr, e.status, { column: blamed(args, parsed.arg, e.stderr) });
  }
  const cmd = parsed.command;
  if (cmd.op === 'h') return notSimulated('iptables -h', column(cmd.opArg));
  const out = applyIptables(ctx.netns, cmd, ctx.host.runOrigin);
  if (!out.error) return result(out.stdout);
  const why = out.error.status === 4 && /\(Invalid argument\)/.test(out.error.stderr) ? kernelLog(ctx.netns, cmd) : undefined;
  return failed(out.stdout, out.error.stderr, out.error.status, {
    column: why ? targetColumn(args, cmd) : blamed(args, out.error.arg, out.error.stderr),
    ...(why ? { kernelLog: why } : {}),
  });
};

function failed(stdout: string, stderr: string, status: number, failure: { column?: number; kernelLog?: string }): CommandResult {
  return { ...result(stdout, stderr, status), failure };
}

/**
 * The word an error is about: a word it quotes (`unknown option "--dprot"`, `Chain 'NOPE' does not
 * exist`, `host/network \`10.0.0.300' not found`) at or after the option it was reading, else that option.
 */
function blamed(args: readonly Arg[], arg: number | undefined, stderr: string): number | undefined {
  const from = arg ?? 1;
  const quoted = [...stderr.matchAll(/"([^"\n]+)"|'([^'\n]+)'|`([^'\n]+)'/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
  for (const q of quoted) {
    const i = args.findIndex((a, k) => k >= from && a.text === q);
    if (i >= 0) return args[i]!.column;
  }
  if (arg === undefined || arg < 1) return undefined;
  // a target's own error (`DNAT: option "--to-destination" must be specified`) is about the target's name
  const jump = /^(-[jg]|--(jump|goto))$/.test(args[arg]?.text ?? '');
  return args[jump ? arg + 1 : arg]?.column ?? args[arg]?.column;
}

/** The target's name (`DNAT` of `-j DNAT`), where the kernel's refusal of a rule is about it. */
function targetColumn(args: readonly Arg[], cmd: IptablesCommand): number | undefined {
  const t = cmd.rule?.target;
  if (!t) return args[cmd.opArg]?.column;
  const w = args[t.arg]?.text ?? '';
  return (/^-[jg]$|^--(jump|goto)$|^--(j|ju|jum|g|go|got)$/.test(w) ? args[t.arg + 1] : args[t.arg])?.column;
}

/** The hooks in the kernel's order (textify_hooks prints them so). */
const HOOK_ORDER: readonly Hook[] = ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'];

/**
 * What the kernel logs when it refuses a rule's target (xt_check_target, seen in dmesg on Linux
 * 6.18): `x_tables: ip_tables: DNAT target: only valid in nat table, not filter`, or `used from
 * hooks INPUT, but only usable from PREROUTING/OUTPUT`. Undefined when the target is not why.
 */
function kernelLog(ns: Netns, cmd: IptablesCommand): string | undefined {
  const t = cmd.rule?.target?.module;
  if (!t || !isTable(cmd.table)) return undefined;
  const head = `x_tables: ip_tables: ${t.name} target: `;
  if (t.table && t.table !== cmd.table) return `${head}only valid in ${t.table} table, not ${cmd.table}`;
  // reject_tg_check: a reset is only for TCP (`-p tcp`, not inverted)
  const r = cmd.rule!;
  if (t.name === 'REJECT' && / tcp-reset\b/.test(t.save(r.target!.data)) && (r.proto !== 6 || r.protoInvert))
    return 'ipt_REJECT: TCP_RESET invalid for non-tcp';
  const chain = cmd.chain !== undefined ? iptablesOf(ns)?.table(cmd.table).chains.get(cmd.chain) : undefined;
  if (!chain || !t.hooks) return undefined;
  const used = chainHooks(iptablesOf(ns)!.table(cmd.table), chain);
  if ([...used].every((h) => t.hooks!.includes(h))) return undefined;
  const text = (hs: Iterable<Hook>) => HOOK_ORDER.filter((h) => [...hs].includes(h)).join('/');
  return `${head}used from hooks ${text(used)}, but only usable from ${text(t.hooks)}`;
}

export const iptablesSpec: CommandSpec = {
  names: ['iptables'],
  handler: iptablesCommand,
  summary: loc(
    "Shows and changes the namespace's netfilter rules: tables, chains, rules and policies (IPv4).",
    '네임스페이스의 넷필터 규칙(테이블, 체인, 규칙, 정책)을 보고 바꿉니다 (IPv4).',
  ),
  usage: loc(
    'iptables [-t TABLE] {-A|-C|-D|-I [N]|-R N} CHAIN RULE | -D CHAIN N | -S [CHAIN [N]] | -L [CHAIN] [-n] [-v] | -F|-Z|-X [CHAIN] | -N CHAIN | -P CHAIN TARGET | -E OLD NEW',
    'iptables [-t 테이블] {-A|-C|-D|-I [N]|-R N} 체인 규칙 | -D 체인 N | -S [체인 [N]] | -L [체인] [-n] [-v] | -F|-Z|-X [체인] | -N 체인 | -P 체인 타깃 | -E 이전 새이름',
  ),
  link: manPage('iptables.8'),
  explain: explainIptablesWord,
  forms: [
    {
      pattern: 'iptables -t nat -A POSTROUTING ...',
      doc: loc(
        "Adds a source NAT rule (MASQUERADE, SNAT): a connection's first packet leaving here gets a new source; replies are rewritten back.",
        '출발지 NAT 규칙(MASQUERADE, SNAT)을 추가합니다. 연결의 첫 패킷이 나갈 때 출발지가 바뀌고, 응답은 다시 되돌려집니다.',
      ),
    },
    {
      pattern: 'iptables -t nat -A PREROUTING ...',
      doc: loc(
        'Adds a destination NAT rule (DNAT, REDIRECT): port forwarding for connections that arrive here.',
        '목적지 NAT 규칙(DNAT, REDIRECT)을 추가합니다. 들어오는 연결의 포트 포워딩입니다.',
      ),
    },
    {
      pattern: 'iptables -P',
      doc: loc(
        "Sets a built-in chain's policy (ACCEPT or DROP): what happens to a packet no rule decided.",
        '기본 체인의 정책(ACCEPT 또는 DROP)을 정합니다. 어느 규칙도 결정하지 않은 패킷의 운명입니다.',
      ),
    },
    {
      pattern: 'iptables -S',
      doc: loc('Prints the rules as commands (`-P`, `-N`, `-A` lines).', '규칙을 명령 형태(`-P`, `-N`, `-A` 줄)로 출력합니다.'),
    },
  ],
};
