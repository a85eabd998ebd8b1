/** The endpoints a check names (`from: B/red`, `on: B`), with where each is written. */
import type { SourceRange } from '../text/diag';
import { type Endpoint, parseEndpoint } from '../net/endpoint';
import type { CheckSpec } from './types';

export interface CheckEndpoint {
  readonly key: 'from' | 'on';
  readonly endpoint: Endpoint;
  /** The value's place, when the loader recorded it. */
  readonly range?: SourceRange;
}

export function checkEndpoints(check: CheckSpec): CheckEndpoint[] {
  const args = check.args as Record<string, unknown> | null;
  if (!args || typeof args !== 'object') return [];
  const out: CheckEndpoint[] = [];
  for (const key of ['from', 'on'] as const) {
    const v = args[key];
    if (typeof v !== 'string') continue;
    const endpoint = parseEndpoint(v);
    if (endpoint) out.push({ key, endpoint, ...(check.argRanges[key] ? { range: check.argRanges[key] } : {}) });
  }
  return out;
}
