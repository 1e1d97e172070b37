import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenHandler } from './createTokenHandler.js';
import type { TokenResponseBody } from './createTokenHandler.js';
import { secretBytes, secretCredentials } from './test-utils/fixtures.js';

let server: ServerType;
let origin: string;

beforeAll(async () => {
  const membraneToken = createTokenHandler<Context>({
    credentials: secretCredentials,
    algorithm: 'HS512',
    // Stands in for a session middleware: the user comes from a cookie.
    getCustomer: (_request, c) => {
      const user = c.req.header('cookie')?.match(/session=([\w-]+)/)?.[1];
      return user ? { id: user, name: `User ${user}` } : null;
    },
  });
  const app = new Hono();
  app.all('/api/membrane-token', (c) => membraneToken(c.req.raw, c));
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      origin = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

describe('createTokenHandler behind a real Hono server on Node', () => {
  it('serves a verified token to a signed-in user over HTTP', async () => {
    const response = await fetch(`${origin}/api/membrane-token`, { headers: { cookie: 'session=u-99' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { token, expiresAt } = (await response.json()) as TokenResponseBody;
    const { payload } = await jwtVerify(token, secretBytes, { algorithms: ['HS512'] });
    expect(payload).toMatchObject({ id: 'u-99', name: 'User u-99' });
    expect(Date.parse(expiresAt)).toBe(payload.exp! * 1000);
  });

  it('answers 401 without a session and 405 to PUT', async () => {
    expect((await fetch(`${origin}/api/membrane-token`, { method: 'POST' })).status).toBe(401);
    const put = await fetch(`${origin}/api/membrane-token`, { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST');
  });
});
