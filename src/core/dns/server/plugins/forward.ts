/**
 * forward (plugin/forward): `forward FROM TO... { except ZONES..., policy random|round_robin|sequential,
 * force_tcp, prefer_udp, max_fails, health_check, expire, ... }`. A name in FROM and not in `except`
 * is asked of the upstreams in the policy's order (a TO that is a file is read as resolv.conf: its
 * nameservers); an upstream that does not answer gives way to the next, and round again (1.11's
 * loop: every failure retried until the query's 5 s deadline; a silent upstream costs its 2 s read
 * timeout); the first answer is written as it came (its id set back to the client's); at the
 * deadline, SERVFAIL with the last try's error. The
 * query goes over the client's transport unless force_tcp or prefer_udp says otherwise. Health checks,
 * max_fails and expire are parsed only: every upstream counts as healthy.
 */
import { loc, type Localized } from '../../../text/i18n';
import { eunneun, iga } from '../../../text/particle';
import { parseResolvConf } from '../../files';
import { parseIp } from '../../corefile/keys';
import { parseDuration } from '../../corefile/go';
import type { DnsMessage, UpstreamAnswer } from '../../msg';
import { matchZone, qname } from '../msgs';
import type { Built, Next, Req, Res } from '../types';
import { type Builder, props, say, sourceOf, words } from './common';

/** forward's defaultReadTimeout: how long it waits for one upstream's answer. */
export const READ_TIMEOUT_MS = 2000;
/** forward's defaultTimeout: how long one query may take over all its tries. */
export const DEADLINE_MS = 5000;
/** forward's hcInterval (health_check's default) and maxfails (max_fails's default). */
export const HC_INTERVAL_MS = 500;
export const MAX_FAILS = 2;

/**
 * The error forward returns: the last try's, as Go's net package words it (a net.OpError on the
 * connected socket names its source then the upstream: CoreDNS 1.11.1 logged `[ERROR] plugin/errors:
 * 2 www.up.test. A: read udp 10.53.0.3:36916->10.53.0.3:5300: i/o timeout`). The source here is the
 * address the query came in on and a port drawn from the query's id (the kernel's ephemeral port).
 */
function lastError(failures: readonly string[], local: string, id: number, proto: string): string {
  const last = failures[failures.length - 1] ?? '';
  const [addr, why] = last.split(' ');
  const src = `${hostPort(local, 32768 + (id % 28232))}->${addr}`;
  if (why === 'timeout') return `read ${proto} ${src}: i/o timeout`;
  if (why === 'refused') return `read ${proto} ${src}: read: connection refused`;
  return `dial ${proto} ${addr}: connect: no route to host`;
}

interface Upstream {
  readonly addr: string;
  readonly port: number;
  readonly text: string;
  readonly tls: boolean;
}

function hostPort(addr: string, port: number): string {
  return addr.includes(':') ? `[${addr}]:${port}` : `${addr}:${port}`;
}

/** An upstream word: `1.2.3.4`, `1.2.3.4:53`, `[::1]:53`, `dns://...`, `tls://...`. */
function upstreamOf(word: string): Upstream | undefined {
  let s = word;
  let tls = false;
  if (s.startsWith('dns://')) s = s.slice(6);
  else if (s.startsWith('tls://')) {
    s = s.slice(6);
    tls = true;
  }
  let port = tls ? 853 : 53;
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(s);
  if (bracket) {
    s = bracket[1]!;
    if (bracket[2]) port = Number(bracket[2]);
  } else if ((s.match(/:/g) ?? []).length === 1) {
    const [h, p] = s.split(':');
    s = h!;
    port = Number(p);
  }
  if (!parseIp(s)) return undefined;
  return { addr: s, port, text: hostPort(s, port), tls };
}

