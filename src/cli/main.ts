/**
 * `knetlab`: the command-line face of the core. check, trace and exec; a thin layer that reads
 * files, calls the core and prints. Bad input gets a one-line error and exit status 2.
 */
import { readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import {
  buildWorld,
  checkCniConfig,
  checkLab,
  type Diagnostic,
  execCommand,
  formatEndpoint,
  type Lang,
  langFromLocale,
  loadLabFor,
  parseCorefile,
  parseAddr,
  parseEndpoint,
  pick,
  type Step,
  tracePacket,
  type TraceResult,
  ROOT_NS,
} from '../core';
import { formatDiag, type Io, t, UsageError, walkFiles } from './common';
import { cmdGrade, cmdQuizHash, cmdVariant } from './grade';

const VERSION = '0.1.0';

export interface Parsed {
  positional: string[];
  options: Map<string, string>;
  rest: string[];
}

const VALUE_OPTIONS = new Set(['--from', '--to', '--proto', '--port', '--format', '--on', '--lang', '--student', '--out', '--min-score', '--salt', '--attempts']);
const FLAG_OPTIONS = new Set(['--help', '-h', '--version', '--solution', '--force']);

function parseArgs(argv: string[], lang: Lang): Parsed {
  const positional: string[] = [];
  const options = new Map<string, string>();
  let rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      rest = argv.slice(i + 1);
      break;
    }
    if (a.startsWith('-') && a !== '-') {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (FLAG_OPTIONS.has(name)) {
        options.set(name, 'true');
        continue;
      }
      if (!VALUE_OPTIONS.has(name)) throw new UsageError(t(lang, 'unknownOption', a));
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(t(lang, 'missingValue', name));
      options.set(name, value);
      continue;
    }
    positional.push(a);
  }
  return { positional, options, rest };
}

/** A lab given as a folder holding lab.yaml or as the file itself. */
function labFile(path: string, lang: Lang): string {
  if (!existsSync(path)) throw new UsageError(t(lang, 'noSuchPath', path));
  const st = statSync(path);
  if (st.isDirectory()) {
    const f = join(path, 'lab.yaml');
    if (!existsSync(f)) throw new UsageError(t(lang, 'noLabYaml', path));
    return f;
  }
  return path;
}

function readText(path: string, lang: Lang): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(t(lang, 'cannotRead', path, (e as Error).message));
  }
}

