/**
 * kubernetes (plugin/kubernetes/setup.go ParseStanza): `kubernetes [ZONES...] { endpoint, tls,
 * kubeconfig, namespaces, namespace_labels, labels, pods, endpoint_pod_names, ttl, noendpoints,
 * fallthrough, ignore, ... }`. Label selectors are not parsed here.
 */
import { argErr, duration, integer, lastOf, parseErr, err, type PluginCheck, type Problem } from './api';
import type { Prop } from '../tree';
import type { Token } from '../lex';
import { eunneun } from '../../../text/particle';

const isReverse = (z: string) => /(^|\.)(in-addr|ip6)\.arpa\.$/.test(z);

function nonNegativeNumber(p: Prop, what: string, float: boolean): Problem | undefined {
  const a = p.args[0];
  if (p.args.length !== 1 || !a) return argErr(lastOf(p));
  const ok = float ? /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(a.text) : /^[+-]?\d+$/.test(a.text);
  if (!ok) return parseErr(a, `invalid ${what} "${a.text}"`, `${what} 값이 잘못되었습니다: "${a.text}"`);
  if (Number(a.text) < 0) return parseErr(a, `${what} must be >= 0`, `${eunneun(what)} 0 이상이어야 합니다`);
  return undefined;
}

export const check: PluginCheck = (d, ctx) => {
  const zones = d.args.length ? d.args.map((a) => a.text.toLowerCase().replace(/\.?$/, '.')) : ctx.zones;
  if (zones.length && zones.every(isReverse))
    return err(d.name, 'non-reverse zone name must be used', '역방향이 아닌 존 이름이 하나는 있어야 합니다');
  let namespaces: Token | undefined;
  let namespaceLabels: Token | undefined;
  let noendpoints = false;
  let zonal: Token | undefined;
  for (const p of d.block ?? []) {
    let problem: Problem | undefined;
    switch (p.name.text) {
      case 'endpoint_pod_names':
      case 'noendpoints':
      case 'zonal':
      case 'multicluster':
        if (p.args.length && p.name.text !== 'multicluster') problem = argErr(lastOf(p));
        if (p.name.text === 'noendpoints') noendpoints = true;
        if (p.name.text === 'zonal') zonal = p.name;
        break;
      case 'pods':
        if (p.args.length !== 1) problem = argErr(lastOf(p));
        else if (!['disabled', 'verified', 'insecure'].includes(p.args[0]!.text))
          problem = err(
            p.args[0]!,
            `wrong value for pods: ${p.args[0]!.text},  must be one of: disabled, verified, insecure`,
            `pods 값이 잘못되었습니다: ${p.args[0]!.text}. disabled, verified, insecure 중 하나여야 합니다`,
          );
        break;
      case 'namespaces':
        if (!p.args.length) problem = argErr(p.name);
        namespaces = p.name;
        break;
      case 'namespace_labels':
        if (!p.args.length) problem = argErr(p.name);
        namespaceLabels = p.name;
        break;
      case 'endpoint':
      case 'labels':
        if (!p.args.length) problem = argErr(p.name);
        break;
      case 'tls':
        if (p.args.length !== 3) problem = argErr(lastOf(p));
        break;
      case 'fallthrough':
        break;
      case 'ttl': {
        if (!p.args.length) return argErr(p.name);
        const t = integer(p.args[0]!);
        if ('problem' in t) return t.problem;
        if (t.n < 0 || t.n > 3600)
          problem = parseErr(p.args[0]!, `ttl must be in range [0, 3600]: ${t.n}`, `ttl은 [0, 3600] 범위여야 합니다: ${t.n}`);
        break;
      }
      case 'ignore':
        if (p.args[0] && p.args[0].text !== 'empty_service')
          problem = err(
            p.args[0],
            `unable to parse ignore value: '${p.args[0].text}'`,
            `ignore 값을 읽을 수 없습니다: '${p.args[0].text}'`,
          );
        break;
      case 'kubeconfig':
        if (p.args.length < 1 || p.args.length > 2) problem = argErr(lastOf(p));
        break;
      case 'startup_timeout': {
        if (p.args.length !== 1) return argErr(lastOf(p));
        const t = duration(p.args[0]!);
        if ('problem' in t)
          problem = err(
            p.args[0]!,
            `failed to parse startup_timeout: ${p.args[0]!.text}, ${t.problem.en}`,
            `startup_timeout 값을 읽을 수 없습니다: ${p.args[0]!.text}`,
          );
        break;
      }
      case 'apiserver_qps':
        problem = nonNegativeNumber(p, 'apiserver_qps', true);
        break;
      case 'apiserver_burst':
        problem = nonNegativeNumber(p, 'apiserver_burst', false);
        break;
      case 'apiserver_max_inflight':
        problem = nonNegativeNumber(p, 'apiserver_max_inflight', false);
        break;
      default:
        problem = parseErr(p.name, `unknown property '${p.name.text}'`, `알 수 없는 속성 '${p.name.text}'`);
    }
    if (problem) return problem;
  }
  if (namespaces && namespaceLabels) {
    const later = namespaces.line > namespaceLabels.line ? namespaces : namespaceLabels;
    return parseErr(later, 'namespaces and namespace_labels cannot both be set', 'namespaces와 namespace_labels는 함께 쓸 수 없습니다');
  }
  if (zonal && noendpoints)
    return parseErr(
      zonal,
      'zonal requires the endpoint cache; remove noendpoints',
      'zonal에는 엔드포인트 캐시가 필요합니다. noendpoints를 지우세요',
    );
  return undefined;
};
