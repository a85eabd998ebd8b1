/**
 * Asks the simulator the questions of a scenario and lists where it disagrees with the kernel.
 * The kernel is right; a mismatch is a simulator bug (or a gap in what it models).
 */
import { buildWorld, execCommand, loadLab, tracePacket } from '../../src/core';
import type { KernelAnswer, KernelResult } from './kernel';
import type { PingClass, Question, Scenario } from './scenario';

export interface Mismatch {
  /** What was compared: `run a$ ip route add ...`, `ping a -> 10.0.0.2`... */
  readonly what: string;
  readonly kernel: string;
  readonly simulator: string;
}

type Sim = ReturnType<typeof buildWorld>;

const q = (s: string): string => JSON.stringify(s);

/**
 * How the kernel's ping outcome may show up as a simulator verdict. `no-answer` is silence within
 * ping's one second: a neighbour that never answers ARP (host-unreachable needs 3 s of probes), a
 * silent drop, or a blackhole on a router.
 */
const PING_VERDICTS: Partial<Record<PingClass, readonly string[]>> = {
  replied: ['replied'],
  'ttl-exceeded': ['ttl-exceeded'],
  'no-route': ['no-route'],
  // IPv6 answers an unreachable route on a router with "No route" too (ip6_pkt_discard).
  'net-unreachable': ['no-route', 'unreachable-route'],
  blackhole: ['blackhole'],
  prohibited: ['prohibited'],
  'host-unreachable': ['host-unreachable', 'unreachable-route'],
  'no-answer': ['dropped', 'host-unreachable', 'blackhole'],
};

function pingLine(raw: string): string {
  const lines = raw.split('\n').filter((l) => l.trim() !== '');
  return lines.find((l) => /From |connect:|ping:/.test(l)) ?? 'silence';
}

/** Three outcomes of a TCP connect that both sides can tell apart. */
function tcpOutcome(cls: string): 'connected' | 'refused' | 'no-answer' {
  return cls === 'connected' || cls === 'refused' ? cls : 'no-answer';
}

/** Kernel-generated MAC addresses are random: hide every MAC the lab text does not spell out. */
function normalizeMacs(text: string, scenario: Scenario): string {
  const known = new Set((scenario.labText.match(/[0-9a-f]{2}(?::[0-9a-f]{2}){5}/gi) ?? []).map((m) => m.toLowerCase()));
  return text.replace(/\b[0-9a-f]{2}(?::[0-9a-f]{2}){5}\b/gi, (m) =>
    known.has(m.toLowerCase()) || m === '00:00:00:00:00:00' || m === 'ff:ff:ff:ff:ff:ff' ? m : '<mac>',
  );
}

function errorText(e: unknown): string {
  return e instanceof Error ? `${e.message}${e.stack ? `\n${e.stack.split('\n').slice(1, 4).join('\n')}` : ''}` : String(e);
}

/** Loads and builds the scenario's lab in the simulator; a thrown error or a load error is a mismatch. */
export function simulate(scenario: Scenario): { sim?: Sim; mismatches: Mismatch[] } {
  const file = `test/oracle/scenarios/${scenario.file}#lab`;
  try {
    const loaded = loadLab(scenario.labText, { file });
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    if (!loaded.lab || errors.length > 0) {
      return {
        mismatches: [
          {
            what: 'loadLab',
            kernel: 'the lab builds',
            simulator: errors.map((d) => `${d.line}:${d.column} ${d.code}: ${d.message.en}`).join('; ') || 'no lab',
          },
        ],
      };
    }
    return { sim: buildWorld(loaded.lab), mismatches: [] };
  } catch (e) {
    return { mismatches: [{ what: 'loadLab/buildWorld', kernel: 'the lab builds', simulator: `threw ${errorText(e)}` }] };
  }
}

