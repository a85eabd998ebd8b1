/** `knetlab help` (`--help`, `-h`, or no command at all): the general help, from every command's description. */
import type { Command } from '../command';
import { usageText } from '../usage';

export const help: Command = {
  name: 'help',
  aliases: ['--help', '-h'],
  summary: { en: 'Print this help.', ko: '이 도움말을 출력합니다.' },
  usage: { en: 'help', ko: 'help' },
  help: { en: 'Print this help.', ko: '이 도움말을 출력합니다.' },
  listing: 'hidden',
  options: [],
  raw: true,
  isDefault: true,
  overrides: true,
  run(_p, { lang, io, commands, invokedAs }) {
    io.out(usageText(commands, lang) + '\n');
    // Without a command, the help is the answer to a usage error.
    return invokedAs === undefined ? 2 : 0;
  },
};
