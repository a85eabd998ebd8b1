/** reload (plugin/reload/setup.go): `reload [INTERVAL [JITTER]]`, the interval at least 2s, the jitter 0 or at least 1s. */
import { argErr, duration, err, lastOf, type PluginCheck } from './api';

const MIN_INTERVAL = 2e9;
const MIN_JITTER = 1e9;

export const check: PluginCheck = (d) => {
  if (d.args.length > 2) return argErr(lastOf(d));
  const [iv, jit] = d.args;
  if (iv) {
    const t = duration(iv);
    if ('problem' in t) return t.problem;
    if (t.ns < MIN_INTERVAL) return err(iv, 'interval value must be greater or equal to 2s', `간격은 2s 이상이어야 합니다: ${iv.text}`);
  }
  if (jit) {
    const t = duration(jit);
    if ('problem' in t) return t.problem;
    if (t.ns !== 0 && t.ns < MIN_JITTER)
      return err(jit, 'jitter value must be 0 or greater or equal to 1s', `지터는 0이거나 1s 이상이어야 합니다: ${jit.text}`);
  }
  return undefined;
};
