/** The simulated shell's commands: the line runner, the registry of the commands' specs, and the types a command implements. */
export { runLine } from './run';
export type { RunContext, RunLineResult } from './run';
export { execCommand } from './exec';
export type { ExecResult } from './exec';
export { COMMANDS, commandSpecs, REAL_TOOLS, registerCommand } from './registry';
export type { CommandContext, CommandForm, CommandHandler, CommandResult, CommandSpec, NotSimulated } from './types';
