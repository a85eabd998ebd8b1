import { ok, table, type Row } from '../../../../support/corefile';

/** plugin/kubernetes/setup.go ParseStanza */
const ROWS: Row[] = [
  ['kubernetes cluster.local in-addr.arpa ip6.arpa {\n  pods insecure\n  fallthrough in-addr.arpa ip6.arpa\n  ttl 30\n}', ok],
  [
    'kubernetes cluster.local {\n  endpoint https://10.0.0.1:6443\n  namespaces default kube-system\n  labels app=web\n  endpoint_pod_names\n  ignore empty_service\n}',
    ok,
  ],
  [
    'kubernetes cluster.local {\n  namespaces a\n  namespace_labels x=y\n}',
    [4, 5, 'plugin/kubernetes: Error during parsing: namespaces and namespace_labels cannot both be set'],
  ],
  [
    'kubernetes cluster.local {\n  pods bogus\n}',
    [3, 10, 'plugin/kubernetes: wrong value for pods: bogus,  must be one of: disabled, verified, insecure'],
  ],
  ['kubernetes cluster.local {\n  ttl 4000\n}', [3, 9, 'plugin/kubernetes: Error during parsing: ttl must be in range [0, 3600]: 4000']],
  ['kubernetes cluster.local {\n  ttl x\n}', [3, 9, 'plugin/kubernetes: strconv.Atoi: parsing "x": invalid syntax']],
  ['kubernetes in-addr.arpa', [2, 3, 'plugin/kubernetes: non-reverse zone name must be used']],
  [
    'kubernetes cluster.local {\n  namespaces\n}',
    [3, 5, "plugin/kubernetes: Error during parsing: Wrong argument count or unexpected line ending after 'namespaces'"],
  ],
  [
    'kubernetes cluster.local {\n  tls a b\n}',
    [3, 11, "plugin/kubernetes: Error during parsing: Wrong argument count or unexpected line ending after 'b'"],
  ],
  [
    'kubernetes cluster.local {\n  zonal\n  noendpoints\n}',
    [3, 5, 'plugin/kubernetes: Error during parsing: zonal requires the endpoint cache; remove noendpoints'],
  ],
  ['kubernetes cluster.local {\n  bogus\n}', [3, 5, "plugin/kubernetes: Error during parsing: unknown property 'bogus'"]],
];

describe('Corefile plugin kubernetes', () => table(ROWS));
