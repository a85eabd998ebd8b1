/**
 * `coredns [-conf FILE] [-dns.port PORT] [-version] [-plugins] [-quiet]`: CoreDNS 1.11 started in
 * the current network namespace (coremain/run.go). It reads its Corefile from the host's files
 * (`-conf`, else `Corefile` in the working directory `/`, else CoreDNS's default `.:53 { whoami log }`),
 * prints CoreDNS's fatal start-up error and exits 1 on a bad one; else it binds a UDP and a TCP socket
 * for each address its server blocks listen on (and the health/ready/prometheus ports), owned by
 * the DNS server App, prints what CoreDNS prints at start (each server's zones, its version) and
 * returns at once: the simulator runs it as if in the background. In a named namespace it reads
 * the files `ip netns exec` mounts from /etc/netns/NAME/.
 */
import { loc } from '../text/i18n';
import { ROOT_NS, type Host, type Socket } from '../sim/model';
import { bindSocket, closeSockets } from '../sim/kernel';
import { formatAddr, parseAddr } from '../net/addr';
import { corednsServer, loopProbeName, type CorednsStart, type Listen } from '../dns/server/index';
import { makeQuery, newSession, type ServerOutcome } from '../dns/msg';
import { dnsServerApp } from '../dns/transport/index';
import { result, type CommandHandler, type CommandResult, type CommandSpec } from './types';

export const COREDNS_VERSION = 'CoreDNS-1.11.1';
/** releaseString() of the 1.11.1 release image: <OS>/<ARCH>, <go version>, <commit>. */
export const COREDNS_RELEASE = 'linux/amd64, go1.20.7, ae2bbc2';

/** The plugins of 1.11.1's plugin.cfg, as `-plugins` lists them (caddy.DescribePlugins). */
const PLUGINS_1_11 =
  'metadata geoip cancel tls timeouts reload nsid bufsize root bind debug trace ready health pprof prometheus errors log dnstap local dns64 acl any chaos loadbalance tsig cache rewrite header dnssec autopath minimal template transfer hosts route53 azure clouddns k8s_external kubernetes file auto secondary etcd loop forward grpc erratic whoami sign view'.split(
    ' ',
  );

function describePlugins(): string {
  const other = [...PLUGINS_1_11.map((p) => `dns.${p}`)].sort();
  return `Server types:\n  dns\n\nCaddyfile loaders:\n  flag\n  default\n\nOther plugins:\n${[...other, 'on'].map((p) => `  ${p}\n`).join('')}\n`;
}

/** A file as a program in `netns` sees it: /etc/X from /etc/netns/NAME/X when the host has that (ip netns exec's bind mounts). */
export function fileIn(host: Host, netns: string, path: string): string | undefined {
  if (netns !== ROOT_NS && path.startsWith('/etc/')) {
    const rest = path.slice('/etc/'.length);
    const top = rest.split('/')[0]!;
    const mount = `/etc/netns/${netns}/${top}`;
    const mounted = host.files.has(mount) || [...host.files.keys()].some((k) => k.startsWith(`${mount}/`));
    if (mounted) return host.files.get(`/etc/netns/${netns}/${rest}`);
  }
  return host.files.get(path);
}

export interface CorednsRun {
  readonly conf?: string;
  readonly port?: number;
  readonly quiet?: boolean;
}

function listenText(l: Listen): string {
  const a = l.addrs?.[0];
  return `${l.proto} ${a ? (a.includes(':') ? `[${a}]` : a) : ''}:${l.port}`;
}

