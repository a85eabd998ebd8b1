/** `-m mark --mark VALUE[/MASK]`: the packet's mark (skb->mark, set by `-j MARK`), under the mask. */
import { defineMatch, type MatchModule } from '../module';

interface MarkData {
  mark?: number;
  mask?: number;
  invert?: boolean;
}

/** strtoul with base 0, as xtables reads marks: decimal, 0x hex or 0 octal, up to 32 bits. */
export function parseU32(text: string): number | undefined {
  let n: number;
  if (/^0x[0-9a-f]+$/i.test(text)) n = parseInt(text, 16);
  else if (/^0[0-7]*$/.test(text)) n = parseInt(text, 8);
  else if (/^[1-9][0-9]*$/.test(text)) n = Number(text);
  else return undefined;
  return n <= 0xffffffff ? n : undefined;
}

/** `VALUE[/MASK]`, the mask all ones when absent; undefined when either part is not a 32-bit number. */
export function parseMarkMask(text: string): { value: number; mask: number } | undefined {
  const slash = text.indexOf('/');
  const value = parseU32(slash < 0 ? text : text.slice(0, slash));
  const mask = slash < 0 ? 0xffffffff : parseU32(text.slice(slash + 1));
  return value === undefined || mask === undefined ? undefined : { value, mask };
}

export const hex = (n: number): string => `0x${(n >>> 0).toString(16)}`;

export const markMatch: MatchModule = defineMatch<MarkData>({
  name: 'mark',
  options: [{ name: 'mark', arg: true }],
  init: () => ({}),
  parse(d, _opt, arg, invert) {
    const m = parseMarkMask(arg ?? '');
    if (!m) return 'mark: bad integer value for option "--mark", or out of range.\n';
    d.mark = m.value;
    d.mask = m.mask;
    if (invert) d.invert = true;
    return undefined;
  },
  final: (d) => (d.mark === undefined ? 'mark: option "--mark" must be specified\n' : undefined),
  save: (d) => `${d.invert ? ' !' : ''} --mark ${hex(d.mark ?? 0)}${d.mask === 0xffffffff ? '' : `/${hex(d.mask ?? 0)}`}`,
  print: (d) => ` mark match ${d.invert ? '! ' : ''}${hex(d.mark ?? 0)}${d.mask === 0xffffffff ? '' : `/${hex(d.mask ?? 0)}`}`,
  match: (d, { packet }) => (((packet.mark ?? 0) & (d.mask ?? 0)) >>> 0 === d.mark) !== !!d.invert,
});
