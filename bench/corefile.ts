/**
 * Issue 13's figure: checking a Corefile of 1,000 server blocks (each with its zones, a reverse zone
 * from a CIDR, and the usual plugins), every plugin's arguments checked as CoreDNS does. Target: under
 * 20 ms for blocks of the course's shape; the heavy shape (27 lines a block) is measured beside it.
 */
type Core = typeof import('../src/core/index');

export const TARGET_COREFILE_MS = 20;

/**
 * 1,000 server blocks, zone i with its reverse zone, in the shape of the course's Corefiles: a snippet
 * imported, hosts entries with fallthrough, forward, cache. `heavy` adds the long forms (health,
 * forward and cache blocks, rewrite, reload, loadbalance): 27 lines a block instead of 10.
 */
export function generateCorefile(blocks = 1000, heavy = false): string {
  const out: string[] = ['(common) {', '  errors', '  log . "{remote} {type} {name}"', '}', ''];
  for (let i = 0; i < blocks; i++) {
    const a = i % 250;
    const b = Math.floor(i / 250);
    if (!heavy) {
      out.push(
        `zone${i}.example.org 10.${b}.${a}.0/24 {`,
        '  import common',
        '  hosts {',
        `    10.${b}.${a}.10 www.zone${i}.example.org`,
        '    fallthrough',
        '  }',
        `  forward . 10.${b}.${a}.1`,
        '  cache 30',
        '}',
        '',
      );
      continue;
    }
    out.push(
      `zone${i}.example.org 10.${b}.${a}.0/24 dns://svc${i}.cluster.local:${1053 + (i % 1000)} {`,
      '  import common',
      '  health {',
      '    lameduck 5s',
      '  }',
      '  hosts {',
      `    10.${b}.${a}.10 www.zone${i}.example.org`,
      `    10.${b}.${a}.11 db.zone${i}.example.org`,
      '    ttl 60',
      '    fallthrough',
      '  }',
      `  forward . 10.${b}.${a}.1 10.${b}.${a}.2:5353 {`,
      '    except internal.example.org',
      '    policy round_robin',
      '    max_fails 3',
      '    expire 10s',
      '  }',
      '  cache 30 {',
      '    success 9984 30',
      '    denial 9984 5',
      '    prefetch 2 10m 10%',
      '  }',
      '  rewrite name regex (.*)\\.old\\.example\\.org {1}.example.org',
      '  reload 30s 15s',
      '  loadbalance round_robin',
      '}',
      '',
    );
  }
  return out.join('\n');
}

export function benchCorefile(core: Core, heavy = false, runs = 15): { blocks: number; lines: number; diagnostics: number; ms: number } {
  const text = generateCorefile(1000, heavy);
  const first = core.parseCorefile(text, 'Corefile');
  for (let i = 0; i < 3; i++) core.parseCorefile(text, 'Corefile'); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    core.parseCorefile(text, 'Corefile');
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  return {
    blocks: first.blocks.filter((b) => !b.snippet).length,
    lines: text.split('\n').length,
    diagnostics: first.diagnostics.length,
    ms: times[times.length >> 1]!,
  };
}
