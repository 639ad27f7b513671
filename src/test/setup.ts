import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { defaultRateLimit } from 'nuqs';
import { afterAll, afterEach } from 'vitest';
import { typingDebounceMs } from '../lib/typed-url-update.ts';

// Mantine reads these browser APIs; jsdom has neither (toolchain.md).
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;
window.HTMLElement.prototype.scrollIntoView ??= () => {};

afterEach(async () => {
  // nuqs writes URL updates on a later tick. One queued by a test's last keystroke must land while the window
  // still exists: after the file's last test it would run once jsdom is torn down and reject unhandled
  // ("window is not defined"), which fails the run although every test passed.
  await new Promise((resolve) => setTimeout(resolve, 20));
  cleanup();
  localStorage.clear();
});

// The same for typing: a typed filter's URL update is debounced (lib/typed-url-update.ts) and then passes
// nuqs' throttle. A file whose last test ends within that time of its last keystroke would flush after jsdom
// is gone (seen once in CI, file-retrievals-page.test.tsx, key `q`).
const typedUrlUpdateMs = typingDebounceMs + defaultRateLimit.timeMs;
afterAll(async () => {
  await new Promise((resolve) => setTimeout(resolve, typedUrlUpdateMs + 50));
});