/** Starts CoreDNS on `host` in `netns`: what it prints, and its sockets bound when it starts. */
export function startCoredns(host: Host, netns: string, run: CorednsRun, origin?: Socket['origin']): CommandResult {
  const path = run.conf ?? 'Corefile';
  const abs = path.startsWith('/') ? path : `/${path}`;
  let text = fileIn(host, netns, abs);
  if (text === undefined) {
    if (run.conf !== undefined) return result('', `open ${path}: no such file or directory\n`, 1);
    text = `.:${run.port ?? 53} {\nwhoami\nlog\n}\n`;
  }
  const start = corednsServer(text, path, (p) => fileIn(host, netns, p.startsWith('/') ? p : `/${p}`), {
    ...(run.port ? { port: run.port } : {}),
    hostname: host.hostname ?? host.name,
  });
  if (!start.server) return result('', `${start.errors?.text ?? 'coredns: cannot start'}\n`, start.errors?.exit ?? 1);
  // tcp is listened on before udp (dnsserver's Serve then ServePacket); a taken port stops CoreDNS
  for (const l of [...start.listens].sort((a, b) => (a.proto === b.proto ? 0 : a.proto === 'tcp' ? -1 : 1))) {
    const addrs = l.addrs ?? [undefined];
    for (const a of addrs) {
      const taken = host.sockets.find(
        (s) => s.netns === netns && s.proto === l.proto && s.port === l.port && (!s.addr || !a || formatAddr(s.addr) === a),
      );
      if (taken) return result('', `listen ${listenText({ ...l, ...(a ? { addrs: [a] } : {}) })}: bind: address already in use\n`, 1);
    }
  }
  const app = dnsServerApp(start.server);
  for (const l of start.listens) {
    for (const a of l.addrs ?? [undefined]) {
      const addr = a ? parseAddr(a) : undefined;
      bindSocket(host, {
        proto: l.proto,
        port: l.port,
        netns,
        ...(addr ? { addr } : {}),
        ...(origin ? { origin } : {}),
        owner: l.what === 'dns' ? app : { name: `coredns (${l.what})` },
      });
    }
  }
  // each server's zones, sorted, as dnsserver's startUpZones prints them, then the version
  // a plugin's warnings (clog) come first, and -quiet does not hush them
  const warned = (start.warnings ?? []).map((w) => `${w}\n`).join('');
  const banner = run.quiet
    ? warned
    : warned +
      start.servers
        .map((s) =>
          [...s.zones]
            .sort()
            .map((z) => `${z}:${s.port}${s.addrs ? ` on ${s.addrs.join(' ')}` : ''}\n`)
            .join(''),
        )
        .join('') +
      `${COREDNS_VERSION}\n${COREDNS_RELEASE}\n`;
  const loop = start.hasLoop ? loopProbe(host, netns, start) : undefined;
  if (loop) {
    // log.Fatalf: the [FATAL] line on the standard output (Run sets log's output to stdout), exit 1, sockets gone
    closeSockets(
      host,
      host.sockets.filter((s) => s.owner === app || s.owner?.name.startsWith('coredns (')),
    );
    return result(`${banner}${loop}\n`, '', 1);
  }
  return result(banner);
}

/**
 * The loop plugin's start-up probe (plugin/loop setup.go): a HINFO query for a random name of each
 * zone, sent to the server itself; when the server's forward sends it to an address of this very
 * namespace on a port this CoreDNS listens on, the query comes back: the [FATAL] line it exits with.
 */
function loopProbe(host: Host, netns: string, start: CorednsStart): string | undefined {
  const ns = host.netns.get(netns);
  const local = (a: string) =>
    /^127\./.test(a) || a === '::1' || [...(ns?.links.values() ?? [])].some((l) => l.addrs.some((x) => formatAddr(x.addr) === a));
  const listening = (addr: string, port: number) =>
    start.listens.some((l) => l.what === 'dns' && l.port === port && (!l.addrs || l.addrs.includes(addr)));
  const session = newSession();
  for (const srv of start.servers) {
    for (const zone of srv.zones) {
      const localAddr = srv.addrs?.[0] ?? '127.0.0.1';
      const msg = makeQuery(loopProbeName(zone), 'HINFO', { id: 1 });
      let out: ServerOutcome = start.server!.handle(
        { msg, proto: 'udp', client: { addr: localAddr, port: 41053 }, local: { addr: localAddr, port: srv.port } },
        session,
      );
      for (let hops = 0; out.kind === 'forward' && hops < 16; hops++) {
        const to = out.to;
        if (local(to.addr) && listening(to.addr, to.port)) {
          const back = start.server!.handle(
            { msg: out.msg, proto: to.proto, client: { addr: to.addr, port: 41054 }, local: { addr: to.addr, port: to.port } },
            session,
          );
          const fatal = back.steps.find((st) => typeof st.data?.['fatal'] === 'string')?.data?.['fatal'];
          if (typeof fatal === 'string') return fatal;
        }
        out = out.then({ ok: false, why: 'timeout', reason: loc('the probe is not answered', '탐침에 답이 없음') });
      }
    }
  }
  return undefined;
}

