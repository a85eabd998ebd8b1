/**
 * Builds the simulated machines of a lab: switches, hosts with their declared NICs (up, no
 * address), sockets and files; then runs every host's `run` lines in order, as root, the way the
 * real machine would, recording what each printed and turning failures into diagnostics.
 */
import type { Diagnostic, SourceRange } from '../text/diag';
import { loc } from '../text/i18n';
import type { HostSpec, Lab } from '../lab/types';
import { runLine } from '../commands/run';
import { localizeNotes } from '../commands/notes';
import { startCoredns } from '../commands/coredns';
import { LISTENER } from '../apps/listener';
import { addHost, addLink, bindSocket, createWorld, setLinkUp, writeFile } from '../sim/kernel';
import { type Host, ROOT_NS, type World } from '../sim/model';

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

/**
 * What a host's build left: the host, and what its run lines printed and got wrong. A host's
 * commands see only that host (the command context's world is never read during a build), so
 * a host built from the same spec is the same host whatever the rest of the lab is.
 */
interface HostBuild {
  readonly spec: HostSpec;
  readonly host: Host;
  readonly runs: RunLineResult[];
  readonly diagnostics: Diagnostic[];
}

/**
 * The hosts of the last build of one lab file, for the next build to take again the hosts whose
 * spec (interfaces, files, sockets, run lines, and every place) has not changed: see
 * IncrementalLabChecker. The worlds built with one cache share those hosts: nothing may change
 * them after the build (checkLab only reads them).
 */
export class HostBuildCache {
  private builds = new Map<string, HostBuild>();

  /** The build of a host with exactly this spec, if the last build had one. */
  get(spec: HostSpec): HostBuild | undefined {
    const b = this.builds.get(spec.name);
    return b && samePlain(b.spec, spec) ? b : undefined;
  }

  /** Keeps exactly these builds, the last build's hosts. */
  replace(builds: readonly HostBuild[]): void {
    this.builds = new Map(builds.map((b) => [b.spec.name, b]));
  }

  clear(): void {
    this.builds.clear();
  }
}

/** Deep equality of plain data (what a Lab is made of: objects, arrays, strings, numbers...). */
function samePlain(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!samePlain(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  // Plain objects both (same prototype, no inherited keys to skip): the same own keys, the same values.
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (!(k in y) || !samePlain(x[k], y[k])) return false;
    n++;
  }
  for (const _k in y) n--;
  return n === 0;
}

/**
 * Builds the simulated machines of a lab and runs every host's `run` lines in order. With a
 * cache, hosts whose spec is the same as in the cache's last build are taken from it instead of
 * being built again (the result is the same).
 */
export function buildWorld(lab: Lab, cache?: HostBuildCache): BuildResult {
  const world = createWorld();
  for (const sw of lab.switches) world.switches.set(sw.name, sw.range);
  // Two hosts of one name would share one world entry: no reuse then.
  const reuse = cache && new Set(lab.hosts.map((h) => h.name)).size === lab.hosts.length ? cache : undefined;
  const builds: HostBuild[] = [];
  const fresh: HostBuild[] = [];
  for (const spec of lab.hosts) {
    const known = reuse?.get(spec);
    if (known) {
      world.hosts.set(spec.name, known.host);
      builds.push(known);
      continue;
    }
    const host = addHost(world, spec.name, spec.range);
    const root = host.netns.get(ROOT_NS)!;
    for (const ifs of spec.interfaces) {
      const res = addLink(root, {
        name: ifs.name,
        kind: 'nic',
        switchName: ifs.switch,
        origin: ifs.range,
        ...(ifs.mac ? { mac: ifs.mac } : {}),
      });
      if (res.ok) setLinkUp(res.value, true);
    }
    for (const f of spec.files) writeFile(host, f.path, f.content);
    for (const s of spec.serve) {
      if (!s.program) bindSocket(host, { proto: s.proto, port: s.port, netns: s.netns, origin: s.range, owner: LISTENER });
    }
    const b: HostBuild = { spec, host, runs: [], diagnostics: [] };
    builds.push(b);
    fresh.push(b);
  }
  for (const b of fresh) runHost(world, b);
  reuse?.replace(builds);
  return { world, diagnostics: builds.flatMap((b) => b.diagnostics), runs: builds.flatMap((b) => b.runs) };
}

