/**
 * A host's `serve:`: the sockets its apps listen on, a list of `[netns:]tcp/PORT` or
 * `[netns:]udp/PORT`, or programs started there: `[netns:]coredns` (CoreDNS with
 * /etc/coredns/Corefile).
 */
import { isScalar, isSeq, type Node, type Scalar } from 'yaml';
import type { SourceRange } from '../../text/diag';
import { loc } from '../../text/i18n';
import { COREDNS_DEFAULT_CONF, type ServeSpec } from '../types';
import { type Reader, typeName } from './reader';
import { eunneun } from '../../text/particle';

const SERVE_RE = /^(?:([^:\s/]+):)?(tcp|udp)\/([0-9]{1,5})$/;
const PROGRAM_RE = /^(?:([^:\s/]+):)?(coredns)$/;

/** The sockets a host serves (`range`: the host's name, for places the node lacks). */
export function readServe(rd: Reader, serve: unknown, range: SourceRange): ServeSpec[] {
  const out: ServeSpec[] = [];
  if (serve === undefined || (isScalar(serve) && serve.value === null)) return out;
  // A list, even of one socket, as switches: are: one form for every lab, and a string that only
  // looks like a list (`tcp/80, udp/53`) is never read as one socket.
  if (!isSeq(serve)) {
    rd.error(
      'wrong-type',
      rd.nodeRange(serve as Node, range),
      loc(
        'serve must be a list of sockets, e.g. [tcp/80] or [tcp/80, red:tcp/8080].',
        'serve는 [tcp/80]이나 [tcp/80, red:tcp/8080]처럼 소켓의 리스트여야 합니다.',
      ),
    );
    return out;
  }
  for (const item of serve.items) {
    const r = rd.nodeRange(item as Node, range);
    const s = isScalar(item) ? String((item as Scalar).value) : undefined;
    const program = s !== undefined ? PROGRAM_RE.exec(s) : null;
    if (program) {
      out.push({ netns: program[1] ?? '', proto: 'udp', port: 53, range: r, program: { name: 'coredns', conf: COREDNS_DEFAULT_CONF } });
      continue;
    }
    const m = s !== undefined ? SERVE_RE.exec(s) : null;
    const port = m ? Number(m[3]) : 0;
    if (!m || port < 1 || port > 65535) {
      rd.error(
        'bad-serve',
        r,
        loc(
          `"${s ?? typeName(item).en}" is not a socket: write [netns:]tcp/PORT or [netns:]udp/PORT, e.g. tcp/80 or red:tcp/8080, or [netns:]coredns.`,
          `${eunneun(`"${s ?? typeName(item).ko}"`)} 소켓이 아닙니다: tcp/80이나 red:tcp/8080처럼 [netns:]tcp/PORT 또는 [netns:]udp/PORT로 쓰세요. CoreDNS는 [netns:]coredns로 씁니다.`,
        ),
      );
      continue;
    }
    out.push({ netns: m[1] ?? '', proto: m[2] as 'tcp' | 'udp', port, range: r });
  }
  return out;
}
