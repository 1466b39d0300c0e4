// `npm run test:browser`: the tests that drive the explorer page in headless Chromium
// (Debian's chromium package at /usr/bin/chromium, or CHROMIUM_PATH). `npm test` skips them.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.browser.test.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  testTimeout: 180000,
};