/** A small deterministic generator standing in for Go's rand (seeded by the session's count of picks). */
function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let x = (seed * 2654435761 + 1013904223) >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    x = (x * 1664525 + 1013904223) >>> 0;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export const forward: Builder = (p, ctx): Built => {
  const source = sourceOf(p, ctx);
  const me = { name: 'forward', source };
  const from = (p.args[0] ?? '.').toLowerCase();
  const fromZone = from.endsWith('.') ? from : `${from}.`;
  const ups: Upstream[] = [];
  const readNotes: string[] = [];
  for (const w of p.args.slice(1)) {
    const u = upstreamOf(w);
    if (u) {
      ups.push(u);
      continue;
    }
    const text = ctx.readFile(w);
    if (text === undefined) return { error: `plugin/forward: not an IP address or file: "${w}"` };
    const rc = parseResolvConf(text, w);
    // miekg/dns's ClientConfigFromFile: every nameserver line (no MAXNS), no 127.0.0.1 default.
    const found = [...rc.config.nameservers, ...rc.config.ignoredNameservers]
      .filter((n) => n.range)
      .map((n) => upstreamOf(n.address))
      .filter((x): x is Upstream => !!x);
    readNotes.push(`${w}: ${found.map((f) => f.addr).join(', ') || '-'}`);
    ups.push(...found);
  }
  if (!ups.length) return { error: `plugin/forward: no valid upstream addresses found` };
  let except: string[] = [];
  let policy = 'random';
  let proto: 'udp' | 'tcp' | undefined;
  let maxFails = MAX_FAILS;
  let hcMs = HC_INTERVAL_MS;
  const parsedOnly: string[] = [];
  for (const pr of props(p)) {
    const w = words(pr);
    switch (pr.name.text) {
      case 'except':
        except = w.map((z) => (z.toLowerCase().endsWith('.') ? z.toLowerCase() : `${z.toLowerCase()}.`));
        break;
      case 'policy':
        policy = w[0] ?? policy;
        break;
      case 'force_tcp':
        proto = 'tcp';
        break;
      case 'prefer_udp':
        proto ??= 'udp';
        break;
      case 'max_fails':
      case 'health_check': {
        // read for the refused upstreams' time only (below); health checking itself is not simulated
        if (pr.name.text === 'max_fails' && /^\d+$/.test(w[0] ?? '')) maxFails = Number(w[0]);
        const d = pr.name.text === 'health_check' && w[0] ? parseDuration(w[0]) : undefined;
        if (d && 'ns' in d) hcMs = d.ns / 1e6;
        parsedOnly.push([pr.name.text, ...w].join(' '));
        break;
      }
      default:
        parsedOnly.push([pr.name.text, ...w].join(' '));
    }
  }
  const handler = {
    name: 'forward',
    source,
    serve(req: Req, next: Next): Res {
      const name = qname(req.msg);
      if (matchZone([fromZone], name) === '' || (name !== fromZone && matchZone(except, name) !== '')) {
        say(
          req,
          me,
          matchZone([fromZone], name) === ''
            ? loc(`${name} is not under ${fromZone}: passed on.`, `이름 ${name}: ${fromZone} 아래가 아니라 다음으로 넘깁니다.`)
            : loc(
                `${name} is in except (${except.join(' ')}): passed on.`,
                `이름 ${name}: except(${except.join(' ')})에 들어 있어 다음으로 넘깁니다.`,
              ),
        );
        return next(req);
      }
      for (const n of readNotes) say(req, me, loc(`Upstreams read from ${n}.`, `업스트림을 파일에서 읽었습니다: ${n}.`));
      if (parsedOnly.length)
        say(
          req,
          me,
          loc(
            `Parsed only, not simulated: ${parsedOnly.join('; ')} (every upstream counts as healthy).`,
            `읽기만 하고 시뮬레이션하지 않습니다: ${parsedOnly.join('; ')} (모든 업스트림을 정상으로 봅니다).`,
          ),
          { notSimulated: 'forward' },
        );
      const order = orderOf(req, policy, ups);
      if (ups.length > 1) say(req, me, policyWords(policy, order.map((u) => u.text).join(', ')), { policy });
      const wire = proto ?? req.query.proto;
      // 1.11's loop: through the list and round again, every failure retried, until its 5 s deadline
      let down = false;
      const ask = (i: number, elapsed: number, passMs: number, failures: string[]): Res => {
        if (i > 0 && i % order.length === 0) {
          if (passMs === 0 && elapsed < DEADLINE_MS) {
            // every upstream refused at once: forward spins through them, and each failure kicks a health
            // check; once max_fails + 1 checks failed (the kicked one, then one every health_check
            // interval) every upstream is down, and the next failure ends the loop (CoreDNS 1.11.1: SERVFAIL
            // after 1004 ms). Without health checks (max_fails 0) it spins until its deadline.
            const spin = maxFails === 0 ? DEADLINE_MS - elapsed : Math.min(DEADLINE_MS - elapsed, maxFails * hcMs);
            say(
              req,
              me,
              maxFails === 0
                ? loc(
                    `Every upstream fails at once; forward keeps retrying them until its ${DEADLINE_MS / 1000} s deadline.`,
                    `모든 업스트림이 곧바로 실패합니다. forward는 ${DEADLINE_MS / 1000}초 기한까지 계속 다시 시도합니다.`,
                  )
                : loc(
                    `Every upstream fails at once; forward keeps retrying them until its health checks (every ${hcMs / 1000} s, max_fails ${maxFails}) mark them down, ${spin / 1000} s later.`,
                    `모든 업스트림이 곧바로 실패합니다. forward는 상태 점검(${hcMs / 1000}초마다, max_fails ${maxFails})이 업스트림을 다운으로 표시할 때까지 ${spin / 1000}초 동안 계속 다시 시도합니다.`,
                  ),
              { waitedMs: spin },
            );
            elapsed += spin;
            down = true;
          }
          passMs = 0;
        }
        const u = order[i % order.length]!;
        if (elapsed >= DEADLINE_MS || down) {
          say(
            req,
            me,
            down
              ? loc(
                  `Every upstream is marked down and the last try failed too (${failures.join('; ')}): SERVFAIL.`,
                  `모든 업스트림이 다운으로 표시되었고 마지막 시도도 실패했습니다 (${failures.join('; ')}). SERVFAIL입니다.`,
                )
              : loc(
                  `No upstream answered within forward's ${DEADLINE_MS / 1000} s (${failures.join('; ')}): SERVFAIL.`,
                  `forward의 ${DEADLINE_MS / 1000}초 안에 응답한 업스트림이 없습니다 (${failures.join('; ')}). SERVFAIL입니다.`,
                ),
            { rcode: 'SERVFAIL', elapsedMs: elapsed },
          );
          return { kind: 'code', rcode: 'SERVFAIL', err: lastError(failures, req.query.local.addr, req.msg.id, wire) };
        }
        if (u.tls)
          say(
            req,
            me,
            loc(
              `${u.text} is a tls:// upstream: TLS is not simulated, the query is sent as plain DNS over TCP.`,
              `${eunneun(u.text)} tls:// 업스트림입니다. TLS는 시뮬레이션하지 않으므로 평범한 DNS over TCP로 보냅니다.`,
            ),
            { notSimulated: 'tls' },
          );
        say(req, me, loc(`Asks upstream ${u.text} over ${wire.toUpperCase()}.`, `업스트림 ${u.text}에 ${wire.toUpperCase()}로 묻습니다.`), {
          upstream: u.text,
        });
        const msg: DnsMessage = { ...req.msg, id: (req.msg.id + 1 + i) & 0xffff };
        return {
          kind: 'forward',
          to: { addr: u.addr, port: u.port, proto: u.tls ? 'tcp' : wire },
          msg,
          then: (a: UpstreamAnswer): Res => {
            if (!a.ok) {
              // a silent upstream costs forward's read timeout (2 s); an ICMP error ends the try at once
              const waited = a.why === 'timeout' ? READ_TIMEOUT_MS : 0;
              say(
                req,
                me,
                loc(
                  `${u.text} did not answer: ${a.reason.en.replace(/\.$/, '')}; forward tries again${waited ? ` after ${waited / 1000} s` : ''}.`,
                  `${u.text}에서 답이 없습니다: ${a.reason.ko.replace(/\.$/, '')}. forward가 ${waited ? `${waited / 1000}초 뒤 ` : ''}다시 시도합니다.`,
                ),
                { upstream: u.text, why: a.why, waitedMs: waited },
              );
              return ask(i + 1, elapsed + waited, passMs + waited, [...failures, `${u.text} ${a.why}`]);
            }
            say(
              req,
              me,
              loc(
                `${u.text} answered ${a.msg.rcode}; the answer is written as it came.`,
                `${iga(u.text)} ${a.msg.rcode} 응답을 주었고, 그 답을 그대로 씁니다.`,
              ),
              { upstream: u.text, rcode: a.msg.rcode, elapsedMs: elapsed },
            );
            return { kind: 'write', msg: { ...a.msg, id: req.msg.id } };
          },
        };
      };
      return ask(0, 0, 0, []);
    },
  };
  return { handler };
};

