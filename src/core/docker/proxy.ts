/**
 * docker-proxy, the userland proxy Docker starts for each published port (Docker's default,
 * `userland-proxy: true`): it listens on the host's port and opens its own connection to the
 * container. Traffic DNATed in PREROUTING or OUTPUT never reaches it; what nat's DOCKER chain
 * leaves alone does (a container reaching the published port through the host's address, or
 * 127.0.0.1, excluded by `! -d 127.0.0.0/8`).
 */
import type { App } from '../datapath/seams';
import { parseAddr } from '../net/addr';
import { loc } from '../text/i18n';
import { ro } from '../text/particle';

export function dockerProxy(ip: string, port: number, proto: 'tcp' | 'udp'): App {
  return {
    name: 'docker-proxy',
    receive: () => ({
      kind: 'proxy',
      upstream: {
        to: parseAddr(ip)!,
        proto,
        port,
        label: loc(`docker-proxy to ${ip}:${port}`, `docker-proxy가 ${ro(`${ip}:${port}`)} 여는 연결`),
      },
      detail: loc(
        `docker-proxy opens its own connection to the container (${ip}:${port})`,
        `docker-proxy가 컨테이너(${ip}:${port})로 연결을 새로 엽니다`,
      ),
      then: (r) =>
        r.replied
          ? r.payload
            ? { kind: 'reply', payload: r.payload, detail: loc('docker-proxy relays the answer', 'docker-proxy가 응답을 전달합니다') }
            : { kind: 'accept', detail: loc('docker-proxy relays the connection', 'docker-proxy가 연결을 이어 줍니다') }
          : {
              kind: 'refuse',
              detail: loc(
                'the container did not answer docker-proxy: it closes the connection',
                '컨테이너가 docker-proxy에 응답하지 않아 연결을 닫습니다',
              ),
            },
    }),
  };
}
