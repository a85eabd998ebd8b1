/**
 * Which DNS file a document is, for the editor: by its language (package.json contributes `dns-zone`,
 * `hosts`, `resolv-conf` and `nsswitch-conf`, and `corefile`), else by its name as `knetlab check`
 * reads it (core resolverFileKind, zoneFileOrigin). A `db.*` file is a zone file only while VS Code
 * knows no other language for it (`db.js` stays JavaScript). Plain logic: the unit tests run it.
 */
import { type ResolverFileKind, resolverFileKind, zoneFileOrigin, zoneOriginOf } from '../../core';

export type DnsFileKind = ResolverFileKind | 'zone';

/** The VS Code language of each kind, as package.json contributes it. */
export const DNS_LANGUAGES: Readonly<Record<DnsFileKind, string>> = {
  zone: 'dns-zone',
  hosts: 'hosts',
  resolv: 'resolv-conf',
  nsswitch: 'nsswitch-conf',
};

/** The language of a file VS Code knows no language for (an Ansible inventory named `hosts` is `ini`: not ours). */
const PLAIN = new Set(['plaintext']);

export function dnsFileKind(path: string, languageId: string): DnsFileKind | undefined {
  for (const [kind, id] of Object.entries(DNS_LANGUAGES) as [DnsFileKind, string][]) if (languageId === id) return kind;
  const named = resolverFileKind(path);
  if (named && PLAIN.has(languageId)) return named;
  if (/\.zone$/.test(path) && zoneFileOrigin(path) !== undefined) return 'zone';
  if (zoneFileOrigin(path) !== undefined && PLAIN.has(languageId)) return 'zone';
  return undefined;
}

/** The origin a zone file is read with: the zone in its name (db.ZONE, ZONE.zone), as `knetlab check` reads it. */
export const zoneOrigin = (path: string): string | undefined => zoneOriginOf(path);
