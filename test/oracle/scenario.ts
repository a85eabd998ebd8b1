/**
 * Oracle scenarios: a lab (the very text a student would write in lab.yaml) plus questions asked of
 * both the real kernel and the simulator. One scenario is one YAML file in `scenarios/`; adding a
 * case is adding a file.
 *
 * ```yaml
 * name: two-hosts
 * about: two hosts on one switch reach each other
 * lab: |
 *   name: two-hosts
 *   switches: [lan]
 *   hosts: ...
 * rejects:                      # run lines the real tool rejects (checked against the kernel)
 *   - { host: a, command: "ip route add 10.9.0.0/24 via 10.1.0.1", stderr: "Error: Nexthop has invalid gateway." }
 * questions:
 *   - { ask: ping, from: a, to: 10.0.0.2, expect: replied }
 *   - { ask: tcp, from: a, to: 10.0.0.2, port: 80, expect: refused }
 *   - { ask: route-get, from: a/red, to: 10.0.0.2, expect: "via 10.0.0.1" }   # expect: a substring
 *   - { ask: exec, from: a, command: "ip route show" }
 * ```
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** What the kernel did with a ping, finer than replied / not replied. */
export type PingClass =
  | 'replied'
  | 'ttl-exceeded' // "Time to live exceeded" from a router
  | 'host-unreachable' // "Destination Host Unreachable" (ARP failed)
  | 'net-unreachable' // "Destination Net Unreachable" from a router
  | 'no-route' // the sender itself has no route: "connect: Network is unreachable"
  | 'blackhole' // the sender's own blackhole route: "connect: Invalid argument"
  | 'prohibited' // a prohibit route (locally: "Permission denied"; remotely: "Packet filtered")
  | 'no-answer' // silence: nothing came back within the deadline
  | 'other';

/** What the kernel did with a TCP connect. */
export type TcpClass =
  | 'connected'
  | 'refused'
  | 'host-unreachable' // EHOSTUNREACH ("No route to host")
  | 'net-unreachable' // ENETUNREACH ("Network is unreachable")
  | 'blackhole' // EINVAL
  | 'prohibited' // EACCES / EPERM
  | 'timeout'
  | 'other';

export interface Endpoint {
  readonly host: string;
  readonly netns: string;
}

interface QuestionBase {
  readonly from: Endpoint;
  /** The question as written, for messages. */
  readonly label: string;
}
export interface PingQuestion extends QuestionBase {
  readonly ask: 'ping';
  readonly to: string;
  /**
   * `replied`, `not-replied` or a finer {@link PingClass} (a claim about the kernel; the comparison
   * with the simulator is on the evidence, kernel-answers.ts). `no-answer` also holds for an error
   * that came after a second (a failed ARP), as it did when the oracle waited one second.
   */
  readonly expect?: string;
}
export interface TcpQuestion extends QuestionBase {
  readonly ask: 'tcp';
  readonly to: string;
  readonly port: number;
  /** `connected`, `refused`, `no-answer` (anything but those two) or a finer {@link TcpClass}; `timeout` also holds for a failure after a second. */
  readonly expect?: string;
}
export interface RouteGetQuestion extends QuestionBase {
  readonly ask: 'route-get';
  readonly to: string;
  /** A substring of the kernel's stdout + stderr. */
  readonly expect?: string;
}
export interface ExecQuestion extends QuestionBase {
  readonly ask: 'exec';
  /** A read-only command (`ip route show`, `ip -4 addr show dev eth0`...). */
  readonly command: string;
  readonly expect?: string;
}
export type Question = PingQuestion | TcpQuestion | RouteGetQuestion | ExecQuestion;

export interface ExpectedReject {
  readonly host: string;
  readonly command: string;
  /** The first line of the real tool's stderr. */
  readonly stderr: string;
}

/** The part of a lab the kernel builder needs, read independently of the simulator's loader. */
export interface KLab {
  readonly switches: string[];
  readonly hosts: KHost[];
}
export interface KHost {
  readonly name: string;
  readonly interfaces: { name: string; switch: string; mac?: string }[];
  readonly run: string[];
  readonly serve: { netns: string; proto: 'tcp' | 'udp'; port: number }[];
  /** The lab's `files:` with their text (`from:` is not read here): the kernel side writes them to a temporary folder. */
  readonly files: { path: string; content: string }[];
}

export interface Scenario {
  readonly file: string;
  readonly name: string;
  readonly about: string;
  /** The lab.yaml text, given as is to the simulator's loadLab. */
  readonly labText: string;
  readonly lab: KLab;
  readonly rejects: ExpectedReject[];
  readonly questions: Question[];
}

export const SCENARIO_DIR = join(__dirname, 'scenarios');

function fail(file: string, msg: string): never {
  throw new Error(`${file}: ${msg}`);
}

function asRecord(v: unknown, file: string, what: string): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) fail(file, `${what} must be a mapping`);
  return v as Record<string, unknown>;
}

function str(v: unknown, file: string, what: string): string {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string' || v === '') fail(file, `${what} must be a non-empty string`);
  return v;
}

