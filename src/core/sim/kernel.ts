/**
 * Configuration of the simulated kernel, as rtnetlink requests do it: links, addresses, routes,
 * namespaces and sysctls, with the kernel's own side effects (the connected, local and broadcast
 * routes it adds by itself; routes lost when a link goes down) and its own errors.
 *
 * The API the rest of the simulator calls, by concern: netns.ts (worlds, hosts, namespaces),
 * links.ts, addresses.ts, routes.ts and sysctl.ts; history.ts keeps what they removed, and at which
 * line, for the explanations of a trace. Nothing else writes kernel state.
 */
export { addHost, createNetns, createWorld, deleteNetns } from './netns';
export {
  addLink,
  addVethPair,
  deleteLink,
  findLink,
  hasCarrier,
  linkByIndex,
  moveLink,
  type NewLink,
  operState,
  renameLink,
  setLinkMac,
  setLinkMtu,
  setLinkUp,
  setMaster,
} from './links';
export { addAddress, allAddrs, deleteAddress, type NewAddr } from './addresses';
export { addRoute, deleteRoute, insertRoute, type RouteMatch, type RouteSpec } from './routes';
export { linkForwarding, setIpForward, setLinkForwarding } from './sysctl';
export { bindSocket, setHostname, writeFile } from './host';
