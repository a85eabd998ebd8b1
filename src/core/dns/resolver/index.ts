/**
 * PLACEHOLDER of the labs branch, replaced by the client helper's resolver when main is merged:
 * `resolveName(world, req)` as dns/lookup.ts describes it. It answers nothing.
 */
import type { World } from '../../sim/model';
import type { Lookup, LookupRequest } from '../lookup';

export function resolveName(_world: World, request: LookupRequest): Lookup {
  return { request, status: 'unavail', answers: [], queries: [], steps: [], legs: [], elapsedMs: 0 };
}
