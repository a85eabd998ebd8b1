/** The simulated shell's language: reading a line into commands, and expanding their words. */
export * from './ast';
export { parseLine } from './parse';
export { expandWords, expandWord } from './expand';
export type { Arg, Env, Expanded } from './expand';
