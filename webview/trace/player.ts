/**
 * Playback over the steps of a trace (the request's, then the reply's): a position, play and pause
 * on a timer whose interval follows the speed, and stepping. The panel draws whatever position
 * this reports through `onMove`.
 */
import type { StepRef } from '../../src/core/view/trace';

export const SPEEDS: readonly number[] = [0.5, 1, 2, 4];
/** Milliseconds per step at 1x. */
export const BASE_INTERVAL = 1000;

export class Player {
  private order: readonly StepRef[] = [];
  private pos = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  speed = 1;

  constructor(
    private readonly onMove: (ref: StepRef | undefined, pos: number, total: number, focus: boolean) => void,
    private readonly onPlaying: (playing: boolean) => void,
  ) {}

  get playing(): boolean {
    return this.timer !== undefined;
  }

  get position(): number {
    return this.pos;
  }

  get total(): number {
    return this.order.length;
  }

  get current(): StepRef | undefined {
    return this.order[this.pos];
  }

  /** New steps; the position is kept where it still exists (or the one given). */
  load(order: readonly StepRef[], at?: StepRef): void {
    this.pause();
    this.order = order;
    const i = at ? order.findIndex((r) => r.leg === at.leg && r.index === at.index) : -1;
    this.pos = i >= 0 ? i : at ? this.clampRef(at) : 0;
    this.emit(false);
  }

  /** The nearest position for a step that no longer exists: the last one of its leg, else the end. */
  private clampRef(at: StepRef): number {
    let best = -1;
    this.order.forEach((r, i) => {
      if (r.leg === at.leg && r.index <= at.index) best = i;
    });
    return best >= 0 ? best : Math.max(0, this.order.length - 1);
  }

  goto(pos: number, focus = false): void {
    if (!this.order.length) return;
    this.pos = Math.max(0, Math.min(pos, this.order.length - 1));
    this.emit(focus);
  }

  gotoRef(ref: StepRef, focus = false): void {
    const i = this.order.findIndex((r) => r.leg === ref.leg && r.index === ref.index);
    if (i >= 0) this.goto(i, focus);
  }

  step(delta: number, focus = false): void {
    this.pause();
    this.goto(this.pos + delta, focus);
  }

  play(): void {
    if (this.playing || this.order.length < 2) return;
    if (this.pos >= this.order.length - 1) this.goto(0);
    this.schedule();
    this.onPlaying(true);
  }

  pause(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.onPlaying(false);
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  setSpeed(speed: number): void {
    this.speed = speed;
    if (this.playing) {
      clearTimeout(this.timer);
      this.schedule();
    }
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.goto(this.pos + 1);
      if (this.pos < this.order.length - 1) this.schedule();
      else this.onPlaying(false);
    }, BASE_INTERVAL / this.speed);
  }

  private emit(focus: boolean): void {
    this.onMove(this.order[this.pos], this.pos, this.order.length, focus);
  }
}
