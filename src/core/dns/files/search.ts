/**
 * The names a lookup asks DNS for, in order, as glibc 2.36's res_search does it
 * (resolv/res_query.c, __res_context_search), each failing as NXDOMAIN would make it go on:
 * a name ending in a dot is asked as it is and nothing else; a name with at least `ndots` dots is
 * asked as it is first; then the name under each search domain, in order (glibc 2.26 and later
 * keep every search domain, no longer six); then the name as it is, if it was not asked yet and
 * no search domain was the root. A name too long for a query (over 253 characters, a label over
 * 63, an empty label) is no query: glibc fails it as NO_RECOVERY, which ends the search list.
 */

export type CandidateWhy = 'absolute' | 'ndots' | 'search' | 'as-is-last';

export interface SearchCandidate {
  /** The name asked, without the final dot (glibc adds none: `name.` only for a root search domain). */
  readonly name: string;
  readonly why: CandidateWhy;
  /** The search domain it comes from (`''` for the root). */
  readonly domain?: string;
  /** False when glibc cannot make a query of it (too long, an empty label): nothing is sent. */
  readonly sent: boolean;
}

export interface SearchInput {
  readonly ndots: number;
  readonly search: readonly string[];
  /** `options no-tld-query`: a name without a dot is never asked as it is after the search list. */
  readonly noTldQuery?: boolean;
}

/** glibc's MAXDNAME: a name longer than this is refused before any query. */
const MAXDNAME = 1025;

/** Whether res_mkquery can encode `name`: labels of 1 to 63 octets, 255 octets in all. */
export function encodable(name: string): boolean {
  if (name === '.') return true;
  const body = name.endsWith('.') ? name.slice(0, -1) : name;
  if (body === '') return false;
  const labels = body.split('.');
  if (labels.some((l) => l.length === 0 || l.length > 63)) return false;
  return labels.reduce((n, l) => n + l.length + 1, 1) <= 255;
}

export function searchCandidates(name: string, input: SearchInput): SearchCandidate[] {
  const out: SearchCandidate[] = [];
  let dots = 0;
  for (const c of name) if (c === '.') dots++;
  const trailing = name.length > 0 && name.endsWith('.');
  const asIs = (why: CandidateWhy): SearchCandidate => ({ name, why, sent: name.length - 1 < MAXDNAME - 1 && encodable(name) });
  let triedAsIs = false;
  if (dots >= input.ndots || trailing) {
    out.push(asIs(trailing ? 'absolute' : 'ndots'));
    if (trailing) return out;
    triedAsIs = true;
  }
  let searched = false;
  let rootOnList = false;
  for (const d of input.search) {
    searched = true;
    const domain = d.startsWith('.') ? d.slice(1) : d;
    if (domain === '') rootOnList = true;
    const full = `${name}.${domain}`;
    const sent = name.length + domain.length + 1 < MAXDNAME && encodable(full);
    out.push({ name: full, why: 'search', domain, sent });
    if (!sent) break;
  }
  if ((dots > 0 || !searched || !input.noTldQuery) && !(triedAsIs || rootOnList)) out.push(asIs('as-is-last'));
  return out;
}
