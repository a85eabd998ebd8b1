/**
 * template (plugin/template): every `template CLASS TYPE [ZONES...] { match REGEX..., answer RR,
 * additional RR, authority RR, rcode CODE, fallthrough [ZONES...] }` line of a block is one template of
 * one plugin. A question in a template's zones, of its class and type (ANY matches all), whose name
 * matches one of its regexes (`.*` by default) is answered with the records the Go templates give
 * (read as one zone file line each, TTL 3600 when none), AA set, the template's rcode (SERVFAIL is
 * returned, not written); with `upstream`, a CNAME answered to an A or AAAA question is followed
 * through this server. A name that matches no regex is passed on with fallthrough, else SERVFAIL.
 * The Go template subset read: `{{ .Name }}`, `{{ .Zone }}`, `{{ .Type }}`, `{{ .Class }}`,
 * `{{ .Remote }}`, `{{ index .Match N }}`, `{{ .Group.NAME }}`, `{{ index .Group "NAME" }}`; anything
 * else is an execution error (SERVFAIL), said as such.
 */
import { loc } from '../../../text/i18n';
import type { CorefilePlugin } from '../../corefile';
import type { Rcode, RR } from '../../msg';
import { parseZone } from '../../zone/parse';
import { fromZone, matchZone, qname, setReply } from '../msgs';
import { after, type Built, type Next, type Req, type Res } from '../types';
import { type Builder, Fall, props, say, sourceOf, words } from './common';

interface Template {
  readonly cls: string;
  readonly type: string;
  readonly zones: readonly string[];
  readonly regex: readonly RegExp[];
  readonly answer: readonly string[];
  readonly additional: readonly string[];
  readonly authority: readonly string[];
  readonly rcode: Rcode | string;
  readonly fall: Fall;
  readonly upstream: boolean;
  readonly line: CorefilePlugin;
}

interface Data {
  readonly Name: string;
  readonly Zone: string;
  readonly Type: string;
  readonly Class: string;
  readonly Remote: string;
  readonly Match: readonly string[];
  readonly Group: Readonly<Record<string, string>>;
}

/** Runs the Go template subset over `data`: the text, or the action it cannot run. */
export function execute(tpl: string, data: Data): { text: string } | { error: string } {
  let bad: string | undefined;
  const text = tpl.replace(/\{\{-?\s*(.*?)\s*-?\}\}/g, (_all, action: string) => {
    const field = /^\.(Name|Zone|Type|Class|Remote)$/.exec(action);
    if (field) return data[field[1] as 'Name'];
    const idx = /^index\s+\.Match\s+(\d+)$/.exec(action);
    if (idx) {
      const v = data.Match[Number(idx[1])];
      if (v === undefined) bad ??= `error calling index: index out of range: ${idx[1]}`;
      return v ?? '';
    }
    const group = /^\.Group\.(\w+)$/.exec(action) ?? /^index\s+\.Group\s+"([^"]*)"$/.exec(action);
    if (group) return data.Group[group[1]!] ?? '';
    bad ??= `the template action {{ ${action} }} is not simulated`;
    return '';
  });
  return bad ? { error: bad } : { text };
}

