/**
 * `iptables-save` and `iptables-restore` (iptables 1.8.9, nf_tables): their options read as
 * getopt_long reads them, with the real tools' messages and exit statuses; the work itself is
 * netfilter/saveAll.ts and netfilter/restore.ts. iptables-restore reads its standard input (`< FILE`)
 * or the file it is given; a failure points at the run line's word (the file, else the command).
 */
import { loc } from '../text/i18n';
import type { Arg } from '../shell/expand';
import { ensureIptables, iptablesOf, isTable } from '../netfilter/index';
import { restoreIptables } from '../netfilter/restore';
import { saveTables } from '../netfilter/saveAll';
import { readFile } from './builtins';
import { type CommandHandler, type CommandResult, type CommandSpec, manPage, notSimulated, result } from './types';

interface OptDef {
  readonly short: string;
  readonly long: string;
  /** 'none', 'required', or 'optional' (`-w[SECONDS]`, `--wait=SECONDS` only). */
  readonly arg: 'none' | 'required' | 'optional';
}

type Parsed = { opts: Map<string, { value?: string; arg: Arg }>; rest: Arg[] } | { error: string };

/** getopt_long: clusters of short options, long options by unique prefix, `--` ends them; operands collected. */
function getopt(prog: string, args: readonly Arg[], defs: readonly OptDef[]): Parsed {
  const opts = new Map<string, { value?: string; arg: Arg }>();
  const rest: Arg[] = [];
  for (let i = 1; i < args.length; i++) {
    const a = args[i]!;
    const t = a.text;
    if (t === '--') {
      rest.push(...args.slice(i + 1));
      break;
    }
    if (t.startsWith('--')) {
      const eq = t.indexOf('=');
      const name = t.slice(2, eq < 0 ? undefined : eq);
      const hits = defs.filter((d) => d.long.startsWith(name));
      const d = hits.find((h) => h.long === name) ?? (hits.length === 1 ? hits[0] : undefined);
      if (!d) {
        if (hits.length > 1) return { error: `${prog}: option '--${name}' is ambiguous\n` };
        return { error: `${prog}: unrecognized option '${t}'\n` };
      }
      let value = eq >= 0 ? t.slice(eq + 1) : undefined;
      if (d.arg === 'none' && value !== undefined) return { error: `${prog}: option '--${d.long}' doesn't allow an argument\n` };
      if (d.arg === 'required' && value === undefined) {
        if (i + 1 >= args.length) return { error: `${prog}: option '--${d.long}' requires an argument\n` };
        value = args[++i]!.text;
      }
      opts.set(d.short, { ...(value !== undefined ? { value } : {}), arg: a });
      continue;
    }
    if (t.startsWith('-') && t.length > 1) {
      for (let k = 1; k < t.length; k++) {
        const d = defs.find((x) => x.short === t[k]);
        if (!d) return { error: `${prog}: invalid option -- '${t[k]}'\n` };
        if (d.arg === 'none') {
          opts.set(d.short, { arg: a });
          continue;
        }
        let value: string | undefined = t.slice(k + 1) || undefined;
        if (value === undefined && d.arg === 'required') {
          if (i + 1 >= args.length) return { error: `${prog}: option requires an argument -- '${d.short}'\n` };
          value = args[++i]!.text;
        }
        opts.set(d.short, { ...(value !== undefined ? { value } : {}), arg: a });
        break;
      }
      continue;
    }
    rest.push(a);
  }
  return { opts, rest };
}

const SAVE_OPTS: readonly OptDef[] = [
  { short: 'b', long: 'binary', arg: 'none' },
  { short: 'c', long: 'counters', arg: 'none' },
  { short: 'd', long: 'dump', arg: 'none' },
  { short: 't', long: 'table', arg: 'required' },
  { short: 'M', long: 'modprobe', arg: 'required' },
  { short: 'f', long: 'file', arg: 'required' },
  { short: 'V', long: 'version', arg: 'none' },
];

const SAVE_MAN = "Look at manual page `iptables-save.8' for more information.\n";

export const iptablesSaveCommand: CommandHandler = (ctx, args) => {
  const p = getopt('iptables-save', args, SAVE_OPTS);
  if ('error' in p) return result('', p.error + SAVE_MAN, 1);
  if (p.opts.has('V')) return result('iptables-save v1.8.9 (nf_tables)\n');
  const file = p.opts.get('f');
  if (file) return notSimulated('iptables-save -f', file.arg.column);
  if (p.rest.length > 0) return result('', 'Unknown arguments found on commandline\n', 1);
  const table = p.opts.get('t')?.value;
  if (table !== undefined && !isTable(table)) return failed('', `Table \`${table}' does not exist\n`, 1, p.opts.get('t')!.arg.column);
  return result(saveTables(iptablesOf(ctx.netns), { ...(table !== undefined ? { table } : {}), counters: p.opts.has('c') }));
};

const RESTORE_OPTS: readonly OptDef[] = [
  { short: 'b', long: 'binary', arg: 'none' },
  { short: 'c', long: 'counters', arg: 'none' },
  { short: 'v', long: 'verbose', arg: 'none' },
  { short: 'V', long: 'version', arg: 'none' },
  { short: 't', long: 'test', arg: 'none' },
  { short: 'h', long: 'help', arg: 'none' },
  { short: 'n', long: 'noflush', arg: 'none' },
  { short: 'w', long: 'wait', arg: 'optional' },
  { short: 'W', long: 'wait-interval', arg: 'required' },
  { short: 'M', long: 'modprobe', arg: 'required' },
  { short: 'T', long: 'table', arg: 'required' },
];

