/**
 * The trace panel's fixtures: every bundled lab (labs/NAME/lab.yaml), as the student gets it and
 * with its reference solution applied, each with the traces of its reach and noreach checks, as
 * the extension would trace them (src/extension/engine.ts: loadLabFor, buildWorld, tracePacket).
 * Used by the unit tests of src/core/view/trace.ts and the trace panel's browser tests.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { applySolution, buildWorld, type Lab, loadLabFor, type TraceResult, tracePacket, type World } from '../../src/core/index';
import { packetRequest } from '../../src/core/grade/checks/packet';
import { readTree } from '../../src/cli/grade';
import { topologyModel } from '../../src/core/view/topology';
import type { TopologyModel } from '../../src/core/view/types';

export const LABS_DIR = resolve(__dirname, '..', '..', 'labs');

export interface LabTrace {
  /** `reach: a -> 192.168.2.10 tcp/80`. */
  readonly label: string;
  readonly title: string;
  readonly kind: 'reach' | 'noreach';
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
      if (check.kind !== 'reach' && check.kind !== 'noreach') continue;
      const run = packetRequest(check);
      if (!run) continue;
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
