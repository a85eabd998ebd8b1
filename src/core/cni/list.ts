/**
 * The plugins of a configuration (`cni-plugins`): the list of a `.conflist`, or the single plugin
 * of a `.conf`; in a list, a chained-only plugin (portmap, tuning...) that comes first
 * (`cni-plugin-order`) and a type listed twice (`cni-duplicate-plugin`). Each plugin: plugin.ts.
 */
import { loc } from '../text/i18n';
import { items, type JsonNode, prop } from './json';
import { CHAINED_ONLY } from './plugins';
import type { CniPlugin } from './types';
import type { CniContext, Versions } from './context';
import { checkPlugin } from './plugin';
import { eunneun } from '../text/particle';

export function checkList(ctx: CniContext, pluginsNode: JsonNode, versions: Versions, plugins: CniPlugin[]): void {
  if (pluginsNode.type !== 'array') {
    ctx.add(
      pluginsNode,
      'error',
      'cni-plugins',
      loc(
        '"plugins" must be a list of plugin objects: "plugins": [ { "type": "bridge", ... } ] (libcni: invalid \'plugins\' type).',
        '"plugins"는 플러그인 객체의 리스트여야 합니다: "plugins": [ { "type": "bridge", ... } ] (libcni: invalid \'plugins\' type).',
      ),
    );
    return;
  }
  const list = items(pluginsNode);
  if (!list.length) {
    ctx.add(
      pluginsNode,
      'error',
      'cni-plugins',
      loc(
        '"plugins" is empty: a network needs at least one plugin (libcni: no plugins in list).',
        '"plugins"가 비어 있습니다: 네트워크에는 플러그인이 하나 이상 필요합니다 (libcni: no plugins in list).',
      ),
    );
    return;
  }
  const firstOfType = new Map<string, number>();
  list.forEach((item, i) => {
    if (item.type !== 'object') {
      ctx.add(
        item,
        'error',
        'cni-plugins',
        loc(
          `plugins[${i}] must be a plugin object such as { "type": "bridge" } (libcni: failed to parse plugin config ${i}).`,
          `plugins[${i}] 항목은 { "type": "bridge" } 같은 플러그인 객체여야 합니다 (libcni: failed to parse plugin config ${i}).`,
        ),
      );
      return;
    }
    const p = checkPlugin(ctx, item, `plugins[${i}]`, versions, true);
    plugins.push(p);
    if (p.type === undefined) return;
    const typeNode = prop(item, 'type')!;
    if (i === 0 && CHAINED_ONLY.includes(p.type)) {
      ctx.add(
        typeNode,
        'warning',
        'cni-plugin-order',
        loc(
          `"${p.type}" works on the result of an earlier plugin (its prevResult), but it comes first here: its ADD fails ("must be called as chained plugin"). Put the plugin that creates the interface (bridge, ptp, macvlan...) before it.`,
          `${eunneun(`"${p.type}"`)} 앞선 플러그인의 결과(prevResult)를 가지고 동작하는데 여기서는 맨 앞에 있습니다: ADD가 실패합니다 ("must be called as chained plugin"). 인터페이스를 만드는 플러그인(bridge, ptp, macvlan...)을 그 앞에 두세요.`,
        ),
      );
    }
    const first = firstOfType.get(p.type);
    if (first !== undefined) {
      ctx.add(
        typeNode,
        'warning',
        'cni-duplicate-plugin',
        loc(
          `"${p.type}" is already in this list (plugins[${first}]): ADD runs it twice for the same interface, and the second run usually fails or undoes the first.`,
          `${eunneun(`"${p.type}"`)} 이미 이 리스트에 있습니다 (plugins[${first}]): ADD가 같은 인터페이스에 두 번 실행하므로, 두 번째 실행은 대개 실패하거나 첫 번째를 되돌립니다.`,
        ),
      );
    } else {
      firstOfType.set(p.type, i);
    }
  });
}

export function checkSingle(ctx: CniContext, root: JsonNode, versions: Versions, plugins: CniPlugin[]): void {
  const p = checkPlugin(ctx, root, '', versions, false);
  plugins.push(p);
  if (p.type !== undefined && CHAINED_ONLY.includes(p.type)) {
    ctx.add(
      prop(root, 'type')!,
      'warning',
      'cni-plugin-order',
      loc(
        `"${p.type}" works on the result of an earlier plugin (its prevResult), but a single-plugin .conf has none: its ADD fails. Put it in a .conflist after the plugin that creates the interface.`,
        `${eunneun(`"${p.type}"`)} 앞선 플러그인의 결과(prevResult)를 가지고 동작하는데, 플러그인 하나짜리 .conf에는 그것이 없습니다: ADD가 실패합니다. 인터페이스를 만드는 플러그인 뒤에 두는 .conflist로 옮기세요.`,
      ),
    );
  }
}
