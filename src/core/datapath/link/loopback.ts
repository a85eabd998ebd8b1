/** lo: what it sends, it receives. */
import type { LinkDriver } from './driver';

export const loopbackDriver: LinkDriver = {
  xmit(l2, link, path) {
    l2.arrive(link, path);
  },
};
