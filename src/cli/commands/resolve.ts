/**
 * `knetlab resolve`: looks a name up from an endpoint as a program there would (getaddrinfo by
 * default: nsswitch.conf, /etc/hosts, resolv.conf's search list and servers, each query walked
 * through the network to a server and back) and prints every step with its lab line (text), or the
 * whole lookup (JSON, the contract described in README.md).
 */
import { DEFAULT_SEED, formatEndpoint, type Localized } from '../../core';
import type { LookupTool } from '../../core/dns/lookup';
import { resolveName } from '../../core/dns/resolver';
import { lookupInLab } from '../../core/lab/fileLines';
import { parseAddr } from '../../core/net/addr';
import type { Command } from '../command';
import { fmt, t, UsageError } from '../common';
import { checkEndpoint, loadWorld } from '../lab';
import { lookupJson, lookupText } from '../lookupText';

const M = {
  usage: {
    en: 'usage: knetlab resolve LAB --from HOST[/NETNS] NAME [--type T] [--tool getent|getaddrinfo|dig|host|nslookup] [--server ADDR]',
    ko: '사용법: knetlab resolve 실습 --from 호스트[/네임스페이스] 이름 [--type 타입] [--tool getent|getaddrinfo|dig|host|nslookup] [--server 주소]',
  },
  badTool: {
    en: 'unknown tool "{0}" (getent, getaddrinfo, dig, host or nslookup)',
    ko: '알 수 없는 도구 "{0}" (getent, getaddrinfo, dig, host, nslookup)',
  },
  badType: {
    en: '"{0}" is not a record type (A, AAAA, CNAME, MX, TXT, PTR, SRV, NS, SOA)',
    ko: '"{0}"{0|은} 레코드 타입이 아닙니다 (A, AAAA, CNAME, MX, TXT, PTR, SRV, NS, SOA)',
  },
  typeGlibc: {
    en: '--type goes with dig, host or nslookup: {0} asks for A and AAAA records, as glibc does',
    ko: '--type은 dig, host, nslookup과 함께 씁니다: {0}{0|은} glibc처럼 A와 AAAA 레코드를 묻습니다',
  },
  serverGlibc: {
    en: '--server goes with dig, host or nslookup: {0} asks the servers of /etc/resolv.conf',
    ko: '--server는 dig, host, nslookup과 함께 씁니다: {0}{0|은} /etc/resolv.conf의 서버에 묻습니다',
  },
  badName: { en: '"{0}" is not a name to look up', ko: '"{0}"{0|은} 해석할 이름이 아닙니다' },
  badServer: {
    en: '--server takes an IPv4 or IPv6 address (the port is 53): "{0}"',
    ko: '--server에는 IPv4나 IPv6 주소를 씁니다(포트는 53): "{0}"',
  },
} satisfies Record<string, Localized>;

/** `--tool` words and the resolver's tools: `getent` is `getent hosts`. */
const TOOLS: Readonly<Record<string, LookupTool>> = {
  getent: 'getent-hosts',
  'getent-hosts': 'getent-hosts',
  'getent-ahosts': 'getent-ahosts',
  getaddrinfo: 'getaddrinfo',
  dig: 'dig',
  host: 'host',
  nslookup: 'nslookup',
};

const GLIBC: ReadonlySet<LookupTool> = new Set(['getent-hosts', 'getent-ahosts', 'getaddrinfo']);

/** The record types dig, host and nslookup take (and TYPEnn, RFC 3597). */
export const RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'PTR', 'SRV', 'NS', 'SOA', 'ANY'];

export function recordType(text: string): string | undefined {
  const up = text.toUpperCase();
  return RECORD_TYPES.includes(up) || /^TYPE[0-9]{1,5}$/.test(up) ? up : undefined;
}

export const resolve: Command = {
  name: 'resolve',
  summary: {
    en: 'Look a name up from a host, step by step, as its programs would.',
    ko: '호스트의 프로그램이 하듯 이름을 해석하는 과정을 단계별로 보여 줍니다.',
  },
  usage: {
    en: 'resolve LAB --from HOST[/NETNS] NAME [--type T] [--tool getent|getaddrinfo|dig|host|nslookup] [--server ADDR] [--format text|json]',
    ko: 'resolve 실습 --from 호스트[/네임스페이스] 이름 [--type 타입] [--tool getent|getaddrinfo|dig|host|nslookup] [--server 주소] [--format text|json]',
  },
  help: {
    en: 'Look a name up as a program on the host would (getaddrinfo by default: nsswitch.conf, /etc/hosts, the search list, each DNS query through the network and what the server did), with the lab line behind each step. Exit 0 when the name was found, 1 when not.',
    ko: '호스트의 프로그램처럼 이름을 해석합니다(기본은 getaddrinfo: nsswitch.conf, /etc/hosts, 검색 도메인, 네트워크를 지나는 DNS 질의와 서버가 한 일). 단계마다 그 원인이 된 실습 줄을 보여 줍니다. 이름을 찾으면 0, 못 찾으면 1.',
  },
  listing: 'command',
  options: [
    { name: '--from', value: 'HOST[/NETNS]' },
    { name: '--type', value: 'T' },
    { name: '--tool', value: 'getent|getaddrinfo|dig|host|nslookup' },
    { name: '--server', value: 'ADDR' },
    { name: '--format', value: 'text|json' },
    { name: '--student', value: 'ID' },
  ],
  run(p, { lang, io }) {
    const from = p.options.get('--from');
    if (!from || p.positional.length !== 2) throw new UsageError(M.usage[lang]);
    const name = p.positional[1]!;
    if (!name.trim() || /\s/.test(name)) throw new UsageError(fmt(lang, M.badName, name));
    const toolWord = p.options.get('--tool') ?? 'getaddrinfo';
    const tool = TOOLS[toolWord];
    if (!tool) throw new UsageError(fmt(lang, M.badTool, toolWord));
    const typeText = p.options.get('--type');
    const type = typeText !== undefined ? recordType(typeText) : undefined;
    if (typeText !== undefined && !type) throw new UsageError(fmt(lang, M.badType, typeText));
    if (type !== undefined && GLIBC.has(tool)) throw new UsageError(fmt(lang, M.typeGlibc, toolWord));
    const server = p.options.get('--server');
    if (server !== undefined && GLIBC.has(tool)) throw new UsageError(fmt(lang, M.serverGlibc, toolWord));
    if (server !== undefined && !parseAddr(server)) throw new UsageError(fmt(lang, M.badServer, server));
    const format = p.options.get('--format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(t(lang, 'badFormat', format));
    const { world, lab } = loadWorld(p.positional[0], lang, io, p.options.get('--student'));
    const ep = checkEndpoint(world, from, lang);
    const asRead = resolveName(world, {
      from: ep,
      name,
      tool,
      ...(type !== undefined ? { type } : {}),
      ...(server !== undefined ? { server } : {}),
    });
    // The files' lines as the lab lines that wrote them.
    const lookup = lookupInLab(lab, world, asRead);
    if (format === 'json') io.out(JSON.stringify(lookupJson(lookup, lang), null, 2) + '\n');
    else io.out(lookupText(lookup, formatEndpoint(ep), lang, DEFAULT_SEED));
    return lookup.status === 'success' ? 0 : 1;
  },
};
