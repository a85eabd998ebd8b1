/** What the plugins share: their steps, the tree of their Corefile lines, plugin/pkg/fall. */
import { loc, type Localized } from '../../../text/i18n';
import type { SourceRange } from '../../../text/diag';
import type { CorefilePlugin, Prop } from '../../corefile';
import { matchZone } from '../msgs';
import type { BuildCtx, Built, Handler, Next, Req, Res } from '../types';

export type Builder = (p: CorefilePlugin, ctx: BuildCtx) => Built;

/** A step of plugin `h`, at `source` (its Corefile line unless told). */
export function say(
  req: Req,
  h: { name: string; source: SourceRange },
  detail: Localized,
  data?: Record<string, unknown>,
  source?: SourceRange,
): void {
  req.steps.push({ plugin: h.name, detail, source: source ?? h.source, ...(data ? { data } : {}) });
}

/** The range of a word of the tree. */
export function at(t: { line: number; col: number; endLine: number; endCol: number }, file: string): SourceRange {
  return { file, line: t.line, column: t.col, endLine: t.endLine, endColumn: Math.max(t.endCol, t.col + 1) };
}

/** The block properties of a plugin: name -> argument texts (the last one written wins), and each prop. */
export function props(p: CorefilePlugin): Prop[] {
  return p.tree.block ?? [];
}

export const words = (pr: Prop): string[] => pr.args.map((a) => a.text);

/** plugin.OriginsFromArgsOrServerBlock: the zones given (normalised), else the block's. */
export function origins(args: readonly string[], ctx: BuildCtx): string[] {
  if (!args.length) return [...ctx.zones];
  return args.map((a) => {
    const l = a.toLowerCase();
    return l.endsWith('.') ? l : `${l}.`;
  });
}

/** plugin/pkg/fall: `fallthrough [ZONES...]` (no zone: every name). */
export class Fall {
  constructor(readonly zones: readonly string[] = []) {}
  static from(args: readonly string[]): Fall {
    return new Fall(args.length ? args.map((a) => (a.toLowerCase().endsWith('.') ? a.toLowerCase() : `${a.toLowerCase()}.`)) : ['.']);
  }
  through(name: string): boolean {
    return matchZone(this.zones, name) !== '';
  }
}

/** A plugin that does nothing to a query but say what it would do, then call the next. */
export function passing(name: string, source: SourceRange, detail: Localized, data?: Record<string, unknown>): Handler {
  return {
    name,
    source,
    serve(req: Req, next: Next): Res {
      say(req, { name, source }, detail, data);
      return next(req);
    },
  };
}

/** A plugin knetlab reads but does not simulate: its step says so, and the answer is marked (data.notSimulated). */
export function notSimulated(p: CorefilePlugin, ctx: BuildCtx): Built {
  const source = { ...p.range, file: ctx.corefile };
  return {
    handler: passing(
      p.name,
      source,
      loc(
        `The ${p.name} plugin is only parsed, not simulated: the query goes on to the next plugin as if ${p.name} had nothing to say, which the real CoreDNS may not do.`,
        `${p.name} 플러그인은 읽기만 하고 시뮬레이션하지 않습니다. 질의는 ${p.name}에 할 말이 없는 것처럼 다음 플러그인으로 넘어가지만, 실제 CoreDNS는 다르게 답할 수 있습니다.`,
      ),
      { notSimulated: p.name },
    ),
  };
}

/** The source of a plugin's line in the Corefile. */
export function sourceOf(p: CorefilePlugin, ctx: BuildCtx): SourceRange {
  return { ...p.range, file: ctx.corefile };
}

/** A path as the plugin opens it: relative to the `root` plugin's directory when one is set. */
export function rooted(path: string, ctx: BuildCtx): string {
  if (path.startsWith('/') || !ctx.root) return path;
  return `${ctx.root.replace(/\/$/, '')}/${path}`;
}