/** Go's flag package: `-name value`, `-name=value`, `--name`. */
export const corednsCommand: CommandHandler = (ctx, args) => {
  const run: { conf?: string; port?: number; quiet?: boolean } = {};
  let version = false;
  let plugins = false;
  const rest: string[] = [];
  for (let i = 1; i < args.length; i++) {
    const w = args[i]!.text;
    if (!w.startsWith('-') || w === '-' || w === '--') {
      rest.push(...args.slice(w === '--' ? i + 1 : i).map((a) => a.text));
      break;
    }
    const body = w.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq >= 0 ? body.slice(0, eq) : body;
    const inline = eq >= 0 ? body.slice(eq + 1) : undefined;
    const value = (): string | undefined => inline ?? args[++i]?.text;
    switch (name) {
      case 'conf': {
        const v = value();
        if (v === undefined) return result('', `flag needs an argument: -conf\n${USAGE}`, 2);
        run.conf = v;
        break;
      }
      case 'dns.port':
      case 'p': {
        const v = value();
        if (v === undefined) return result('', `flag needs an argument: -${name}\n${USAGE}`, 2);
        run.port = Number(v);
        break;
      }
      case 'pidfile':
        value();
        break;
      case 'version':
        version = true;
        break;
      case 'plugins':
        plugins = true;
        break;
      case 'quiet':
        run.quiet = true;
        break;
      case 'h':
      case 'help':
        return result('', USAGE, 0);
      default:
        return result('', `flag provided but not defined: -${name}\n${USAGE}`, 2);
    }
  }
  if (rest.length) return result('', `extra command line arguments: [${rest.join(' ')}]\n`, 1);
  if (version) return result(`${COREDNS_VERSION}\n${COREDNS_RELEASE}\n`);
  if (plugins) return result(describePlugins());
  return startCoredns(ctx.host, ctx.netns.name, run, ctx.host.runOrigin);
};

const USAGE = `Usage of coredns:
  -conf string
    \tCorefile to load (default "Corefile")
  -dns.port string
    \tDefault port (default "53")
  -p string
    \tDefault port (default "53")
  -pidfile string
    \tPath to write pid file
  -plugins
    \tList installed plugins
  -quiet
    \tQuiet mode (no initialization output)
  -version
    \tShow version
`;

export const corednsSpec: CommandSpec = {
  names: ['coredns'],
  handler: corednsCommand,
  summary: loc(
    'Starts CoreDNS with a Corefile: a DNS server whose plugins (hosts, file, forward, cache...) answer queries on the ports its server blocks name.',
    'Corefile로 CoreDNS를 시작합니다. 서버 블록이 정한 포트에서 플러그인(hosts, file, forward, cache...)이 질의에 답하는 DNS 서버입니다.',
  ),
  usage: loc(
    'coredns [-conf FILE] [-dns.port PORT] [-quiet] | -version | -plugins',
    'coredns [-conf 파일] [-dns.port 포트] [-quiet] | -version | -plugins',
  ),
  link: 'https://coredns.io/manual/toc/',
  forms: [
    {
      pattern: 'coredns -conf ...',
      doc: loc(
        'Starts CoreDNS with this Corefile: a bad one stops it with its error (exit 1); else it listens on UDP and TCP on the ports its server blocks name (53 by default).',
        '이 Corefile로 CoreDNS를 시작합니다. 잘못된 Corefile이면 오류를 내고 멈추고(종료 상태 1), 아니면 서버 블록이 정한 포트(기본 53)에서 UDP와 TCP로 수신 대기합니다.',
      ),
    },
    {
      pattern: 'coredns -version',
      doc: loc('Prints the version and build of CoreDNS, then exits.', 'CoreDNS의 버전과 빌드 정보를 출력하고 끝납니다.'),
    },
    {
      pattern: 'coredns -plugins',
      doc: loc('Lists the plugins compiled into this CoreDNS, then exits.', '이 CoreDNS에 들어 있는 플러그인 목록을 출력하고 끝납니다.'),
    },
  ],
};
