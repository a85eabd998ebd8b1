/**
 * Generates the benchmark lab: 200 hosts in a tree, every non-leaf host a router (ip_forward=1)
 * linked to each child through a switch of its own. Leaves sit on /24 subnets, routers meet on
 * /30s. Every host has a route to every leaf subnet through the right next hop (no default
 * routes), plus more specific /32 routes, 10,000 routes in all. A chain of 20 routers runs
 * through the tree, so the trace from `from` to `to` crosses 20 router hops.
 *
 *   node --import tsx bench/gen.ts > /tmp/big/lab.yaml
 */

export interface BenchLab {
  readonly text: string;
  readonly hosts: number;
  readonly routes: number;
  readonly routers: number;
  readonly leaves: number;
  /** The two ends of the deep path: a leaf under the chain's first router, and its last. */
  readonly from: string;
  readonly to: string;
  /** Routers between `from` and `to`. */
  readonly routerHops: number;
}

export interface GenOptions {
  readonly hosts?: number;
  readonly routes?: number;
  readonly chain?: number;
  readonly leaves?: number;
  readonly branch?: number;
}

interface Node {
  readonly id: number;
  readonly name: string;
  readonly parent: number; // -1 for the root
  readonly children: number[];
  leaf: boolean;
  /** Uplink: this node's address, and its parent's, on the link between them. */
  upAddr?: string;
  parentAddr?: string;
  prefixLen?: number;
  upNet?: string;
  upIf?: string; // the parent's interface toward this node
}