function compareRuns(k: KernelResult, sim: Sim): Mismatch[] {
  const out: Mismatch[] = [];
  const simRuns = [...sim.runs];
  for (const kr of k.runs) {
    const i = simRuns.findIndex((s) => s.host === kr.host && s.command.trim() === kr.command);
    const what = `run ${kr.host}$ ${kr.command}`;
    if (i < 0) {
      out.push({
        what,
        kernel: `status ${kr.status}${kr.stderr ? ` stderr ${q(kr.stderr)}` : ''}`,
        simulator: 'the line is not among buildWorld().runs',
      });
      continue;
    }
    const sr = simRuns.splice(i, 1)[0]!;
    if (sr.status !== kr.status) {
      out.push({
        what: `${what}: exit status`,
        kernel: `${kr.status}${kr.stderr ? ` stderr ${q(kr.stderr)}` : ''}`,
        simulator: `${sr.status}${sr.stderr ? ` stderr ${q(sr.stderr)}` : ''}`,
      });
    } else if ((kr.status !== 0 || sr.status !== 0) && sr.stderr !== kr.stderr) {
      out.push({ what: `${what}: stderr`, kernel: q(kr.stderr), simulator: q(sr.stderr) });
    }
    if (sr.stdout !== kr.stdout) out.push({ what: `${what}: stdout`, kernel: q(kr.stdout), simulator: q(sr.stdout) });
  }
  return out;
}

function compareQuestion(scenario: Scenario, question: Question, a: KernelAnswer, sim: Sim): Mismatch | undefined {
  const what = question.label;
  try {
    switch (question.ask) {
      case 'ping': {
        if (a.kind !== 'ping') return undefined;
        const t = tracePacket(sim.world, { from: question.from, to: question.to, proto: 'icmp' });
        // a reply lost on its way back is silence to the sender, whatever killed it
        const lostReply = a.cls === 'no-answer' && !t.replied && t.reply.steps.length > 0;
        const verdictOk = lostReply || (PING_VERDICTS[a.cls]?.includes(t.verdict) ?? true);
        if (t.replied === a.replied && verdictOk) return undefined;
        return {
          what: t.replied === a.replied ? `${what} (how it fails)` : what,
          kernel: `${a.replied ? 'replied' : 'not replied'} (${a.cls}${a.replied ? '' : `: ${pingLine(a.raw)}`})`,
          simulator: `${t.replied ? 'replied' : 'not replied'} (${t.verdict}: ${t.reason.en})`,
        };
      }
      case 'tcp': {
        if (a.kind !== 'tcp') return undefined;
        const t = tracePacket(sim.world, { from: question.from, to: question.to, proto: 'tcp', port: question.port });
        const s = t.verdict === 'replied' ? 'connected' : t.verdict === 'refused' ? 'refused' : 'no-answer';
        const kcls = tcpOutcome(a.cls);
        if (s === kcls) return undefined;
        return { what, kernel: `${kcls} (${a.cls})`, simulator: `${s} (${t.verdict}: ${t.reason.en})` };
      }
      case 'route-get':
      case 'exec': {
        if (a.kind !== 'output') return undefined;
        const line = question.ask === 'exec' ? question.command : `ip route get ${question.to}`;
        const r = execCommand(sim.world, question.from, line);
        const norm = (s: string): string => (question.ask === 'exec' ? normalizeMacs(s, scenario) : s);
        const ks = `status ${a.status} stdout ${q(norm(a.stdout))}${a.stderr ? ` stderr ${q(norm(a.stderr))}` : ''}`;
        const ss = `status ${r.status} stdout ${q(norm(r.stdout))}${r.stderr ? ` stderr ${q(norm(r.stderr))}` : ''}`;
        return ks === ss ? undefined : { what, kernel: ks, simulator: ss };
      }
    }
  } catch (e) {
    return { what, kernel: a.kind === 'output' ? q(a.stdout + a.stderr) : a.kind, simulator: `threw ${errorText(e)}` };
  }
}

/** Every disagreement between the kernel's result and the simulator for one scenario. */
export function compareScenario(k: KernelResult): Mismatch[] {
  const { sim, mismatches } = simulate(k.scenario);
  if (!sim) return mismatches;
  const out = [...mismatches, ...compareRuns(k, sim)];
  k.scenario.questions.forEach((question, i) => {
    const a = k.answers[i];
    if (!a) return;
    const m = compareQuestion(k.scenario, question, a, sim);
    if (m) out.push(m);
  });
  return out;
}

/** A readable report of one scenario's mismatches. */
export function formatMismatches(scenario: Scenario, ms: Mismatch[]): string {
  const lines = [`${scenario.file}: ${ms.length} mismatch${ms.length === 1 ? '' : 'es'} with the kernel (${scenario.about})`];
  for (const m of ms) {
    lines.push(`  x ${m.what}`);
    lines.push(`      kernel:    ${m.kernel}`);
    lines.push(`      simulator: ${m.simulator}`);
  }
  return lines.join('\n');
}
