/**
 * Validating a packet check's `to:` against the lab: an IP address, or an endpoint named by a host
 * the lab declares (`c`, `c/eth0`, `host1/green`, `host1/green/veth-green`; see identity.ts). A
 * namespace or an interface after the host is made by run lines, so only the grade can tell
 * whether it exists; an unknown host is an error at its place, with did-you-mean.
 */
import type { Diagnostic } from '../../text/diag';
import { loc } from '../../text/i18n';
import { didYouMean } from '../../text/didyoumean';
import { eulreul, eunneun } from '../../text/particle';
import type { CheckSpec, Lab } from '../../lab/types';
import { argsOf, checkScalar, diag, has, text } from './common';
import { parseTarget } from './identity';

export function validateTarget(check: CheckSpec, key: string, lab: Lab): Diagnostic[] {
  const args = argsOf(check);
  if (!has(args, key)) return [];
  const t = text(args, key);
  if (t === undefined) return checkScalar(check, key);
  const target = parseTarget(t);
  if (!target) {
    return [
      diag(
        check,
        key,
        'bad-address',
        loc(
          `"${t}" is neither an IP address (e.g. 192.168.2.10; no /prefix) nor an endpoint (HOST, HOST/NETNS or HOST/INTERFACE).`,
          `${eunneun(`"${t}"`)} IP 주소(예: 192.168.2.10, /prefix 없이)도 엔드포인트(HOST, HOST/NETNS, HOST/INTERFACE)도 아닙니다.`,
        ),
      ),
    ];
  }
  if ('addr' in target || lab.hosts.some((h) => h.name === target.named.host)) return [];
  const names = lab.hosts.map((h) => h.name);
  const hint = didYouMean(target.named.host, names);
  return [
    diag(
      check,
      key,
      'unknown-host',
      loc(
        `"${t}" is not an IP address, and there is no host "${target.named.host}" in this lab${hint ? `; did you mean "${hint}"?` : ''}. Hosts: ${names.join(', ') || '(none)'}.`,
        `${eunneun(`"${t}"`)} IP 주소가 아니고, 이 실습에 "${target.named.host}" 호스트도 없습니다${hint ? `. ${eulreul(`"${hint}"`)} 뜻했나요?` : ''}. 호스트: ${names.join(', ') || '(없음)'}.`,
      ),
    ),
  ];
}