export function generateBenchLab(opts: GenOptions = {}): BenchLab {
  const HOSTS = opts.hosts ?? 200;
  const ROUTES = opts.routes ?? 10_000;
  const CHAIN = opts.chain ?? 20; // routers on the deep path
  const LEAVES = opts.leaves ?? 45;
  const BRANCH = opts.branch ?? 6; // length of the side branches
  const internal = HOSTS - LEAVES;
  if (internal < CHAIN + 1 || LEAVES < 2) throw new Error('generateBenchLab: too few hosts for the chain');

  const nodes: Node[] = [];
  const add = (parent: number, leaf: boolean): number => {
    const id = nodes.length;
    nodes.push({ id, name: `n${id}`, parent, children: [], leaf });
    if (parent >= 0) nodes[parent]!.children.push(id);
    return id;
  };

  // The root, then the deep chain n1..nCHAIN below it.
  add(-1, false);
  const chain: number[] = [];
  for (let i = 0; i < CHAIN; i++) chain.push(add(i === 0 ? 0 : chain[i - 1]!, false));
  // Side branches of routers hanging off the root and the chain, round-robin.
  const anchors = [0, ...chain];
  const tips: number[] = [];
  let a = 0;
  while (nodes.length < internal) {
    let at = anchors[a++ % anchors.length]!;
    for (let k = 0; k < BRANCH && nodes.length < internal; k++) at = add(at, false);
    tips.push(at);
  }
  // Leaves: the two ends of the deep path first, then every branch tip (so it stays a router),
  // then round-robin over all routers.
  const from = add(chain[0]!, true);
  const to = add(chain[CHAIN - 1]!, true);
  for (const t of tips) if (nodes.length < HOSTS) add(t, true);
  const routers = nodes.filter((n) => !n.leaf).map((n) => n.id);
  let r = 0;
  while (nodes.length < HOSTS) add(routers[r++ % routers.length]!, true);
  for (const n of nodes) if (!n.leaf && n.children.length === 0) throw new Error(`generateBenchLab: ${n.name} has no child`);

  // Addresses: a leaf's uplink is 172.16.ID.0/24 (router .1, leaf .10); a router's is a /30 in
  // 10.0.0.0/16 (parent .1, child .2).
  for (const n of nodes) {
    if (n.parent < 0) continue;
    if (n.leaf) {
      n.upNet = `172.16.${n.id}.0/24`;
      n.parentAddr = `172.16.${n.id}.1`;
      n.upAddr = `172.16.${n.id}.10`;
      n.prefixLen = 24;
    } else {
      const base = n.id * 4;
      const o3 = base >> 8;
      const o4 = base & 255;
      n.upNet = `10.0.${o3}.${o4}/30`;
      n.parentAddr = `10.0.${o3}.${o4 + 1}`;
      n.upAddr = `10.0.${o3}.${o4 + 2}`;
      n.prefixLen = 30;
    }
  }

  // The child on the way from `h` down to `target`, or undefined if target is not below h.
  const below = (h: number, target: number): number | undefined => {
    let x = target;
    while (x >= 0) {
      const p = nodes[x]!.parent;
      if (p === h) return x;
      x = p;
    }
    return undefined;
  };

  const leafIds = nodes.filter((n) => n.leaf).map((n) => n.id);
  const runs = new Map<number, string[]>();
  const routesOf = new Map<number, string[]>();
  let routeCount = 0;

  for (const n of nodes) {
    const lines: string[] = [];
    const ifs: string[] = [];
    if (n.parent >= 0) {
      lines.push(`ip addr add ${n.upAddr}/${n.prefixLen} dev eth0`);
      ifs.push('eth0');
    }
    n.children.forEach((c, j) => {
      const child = nodes[c]!;
      const dev = `eth${j + 1}`;
      child.upIf = dev;
      lines.push(`ip addr add ${child.parentAddr}/${child.prefixLen} dev ${dev}`);
    });
    if (!n.leaf) lines.push('sysctl -w net.ipv4.ip_forward=1');
    runs.set(n.id, lines);

    const routes: string[] = [];
    for (const l of leafIds) {
      if (l === n.id || nodes[l]!.parent === n.id) continue; // its own or a connected subnet
      const down = below(n.id, l);
      const via = down !== undefined ? nodes[down]!.upAddr : n.parentAddr;
      routes.push(`ip route add ${nodes[l]!.upNet} via ${via}`);
    }
    routesOf.set(n.id, routes);
    routeCount += routes.length;
  }

  // More specific routes (/32 to each leaf's address, same next hop) until the total is reached,
  // spread over the routers.
  const extra: { host: number; line: string }[][] = routers.map((h) =>
    leafIds
      .filter((l) => nodes[l]!.parent !== h)
      .map((l) => {
        const down = below(h, l);
        const via = down !== undefined ? nodes[down]!.upAddr : nodes[h]!.parentAddr;
        return { host: h, line: `ip route add ${nodes[l]!.upAddr}/32 via ${via}` };
      }),
  );
  for (let round = 0; routeCount < ROUTES; round++) {
    let added = false;
    for (const list of extra) {
      if (routeCount >= ROUTES) break;
      const e = list[round];
      if (!e) continue;
      routesOf.get(e.host)!.push(e.line);
      routeCount++;
      added = true;
    }
    if (!added) break;
  }

  const out: string[] = [];
  out.push('# Generated by bench/gen.ts: the benchmark lab (do not edit).');
  out.push('name: bench-tree');
  out.push('title: { en: "Benchmark: a tree of routers", ko: "벤치마크: 라우터 트리" }');
  out.push('switches:');
  for (const n of nodes) if (n.parent >= 0) out.push(`  - s${n.id}`);
  out.push('hosts:');
  for (const n of nodes) {
    out.push(`  ${n.name}:`);
    out.push('    interfaces:');
    if (n.parent >= 0) out.push(`      eth0: s${n.id}`);
    n.children.forEach((c, j) => out.push(`      eth${j + 1}: s${c}`));
    out.push('    run: |');
    for (const l of [...runs.get(n.id)!, ...routesOf.get(n.id)!]) out.push(`      ${l}`);
  }
  out.push('');

  return {
    text: out.join('\n'),
    hosts: nodes.length,
    routes: routeCount,
    routers: routers.length,
    leaves: leafIds.length,
    from: nodes[from]!.name,
    to: nodes[to]!.upAddr!,
    routerHops: CHAIN,
  };
}

if (/bench[\\/]gen\.ts$/.test(process.argv[1] ?? '')) {
  const lab = generateBenchLab();
  process.stdout.write(lab.text);
  process.stderr.write(
    `${lab.hosts} hosts (${lab.routers} routers, ${lab.leaves} leaves), ${lab.routes} routes; ` +
      `${lab.from} -> ${lab.to} crosses ${lab.routerHops} routers\n`,
  );
}
