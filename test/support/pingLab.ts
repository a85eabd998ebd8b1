/** The namespaces the ping tests were recorded in: a (10.77.1.10) -- r (10.77.1.1 | 10.77.2.1, forwarding) -- b (10.77.2.10). */
import { W } from './world';

export function pingLab(): W {
  const w = new W();
  const a = w.host('a', { eth0: 'lan1' });
  const r = w.host('r', { eth0: 'lan1', eth1: 'lan2' });
  const b = w.host('b', { eth0: 'lan2' });
  w.addr(a, 'eth0', '10.77.1.10/24').addr(r, 'eth0', '10.77.1.1/24').addr(r, 'eth1', '10.77.2.1/24').addr(b, 'eth0', '10.77.2.10/24');
  w.route(a, '10.77.0.0/16', '10.77.1.1').route(b, 'default', '10.77.2.1').forward(r);
  return w;
}