function orderOf(req: Req, policy: string, ups: readonly Upstream[]): Upstream[] {
  const key = `forward ${policy}`;
  const n = (req.state.get(key) as number | undefined) ?? 0;
  req.state.set(key, n + 1);
  if (policy === 'sequential') return [...ups];
  if (policy === 'round_robin') {
    const k = n % ups.length;
    return [...ups.slice(k), ...ups.slice(0, k)];
  }
  return shuffled(ups, n);
}

function policyWords(policy: string, order: string): Localized {
  if (policy === 'sequential')
    return loc(`Policy sequential: upstreams in the order written: ${order}.`, `정책 sequential: 적힌 순서대로 묻습니다: ${order}.`);
  if (policy === 'round_robin')
    return loc(
      `Policy round_robin: each query of this session starts one upstream further: ${order}.`,
      `정책 round_robin: 이 세션의 질의마다 한 업스트림씩 밀려 시작합니다: ${order}.`,
    );
  return loc(
    `Policy random: CoreDNS shuffles the upstreams for each query; the simulator draws the order from the session, so the same lookup gives the same order: ${order}.`,
    `정책 random: CoreDNS는 질의마다 업스트림을 섞습니다. 시뮬레이터는 세션에서 순서를 뽑으므로 같은 조회는 같은 순서를 얻습니다: ${order}.`,
  );
}
