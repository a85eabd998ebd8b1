/**
 * duplicate-hostname: two hosts go by one host name (ignoring case): the lab's name, the name a run
 * line sets with `hostname`, or the first line of /etc/hostname. At the later claim: the line that
 * set it, else the host's declaration.
 */
import type { SourceRange } from '../../text/diag';
import { loc } from '../../text/i18n';
import { type Host, utsName } from '../../sim/model';
import type { HostSpec } from '../../lab/types';
import type { LintRule } from '../rule';
import { placeOrder } from '../common';
import { ro } from '../../text/particle';

export const duplicateHostname: LintRule = {
  code: 'duplicate-hostname',
  summary: loc(
    'Two hosts set the same host name (in `/etc/hostname` or with `hostname`).',
    '두 호스트가 같은 호스트 이름(`/etc/hostname`이나 `hostname`)을 설정합니다.',
  ),
  check(ctx, warn) {
    const byName = new Map<
      string,
      {
        host: Host;
        name: string;
        at: SourceRange;
        how: 'lab' | 'uts' | 'file';
      }[]
    >();
    for (const host of ctx.world.hosts.values()) {
      const spec = ctx.specs.get(host.name);
      const claims: {
        name: string;
        at: SourceRange;
        how: 'lab' | 'uts' | 'file';
      }[] = [];
      const uts = utsName(host);
      if (uts && uts !== host.name)
        claims.push({
          name: uts,
          at: hostnameLine(spec, uts) ?? host.origin ?? ctx.fileStart(),
          how: 'uts',
        });
      else
        claims.push({
          name: host.name,
          at: host.origin ?? ctx.fileStart(),
          how: 'lab',
        });
      const etc = host.files.get('/etc/hostname')?.split('\n')[0]?.trim();
      if (etc) {
        const f = spec?.files.find((x) => x.path === '/etc/hostname');
        const at = f?.range ?? runLineMentioning(spec, '/etc/hostname') ?? host.origin ?? ctx.fileStart();
        claims.push({ name: etc, at, how: 'file' });
      }
      const seen = new Set<string>();
      for (const c of claims) {
        const key = c.name.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        const list = byName.get(key);
        if (list) list.push({ host, ...c });
        else byName.set(key, [{ host, ...c }]);
      }
    }
    for (const list of byName.values()) {
      if (list.length < 2) continue;
      list.sort((x, y) => placeOrder(x.at, y.at));
      const first = list[0]!;
      const l = ctx.lineOf(first.at);
      for (const x of list.slice(1)) {
        const same = x.name === first.name;
        const how =
          x.how === 'file'
            ? {
                en: `its /etc/hostname says "${x.name}"`,
                ko: `/etc/hostname이 "${x.name}"입니다`,
              }
            : x.how === 'uts'
              ? {
                  en: `its host name is set to "${x.name}"`,
                  ko: `호스트 이름이 ${ro(`"${x.name}"`)} 설정됩니다`,
                }
              : {
                  en: `it is named "${x.name}"`,
                  ko: `이름이 "${x.name}"입니다`,
                };
        const caseNote = same
          ? { en: '', ko: '' }
          : {
              en: ' (host names ignore case)',
              ko: ' (호스트 이름은 대소문자를 구분하지 않습니다)',
            };
        warn(
          x.at,
          loc(
            `${x.host.name}: ${how.en}, the name of ${first.host.name}${l.en} too${caseNote.en}. Every node needs its own host name (a cluster refuses to join a second node of the same name; cloned VMs keep the original's).`,
            `${x.host.name}: ${how.ko}. ${first.host.name}${l.ko}의 이름과 같습니다${caseNote.ko}. 노드마다 호스트 이름이 달라야 합니다 (클러스터는 같은 이름의 두 번째 노드를 받지 않습니다. 복제한 VM은 원본의 이름을 그대로 가집니다).`,
          ),
        );
      }
    }
  },
};

/** The last run line of a host that sets its host name to `name`. */
function hostnameLine(spec: HostSpec | undefined, name: string): SourceRange | undefined {
  if (!spec) return undefined;
  const re = /(?:^|[\s;&|(])hostname\s+(\S+)/g;
  for (let i = spec.run.length - 1; i >= 0; i--) {
    const line = spec.run[i]!;
    for (const m of line.text.matchAll(re)) if (m[1]!.replace(/^["']|["']$/g, '') === name) return line.range;
  }
  return undefined;
}

function runLineMentioning(spec: HostSpec | undefined, text: string): SourceRange | undefined {
  if (!spec) return undefined;
  for (let i = spec.run.length - 1; i >= 0; i--) if (spec.run[i]!.text.includes(text)) return spec.run[i]!.range;
  return undefined;
}
