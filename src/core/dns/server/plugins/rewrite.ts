/**
 * rewrite (plugin/rewrite): every `rewrite` line of a block is one rule of one plugin, tried in order.
 * `name [exact|prefix|suffix|substring|regex] FROM TO [answer auto | answer name FROM TO | answer
 * value FROM TO]...` changes the question's name (lower-cased, as state.Name() gives it; a regex's
 * `{1}` takes its groups); exact rules always map the answer back, `answer auto` asks the same of the
 * others (a suffix rule swaps its suffixes back), `answer name` and `answer value` rewrite owner names
 * and record targets by regex. `type FROM TO` and `class FROM TO` change the question's type or class.
 * A rule that matched ends the rules (`stop`, the default) or lets the next try (`continue`). The
 * client always gets its own question back. Other rule kinds (edns0, ttl, cname, rcode) are parsed
 * only: a step says so and the answer is marked.
 */
import { loc } from '../../../text/i18n';
import type { CorefilePlugin } from '../../corefile';
import type { DnsMessage, RR } from '../../msg';
import { isDomainName } from '../../zone/names';
import type { RData } from '../../zone/types';
import { after, type Built, type Next, type Req, type Res } from '../types';
import { type Builder, say, sourceOf } from './common';

type Rewriter = (s: string) => string;

interface Rule {
  readonly text: string;
  readonly stop: boolean;
  /** The question changed, with the answer rewriters it brings; undefined when the rule does not match. */
  apply(m: DnsMessage): { msg: DnsMessage; names: Rewriter[]; values: Rewriter[] } | undefined;
  readonly notSimulated?: boolean;
}

const fq = (s: string) => {
  const l = s.toLowerCase();
  return l.endsWith('.') ? l : `${l}.`;
};

