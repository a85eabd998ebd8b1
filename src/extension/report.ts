/**
 * Results as readable text for the output channel (until the webview issue): grades, traces,
 * topology. Headings go through vscode.l10n.t; the core's own messages are picked in `lang`.
 */
import * as vscode from 'vscode';
import type { Diagnostic, LabGrade, Step, TraceResult } from '../core';
import { type Lang, pick } from '../core/text/i18n';
import { verdictWord } from '../core/datapath/verdicts';
import { DEFAULT_SEED } from '../core/datapath/flow';
import { nfText } from '../core/view/traceNetfilter';
import type { TraceArgs, TopologyHost } from './engine';

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export function scoreText(g: { score: number; maxScore: number }): string {
  return `${round(g.score)}/${round(g.maxScore)}`;
}

export function diagText(d: Diagnostic, lang: Lang): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${pick(d.message, lang)}`;
}

/** An answer's warnings: the lines it could depend on that the simulator does not model (none: nothing). */
export function warningLines(warnings: readonly Diagnostic[] | undefined, lang: Lang, indent = ''): string[] {
  if (!warnings?.length) return [];
  return [
    indent + vscode.l10n.t('This answer may be wrong: it could depend on these lines, which the simulator does not model:'),
    ...warnings.map((d) => `${indent}  ${diagText(d, lang)}`),
  ];
}

export function gradeText(g: LabGrade, lang: Lang): string {
  const lines: string[] = [];
  lines.push(vscode.l10n.t('Lab {0}: {1}', g.lab, scoreText(g)));
  for (const d of g.diagnostics) lines.push(`  ${diagText(d, lang)}`);
  for (const e of g.exercises) {
    const title = e.title ? ` ${pick(e.title, lang)}` : '';
    lines.push(`  ${e.passed ? vscode.l10n.t('PASS') : vscode.l10n.t('FAIL')} ${e.id}${title}: ${scoreText(e)}`);
    for (const c of e.checks) {
      const where = c.source ? ` (${c.source.file}:${c.source.line})` : '';
      lines.push(`    ${c.passed ? '✓' : '✗'} ${c.kind}: ${pick(c.feedback, lang)}${where}`);
      lines.push(...warningLines(c.warnings, lang, '      '));
      if (!c.passed && c.expected !== undefined) lines.push(`      ${vscode.l10n.t('expected')}: ${c.expected}`);
      if (!c.passed && c.actual !== undefined) lines.push(`      ${vscode.l10n.t('actual')}: ${c.actual}`);
    }
    for (const h of e.hints) lines.push(`    ${vscode.l10n.t('Hint')}: ${pick(h, lang)}`);
  }
  return lines.join('\n') + '\n';
}

/** A step's line; a netfilter step as the CLI prints it (its rule, and the packet before → after on a line of its own). */
function stepLines(s: Step, i: number, lang: Lang): string[] {
  const where = `${s.netns ? `${s.host}/${s.netns}` : s.host}${s.iface ? ` ${s.iface}` : ''}`;
  const src = s.source ? `  (${s.source.file}:${s.source.line})` : '';
  // The extension traces with the default seed (knetlab.runTrace has no seed).
  const nf = nfText(s, DEFAULT_SEED, lang);
  const head = `${String(i + 1).padStart(3)}. [${where}] ${s.stage}${s.hook ? ` ${s.hook}` : ''}: `;
  return [`${head}${nf ? nf.line : pick(s.detail, lang)}${src}`, ...(nf?.packet ? [`       ${nf.packet}`] : [])];
}

export function traceHeadline(res: TraceResult, args: TraceArgs | undefined, lang: Lang): string {
  const src0 = res.source ? ` (${res.source.file}:${res.source.line})` : '';
  if (!args) return `${verdictWord(res.verdict, lang)}: ${pick(res.reason, lang)}${src0}`;
  const what = args.proto === 'icmp' ? 'ping' : `${args.proto}/${args.port ?? 80}`;
  const src = res.source ? ` (${res.source.file}:${res.source.line})` : '';
  return `${args.from} -> ${args.to} ${what}: ${verdictWord(res.verdict, lang)}: ${pick(res.reason, lang)}${src}`;
}

/** A trace as the CLI prints it: the verdict, then every leg (request, reply, a lookup's, a proxy's) with its steps. */
export function traceText(res: TraceResult, args: TraceArgs | undefined, lang: Lang): string {
  const lines = [traceHeadline(res, args, lang), ...warningLines(res.warnings, lang)];
  const legs = res.legs ?? [res.request, ...(res.reply.steps.length ? [res.reply] : [])];
  legs.forEach((leg, i) => {
    lines.push('', legHeading(leg.kind ?? (i === 0 ? 'request' : 'reply'), leg.label ? pick(leg.label, lang) : undefined));
    leg.steps.forEach((s, n) => lines.push(...stepLines(s, n, lang)));
  });
  return lines.join('\n') + '\n';
}

function legHeading(kind: string, label: string | undefined): string {
  const heading =
    kind === 'query'
      ? vscode.l10n.t('Query')
      : kind === 'answer'
        ? vscode.l10n.t('Answer')
        : kind === 'reply'
          ? vscode.l10n.t('Reply')
          : vscode.l10n.t('Request');
  return label ? vscode.l10n.t('{0} ({1}):', heading, label) : vscode.l10n.t('{0}:', heading);
}

function indent(text: string, by = '    '): string {
  return text
    .trimEnd()
    .split('\n')
    .map((l) => by + l)
    .join('\n');
}

export function topologyText(labName: string, topo: { switches: { name: string; ports: string[] }[]; hosts: TopologyHost[] }): string {
  const lines = [vscode.l10n.t('Topology of lab {0}', labName), ''];
  lines.push(vscode.l10n.t('Switches:'));
  if (!topo.switches.length) lines.push(`  ${vscode.l10n.t('(none)')}`);
  for (const s of topo.switches) lines.push(`  ${s.name}: ${s.ports.length ? s.ports.join(', ') : vscode.l10n.t('(nothing cabled)')}`);
  lines.push('', vscode.l10n.t('Hosts:'));
  for (const h of topo.hosts) {
    lines.push(`  ${h.endpoint}`);
    lines.push(`    ${vscode.l10n.t('Addresses (ip -br addr):')}`);
    lines.push(indent(h.addresses || vscode.l10n.t('(none)'), '      '));
    lines.push(`    ${vscode.l10n.t('Routes (ip route):')}`);
    lines.push(indent(h.routes || vscode.l10n.t('(none)'), '      '));
  }
  return lines.join('\n') + '\n';
}
