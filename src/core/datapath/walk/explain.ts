/**
 * Explanations of absence: why a frame or a packet found nothing where the student expected
 * something, with the lab lines behind it. A layer-2 loop (the frame came back to a bridge it had
 * crossed: a broadcast storm); a link on the way that is down (set down at a line, or never brought
 * up); a route that a line removed (`ip link set DEV down`, `ip addr del`, `ip route del`...).
 * Read only on a walk's failure paths: the world's history (sim/history.ts) costs nothing otherwise.
 */
import { type Localized, loc } from '../../text/i18n';
import { eulreul, iga, ro } from '../../text/particle';
import { type Link, nsLabel, type SourceRef } from '../../sim/model';
import type { L2Loop } from './context';

export interface Explanation {
  readonly reason: Localized;
  /** The line that decides it, where known. */
  readonly source?: SourceRef;
  readonly data: Record<string, unknown>;
}

/** `a eth0`, or `a/red eth0`. */
export function linkLabel(l: Link): string {
  return `${nsLabel(l.netns)} ${l.name}`;
}

/** ` (line 12)` and ` (12행)`, or nothing. */
export function atLine(at: SourceRef | undefined): Localized {
  return at ? loc(` (line ${at.line})`, ` (${at.line}행)`) : loc('', '');
}

function latest(refs: readonly (SourceRef | undefined)[]): SourceRef | undefined {
  let best: SourceRef | undefined;
  for (const r of refs) if (r && (!best || r.line > best.line)) best = r;
  return best;
}

/** A frame that came back to a segment it had crossed: a broadcast storm, with the links of the circle and their lines. */
export function explainLoop(loop: L2Loop): Explanation {
  const chain = loop.links.map(linkLabel);
  // The lines that closed the circle: each port's `master` line, else the line that made the link.
  const refs = loop.links.map((l) => l.masterOrigin ?? l.origin);
  const lines = [...new Set(refs.filter((r): r is SourceRef => !!r).map((r) => r.line))].sort((a, b) => a - b);
  const via = loop.links[loop.links.length - 1]!;
  const seg =
    loop.kind === 'bridge'
      ? loc(`bridge ${loop.segment}`, `브리지 ${ro(loop.segment)}`)
      : loc(`switch ${loop.segment}`, `스위치 ${ro(loop.segment)}`);
  const linesText = lines.length
    ? loc(` The lines that make the loop: ${lines.join(', ')}.`, ` 이 루프를 만든 줄: ${lines.join(', ')}행.`)
    : loc('', '');
  return {
    reason: loc(
      `Layer-2 loop: the broadcast came back to ${seg.en} through ${linkLabel(via)}. Nothing breaks the loop (Linux bridges run no STP unless it is turned on), so every broadcast circles for ever and is copied at each pass: a broadcast storm, and nothing gets through. The loop: ${chain.join(' -> ')}.${linesText.en}`,
      `2계층 루프: 브로드캐스트가 ${eulreul(linkLabel(via))} 거쳐 ${seg.ko} 되돌아왔습니다. 루프를 끊는 장치가 없어서(리눅스 브리지는 STP를 켜지 않으면 쓰지 않습니다) 브로드캐스트가 끝없이 돌며 지날 때마다 복제됩니다. 브로드캐스트 스톰이 일어나 아무것도 전달되지 않습니다. 루프: ${chain.join(' -> ')}.${linesText.ko}`,
    ),
    source: latest(refs),
    data: { loop: chain, lines, segment: loop.segment },
  };
}

/**
 * Why `link` is down: the line that set it down, or that no line brought it up. `role` says what the
 * link is to the frame (a bridge port, a veth peer, the bridge).
 */
export function downWhy(link: Link): { text: Localized; source?: SourceRef } {
  const who = linkLabel(link);
  if (link.stateOrigin)
    return {
      text: loc(
        `${who} is down: line ${link.stateOrigin.line} set it down`,
        `${iga(who)} down 상태입니다. ${link.stateOrigin.line}행에서 down으로 설정했습니다`,
      ),
      source: link.stateOrigin,
    };
  return {
    text: loc(
      `${who} is down: it was never brought up (no \`ip link set ${link.name} up\` line)`,
      `${iga(who)} down 상태입니다. 한 번도 up으로 올리지 않았습니다 (\`ip link set ${link.name} up\` 줄이 없습니다)`,
    ),
    source: link.origin,
  };
}
