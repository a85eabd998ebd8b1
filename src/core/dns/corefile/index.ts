/** The Corefile language, as CoreDNS parses and checks it (see parse.ts). */
export { parseCorefile } from './parse';
export type { CorefileOptions, CorefilePlugin, CorefileResult, ServerBlock } from './parse';
export { COREDNS_PLUGINS, PLUGIN_ORDER, inExecutionOrder, pluginRank } from './order';
export { normalizeKey, reverseZones, parseCidr } from './keys';
export type { ZoneKey } from './keys';
export type { Token } from './lex';
export type { Prop } from './tree';
export { COREFILE_DOCS } from './docs';
export type { CorefileDoc } from './docs';
export { PROPERTY_DOCS, propertyDoc } from './props';
export { PLUGIN_CHECKS, ONCE_PER_BLOCK } from './plugins/index';
