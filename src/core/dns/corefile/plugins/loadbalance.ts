/** loadbalance (plugin/loadbalance/setup.go parse): `loadbalance [round_robin | weighted FILE { reload DURATION }] { prefer CIDR... }`. */
import { duration, err, parseErr, unknownProperty, type PluginCheck, type Problem } from './api';
import { parseCidr } from '../keys';
import type { Prop } from '../tree';

function prefer(p: Prop): Problem | undefined {
  if (p.name.text !== 'prefer') return unknownProperty(p);
  for (const c of p.args)
    if (!parseCidr(c.text))
      return parseErr(c, `invalid CIDR "${c.text}": invalid CIDR address: ${c.text}`, `CIDR이 잘못되었습니다: "${c.text}"`);
  return undefined;
}

export const check: PluginCheck = (d) => {
  const policy = d.args[0];
  if (policy?.text === 'round_robin') {
    if (d.args.length > 1) return parseErr(d.args[1]!, 'unknown property for round_robin', 'round_robin에는 인수를 더 쓸 수 없습니다');
  } else if (policy?.text === 'weighted') {
    if (d.args.length < 2) return parseErr(policy, 'missing weight file argument', '가중치 파일 인수가 없습니다');
    if (d.args.length > 2) return parseErr(d.args[2]!, 'unexpected argument(s)', '예상하지 못한 인수가 있습니다');
    for (const p of d.block ?? []) {
      if (p.name.text !== 'reload') return unknownProperty(p);
      if (p.args.length < 1) return parseErr(p.name, 'reload duration value is missing', 'reload 기간 값이 없습니다');
      if (p.args.length > 1) return parseErr(p.args[1]!, 'unexpected argument', '예상하지 못한 인수가 있습니다');
      if ('problem' in duration(p.args[0]!))
        return parseErr(p.args[0]!, `invalid reload duration '${p.args[0]!.text}'`, `reload 기간이 잘못되었습니다: '${p.args[0]!.text}'`);
    }
    return undefined; // CoreDNS reads the block as the weighted policy's
  } else if (policy) return err(policy, `unknown policy: ${policy.text}`, `알 수 없는 정책: ${policy.text} (round_robin, weighted)`);
  for (const p of d.block ?? []) {
    const problem = prefer(p);
    if (problem) return problem;
  }
  return undefined;
};
