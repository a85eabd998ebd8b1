/** vscode.tests: test controllers, items and runs, recorded. */
import type { Range, TestMessage, Uri } from './types';

export const testRuns: FakeTestRun[] = [];

class Collection {
  private readonly map = new Map<string, FakeTestItem>();
  constructor(private readonly owner?: FakeTestItem) {}
  get size() {
    return this.map.size;
  }
  replace(items: FakeTestItem[]) {
    this.map.clear();
    for (const i of items) this.add(i);
  }
  add(i: FakeTestItem) {
    i.parent = this.owner;
    this.map.set(i.id, i);
  }
  get(id: string) {
    return this.map.get(id);
  }
  forEach(f: (i: FakeTestItem) => void) {
    this.map.forEach((i) => f(i));
  }
}
export class FakeTestItem {
  parent?: FakeTestItem;
  range?: Range;
  canResolveChildren = false;
  readonly children: Collection = new Collection(this);
  constructor(
    readonly id: string,
    readonly label: string,
    readonly uri?: Uri,
  ) {}
}
export class FakeTestRun {
  readonly results = new Map<string, { state: string; messages: TestMessage[] }>();
  ended = false;
  started(i: FakeTestItem) {
    this.results.set(i.id, { state: 'started', messages: [] });
  }
  passed(i: FakeTestItem) {
    this.results.set(i.id, { state: 'passed', messages: [] });
  }
  failed(i: FakeTestItem, m: TestMessage | TestMessage[]) {
    this.results.set(i.id, { state: 'failed', messages: Array.isArray(m) ? m : [m] });
  }
  errored(i: FakeTestItem, m: TestMessage | TestMessage[]) {
    this.results.set(i.id, { state: 'errored', messages: Array.isArray(m) ? m : [m] });
  }
  /** What appendOutput wrote, with its place and test. */
  readonly output: { text: string; location?: unknown; test?: FakeTestItem }[] = [];
  appendOutput(text: string, location?: unknown, test?: FakeTestItem) {
    this.output.push({ text, location, test });
  }
  end() {
    this.ended = true;
  }
}
export class TestRunRequest {
  constructor(
    readonly include?: FakeTestItem[],
    readonly exclude?: FakeTestItem[],
  ) {}
}
export const controllers: {
  id: string;
  items: Collection;
  runHandler?: (r: TestRunRequest, t: unknown) => Promise<void>;
  resolveHandler?: (i?: FakeTestItem) => Promise<void>;
}[] = [];
export const tests = {
  createTestController(id: string) {
    const c = {
      id,
      items: new Collection(),
      resolveHandler: undefined as undefined | ((i?: FakeTestItem) => Promise<void>),
      refreshHandler: undefined as unknown,
      runHandler: undefined as undefined | ((r: TestRunRequest, t: unknown) => Promise<void>),
      createTestItem: (iid: string, label: string, uri?: Uri) => new FakeTestItem(iid, label, uri),
      createRunProfile(_l: string, _k: number, handler: (r: TestRunRequest, t: unknown) => Promise<void>) {
        c.runHandler = handler;
        return { dispose() {} };
      },
      createTestRun() {
        const r = new FakeTestRun();
        testRuns.push(r);
        return r;
      },
      dispose() {},
    };
    controllers.push(c);
    return c;
  },
};

/** Resets the fake between tests. */
