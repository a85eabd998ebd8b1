/**
 * `iptables`: reads the line as iptables 1.8.9 (nf_tables) does (netfilter/parse.ts) and runs it
 * against the namespace's tables (netfilter/apply.ts), with the real tool's output, messages and
 * exit statuses. The rule keeps the run line that wrote it, for the trace. `-h` is not simulated;
 * ip6tables stays a real tool the simulator does not run.
 */
import { loc } from '../text/i18n';
import { applyIptables, parseIptables } from '../netfilter/index';
import { usageError } from '../netfilter/errors';
import { type CommandHandler, type CommandSpec, manPage, notSimulated, result } from './types';

export const iptablesCommand: CommandHandler = (ctx, args) => {
  const parsed = parseIptables(args.map((a) => a.text));
  const column = (i: number | undefined) => args[i ?? 0]?.column ?? args[0]?.column ?? 0;
  if (!parsed.ok) {
    if ('notSimulated' in parsed) return notSimulated(parsed.notSimulated, column(parsed.arg));
    const e = usageError(parsed.message, parsed.arg, parsed.bare, parsed.hintOnly);
    return result('', e.stderr, e.status);
  }
  const cmd = parsed.command;
  if (cmd.op === 'h') return notSimulated('iptables -h', column(cmd.opArg));
  const out = applyIptables(ctx.netns, cmd, ctx.host.runOrigin);
  return out.error ? result(out.stdout, out.error.stderr, out.error.status) : result(out.stdout);
};

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
