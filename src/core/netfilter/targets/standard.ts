/**
 * The standard verdicts: ACCEPT (the packet leaves this table's chain accepted), DROP (it dies
 * silently), RETURN (back to the calling chain, or the built-in chain's policy). Jumps to user
 * chains are not modules: a rule's target names the chain (model.ts RuleTarget).
 */
import { defineTarget, type TargetModule } from '../module';

function verdict(name: 'ACCEPT' | 'DROP' | 'RETURN'): TargetModule {
  const v = name === 'ACCEPT' ? 'accept' : name === 'DROP' ? 'drop' : 'return';
  return defineTarget<object>({
    name,
    options: [],
    init: () => ({}),
    parse: () => undefined,
    save: () => '',
    apply: () => ({ verdict: v }),
  });
}

export const acceptTarget = verdict('ACCEPT');
export const dropTarget = verdict('DROP');
export const returnTarget = verdict('RETURN');
