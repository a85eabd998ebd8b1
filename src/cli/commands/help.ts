/**
 * `knetlab help` (`--help`, `-h`, or no command at all): the general help, from every command's
 * description; `knetlab help COMMAND` (or `knetlab COMMAND --help`): that command's help.
 */
import { type Command, findCommand } from '../command';
import { t, UsageError } from '../common';
import { commandHelpText, usageText } from '../usage';

export const help: Command = {
  name: 'help',
  aliases: ['--help', '-h'],
  summary: { en: 'Print this help.', ko: '이 도움말을 출력합니다.' },
  usage: { en: 'help [COMMAND]', ko: 'help [명령]' },
  help: { en: 'Print this help.', ko: '이 도움말을 출력합니다.' },
  listing: 'hidden',
  options: [],
  raw: true,
  isDefault: true,
  overrides: true,
  run(p, { lang, io, commands, invokedAs }) {
    const word = invokedAs === 'help' ? p.positional[0] : undefined;
    if (word !== undefined) {
      const command = word ? findCommand(commands, word) : undefined;
      if (!command) throw new UsageError(t(lang, 'unknownCommand', word));
      io.out(commandHelpText(command, lang) + '\n');
      return 0;
    }
    io.out(usageText(commands, lang) + '\n');
    // Without a command, the help is the answer to a usage error.
    return invokedAs === undefined ? 2 : 0;
  },
};