function templateOf(p: CorefilePlugin, zonesDefault: readonly string[]): Template {
  const [cls = 'IN', type = 'ANY', ...zs] = p.args;
  const t = {
    cls: cls.toUpperCase(),
    type: type.toUpperCase(),
    zones: zs.length ? zs.map((z) => (z.toLowerCase().endsWith('.') ? z.toLowerCase() : `${z.toLowerCase()}.`)) : zonesDefault,
    regex: [] as RegExp[],
    answer: [] as string[],
    additional: [] as string[],
    authority: [] as string[],
    rcode: 'NOERROR',
    fall: new Fall(),
    upstream: false,
    line: p,
  };
  for (const pr of props(p)) {
    const w = words(pr);
    switch (pr.name.text) {
      case 'match':
        for (const r of w) {
          try {
            t.regex.push(new RegExp(r.replace(/\(\?P</g, '(?<')));
          } catch {
            /* refused by the Corefile check */
          }
        }
        break;
      case 'answer':
      case 'additional':
      case 'authority':
        t[pr.name.text].push(...w);
        break;
      case 'rcode':
        t.rcode = (w[0] ?? 'NOERROR').toUpperCase();
        break;
      case 'fallthrough':
        t.fall = Fall.from(w);
        break;
      case 'upstream':
        t.upstream = true;
        break;
    }
  }
  if (!t.regex.length) t.regex.push(/.*/);
  return t;
}

export const template: Builder = (p, ctx): Built => {
  const source = sourceOf(p, ctx);
  const templates = (ctx.all ?? [p]).filter((x) => x.name === 'template').map((x) => templateOf(x, ctx.zones));
  const zones = templates.flatMap((t) => t.zones);
  const handler = {
    name: 'template',
    source,
    serve(req: Req, next: Next): Res {
      const name = qname(req.msg);
      if (matchZone(zones, name) === '') return next(req);
      const q = req.msg.question[0]!;
      const qcls = q.cls.toUpperCase();
      const qt = q.type.toUpperCase();
      for (const t of templates) {
        const me = { name: 'template', source: sourceOf(t.line, ctx) };
        const zone = matchZone(t.zones, name);
        const kindOk =
          zone !== '' && (t.cls === 'ANY' || qcls === 'ANY' || qcls === t.cls) && (t.type === 'ANY' || qt === 'ANY' || qt === t.type);
        if (!kindOk) continue;
        const re = t.regex.find((r) => r.test(name));
        if (!re) {
          if (t.fall.through(name)) continue;
          say(
            req,
            me,
            loc(
              `${name} matches none of the template's regexes and there is no fallthrough: SERVFAIL.`,
              `이름 ${name}: 템플릿의 정규식 어디에도 맞지 않고 fallthrough도 없어 SERVFAIL입니다.`,
            ),
            { rcode: 'SERVFAIL' },
          );
          return { kind: 'code', rcode: 'SERVFAIL' };
        }
        const m = re.exec(name)!;
        const data: Data = {
          Name: name,
          Zone: zone,
          Type: qt === 'ANY' ? t.type : qt,
          Class: qcls === 'ANY' ? t.cls : qcls,
          Remote: req.query.client.addr,
          Match: [...m].map((x) => x ?? ''),
          Group: { ...Object.fromEntries([...m].map((x, i) => [String(i), x ?? ''])), ...(m.groups ?? {}) },
        };
        if (t.rcode === 'SERVFAIL') {
          say(
            req,
            me,
            loc(`${name} matches ${re.source}: rcode SERVFAIL.`, `이름 ${name}: ${re.source}에 맞아 응답 코드 SERVFAIL입니다.`),
            { rcode: 'SERVFAIL' },
          );
          return { kind: 'code', rcode: 'SERVFAIL' };
        }
        const sections: Record<'answer' | 'additional' | 'authority', RR[]> = { answer: [], additional: [], authority: [] };
        for (const section of ['answer', 'additional', 'authority'] as const) {
          for (const tpl of t[section]) {
            const out = execute(tpl, data);
            if ('error' in out) {
              say(
                req,
                me,
                loc(
                  `The ${section} template fails: ${out.error}; SERVFAIL.`,
                  `${section} 템플릿 실행이 실패해 SERVFAIL입니다: ${out.error}`,
                ),
                { rcode: 'SERVFAIL' },
              );
              return { kind: 'code', rcode: 'SERVFAIL', err: out.error };
            }
            const parsed = parseZone(`$TTL 3600\n${out.text}\n`, { origin: '.', file: me.source.file });
            const bad = parsed.diagnostics.find((d) => d.severity === 'error' && d.code !== 'zone-soa');
            if (bad || parsed.records.length !== 1) {
              const why = bad?.message.en ?? `not one record: ${out.text}`;
              say(
                req,
                me,
                loc(
                  `The ${section} record "${out.text}" does not parse (${why}): SERVFAIL.`,
                  `${section} 레코드 줄을 읽을 수 없어 SERVFAIL입니다: "${out.text}" (${bad?.message.ko ?? why})`,
                ),
                { rcode: 'SERVFAIL' },
              );
              return { kind: 'code', rcode: 'SERVFAIL', err: why };
            }
            sections[section].push({ ...fromZone(parsed.records[0]!), source: me.source });
          }
        }
        say(
          req,
          me,
          loc(
            `${name} matches ${re.source}: ${t.rcode} with ${sections.answer.length} answer(s) from the template.`,
            `이름 ${name}: ${re.source}에 맞아 템플릿에서 만든 답 ${sections.answer.length}개와 함께 ${t.rcode} 응답을 씁니다.`,
          ),
          { rcode: t.rcode },
        );
        const rcode = (
          ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED'].includes(t.rcode) ? t.rcode : 'NOERROR'
        ) as Rcode;
        const base = { ...setReply(req.msg), aa: true, rcode, additional: sections.additional, authority: sections.authority };
        // `upstream`: each CNAME answered to an A or AAAA question is followed through this server, its answers appended
        const follow = (i: number, answer: RR[]): Res => {
          const rr = sections.answer[i];
          if (!rr) return { kind: 'write', msg: { ...base, answer } };
          if (!t.upstream || (qt !== 'A' && qt !== 'AAAA') || rr.data.type !== 'CNAME') return follow(i + 1, [...answer, rr]);
          const target = rr.data.target;
          say(req, me, loc(`upstream: asks this server for ${target} ${qt}.`, `upstream: 이 서버에 ${target} ${qt} 레코드를 묻습니다.`));
          return after(req.self(target, qt), (r) => follow(i + 1, [...answer, rr, ...(r.kind === 'write' ? r.msg.answer : [])]));
        };
        return follow(0, []);
      }
      return next(req);
    },
  };
  return { handler };
};
