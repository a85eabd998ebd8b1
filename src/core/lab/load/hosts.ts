/**
 * `hosts:`: host names mapped to hosts, each with its interfaces, run lines, files and served
 * sockets (interfaces.ts, run.ts, files.ts, serve.ts). Names are checked, and unique ignoring case.
 */
import { isMap, isScalar, type Node } from 'yaml';
import type { SourceRange } from '../../text/diag';
import { loc } from '../../text/i18n';
import type { HostSpec, Named } from '../types';
import { readFiles } from './files';
import { readInterfaces } from './interfaces';
import { HOST_NAME_RE } from './names';
import { checkKeys, keyOf, type LoadOptions, type Reader } from './reader';
import { runLines } from './run';
import { readServe } from './serve';
import { eunneun, iga } from '../../text/particle';

const HOST_KEYS = ['interfaces', 'run', 'files', 'serve'] as const;

/** The hosts of the lab (`top`: the start of the file, for places the node lacks). */
export function readHosts(rd: Reader, hostsNode: unknown, top: SourceRange, switches: readonly Named[], opts: LoadOptions): HostSpec[] {
  const hosts: HostSpec[] = [];
  if (hostsNode === undefined) {
    rd.error('missing-key', top, loc('The lab has no "hosts:".', '실습에 "hosts:"가 없습니다.'));
  } else if (!isMap(hostsNode)) {
    if (!(isScalar(hostsNode) && hostsNode.value === null)) {
      rd.error(
        'wrong-type',
        rd.nodeRange(hostsNode as Node, top),
        loc('hosts must be a mapping of host names to hosts.', 'hosts는 호스트 이름에서 호스트로의 매핑이어야 합니다.'),
      );
    }
  } else {
    for (const pair of hostsNode.items) {
      const { key, node: keyNode } = keyOf(pair);
      const hr = rd.nodeRange(keyNode, top);
      if (!HOST_NAME_RE.test(key)) {
        rd.error(
          'bad-name',
          hr,
          loc(
            `"${key}" is not a valid host name: a DNS label (RFC 1123): letters, digits and "-", at most 63, starting and ending with a letter or digit.`,
            `${eunneun(`"${key}"`)} 올바른 호스트 이름이 아닙니다: DNS 레이블(RFC 1123): 문자, 숫자, "-" 최대 63자, 문자나 숫자로 시작하고 끝남.`,
          ),
        );
        continue;
      }
      if (hosts.some((h) => h.name.toLowerCase() === key.toLowerCase())) {
        rd.error(
          'duplicate-name',
          hr,
          loc(`The host "${key}" is declared twice.`, `호스트 ${iga(`"${key}"`)} 두 번 선언되었습니다.`),
          true,
        );
        continue;
      }
      hosts.push(readHost(rd, key, hr, pair.value as Node | null, switches, opts));
    }
  }
  return hosts;
}

function readHost(
  rd: Reader,
  name: string,
  range: SourceRange,
  node: Node | null,
  switches: readonly Named[],
  opts: LoadOptions,
): HostSpec {
  const host: HostSpec = { name, range, interfaces: [], run: [], files: [], serve: [] };
  if (node === null || (isScalar(node) && node.value === null)) return host;
  if (!isMap(node)) {
    rd.error(
      'wrong-type',
      rd.nodeRange(node, range),
      loc(
        `Host ${name} must be a mapping (interfaces, run, files, serve).`,
        `호스트 ${eunneun(name)} 매핑(interfaces, run, files, serve)이어야 합니다.`,
      ),
    );
    return host;
  }
  checkKeys(rd, node, HOST_KEYS, loc(`host ${name}`, `호스트 ${name}`));
  const run = node.get('run', true);
  return {
    ...host,
    interfaces: readInterfaces(rd, node.get('interfaces', true), name, range, switches),
    run: run === undefined ? [] : runLines(rd, run, range),
    files: readFiles(rd, node.get('files', true), range, opts),
    serve: readServe(rd, node.get('serve', true), range),
  };
}