export function parseEndpoint(text: string, file: string): Endpoint {
  // A host name as a lab takes it (a DNS label, up to 63 characters): the harness never puts it in a
  // kernel name (kernel.ts names a host's namespaces by its index), so no kernel limit applies here.
  const m = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\/([A-Za-z0-9_.-]+))?$/.exec(text);
  if (!m) fail(file, `bad endpoint "${text}" (HOST or HOST/NETNS)`);
  return { host: m[1]!, netns: m[2] ?? '' };
}

/** Splits a `run:` block into the lines the simulator runs: blank lines and `#` comments are skipped. */
export function runLines(block: string): string[] {
  return block
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

function parseLabForKernel(text: string, file: string): KLab {
  const doc = asRecord(parse(text), file, 'lab');
  const switches = (doc.switches ?? []) as unknown;
  if (!Array.isArray(switches)) fail(file, 'lab.switches must be a list');
  const hosts: KHost[] = [];
  for (const [name, raw] of Object.entries(asRecord(doc.hosts ?? {}, file, 'lab.hosts'))) {
    const h = asRecord(raw ?? {}, file, `host ${name}`);
    const interfaces: KHost['interfaces'] = [];
    for (const [ifname, spec] of Object.entries(asRecord(h.interfaces ?? {}, file, `${name}.interfaces`))) {
      if (typeof spec === 'string') interfaces.push({ name: ifname, switch: spec });
      else {
        const s = asRecord(spec, file, `${name}.interfaces.${ifname}`);
        const mac = s.mac === undefined ? undefined : str(s.mac, file, 'mac');
        interfaces.push({ name: ifname, switch: str(s.switch, file, 'switch'), ...(mac ? { mac } : {}) });
      }
    }
    const run = h.run === undefined ? [] : runLines(str(h.run, file, `${name}.run`));
    const serve: KHost['serve'] = [];
    for (const s of (h.serve ?? []) as unknown[]) {
      const m = /^(?:([A-Za-z0-9_.-]+):)?(tcp|udp)\/(\d+)$/.exec(str(s, file, 'serve'));
      if (!m) fail(file, `bad serve "${String(s)}"`);
      serve.push({ netns: m[1] ?? '', proto: m[2] as 'tcp' | 'udp', port: Number(m[3]) });
    }
    const files: KHost['files'] = [];
    for (const [path, content] of Object.entries(asRecord(h.files ?? {}, file, `${name}.files`))) {
      if (typeof content !== 'string') fail(file, `${name}.files.${path}: only inline text is supported by the oracle`);
      files.push({ path, content });
    }
    hosts.push({ name, interfaces, run, serve, files });
  }
  return { switches: switches.map((s) => str(s, file, 'switch')), hosts };
}

function parseQuestion(raw: unknown, file: string): Question {
  const q = asRecord(raw, file, 'question');
  const ask = str(q.ask, file, 'ask');
  const from = parseEndpoint(str(q.from, file, 'from'), file);
  const expect = q.expect === undefined ? undefined : str(q.expect, file, 'expect');
  const e = expect === undefined ? {} : { expect };
  switch (ask) {
    case 'ping': {
      const to = str(q.to, file, 'to');
      return { ask, from, to, ...e, label: `ping ${q.from} -> ${to}` };
    }
    case 'tcp': {
      const to = str(q.to, file, 'to');
      const port = Number(q.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535) fail(file, 'tcp question needs a port');
      return { ask, from, to, port, ...e, label: `tcp ${q.from} -> ${to}:${port}` };
    }
    case 'route-get': {
      const to = str(q.to, file, 'to');
      return { ask, from, to, ...e, label: `ip route get ${to} on ${q.from}` };
    }
    case 'exec': {
      const command = str(q.command, file, 'command');
      return { ask, from, command, ...e, label: `${command} on ${q.from}` };
    }
    default:
      fail(file, `unknown question kind "${ask}"`);
  }
}

export function parseScenario(text: string, file: string): Scenario {
  const doc = asRecord(parse(text), file, 'scenario');
  const labText = str(doc.lab, file, 'lab');
  const lab = parseLabForKernel(labText, file);
  const rejects = ((doc.rejects ?? []) as unknown[]).map((r) => {
    const o = asRecord(r, file, 'reject');
    return { host: str(o.host, file, 'host'), command: str(o.command, file, 'command'), stderr: str(o.stderr, file, 'stderr') };
  });
  const questions = ((doc.questions ?? []) as unknown[]).map((q) => parseQuestion(q, file));
  for (const q of questions) {
    if (!lab.hosts.some((h) => h.name === q.from.host)) fail(file, `question "${q.label}" names an unknown host`);
  }
  return {
    file,
    name: str(doc.name, file, 'name'),
    about: typeof doc.about === 'string' ? doc.about : '',
    labText,
    lab,
    rejects,
    questions,
  };
}

/** Every scenario in `dir`, sorted by file name. */
export function loadScenarios(dir = SCENARIO_DIR): Scenario[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => parseScenario(readFileSync(join(dir, f), 'utf8'), f));
}
