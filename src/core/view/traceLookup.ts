/**
 * What decided a name lookup's own step (stage `resolve`, dns/lookupLegs.ts), for the panel's
 * detail: which part of the resolver's configuration the step read (nsswitch.conf's hosts: line,
 * /etc/hosts, resolv.conf's search list and ndots, a nameserver), in a sentence, with the step's
 * other facts as fields.
 */
import { type Localized, loc } from '../text/i18n';
import type { Step } from '../datapath/trace';
import type { LookupStepKind } from '../dns/lookup';

/** A fact of the step as traceDetail.ts's DataField (key and value). */
interface Field {
  readonly key: string;
  readonly value: string;
}

export interface LookupDecision {
  readonly kind: 'lookup';
  /** The resolver's step kind (`nsswitch`, `hosts`, `search`, `query`, `timeout`, `answer`). */
  readonly step: LookupStepKind;
  /** What the step read, in a sentence. */
  readonly what: Localized;
  /** For a query: the server it went to (`10.96.0.10#53`). */
  readonly server?: string;
  readonly fields: readonly Field[];
}

const WHAT: Partial<Record<LookupStepKind, (server: string) => Localized>> = {
  nsswitch: () =>
    loc(
      'The hosts: line of /etc/nsswitch.conf: which source is asked next, and what its answer makes the lookup do.',
      '/etc/nsswitch.conf의 hosts: 줄이 다음에 물어볼 소스와, 그 소스의 결과에 따라 조회가 할 일을 정합니다.',
    ),
  hosts: () => loc('/etc/hosts, read line by line for the name.', '/etc/hosts를 한 줄씩 읽으며 이름을 찾습니다.'),
  search: () =>
    loc(
      "/etc/resolv.conf's search list and ndots: which names are asked, in which order.",
      '/etc/resolv.conf의 search 목록과 ndots가 어떤 이름을 어떤 순서로 물어볼지 정합니다.',
    ),
  query: (server) =>
    loc(
      `A DNS query to ${server} (a nameserver line of /etc/resolv.conf, or the server the tool was given); the legs after this one are that query and its answer.`,
      `${server}에 보내는 DNS 질의입니다 (/etc/resolv.conf의 nameserver 줄, 또는 도구에 준 서버). 이 다음 구간이 그 질의와 응답입니다.`,
    ),
  timeout: () =>
    loc(
      "No answer within resolv.conf's timeout: the resolver asks again, or the next server, until its attempts run out.",
      'resolv.conf의 timeout 안에 응답이 없습니다. 리졸버는 attempts가 다할 때까지 다시 묻거나 다음 서버에 묻습니다.',
    ),
  answer: () => loc('The answer the resolver takes.', '리졸버가 받아들인 결과입니다.'),
};

/** The decision of a `resolve` step whose kind has a sentence; undefined for any other (its data is shown as fields). */
export function lookupDecision(step: Step, fields: readonly Field[]): LookupDecision | undefined {
  const kind = step.data?.['lookup'] as LookupStepKind | undefined;
  const what = kind !== undefined ? WHAT[kind] : undefined;
  if (kind === undefined || !what) return undefined;
  const server = typeof step.data?.['server'] === 'string' ? step.data['server'] : undefined;
  return { kind: 'lookup', step: kind, what: what(server ?? ''), ...(server ? { server } : {}), fields };
}
