/**
 * Quick fixes, only where the fix is certain: a misspelt key, switch, check kind or namespace the
 * checker recognised ("did you mean"), `ip link set DEV up` for an interface the run lines created
 * and left down when a check that wants its packet answered (its kind says so: reach) fails on it,
 * and IP forwarding on a router others route through.
 */
import {
  type Diagnostic,
  findCheckKind,
  type HostSpec,
  type Lab,
  type Link,
  loc,
  type Localized,
  networkOf,
  parseAddr,
  parseEndpoint,
  prefixContains,
  type RunLine,
  resolveTo,
  tracePacket,
  type TraceResult,
  type World,
} from '../../core';
import type { LabAnalysis } from './analysis';
import { intersects, lineAt, type Span, spanOf, textIn } from './span';
import { eulreul, ro } from '../../core/text/particle';

export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

export interface CodeFix {
  readonly title: Localized;
  readonly edits: TextEdit[];
  /** The diagnostic this fix resolves, if any. */
  readonly diagnostic?: Diagnostic;
  readonly preferred: boolean;
}

const DID_YOU_MEAN = new Set(['unknown-key', 'unknown-switch', 'unknown-check-kind', 'unknown-netns']);

export function codeFixes(a: LabAnalysis, diagnostics: readonly Diagnostic[], span: Span): CodeFix[] {
  const out: CodeFix[] = [];
  for (const d of diagnostics) {
    if (!intersects(spanOf(d), span)) continue;
    if (DID_YOU_MEAN.has(d.code)) out.push(...didYouMeanFix(a.text, d));
    if (d.code === 'forwarding-off' && a.lab) out.push(...forwardingFix(a.text, a.lab, d));
  }
  out.push(...bringUpFixes(a, span));
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The misspelt name and the checker's suggestion, both quoted in the English message. */
export function didYouMeanFix(text: string, d: Diagnostic): CodeFix[] {
  const hint = /did you mean "([^"]+)"/.exec(d.message.en)?.[1];
  const wrong = /"([^"]+)"/.exec(d.message.en)?.[1];
  if (!hint || !wrong || hint === wrong) return [];
  const span = spanOf(d);
  if (span.start.line !== span.end.line) return [];
  const here = textIn(text, span);
  // The word must occur once in the diagnostic's range, as a whole name.
  const hits = [...here.matchAll(new RegExp(`(?<![A-Za-z0-9_.-])${escapeRe(wrong)}(?![A-Za-z0-9_-])`, 'g'))];
  if (hits.length !== 1) return [];
  const at = span.start.character + hits[0]!.index;
  return [
    {
      title: loc(`Change "${wrong}" to "${hint}"`, `${eulreul(`"${wrong}"`)} ${ro(`"${hint}"`)} 바꾸기`),
      edits: [
        {
          span: { start: { line: span.start.line, character: at }, end: { line: span.start.line, character: at + wrong.length } },
          newText: hint,
        },
      ],
      diagnostic: d,
      preferred: true,
    },
  ];
}

