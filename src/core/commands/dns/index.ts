/**
 * The resolver tools as commands: each handler gives its tool's reading and printing (dig.ts,
 * host.ts, nslookup.ts, getent.ts) the simulated resolver (`dns/resolver`'s resolveName) from the
 * endpoint the command runs on, so every query is a packet through the lab.
 */
import type { Lookup, LookupRequest } from '../../dns/lookup';
import { readResolverFiles, resolveName } from '../../dns/resolver/index';
import type { Endpoint } from '../../net/endpoint';
import type { CommandContext, CommandHandler, CommandSpec } from '../types';
import { runDig } from './dig';
import { type HostsLine, runGetent } from './getent';
import { runHost } from './host';
import { runNslookup } from './nslookup';
import { digSpec, getentSpec, hostSpec, nslookupSpec } from './specs';

function endpoint(ctx: CommandContext): Endpoint {
  return { host: ctx.host.name, netns: ctx.netns.name };
}

const resolver =
  (ctx: CommandContext) =>
  (req: LookupRequest): Lookup =>
    resolveName(ctx.world, req);

/** The other names of the /etc/hosts line a files answer came from (glibc's h_aliases), or undefined for a DNS answer. */
function fileAliases(ctx: CommandContext): (lookup: Lookup) => readonly string[] | undefined {
  return (lookup) => {
    if (lookup.answeredBy !== 'files') return undefined;
    const src = lookup.answers[0]?.source;
    const files = src && readResolverFiles(ctx.world, lookup.request.from);
    const entry = files?.hosts.entries.find((e) => e.line === src!.line);
    return entry ? entry.names.slice(1).map((w) => w.text) : undefined;
  };
}

/** The /etc/hosts lines `getent hosts` enumerates: the files source's, when the `hosts:` line has it. */
function hostsFile(ctx: CommandContext): () => HostsLine[] {
  return () => {
    const files = readResolverFiles(ctx.world, endpoint(ctx));
    if (!files?.nsswitch.hosts.some((s) => s.name === 'files')) return [];
    return files.hosts.entries.map((e) => ({ address: e.address, names: e.names.map((w) => w.text) }));
  };
}

const words = (args: Parameters<CommandHandler>[1]) => args.map((a) => a.text);
const columns = (args: Parameters<CommandHandler>[1]) => args.map((a) => a.column);

export const digCommand: CommandSpec = {
  ...digSpec,
  handler: (ctx, args) => runDig(words(args), columns(args), endpoint(ctx), resolver(ctx)),
};

export const hostCommand: CommandSpec = {
  ...hostSpec,
  handler: (ctx, args) => runHost(words(args), endpoint(ctx), resolver(ctx)),
};

export const nslookupCommand: CommandSpec = {
  ...nslookupSpec,
  handler: (ctx, args) => runNslookup(words(args), columns(args), endpoint(ctx), resolver(ctx)),
};

export const getentCommand: CommandSpec = {
  ...getentSpec,
  handler: (ctx, args) => runGetent(words(args), columns(args), endpoint(ctx), resolver(ctx), fileAliases(ctx), hostsFile(ctx)),
};
