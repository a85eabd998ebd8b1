/**
 * hosts (plugin/hosts): `hosts [FILE [ZONES...]] { [INLINE] ttl SECONDS no_reverse reload DURATION
 * fallthrough [ZONES...] fallthrough_unsupported }`. The file (default /etc/hosts) and the inline
 * lines are read as its hostsfile.go reads them: `#` ends a line, the address (a `%zone` dropped),
 * then names; names outside the plugin's zones are skipped; `*.name` is a one-label wildcard; every
 * name of an address also gives its PTR unless no_reverse. A, AAAA and PTR are answered (AA, TTL
 * 3600 unless `ttl`); a name it knows asked for another type is NODATA; a name it does not know is
 * passed on with fallthrough, else SERVFAIL (hosts has no SOA to say NXDOMAIN with). A PTR it has
 * no name for is always passed on. `reload` is ignored: the simulator reads the file once.
 */
import { loc } from '../../../text/i18n';
import type { SourceRange } from '../../../text/diag';
import { parseIp } from '../../corefile/keys';
import type { RR } from '../../msg';
import { matchZone, qname, qtype, rr, setReply } from '../msgs';
import type { Built, Handler, Next, Req, Res } from '../types';
import { type Builder, Fall, origins, props, rooted, say, sourceOf, words } from './common';

interface Entry {
  readonly addr: string;
  readonly v4: boolean;
  readonly source: SourceRange;
}

interface HostsMap {
  readonly byName: Map<string, Entry[]>;
  readonly byAddr: Map<string, { name: string; source: SourceRange }[]>;
}

