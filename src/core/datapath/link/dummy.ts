/** A dummy device: it takes addresses and routes, and discards whatever it sends. */
import { loc } from '../../text/i18n';
import type { LinkDriver } from './driver';
import { eunneun } from '../../text/particle';

export const dummyDriver: LinkDriver = {
  xmit(l2, link, path) {
    l2.dropHere(
      path,
      loc(`${link.name} is a dummy device: it discards what it sends.`, `${eunneun(link.name)} dummy 장치라 보내는 것을 버립니다.`),
    );
  },
};
