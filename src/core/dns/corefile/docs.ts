/**
 * Hover and completion data for Corefiles: a short doc per directive (every plugin of plugin.cfg and
 * `import`) and per block property of the plugins knetlab checks (props.ts), in English and Korean.
 * Plain data, no editor import: the extension and the CLI read it.
 */
export interface CorefileDoc {
  readonly en: string;
  readonly ko: string;
  /** A usage line, in Corefile syntax. */
  readonly usage: string;
}

const d = (en: string, ko: string, usage: string): CorefileDoc => ({ en, ko, usage });

/** CoreDNS plugins and directives, by name. */
export const COREFILE_DOCS: Readonly<Record<string, CorefileDoc>> = {
  acl: d(
    'Allows or blocks queries by source IP and query type.',
    '출발지 IP와 질의 유형에 따라 질의를 허용하거나 차단합니다.',
    'acl [ZONES...] { allow|block|filter|drop [type QTYPE...] [net SOURCE...] }',
  ),
  any: d(
    'Answers ANY queries with a short HINFO response (RFC 8482) instead of every record.',
    'ANY 질의에 모든 레코드 대신 짧은 HINFO 응답으로 답합니다 (RFC 8482).',
    'any',
  ),
  auto: d(
    'Serves zones from a directory of zone files, loading and reloading them automatically.',
    '디렉터리의 존 파일들을 자동으로 읽고 다시 읽어 존을 서비스합니다.',
    'auto [ZONES...] { directory DIR [REGEXP ORIGIN_TEMPLATE] }',
  ),
  autopath: d(
    "Follows the client's search path on the server side, saving round trips for cluster names.",
    '클라이언트의 검색 경로를 서버 쪽에서 따라가 클러스터 이름 질의의 왕복을 줄입니다.',
    'autopath [ZONE...] RESOLV-CONF|@kubernetes',
  ),
  azure: d(
    'Serves zones from Microsoft Azure DNS.',
    'Microsoft Azure DNS의 존을 서비스합니다.',
    'azure RESOURCE_GROUP:ZONE... { tenant ID client ID secret SECRET subscription ID }',
  ),
  bind: d(
    'Binds the server to the given addresses or interfaces instead of all of them.',
    '서버를 모든 주소 대신 지정한 주소나 인터페이스에만 바인드합니다.',
    'bind ADDRESS|IFACE ...',
  ),
  bufsize: d(
    'Limits the EDNS0 buffer size advertised in queries, to avoid IP fragmentation.',
    'IP 단편화를 피하려고 질의에 알리는 EDNS0 버퍼 크기를 제한합니다.',
    'bufsize [SIZE]',
  ),
  cache: d(
    'Caches answers for up to TTL seconds (positive and negative), so repeated queries are answered locally.',
    '응답을 최대 TTL 초 동안 (긍정·부정 모두) 캐시해 반복 질의에 로컬에서 답합니다.',
    'cache [TTL] [ZONES...]',
  ),
  cancel: d(
    "Cancels a query's processing after a timeout (5001 ms by default).",
    '시간 초과(기본 5001 ms) 후 질의 처리를 취소합니다.',
    'cancel [TIMEOUT]',
  ),
  chaos: d(
    'Answers CH class queries such as version.bind and authors.bind.',
    'version.bind, authors.bind 같은 CH 클래스 질의에 답합니다.',
    'chaos [VERSION] [AUTHORS...]',
  ),
  clouddns: d(
    'Serves zones from Google Cloud DNS.',
    'Google Cloud DNS의 존을 서비스합니다.',
    'clouddns [ZONE:PROJECT_ID:HOSTED_ZONE_NAME...]',
  ),
  debug: d(
    'Disables crash recovery, so a panic stops the server with a stack trace; and logs unparsable packets.',
    '장애 복구를 끄고 패닉 시 스택 추적과 함께 서버를 멈추며, 해석할 수 없는 패킷을 기록합니다.',
    'debug',
  ),
  dns64: d(
    'Synthesizes AAAA records from A records for IPv6-only clients (DNS64, RFC 6147).',
    'IPv6 전용 클라이언트를 위해 A 레코드로 AAAA 레코드를 합성합니다 (DNS64, RFC 6147).',
    'dns64 [PREFIX]',
  ),
  dnssec: d(
    'Signs answers on the fly with the given DNSSEC keys.',
    '주어진 DNSSEC 키로 응답에 즉석에서 서명합니다.',
    'dnssec [ZONES...] { key file KEY... }',
  ),
  dnstap: d(
    'Logs queries and responses in dnstap format to a socket or TCP endpoint.',
    '질의와 응답을 dnstap 형식으로 소켓이나 TCP 엔드포인트에 기록합니다.',
    'dnstap SOCKET [full]',
  ),
  erratic: d(
    'A testing plugin: drops or delays some queries and truncates answers.',
    '시험용 플러그인: 일부 질의를 버리거나 지연시키고 응답을 잘라냅니다.',
    'erratic { drop [AMOUNT] delay [AMOUNT [DURATION]] truncate [AMOUNT] }',
  ),
  errors: d(
    'Logs the errors met while serving queries to standard output.',
    '질의를 처리하다 생긴 오류를 표준 출력에 기록합니다.',
    'errors',
  ),
  etcd: d(
    'Serves zones from records stored in etcd (SkyDNS style).',
    'etcd에 저장된 레코드(SkyDNS 방식)로 존을 서비스합니다.',
    'etcd [ZONES...] { path PATH endpoint ENDPOINT... }',
  ),
  file: d(
    'Serves a zone from an RFC 1035 zone file, as an authoritative server.',
    'RFC 1035 존 파일로 존을 권한 서버로서 서비스합니다.',
    'file DBFILE [ZONES...]',
  ),
  forward: d(
    'Forwards queries to upstream resolvers (UDP, TCP or DNS over TLS), with health checks.',
    '상태 검사를 하며 질의를 상위 리졸버(UDP, TCP, DNS over TLS)로 전달합니다.',
    'forward FROM TO...',
  ),
  geoip: d(
    "Looks up the client's location in a MaxMind database, as metadata for other plugins.",
    '클라이언트의 위치를 MaxMind 데이터베이스에서 찾아 다른 플러그인이 쓸 메타데이터로 남깁니다.',
    'geoip DBFILE',
  ),
  grpc: d('Forwards queries to upstream servers over gRPC.', '질의를 gRPC로 상위 서버에 전달합니다.', 'grpc FROM TO...'),
  grpc_server: d(
    'Configures the server-side gRPC transport (grpc:// server blocks).',
    '서버 쪽 gRPC 전송(grpc:// 서버 블록)을 설정합니다.',
    'grpc_server { max_streams N max_connections N }',
  ),
  header: d(
    'Sets or clears header flags (such as aa or ra) on responses.',
    '응답 헤더 플래그(aa, ra 등)를 설정하거나 지웁니다.',
    'header { response set|clear FLAGS... }',
  ),
  health: d(
    'Serves an HTTP health endpoint (:8080/health by default) that answers 200 OK while the process is up.',
    '프로세스가 살아 있으면 200 OK를 주는 HTTP 상태 엔드포인트(기본 :8080/health)를 엽니다.',
    'health [ADDRESS] { lameduck DURATION }',
  ),
  hosts: d(
    'Answers from an /etc/hosts style file or inline host entries.',
    '/etc/hosts 형식의 파일이나 블록 안에 적은 항목으로 답합니다.',
    'hosts [FILE [ZONES...]] { IP HOST... fallthrough }',
  ),
  import: d(
    "A directive: inserts a snippet, (name) { ... }, or another file's contents here.",
    '지시어: 스니펫 (name) { ... } 이나 다른 파일의 내용을 이 자리에 넣습니다.',
    'import SNIPPET|FILE',
  ),
  k8s_external: d(
    "Answers for Kubernetes Services' external IPs (LoadBalancer and externalIPs) in an external zone.",
    'Kubernetes 서비스의 외부 IP(LoadBalancer, externalIPs)를 외부 존에서 답합니다.',
    'k8s_external [ZONE...]',
  ),
  kubernetes: d(
    'Answers for Kubernetes Services and Pods from the API server (svc.cluster.local names).',
    'API 서버의 정보로 Kubernetes 서비스와 파드(svc.cluster.local 이름)에 대해 답합니다.',
    'kubernetes [ZONES...] { pods insecure fallthrough in-addr.arpa ip6.arpa ttl 30 }',
  ),
  loadbalance: d(
    'Shuffles the order of A, AAAA and MX records in answers (round robin).',
    '응답의 A, AAAA, MX 레코드 순서를 섞습니다 (라운드 로빈).',
    'loadbalance [round_robin|weighted FILE]',
  ),
  local: d(
    'Answers for local names such as localhost and 127.in-addr.arpa without forwarding them.',
    'localhost, 127.in-addr.arpa 같은 로컬 이름에 전달하지 않고 직접 답합니다.',
    'local',
  ),
  log: d(
    'Logs every query (client, name, type, response code, duration) to standard output.',
    '모든 질의(클라이언트, 이름, 유형, 응답 코드, 소요 시간)를 표준 출력에 기록합니다.',
    'log [NAMES...] [FORMAT]',
  ),
  loop: d(
    'Detects forwarding loops (for example to itself via /etc/resolv.conf) and stops the server.',
    '(예: /etc/resolv.conf 를 통해 자기 자신으로 가는) 전달 루프를 찾아내면 서버를 멈춥니다.',
    'loop',
  ),
  metadata: d(
    "Enables metadata collection, so plugins such as log can use other plugins' labels.",
    '메타데이터 수집을 켜서 log 같은 플러그인이 다른 플러그인의 레이블을 쓸 수 있게 합니다.',
    'metadata [ZONES...]',
  ),
  minimal: d(
    'Minimizes responses: drops the authority and additional sections when not needed.',
    '응답을 최소화합니다: 필요 없으면 authority와 additional 섹션을 뺍니다.',
    'minimal',
  ),
  nsid: d(
    "Adds the server's identifier to responses (EDNS0 NSID, RFC 5001).",
    '응답에 서버 식별자를 넣습니다 (EDNS0 NSID, RFC 5001).',
    'nsid [DATA]',
  ),
  on: d(
    'Runs a command on server events such as startup and shutdown.',
    '시작, 종료 같은 서버 이벤트에 명령을 실행합니다.',
    'on startup|shutdown COMMAND',
  ),
  pprof: d(
    'Serves Go runtime profiling data over HTTP (localhost:6053 by default).',
    'Go 런타임 프로파일링 데이터를 HTTP로 제공합니다 (기본 localhost:6053).',
    'pprof [ADDRESS]',
  ),
  prometheus: d(
    'Exports Prometheus metrics over HTTP (localhost:9153/metrics by default).',
    'Prometheus 메트릭을 HTTP로 내보냅니다 (기본 localhost:9153/metrics).',
    'prometheus [ADDRESS]',
  ),
  quic: d(
    'Configures DNS over QUIC (quic:// server blocks).',
    'DNS over QUIC(quic:// 서버 블록)을 설정합니다.',
    'quic { max_streams N worker_pool_size N }',
  ),
  ready: d(
    'Serves an HTTP readiness endpoint (:8181/ready) that answers 200 OK once every plugin is ready.',
    '모든 플러그인이 준비되면 200 OK를 주는 HTTP 준비 상태 엔드포인트(:8181/ready)를 엽니다.',
    'ready [ADDRESS]',
  ),
  reload: d(
    'Watches the Corefile and reloads the configuration when it changes.',
    'Corefile을 지켜보다가 바뀌면 설정을 다시 읽습니다.',
    'reload [INTERVAL] [JITTER]',
  ),
  rewrite: d(
    'Rewrites queries (name, type, class, EDNS0) before they are answered, and the answers back.',
    '질의(이름, 유형, 클래스, EDNS0)를 답하기 전에 바꾸고, 응답을 되돌려 바꿉니다.',
    'rewrite [continue|stop] FIELD [TYPE] FROM TO',
  ),
  root: d(
    'Sets the directory that relative file paths (zone files, keys) are read from.',
    '상대 파일 경로(존 파일, 키)를 읽을 기준 디렉터리를 정합니다.',
    'root PATH',
  ),
  route53: d('Serves zones from AWS Route 53.', 'AWS Route 53의 존을 서비스합니다.', 'route53 [ZONE:HOSTED_ZONE_ID...]'),
  secondary: d(
    'Serves a zone transferred (AXFR) from a primary server, as a secondary.',
    '주 서버에서 존 전송(AXFR)으로 받은 존을 보조 서버로서 서비스합니다.',
    'secondary [ZONES...] { transfer from ADDRESS }',
  ),
  sign: d(
    'Signs a zone file with DNSSEC keys and writes the signed zone out.',
    '존 파일을 DNSSEC 키로 서명해 서명된 존을 파일로 씁니다.',
    'sign DBFILE [ZONES...] { key file KEY... directory DIR }',
  ),
  template: d(
    'Answers queries from templates: a name pattern (regex) and the records to answer with.',
    '템플릿으로 답합니다: 이름 패턴(정규식)과 응답할 레코드.',
    'template CLASS TYPE [ZONE...] { match REGEX... answer RR }',
  ),
  timeouts: d(
    "Sets the server's read, write and idle timeouts for TCP, TLS and HTTPS.",
    'TCP, TLS, HTTPS 연결의 읽기·쓰기·유휴 시간 제한을 정합니다.',
    'timeouts { read DURATION write DURATION idle DURATION }',
  ),
  tls: d(
    'Sets the certificate and key for DNS over TLS, gRPC or HTTPS server blocks.',
    'DNS over TLS, gRPC, HTTPS 서버 블록의 인증서와 키를 정합니다.',
    'tls CERT KEY [CA]',
  ),
  trace: d(
    'Sends query traces to a Zipkin or Datadog tracing backend.',
    '질의 추적 정보를 Zipkin이나 Datadog 추적 백엔드로 보냅니다.',
    'trace [ENDPOINT-TYPE] [ENDPOINT]',
  ),
  transfer: d(
    'Allows outgoing zone transfers (AXFR/IXFR) to the given addresses.',
    '지정한 주소로 나가는 존 전송(AXFR/IXFR)을 허용합니다.',
    'transfer [ZONES...] { to ADDRESS... }',
  ),
  tsig: d(
    'Validates TSIG-signed requests and signs responses with a shared secret.',
    '공유 비밀키로 TSIG 서명된 요청을 검증하고 응답에 서명합니다.',
    'tsig [ZONE...] { secret NAME KEY require [QTYPES...] }',
  ),
  view: d(
    'Limits a server block to queries matching an expression (split DNS by client address, for example).',
    '식에 맞는 질의만 서버 블록이 처리하게 합니다 (예: 클라이언트 주소별 split DNS).',
    'view NAME { expr EXPRESSION }',
  ),
  whoami: d(
    "Answers with the client's own IP address and port (useful for testing).",
    '클라이언트 자신의 IP 주소와 포트로 답합니다 (시험용으로 유용).',
    'whoami',
  ),
  https: d(
    'Tunes the DNS-over-HTTPS (DoH) server of an https:// server block.',
    'https:// 서버 블록의 DNS-over-HTTPS(DoH) 서버를 세부 설정합니다.',
    'https { ... }',
  ),
  https3: d(
    'Tunes the DNS-over-HTTPS/3 (DoH3, over QUIC) server of an https3:// server block.',
    'https3:// 서버 블록의 DNS-over-HTTPS/3(QUIC 위의 DoH3) 서버를 세부 설정합니다.',
    'https3 { ... }',
  ),
  multisocket: d(
    'Opens several listening sockets on the same port (SO_REUSEPORT), so the kernel spreads queries over them.',
    '같은 포트에 여러 수신 소켓을 열어(SO_REUSEPORT) 커널이 질의를 나눠 주게 합니다.',
    'multisocket [NUM_SOCKETS]',
  ),
  nomad: d(
    'Serves A, AAAA and SRV records for services registered with Nomad.',
    'Nomad에 등록된 서비스의 A, AAAA, SRV 레코드를 서비스합니다.',
    'nomad [ZONE] { address URL... token TOKEN ttl SECONDS }',
  ),
  proxyproto: d(
    "Accepts the PROXY protocol (v1 and v2) from a load balancer, so CoreDNS sees the original client's address.",
    '로드 밸런서가 보낸 PROXY 프로토콜(v1, v2)을 받아 원래 클라이언트의 주소를 보게 합니다.',
    'proxyproto { allow CIDR... default use|ignore|reject|skip }',
  ),
  shed: d(
    'Sheds UDP load on one listener socket before Go reaches its limit of concurrent operations on it.',
    '수신 소켓 하나에 동시 작업이 Go의 한도에 이르기 전에 UDP 부하를 덜어 냅니다.',
    'shed',
  ),
};
