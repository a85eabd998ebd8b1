/**
 * `-m physdev`: the bridge ports a bridged packet came in by and goes out of (br_netfilter):
 * `--physdev-in NAME`, `--physdev-out NAME` (`+` wildcards), `--physdev-is-in`, `--physdev-is-out`,
 * `--physdev-is-bridged`, each with `!`. The walk gives the ports at the FORWARD hook of bridged
 * traffic (HookIo.physIn/physOut); a routed packet has none here.
 */
import { defineMatch, type MatchModule } from '../module';
import { checkIface, ifaceMatches } from '../ipspec';

interface PhysdevData {
  in?: string;
  inInvert?: boolean;
  out?: string;
  outInvert?: boolean;
  isIn?: boolean;
  isInInvert?: boolean;
  isOut?: boolean;
  isOutInvert?: boolean;
  isBridged?: boolean;
  isBridgedInvert?: boolean;
}

const not = (b: boolean | undefined) => (b ? ' !' : '');

/** The options as -S prints them (and -L after `PHYSDEV match`). */
function savePhysdev(d: PhysdevData): string {
  return (
    (d.isIn ? `${not(d.isInInvert)} --physdev-is-in` : '') +
    (d.in !== undefined ? `${not(d.inInvert)} --physdev-in ${d.in}` : '') +
    (d.isOut ? `${not(d.isOutInvert)} --physdev-is-out` : '') +
    (d.out !== undefined ? `${not(d.outInvert)} --physdev-out ${d.out}` : '') +
    (d.isBridged ? `${not(d.isBridgedInvert)} --physdev-is-bridged` : '')
  );
}

export const physdevMatch: MatchModule = defineMatch<PhysdevData>({
  name: 'physdev',
  options: [
    { name: 'physdev-in', arg: true },
    { name: 'physdev-out', arg: true },
    { name: 'physdev-is-in', arg: false },
    { name: 'physdev-is-out', arg: false },
    { name: 'physdev-is-bridged', arg: false },
  ],
  init: () => ({}),
  parse(d, opt, arg, invert) {
    switch (opt) {
      case 'physdev-in':
      case 'physdev-out': {
        const err = checkIface(arg ?? '');
        if (err) return err;
        if (opt === 'physdev-in') [d.in, d.inInvert] = [arg, invert];
        else [d.out, d.outInvert] = [arg, invert];
        return undefined;
      }
      case 'physdev-is-in':
        [d.isIn, d.isInInvert] = [true, invert];
        return undefined;
      case 'physdev-is-out':
        [d.isOut, d.isOutInvert] = [true, invert];
        return undefined;
      default:
        [d.isBridged, d.isBridgedInvert] = [true, invert];
        return undefined;
    }
  },
  final: (d) =>
    d.in === undefined && d.out === undefined && !d.isIn && !d.isOut && !d.isBridged ? 'PHYSDEV: no physdev option specified' : undefined,
  save: (d) => savePhysdev(d),
  print: (d) => ' PHYSDEV match' + savePhysdev(d),
  // xt_physdev's checkentry: --physdev-out (or -is-out) of traffic not known to be bridged is refused at OUTPUT.
  check: (d, env) => !((d.out !== undefined || d.isOut) && (!d.isBridged || d.isBridgedInvert) && env.hooks.has('OUTPUT')),
  match(d, { io }) {
    const pin = io.physIn?.name;
    const pout = io.physOut?.name;
    if (d.isBridged && (pin !== undefined && pout !== undefined) === !!d.isBridgedInvert) return false;
    if (d.isIn && (pin !== undefined) === !!d.isInInvert) return false;
    if (d.isOut && (pout !== undefined) === !!d.isOutInvert) return false;
    if (d.in !== undefined && (pin !== undefined && ifaceMatches(d.in, pin)) === !!d.inInvert) return false;
    if (d.out !== undefined && (pout !== undefined && ifaceMatches(d.out, pout)) === !!d.outInvert) return false;
    return true;
  },
});
