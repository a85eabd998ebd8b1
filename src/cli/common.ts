/** What every CLI command shares: the error that means "bad input", output, messages. */
import { type Diagnostic, type Lang, pick } from '../core';
import { MESSAGES, type MessageId } from './messages';

/** Bad input: printed as one line, exit status 2. */
export class UsageError extends Error {}

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export function t(lang: Lang, id: MessageId, ...args: string[]): string {
  let s: string = MESSAGES[id][lang];
  args.forEach((a, i) => (s = s.replace(`{${i}}`, a)));
  return s;
}

export function formatDiag(d: Diagnostic, lang: Lang): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${pick(d.message, lang)}`;
}
