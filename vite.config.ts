import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// `npm run dev` proxies /api to a gateway in demo mode (scripts/dev.ts starts one on GATEWAY_PORT).
const gatewayPort = process.env.GATEWAY_PORT ?? '8787';

export default defineConfig({
  plugins: [react()],
  build: {
    // TRIAGE_DIST lets parallel builds (e2e, bench) use their own folder; the gateway reads the same variable.
    outDir: process.env.TRIAGE_DIST ?? 'dist',
    emptyOutDir: true,
    // bench/bundle.ts reads the chunk graph (entry, static imports, lazy routes) from .vite/manifest.json.
    manifest: true,
  },
  server: {
    proxy: { '/api': `http://127.0.0.1:${gatewayPort}`, '/auth': `http://127.0.0.1:${gatewayPort}` },
  },
  test: {
    globals: true,
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['src/test/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['server/**/*.test.ts', 'sim/**/*.test.ts', 'scripts/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
