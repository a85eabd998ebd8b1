/**
 * Drawing the values: every well-declared variable gets its value for one student. Subnets never
 * overlap each other (nor their own `exclude:` prefixes) and are drawn largest first, each
 * uniformly among the subnets still free; ints, choices and MACs draw from their own streams.
 */
import type { Diagnostic } from '../../text/diag';
import { loc } from '../../text/i18n';
import { BITS, formatAddr, type Prefix } from '../../net/addr';
import type { VariableSpec } from '../types';
import { diag, MOVABLE_NAME_RE, parseCidr, parseVariableDef, type VariableDef, type VariableValue } from './defs';
import { normaliseStudent, VariantRng } from './rng';
import { gwawa, iga } from '../../text/particle';

function prefixText(p: Prefix): string {
  return `${formatAddr(p.addr)}/${p.len}`;
}

function lastOf(p: Prefix): bigint {
  return p.addr.value + (1n << BigInt(BITS[p.addr.family] - p.len)) - 1n;
}

/** Draws a `len` subnet of `container` that overlaps none of `taken`, uniformly among the free ones. */
function drawSubnet(rng: VariantRng, container: Prefix, len: number, taken: readonly Prefix[]): Prefix | undefined {
  const family = container.addr.family;
  const shift = BigInt(BITS[family] - len);
  const count = 1n << BigInt(len - container.len);
  const base = container.addr.value;
  const cEnd = lastOf(container);
  // Candidate indexes each taken prefix blocks: one contiguous interval.
  const blocked: [bigint, bigint][] = [];
  for (const t of taken) {
    if (t.addr.family !== family) continue;
    const lo = t.addr.value > base ? t.addr.value : base;
    const tEnd = lastOf(t);
    const hi = tEnd < cEnd ? tEnd : cEnd;
    if (lo > hi) continue;
    blocked.push([(lo - base) >> shift, (hi - base) >> shift]);
  }
  blocked.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const merged: [bigint, bigint][] = [];
  for (const iv of blocked) {
    const last = merged[merged.length - 1];
    if (last && iv[0] <= last[1] + 1n) {
      if (iv[1] > last[1]) last[1] = iv[1];
    } else merged.push([iv[0], iv[1]]);
  }
  let free = count;
  for (const [a, b] of merged) free -= b - a + 1n;
  if (free <= 0n) return undefined;
  let idx = rng.below(free);
  for (const [a, b] of merged) {
    if (idx >= a) idx += b - a + 1n;
    else break;
  }
  return { addr: { family, value: base + (idx << shift) }, len };
}

