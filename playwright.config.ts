import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { e2eLive as live, e2ePort as port, simPort } from './e2e/env.ts';

/**
 * e2e runs the built app (TRIAGE_DIST, default dist/) behind the real gateway in demo mode.
 * Playwright cannot download browsers here: Debian's Chromium is used (toolchain.md), CHROMIUM_PATH overrides.
 */
/**
 * E2E_MODE=live runs the same suite against the gateway in *live* mode (credentials from the environment,
 * server/live-sim.ts) talking to a separately started simulator; its clock is reached on the simulator's own
 * origin (SIM_PORT), because a live gateway has no /api/sim.
 */
const chromium =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'e2e',
  // One output folder per gateway port, so parallel runs do not delete each other's traces.
  outputDir: `test-results/e2e-${port}`,
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: live ? 'node server/live-sim.ts' : 'node server/main.ts',
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      SIM_PORT: String(simPort),
      TRIAGE_ENV_FILE: '/dev/null',
      HOST: '127.0.0.1',
      TRIAGE_AUDIT_LOG: `test-results/audit-${port}.log`,
      // Requested work resolves within seconds in e2e; tests speed the clock up further where they need to.
      SIM_PENDING_MIN_MS: '3000',
      SIM_PENDING_MAX_MS: '8000',
      // Enough packages that the packages deep link (page 3 of 50, custom + success) has rows (e2e/packages.spec.ts).
      SIM_PACKAGES: '400',
    },
  },
});