function readerFor(labPath: string): (rel: string) => string | undefined {
  const dir = dirname(labPath);
  return (rel) => {
    const p = resolve(dir, rel);
    if (!p.startsWith(resolve(dir) + sep)) return undefined;
    try {
      return readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  };
}

/**
 * Every lab.yaml under a folder (a course), or the lab itself; for a folder of CNI configurations
 * with no lab (/etc/cni/net.d), its .conflist and .conf files, in name order.
 */
function findLabs(path: string, lang: Lang): string[] {
  if (!existsSync(path)) throw new UsageError(t(lang, 'noSuchPath', path));
  if (!statSync(path).isDirectory()) return [path];
  if (existsSync(join(path, 'lab.yaml'))) return [join(path, 'lab.yaml')];
  const out: string[] = [];
  walkFiles(path, 4, (p, name) => {
    if (name === 'lab.yaml') out.push(p);
  });
  if (!out.length) {
    walkFiles(path, 0, (p, name, st) => {
      if (st.isFile() && /\.(conflist|conf)$/.test(name)) out.push(p);
    });
  }
  if (!out.length) throw new UsageError(t(lang, 'noLabYaml', path));
  return out;
}


function cmdCheck(p: Parsed, lang: Lang, io: Io): number {
  if (!p.positional.length) throw new UsageError(t(lang, 'checkUsage'));
  const format = p.options.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(t(lang, 'badFormat', format));
  const all: Diagnostic[] = [];
  for (const path of p.positional) {
    for (const file of findLabs(path, lang)) {
      const shown = relative(process.cwd(), file) || file;
      if (/(^|[\\/])Corefile$/.test(file)) all.push(...parseCorefile(readText(file, lang), shown).diagnostics);
      // CNI configurations: any .conflist or .conf named on the command line (not only in net.d/).
      else if (/\.(conflist|conf)$/.test(file)) all.push(...checkCniConfig(readText(file, lang), shown).diagnostics);
      else all.push(...checkLab(readText(file, lang), { file: shown, readFile: readerFor(file), ...(p.options.has('--student') ? { student: p.options.get('--student')! } : {}) }));
    }
  }
  if (format === 'json') {
    io.out(JSON.stringify(all.map((d) => ({ file: d.file, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, severity: d.severity, code: d.code, message: pick(d.message, lang) })), null, 2) + '\n');
  } else {
    for (const d of all) io.out(formatDiag(d, lang) + '\n');
    const errors = all.filter((d) => d.severity === 'error').length;
    const warnings = all.filter((d) => d.severity === 'warning').length;
    io.err(t(lang, 'checkSummary', String(errors), String(warnings)) + '\n');
  }
  return all.some((d) => d.severity === 'error') ? 1 : 0;
}

function loadWorld(labArg: string | undefined, lang: Lang, io: Io, studentArg?: string) {
  if (!labArg) throw new UsageError(t(lang, 'needLab'));
  const file = labFile(labArg, lang);
  const shown = relative(process.cwd(), file) || file;
  const loaded = loadLabFor(readText(file, lang), { file: shown, readFile: readerFor(file), student: studentArg });
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (!loaded.lab || errors.length) {
    for (const d of errors) io.err(formatDiag(d, lang) + '\n');
    throw new UsageError(t(lang, 'labHasErrors', shown));
  }
  return buildWorld(loaded.lab);
}

function checkEndpoint(world: ReturnType<typeof buildWorld>['world'], text: string, lang: Lang) {
  const ep = parseEndpoint(text);
  if (!ep) throw new UsageError(t(lang, 'badEndpoint', text));
  const host = world.hosts.get(ep.host);
  if (!host) throw new UsageError(t(lang, 'noHost', ep.host, [...world.hosts.keys()].join(', ')));
  if (!host.netns.has(ep.netns || ROOT_NS)) {
    const names = [...host.netns.keys()].filter((n) => n !== ROOT_NS);
    throw new UsageError(t(lang, 'noNetns', ep.netns, ep.host, names.length ? names.join(', ') : '-'));
  }
  return ep;
}

function stepLine(s: Step, i: number, lang: Lang): string {
  const where = `${s.netns ? `${s.host}/${s.netns}` : s.host}${s.iface ? ` ${s.iface}` : ''}`;
  const src = s.source ? `  (${s.source.file}:${s.source.line})` : '';
  return `${String(i + 1).padStart(3)}. [${where}] ${s.stage}${s.hook ? ` ${s.hook}` : ''}: ${pick(s.detail, lang)}${src}`;
}

function cmdTrace(p: Parsed, lang: Lang, io: Io): number {
  const from = p.options.get('--from');
  const to = p.options.get('--to');
  if (!from || !to) throw new UsageError(t(lang, 'traceUsage'));
  const proto = p.options.get('--proto') ?? 'icmp';
  if (proto !== 'icmp' && proto !== 'tcp' && proto !== 'udp') throw new UsageError(t(lang, 'badProto', proto));
  const portText = p.options.get('--port');
  let port: number | undefined;
  if (portText !== undefined) {
    port = Number(portText);
    if (!/^[0-9]+$/.test(portText) || port < 1 || port > 65535) throw new UsageError(t(lang, 'badPort', portText));
  }
  const format = p.options.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(t(lang, 'badFormat', format));
  if (!parseAddr(to)) throw new UsageError(t(lang, 'badAddress', to));
  const { world } = loadWorld(p.positional[0], lang, io, p.options.get('--student'));
  const ep = checkEndpoint(world, from, lang);
  const res = tracePacket(world, { from: ep, to, proto, ...(port !== undefined ? { port } : {}) });
  if (format === 'json') io.out(JSON.stringify(traceJson(res, lang), null, 2) + '\n');
  else io.out(traceText(res, formatEndpoint(ep), to, proto, port, lang));
  return res.replied ? 0 : 1;
}

function stepJson(s: Step, lang: Lang) {
  return { ...s, detail: pick(s.detail, lang) };
}

export function traceJson(res: TraceResult, lang: Lang) {
  return {
    replied: res.replied,
    verdict: res.verdict,
    reason: pick(res.reason, lang),
    ...(res.source ? { source: res.source } : {}),
    request: { steps: res.request.steps.map((s) => stepJson(s, lang)) },
    reply: { steps: res.reply.steps.map((s) => stepJson(s, lang)) },
  };
}

function traceText(res: TraceResult, from: string, to: string, proto: string, port: number | undefined, lang: Lang): string {
  const what = proto === 'icmp' ? 'ping' : `${proto}/${port ?? 80}`;
  const head = `${from} -> ${to} ${what}: ${res.verdict.toUpperCase()}: ${pick(res.reason, lang)}${res.source ? ` (${res.source.file}:${res.source.line})` : ''}`;
  const lines = [head, ''];
  lines.push(t(lang, 'requestHeading'));
  res.request.steps.forEach((s, i) => lines.push(stepLine(s, i, lang)));
  if (res.reply.steps.length) {
    lines.push('', t(lang, 'replyHeading'));
    res.reply.steps.forEach((s, i) => lines.push(stepLine(s, i, lang)));
  }
  return lines.join('\n') + '\n';
}

function shellQuote(w: string): string {
  return /^[A-Za-z0-9_./:=+@%,-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}

function cmdExec(p: Parsed, lang: Lang, io: Io): number {
  const on = p.options.get('--on');
  if (!on || !p.rest.length) throw new UsageError(t(lang, 'execUsage'));
  const { world } = loadWorld(p.positional[0], lang, io, p.options.get('--student'));
  const ep = checkEndpoint(world, on, lang);
  const line = p.rest.length === 1 ? p.rest[0]! : p.rest.map(shellQuote).join(' ');
  const res = execCommand(world, ep, line);
  if (res.stdout) io.out(res.stdout);
  if (res.stderr) io.err(res.stderr);
  return res.status;
}

export function main(argv: string[], io: Io, env: Record<string, string | undefined>): number {
  let lang: Lang = langFromLocale(env.KNETLAB_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG);
  const li = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (li >= 0) {
    const v = argv[li]!.includes('=') ? argv[li]!.split('=')[1] : argv[li + 1];
    if (v === 'ko' || v === 'en') lang = v;
  }
  const [cmd, ...rest] = argv;
  try {
    if (!cmd || cmd === 'help' || cmd === '--help' || cmd === '-h') {
      io.out(t(lang, 'usage') + '\n');
      return cmd ? 0 : 2;
    }
    if (cmd === '--version' || cmd === 'version') {
      io.out(`knetlab ${VERSION}\n`);
      return 0;
    }
    const p = parseArgs(rest, lang);
    if (p.options.has('--help') || p.options.has('-h')) {
      io.out(t(lang, 'usage') + '\n');
      return 0;
    }
    switch (cmd) {
      case 'check':
        return cmdCheck(p, lang, io);
      case 'trace':
        return cmdTrace(p, lang, io);
      case 'exec':
        return cmdExec(p, lang, io);
      case 'grade':
        return cmdGrade(p, lang, io);
      case 'variant':
        return cmdVariant(p, lang, io);
      case 'quiz-hash':
        return cmdQuizHash(p, lang, io);
      default:
        throw new UsageError(t(lang, 'unknownCommand', cmd));
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`knetlab: ${e.message}\n`);
      return 2;
    }
    io.err(`knetlab: ${t(lang, 'internal', String((e as Error)?.message ?? e))}\n`);
    return 3;
  }
}

if (typeof require !== 'undefined' && require.main === module) {
  const code = main(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }, process.env);
  process.exitCode = code;
}
