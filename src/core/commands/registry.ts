/**
 * The simulated commands, by name. To add one (`iptables`, `nslookup`, `curl`...), write its
 * handler module and add a line here; the shell's dispatcher (run.ts) only looks names up.
 */
import { catCommand, echoCommand, falseCommand, hostnameCommand, sleepCommand, sysctlCommand, trueCommand } from './builtins';
import { ipCommand } from './ip/index';
import type { CommandHandler } from './types';

export const COMMANDS = new Map<string, CommandHandler>([
  ['ip', ipCommand],
  ['sysctl', sysctlCommand],
  ['echo', echoCommand],
  ['true', trueCommand],
  ['false', falseCommand],
  [':', trueCommand],
  ['sleep', sleepCommand],
  ['hostname', hostnameCommand],
  ['cat', catCommand],
]);

/** Adds or replaces a command. */
export function registerCommand(name: string, handler: CommandHandler): void {
  COMMANDS.set(name, handler);
}

/**
 * Real tools a lab might use that the simulator does not run (yet). Running one answers like a
 * shell that lacks it, and marks the line as not simulated rather than wrong.
 */
export const REAL_TOOLS = new Set([
  'ifconfig',
  'route',
  'arp',
  'ping',
  'ping6',
  'traceroute',
  'tracepath',
  'mtr',
  'curl',
  'wget',
  'nc',
  'ncat',
  'netcat',
  'socat',
  'telnet',
  'ssh',
  'nslookup',
  'dig',
  'host',
  'iptables',
  'ip6tables',
  'iptables-save',
  'iptables-restore',
  'nft',
  'tcpdump',
  'ss',
  'netstat',
  'brctl',
  'bridge',
  'ethtool',
  'tc',
  'dhclient',
  'systemctl',
  'service',
  'ifup',
  'ifdown',
  'nmcli',
  'conntrack',
  'arping',
  'iw',
  'modprobe',
  'resolvectl',
  'python',
  'python3',
  'printf',
  'grep',
  'awk',
  'sed',
  'tee',
  'touch',
  'mkdir',
  'ls',
  'rm',
  'cp',
  'mv',
  'chmod',
  'head',
  'tail',
  'wc',
  'sort',
  'cut',
  'tr',
  'xargs',
  'test',
  '[',
  'nsenter',
  'unshare',
  'kill',
  'docker',
  'kubectl',
  'ovs-vsctl',
  'vconfig',
  'wg',
  'dnsmasq',
  'nginx',
  'apt',
  'apt-get',
  'sudo',
  'env',
  'date',
  'id',
  'whoami',
]);
