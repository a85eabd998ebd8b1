/**
 * The trace panel's playback bar: to start, back, play/pause, forward, to end, the speed, the
 * position, and the buttons for the table and the topology panel. The panel gives what each does;
 * it sets the labels (in the display language) and the disabled states.
 */
import { fill, h, icon } from './dom';
import { SPEEDS } from './player';
import { t } from './strings';
import type { Lang } from '../../src/core/text/i18n';

type ButtonKey = 'start' | 'back' | 'play' | 'forward' | 'end' | 'table' | 'topology';

export class Controls {
  readonly el = h('div', { class: 'controls', role: 'group', id: 'controls' });
  readonly buttons: Record<ButtonKey, HTMLElement>;
  readonly speedEl: HTMLElement & { value: string };
  readonly posEl = h('span', { class: 'position', id: 'position' });

  constructor(on: Record<ButtonKey | 'speed', () => void>) {
    const button = (id: ButtonKey, name: Parameters<typeof icon>[0] | undefined, secondary = true): HTMLElement =>
      h('vscode-button', { id: `btn-${id}`, secondary, on: { click: on[id] } }, name ? icon(name) : null) as HTMLElement;
    this.buttons = {
      start: button('start', 'start'),
      back: button('back', 'back'),
      play: button('play', 'play', false),
      forward: button('forward', 'forward'),
      end: button('end', 'end'),
      table: button('table', undefined),
      topology: button('topology', undefined),
    };
    this.speedEl = h(
      'vscode-single-select',
      { id: 'speed', on: { change: on.speed } },
      ...SPEEDS.map((s) => h('vscode-option', { value: String(s), selected: s === 1 }, `${s}x`)),
    ) as HTMLElement & { value: string };
    const speedLabel = h('label', { class: 'speed-label', id: 'speed-label', for: 'speed' });
    fill(
      this.el,
      this.buttons.start,
      this.buttons.back,
      this.buttons.play,
      this.buttons.forward,
      this.buttons.end,
      speedLabel,
      this.speedEl,
      this.posEl,
      h('span', { class: 'spacer' }),
      this.buttons.table,
      this.buttons.topology,
    );
  }

  /** The play button shows pause while playing, and says so. */
  setPlaying(playing: boolean, lang: Lang): void {
    const b = this.buttons.play;
    fill(b, icon(playing ? 'pause' : 'play'));
    b.setAttribute('aria-label', t(lang, playing ? 'pause' : 'play'));
    b.setAttribute('title', t(lang, playing ? 'pause' : 'play'));
    b.setAttribute('aria-pressed', String(playing));
    b.dataset['playing'] = String(playing);
  }
}
