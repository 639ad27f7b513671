import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createUpstreamClient, UpstreamError } from './upstream.ts';

/**
 * The two timeouts of one vendor call (issue #8 "Upstream calls have connect and response timeouts"), against
 * a TCP server that accepts and then says nothing. Over https that is a connection that never finishes its
 * TLS handshake — the connect timeout; over http it is a vendor that never answers — the response timeout.
 */
let server: Server | undefined;
const sockets: Socket[] = [];

async function silentServer(): Promise<string> {
  server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await new Promise((resolve) => server?.close(resolve));
});

async function failure(url: string, connectTimeoutMs: number, responseTimeoutMs: number) {
  const client = createUpstreamClient();
  try {
    await client.send({ url, method: 'GET', headers: {}, connectTimeoutMs, responseTimeoutMs });
  } catch (error) {
    return error as UpstreamError;
  } finally {
    client.close();
  }
  throw new Error('the call succeeded');
}

describe('upstream timeouts', () => {
  it('gives up on a connection whose TLS handshake never finishes after the connect timeout', async () => {
    const host = await silentServer();
    const error = await failure(`https://${host}/secret/path?key=abc`, 150, 5_000);
    expect(error).toBeInstanceOf(UpstreamError);
    // 'connect': the connect timeout ended it, not the response timeout ('timeout').
    expect(error.kind).toBe('connect');
    expect(error.message).toBe(`could not connect to ${host} in time`);
  });

  it('gives up on a connected vendor that never answers after the response timeout', async () => {
    const host = await silentServer();
    const error = await failure(`http://${host}/secret/path?key=abc`, 5_000, 200);
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(`${host} did not answer in time`);
    expect(error.message).not.toContain('secret');
  });
});
