/**
 * Docs for the block properties of the plugins knetlab checks (plugins/), in English and Korean, for
 * hovers and completion inside a plugin's `{ ... }`. Taken from each plugin's README.
 */
import type { CorefileDoc } from './docs';

const d = (en: string, ko: string, usage: string): CorefileDoc => ({ en, ko, usage });

export const PROPERTY_DOCS: Readonly<Record<string, Readonly<Record<string, CorefileDoc>>>> = {
  bind: {
    except: d('Addresses or interfaces not to listen on.', '수신하지 않을 주소나 인터페이스입니다.', 'except ADDRESS|IFACE...'),
  },
  cache: {
    success: d(
      'Capacity of the positive cache, and optionally its maximum and minimum TTL.',
      '긍정 응답 캐시의 용량, 그리고 선택적으로 최대·최소 TTL입니다.',
      'success CAPACITY [TTL] [MINTTL]',
    ),
    denial: d(
      'Capacity of the negative (NXDOMAIN, NODATA) cache, and optionally its maximum and minimum TTL.',
      '부정 응답(NXDOMAIN, NODATA) 캐시의 용량, 그리고 선택적으로 최대·최소 TTL입니다.',
      'denial CAPACITY [TTL] [MINTTL]',
    ),
    prefetch: d(
      'Refreshes popular items before they expire: AMOUNT queries within DURATION, when PERCENTAGE of the TTL is left.',
      '자주 찾는 항목을 만료 전에 미리 갱신합니다: DURATION 안에 AMOUNT번 질의되고 TTL이 PERCENTAGE만큼 남았을 때.',
      'prefetch AMOUNT [[DURATION] [PERCENTAGE%]]',
    ),
    serve_stale: d(
      'Answers from expired entries for up to DURATION when the upstream fails.',
      '업스트림이 실패하면 만료된 항목으로 DURATION 동안 답합니다.',
      'serve_stale [DURATION] [REFRESH_MODE]',
    ),
    servfail: d('How long SERVFAIL answers are cached (5m at most).', 'SERVFAIL 응답을 캐시할 시간입니다 (최대 5m).', 'servfail DURATION'),
    disable: d(
      'Turns off the success or denial cache, for some zones.',
      '일부 존에 대해 긍정 또는 부정 캐시를 끕니다.',
      'disable success|denial [ZONES...]',
    ),
    keepttl: d('Answers with the original TTL instead of the remaining one.', '남은 TTL 대신 원래 TTL로 답합니다.', 'keepttl'),
  },
  errors: {
    stacktrace: d('Logs a stack trace with each panic.', '패닉마다 스택 추적을 기록합니다.', 'stacktrace'),
    consolidate: d(
      'Logs errors matching REGEXP once per DURATION, with their count.',
      'REGEXP에 맞는 오류를 DURATION마다 한 번, 개수와 함께 기록합니다.',
      'consolidate DURATION REGEXP [LEVEL] [show_first]',
    ),
  },
  file: {
    reload: d(
      'How often the zone file is checked for a new SOA serial (0 turns it off).',
      '존 파일의 SOA 일련번호가 바뀌었는지 확인하는 간격입니다 (0이면 끔).',
      'reload DURATION',
    ),
    fallthrough: d(
      'Passes names the zone does not have to the next plugin.',
      '존에 없는 이름을 다음 플러그인으로 넘깁니다.',
      'fallthrough [ZONES...]',
    ),
  },
  forward: {
    except: d('Domains not to forward.', '전달하지 않을 도메인입니다.', 'except IGNORED_NAMES...'),
    force_tcp: d('Forwards over TCP even when the query came over UDP.', '질의가 UDP로 왔어도 TCP로 전달합니다.', 'force_tcp'),
    prefer_udp: d('Forwards over UDP even when the query came over TCP.', '질의가 TCP로 왔어도 UDP로 전달합니다.', 'prefer_udp'),
    expire: d(
      'Closes cached connections to an upstream after this long (10s by default).',
      '업스트림에 캐시한 연결을 이 시간 뒤에 닫습니다 (기본 10s).',
      'expire DURATION',
    ),
    max_fails: d(
      'Failed health checks after which an upstream is down (2 by default; 0 never).',
      '업스트림을 다운으로 볼 실패한 상태 검사 횟수입니다 (기본 2, 0이면 안 봄).',
      'max_fails INTEGER',
    ),
    health_check: d(
      'How often a down upstream is checked (0.5s by default).',
      '다운된 업스트림을 검사하는 간격입니다 (기본 0.5s).',
      'health_check DURATION [no_rec] [domain FQDN]',
    ),
    policy: d(
      'How an upstream is picked: random (default), round_robin or sequential.',
      '업스트림 고르는 방법: random(기본), round_robin, sequential.',
      'policy random|round_robin|sequential',
    ),
    tls: d(
      'The TLS client certificate, key and CA for tls:// upstreams.',
      'tls:// 업스트림에 쓸 TLS 클라이언트 인증서, 키, CA입니다.',
      'tls CERT KEY CA',
    ),
    tls_servername: d(
      'The server name checked in the upstream TLS certificate.',
      '업스트림 TLS 인증서에서 확인할 서버 이름입니다.',
      'tls_servername NAME',
    ),
    max_concurrent: d(
      'Most queries forwarded at once; beyond, REFUSED.',
      '동시에 전달할 최대 질의 수입니다. 넘으면 REFUSED.',
      'max_concurrent MAX',
    ),
  },
  health: {
    lameduck: d(
      'Keeps the process up this long after a shutdown starts, reporting unhealthy.',
      '종료를 시작한 뒤 이 시간 동안 비정상으로 보고하며 프로세스를 유지합니다.',
      'lameduck DURATION',
    ),
  },
  hosts: {
    ttl: d('TTL of the answers, in seconds (3600 by default).', '응답의 TTL(초)입니다 (기본 3600).', 'ttl SECONDS'),
    no_reverse: d('Does not make PTR records from the entries.', '항목으로 PTR 레코드를 만들지 않습니다.', 'no_reverse'),
    reload: d(
      'How often the hosts file is read again (5s by default; 0 turns it off).',
      'hosts 파일을 다시 읽는 간격입니다 (기본 5s, 0이면 끔).',
      'reload DURATION',
    ),
    fallthrough: d(
      'Passes names the hosts file does not have to the next plugin; inline entries must come before it.',
      'hosts 파일에 없는 이름을 다음 플러그인으로 넘깁니다. 인라인 항목은 이보다 앞에 써야 합니다.',
      'fallthrough [ZONES...]',
    ),
  },
  kubernetes: {
    endpoint: d('The Kubernetes API server URL.', 'Kubernetes API 서버 URL입니다.', 'endpoint URL'),
    namespaces: d(
      'Only these namespaces are served (not with namespace_labels).',
      '이 네임스페이스만 서비스합니다 (namespace_labels와 함께 못 씀).',
      'namespaces NAMESPACE...',
    ),
    namespace_labels: d(
      'Only namespaces matching this label selector are served (not with namespaces).',
      '이 레이블 셀렉터에 맞는 네임스페이스만 서비스합니다 (namespaces와 함께 못 씀).',
      'namespace_labels EXPRESSION',
    ),
    labels: d(
      'Only objects matching this label selector are served.',
      '이 레이블 셀렉터에 맞는 오브젝트만 서비스합니다.',
      'labels EXPRESSION',
    ),
    pods: d(
      'Answers for pod names: disabled (default), insecure or verified.',
      '파드 이름에 답하는 방식: disabled(기본), insecure, verified.',
      'pods disabled|insecure|verified',
    ),
    endpoint_pod_names: d('Names endpoints after their pod.', '엔드포인트 이름에 파드 이름을 씁니다.', 'endpoint_pod_names'),
    ttl: d('TTL of the answers (5 by default, 0 to 3600).', '응답의 TTL입니다 (기본 5, 0~3600).', 'ttl TTL'),
    noendpoints: d(
      'Does not watch endpoints (headless services and pod names then fail).',
      '엔드포인트를 감시하지 않습니다 (헤드리스 서비스와 파드 이름이 안 됨).',
      'noendpoints',
    ),
    fallthrough: d('Passes NXDOMAIN names to the next plugin.', 'NXDOMAIN인 이름을 다음 플러그인으로 넘깁니다.', 'fallthrough [ZONES...]'),
    kubeconfig: d('Authenticates with a kubeconfig file.', 'kubeconfig 파일로 인증합니다.', 'kubeconfig KUBECONFIG [CONTEXT]'),
    tls: d(
      'The client certificate, key and CA for the API server.',
      'API 서버에 쓸 클라이언트 인증서, 키, CA입니다.',
      'tls CERT KEY CACERT',
    ),
    ignore: d(
      'ignore empty_service: NXDOMAIN for services without ready endpoints.',
      'ignore empty_service: 준비된 엔드포인트가 없는 서비스에 NXDOMAIN으로 답합니다.',
      'ignore empty_service',
    ),
  },
  loadbalance: {
    prefer: d('Puts addresses in these networks first.', '이 네트워크의 주소를 앞에 둡니다.', 'prefer CIDR...'),
    reload: d(
      'How often the weight file is read again (weighted policy).',
      '가중치 파일을 다시 읽는 간격입니다 (weighted 정책).',
      'reload DURATION',
    ),
  },
  log: {
    class: d(
      'Logs only answers of these classes: all, success, denial, error.',
      '이 종류의 응답만 기록합니다: all, success, denial, error.',
      'class CLASSES...',
    ),
  },
  prometheus: {
    runtime_metrics: d("Adds Go's runtime metrics.", 'Go 런타임 메트릭을 더합니다.', 'runtime_metrics'),
  },
  ready: {
    monitor: d(
      'until-ready (default) stops checking once ready; continuously keeps checking.',
      'until-ready(기본)는 준비되면 검사를 멈추고, continuously는 계속 검사합니다.',
      'monitor until-ready|continuously',
    ),
  },
  template: {
    match: d(
      'Regular expressions the query name must match (any by default).',
      '질의 이름이 맞아야 할 정규식입니다 (기본은 모두).',
      'match REGEX...',
    ),
    answer: d('Resource records of the answer section, as Go templates.', '응답 섹션의 리소스 레코드를 Go 템플릿으로 씁니다.', 'answer RR'),
    additional: d('Resource records of the additional section.', '추가 섹션의 리소스 레코드입니다.', 'additional RR'),
    authority: d('Resource records of the authority section.', '권한 섹션의 리소스 레코드입니다.', 'authority RR'),
    rcode: d('The response code (NOERROR by default).', '응답 코드입니다 (기본 NOERROR).', 'rcode CODE'),
    fallthrough: d(
      'Passes queries that match no regex to the next plugin.',
      '어느 정규식에도 맞지 않는 질의를 다음 플러그인으로 넘깁니다.',
      'fallthrough [ZONES...]',
    ),
  },
};

/** The doc of a plugin's block property, if knetlab has one. */
export function propertyDoc(plugin: string, prop: string): CorefileDoc | undefined {
  const p = Object.hasOwn(PROPERTY_DOCS, plugin) ? PROPERTY_DOCS[plugin]! : undefined;
  return p && Object.hasOwn(p, prop) ? p[prop] : undefined;
}
