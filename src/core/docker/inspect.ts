/**
 * `docker inspect` and `docker network inspect`: the fields of Docker's JSON a network course
 * reads (state, ports, addresses, the networks' IPAM), indented as Docker prints them, and the
 * `-f` templates students use (`{{.NetworkSettings.IPAddress}}`, `{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}`,
 * `{{json .NetworkSettings.Ports}}`).
 */
import type { Container, Daemon, Network } from './model';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function portMap(c: Container, bound: boolean): { [k: string]: Json } {
  const m: { [k: string]: Json } = {};
  const running = c.state === 'running';
  if (c.network !== 'host' && c.network !== 'none') for (const e of c.image.ports) m[`${e.port}/${e.proto}`] = null;
  for (const p of c.ports) {
    const key = `${p.port}/${p.proto}`;
    if (!bound) m[key] = [{ HostIp: p.hostIp === '0.0.0.0' ? '' : p.hostIp, HostPort: String(p.hostPort) }];
    else if (running)
      m[key] =
        p.hostIp === '0.0.0.0'
          ? [
              { HostIp: '0.0.0.0', HostPort: String(p.hostPort) },
              { HostIp: '::', HostPort: String(p.hostPort) },
            ]
          : [{ HostIp: p.hostIp, HostPort: String(p.hostPort) }];
  }
  return m;
}

export function containerJson(d: Daemon, c: Container): Json {
  const n = d.networks.find((x) => x.name === c.network)!;
  const len = n.subnet ? Number(n.subnet.split('/')[1]) : 0;
  const attached = c.state === 'running' && !!c.ip;
  const ep = {
    NetworkID: n.id,
    EndpointID: attached ? c.endpointId : '',
    Gateway: attached ? n.gateway! : '',
    IPAddress: attached ? c.ip! : '',
    IPPrefixLen: attached ? len : 0,
    MacAddress: attached ? c.mac! : '',
  };
  const top = n.name === 'bridge' ? ep : { ...ep, EndpointID: '', Gateway: '', IPAddress: '', IPPrefixLen: 0, MacAddress: '' };
  return {
    Id: c.id,
    Path: c.command[0]!,
    Args: c.command.slice(1),
    State: {
      Status: c.state,
      Running: c.state === 'running',
      Paused: false,
      Restarting: false,
      OOMKilled: false,
      Dead: false,
      ExitCode: c.exitCode,
      Error: '',
    },
    Name: `/${c.name}`,
    HostConfig: { NetworkMode: n.name === 'bridge' ? 'default' : n.name, PortBindings: portMap(c, false) },
    Config: {
      Hostname: c.hostname,
      ExposedPorts: Object.fromEntries(c.image.ports.map((e) => [`${e.port}/${e.proto}`, {}])),
      Image: c.imageRef,
    },
    NetworkSettings: {
      Bridge: '',
      SandboxKey: c.state === 'running' && c.network !== 'host' ? `/var/run/docker/netns/${c.endpointId.slice(0, 12)}` : '',
      Ports: portMap(c, true),
      EndpointID: top.EndpointID,
      Gateway: top.Gateway,
      IPAddress: top.IPAddress,
      IPPrefixLen: top.IPPrefixLen,
      MacAddress: top.MacAddress,
      Networks: { [n.name]: ep },
    },
  };
}

export function networkJson(d: Daemon, n: Network): Json {
  const members = d.containers.filter((c) => c.network === n.name && c.state === 'running');
  const len = n.subnet?.split('/')[1];
  return {
    Name: n.name,
    Id: n.id,
    Scope: 'local',
    Driver: n.driver,
    EnableIPv6: false,
    IPAM: { Driver: 'default', Options: null, Config: n.subnet ? [{ Subnet: n.subnet, Gateway: n.gateway! }] : [] },
    Internal: false,
    Attachable: false,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: Object.fromEntries(
      members.map((c) => [
        c.id,
        { Name: c.name, EndpointID: c.endpointId, MacAddress: c.mac ?? '', IPv4Address: c.ip ? `${c.ip}/${len}` : '', IPv6Address: '' },
      ]),
    ),
    Options: n.name === 'bridge' ? { 'com.docker.network.bridge.default_bridge': 'true', 'com.docker.network.bridge.name': 'docker0' } : {},
    Labels: {},
  };
}

export const jsonList = (items: readonly Json[]): string => `${JSON.stringify(items, null, 4)}\n`;

/** Go's fmt of a value in a template: maps as `map[k:v]`, slices as `[a b]`, nil as `<no value>`. */
function goFormat(v: Json | undefined): string {
  if (v === undefined) return '<no value>';
  if (v === null) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goFormat).join(' ')}]`;
  if (typeof v === 'object')
    return `map[${Object.keys(v)
      .sort()
      .map((k) => `${k}:${goFormat(v[k])}`)
      .join(' ')}]`;
  return String(v);
}

function at(dot: Json | undefined, path: string): Json | undefined {
  if (path === '.') return dot;
  let v = dot;
  for (const k of path.slice(1).split('.')) v = v && typeof v === 'object' && !Array.isArray(v) ? v[k] : undefined;
  return v;
}

/** A Go template of the forms above, or undefined when it uses more than they do. */
export function template(text: string, dot: Json): string | undefined {
  const parts = text.split(/({{-?\s*[^}]*?\s*-?}})/);
  let pos = 0;
  const run = (d: Json | undefined, stopAtEnd: boolean): string | undefined => {
    let out = '';
    while (pos < parts.length) {
      const p = parts[pos++]!;
      const m = /^{{-?\s*(.*?)\s*-?}}$/.exec(p);
      if (!m) {
        out += p;
        continue;
      }
      const action = m[1]!;
      if (action === 'end') return stopAtEnd ? out : undefined;
      let r: RegExpExecArray | null;
      if ((r = /^range\s+(\.[\w.]*)$/.exec(action))) {
        const v = at(d, r[1]!);
        const items = Array.isArray(v)
          ? v
          : v && typeof v === 'object'
            ? Object.keys(v)
                .sort()
                .map((k) => v[k]!)
            : [];
        const start = pos;
        let body: string | undefined = '';
        if (items.length === 0) body = run(undefined, true);
        for (const it of items) {
          pos = start;
          const b = run(it, true);
          if (b === undefined) return undefined;
          body += b;
        }
        if (body === undefined) return undefined;
        out += items.length ? body : '';
      } else if ((r = /^json\s+(\.[\w.]*)$/.exec(action))) out += JSON.stringify(at(d, r[1]!) ?? null);
      else if (/^\.[\w.]*$/.test(action)) out += goFormat(at(d, action));
      else return undefined;
    }
    return stopAtEnd ? undefined : out;
  };
  const out = run(dot, false);
  return out === undefined ? undefined : out + '\n';
}
