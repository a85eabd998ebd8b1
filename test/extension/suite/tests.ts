/**
 * What both extension-host runners share (./index.ts for a Node host, ../web/index.ts for a web
 * worker host): the test files in run order, and the run with the markers the E2E runner reads.
 * The bundles hold the test modules, so they are loaded with `require` once mocha's globals exist.
 */
export function loadTests(): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  require('./activation.ext');
  require('./diagnostics.ext');
  require('./features.ext');
  require('./panels.ext');
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/**
 * Whether a skipped test fails: under CI (CI set and not 'false'), as `.mocharc.cjs` has it for the
 * other suites. A machine that cannot build a panel's page may skip that test and say so; CI builds
 * everything and must run every test, so there a skip is mocha's "Pending test forbidden" failure.
 */
export function forbidPending(env: { readonly CI?: string | undefined }): boolean {
  return Boolean(env.CI) && env.CI !== 'false';
}

/**
 * Runs the loaded tests (`run` is mocha's run) between the markers `knetlab-suite-begin` and
 * `knetlab-suite-end`, for runners that read the suite's output among the workbench's own log lines;
 * rejects when a test failed.
 */
export function runMarked(run: (done: (failures: number) => void) => void): Promise<void> {
  console.log('knetlab-suite-begin');
  return new Promise((resolve, reject) => {
    run((failures) => {
      console.log('knetlab-suite-end');
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
  });
}
