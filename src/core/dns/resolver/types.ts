/** Types the resolver's modules share. */
import type { Rcode } from '../msg';
import type { LookupAnswer, LookupStatus } from '../lookup';

/** The address family a gethostbyname call asks for: AF_UNSPEC (gethostbyname4), AF_INET or AF_INET6. */
export type Family = 'unspec' | 'inet' | 'inet6';

/** What a lookup ended with. */
export interface Outcome {
  readonly status: LookupStatus;
  readonly answers: readonly LookupAnswer[];
  readonly answeredBy?: string;
  readonly canonical?: string;
  readonly rcode?: Rcode;
}
