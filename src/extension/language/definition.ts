/**
 * Go to definition in a lab file: a switch name (in `interfaces:`) to its entry under `switches:`,
 * a host name (in checks' `from:`/`on:`) to its key under `hosts:`, a namespace name (in
 * `ip netns exec NS`, `ip -n NS`, `ip link set DEV netns NS`, a check's `host/NS`, `serve: [NS:...]`)
 * to the run line `ip netns add NS` of the same host.
 */
import { checkEndpoints, type HostSpec, type Lab } from '../../core';
import { lineAt, type Pos, rangeContains, type Span, spanOf, wordAt } from './span';

export interface DefinitionResult {
  /** The name under the cursor. */
  readonly origin: Span;
  readonly target: Span;
}

const NAME = /[A-Za-z0-9_.-]/;

/** Where the run lines of `host` create namespace `ns`: the name in `ip netns add NS`. */
export function netnsDeclaration(host: HostSpec, ns: string): Span | undefined {
  for (const line of host.run) {
    const m = /\bip\s+netns\s+add\s+(\S+)/.exec(line.text);
    if (!m || m[1] !== ns || line.range.line !== line.range.endLine) continue;
    const at = m.index + m[0].length - m[1].length;
    const r = spanOf(line.range);
    return {
      start: { line: r.start.line, character: r.start.character + at },
      end: { line: r.start.line, character: r.start.character + at + ns.length },
    };
  }
  return undefined;
}

/** The namespace a run line names at `offset` (`ip netns exec NS`, `ip -n NS`, `... netns NS`, `ip netns add/del NS`). */
export function netnsNamedAt(lineText: string, offset: number): string | undefined {
  for (const m of lineText.matchAll(/\b(?:ip\s+netns\s+(?:exec|del|delete|pids|identify)|ip\s+(?:-n|-netns)|\bnetns)\s+([^\s;|&]+)/g)) {
    const s = m.index + m[0].length - m[1]!.length;
    if (offset >= s && offset <= s + m[1]!.length) return m[1];
  }
  return undefined;
}

export function definitionAt(lab: Lab | undefined, text: string, pos: Pos): DefinitionResult | undefined {
  if (!lab) return undefined;
  const w = wordAt(text, pos, NAME);
  if (!w) return undefined;
  const hostByName = (n: string) => lab.hosts.find((h) => h.name === n);

  // interfaces: eth0: lan1 (or { switch: lan1 })
  for (const h of lab.hosts) {
    for (const i of h.interfaces) {
      if (!rangeContains(i.switchRange, pos)) continue;
      const sw = lab.switches.find((s) => s.name === i.switch);
      return sw ? { origin: spanOf(i.switchRange), target: spanOf(sw.range) } : undefined;
    }
  }

  // checks' from: / on: (HOST or HOST/NS)
  for (const ex of lab.exercises) {
    for (const c of ex.checks) {
      for (const { endpoint: ep, range } of checkEndpoints(c)) {
        if (!rangeContains(range, pos)) continue;
        const h = hostByName(ep.host);
        if (!h) return undefined;
        if (w.text === ep.netns && ep.netns) {
          const decl = netnsDeclaration(h, ep.netns);
          return decl ? { origin: w.span, target: decl } : undefined;
        }
        return w.text === ep.host ? { origin: w.span, target: spanOf(h.range) } : undefined;
      }
    }
  }

  // serve: [blue:tcp/80]
  for (const h of lab.hosts) {
    for (const s of h.serve) {
      if (s.netns && w.text === s.netns && rangeContains(s.range, pos)) {
        const decl = netnsDeclaration(h, s.netns);
        return decl ? { origin: w.span, target: decl } : undefined;
      }
    }
  }

  // run lines: ip netns exec red ..., ip -n red ..., ip link set veth-red netns red
  for (const h of lab.hosts) {
    for (const line of h.run) {
      if (line.range.line !== line.range.endLine || !rangeContains(line.range, pos)) continue;
      const lineText = lineAt(text, pos.line);
      const ns = netnsNamedAt(lineText, pos.character);
      if (!ns || ns !== w.text) return undefined;
      const decl = netnsDeclaration(h, ns);
      return decl ? { origin: w.span, target: decl } : undefined;
    }
  }
  return undefined;
}
