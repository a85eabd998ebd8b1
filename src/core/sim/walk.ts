import type { World } from './model';
import type { TraceResult } from './trace';

export interface Endpoint {
  readonly host: string;
  /** '' for the host's own namespace. */
  readonly netns: string;
}

export interface TraceRequest {
  readonly from: Endpoint;
  readonly to: string;
  readonly proto: 'icmp' | 'tcp' | 'udp';
  readonly port?: number;
}

/** `HOST` or `HOST/NETNS`. */
export function parseEndpoint(text: string): Endpoint | undefined {
  const m = /^([^/\s]+)(?:\/([^/\s]+))?$/.exec(text);
  return m ? { host: m[1]!, netns: m[2] ?? '' } : undefined;
}

export function formatEndpoint(ep: Endpoint): string {
  return ep.netns ? `${ep.host}/${ep.netns}` : ep.host;
}

/** Walks a packet from an endpoint to an address and back. Pure: the world is not changed. */
export function tracePacket(_world: World, _req: TraceRequest): TraceResult {
  throw new Error('TODO');
}
