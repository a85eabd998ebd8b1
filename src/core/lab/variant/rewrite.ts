/**
 * Literal addresses that follow the variables. A subnet variable with a `default:` stands for
 * that subnet everywhere: the lab as written may use its addresses literally (the course notes'
 * `192.168.1.10`), and a student's copy moves every IPv4 address inside the default subnet to the
 * same host of the student's subnet (`10.23.4.10`), in every text file — lab.yaml, the READMEs,
 * the solution. The host number stays, so a Korean particle after an address stays right; lines
 * keep their numbers (an address never holds a new line).
 */
import { BITS, formatAddr, maskOf } from '../../net/addr';
import { parseCidr, type VariableValue } from './defs';

const IPV4_RE = /(?<![\w.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\w]|\.\d)/g;

interface Move {
  readonly from: bigint;
  readonly to: bigint;
  readonly mask: bigint;
}

/** The moves of every IPv4 subnet variable whose default differs from its value. */
export function defaultMoves(defaults: ReadonlyMap<string, string>, values: ReadonlyMap<string, VariableValue>): Move[] {
  const moves: Move[] = [];
  for (const [name, text] of defaults) {
    const d = parseCidr(text);
    const v = values.get(name);
    if (!d || !v || v.kind !== 'subnet' || d.addr.family !== 4 || v.prefix.addr.family !== 4 || d.len !== v.prefix.len) continue;
    if (d.addr.value === v.prefix.addr.value) continue;
    moves.push({ from: d.addr.value, to: v.prefix.addr.value, mask: maskOf(4, d.len) });
  }
  return moves;
}

/** `text` with every IPv4 address inside a moved subnet moved to the same host of its new one. */
export function moveAddresses(text: string, moves: readonly Move[]): string {
  if (!moves.length) return text;
  const hostBits = (1n << BigInt(BITS[4])) - 1n;
  return text.replace(IPV4_RE, (all, a: string, b: string, c: string, d: string) => {
    const parts = [a, b, c, d].map(Number);
    if (parts.some((x) => x > 255)) return all;
    const value = BigInt(((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!);
    const m = moves.find((mv) => (value & mv.mask) === mv.from);
    if (!m) return all;
    return formatAddr({ family: 4, value: (m.to | (value & ~m.mask & hostBits)) & hostBits });
  });
}