/** Go's net.IP String(): IPv4 dotted, IPv6 compressed (a v4-mapped one as IPv4). */
function ipString(b: number[]): string {
  if (b.length === 4) return b.join('.');
  if (b.slice(0, 10).every((x) => x === 0) && b[10] === 255 && b[11] === 255) return b.slice(12).join('.');
  const g: number[] = [];
  for (let i = 0; i < 16; i += 2) g.push((b[i]! << 8) | b[i + 1]!);
  let best = -1;
  let len = 0;
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > len && j - i >= 2) [best, len] = [i, j - i];
    if (j > i) i = j - 1;
  }
  const hex = g.map((x) => x.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + len).join(':')}`;
}

function parseMap(
  text: string,
  file: string,
  zones: readonly string[],
  autoReverse: boolean,
  lineOf?: (i: number) => SourceRange,
): HostsMap {
  const byName = new Map<string, Entry[]>();
  const byAddr = new Map<string, { name: string; source: SourceRange }[]>();
  text.split('\n').forEach((raw, i) => {
    const hash = raw.indexOf('#');
    const f = (hash >= 0 ? raw.slice(0, hash) : raw).split(/[ \t\r\v\f]+/).filter(Boolean);
    if (f.length < 2) return;
    const bytes = parseIp(f[0]!.split('%')[0]!);
    if (!bytes) return;
    const v4 = bytes.length === 4 || (bytes.slice(0, 10).every((x) => x === 0) && bytes[10] === 255 && bytes[11] === 255);
    const addr = ipString(bytes);
    const source = lineOf ? lineOf(i) : { file, line: i + 1, column: 1, endLine: i + 1, endColumn: raw.length + 1 };
    for (const n of f.slice(1)) {
      const name = (n.endsWith('.') ? n : `${n}.`).toLowerCase();
      if (matchZone(zones, name) === '') continue;
      const list = byName.get(name) ?? [];
      list.push({ addr, v4, source });
      byName.set(name, list);
      if (name.startsWith('*.') || !autoReverse) continue;
      const names = byAddr.get(addr) ?? [];
      names.push({ name, source });
      byAddr.set(addr, names);
    }
  });
  return { byName, byAddr };
}

/** The address a reverse name stands for (dnsutil.ExtractAddressFromReverse), in Go's form. */
function addressOfReverse(name: string): string | undefined {
  const n = name.toLowerCase();
  if (n.endsWith('.in-addr.arpa.')) {
    const parts = n.slice(0, -'.in-addr.arpa.'.length).split('.').reverse();
    const b = parseIp(parts.join('.'));
    return b && b.length === 4 ? ipString(b) : undefined;
  }
  if (n.endsWith('.ip6.arpa.')) {
    const nib = n.slice(0, -'.ip6.arpa.'.length).split('.').reverse();
    if (nib.length !== 32 || !nib.every((x) => /^[0-9a-f]$/.test(x))) return undefined;
    const b: number[] = [];
    for (let i = 0; i < 32; i += 2) b.push(parseInt(nib[i]! + nib[i + 1]!, 16));
    return ipString(b);
  }
  return undefined;
}

export const hosts: Builder = (p, ctx): Built => {
  const source = sourceOf(p, ctx);
  const path = p.args[0] ? rooted(p.args[0], ctx) : '/etc/hosts';
  const zones = origins(p.args.slice(1), ctx);
  let ttl = 3600;
  let autoReverse = true;
  let fall = new Fall();
  let unsupported = false;
  const inline: { text: string; source: SourceRange }[] = [];
  let reload: string | undefined;
  for (const pr of props(p)) {
    const w = words(pr);
    switch (pr.name.text) {
      case 'fallthrough':
        fall = Fall.from(w);
        break;
      case 'fallthrough_unsupported':
        unsupported = true;
        break;
      case 'no_reverse':
        autoReverse = false;
        break;
      case 'ttl':
        ttl = Number(w[0]);
        break;
      case 'reload':
        reload = w[0];
        break;
      default: {
        const last = pr.args[pr.args.length - 1] ?? pr.name;
        inline.push({
          text: [pr.name.text, ...w].join(' '),
          source: { file: ctx.corefile, line: pr.name.line, column: pr.name.col, endLine: last.endLine, endColumn: last.endCol },
        });
      }
    }
  }
  const fileText = ctx.readFile(path);
  const fromFile = parseMap(fileText ?? '', path, zones, autoReverse);
  const fromInline = parseMap(inline.map((l) => l.text).join('\n'), ctx.corefile, zones, autoReverse, (i) => inline[i]!.source);
  const me = { name: 'hosts', source };
  const lookupName = (name: string, v4: boolean): Entry[] => {
    const find = (m: HostsMap) => {
      const exact = m.byName.get(name);
      if (exact) return exact;
      const dot = name.indexOf('.');
      const wild = dot > 0 && dot < name.length - 1 ? m.byName.get(`*.${name.slice(dot + 1)}`) : undefined;
      return wild ?? [];
    };
    return [...find(fromFile), ...find(fromInline)].filter((e) => e.v4 === v4);
  };
  const handler: Handler = {
    name: 'hosts',
    source,
    serve(req: Req, next: Next): Res {
      // a container has an /etc/hosts of its own: its absence is worth saying when a file is named or no entry is inline
      if (fileText === undefined && (p.args[0] !== undefined || !inline.length))
        say(
          req,
          me,
          loc(`The hosts file ${path} does not exist: only the inline entries count.`, `${path} 파일이 없어 인라인 항목만 씁니다.`),
        );
      if (reload !== undefined)
        say(
          req,
          me,
          loc(
            `reload ${reload} is ignored: the simulator reads ${path} once.`,
            `reload ${reload} 설정은 무시합니다. 시뮬레이터는 ${path} 파일을 한 번만 읽습니다.`,
          ),
        );
      const name = qname(req.msg);
      const type = qtype(req.msg);
      if (matchZone(zones, name) === '' && type !== 'PTR') {
        say(
          req,
          me,
          loc(
            `${name} is not in its zones (${zones.join(' ')}): passed on.`,
            `이 플러그인의 존(${zones.join(' ')})에 없는 이름이라 다음으로 넘깁니다: ${name}`,
          ),
        );
        return next(req);
      }
      let answers: RR[] = [];
      if (type === 'PTR') {
        const addr = addressOfReverse(name);
        const names = addr ? [...(fromFile.byAddr.get(addr) ?? []), ...(fromInline.byAddr.get(addr) ?? [])] : [];
        if (!names.length) {
          say(
            req,
            me,
            loc(
              `No entry has the address of ${name}: passed on (a PTR always is).`,
              `${name}의 주소를 가진 항목이 없어 다음으로 넘깁니다 (PTR은 항상 넘깁니다).`,
            ),
          );
          return next(req);
        }
        answers = names.map((n) => ({ ...rr(name, ttl, { type: 'PTR', target: n.name }), source: n.source }));
      } else if (type === 'A' || type === 'AAAA') {
        answers = lookupName(name, type === 'A').map((e) => ({
          ...rr(name, ttl, type === 'A' ? { type: 'A', address: e.addr } : { type: 'AAAA', address: e.addr }),
          source: e.source,
        }));
      } else if (unsupported && fall.through(name)) {
        say(
          req,
          me,
          loc(
            `hosts does not answer ${type}: fallthrough_unsupported passes it on.`,
            `hosts는 ${type} 타입에 답하지 않으므로 fallthrough_unsupported에 따라 다음으로 넘깁니다.`,
          ),
        );
        return next(req);
      }
      const known = lookupName(name, true).length + lookupName(name, false).length > 0;
      if (!answers.length && !known) {
        if (fall.through(name)) {
          say(req, me, loc(`No entry for ${name}: fallthrough passes it on.`, `${name} 항목이 없어 fallthrough에 따라 다음으로 넘깁니다.`));
          return next(req);
        }
        say(
          req,
          me,
          loc(
            `No entry for ${name} and no fallthrough: SERVFAIL (hosts has no SOA to answer NXDOMAIN with).`,
            `${name} 항목이 없고 fallthrough도 없어 SERVFAIL입니다 (hosts에는 NXDOMAIN에 붙일 SOA가 없습니다).`,
          ),
          { rcode: 'SERVFAIL' },
        );
        return { kind: 'code', rcode: 'SERVFAIL' };
      }
      if (answers.length)
        say(
          req,
          me,
          loc(
            `${name} ${type}: ${answers.map((a) => (a.data.type === 'PTR' ? a.data.target : 'address' in a.data ? a.data.address : '')).join(', ')} (TTL ${ttl}, authoritative).`,
            `${name} ${type}: ${answers.map((a) => (a.data.type === 'PTR' ? a.data.target : 'address' in a.data ? a.data.address : '')).join(', ')} (TTL ${ttl}, 권한 있는 응답).`,
          ),
          { answers: answers.length },
          answers[0]!.source,
        );
      else
        say(
          req,
          me,
          loc(
            `${name} has entries, but none of type ${type}: NOERROR with no answer (NODATA).`,
            `${name} 항목은 있지만 ${type} 타입은 없어 답 없는 NOERROR(NODATA)입니다.`,
          ),
          { rcode: 'NOERROR', nodata: true },
        );
      return { kind: 'write', msg: { ...setReply(req.msg), aa: true, answer: answers } };
    },
  };
  return { handler };
};
