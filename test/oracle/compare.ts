/**
 * Asks the simulator the questions of a scenario and lists where it disagrees with the kernel.
 * The kernel is right; a mismatch is a simulator bug (or a gap in what it models).
 */
import { buildWorld, execCommand, loadLab, tracePacket } from '../../src/core';
import type { Evidence, KernelAnswer, KernelResult } from './kernel';
import type { Endpoint, Question, Scenario } from './scenario';
import type { Step, TraceRequest, TraceResult, Verdict } from '../../src/core';

export interface Mismatch {
  /** What was compared: `run a$ ip route add ...`, `ping a -> 10.0.0.2`... */
  readonly what: string;
  readonly kernel: string;
  readonly simulator: string;
}

type Sim = ReturnType<typeof buildWorld>;

const q = (s: string): string => JSON.stringify(s);

/** Asks the simulator to trace a question (compareScenario takes another to check the oracle catches a wrong one). */
export type Tracer = (world: Sim['world'], req: TraceRequest) => TraceResult;

const realTracer: Tracer = (world, req) => tracePacket(world, req);

/** Verdicts that end a packet with nothing sent back: the origin hears silence. */
const SILENT: readonly Verdict[] = ['dropped', 'blackhole', 'budget-exceeded'];

/** What ping prints for an ICMP error that came back, by the simulator's verdict (the ICMP type behind it). */
const PING_ERROR: Partial<Record<Verdict, string>> = {
  'ttl-exceeded': 'Time to live exceeded',
  'no-route': 'Destination Net Unreachable',
  'host-unreachable': 'Destination Host Unreachable',
  'unreachable-route': 'Destination Host Unreachable',
  prohibited: 'Packet filtered',
  refused: 'Destination Port Unreachable',
};

/** The same for ping -6 (iputils names ICMPv6 errors by type and code). */
const PING6_ERROR: Partial<Record<Verdict, string>> = {
  'ttl-exceeded': 'Time exceeded: Hop limit',
  'no-route': 'Destination unreachable: No route',
  'host-unreachable': 'Destination unreachable: Address unreachable',
  'unreachable-route': 'Destination unreachable: No route',
  prohibited: 'Destination unreachable: Administratively prohibited',
  refused: 'Destination unreachable: Port unreachable',
};

/** What ping prints for the ICMP errors only a REJECT rule sends here, by their type (their verdict is shared). */
const PING_BY_TYPE: Readonly<Record<string, string>> = {
  'proto-unreachable': 'Destination Protocol Unreachable',
  'net-prohibited': 'Destination Net Prohibited',
  'host-prohibited': 'Destination Host Prohibited',
};

/** The same for a TCP connect: a net prohibited error is ENETUNREACH (icmp_err_convert). */
const TCP_BY_TYPE: Readonly<Record<string, string>> = { 'net-prohibited': 'ENETUNREACH' };

/** What ping prints when the sender's own stack refuses (its output route), by verdict. */
const PING_LOCAL: Partial<Record<Verdict, string>> = {
  'no-route': 'connect: Network is unreachable',
  blackhole: 'connect: Invalid argument',
  'unreachable-route': 'connect: No route to host',
  prohibited: 'sendmsg: Permission denied',
};

/**
 * The errno of a TCP connect that an ICMP error (or a reset) ended, by the simulator's verdict:
 * in SYN-SENT every destination-unreachable is fatal (tcp_v4_err), with icmp_err_convert's errno;
 * time exceeded gives EHOSTUNREACH, code 13 (packet filtered, a prohibit route or REJECT) too.
 */
const TCP_ERROR: Partial<Record<Verdict, string>> = {
  refused: 'ECONNREFUSED',
  'no-route': 'ENETUNREACH',
  'host-unreachable': 'EHOSTUNREACH',
  'unreachable-route': 'EHOSTUNREACH',
  'ttl-exceeded': 'EHOSTUNREACH',
  prohibited: 'EHOSTUNREACH',
};

/** The same for IPv6 (icmpv6_err_convert: an administratively prohibited answer is EACCES). */
const TCP6_ERROR: Partial<Record<Verdict, string>> = { ...TCP_ERROR, prohibited: 'EACCES', 'unreachable-route': 'ENETUNREACH' };

/** connect()'s errno when the sender's own stack refuses, by verdict (ip_route_output's error; a failed ARP). */
const TCP_LOCAL: Partial<Record<Verdict, string>> = {
  'no-route': 'ENETUNREACH',
  blackhole: 'EINVAL',
  'unreachable-route': 'EHOSTUNREACH',
  prohibited: 'EACCES',
  'host-unreachable': 'EHOSTUNREACH',
};

/**
 * What the origin of a traced ping or connect sees, in the kernel's {@link Evidence} form. The
 * verdict decides the class; the steps say where it was decided (the origin's own stack, something
 * that came back to it, or somewhere nothing comes back from) and, for ping, the address of `From`.
 * A verdict that cannot be what the origin saw gives a `?` string no kernel answer equals.
 */
/** ping's From address: a link-local one carries its zone, the interface it came in on (iputils prints the scope id). */
function fromText(s: Step): string {
  const src = s.packet!.ip.src;
  return /^fe[89ab]/i.test(src) && s.iface ? `${src}%${s.iface}` : src;
}

