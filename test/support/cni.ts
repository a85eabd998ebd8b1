/**
 * What the CNI checker's tests share: real configurations (the spec's example, weave, flannel, a
 * dual-stack podman list, a single .conf), and helpers to check a text and find places in it.
 */
import { strict as assert } from 'node:assert';
import { checkCniConfig } from '../../src/core/cni/config';
import type { Diagnostic } from '../../src/core';

/** The example of the CNI spec (1.0.0), without its comments: bridge + host-local, tuning, portmap. */
export const SPEC_EXAMPLE = `{
  "cniVersion": "1.0.0",
  "name": "dbnet",
  "plugins": [
    {
      "type": "bridge",
      "bridge": "cni0",
      "keyA": ["some more", "plugin specific", "configuration"],
      "ipam": {
        "type": "host-local",
        "subnet": "10.1.0.0/16",
        "gateway": "10.1.0.1",
        "routes": [
            {"dst": "0.0.0.0/0"}
        ]
      },
      "dns": {
        "nameservers": [ "10.1.0.1" ]
      }
    },
    {
      "type": "tuning",
      "capabilities": {
        "mac": true
      },
      "sysctl": {
        "net.core.somaxconn": "500"
      }
    },
    {
        "type": "portmap",
        "capabilities": {"portMappings": true}
    }
  ]
}
`;

/** What weave-kube writes to /etc/cni/net.d/10-weave.conflist. */
export const WEAVE = `{
    "cniVersion": "0.3.0",
    "name": "weave",
    "plugins": [
        {
            "name": "weave",
            "type": "weave-net",
            "hairpinMode": true
        },
        {
            "type": "portmap",
            "capabilities": {"portMappings": true},
            "snat": true
        }
    ]
}
`;

/** kube-flannel's 10-flannel.conflist. */
export const FLANNEL = `{
  "name": "cbr0",
  "cniVersion": "0.3.1",
  "plugins": [
    {
      "type": "flannel",
      "delegate": {
        "hairpinMode": true,
        "isDefaultGateway": true
      }
    },
    {
      "type": "portmap",
      "capabilities": {
        "portMappings": true
      }
    }
  ]
}
`;

/** A dual-stack bridge with host-local's "ranges" form, as podman writes it. */
export const DUAL_STACK = `{
  "cniVersion": "0.4.0",
  "name": "podman",
  "plugins": [
    {
      "type": "bridge",
      "bridge": "cni-podman0",
      "isGateway": true,
      "ipMasq": true,
      "mtu": 1450,
      "ipam": {
        "type": "host-local",
        "routes": [{ "dst": "0.0.0.0/0" }, { "dst": "::/0" }],
        "ranges": [
          [{ "subnet": "10.88.0.0/16", "gateway": "10.88.0.1" }],
          [{ "subnet": "fd00:88::/64", "rangeStart": "fd00:88::10", "rangeEnd": "fd00:88::ff", "gateway": "fd00:88::1" }]
        ]
      }
    },
    { "type": "portmap", "capabilities": { "portMappings": true } },
    { "type": "firewall" },
    { "type": "tuning" }
  ]
}
`;

/** A single-plugin .conf, the old form. */
export const SINGLE = `{
  "cniVersion": "0.2.0",
  "name": "mynet",
  "type": "bridge",
  "bridge": "cni0",
  "isGateway": true,
  "ipMasq": true,
  "ipam": {
    "type": "host-local",
    "subnet": "10.22.0.0/16",
    "rangeStart": "10.22.1.1",
    "rangeEnd": "10.22.1.254",
    "routes": [{ "dst": "0.0.0.0/0" }]
  }
}
`;

export type Row = [code: string, line: number, column: number, severity: string];

export function rows(text: string, file = '10-test.conflist'): Row[] {
  return checkCniConfig(text, file).diagnostics.map((d) => [d.code, d.line, d.column, d.severity]);
}

export function only(text: string, file = '10-test.conflist'): Diagnostic {
  const ds = checkCniConfig(text, file).diagnostics;
  assert.equal(
    ds.length,
    1,
    JSON.stringify(
      ds.map((d) => [d.code, d.line, d.column, d.message.en]),
      null,
      1,
    ),
  );
  return ds[0]!;
}

/** A conflist with one bridge plugin whose ipam is `ipam` (JSON text, on one line). */
export function withIpam(ipam: string, version = '1.0.0'): string {
  return `{\n  "cniVersion": "${version}",\n  "name": "n",\n  "plugins": [\n    { "type": "bridge",\n      "ipam": ${ipam} }\n  ]\n}\n`;
}

/** The column of the n-th occurrence of `needle` on a line of `text` (1-based, both). */
export function colOf(text: string, line: number, needle: string, nth = 1): number {
  const l = text.split('\n')[line - 1]!;
  let at = -1;
  for (let i = 0; i < nth; i++) at = l.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not on line ${line}: ${l}`);
  return at + 1;
}
