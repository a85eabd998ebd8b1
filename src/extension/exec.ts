/**
 * `knetlab.exec`: a shell on a simulated host, in a pseudoterminal (the world keeps its state
 * between commands, as a real host would), or one command to the output channel when given.
 * Nothing runs on the user's machine: every line goes to the simulator.
 */
import * as vscode from 'vscode';
import type { Lang, World } from '../core';
import type { Ctx } from './ctx';
import { baseName } from './labfs';
import { warningLines } from './report';
import { resolveLabDir, uriOf, worldOf } from './pickers';

export interface ExecArgs {
  readonly uri?: vscode.Uri | string;
  readonly on?: string;
  readonly command?: string;
}

type Engine = typeof import('./engine');

const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

/** A line editor over a pseudoterminal: echo, backspace, Enter runs the line. */
export class SimShell implements vscode.Pseudoterminal {
  private readonly writer = new vscode.EventEmitter<string>();
  private readonly closer = new vscode.EventEmitter<number | void>();
  readonly onDidWrite = this.writer.event;
  readonly onDidClose = this.closer.event;
  private line = '';

  constructor(
    private readonly engine: Engine,
    private readonly world: World,
    private readonly on: string,
    private readonly banner: string,
    private readonly lang: Lang = 'en',
  ) {}

  private get prompt(): string {
    return `root@${this.on}:~# `;
  }

  open(): void {
    this.writer.fire(crlf(this.banner + '\n') + this.prompt);
  }

  close(): void {
    this.writer.dispose();
    this.closer.dispose();
  }

  handleInput(data: string): void {
    for (const ch of data) {
      if (ch === '\r') {
        this.writer.fire('\r\n');
        const line = this.line.trim();
        this.line = '';
        if (line === 'exit' || line === 'logout') {
          this.closer.fire(0);
          return;
        }
        if (line) this.writer.fire(crlf(this.run(line)));
        this.writer.fire(this.prompt);
      } else if (ch === '\x7f' || ch === '\b') {
        if (this.line) {
          this.line = this.line.slice(0, -1);
          this.writer.fire('\b \b');
        }
      } else if (ch === '\x03') {
        this.line = '';
        this.writer.fire('^C\r\n' + this.prompt);
      } else if (ch >= ' ') {
        this.line += ch;
        this.writer.fire(ch);
      }
    }
  }

  /** Runs one line on the simulated host; its stdout then stderr. */
  run(line: string): string {
    const res = this.engine.exec(this.world, this.on, line, this.lang);
    return res ? res.stdout + res.stderr : '';
  }
}

export async function execOnHost(ctx: Ctx, arg?: ExecArgs): Promise<string | undefined> {
  const dir = await resolveLabDir(ctx, uriOf(arg), vscode.l10n.t('Which lab?'));
  if (!dir) return undefined;
  const w = await worldOf(ctx, dir);
  if (!w) return undefined;
  const { engine, world } = w;
  let on = arg?.on;
  if (!on || !engine.validEndpoint(world, on)) {
    on = await vscode.window.showQuickPick(engine.endpoints(world), {
      placeHolder: vscode.l10n.t('Run commands on which host (or host/namespace)?'),
    });
    if (!on) return undefined;
  }
  if (arg?.command !== undefined) {
    const res = engine.exec(world, on, arg.command, ctx.lang);
    const text = `root@${on}:~# ${arg.command}\n${res ? res.stdout + res.stderr : ''}`;
    ctx.output.append(text.endsWith('\n') ? text : text + '\n');
    ctx.output.show(true);
    return text;
  }
  // The host's lines the simulator does not model: what the shell prints may differ from Linux.
  const banner = [
    vscode.l10n.t('knetlab: a simulated shell on {0} (lab {1}). Nothing runs on your machine. Type exit to close.', on, baseName(dir)),
    ...warningLines(engine.unmodelled(world, on), ctx.lang),
  ].join('\n');
  const terminal = vscode.window.createTerminal({ name: `knetlab ${on}`, pty: new SimShell(engine, world, on, banner, ctx.lang) });
  terminal.show();
  return undefined;
}
