/**
 * The whole configuration: its form (a plugin list in a `.conflist`, one plugin in a `.conf`, and
 * what each form ignores), the schema (minus what the checks below say more precisely), then the
 * version (version.ts), the name (name.ts) and the plugins (list.ts).
 */
import { getNodeValue } from 'jsonc-parser/lib/esm/main.js';
import { loc } from '../text/i18n';
import { prop, propKey, type Segment } from './json';
import { schemaDiagnostics, schemaErrors } from './schema';
import type { CniConfig, CniPlugin } from './types';
import type { CniContext } from './context';
import { checkVersion } from './version';
import { checkName } from './name';
import { checkList, checkSingle } from './list';

/** Checks the document read into `ctx` (its root is there); the configuration, when the root is an object. */
export function checkDocument(ctx: CniContext): CniConfig | undefined {
  const root = ctx.doc.root!;
  const value = getNodeValue(root) as unknown;
  const file = ctx.doc.file;
  const ext: 'list' | 'single' | undefined = /\.conflist$/.test(file) ? 'list' : /\.conf$/.test(file) ? 'single' : undefined;
  const pluginsNode = prop(root, 'plugins');
  const typeNode = prop(root, 'type');
  let kind: 'list' | 'single' = pluginsNode ? 'list' : 'single';
  if (root.type === 'object') {
    if (ext === 'list' && !pluginsNode) {
      if (typeNode) {
        kind = 'single';
        ctx.add(
          ctx.doc.rangeAt(root.offset, 1),
          'error',
          'cni-plugins',
          loc(
            'A .conflist needs "plugins", a list of plugin objects; this file is one plugin (it has "type"). Name it .conf, or move the plugin into "plugins": [ { "type": ... } ].',
            '.conflist에는 플러그인 객체의 리스트인 "plugins"가 필요한데, 이 파일은 플러그인 하나입니다("type"이 있음). 파일 이름을 .conf로 바꾸거나 플러그인을 "plugins": [ { "type": ... } ] 안으로 옮기세요.',
          ),
        );
      } else {
        kind = 'list';
        const hint = ctx.keyHint(root, 'plugins');
        ctx.add(
          ctx.doc.rangeAt(root.offset, 1),
          'error',
          'cni-plugins',
          loc(
            `A .conflist needs "plugins": the list of plugins ADD runs in order (libcni: no 'plugins' key; only libcni 1.3 and later also read plugin files from a folder named after the network).${hint.en}`,
            `.conflist에는 ADD가 차례로 실행할 플러그인 리스트인 "plugins"가 필요합니다 (libcni: no 'plugins' key. libcni 1.3 이상만 네트워크 이름의 폴더에서 플러그인 파일도 읽습니다).${hint.ko}`,
          ),
        );
      }
    } else if (ext === 'list' && typeNode) {
      ctx.add(
        propKey(root, 'type')!,
        'warning',
        'cni-plugins',
        loc(
          'A top-level "type" in a .conflist is ignored: only the plugins in "plugins" run.',
          '.conflist의 최상위 "type"은 무시됩니다: "plugins" 안의 플러그인만 실행됩니다.',
        ),
      );
    } else if (ext === 'single' && pluginsNode && !typeNode) {
      kind = 'list';
      ctx.add(
        propKey(root, 'plugins')!,
        'error',
        'cni-plugins',
        loc(
          'This .conf holds a plugin list, but runtimes read a .conf as one plugin and need its "type" ("network type not found"). Name the file .conflist.',
          '이 .conf에는 플러그인 리스트가 있지만, 런타임은 .conf를 플러그인 하나로 읽고 그 "type"을 찾습니다 ("network type not found"). 파일 이름을 .conflist로 바꾸세요.',
        ),
      );
    } else if (ext === 'single' && pluginsNode && typeNode) {
      kind = 'single';
      ctx.add(
        propKey(root, 'plugins')!,
        'warning',
        'cni-plugins',
        loc(
          'A .conf is one plugin: "plugins" is ignored. To run a list of plugins, name the file .conflist and drop the top-level "type".',
          '.conf는 플러그인 하나입니다: "plugins"는 무시됩니다. 플러그인 리스트를 실행하려면 파일 이름을 .conflist로 바꾸고 최상위 "type"을 지우세요.',
        ),
      );
    }
  }

  // The schema, minus what the checks below say more precisely.
  const errs = schemaErrors(value);
  if (typeof errs === 'string') {
    ctx.add(
      ctx.doc.rangeAt(0, 1),
      'error',
      'cni-schema',
      loc(`Internal error: the CNI schema did not compile: ${errs}`, `내부 오류: CNI 스키마를 컴파일하지 못했습니다: ${errs}`),
    );
  } else {
    ctx.out.push(...schemaDiagnostics(ctx.doc, errs, (e, path) => claimed(e, path)));
  }
  if (root.type !== 'object') return undefined;

  const versions = checkVersion(ctx, root, kind);
  const name = checkName(ctx, root);
  const plugins: CniPlugin[] = [];
  if (kind === 'list') {
    if (pluginsNode) checkList(ctx, pluginsNode, versions, plugins);
  } else {
    checkSingle(ctx, root, versions, plugins);
  }
  return {
    kind,
    ...(name !== undefined ? { name } : {}),
    ...(versions.cniVersion !== undefined ? { cniVersion: versions.cniVersion } : {}),
    plugins,
    value: value as Record<string, unknown>,
  };
}

/** Schema errors a specific check below reports itself. */
function claimed(e: { keyword: string; schemaPath: string; params: Record<string, unknown>; data?: unknown }, path: Segment[]): boolean {
  const p = path.map(String);
  const last = p[p.length - 1];
  if (e.schemaPath.startsWith('#/oneOf')) return true;
  if (p.length === 0) return e.keyword === 'required' || e.keyword === 'oneOf';
  if (p.length === 1 && (last === 'cniVersion' || last === 'name' || last === 'plugins')) return true;
  if (p.length === 2 && p[0] === 'cniVersions') return true;
  if (p.length === 2 && p[0] === 'plugins') return true; // not an object, or no type: checkList says so
  if (p.length === 3 && p[0] === 'plugins' && last === 'cniVersion') return true;
  const pluginLevel = p.length === 1 || (p.length === 3 && p[0] === 'plugins');
  if (pluginLevel && last === 'mtu' && e.keyword !== 'type') return true;
  if (last === 'ipam' && pluginLevel && e.keyword === 'required') return true;
  // libcni reads these as booleans or as the strings "true"/"false".
  if (p.length === 1 && (last === 'disableCheck' || last === 'disableGC') && typeof e.data === 'string' && /^(true|false)$/i.test(e.data))
    return true;
  return false;
}
