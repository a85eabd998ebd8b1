/** `knetlab --version` (or `version`): the version. */
import type { Command } from '../command';

const VERSION = '0.1.0';

export const version: Command = {
  name: 'version',
  aliases: ['--version'],
  summary: { en: 'Print the version.', ko: '버전을 출력합니다.' },
  usage: { en: '--version', ko: '--version' },
  help: { en: 'print the version', ko: '버전 출력' },
  listing: 'option',
  options: [],
  raw: true,
  run(_p, { io }) {
    io.out(`knetlab ${VERSION}\n`);
    return 0;
  },
};
