import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';

/** A free loopback port (the redirect URL must name the gateway's port before the gateway starts). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A browser's cookie handling, as far as these tests need it: one jar for 127.0.0.1 (browsers share cookies
 * across ports of a host), redirects followed by hand so every Set-Cookie on the way is kept.
 */
export function createBrowser() {
  const jar = new Map<string, string>();
  /** Every Set-Cookie line received, attributes included. */
  const setCookies: string[] = [];
  const store = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      setCookies.push(line);
      const [pair = '', ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const gone = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (gone) jar.delete(name);
      else jar.set(name, value);
    }
  };
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

  async function send(url: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set('cookie', cookieHeader());
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    store(response);
    return response;
  }

  /** Follows redirects like a browser (303/302 become GET); returns the last response and where it was. */
  async function navigate(start: string, init: RequestInit = {}) {
    let url = start;
    let current = init;
    for (let hop = 0; hop < 20; hop++) {
      const response = await send(url, current);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { response, url };
      await response.body?.cancel();
      url = new URL(location, url).href;
      current = {};
    }
    throw new Error(`too many redirects from ${start}`);
  }

  return { jar, setCookies, send, navigate, cookie: (name: string) => jar.get(name) };
}

export type TestBrowser = ReturnType<typeof createBrowser>;
