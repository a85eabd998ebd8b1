/** A veth pair: what one end sends arrives at the other, in whichever namespace it is, if it is up. */
import { loc } from '../../text/i18n';
import { nsLabel } from '../../sim/model';
import type { LinkDriver } from './driver';
import { eulreul } from '../../text/particle';

export const vethDriver: LinkDriver = {
  xmit(l2, link, path) {
    const peer = link.peer;
    if (!peer || !peer.up) {
      l2.block(peer ?? link);
      const who = peer ? `${nsLabel(peer.netns)} ${peer.name}` : undefined;
      l2.dropHere(
        path,
        loc(
          `The veth peer of ${link.name} (${who ?? 'none'}) is down: ${link.name} has no carrier and the frame is lost.`,
          `${link.name}의 veth 상대편(${who ?? '없음'})이 down 상태라 캐리어가 없고 프레임이 사라집니다.`,
        ),
      );
      return;
    }
    const s = l2.mk(
      peer.netns,
      'wire',
      peer,
      loc(
        `Across the veth pair ${link.name} -> ${nsLabel(peer.netns)} ${peer.name}.`,
        `veth 쌍 ${link.name} -> ${nsLabel(peer.netns)} ${eulreul(peer.name)} 건넙니다.`,
      ),
      { from: `${nsLabel(link.netns)} ${link.name}`, to: `${nsLabel(peer.netns)} ${peer.name}` },
    );
    l2.arrive(peer, l2.with(path, s));
  },
};
