import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenManager } from './createTokenManager.js';
import { fetchTokenFromEndpoint } from './fetchTokenFromEndpoint.js';
import { TokenError } from './TokenError.js';
import { makeTokenAt } from './test-utils/makeJwt.js';
import { createTokenHandler } from '../../server/createTokenHandler.js';

const HOUR = 3_600_000;
const SERVER_TIME = '2020-01-01T00:00:00.000Z';
const HTTP_DATE = 'Wed, 01 Jan 2020 10:00:00 GMT';
const handler = createTokenHandler({
  credentials: { workspaceKey: 'workspace-key', workspaceSecret: 'a-workspace-secret-of-at-least-32-bytes' },
  getCustomer: () => ({ id: 'customer-1' }),
});

const token = makeTokenAt(Date.now(), 3_600_000);
const seen: { method: string; accept: string | undefined; csrf: string | undefined }[] = [];
let server: Server;
let base: string;

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/token': (_req, res) => json(res, 200, { token, expiresAt: new Date().toISOString() }),
  '/signed-out': (_req, res) => json(res, 401, { error: 'Not signed in' }),
  '/leaky-error': (_req, res) => json(res, 500, { error: `could not refresh ${token}` }),
  '/html': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>App</title>');
  },
  '/no-token': (_req, res) => json(res, 200, { jwt: token }),
  '/plain': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`${token}\n`);
  },
  '/json-string': (_req, res) => json(res, 200, token),
  '/with-server-time': (_req, res) => json(res, 200, { token, serverTime: SERVER_TIME }),
  '/dated': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', date: HTTP_DATE });
    res.end(JSON.stringify({ token }));
  },
  '/kit-handler': (req, res) => {
    void handler(new Request('http://127.0.0.1/kit-handler', { method: req.method ?? 'POST' })).then(async (answer) => {
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(await answer.text());
    });
  },
};

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    seen.push({ method: req.method ?? '', accept: req.headers.accept, csrf: req.headers['x-csrf'] as string | undefined });
    (routes[url.pathname] ?? ((_q, r) => json(r, 404, { error: 'Not found' })))(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function failure(promise: Promise<unknown>): Promise<TokenError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(TokenError);
  expect((error as TokenError).code).toBe('fetch_failed');
  expect((error as TokenError).message).not.toContain(token);
  return error as TokenError;
}

describe('fetchTokenFromEndpoint', () => {
  it('POSTs to the endpoint and resolves to its token', async () => {
    seen.length = 0;
    await expect(fetchTokenFromEndpoint(`${base}/token`)()).resolves.toMatchObject({ token });
    expect(seen).toEqual([{ method: 'POST', accept: 'application/json', csrf: undefined }]);
  });

  it('also accepts the token as plain text or as a JSON string', async () => {
    await expect(fetchTokenFromEndpoint(`${base}/plain`)()).resolves.toMatchObject({ token });
    await expect(fetchTokenFromEndpoint(`${base}/json-string`)()).resolves.toMatchObject({ token });
  });

  it("passes on the server's time: the body's serverTime first, else the Date header", async () => {
    await expect(fetchTokenFromEndpoint(`${base}/with-server-time`)()).resolves.toEqual({ token, serverTime: Date.parse(SERVER_TIME) });
    await expect(fetchTokenFromEndpoint(`${base}/dated`)()).resolves.toEqual({ token, serverTime: Date.parse(HTTP_DATE) });
  });

  it("with createTokenHandler, a token manager on a device clock 1 hour ahead still sees the token's true lifetime", async () => {
    const now = () => Date.now() + HOUR;
    const manager = createTokenManager({ fetchToken: fetchTokenFromEndpoint(`${base}/kit-handler`), now });
    await manager.getToken();
    const remaining = manager.getSnapshot().expiresAt! - now();
    // The handler signs 2-hour tokens by default; without the reference this device would see 1 hour.
    expect(Math.abs(remaining - 2 * HOUR)).toBeLessThan(5_000);
  });

  it('uses the method and headers given in init', async () => {
    seen.length = 0;
    await fetchTokenFromEndpoint(new URL(`${base}/token`), { method: 'get', headers: { 'x-csrf': 'abc' } })();
    expect(seen).toEqual([{ method: 'GET', accept: 'application/json', csrf: 'abc' }]);
  });

  it('feeds a token manager', async () => {
    const manager = createTokenManager({ fetchToken: fetchTokenFromEndpoint(`${base}/token`) });
    await expect(manager.getToken()).resolves.toBe(token);
  });

  it('explains a non-2xx answer, including the endpoint error text', async () => {
    const error = await failure(fetchTokenFromEndpoint(`${base}/signed-out?session=secret`)());
    expect(error.message).toBe(
      `The token endpoint POST ${base}/signed-out answered 401 Unauthorized ("Not signed in"). The user is probably not signed in to your app, or the endpoint does not recognise them.`,
    );
  });

  it('redacts a token echoed in an error body', async () => {
    const error = await failure(fetchTokenFromEndpoint(`${base}/leaky-error`)());
    expect(error.message).toContain('answered 500 Internal Server Error ("could not refresh [redacted token]")');
  });

  it('explains a 404', async () => {
    const error = await failure(fetchTokenFromEndpoint(`${base}/nope`)());
    expect(error.message).toMatch(/answered 404 Not Found \("Not found"\)\. Check the endpoint URL and HTTP method\./);
  });

  it('explains a body that is not JSON', async () => {
    const error = await failure(fetchTokenFromEndpoint(`${base}/html`)());
    expect(error.message).toMatch(/answered 200 with a body that is not JSON \(text\/html\)/);
  });

  it('explains JSON without a token field', async () => {
    const error = await failure(fetchTokenFromEndpoint(`${base}/no-token`)());
    expect(error.message).toMatch(/answered JSON without a non-empty string "token" field/);
  });

  it('explains an unreachable endpoint and keeps the cause', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failure(fetchTokenFromEndpoint(`http://127.0.0.1:${port}/token`)());
    expect(error.message).toMatch(/^Could not reach the token endpoint POST http:\/\/127\.0\.0\.1:\d+\/token: /);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('refuses a missing or empty url up front', () => {
    expect(() => fetchTokenFromEndpoint('')).toThrow(/url is empty/);
    expect(() => fetchTokenFromEndpoint(undefined as never)).toThrow(TypeError);
  });
});
