/**
 * What a host keeps besides its namespaces: its UTS name (sethostname), its files, and its
 * sockets bound and listening. Part of the kernel API (kernel.ts), the only writer of the model.
 */
import type { Host, Socket } from './model';

export function setHostname(host: Host, name: string): void {
  host.hostname = name;
}

/** Writes (or, with `append`, adds to) a file of the host. */
export function writeFile(host: Host, path: string, text: string, append = false): void {
  host.files.set(path, append ? (host.files.get(path) ?? '') + text : text);
}

/** bind() and listen(): the socket is in the host's table, found by the walk's local delivery. */
export function bindSocket(host: Host, socket: Socket): void {
  host.sockets.push(socket);
}

/** close(): the sockets go from the host's table (a program that stopped, a namespace gone). */
export function closeSockets(host: Host, sockets: readonly Socket[]): void {
  host.sockets = host.sockets.filter((s) => !sockets.includes(s));
}
