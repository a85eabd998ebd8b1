/**
 * The extension's lifetime in one object (rust-analyzer's ctx.ts): it owns every disposable, the
 * settings, the output channel, the grades shown by the Labs view, the Testing view and the status
 * bar (grades.ts), and the lazily loaded engine. Nothing of the extension lives in a module-level
 * variable.
 */
import * as vscode from 'vscode';
import type { Lang } from '../core';
import { Config } from './config';
import type { LanguageHost } from './language';
import { GradeStore } from './grades';
import { readLabFile } from './labfs';

type Engine = typeof import('./engine');

export class Ctx implements vscode.Disposable {
  readonly config = new Config();
  readonly grades = new GradeStore();
  private readonly disposables: vscode.Disposable[] = [];
  private outputChannel: vscode.OutputChannel | undefined;
  private engine: Promise<Engine> | undefined;

  /** What the language features need from the extension. */
  readonly languageHost: LanguageHost;

  constructor(readonly extension: vscode.ExtensionContext) {
    this.push(this.grades);
    const config = this.config;
    this.languageHost = {
      get lang() {
        return config.lang;
      },
      readFile: (uri, labDir) => readLabFile(uri, labDir),
      diagnosticsDelayMs: () => config.diagnosticsDelayMs,
    };
  }

  /** Hands a disposable to the context: it is disposed when the extension is. */
  push<T extends vscode.Disposable>(d: T): T {
    this.disposables.push(d);
    return d;
  }

  /** The language of the core's messages: the `knetlab.language` setting or the display language. */
  get lang(): Lang {
    return this.config.lang;
  }

  /** knetlab's output channel, created on first use. */
  get output(): vscode.OutputChannel {
    if (!this.outputChannel) this.outputChannel = this.push(vscode.window.createOutputChannel('knetlab'));
    return this.outputChannel;
  }

  /** The simulator and grader, loaded on first use. */
  loadEngine(): Promise<Engine> {
    this.engine ??= import('./engine');
    return this.engine;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0).reverse()) {
      try {
        d.dispose();
      } catch {
        // one failing disposable must not keep the others alive
      }
    }
  }
}