export const iptablesRestoreCommand: CommandHandler = (ctx, args) => {
  const p = getopt('iptables-restore', args, RESTORE_OPTS);
  if ('error' in p) return result('', p.error + "Try `iptables-restore -h' for more information.\n", 1);
  if (p.opts.has('V')) return result('iptables-restore v1.8.9 (nf_tables)\n');
  if (p.opts.has('h')) return notSimulated('iptables-restore -h', p.opts.get('h')!.arg.column);
  if (p.rest.length > 1) return result('', 'Unknown arguments found on commandline\n', 1);
  const fileArg = p.rest[0];
  let input = ctx.stdin;
  if (fileArg) {
    const text = readFile(ctx, fileArg.text);
    if (text === undefined) return failed('', `Can't open ${fileArg.text}: No such file or directory\n`, 1, fileArg.column);
    input = text;
  }
  const table = p.opts.get('T')?.value;
  const out = restoreIptables(
    ensureIptables(ctx.netns),
    input,
    {
      noflush: p.opts.has('n'),
      counters: p.opts.has('c'),
      test: p.opts.has('t'),
      verbose: p.opts.has('v'),
      ...(table !== undefined ? { table } : {}),
    },
    ctx.host.runOrigin,
  );
  const column = (fileArg ?? args[0])?.column ?? 0;
  if (out.notSimulated) return notSimulated(out.notSimulated, column, out.stdout);
  if (out.status === 0) return result(out.stdout);
  const file = fileArg ? (fileArg.text.startsWith('/') ? fileArg.text : `/root/${fileArg.text}`) : undefined;
  const at = out.line !== undefined ? { line: out.line, ...(file !== undefined ? { file } : {}) } : undefined;
  return failed(out.stdout, out.stderr, out.status, column, at);
};

function failed(stdout: string, stderr: string, status: number, column: number, input?: { line: number; file?: string }): CommandResult {
  return { ...result(stdout, stderr, status), failure: { column, ...(input ? { input } : {}) } };
}

export const iptablesSaveSpec: CommandSpec = {
  names: ['iptables-save'],
  handler: iptablesSaveCommand,
  summary: loc(
    "Prints the namespace's iptables tables in the format iptables-restore reads: `*table`, `:CHAIN POLICY [packets:bytes]`, `-A` rules, `COMMIT`.",
    '네임스페이스의 iptables 테이블을 iptables-restore가 읽는 형식(`*테이블`, `:체인 정책 [패킷:바이트]`, `-A` 규칙, `COMMIT`)으로 출력합니다.',
  ),
  usage: loc('iptables-save [-c] [-t TABLE]', 'iptables-save [-c] [-t 테이블]'),
  link: manPage('iptables-save.8'),
  forms: [
    {
      pattern: 'iptables-save -c',
      doc: loc(
        "Adds each rule's counters before it (`[packets:bytes] -A ...`), as iptables-restore -c reads them back.",
        '규칙마다 카운터를 앞에 붙입니다(`[패킷:바이트] -A ...`). iptables-restore -c가 그대로 다시 읽습니다.',
      ),
    },
    {
      pattern: 'iptables-save -t',
      doc: loc(
        'Prints only that table, with its built-in chains even if nothing was ever written to it.',
        '그 테이블만 출력합니다. 아무것도 쓴 적이 없어도 기본 체인과 함께 출력합니다.',
      ),
    },
  ],
};

export const iptablesRestoreSpec: CommandSpec = {
  names: ['iptables-restore'],
  handler: iptablesRestoreCommand,
  summary: loc(
    "Loads iptables rules in iptables-save's format from standard input or a file; each table is applied at its COMMIT, all or nothing.",
    'iptables-save 형식의 규칙을 표준 입력이나 파일에서 읽어 적용합니다. 테이블마다 COMMIT에서 한꺼번에 적용되고, 하나라도 실패하면 그 테이블은 아무것도 바뀌지 않습니다.',
  ),
  usage: loc('iptables-restore [-n] [-c] [-T TABLE] [FILE]', 'iptables-restore [-n] [-c] [-T 테이블] [파일]'),
  link: manPage('iptables-restore.8'),
  forms: [
    {
      pattern: 'iptables-restore -n',
      doc: loc(
        "--noflush: keeps the table's rules and adds the file's; without it each table named in the input is emptied first.",
        '--noflush: 테이블의 기존 규칙을 지우지 않고 입력의 규칙을 더합니다. 이 옵션이 없으면 입력에 나온 테이블을 먼저 비웁니다.',
      ),
    },
    {
      pattern: 'iptables-restore -c',
      doc: loc(
        'Sets the counters given as `[packets:bytes]` before rules and after policies.',
        '규칙 앞과 정책 뒤에 `[패킷:바이트]`로 적힌 카운터를 그대로 설정합니다.',
      ),
    },
    {
      pattern: 'iptables-restore -T',
      doc: loc(
        "Applies only that table's section of the input; the others are skipped.",
        '입력에서 그 테이블 부분만 적용하고 나머지는 건너뜁니다.',
      ),
    },
  ],
};