/** Runs a host's `run` lines in order, recording what each printed and turning failures into diagnostics. */
function runHost(world: World, b: HostBuild): void {
  const { spec, runs, diagnostics } = b;
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
    // a program that dies with a log.Fatal prints it on its standard output (CoreDNS's [FATAL] lines);
    // a ping that got no reply says so in its statistics (`1 packets transmitted, 0 received, ...`)
    const said = /^\[FATAL\] .*$/m.exec(res.stdout) ?? /^\d+ packets transmitted, .*$/m.exec(res.stdout);
    const err = res.stderr.trim() || (res.status !== 0 ? (said?.[0] ?? '') : '');
    const errKo = localizeNotes(err, 'ko');
    if (res.notSimulated) {
      const d: Diagnostic = {
        ...at,
        severity: 'warning',
        code: 'command-not-simulated',
        message: loc(
          `${spec.name}: "${res.notSimulated.command}" is not simulated; this line has no effect in the simulator.${err ? ` (${err})` : ''}`,
          `${spec.name}: "${res.notSimulated.command}" 부분은 시뮬레이션하지 않습니다. 이 줄은 시뮬레이터에서 효과가 없습니다.${errKo ? ` (${errKo})` : ''}`,
        ),
      };
      diagnostics.push(d);
      (host.unmodelled ??= []).push(d);
    } else if (res.status !== 0 && /^sh: 1: Syntax error/.test(err)) {
      diagnostics.push({
        ...at,
        severity: 'error',
        code: 'shell-syntax',
        message: loc(`${spec.name}: the shell cannot read this line: ${err}`, `${spec.name}: 셸이 이 줄을 읽을 수 없습니다: ${errKo}`),
      });
    } else if (res.status !== 0) {
      // what the kernel logged of it (dmesg), which says why where the command's message does not
      const log = res.kernelLog ? loc(` (the kernel logs: ${res.kernelLog})`, ` (커널 로그: ${res.kernelLog})`) : loc('', '');
      diagnostics.push({
        ...at,
        severity: 'error',
        code: 'command-failed',
        message: loc(
          `${spec.name}: this command fails (exit status ${res.status}): ${err || '(no message)'}${log.en}`,
          `${spec.name}: 이 명령은 실패합니다 (종료 상태 ${res.status}): ${errKo || '(메시지 없음)'}${log.ko}`,
        ),
      });
      const inFile = inputPlace(spec, res.input);
      if (inFile)
        diagnostics.push({
          ...inFile,
          severity: 'error',
          code: 'command-failed',
          message: loc(
            `Line ${res.input!.line} of ${res.input!.file}: "${line.text}" fails here (exit status ${res.status}): ${err || '(no message)'}`,
            `${res.input!.file}의 ${res.input!.line}번째 줄: "${line.text}" 명령이 여기서 실패합니다 (종료 상태 ${res.status}): ${errKo || '(메시지 없음)'}`,
          ),
        });
    }
  }
  startPrograms(host, b);
}

/** `serve: [coredns]`: CoreDNS started once the run lines have made the host (its namespaces, its files). */
function startPrograms(host: Host, b: HostBuild): void {
  for (const s of b.spec.serve) {
    if (!s.program) continue;
    const res = startCoredns(host, s.netns, { conf: s.program.conf }, s.range);
    b.runs.push({
      host: b.spec.name,
      range: s.range,
      command: `coredns -conf ${s.program.conf}`,
      stdout: res.stdout,
      stderr: res.stderr,
      status: res.status,
    });
    if (res.status === 0) continue;
    const err = res.stderr.trim() || (/^\[FATAL\] .*$/m.exec(res.stdout)?.[0] ?? '');
    b.diagnostics.push({
      ...s.range,
      severity: 'error',
      code: 'command-failed',
      message: loc(
        `${b.spec.name}: CoreDNS does not start (exit status ${res.status}): ${err}`,
        `${b.spec.name}: CoreDNS가 시작하지 않습니다 (종료 상태 ${res.status}): ${err}`,
      ),
    });
  }
}

/** Where a failed command's input line is in the lab, when it read one of the host's inline files. */
function inputPlace(spec: HostBuild['spec'], input: { line: number; file?: string } | undefined): SourceRange | undefined {
  const f = input?.file === undefined ? undefined : spec.files.find((x) => x.path === input.file);
  const text = f?.content.split('\n')[input!.line - 1];
  if (!f?.body || text === undefined) return undefined;
  const line = f.body.line + input!.line - 1;
  const column = text === '' ? 1 : f.body.column;
  return { file: f.range.file, line, column, endLine: line, endColumn: column + Math.max(text.length, 1) };
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
