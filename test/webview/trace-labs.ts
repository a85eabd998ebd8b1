/**
 * The trace panel's fixtures: every bundled lab (labs/NAME/lab.yaml), as the student gets it and
 * with its reference solution applied, each with the traces of its reach and noreach checks, as
 * the extension would trace them (src/extension/engine.ts: loadLabFor, buildWorld, tracePacket),
 * and a ping to each resolve check's name that resolves (the lookup's legs, then the packet's).
 * Used by the unit tests of src/core/view/trace.ts and the trace panel's browser tests.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { applySolution, buildWorld, type Lab, loadLabFor, type TraceResult, tracePacket, type World } from '../../src/core/index';
import { packetRequest } from '../../src/core/grade/checks/packet';
import { resolveArgs } from '../../src/core/grade/checks/resolveArgs';
import { traceName } from '../../src/core/dns/traceName';
import { formatEndpoint, parseEndpoint } from '../../src/core/net/endpoint';
import { readTree } from '../../src/cli/grade';
import { topologyModel } from '../../src/core/view/topology';
import type { TopologyModel } from '../../src/core/view/types';

export const LABS_DIR = resolve(__dirname, '..', '..', 'labs');

export interface LabTrace {
  /** `reach: a -> 192.168.2.10 tcp/80`. */
  readonly label: string;
  readonly title: string;
  readonly kind: 'reach' | 'noreach' | 'resolve';
  readonly trace: TraceResult;
}

export interface LabFixture {
  /** `02-gateway` or `02-gateway (solved)`. */
  readonly name: string;
  readonly dir: string;
  readonly lab: Lab;
  readonly world: World;
  readonly model: TopologyModel;
  readonly traces: readonly LabTrace[];
}

export function labDirs(): string[] {
  return readdirSync(LABS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(LABS_DIR, d.name, 'lab.yaml')))
    .map((d) => d.name)
    .sort();
}

function fixture(name: string, dir: string, files: ReadonlyMap<string, string>): LabFixture {
  const file = relative(resolve(LABS_DIR, '..'), join(dir, 'lab.yaml'));
  const loaded = loadLabFor(files.get('lab.yaml')!, { file, readFile: (rel) => files.get(rel) });
  if (!loaded.lab) throw new Error(`${file} does not load: ${JSON.stringify(loaded.diagnostics.slice(0, 3))}`);
  const lab = loaded.lab;
  const world = buildWorld(lab).world;
  const traces: LabTrace[] = [];
  for (const ex of lab.exercises) {
    for (const check of ex.checks) {
      if (check.kind === 'resolve') {
        const args = resolveArgs(check);
        const from = parseEndpoint(String((check.args as Record<string, unknown>)['from']));
        if (!args || !from || args.tool === 'dig') continue;
        const named = traceName(world, { from, to: args.name, proto: 'icmp' });
        if (named.address === undefined) continue;
        const title = `${formatEndpoint(from)} -> ${args.name} icmp`;
        traces.push({ label: `resolve: ${title}`, title, kind: 'resolve', trace: named.result });
        continue;
      }
      if (check.kind !== 'reach' && check.kind !== 'noreach') continue;
      const run = packetRequest(check, world);
      if (!run || 'missing' in run) continue;
      const { req } = run;
      const from = req.from.netns ? `${req.from.host}/${req.from.netns}` : req.from.host;
      const title = `${from} -> ${req.to} ${req.proto}${req.port !== undefined ? `/${req.port}` : ''}`;
      traces.push({ label: `${check.kind}: ${run.label}`, title, kind: check.kind, trace: tracePacket(world, req) });
    }
  }
  return { name, dir, lab, world, model: topologyModel(lab, world), traces };
}

/** Every bundled lab, as given and solved. */
export function labFixtures(): LabFixture[] {
  const out: LabFixture[] = [];
  for (const name of labDirs()) {
    const dir = join(LABS_DIR, name);
    const files = readTree(dir);
    out.push(fixture(name, dir, files));
    if ([...files.keys()].some((k) => k.startsWith('solution/'))) out.push(fixture(`${name} (solved)`, dir, applySolution(files).files));
  }
  return out;
}

/**
 * A trace with more legs than a plain ping, built by hand from lab 02's (solved) traces until the
 * walk makes such traces itself: a name lookup's query and answer (b's ping to a, standing in for
 * the DNS exchange), then the connection's request and reply (a to c, TCP 8080). With `proxied`,
 * a fifth leg between the request and the reply: a connection the request's arrival opened
 * onward (r's ping to c, standing in for an Ingress controller's), with `parent` set.
 */
export function multiLegTrace(f: LabFixture, proxied = false): TraceResult {
  const by = (title: string) => {
    const t = f.traces.find((x) => x.title === title);
    if (!t) throw new Error(`${f.name} has no trace ${title}`);
    return t.trace;
  };
  const lookup = by('b -> 192.168.1.10 icmp');
  const conn = by('a -> 192.168.4.10 tcp/8080');
  const onward = by('r -> 192.168.4.10 icmp');
  const query = { kind: 'query', steps: lookup.request.steps, label: { en: 'DNS query for c.lab', ko: 'c.lab DNS 질의' } } as const;
  const answer = {
    kind: 'answer',
    steps: lookup.reply.steps,
    answers: 0,
    label: { en: 'c.lab is 192.168.4.10', ko: 'c.lab은 192.168.4.10' },
  } as const;
  const request = { kind: 'request', steps: conn.request.steps } as const;
  const reply = { kind: 'reply', steps: conn.reply.steps, answers: 2 } as const;
  const proxy = {
    kind: 'request',
    steps: onward.request.steps,
    parent: 2,
    label: { en: 'proxied to 192.168.4.10', ko: '192.168.4.10으로 프록시' },
  } as const;
  return { ...conn, request, reply, legs: proxied ? [query, answer, request, proxy, reply] : [query, answer, request, reply] };
}