/** A Go regexp as a JS one (the subset labs use: groups, classes, anchors). */
function goRe(src: string): RegExp | undefined {
  try {
    return new RegExp(src.replace(/\(\?P</g, '(?<'));
  } catch {
    return undefined;
  }
}

function regexRewriter(from: string, to: string): Rewriter {
  const re = goRe(from);
  return (s) => {
    const m = re?.exec(s);
    if (!m) return s;
    let out = to;
    m.forEach((g, i) => (out = out.split(`{${i}}`).join(g ?? '')));
    return out;
  };
}

/** The words of a rewrite line: with fewer than two on its line, the block's words too (as setup.go reads them). */
function lineWords(p: CorefilePlugin): string[] {
  if (p.args.length >= 2) return [...p.args];
  const out = [...p.args];
  const walk = (ps: NonNullable<CorefilePlugin['tree']['block']>) => {
    for (const x of ps) {
      out.push(x.name.text, ...x.args.map((a) => a.text));
      if (x.block) walk(x.block);
    }
  };
  walk(p.tree.block ?? []);
  return out;
}

function withQuestion(m: DnsMessage, q: Partial<DnsMessage['question'][number]>): DnsMessage {
  return { ...m, question: [{ ...m.question[0]!, ...q }] };
}

function nameRule(text: string, stop: boolean, args: string[]): Rule {
  const type = args.length === 2 ? 'exact' : args[0]!.toLowerCase();
  const [fromRaw, toRaw] = args.length === 2 ? [args[0]!, args[1]!] : [args[1]!, args[2]!];
  const from = type === 'regex' ? fromRaw : type === 'exact' || type === 'suffix' ? fq(fromRaw) : fromRaw.toLowerCase();
  const to = type === 'exact' || type === 'suffix' ? fq(toRaw) : toRaw.toLowerCase();
  const opts = args.slice(3);
  let auto = type === 'exact';
  const statNames: Rewriter[] = [];
  const statValues: Rewriter[] = [];
  for (let i = 0; i < opts.length; i++) {
    if (opts[i] === 'answer') continue;
    if (opts[i] === 'auto') auto = true;
    else if (opts[i] === 'name' || opts[i] === 'value') {
      // setup.go normalises the replacement: lower case, a final dot
      (opts[i] === 'name' ? statNames : statValues).push(regexRewriter(opts[i + 1] ?? '', fq(opts[i + 2] ?? '')));
      i += 2;
    }
  }
  const re = type === 'regex' ? goRe(from) : undefined;
  const rename = (name: string): string | undefined => {
    switch (type) {
      case 'exact':
        return name === from ? to : undefined;
      case 'prefix':
        return name.startsWith(from) ? to + name.slice(from.length) : undefined;
      case 'suffix':
        return name.endsWith(from) ? name.slice(0, name.length - from.length) + to : undefined;
      case 'substring':
        return name.includes(from) ? name.split(from).join(to) : undefined;
      case 'regex': {
        const m = re?.exec(name);
        if (!m) return undefined;
        let s = toRaw;
        m.forEach((g, i) => (s = s.split(`{${i}}`).join(g ?? '')));
        return fq(s);
      }
      default:
        return undefined;
    }
  };
  return {
    text,
    stop,
    apply(m) {
      const orig = (m.question[0]?.name ?? '.').toLowerCase();
      const next = rename(orig);
      if (next === undefined) return undefined;
      const names = [...statNames];
      const values = [...statValues];
      if (auto) {
        const back: Rewriter =
          type === 'suffix'
            ? (s) => (s.endsWith(to) ? s.slice(0, s.length - to.length) + from : s)
            : (s) => (s === next ? orig : s.endsWith(`.${next}`) ? s.slice(0, s.length - next.length) + orig : s);
        names.unshift(back);
        values.unshift(back);
      }
      return { msg: withQuestion(m, { name: next }), names, values };
    },
  };
}

function fieldRule(text: string, stop: boolean, field: 'type' | 'cls', from: string, to: string): Rule {
  return {
    text,
    stop,
    apply(m) {
      const q = m.question[0]!;
      if (q[field].toUpperCase() !== from.toUpperCase()) return undefined;
      return { msg: withQuestion(m, { [field]: to.toUpperCase() }), names: [], values: [] };
    },
  };
}

function ruleOf(p: CorefilePlugin): Rule {
  let w = lineWords(p);
  let stop = true;
  if (w[0] === 'continue' || w[0] === 'stop') {
    stop = w[0] === 'stop';
    w = w.slice(1);
  }
  const text = `rewrite ${lineWords(p).join(' ')}`;
  const [field, ...args] = w;
  if (field === 'name') return nameRule(text, stop, args);
  if (field === 'type') return fieldRule(text, stop, 'type', args[0] ?? '', args[1] ?? '');
  if (field === 'class') return fieldRule(text, stop, 'cls', args[0] ?? '', args[1] ?? '');
  return { text, stop, notSimulated: true, apply: () => undefined };
}

function retarget(d: RData, f: Rewriter): RData {
  switch (d.type) {
    case 'CNAME':
    case 'PTR':
      return { ...d, target: f(d.target) };
    case 'NS':
      return { ...d, host: f(d.host) };
    case 'MX':
      return { ...d, exchange: f(d.exchange) };
    case 'SRV':
      return { ...d, target: f(d.target) };
    case 'SOA':
      return { ...d, mname: f(d.mname), rname: f(d.rname) };
    default:
      return d;
  }
}

export const rewrite: Builder = (p, ctx): Built => {
  const lines = (ctx.all ?? [p]).filter((x) => x.name === 'rewrite');
  const rules = lines.map((l) => ({ rule: ruleOf(l), source: sourceOf(l, ctx) }));
  const source = sourceOf(p, ctx);
  const handler = {
    name: 'rewrite',
    source,
    serve(req: Req, next: Next): Res {
      let msg = req.msg;
      const names: Rewriter[] = [];
      const values: Rewriter[] = [];
      for (const { rule, source: at } of rules) {
        const me = { name: 'rewrite', source: at };
        if (rule.notSimulated) {
          say(
            req,
            me,
            loc(
              `${rule.text}: this kind of rule is only parsed, not simulated.`,
              `${rule.text}: 이 종류의 규칙은 읽기만 하고 시뮬레이션하지 않습니다.`,
            ),
            {
              notSimulated: 'rewrite',
            },
          );
          continue;
        }
        const done = rule.apply(msg);
        if (!done) continue;
        const q = done.msg.question[0]!;
        if (!isDomainName(q.name)) {
          say(
            req,
            me,
            loc(
              `${rule.text}: the new name ${q.name} is not a domain name: SERVFAIL.`,
              `${rule.text}: 새 이름이 도메인 이름이 아니어서 SERVFAIL입니다: ${q.name}`,
            ),
          );
          return { kind: 'code', rcode: 'SERVFAIL', err: `invalid name after rewrite: ${q.name}` };
        }
        const was = msg.question[0]!;
        say(
          req,
          me,
          loc(
            `${rule.text}: the question ${was.name} ${was.cls} ${was.type} becomes ${q.name} ${q.cls} ${q.type}${rule.stop ? '; stop' : '; continue'}.`,
            `${rule.text}: 질문을 바꿉니다: ${was.name} ${was.cls} ${was.type} → ${q.name} ${q.cls} ${q.type}${rule.stop ? ' (stop)' : ' (continue)'}.`,
          ),
          { from: was.name, to: q.name },
        );
        msg = done.msg;
        names.push(...done.names);
        values.push(...done.values);
        if (rule.stop) break;
      }
      if (msg === req.msg) return next(req);
      const original = req.msg.question[0]!;
      return after(next({ ...req, msg }), (r) => {
        if (r.kind !== 'write') return r;
        const back = (rr: RR): RR => {
          let name = rr.name;
          let data = rr.data;
          for (let i = names.length - 1; i >= 0; i--) name = names[i]!(name);
          for (let i = values.length - 1; i >= 0; i--) data = retarget(data, values[i]!);
          return { ...rr, name, data };
        };
        const m = r.msg;
        const out: DnsMessage = {
          ...m,
          question: [original],
          answer: m.answer.map(back),
          authority: m.authority.map(back),
          additional: m.additional.map(back),
        };
        say(
          req,
          { name: 'rewrite', source },
          loc(
            `The reply gets the client's question back${names.length ? ' and its names rewritten back' : ' (its records keep the rewritten names)'}.`,
            `응답의 질문을 클라이언트가 보낸 것으로 되돌립니다${names.length ? '. 레코드의 이름도 되돌립니다' : ' (레코드는 바뀐 이름을 그대로 가집니다)'}.`,
          ),
        );
        return { kind: 'write', msg: out };
      });
    },
  };
  return { handler };
};
