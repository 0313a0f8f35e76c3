import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in real browsers: every *.e2e.ts file runs once in
// Debian's Chromium (playwright-core) and once in Debian's Firefox ESR (puppeteer-core over
// WebDriver BiDi). `--project chromium` or `--project firefox` runs one of them. Two files run at a
// time: much of a run is waiting on the browsers' own clocks (reminders due at the next minute),
// and each test has its own browser and profile.
const browserProject = (name: 'chromium' | 'firefox', extra: string[] = []) => ({
  extends: true as const,
  test: {
    name,
    include: ['tests/e2e/*.e2e.ts', ...extra],
    env: { LEADLINE_E2E_BROWSER: name },
  },
});

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  resolve: { alias: { '@': fileURLToPath(new URL('..', import.meta.url)) } },
  test: {
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A page reacting to a click takes longer on a busy 2-core machine, and longer over BiDi than CDP,
    // than expect.poll's default second; the drivers' own waits allow 10 s too.
    expect: { poll: { timeout: 10_000, interval: 100 } },
    projects: [browserProject('chromium'), browserProject('firefox', ['tests/e2e/firefox/*.e2e.ts'])],
  },
});
