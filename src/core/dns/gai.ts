/**
 * getaddrinfo's errors, as gai_strerror words them (glibc posix/gai_strerror-strs.h), for a lookup
 * that found no address: what ping, curl or the trace say before they send anything.
 */
import { loc, type Localized } from '../text/i18n';
import type { LookupStatus } from './lookup';

/**
 * getaddrinfo's error for a lookup that found no address, as gai_strerror words it (glibc
 * posix/gai_strerror-strs.h), and what it means for a student.
 */
const GAI_ERRORS: Readonly<Record<Exclude<LookupStatus, 'success'>, { readonly text: string; readonly ko: string }>> = {
  notfound: { text: 'Name or service not known', ko: '이름을 찾지 못했습니다' },
  nodata: { text: 'No address associated with hostname', ko: '이름은 있지만 주소 레코드가 없습니다' },
  tryagain: { text: 'Temporary failure in name resolution', ko: '응답한 DNS 서버가 없습니다' },
  // nss_dns says UNAVAIL when every server refused (ICMP port unreachable), with h_errno TRY_AGAIN:
  // getaddrinfo gives EAI_AGAIN (checked: ping against a nameserver where nothing listens).
  unavail: { text: 'Temporary failure in name resolution', ko: '사용할 수 있는 DNS 서버가 없습니다' },
};

/** gai_strerror's text for a failed lookup's status (`Name or service not known`). */
export function gaiError(status: LookupStatus): string {
  return status === 'success' ? 'Success' : GAI_ERRORS[status].text;
}

/** What a program says when getaddrinfo fails: `ping: web: Name or service not known` (ping for icmp, the bare error otherwise). */
export function unresolvedReason(name: string, status: LookupStatus, proto: 'icmp' | 'tcp' | 'udp'): Localized {
  const head = `${proto === 'icmp' ? 'ping: ' : ''}${name}: ${gaiError(status)}`;
  const why = status === 'success' ? '' : GAI_ERRORS[status].ko;
  return loc(head, why ? `${head} (${why})` : head);
}
