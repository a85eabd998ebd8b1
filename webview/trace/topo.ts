/**
 * The topology drawing in the trace panel. TEMPORARY stand-in until webview/common/topology/
 * (createTopologyView) lands: a plain list of the nodes with the path marked, so the rest of the
 * panel can be built and tested.
 */
import type { Lang } from '../../src/core/i18n';
import type { TracePath } from '../../src/core/view/trace';
import type { StepAnchor, TopologyModel } from '../../src/core/view/types';
import { h } from './dom';

export interface TraceTopology {
  update(model: TopologyModel): void;
  highlight(path: TracePath, current?: StepAnchor): void;
  clearHighlight(): void;
  fit(): void;
  setLang(lang: Lang): void;
  destroy(): void;
}

export function createTraceTopology(container: HTMLElement, lang: Lang): TraceTopology {
  void lang;
  const list = h('ul', { class: 'topo-standin' });
  container.append(list);
  return {
    update(model) {
      list.replaceChildren(...model.nodes.map((n) => h('li', { 'data-id': n.id }, n.name)));
    },
    highlight(path, current) {
      for (const li of list.querySelectorAll<HTMLElement>('li')) {
        const id = li.dataset['id'] ?? '';
        li.classList.toggle('on-path', path.nodes.includes(id));
        li.classList.toggle('current', id === current?.node);
      }
    },
    clearHighlight() {
      for (const li of list.querySelectorAll('li')) li.classList.remove('on-path', 'current');
    },
    fit() {},
    setLang() {},
    destroy() {
      list.remove();
    },
  };
}
