/**
 * The general help, written from the commands' own descriptions and the global options, and the
 * one-line usage error of a command.
 */
import type { Lang, Localized } from '../core';
import type { Command, OptionSpec } from './command';
import { UsageError } from './common';

/** An option every command accepts, read before the command runs. */
export interface GlobalOption extends OptionSpec {
  readonly help: Localized;
}

export const GLOBAL_OPTIONS: readonly GlobalOption[] = [
  { name: '--lang', value: 'en|ko', help: { en: 'language of messages (default: from LANG)', ko: '메시지 언어 (기본값: LANG에서)' } },
];

const TEXT = {
  title: { en: 'knetlab: Linux network labs, simulated.', ko: 'knetlab: 시뮬레이션으로 하는 리눅스 네트워크 실습.' },
  usage: { en: 'Usage:', ko: '사용법:' },
  options: { en: 'Options:', ko: '옵션:' },
  usageWord: { en: 'usage:', ko: '사용법:' },
} satisfies Record<string, Localized>;

/** The width of an option's name in the Options list. */
const OPTION_COLUMN = 14;

/** A command's usage line and its help, as both helps list them. */
function commandLines(c: Command, lang: Lang): string[] {
  return [`  knetlab ${c.usage[lang]}`, ...c.help[lang].split('\n').map((l) => `      ${l}`)];
}

/** The Options list: the global options, and the commands listed as options (`--version`). */
function optionLines(commands: readonly Command[], lang: Lang): string[] {
  const options = [
    ...GLOBAL_OPTIONS.map((o) => ({ name: o.value ? `${o.name} ${o.value}` : o.name, help: o.help })),
    ...commands.filter((x) => x.listing === 'option').map((c) => ({ name: c.usage[lang], help: c.help })),
  ];
  return [TEXT.options[lang], ...options.map((o) => `  ${o.name.padEnd(OPTION_COLUMN)} ${o.help[lang]}`)];
}

/** `knetlab --help`: every listed command with its usage and help, then the options. */
export function usageText(commands: readonly Command[], lang: Lang): string {
  const listed = commands.filter((x) => x.listing === 'command');
  return [TEXT.title[lang], '', TEXT.usage[lang], ...listed.flatMap((c) => commandLines(c, lang)), '', ...optionLines(commands, lang)].join(
    '\n',
  );
}

/** `knetlab help COMMAND`: that command's summary, usage and help, then the global options. */
export function commandHelpText(command: Command, lang: Lang): string {
  return [
    `knetlab ${command.name}: ${command.summary[lang]}`,
    '',
    TEXT.usage[lang],
    ...commandLines(command, lang),
    '',
    ...optionLines([], lang),
  ].join('\n');
}

/** The usage error of a command called wrongly: `usage: knetlab check PATH...`. */
export function usageError(command: Pick<Command, 'usage'>, lang: Lang): UsageError {
  return new UsageError(`${TEXT.usageWord[lang]} knetlab ${command.usage[lang]}`);
}
