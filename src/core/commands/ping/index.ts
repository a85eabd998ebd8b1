/**
 * The `ping` command: its spec (for the editor's hovers and the registry) and its handler, which
 * gives runPing the simulated resolver and the packet walk from the namespace it runs in.
 */
import { resolveName } from '../../dns/resolver/index';
import { tracePacket } from '../../datapath/walk';
import { loc } from '../../text/i18n';
import { type CommandSpec, manPage } from '../types';
import { runPing } from './run';

export const pingSpec: CommandSpec = {
  names: ['ping'],
  summary: loc(
    'Sends ICMP echo requests and prints the replies, as iputils-ping 20221126 does. Simulated: each request is walked through the lab (a name is looked up first, as getaddrinfo does); round-trip times are not simulated (every reply takes 0.000 ms), and the time of the statistics is the simulated time from the first request to the last (sent -i apart, 1 s by default). It needs -c or -w: a real ping without them runs until it is interrupted.',
    'ICMP echo 요청을 보내고 응답을 iputils-ping 20221126처럼 출력합니다. 시뮬레이션에서는 요청마다 패킷이 실습 네트워크를 지나가는 과정을 따라가며, 이름은 getaddrinfo처럼 먼저 해석합니다. 왕복 시간은 시뮬레이션하지 않아 모든 응답이 0.000 ms로 나오고, 통계의 time은 첫 요청부터 마지막 요청까지의 시뮬레이션 시간(요청 간격 -i, 기본 1초)입니다. -c나 -w가 있어야 합니다. 실제 ping은 이 옵션이 없으면 중단할 때까지 계속 보냅니다.',
  ),
  usage: loc(
    'ping [-c COUNT] [-w DEADLINE] [-W TIMEOUT] [-i INTERVAL] [-t TTL] [-n] [-q] [-4|-6] DESTINATION',
    'ping [-c 횟수] [-w 마감시간] [-W 대기시간] [-i 간격] [-t TTL] [-n] [-q] [-4|-6] 목적지',
  ),
  link: manPage('ping.8'),
  forms: [
    {
      pattern: 'ping -c * *',
      doc: loc(
        'Sends COUNT echo requests, one a second, and stops when COUNT replies or errors came back; exit 0 when a reply came, 1 when none, 2 when ping could not start (a name that does not resolve, no route).',
        '요청 COUNT개를 1초에 하나씩 보내고, 응답이나 오류가 COUNT개 오면 멈춥니다. 응답을 하나라도 받으면 종료 상태 0, 하나도 못 받으면 1, 시작하지 못하면(이름을 해석하지 못함, 라우트 없음) 2입니다.',
      ),
    },
    {
      pattern: 'ping -w * *',
      doc: loc(
        'Sends a request every second until DEADLINE seconds have passed (or until -c replies came, or an error).',
        'DEADLINE초가 지날 때까지(또는 응답이 -c개 오거나 오류가 올 때까지) 1초마다 요청을 보냅니다.',
      ),
    },
  ],
  handler: (ctx, args) =>
    runPing(
      args.map((a) => a.text),
      args.map((a) => a.column),
      {
        from: { host: ctx.host.name, netns: ctx.netns.name },
        resolve: (req) => resolveName(ctx.world, req),
        trace: (req) => tracePacket(ctx.world, req),
        hasLink: (name) => ctx.netns.links.has(name),
      },
    ),
};