/** A new run line after `after`, indented as it is (a `run: |` block or a `- ` list item). */
export function insertRunLine(text: string, after: RunLine, command: string): TextEdit | undefined {
  const r = spanOf(after.range);
  if (r.start.line !== r.end.line) return undefined;
  const line = lineAt(text, r.start.line);
  const lead = line.slice(0, r.start.character);
  let prefix: string;
  let suffix = '';
  const item = /^(\s*-\s+)(["']?)$/.exec(lead);
  if (/^\s*$/.test(lead)) prefix = lead;
  else if (item) {
    prefix = item[1]! + item[2]!;
    suffix = item[2]!;
  } else return undefined; // a flow list or a quoted scalar: no certain place
  const newLine = `${prefix}${command}${suffix}`;
  const lines = text.split('\n').length;
  if (r.start.line + 1 < lines)
    return {
      span: { start: { line: r.start.line + 1, character: 0 }, end: { line: r.start.line + 1, character: 0 } },
      newText: `${newLine}\n`,
    };
  const end = { line: r.start.line, character: line.length };
  return { span: { start: end, end }, newText: `\n${newLine}` };
}

function lastRunLine(h: HostSpec): RunLine | undefined {
  for (let i = h.run.length - 1; i >= 0; i--) if (!/^\s*(#|$)/.test(h.run[i]!.text)) return h.run[i];
  return h.run[h.run.length - 1];
}

export function forwardingFix(text: string, lab: Lab, d: Diagnostic): CodeFix[] {
  const m = /Enable it on ([A-Za-z0-9][A-Za-z0-9-]*): ((?:ip netns exec \S+ )?sysctl -w \S+=1)/.exec(d.message.en);
  if (!m) return [];
  const host = lab.hosts.find((h) => h.name === m[1]);
  const last = host && lastRunLine(host);
  const edit = last && insertRunLine(text, last, m[2]!);
  if (!edit) return [];
  return [
    {
      title: loc(`Enable IP forwarding on ${m[1]} (${m[2]})`, `${m[1]}에서 IP 포워딩 켜기 (${m[2]})`),
      edits: [edit],
      diagnostic: d,
      preferred: true,
    },
  ];
}

export interface DownLink {
  readonly host: HostSpec;
  readonly link: Link;
  /** The command that brings it up, in its namespace. */
  readonly command: string;
  /** The run line after which that command goes: the last one that names the link. */
  readonly after: RunLine;
  /** The run line that created it. */
  readonly created: RunLine;
}

const sameRange = (a: { line: number; column: number } | undefined, b: { line: number; column: number }) =>
  !!a && a.line === b.line && a.column === b.column;

/** Interfaces the run lines created and left down (loopbacks aside). */
export function downLinks(lab: Lab, world: World): DownLink[] {
  const out: DownLink[] = [];
  for (const spec of lab.hosts) {
    const host = world.hosts.get(spec.name);
    if (!host) continue;
    for (const ns of host.netns.values()) {
      for (const link of ns.links.values()) {
        if (link.up || link.kind === 'loopback') continue;
        const created = spec.run.find((r) => sameRange(link.origin, r.range));
        if (!created) continue;
        const named = new RegExp(`(?<![A-Za-z0-9_.-])${escapeRe(link.name)}(?![A-Za-z0-9_.-])`);
        const after = [...spec.run].reverse().find((r) => named.test(r.text)) ?? created;
        const command = ns.name ? `ip -n ${ns.name} link set ${link.name} up` : `ip link set ${link.name} up`;
        out.push({ host: spec, link, command, after, created });
      }
    }
  }
  return out;
}

function bringUp(text: string, d: DownLink): CodeFix | undefined {
  const edit = insertRunLine(text, d.after, d.command);
  return (
    edit && {
      title: loc(`Bring ${d.link.name} up (${d.command})`, `${eulreul(d.link.name)} up으로 올리기 (${d.command})`),
      edits: [edit],
      preferred: true,
    }
  );
}

/**
 * "Bring DEV up", on the run line that created DEV, and on a check that passes when its packet is
 * answered (reach) whose packet dies on a down interface the run lines created.
 */
export function bringUpFixes(a: LabAnalysis, span: Span): CodeFix[] {
  const lab = a.lab;
  if (!lab) return [];
  const onCheck = lab.exercises
    .flatMap((ex) => ex.checks)
    .filter((c) => findCheckKind(c.kind)?.packet?.passesWhen === 'replied' && intersects(spanOf(c.extent ?? c.range), span));
  const onLine = lab.hosts.some((h) => h.run.some((r) => intersects(spanOf(r.range), span)));
  if (!onCheck.length && !onLine) return [];
  const world = a.built()?.world;
  if (!world) return [];
  const down = downLinks(lab, world);
  if (!down.length) return [];
  const chosen = new Set<DownLink>();
  for (const d of down) if (intersects(spanOf(d.created.range), span)) chosen.add(d);
  for (const c of onCheck) {
    // The packet the check walks, as the grader walks it.
    const packet = findCheckKind(c.kind)?.packet?.of(c);
    const from = packet && parseEndpoint(packet.from);
    if (!packet || !from) continue;
    let res: TraceResult;
    try {
      res = tracePacket(world, { ...packet, from, to: resolveTo(world, packet.to) ?? packet.to });
    } catch {
      continue;
    }
    if (res.replied) continue;
    const steps = [...res.request.steps, ...res.reply.steps];
    const said = [res.reason.en, ...steps.map((s) => s.detail.en)].join('\n');
    // The walk names the down interface it met ...
    for (const d of down)
      if (new RegExp(`(?<![A-Za-z0-9_.-])${escapeRe(d.link.name)}(?![A-Za-z0-9_.-])[^\\n]*\\bdown\\b`).test(said)) chosen.add(d);
    // ... or, a down interface having no connected route, finds no route where that interface's subnet holds the destination.
    const last = steps[steps.length - 1];
    if (res.verdict === 'no-route' && last) {
      const dst = last.packet && parseAddr(last.packet.ip.dst);
      for (const d of down) {
        if (d.link.netns.host.name !== last.host || d.link.netns.name !== last.netns || !dst) continue;
        if (d.link.addrs.some((ia) => prefixContains({ addr: networkOf(ia.addr, ia.prefixLen), len: ia.prefixLen }, dst))) chosen.add(d);
      }
    }
  }
  return [...chosen].map((d) => bringUp(a.text, d)).filter((f): f is CodeFix => !!f);
}
