/**
 * The plugins whose arguments and block knetlab checks as their setup function does, by directive
 * name. A plugin not listed here is only name-checked (and, if CoreDNS says so, checked for a second use).
 */
import { check as cache } from './cache';
import { check as forward } from './forward';
import { check as hosts } from './hosts';
import { check as kubernetes } from './kubernetes';
import { check as errors } from './errors';
import { check as log } from './log';
import { check as bind } from './bind';
import { check as loadbalance } from './loadbalance';
import { check as health } from './health';
import { check as prometheus } from './prometheus';
import { check as ready } from './ready';
import { check as reload } from './reload';
import { check as root } from './root';
import { check as file } from './file';
import { check as rewrite } from './rewrite';
import { check as template } from './template';
import { noArguments, type PluginCheck } from './api';

export const PLUGIN_CHECKS: Readonly<Record<string, PluginCheck>> = {
  bind,
  cache,
  debug: noArguments,
  errors,
  file,
  forward,
  health,
  hosts,
  kubernetes,
  loadbalance,
  log,
  loop: noArguments,
  prometheus,
  ready,
  reload,
  rewrite,
  root,
  template,
  whoami: noArguments,
};

/** Plugins CoreDNS refuses twice in one server block (their setup returns plugin.ErrOnce). */
export const ONCE_PER_BLOCK: ReadonlySet<string> = new Set([
  'cache',
  'dnssec',
  'errors',
  'grpc',
  'hosts',
  'kubernetes',
  'loop',
  'prometheus',
  'nsid',
  'pprof',
  'ready',
  'shed',
  'tsig',
  'view',
]);

export type { PluginCheck, Problem, CheckContext } from './api';
