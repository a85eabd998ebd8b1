/** `-m state --state LIST`: the older form of `-m conntrack --ctstate` (conntrack.ts), without SNAT and DNAT. */
import { defineMatch, type MatchModule } from '../module';
import { parseStates, type StateData, statesMatch } from './conntrack';

export const stateMatch: MatchModule = defineMatch<StateData>({
  name: 'state',
  options: [{ name: 'state', arg: true }],
  init: () => ({}),
  parse: (d, _opt, arg, invert) => parseStates(d, arg, invert, 'Bad state', ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED']),
  final: (d) => (d.states ? undefined : 'state: option "--state" must be specified\n'),
  print: (d) => `${d.invert ? ' !' : ''} state ${(d.states ?? []).join(',')}`,
  save: (d) => (d.states ? `${d.invert ? ' !' : ''} --state ${d.states.join(',')}` : ''),
  match: statesMatch,
});
