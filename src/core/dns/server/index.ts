/** CoreDNS, simulated: a Corefile to a pure DnsServer (server.ts), one file per plugin in plugins/. */
export { corednsServer } from './server';
export type { CorednsOptions, CorednsStart } from './server';
export type { Listen } from './types';
export { SIMULATED } from './plugins/index';
export { loopProbeName } from './words';
