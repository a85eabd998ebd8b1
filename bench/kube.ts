/**
 * Netfilter at kube-proxy's scale (bench/kubeRules.ts): a host with 1,000 to 20,000 rules, most of
 * them in nat's KUBE-SERVICES, one per service. The kernel scans a chain rule by rule, so a packet
 * to the last service (or to no service at all) is compared with every one of them; the simulator's
 * chain index (src/core/netfilter/chainIndex.ts) goes straight to the rules that can match.
 * Measured: building the lab (loadLab + buildWorld: every iptables line run), and the median trace
 * from the client to the last service's cluster IP (a hit, DNATed to the pod) and to the pod's own
 * address (a miss: no service rule matches).
 */
import type { TraceRequest, TraceResult } from '../src/core/index';
import { generateKubeLab } from './kubeRules';

type Core = typeof import('../src/core/index');

export const KUBE_SIZES = [1000, 2000, 5000, 10_000, 20_000] as const;
export const TARGET_KUBE_TRACE_MS = 5;
const TRACE_RUNS = 51;

export interface KubeRow {
  readonly rules: number;
  readonly services: number;
  /** loadLab (the YAML) and buildWorld (every run line, the iptables lines among them), once each. */
  readonly loadMs: number;
  readonly buildMs: number;
  readonly hitMs: number;
  readonly missMs: number;
  /** What the two traces did (the hit must be DNATed to the pod and answered). */
  readonly hit: string;
  readonly miss: string;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function timeTrace(core: Core, world: Parameters<Core['tracePacket']>[0], req: TraceRequest): { ms: number; first: TraceResult } {
  const first = core.tracePacket(world, req);
  for (let i = 0; i < 5; i++) core.tracePacket(world, req); // warm up
  const xs: number[] = [];
  for (let i = 0; i < TRACE_RUNS; i++) {
    const t0 = performance.now();
    core.tracePacket(world, req);
    xs.push(performance.now() - t0);
  }
  return { ms: median(xs), first };
}

/** One size: the lab built once (timed), then both traces. Throws when the lab does not build. */
export function benchKubeSize(core: Core, target: number): KubeRow {
  const gen = generateKubeLab(target);
  const t0 = performance.now();
  const loaded = core.loadLab(gen.text, { file: 'bench/kube.yaml' });
  if (!loaded.lab) throw new Error(`the kube lab did not load: ${loaded.diagnostics[0]?.message.en ?? '?'}`);
  const t1 = performance.now();
  const built = core.buildWorld(loaded.lab);
  const buildMs = performance.now() - t1;
  const errors = built.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`the kube lab has ${errors.length} errors, the first: ${errors[0]!.line}: ${errors[0]!.message.en}`);
  const from = { host: gen.from, netns: '' };
  const hit = timeTrace(core, built.world, { from, to: gen.lastService.ip, proto: 'tcp', port: gen.lastService.port });
  const miss = timeTrace(core, built.world, { from, to: gen.miss.ip, proto: 'tcp', port: gen.miss.port });
  const dnat = hit.first.request.steps.some((s) => s.stage === 'netfilter' && JSON.stringify(s.data ?? {}).includes('"kind":"dnat"'));
  if (!hit.first.replied || !dnat) throw new Error(`the trace to the last service was not DNATed and answered: ${hit.first.reason.en}`);
  if (!miss.first.replied) throw new Error(`the trace to the pod was not answered: ${miss.first.reason.en}`);
  return {
    rules: gen.rules,
    services: gen.services,
    loadMs: t1 - t0,
    buildMs,
    hitMs: hit.ms,
    missMs: miss.ms,
    hit: `${hit.first.verdict}, ${hit.first.request.steps.length} + ${hit.first.reply.steps.length} steps`,
    miss: `${miss.first.verdict}, ${miss.first.request.steps.length} + ${miss.first.reply.steps.length} steps`,
  };
}

export function benchKube(core: Core, sizes: readonly number[] = KUBE_SIZES): KubeRow[] {
  return sizes.map((n) => benchKubeSize(core, n));
}

async function main(): Promise<void> {
  const spec = process.argv[2];
  const core = (spec ? await import(spec) : await import('../src/core/index')) as Core;
  for (const r of benchKube(core, process.argv[3] ? process.argv[3].split(',').map(Number) : KUBE_SIZES))
    console.log(
      `${String(r.rules).padStart(6)} rules ${String(r.services).padStart(5)} services: load ${r.loadMs.toFixed(0)} ms, build ${r.buildMs.toFixed(0)} ms, ` +
        `hit ${r.hitMs.toFixed(3)} ms (${r.hit}), miss ${r.missMs.toFixed(3)} ms (${r.miss})`,
    );
}

//   node --import tsx bench/kube.ts [file:///abs/core.mjs] [1000,20000]
if (/bench[\\/]kube\.ts$/.test(process.argv[1] ?? '')) void main();
