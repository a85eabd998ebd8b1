/** The simulated plugins, by name; any other plugin is parsed only (its step says so). */
import type { CorefilePlugin } from '../../corefile';
import type { BuildCtx, Built } from '../types';
import { type Builder, notSimulated } from './common';
import { cache } from './cache';
import { chaos } from './chaos';
import { file } from './file';
import { forward } from './forward';
import { hosts } from './hosts';
import { loadbalance } from './loadbalance';
import { errors, log } from './logs';
import { bind, debug, health, loop, prometheus, ready, reload, root } from './quiet';
import { whoami } from './whoami';
import { rewrite } from './rewrite';
import { template } from './template';

export const SIMULATED: Readonly<Record<string, Builder>> = {
  bind,
  cache,
  chaos,
  debug,
  errors,
  file,
  forward,
  health,
  hosts,
  loadbalance,
  log,
  loop,
  prometheus,
  ready,
  reload,
  rewrite,
  root,
  template,
  whoami,
};

export function buildPlugin(p: CorefilePlugin, ctx: BuildCtx): Built {
  const b = SIMULATED[p.name];
  return b ? b(p, ctx) : notSimulated(p, ctx);
}
