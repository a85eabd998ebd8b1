/**
 * The program behind a lab's `serve:` socket: it listens and takes what comes without a word, so
 * the kernel's own answers show (a TCP SYN-ACK; a UDP datagram taken). The first of the apps; DNS
 * servers, HTTP servers and proxies are rooms beside it.
 */
import type { App } from '../datapath/seams';

export const LISTENER: App = {
  name: 'listener',
  receive: () => ({ kind: 'accept' }),
};
