/**
 * `-j MARK --set-mark V[/M] | --set-xmark V[/M] | --and-mark V | --or-mark V | --xor-mark V`: sets
 * the packet's mark (skb->mark) as `mark = (mark & ~M) ^ V`; iptables prints every form as --set-xmark.
 */
import { loc } from '../../text/i18n';
import { ro } from '../../text/particle';
import { defineTarget, type TargetModule } from '../module';
import { hex, parseMarkMask, parseU32 } from '../matches/mark';

interface MarkData {
  value?: number;
  mask?: number;
}

export const markTarget: TargetModule = defineTarget<MarkData>({
  name: 'MARK',
  options: [
    { name: 'set-mark', arg: true },
    { name: 'set-xmark', arg: true },
    { name: 'and-mark', arg: true },
    { name: 'or-mark', arg: true },
    { name: 'xor-mark', arg: true },
  ],
  init: () => ({}),
  parse(d, opt, arg) {
    const bad = `MARK: bad integer value for option "--${opt}", or out of range.\n`;
    if (d.value !== undefined) return 'MARK: Only one of --set-xmark, --{and,or,xor,set}-mark allowed';
    if (opt === 'set-mark' || opt === 'set-xmark') {
      const m = parseMarkMask(arg ?? '');
      if (!m) return bad;
      // --set-mark V/M: clear M, then set V; --set-xmark V/M: clear M, then xor V.
      d.value = m.value;
      d.mask = opt === 'set-mark' ? (m.mask | m.value) >>> 0 : m.mask;
      return undefined;
    }
    const v = parseU32(arg ?? '');
    if (v === undefined) return bad;
    if (opt === 'and-mark') [d.value, d.mask] = [0, ~v >>> 0];
    else if (opt === 'or-mark') [d.value, d.mask] = [v, v];
    else [d.value, d.mask] = [v, 0];
    return undefined;
  },
  final: (d) => (d.value === undefined ? 'MARK: One of the --set-xmark, --{and,or,xor,set}-mark options is required' : undefined),
  save: (d) => ` --set-xmark ${hex(d.value ?? 0)}/${hex(d.mask ?? 0)}`,
  print(d) {
    const [v, m] = [d.value ?? 0, d.mask ?? 0];
    if (v === 0) return ` MARK and ${hex(~m >>> 0)}`;
    if (v === m) return ` MARK or ${hex(v)}`;
    if (m === 0) return ` MARK xor ${hex(v)}`;
    return m === 0xffffffff ? ` MARK set ${hex(v)}` : ` MARK xset ${hex(v)}/${hex(m)}`;
  },
  apply(d, ctx) {
    const before = ctx.packet.mark ?? 0;
    const mark = ((before & ~(d.mask ?? 0)) ^ (d.value ?? 0)) >>> 0;
    return {
      verdict: 'continue',
      packet: { ...ctx.packet, mark },
      detail: loc(
        `MARK: the packet's mark ${hex(before)} becomes ${hex(mark)}.`,
        `MARK: 패킷의 마크가 ${hex(before)}에서 ${ro(hex(mark))} 바뀝니다.`,
      ),
    };
  },
});
