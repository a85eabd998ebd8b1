/**
 * `knetlab.runTrace`: walk a packet through the lab, show it step by step in the trace panel, and
 * print every step in the output channel (the text is also the command's result).
 */
import * as vscode from 'vscode';
import { traceInLab, type Lab, type TraceResult, type World } from '../core';
import type { Ctx } from './ctx';
import type { TraceArgs } from './engine';
import { resolveLabDir, uriOf, worldOf } from './pickers';
import { traceText } from './report';
import type { TraceProtocol } from './config';

/** The arguments a CodeLens (or a test) passes: everything needed, no questions asked. */
export interface RunTraceArgs {
  readonly uri?: vscode.Uri | string;
  readonly from?: string;
  readonly to?: string;
  readonly proto?: TraceProtocol;
  readonly port?: number;
}

/** Where a trace is shown besides the output channel: the trace panel (panels/manager.ts). */
export interface TraceShower {
  /** False when the panel cannot open. */
  showTrace(dir: vscode.Uri, args: TraceArgs, traced: { lab: Lab; world: World; result: TraceResult }): Promise<boolean>;
}

export interface RunTraceOptions {
  readonly panels?: TraceShower;
  /** Asked from a panel: the output channel gets the text but is not brought up (unless the panel cannot open). */
  readonly quiet?: boolean;
}

const PROTOCOLS: readonly TraceProtocol[] = ['icmp', 'tcp', 'udp'];

export async function runTrace(ctx: Ctx, arg?: RunTraceArgs, opts: RunTraceOptions = {}): Promise<string | undefined> {
  const dir = await resolveLabDir(ctx, uriOf(arg), vscode.l10n.t('Which lab?'));
  if (!dir) return undefined;
  const w = await worldOf(ctx, dir);
  if (!w) return undefined;
  const { engine, world } = w;

  let from = arg?.from;
  if (!from || !engine.validEndpoint(world, from)) {
    from = await vscode.window.showQuickPick(engine.endpoints(world), {
      placeHolder: vscode.l10n.t('Send from which host (or host/namespace)?'),
    });
    if (!from) return undefined;
  }
  let to = arg?.to;
  if (!to || (!engine.targetAddress(world, to) && !engine.isName(to))) {
    to = await vscode.window.showInputBox({
      prompt: vscode.l10n.t('Destination address or name'),
      placeHolder: '192.168.2.10',
      validateInput: (v) =>
        engine.isAddress(v) || engine.isName(v) ? undefined : vscode.l10n.t('Neither an IP address nor a name: {0}', v),
    });
    if (!to) return undefined;
  }
  let proto = arg?.proto && PROTOCOLS.includes(arg.proto) ? arg.proto : undefined;
  if (!proto) {
    const def = ctx.config.traceDefaultProtocol;
    const items = [def, ...PROTOCOLS.filter((p) => p !== def)].map((p) => ({
      label: p,
      description: p === 'icmp' ? vscode.l10n.t('ping') : undefined,
    }));
    proto = (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Protocol') }))?.label;
    if (!proto) return undefined;
  }
  let port = arg?.port;
  if (proto !== 'icmp' && (port === undefined || !(port >= 1 && port <= 65535))) {
    const text = await vscode.window.showInputBox({
      prompt: vscode.l10n.t('Destination port'),
      value: '80',
      validateInput: (v) =>
        /^[0-9]+$/.test(v) && Number(v) >= 1 && Number(v) <= 65535 ? undefined : vscode.l10n.t('A port is a number from 1 to 65535.'),
    });
    if (!text) return undefined;
    port = Number(text);
  }
  const args: TraceArgs = { from, to, proto, ...(proto !== 'icmp' && port !== undefined ? { port } : {}) };
  const found = engine.trace(world, args);
  if (!found) return undefined;
  // A server's steps name its Corefile's lines: the panel links to the lab lines that wrote them.
  const res = traceInLab(w.lab, found);
  const text = traceText(res, args, ctx.lang);
  ctx.output.appendLine(text);
  let shown = false;
  try {
    shown = (await opts.panels?.showTrace(dir, args, { lab: w.lab, world, result: res })) ?? false;
  } catch (e) {
    ctx.output.appendLine(`trace panel: ${String((e as Error)?.stack ?? e)}`);
  }
  if (!shown || !opts.quiet) ctx.output.show(true);
  return text;
}
