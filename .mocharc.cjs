// Mocha's settings for every test run. `.only` never passes; under CI (CI set) neither does a
// skipped test: a fresh machine without root or Chromium may skip what it cannot run and say so,
// but CI installs everything and must run every test.
const ci = Boolean(process.env.CI) && process.env.CI !== 'false';

module.exports = {
  'node-option': ['import=tsx'],
  extension: ['ts'],
  timeout: 20000,
  reporter: 'spec',
  'forbid-only': true,
  'forbid-pending': ci,
};
