/** The resolver's files: /etc/hosts, /etc/resolv.conf and /etc/nsswitch.conf, read as glibc 2.36 does. */
import type { Diagnostic } from '../../text/diag';
import { parseHosts } from './hosts';
import { parseNsswitch } from './nsswitch';
import { parseResolvConf } from './resolvconf';

export type ResolverFileKind = 'hosts' | 'resolv' | 'nsswitch';
export const RESOLVER_FILE_KINDS: readonly ResolverFileKind[] = ['hosts', 'resolv', 'nsswitch'];

/** Which resolver file a path is, by its name (`/etc/hosts`, `resolv.conf`, `nsswitch.conf`), or undefined. */
export function resolverFileKind(path: string): ResolverFileKind | undefined {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  if (name === 'hosts') return 'hosts';
  if (name === 'resolv.conf') return 'resolv';
  if (name === 'nsswitch.conf') return 'nsswitch';
  return undefined;
}

/** The diagnostics of a resolver file's text, with `file` as their file. */
export function checkResolverFile(kind: ResolverFileKind, text: string, file: string): Diagnostic[] {
  if (kind === 'hosts') return parseHosts(text, file).diagnostics;
  if (kind === 'resolv') return parseResolvConf(text, file).diagnostics;
  return parseNsswitch(text, file).diagnostics;
}

export * from './hosts';
export * from './resolvconf';
export * from './nsswitch';
export * from './search';
export * from './docs';
