/** The outline of a lab file: switches, hosts (their interfaces, how many run lines), exercises (their checks). */
import { corefileOutline, type Lab, type Lang, loc, type OutlineItem, type OutlineKind, pick, type SourceRange } from '../../core';
import { type Span, spanOf } from './span';

export type SymbolKind = 'switch' | 'host' | 'interface' | 'exercise' | 'check' | OutlineKind;

export interface LabSymbol {
  readonly name: string;
  readonly detail: string;
  readonly kind: SymbolKind;
  /** The whole element. */
  readonly span: Span;
  /** Its name, inside `span`. */
  readonly selection: Span;
  readonly children: LabSymbol[];
}

function cover(first: SourceRange, ...rest: (SourceRange | undefined)[]): Span {
  const s = spanOf(first);
  let end = s.end;
  for (const r of rest) {
    if (!r) continue;
    const e = spanOf(r).end;
    if (e.line > end.line || (e.line === end.line && e.character > end.character)) end = e;
  }
  return { start: s.start, end };
}

export function labSymbols(lab: Lab | undefined, lang: Lang): LabSymbol[] {
  if (!lab) return [];
  const out: LabSymbol[] = [];
  for (const sw of lab.switches) {
    const users = lab.hosts.flatMap((h) => h.interfaces.filter((i) => i.switch === sw.name).map((i) => `${h.name}:${i.name}`));
    out.push({
      name: sw.name,
      detail: pick(loc('switch', '스위치'), lang) + (users.length ? ` · ${users.join(', ')}` : ''),
      kind: 'switch',
      span: spanOf(sw.range),
      selection: spanOf(sw.range),
      children: [],
    });
  }
  for (const h of lab.hosts) {
    const children: LabSymbol[] = h.interfaces.map((i) => ({
      name: i.name,
      detail: i.switch,
      kind: 'interface',
      span: cover(i.range, i.switchRange),
      selection: spanOf(i.range),
      children: [],
    }));
    const parts = [
      ...h.interfaces.map((i) => i.range),
      ...h.run.map((r) => r.range),
      ...h.serve.map((s) => s.range),
      ...h.files.map((f) => f.range),
    ];
    out.push({
      name: h.name,
      detail: pick(
        loc(
          `${h.interfaces.length} interface(s), ${h.run.length} run line(s)`,
          `인터페이스 ${h.interfaces.length}개, run 줄 ${h.run.length}개`,
        ),
        lang,
      ),
      kind: 'host',
      span: cover(h.range, ...parts),
      selection: spanOf(h.range),
      children,
    });
  }
  for (const ex of lab.exercises) {
    const children: LabSymbol[] = ex.checks.map((c, i) => {
      const a = (c.args ?? {}) as Record<string, unknown>;
      const summary = ['from', 'on', 'to', 'proto', 'port']
        .filter((k) => a[k] !== undefined)
        .map((k) => `${k}: ${String(a[k])}`)
        .join(', ');
      return {
        name: `${i + 1}. ${c.kind}`,
        detail: summary,
        kind: 'check',
        span: cover(c.range, c.extent),
        selection: spanOf(c.range),
        children: [],
      };
    });
    out.push({
      name: ex.id,
      detail: (ex.title ? pick(ex.title, lang) + ' · ' : '') + pick(loc(`${ex.points} pt`, `${ex.points}점`), lang),
      kind: 'exercise',
      span: cover(ex.range, ...ex.checks.map((c) => c.extent ?? c.range)),
      selection: spanOf(ex.range),
      children,
    });
  }
  return out;
}

/** The core's outline of a DNS file (core view/dnsTypes.ts) as the editor's symbols. */
export function outlineSymbols(items: readonly OutlineItem[]): LabSymbol[] {
  return items.map((i) => ({
    name: i.name,
    detail: i.detail,
    kind: i.kind,
    span: spanOf(i.range),
    selection: spanOf(i.selection),
    children: outlineSymbols(i.children),
  }));
}

/** A Corefile's outline: its server blocks (zones) and snippets, the plugins in each, their properties. */
export function corefileSymbols(text: string, lang: Lang = 'en'): LabSymbol[] {
  return outlineSymbols(corefileOutline(text, lang));
}