export function simEvidence(t: TraceResult, from: Endpoint, proto: 'icmp' | 'tcp'): Evidence {
  const ping = proto === 'icmp';
  if (t.replied) return ping ? 'replied' : 'connected';
  const here = (s: Step | undefined): boolean => s !== undefined && s.host === from.host && s.netns === from.netns;
  const back = t.reply.steps[t.reply.steps.length - 1];
  if (back && back.stage === 'deliver' && here(back)) {
    // an answer reached the origin: an ICMP error or a reset
    const v6 = back.packet!.ip.src.includes(':');
    const type = v6 ? undefined : back.packet!.icmp?.type;
    const byType = type ? (ping ? PING_BY_TYPE : TCP_BY_TYPE)[type] : undefined;
    const text = byType ?? (ping ? (v6 ? PING6_ERROR : PING_ERROR)[t.verdict] : (v6 ? TCP6_ERROR : TCP_ERROR)[t.verdict]);
    if (!text) return `?${t.verdict} (an answer came back)`;
    return ping ? `From ${fromText(back)}: ${text}` : text;
  }
  // an answer that was lost on its way back is silence to the origin, whatever killed it
  if (back) return ping ? 'silence' : 'ETIMEDOUT';
  const last = t.request.steps[t.request.steps.length - 1];
  if (here(last)) {
    // the origin's own stack ended it
    if (t.verdict === 'host-unreachable') {
      // the sender's own ARP failure comes back as an ICMP error through lo; the simulator says when it is lost
      if (last!.data?.errorLost) return ping ? 'silence' : 'ETIMEDOUT';
      const v6 = last!.packet!.ip.src.includes(':');
      return ping
        ? `From ${fromText(last!)}: ${v6 ? 'Destination unreachable: Address unreachable' : 'Destination Host Unreachable'}`
        : 'EHOSTUNREACH';
    }
    // a netfilter DROP at OUTPUT is silence too: ping and connect get no error (seen on kernel 6.18, nf_tables)
    // ping -6 connects its socket first, so a prohibit route fails the connect
    const v6 = last!.packet!.ip.dst.includes(':');
    const text = ping ? (v6 && t.verdict === 'prohibited' ? 'connect: Permission denied' : PING_LOCAL[t.verdict]) : TCP_LOCAL[t.verdict];
    if (text) return text;
  }
  if (SILENT.includes(t.verdict)) return ping ? 'silence' : 'ETIMEDOUT';
  return `?${t.verdict} (nothing came back)`;
}

/** Kernel-generated MAC addresses are random: hide every MAC the lab text does not spell out. */
function normalizeMacs(text: string, scenario: Scenario): string {
  const known = new Set((scenario.labText.match(/[0-9a-f]{2}(?::[0-9a-f]{2}){5}/gi) ?? []).map((m) => m.toLowerCase()));
  return text.replace(/\b[0-9a-f]{2}(?::[0-9a-f]{2}){5}\b/gi, (m) =>
    known.has(m.toLowerCase()) || m === '00:00:00:00:00:00' || m === 'ff:ff:ff:ff:ff:ff' ? m : '<mac>',
  );
}

/**
 * iptables-save's two comment lines carry the time of the run (the simulator, which has no clock,
 * the epoch): the date after `on` is the only thing hidden.
 */
export function normalizeSaveDates(text: string): string {
  return text.replace(/^(# Generated by iptables-save v\S+ \(\S+\) on|# Completed on) .+$/gm, '$1 <date>');
}

/**
 * A chain's own counters in iptables-save (`:INPUT ACCEPT [13:3440]`, printed with or without -c by
 * the nf_tables variant) count every packet that reached its policy, and on the kernel that includes
 * the late packets of connections closing (their FIN and ACK), counted or not depending on when they
 * arrive before iptables-save reads them; the simulator's traces carry the opening exchange alone.
 * They are hidden; the rules' own counters (`[5:600] -A ...` with -c) are still compared.
 */
export function normalizeSaveChainCounters(text: string): string {
  return text.replace(/^(:\S+ \S+) \[\d+:\d+\]$/gm, '$1 [<counters>]');
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
    if (normalizeSaveDates(sr.stdout) !== normalizeSaveDates(kr.stdout))
      out.push({ what: `${what}: stdout`, kernel: q(kr.stdout), simulator: q(sr.stdout) });
  }
  return out;
}

function compareQuestion(scenario: Scenario, question: Question, a: KernelAnswer, sim: Sim, trace: Tracer): Mismatch | undefined {
  const what = question.label;
  try {
    switch (question.ask) {
      case 'ping':
      case 'tcp': {
        if (a.kind !== question.ask) return undefined;
        const proto = question.ask === 'ping' ? 'icmp' : 'tcp';
        const t = trace(sim.world, {
          from: question.from,
          to: question.to,
          proto,
          ...(question.ask === 'tcp' ? { port: question.port } : {}),
        });
        const seen = simEvidence(t, question.from, proto);
        if (seen === a.seen) return undefined;
        return {
          what: t.replied === (a.seen === 'replied' || a.seen === 'connected') ? `${what} (how it fails)` : what,
          kernel: a.seen,
          simulator: `${seen} (${t.verdict}: ${t.reason.en})`,
        };
      }
      case 'route-get':
      case 'exec': {
        if (a.kind !== 'output') return undefined;
        const line = question.ask === 'exec' ? question.command : `ip route get ${question.to}`;
        const r = execCommand(sim.world, question.from, line);
        const norm = (s: string): string =>
          question.ask !== 'exec'
            ? s
            : /^iptables-save\b/.test(question.command ?? '')
              ? normalizeSaveChainCounters(normalizeSaveDates(normalizeMacs(s, scenario)))
              : normalizeSaveDates(normalizeMacs(s, scenario));
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
export function compareScenario(k: KernelResult, opts: { trace?: Tracer } = {}): Mismatch[] {
  const { sim, mismatches } = simulate(k.scenario);
  if (!sim) return mismatches;
  const out = [...mismatches, ...compareRuns(k, sim)];
  k.scenario.questions.forEach((question, i) => {
    const a = k.answers[i];
    if (!a) return;
    const m = compareQuestion(k.scenario, question, a, sim, opts.trace ?? realTracer);
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
