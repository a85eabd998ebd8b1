/**
 * The plugins that do not change an answer: health, ready and prometheus serve HTTP on their own
 * ports (listens of the program), reload watches the Corefile, debug turns off panic recovery, bind
 * limits the addresses listened on (the engine uses its arguments), loop probes for a forwarding loop
 * at start (the engine finds one when a query comes back through the server's own forward). Each says
 * what it would do.
 */
import { loc } from '../../../text/i18n';
import type { Built, Listen } from '../types';
import { type Builder, passing, props, sourceOf, words } from './common';

/** host:port of an HTTP plugin: its port (and address, when one is given). */
function httpListen(arg: string | undefined, fallback: string, what: Listen['what']): { listen: Listen; text: string } {
  const text = arg ?? fallback;
  const colon = text.lastIndexOf(':');
  const host = text.slice(0, colon).replace(/^\[|\]$/g, '');
  const port = Number(text.slice(colon + 1)) || Number(fallback.slice(fallback.lastIndexOf(':') + 1));
  const addrs = host === '' ? undefined : [host === 'localhost' ? '127.0.0.1' : host];
  return { listen: { proto: 'tcp', port, ...(addrs ? { addrs } : {}), what }, text };
}

export const health: Builder = (p, ctx): Built => {
  const { listen, text } = httpListen(p.args[0], ':8080', 'health');
  const lame = props(p).find((x) => x.name.text === 'lameduck');
  return {
    listens: [listen],
    handler: passing(
      'health',
      sourceOf(p, ctx),
      loc(
        `health serves HTTP on ${text} (/health answers 200 OK while CoreDNS runs${lame ? `; lameduck ${words(lame)[0] ?? ''} delays the shutdown` : ''}); it does nothing to a query.`,
        `health는 ${text}에서 HTTP를 서비스합니다 (CoreDNS가 실행 중인 동안 /health가 200 OK로 답합니다${lame ? `. lameduck ${words(lame)[0] ?? ''}만큼 종료를 늦춥니다` : ''}). 질의에는 아무것도 하지 않습니다.`,
      ),
    ),
  };
};

export const ready: Builder = (p, ctx): Built => {
  const { listen, text } = httpListen(p.args[0], ':8181', 'ready');
  return {
    listens: [listen],
    handler: passing(
      'ready',
      sourceOf(p, ctx),
      loc(
        `ready serves HTTP on ${text} (/ready answers 200 OK once every plugin that reports readiness is ready); it does nothing to a query.`,
        `ready는 ${text}에서 HTTP를 서비스합니다 (준비 상태를 알리는 플러그인이 모두 준비되면 /ready가 200 OK로 답합니다). 질의에는 아무것도 하지 않습니다.`,
      ),
    ),
  };
};

export const prometheus: Builder = (p, ctx): Built => {
  const { listen, text } = httpListen(p.args[0], 'localhost:9153', 'prometheus');
  return {
    listens: [listen],
    handler: passing(
      'prometheus',
      sourceOf(p, ctx),
      loc(
        `prometheus serves metrics on http://${text}/metrics; it does nothing to a query.`,
        `prometheus는 http://${text}/metrics에서 지표를 내보냅니다. 질의에는 아무것도 하지 않습니다.`,
      ),
    ),
  };
};

export const reload: Builder = (p, ctx): Built => ({
  handler: passing(
    'reload',
    sourceOf(p, ctx),
    loc(
      `reload would check the Corefile every ${p.args[0] ?? '30s'} and restart the servers when it changes; the simulator reads it once.`,
      `reload는 ${p.args[0] ?? '30s'}마다 Corefile을 확인해 바뀌면 서버를 다시 시작합니다. 시뮬레이터는 한 번만 읽습니다.`,
    ),
  ),
});

export const debug: Builder = (p, ctx): Built => ({
  handler: passing(
    'debug',
    sourceOf(p, ctx),
    loc(
      `debug turns off the recovery from panics and enables debug logging; it changes no answer.`,
      `debug는 패닉 복구를 끄고 디버그 로그를 켭니다. 답은 바꾸지 않습니다.`,
    ),
  ),
});

export const bind: Builder = (p, ctx): Built => ({
  handler: passing(
    'bind',
    sourceOf(p, ctx),
    loc(`bind: this block listens only on ${p.args.join(', ')}.`, `bind: 이 블록은 ${p.args.join(', ')}에서만 수신 대기합니다.`),
  ),
});

export const loop: Builder = (p, ctx): Built => ({
  handler: passing(
    'loop',
    sourceOf(p, ctx),
    loc(
      `loop sent its HINFO probe at start; a query that comes back through this server's own forward is the loop it would have found.`,
      `loop는 시작할 때 HINFO 탐침을 보냈습니다. 이 서버의 forward를 거쳐 되돌아오는 질의가 있다면 그것이 loop가 찾았을 루프입니다.`,
    ),
  ),
});

export const root: Builder = (p, ctx): Built => ({
  handler: passing(
    'root',
    sourceOf(p, ctx),
    loc(`root: relative file names are read under ${p.args[0] ?? ''}.`, `root: 상대 파일 이름은 ${p.args[0] ?? ''} 아래에서 읽습니다.`),
  ),
});
