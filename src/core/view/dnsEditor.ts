/** The editor's models for the DNS files (see dnsTypes.ts): one import for the core's public face. */
export * from './dnsTypes';
export { corefileOutline, corefileHoverAt, corefileCompletions, directiveMarkdown } from './dnsCorefile';
export { zoneOutline, zoneHoverAt } from './dnsZone';
export { resolverOutline, resolverHoverAt } from './dnsResolver';
