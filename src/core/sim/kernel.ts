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
  linkByIndex,
  moveLink,
  type NewLink,
  renameLink,
  setLinkMac,
  setLinkMtu,
  setLinkUp,
  setMaster,
} from './links';
export { hasCarrier, operState } from './carrier';
export { addAddress, allAddrs, deleteAddress, type NewAddr } from './addresses';
export { addRoute, deleteRoute, insertRoute, type RouteMatch, type RouteSpec } from './routes';
export { linkForwarding, setIpForward, setLinkForwarding } from './sysctl';
export { type Conf6Key, CONF6_DEFAULTS, getConf6, hopLimit, ipv6Forwarding, netConf6 } from './ipv6conf';
export { writeConf6 } from './addrconf';
export { bindSocket, closeSockets, setHostname, writeFile } from './host';
