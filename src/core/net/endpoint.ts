/** Where a packet starts or a command runs: a host, or a network namespace of a host (`HOST/NETNS`). */
export interface Endpoint {
  readonly host: string;
  /** '' for the host's own namespace. */
  readonly netns: string;
}

/** `HOST` or `HOST/NETNS`. */
export function parseEndpoint(text: string): Endpoint | undefined {
  const m = /^([^/\s]+)(?:\/([^/\s]+))?$/.exec(text);
  return m ? { host: m[1]!, netns: m[2] ?? '' } : undefined;
}

export function formatEndpoint(ep: Endpoint): string {
  return ep.netns ? `${ep.host}/${ep.netns}` : ep.host;
}
