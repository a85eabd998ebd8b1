/**
 * The one typed settings module: every `knetlab.*` setting is read here and nowhere else
 * (rust-analyzer's config.ts). Values are checked, so a bad settings.json never reaches the code.
 */
import * as vscode from 'vscode';
import { type Lang, langFromLocale } from '../core/text/i18n';

export type LanguageSetting = 'auto' | 'en' | 'ko';
export type TraceProtocol = 'icmp' | 'tcp' | 'udp';

/** The settings' ids, as package.json declares them (under `contributes.configuration`). */
export const SETTINGS = {
  language: 'knetlab.language',
  diagnosticsDelay: 'knetlab.diagnostics.delay',
  traceDefaultProtocol: 'knetlab.trace.defaultProtocol',
} as const;

export type SettingId = (typeof SETTINGS)[keyof typeof SETTINGS];

export const DEFAULTS = {
  language: 'auto' as LanguageSetting,
  diagnosticsDelay: 0,
  traceDefaultProtocol: 'icmp' as TraceProtocol,
};

function section(id: SettingId): string {
  return id.slice('knetlab.'.length);
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

export class Config {
  private read<T>(id: SettingId): T | undefined {
    return vscode.workspace.getConfiguration('knetlab').get<T>(section(id));
  }

  get language(): LanguageSetting {
    return oneOf(this.read(SETTINGS.language), ['auto', 'en', 'ko'], DEFAULTS.language);
  }

  /** The language of knetlab's own messages (the core's diagnostics, feedback and traces). */
  get lang(): Lang {
    const l = this.language;
    return l === 'auto' ? langFromLocale(vscode.env.language) : l;
  }

  /** Debounce of diagnostics while typing, in milliseconds (0 to 5000). */
  get diagnosticsDelayMs(): number {
    const v = this.read<unknown>(SETTINGS.diagnosticsDelay);
    return typeof v === 'number' && Number.isFinite(v) ? Math.min(5000, Math.max(0, Math.round(v))) : DEFAULTS.diagnosticsDelay;
  }

  get traceDefaultProtocol(): TraceProtocol {
    return oneOf(this.read(SETTINGS.traceDefaultProtocol), ['icmp', 'tcp', 'udp'], DEFAULTS.traceDefaultProtocol);
  }

  /** Calls `listener` when a knetlab setting changes. */
  onDidChange(listener: (e: vscode.ConfigurationChangeEvent) => void): vscode.Disposable {
    return vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('knetlab')) listener(e);
    });
  }
}
