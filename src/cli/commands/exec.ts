/** `knetlab exec`: one command on a host of the lab, after the lab's own; prints what Linux would. */
import { execCommand, localizeNotes, unmodelledLines } from '../../core';
import { warningsText } from '../common';
import type { Command } from '../command';
import { checkEndpoint, loadWorld } from '../lab';
import { usageError } from '../usage';

function shellQuote(w: string): string {
  return /^[A-Za-z0-9_./:=+@%,-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}

export const exec: Command = {
  name: 'exec',
  summary: { en: 'Run one command on a simulated host of a lab.', ko: '실습의 시뮬레이션된 호스트에서 명령 하나를 실행합니다.' },
  usage: { en: 'exec LAB --on HOST[/NETNS] -- COMMAND...', ko: 'exec 실습 --on 호스트[/네임스페이스] -- 명령...' },
  help: {
    en: "Run one command on a simulated host after the lab's run lines; prints what the real tool prints.",
    ko: '실습의 run 줄을 실행한 뒤 시뮬레이션된 호스트에서 명령 하나를 실행하고, 실제 도구가 출력하는 내용을 출력합니다.',
  },
  listing: 'command',
  options: [
    { name: '--on', value: 'HOST[/NETNS]' },
    { name: '--student', value: 'ID' },
  ],
  run(p, { lang, io }) {
    const on = p.options.get('--on');
    if (!on || !p.rest.length || p.positional.length > 1) throw usageError(exec, lang);
    const { world } = loadWorld(p.positional[0], lang, io, p.options.get('--student'));
    const ep = checkEndpoint(world, on, lang);
    const line = p.rest.length === 1 ? p.rest[0]! : p.rest.map(shellQuote).join(' ');
    const res = execCommand(world, ep, line);
    if (res.stdout) io.out(res.stdout);
    if (res.stderr) io.err(localizeNotes(res.stderr, lang));
    // What the host printed may be wrong where the host has lines the simulator does not model.
    for (const l of warningsText(unmodelledLines(world, [ep.host]), lang)) io.err(l + '\n');
    return res.status;
  },
};