function drawMac(rng: VariantRng): string {
  const bytes = [(rng.nextU32() & 0xfc) | 0x02];
  for (let i = 0; i < 5; i++) bytes.push(rng.nextU32() & 0xff);
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

export interface ResolveResult {
  /** Values of the variables that are well declared, in declaration order. */
  readonly values: Map<string, VariableValue>;
  /** Variables declared but not resolved (their problem is diagnosed): placeholders naming them are skipped. */
  readonly failed: Set<string>;
  /** The `default:` of each subnet and choice variable that has one (what literal text follows, rewrite.ts). */
  readonly defaults: Map<string, string>;
  readonly diagnostics: Diagnostic[];
}

/**
 * Gives every declared variable its value for one student. Never throws. The instructor's view
 * (student '') takes each variable's `default:` where it has one: the lab as written. `secret`
 * (the instructor's, optional) is mixed into every stream, so nobody without it can draw a
 * student's values from the lab.
 */
export function resolveVariables(
  vars: readonly VariableSpec[],
  ctx: { readonly lab: string; readonly student: string; readonly secret?: string },
): ResolveResult {
  const asWritten = normaliseStudent(ctx.student) === '';
  const rngFor = (name: string) => new VariantRng(ctx.lab, ctx.student, name, ctx.secret);
  const failed = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const defs: { spec: VariableSpec; def: VariableDef }[] = [];
  const seen = new Set<string>();
  for (const spec of vars) {
    if (seen.has(spec.name)) {
      diagnostics.push(
        diag(
          'error',
          'duplicate-name',
          spec.range,
          loc(`The variable "${spec.name}" is declared twice.`, `변수 ${iga(`"${spec.name}"`)} 두 번 선언되었습니다.`),
        ),
      );
      continue;
    }
    seen.add(spec.name);
    const { def, diagnostics: ds } = parseVariableDef(spec);
    diagnostics.push(...ds);
    if (def) defs.push({ spec, def });
    else failed.add(spec.name);
  }
  // Subnets are drawn largest first (then in declaration order): small ones then never fragment
  // a container so that a large one no longer fits.
  const drawn = new Map<string, VariableValue>();
  const taken: Prefix[] = [];
  // Default subnets are never drawn for anyone: a copy moves their literal addresses (rewrite.ts).
  const defaults = new Map<string, string>();
  for (const d of defs) {
    if (d.def.default === undefined || d.def.kind !== 'subnet') continue;
    const p = parseCidr(d.def.default)!;
    taken.push(p);
    defaults.set(d.spec.name, d.def.default);
    if (asWritten) drawn.set(d.spec.name, { kind: 'subnet', prefix: p, text: d.def.default });
  }
  for (const d of defs) if (d.def.kind === 'choice' && d.def.default !== undefined) defaults.set(d.spec.name, d.def.default);
  diagnostics.push(...sharedNames(defs));
  const subnets = defs.filter((d) => d.def.kind === 'subnet' && !drawn.has(d.spec.name));
  const order = subnets
    .map((d, i) => ({ d, i }))
    .sort((x, y) => (x.d.def as { len: number }).len - (y.d.def as { len: number }).len || x.i - y.i);
  for (const { d } of order) {
    const def = d.def as Extract<VariableDef, { kind: 'subnet' }>;
    const p = drawSubnet(rngFor(d.spec.name), def.container, def.len, [...taken, ...def.exclude]);
    if (!p) {
      failed.add(d.spec.name);
      diagnostics.push(
        diag(
          'error',
          'variable-conflict',
          d.spec.range,
          loc(
            `Variable ${d.spec.name}: no /${def.len} is left in ${prefixText(def.container)} that overlaps neither the other subnet variables nor exclude:. Widen the container or use a longer prefix.`,
            `변수 ${d.spec.name}: ${prefixText(def.container)} 안에 다른 subnet 변수나 exclude:와 겹치지 않는 /${iga(def.len)} 남아 있지 않습니다. 컨테이너를 넓히거나 더 긴 prefix를 쓰세요.`,
          ),
        ),
      );
      continue;
    }
    taken.push(p);
    drawn.set(d.spec.name, { kind: 'subnet', prefix: p, text: prefixText(p) });
  }
  const values = new Map<string, VariableValue>();
  for (const { spec, def } of defs) {
    const rng = rngFor(spec.name);
    const dflt = asWritten ? def.default : undefined;
    if (dflt !== undefined && def.kind !== 'subnet') {
      values.set(
        spec.name,
        def.kind === 'int' ? { kind: 'int', value: Number(dflt), text: dflt } : { kind: def.kind, value: dflt, text: dflt },
      );
      continue;
    }
    switch (def.kind) {
      case 'subnet': {
        const v = drawn.get(spec.name);
        if (v) values.set(spec.name, v);
        break;
      }
      case 'int': {
        const value = def.min + Number(rng.below(BigInt(def.max) - BigInt(def.min) + 1n));
        values.set(spec.name, { kind: 'int', value, text: String(value) });
        break;
      }
      case 'choice': {
        const value = def.options[Number(rng.below(BigInt(def.options.length)))]!;
        values.set(spec.name, { kind: 'choice', value, text: value });
        break;
      }
      case 'mac': {
        const value = drawMac(rng);
        values.set(spec.name, { kind: 'mac', value, text: value });
        break;
      }
    }
  }
  return { values, failed, defaults, diagnostics };
}

/**
 * Two name variables (choices whose default is a name, which literal text follows) that share a
 * choice: a student may draw the same name for both, and their two names become one. A warning at
 * the second one; disjoint lists never collide.
 */
function sharedNames(defs: readonly { spec: VariableSpec; def: VariableDef }[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const names = defs.filter(
    (d): d is { spec: VariableSpec; def: Extract<VariableDef, { kind: 'choice' }> } =>
      d.def.kind === 'choice' && d.def.default !== undefined && MOVABLE_NAME_RE.test(d.def.default),
  );
  names.forEach((b, j) => {
    for (const a of names.slice(0, j)) {
      const shared = b.def.options.find((o) => a.def.options.includes(o));
      if (shared === undefined) continue;
      out.push(
        diag(
          'warning',
          'variable-conflict',
          b.spec.range,
          loc(
            `Variables ${a.spec.name} and ${b.spec.name} both may draw "${shared}": a student could get one name for both. Give them choices that share none.`,
            `변수 ${gwawa(a.spec.name)} ${b.spec.name}에서 둘 다 ${iga(`"${shared}"`)} 뽑힐 수 있어, 한 학생의 두 이름이 같아질 수 있습니다. 서로 겹치지 않는 선택지를 주세요.`,
          ),
        ),
      );
      return;
    }
  });
  return out;
}
