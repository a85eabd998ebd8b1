/**
 * The extension's door to the core: grading, tracing, exec and topology over a lab folder's files
 * held in memory. No `vscode` here, so it is tested in plain Node; the extension loads it lazily
 * (`await import('./engine')`) so that activation does not pay for the simulator.
 */
import {
  buildWorld,
  type Diagnostic,
  type Endpoint,
  execCommand,
  type ExecResult,
  type Lab,
  type Lang,
  loadLabFor,
  loc,
  localizeNotes,
  OUTSIDE_LAB,
  outsideDiagnostic,
  parseAddr,
  parseEndpoint,
  resolveTo,
  ROOT_NS,
  tracePacket,
  type TraceResult,
  unmodelledLines,
  type World,
} from '../core';
import { traceName } from '../core/dns/traceName';

export { gradeFiles } from '../core';
export type { GradeFilesOptions } from '../core';

export interface LoadedLab {
  readonly lab?: Lab;
  readonly world?: World;
  /** Errors that stop the lab from loading or building. */
  readonly errors: Diagnostic[];
}

/** What a lab reads from its folder's files: OUTSIDE_LAB for those that lead outside it (labfs.readTree's `outside`). */
function folderFiles(files: ReadonlyMap<string, string>, outside?: ReadonlySet<string>) {
  return (rel: string) => (outside?.has(rel) ? OUTSIDE_LAB : files.get(rel));
}

/**
 * Loads a lab (drawn for `student` when it is a template) and builds its world. `outside`: files of
 * the folder that lead outside it, an error where the lab reads them. Never throws.
 */
export function loadWorld(files: ReadonlyMap<string, string>, file: string, student?: string, outside?: ReadonlySet<string>): LoadedLab {
  if (outside?.has('lab.yaml')) return { errors: [outsideDiagnostic(file, 'lab.yaml')] };
  const text = files.get('lab.yaml');
  if (text === undefined) return { errors: [] };
  try {
    const loaded = loadLabFor(text, { file, readFile: folderFiles(files, outside), ...(student !== undefined ? { student } : {}) });
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    if (!loaded.lab) return { errors };
    return { lab: loaded.lab, world: buildWorld(loaded.lab).world, errors };
  } catch (e) {
    return {
      errors: [
        {
          file,
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          severity: 'error',
          code: 'check-internal-error',
          message: loc(`Internal error: ${String(e)}`, `내부 오류: ${String(e)}`),
        },
      ],
    };
  }
}

/** The lab's endpoints: every host, and every namespace of it (`host/netns`). */
export function endpoints(world: World): string[] {
  const out: string[] = [];
  for (const [name, host] of world.hosts) {
    out.push(name);
    for (const ns of host.netns.keys()) if (ns !== ROOT_NS) out.push(`${name}/${ns}`);
  }
  return out;
}

export function validEndpoint(world: World, text: string): Endpoint | undefined {
  const ep = parseEndpoint(text);
  return ep && world.hosts.get(ep.host)?.netns.has(ep.netns || ROOT_NS) ? ep : undefined;
}

export function isAddress(text: string): boolean {
  return !!parseAddr(text.trim());
}

/** A name a program could look up (`web`, `web.corp.example.`): the trace looks it up first, as getaddrinfo does. */
export function isName(text: string): boolean {
  const t = text.trim();
  return !isAddress(t) && /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_.])?$/.test(t);
}

/** A trace's destination as an address: `to` itself, or a named endpoint's primary address (`c`, `host1/green`); a DNS name is looked up by `trace`. */
export function targetAddress(world: World, to: string): string | undefined {
  return resolveTo(world, to);
}

export interface TraceArgs {
  readonly from: string;
  readonly to: string;
  readonly proto: 'icmp' | 'tcp' | 'udp';
  readonly port?: number;
}

export function trace(world: World, args: TraceArgs): TraceResult | undefined {
  const ep = validEndpoint(world, args.from);
  // An address, or a check's named endpoint (`to: c`, `host1/green`) at its primary address.
  const to = resolveTo(world, args.to);
  if (!ep) return undefined;
  const port = args.port !== undefined ? { port: args.port } : {};
  if (to) return tracePacket(world, { from: ep, to, proto: args.proto, ...port });
  // Any other name is looked up first, as ping or curl would: the lookup's legs, then the packet's.
  if (isName(args.to)) return traceName(world, { from: ep, to: args.to.trim(), proto: args.proto, ...port }).result;
  return undefined;
}

/** The lines of the host of `on` that the simulator does not model: what it prints may differ from Linux. */
export function unmodelled(world: World, on: string): Diagnostic[] {
  const ep = validEndpoint(world, on);
  return ep ? unmodelledLines(world, [ep.host]) : [];
}

/** One line on a host; knetlab's own lines of its output in `lang` (a tool's stay as Linux prints them). */
export function exec(world: World, on: string, line: string, lang: Lang = 'en'): ExecResult | undefined {
  const ep = validEndpoint(world, on);
  if (!ep) return undefined;
  const res = execCommand(world, ep, line);
  return { ...res, stdout: localizeNotes(res.stdout, lang), stderr: localizeNotes(res.stderr, lang) };
}

export interface TopologyHost {
  readonly endpoint: string;
  readonly addresses: string;
  readonly routes: string;
}

/**
 * A readable description of the lab's network: the switches with what is cabled to them, then for
 * every host and namespace `ip -br addr` and `ip route`, as the student would type them.
 */
export function topology(lab: Lab, world: World): { switches: { name: string; ports: string[] }[]; hosts: TopologyHost[] } {
  const switches = lab.switches.map((s) => ({
    name: s.name,
    ports: lab.hosts.flatMap((h) => h.interfaces.filter((i) => i.switch === s.name).map((i) => `${h.name}:${i.name}`)),
  }));
  const hosts: TopologyHost[] = endpoints(world).map((endpoint) => {
    const ep = parseEndpoint(endpoint)!;
    return {
      endpoint,
      addresses: execCommand(world, ep, 'ip -br addr').stdout,
      routes: execCommand(world, ep, 'ip route').stdout,
    };
  });
  return { switches, hosts };
}

export { loadCourse } from '../core';

export interface OutlineCheck {
  readonly kind: string;
  readonly line: number;
  readonly column: number;
}

export interface OutlineExercise {
  readonly id: string;
  readonly title?: import('../core').Localized;
  readonly line: number;
  readonly column: number;
  readonly checks: OutlineCheck[];
}

/** The exercises and checks of a lab, with their lines, for the Testing view. Never throws. */
export function outline(files: ReadonlyMap<string, string>, file: string, outside?: ReadonlySet<string>): OutlineExercise[] {
  const text = files.get('lab.yaml');
  let lab: Lab | undefined;
  try {
    lab = text === undefined ? undefined : loadLabFor(text, { file, readFile: folderFiles(files, outside) }).lab;
  } catch {
    lab = undefined;
  }
  return (lab?.exercises ?? []).map((e) => ({
    id: e.id,
    ...(e.title ? { title: e.title } : {}),
    line: e.range.line,
    column: e.range.column,
    checks: e.checks.map((c) => ({ kind: c.kind, line: c.range.line, column: c.range.column })),
  }));
}
export { checkLab } from '../core';
