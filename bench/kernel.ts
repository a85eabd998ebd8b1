/**
 * The real kernel next to the simulator: how long `ip netns` takes to build every oracle scenario
 * (namespaces, bridges, veth pairs, run lines, then tear-down) against the simulator's
 * loadLab + buildWorld for the same labs. Needs root; see test/oracle/kernel.ts for the safety rules.
 */
import { buildWorld, loadLab } from '../src/core/index';
import { buildAllKernel, canUseNetns } from '../test/oracle/kernel';
import { loadScenarios } from '../test/oracle/scenario';

const SIM_RUNS = 5;

export async function benchKernel(): Promise<{ scenarios: number; kernelMs: number; simMs: number }> {
  const scenarios = loadScenarios();
  const can = await canUseNetns();
  if (!can.ok) throw new Error(`benchKernel needs root and network namespaces (${can.why})`);

  const kernel = await buildAllKernel(scenarios);
  if (kernel.failed.length > 0) throw new Error(`the kernel could not build: ${kernel.failed.join('; ')}`);

  // the simulator: the median of a few passes over all scenarios
  const passes: number[] = [];
  for (let i = 0; i < SIM_RUNS; i++) {
    const t0 = performance.now();
    for (const s of scenarios) {
      const { lab } = loadLab(s.labText, { file: `${s.file}#lab` });
      if (!lab) throw new Error(`${s.file}: the simulator could not load the lab`);
      buildWorld(lab);
    }
    passes.push(performance.now() - t0);
  }
  passes.sort((a, b) => a - b);
  return { scenarios: scenarios.length, kernelMs: kernel.ms, simMs: passes[passes.length >> 1]! };
}
