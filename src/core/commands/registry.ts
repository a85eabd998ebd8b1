/**
 * The commands, by name, collected from their modules' specs: to add one (`iptables`, `nslookup`,
 * `curl`...), write its module with its handler and spec and add the spec here. The shell's
 * dispatcher (run.ts) only looks names up; the editor's hovers read the specs' docs.
 */
import { catSpec, echoSpec, falseSpec, hostnameSpec, sleepSpec, sysctlSpec, trueSpec } from './builtins';
import { ipSpec } from './ip/index';
import { iptablesSpec } from './iptables';
import { iptablesRestoreSpec, iptablesSaveSpec } from './iptablesSave';
import { dockerSpec } from './docker';
import { corednsSpec } from './coredns';
import { digCommand, getentCommand, hostCommand, nslookupCommand } from './dns/index';
import { bridgeSpec, OTHER_REAL_TOOLS } from './tools';
import { pingSpec } from './ping/index';
import type { CommandHandler, CommandSpec } from './types';

const SPECS: CommandSpec[] = [
  ipSpec,
  sysctlSpec,
  echoSpec,
  trueSpec,
  falseSpec,
  sleepSpec,
  hostnameSpec,
  catSpec,
  pingSpec,
  bridgeSpec,
  iptablesSpec,
  iptablesSaveSpec,
  iptablesRestoreSpec,
  dockerSpec,
  corednsSpec,
  digCommand,
  hostCommand,
  nslookupCommand,
  getentCommand,
];

/** Every command the simulator runs or knows of, in a stable order (registered ones last). */
export function commandSpecs(): readonly CommandSpec[] {
  return SPECS;
}

/** The commands the simulator runs, by every name they are called by. */
export const COMMANDS = new Map<string, CommandHandler>(
  SPECS.flatMap((s) => (s.handler ? s.names.map((n) => [n, s.handler!] as const) : [])),
);

/**
 * Real tools a lab might use that the simulator does not run (yet): the specs without a handler and
 * the other names of tools.ts. Running one answers like a shell that lacks it, and marks the line
 * as not simulated rather than wrong.
 */
export const REAL_TOOLS = new Set<string>([...SPECS.filter((s) => !s.handler).flatMap((s) => s.names), ...OTHER_REAL_TOOLS]);

/**
 * Adds a command, or a real tool it knows of (no handler), in place of any that has one of its
 * names: `registerCommand({ names: ['nslookup'], handler, summary, usage })`.
 */
export function registerCommand(spec: CommandSpec): void {
  for (const old of SPECS.filter((s) => s.names.some((n) => spec.names.includes(n)))) {
    SPECS.splice(SPECS.indexOf(old), 1);
    for (const n of old.names) {
      COMMANDS.delete(n);
      REAL_TOOLS.delete(n);
    }
  }
  SPECS.push(spec);
  for (const n of spec.names) {
    if (spec.handler) {
      COMMANDS.set(n, spec.handler);
      REAL_TOOLS.delete(n);
    } else REAL_TOOLS.add(n);
  }
}
