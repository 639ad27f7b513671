import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/**
 * One HTTP exchange with a vendor, with a connect timeout and a response timeout (issue #8 "Upstream calls
 * have connect and response timeouts"). node:http/https rather than fetch so mutual TLS (Prisma) needs no
 * extra dependency and each vendor keeps its own keep-alive agent.
 */
export interface UpstreamRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: Uint8Array;
  connectTimeoutMs: number;
  responseTimeoutMs: number;
}

export interface UpstreamResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export class UpstreamError extends Error {
  readonly kind: 'timeout' | 'connect' | 'network' | 'tls';
  constructor(kind: UpstreamError['kind'], message: string) {
    super(message);
    this.name = 'UpstreamError';
    this.kind = kind;
  }
}

export interface UpstreamClient {
  send(request: UpstreamRequest): Promise<UpstreamResponse>;
  close(): void;
}

export interface TlsOptions {
  cert?: string;
  key?: string;
  ca?: string;
}

export function createUpstreamClient(tls: TlsOptions = {}): UpstreamClient {
  const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 16 });
  const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 16, ...tls });
  return {
    close: () => {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
    send: (upstream) =>
      new Promise((resolve, reject) => {
        const url = new URL(upstream.url);
        const secure = url.protocol === 'https:';
        const headers: Record<string, string> = { ...upstream.headers };
        if (upstream.body) headers['content-length'] = String(upstream.body.byteLength);
        const options = { method: upstream.method, headers, agent: secure ? httpsAgent : httpAgent };
        const req = secure ? httpsRequest(url, options) : httpRequest(url, options);
        let connected = false;
        const fail = (error: UpstreamError) => {
          req.destroy();
          reject(error);
        };
        const connectTimer = setTimeout(() => {
          if (!connected) fail(new UpstreamError('connect', `could not connect to ${url.host} in time`));
        }, upstream.connectTimeoutMs);
        const responseTimer = setTimeout(
          () => fail(new UpstreamError('timeout', `${url.host} did not answer in time`)),
          upstream.responseTimeoutMs,
        );
        const done = () => {
          clearTimeout(connectTimer);
          clearTimeout(responseTimer);
        };
        req.on('socket', (socket) => {
          // A reused keep-alive socket is already connected.
          if (!socket.connecting) connected = true;
          else socket.once(secure ? 'secureConnect' : 'connect', () => (connected = true));
        });
        req.on('response', (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            done();
            resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) });
          });
          res.on('error', (error) => {
            done();
            reject(new UpstreamError('network', error.message));
          });
        });
        req.on('error', (error: NodeJS.ErrnoException) => {
          done();
          // Only the error code: messages of TLS and DNS errors can carry the URL (and a legacy-path key).
          const tls = /SSL|TLS|CERT/.test(error.code ?? '');
          reject(
            new UpstreamError(tls ? 'tls' : 'network', `${url.host}: ${error.code ?? 'connection failed'}`),
          );
        });
        req.end(upstream.body);
      }),
  };
}
