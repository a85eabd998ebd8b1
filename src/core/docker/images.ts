/**
 * The images the simulator knows: what each runs and on which ports it listens. An image outside
 * the catalogue is not simulated (Docker would pull it; the simulator cannot know what it does).
 */
export interface Image {
  readonly name: string;
  /** The image's Entrypoint and Cmd joined, as `docker ps` shows COMMAND. */
  readonly command: readonly string[];
  /** What it listens on (its EXPOSE lines), in the container's namespace. */
  readonly ports: readonly { readonly proto: 'tcp' | 'udp'; readonly port: number }[];
  /** Its main process ends at once without a terminal (a shell): `docker run -d busybox` exits 0. */
  readonly shell?: boolean;
  /** What its program logs when its port is taken (host network), before it exits with status 1. */
  readonly bindError?: (port: number) => string;
}

const tcp = (port: number) => ({ proto: 'tcp' as const, port });

export const IMAGES: readonly Image[] = [
  {
    name: 'nginx',
    command: ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'],
    ports: [tcp(80)],
    bindError: (p) =>
      `nginx: [emerg] bind() to 0.0.0.0:${p} failed (98: Address already in use)\n`.repeat(5) + 'nginx: [emerg] still could not bind()\n',
  },
  {
    name: 'httpd',
    command: ['httpd-foreground'],
    ports: [tcp(80)],
    bindError: (p) =>
      `(98)Address already in use: AH00072: make_sock: could not bind to address 0.0.0.0:${p}\nno listening sockets available, shutting down\nAH00015: Unable to open logs\n`,
  },
  {
    name: 'redis',
    command: ['docker-entrypoint.sh', 'redis-server'],
    ports: [tcp(6379)],
    bindError: (p) =>
      `# Warning: Could not create server TCP listening socket *:${p}: bind: Address already in use\n# Failed listening on port ${p} (tcp), aborting.\n`,
  },
  { name: 'mysql', command: ['docker-entrypoint.sh', 'mysqld'], ports: [tcp(3306), tcp(33060)] },
  { name: 'postgres', command: ['docker-entrypoint.sh', 'postgres'], ports: [tcp(5432)] },
  { name: 'busybox', command: ['sh'], ports: [], shell: true },
  { name: 'alpine', command: ['/bin/sh'], ports: [], shell: true },
  { name: 'ubuntu', command: ['/bin/bash'], ports: [], shell: true },
];

/** `nginx`, `nginx:latest`, `nginx:1.25`, `docker.io/library/nginx`: the catalogue's image, if any. */
export function findImage(ref: string): Image | undefined {
  const noTag = ref.replace(/@.*$/, '').replace(/:[^/:]*$/, '');
  const name = noTag.replace(/^(docker\.io\/)?(library\/)?/, '');
  return IMAGES.find((i) => i.name === name);
}
