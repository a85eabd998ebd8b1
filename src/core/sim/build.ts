/**
 * Builds the simulated machines of a lab: switches, hosts with their declared NICs (up, no
 * address), sockets and files; then runs every host's `run` lines in order, as root, the way the
 * real machine would, recording what each printed and turning failures into diagnostics.
 */
import type { Diagnostic, SourceRange } from '../diag';
import { loc } from '../i18n';
import type { Lab } from '../lab/types';
import { runLine } from '../commands/run';
import { addHost, addLink, createWorld, setLinkUp } from './kernel';
import { ROOT_NS, type World } from './model';

export interface RunLineResult {
  readonly host: string;
  readonly range: SourceRange;
  readonly command: string;
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

export interface BuildResult {
  readonly world: World;
  readonly diagnostics: Diagnostic[];
  readonly runs: RunLineResult[];
}

/** Builds the simulated machines of a lab and runs every host's `run` lines in order. */
export function buildWorld(lab: Lab): BuildResult {
  const world = createWorld();
  const diagnostics: Diagnostic[] = [];
  const runs: RunLineResult[] = [];
  for (const sw of lab.switches) world.switches.set(sw.name, sw.range);
  for (const spec of lab.hosts) {
    const host = addHost(world, spec.name, spec.range);
    const root = host.netns.get(ROOT_NS)!;
    for (const ifs of spec.interfaces) {
      const res = addLink(root, { name: ifs.name, kind: 'nic', switchName: ifs.switch, origin: ifs.range, ...(ifs.mac ? { mac: ifs.mac } : {}) });
      if (res.ok) setLinkUp(res.value, true);
    }
    for (const f of spec.files) host.files.set(f.path, f.content);
    for (const s of spec.serve) host.sockets.push({ proto: s.proto, port: s.port, netns: s.netns, origin: s.range });
  }
  for (const spec of lab.hosts) {
    const host = world.hosts.get(spec.name)!;
    for (const line of spec.run) {
      let res: ReturnType<typeof runLine>;
      host.runOrigin = line.range;
      try {
        res = runLine({ world, host, netns: host.netns.get(ROOT_NS)! }, line.text);
      } catch (e) {
        res = { stdout: '', stderr: `knetlab: internal error: ${String(e)}\n`, status: 70 };
      } finally {
        host.runOrigin = undefined;
      }
      runs.push({ host: spec.name, range: line.range, command: line.text, stdout: res.stdout, stderr: res.stderr, status: res.status });
      const at = placeInLine(line.range, line.text, res.column);
      const err = res.stderr.trim();
      if (res.notSimulated) {
        diagnostics.push({
          ...at,
          severity: 'warning',
          code: 'command-not-simulated',
          message: loc(
            `${spec.name}: "${res.notSimulated.command}" is not simulated; this line has no effect in the simulator.${err ? ` (${err})` : ''}`,
            `${spec.name}: "${res.notSimulated.command}"은(는) 시뮬레이션하지 않습니다. 이 줄은 시뮬레이터에서 효과가 없습니다.${err ? ` (${err})` : ''}`,
          ),
        });
      } else if (res.status !== 0 && /^sh: 1: Syntax error/.test(err)) {
        diagnostics.push({
          ...at,
          severity: 'error',
          code: 'shell-syntax',
          message: loc(`${spec.name}: the shell cannot read this line: ${err}`, `${spec.name}: 셸이 이 줄을 읽을 수 없습니다: ${err}`),
        });
      } else if (res.status !== 0) {
        diagnostics.push({
          ...at,
          severity: 'error',
          code: 'command-failed',
          message: loc(
            `${spec.name}: this command fails (exit status ${res.status}): ${err || '(no message)'}`,
            `${spec.name}: 이 명령은 실패합니다 (종료 상태 ${res.status}): ${err || '(메시지 없음)'}`,
          ),
        });
      }
    }
  }
  return { world, diagnostics, runs };
}

/**
 * The place of the word at `offset` in a run line: its own columns when the line sits on one
 * source line, else the whole line's range.
 */
function placeInLine(range: SourceRange, text: string, offset: number | undefined): SourceRange {
  if (offset === undefined || offset <= 0 || range.endLine !== range.line || offset >= text.length) return range;
  const word = /^\S+/.exec(text.slice(offset))?.[0].length ?? 1;
  const column = range.column + offset;
  return { ...range, column, endColumn: Math.min(column + word, range.endColumn) };
}
