import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  BadRequestError,
  IntegrationAppClient,
  InternalError,
  NotFoundError,
} from '@integration-app/sdk';
import { MembraneClient } from '@membranehq/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTokenManager } from '../../token/createTokenManager.js';
import { isTokenError, TokenError } from '../../token/TokenError.js';
import { generationOf, makeTokenAt } from '../../token/test-utils/makeJwt.js';
import { createKitClient } from './createKitClient.js';
import { getTokenManager } from './getTokenManager.js';

interface SeenRequest {
  method: string;
  path: string;
  generation: number | undefined;
  body: string;
}

/** Tokens carry a generation `g`; the server refuses generations below `minGeneration`. */
let minGeneration = 1;
const seen: SeenRequest[] = [];
let server: Server;
let apiUri: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const generation = generationOf(req.headers.authorization);
      seen.push({ method: req.method ?? '', path, generation, body });
      const json = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (path === '/plain-401') {
        res.writeHead(401, { 'content-type': 'text/plain' });
        res.end('Unauthorized');
        return;
      }
      if (generation === undefined || generation < minGeneration) {
        json(401, { type: 'bad_request', key: 'not_authenticated', message: 'Token expired' });
        return;
      }
      if (path === '/integrations') json(200, { items: [{ id: 'int-1', key: 'hubspot', name: 'HubSpot' }] });
      else if (path === '/connections' && req.method === 'POST') json(200, { id: 'conn-1', ...JSON.parse(body) });
      else if (path === '/forbidden') json(403, { type: 'bad_request', key: 'access_denied', message: 'No access' });
      else if (path === '/crash') json(500, { type: 'internal', message: 'Boom' });
      else if (path === '/html-500') {
        res.writeHead(500, { 'content-type': 'text/html' });
        res.end('<h1>Bad gateway</h1>');
      } else json(404, { type: 'bad_request', key: 'not_found', message: `Not found: ${path}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  minGeneration = 1;
  seen.length = 0;
});

function tokenSource() {
  let generation = 0;
  return vi.fn(async () => makeTokenAt(Date.now(), 3_600_000, { g: ++generation }));
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (reason: unknown) => reason,
  );
}

describe('createKitClient', () => {
  it('is an IntegrationAppClient that sends the manager token', async () => {
    const fetchToken = tokenSource();
    const client = createKitClient(IntegrationAppClient, { fetchToken }, { apiUri });
    expect(client).toBeInstanceOf(IntegrationAppClient);
    const result = (await client.integrations.find()) as { items: unknown[] };
    expect(result.items).toHaveLength(1);
    expect(seen).toEqual([{ method: 'GET', path: '/integrations', generation: 1, body: '' }]);
    expect(fetchToken).toHaveBeenCalledTimes(1);
  });

  it('on a 401, refreshes the token once and retries the request once', async () => {
    const fetchToken = tokenSource();
    const client = createKitClient(IntegrationAppClient, { fetchToken }, { apiUri });
    minGeneration = 2;
    const result = (await client.integrations.find()) as { items: unknown[] };
    expect(result.items).toHaveLength(1);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(seen.map((r) => r.generation)).toEqual([1, 2]);
    expect(client.token).toBe(await client.getToken());
  });

  it('retries a POST with the same body', async () => {
    const client = createKitClient(IntegrationAppClient, { fetchToken: tokenSource() }, { apiUri });
    minGeneration = 2;
    const created = await client.connections.create({ name: 'HubSpot', integrationId: 'int-1' });
    expect(created).toMatchObject({ id: 'conn-1', name: 'HubSpot', integrationId: 'int-1' });
    expect(seen.map((r) => [r.method, r.path, r.generation, r.body])).toEqual([
      ['POST', '/connections', 1, '{"name":"HubSpot","integrationId":"int-1"}'],
      ['POST', '/connections', 2, '{"name":"HubSpot","integrationId":"int-1"}'],
    ]);
  });

  it('also treats a bare HTTP 401 (no Membrane error body) as an expired token', async () => {
    const fetchToken = tokenSource();
    const client = createKitClient(IntegrationAppClient, { fetchToken }, { apiUri });
    const error = await rejectionOf(client.get('/plain-401'));
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(seen).toHaveLength(2);
    expect(isTokenError(error) && error.code).toBe('unauthorized');
  });

  it('surfaces a second 401 as a TokenError "unauthorized" whose cause is the SDK error', async () => {
    const fetchToken = tokenSource();
    const client = createKitClient(IntegrationAppClient, { fetchToken }, { apiUri });
    minGeneration = 99;
    const error = await rejectionOf(client.integrations.find({ search: 'hub' }));
    expect(error).toBeInstanceOf(TokenError);
    expect(error).toMatchObject({ name: 'TokenError', code: 'unauthorized' });
    const { cause, message } = error as TokenError;
    expect(cause).toBeInstanceOf(BadRequestError);
    expect((cause as BadRequestError).data).toMatchObject({ type: 'bad_request', key: 'not_authenticated' });
    expect(message).toMatch(/^The Membrane API refused GET \/integrations with 401 not_authenticated twice/);
    expect(message).not.toMatch(/eyJ/);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(seen).toHaveLength(2);
  });

  it('passes other errors through unchanged, without refreshing or retrying', async () => {
    const fetchToken = tokenSource();
    const client = createKitClient(IntegrationAppClient, { fetchToken }, { apiUri });
    const bare = new IntegrationAppClient({ apiUri, fetchToken: tokenSource() });
    for (const call of [
      (c: IntegrationAppClient) => c.integration('nope').get(),
      (c: IntegrationAppClient) => c.get('/forbidden'),
      (c: IntegrationAppClient) => c.get('/crash'),
    ]) {
      const fromKit = await rejectionOf(call(client));
      const fromSdk = await rejectionOf(call(bare));
      expect(fromKit).not.toBeInstanceOf(TokenError);
      expect(Object.getPrototypeOf(fromKit)).toBe(Object.getPrototypeOf(fromSdk));
      expect((fromKit as Error).message).toBe((fromSdk as Error).message);
      expect((fromKit as BadRequestError).data).toEqual((fromSdk as BadRequestError).data);
    }
    // The SDK picks the class by `type` only: a 404 not_found is a BadRequestError, not a NotFoundError.
    const notFound = await rejectionOf(client.integration('nope').get());
    expect(notFound).toBeInstanceOf(BadRequestError);
    expect(notFound).not.toBeInstanceOf(NotFoundError);
    expect((notFound as BadRequestError).data).toMatchObject({ key: 'not_found' });
    expect(await rejectionOf(client.get('/crash'))).toBeInstanceOf(InternalError);
    const raw = await rejectionOf(client.get('/html-500'));
    expect(raw).toMatchObject({ isAxiosError: true, response: { status: 500 } });
    expect(fetchToken).toHaveBeenCalledTimes(1);
    // 6 kit requests + 3 bare SDK requests, none repeated.
    expect(seen).toHaveLength(9);
  });

  it('shares one refresh between 50 concurrent requests refused with the same token', async () => {
    const fetchToken = tokenSource();
    const client = createKitClient(IntegrationAppClient, { fetchToken }, { apiUri });
    await client.getToken();
    minGeneration = 2;
    await Promise.all(Array.from({ length: 50 }, () => client.integrations.find()));
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(seen.filter((r) => r.generation === 1)).toHaveLength(50);
    expect(seen.filter((r) => r.generation === 2)).toHaveLength(50);
  });

  it('shares one fetchToken between 100 concurrent first requests', async () => {
    const fetchToken = tokenSource();
    const client = createKitClient(IntegrationAppClient, { fetchToken }, { apiUri });
    await Promise.all(Array.from({ length: 100 }, () => client.integrations.find()));
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(seen).toHaveLength(100);
  });

  it("routes the SDK's getToken (embed and connect flows) through the manager", async () => {
    const fetchToken = tokenSource();
    const client = createKitClient(IntegrationAppClient, { fetchToken }, { apiUri, uiUri: 'http://127.0.0.1:1/ui' });
    const token = await client.getToken();
    expect(token).toBe(await client.tokenManager.getToken());
    expect(client.token).toBe(token);
    const embed = await client.getEmbedUri('integrations/hubspot/connect', { allowMultipleConnections: '' });
    expect(embed).toBe(`http://127.0.0.1:1/ui/embed/integrations/hubspot/connect?token=${token}&allowMultipleConnections=`);
    expect(fetchToken).toHaveBeenCalledTimes(1);
  });

  it('can share an existing token manager between clients', async () => {
    const fetchToken = tokenSource();
    const tokenManager = createTokenManager({ fetchToken });
    const first = createKitClient(IntegrationAppClient, { tokenManager }, { apiUri });
    const second = createKitClient(IntegrationAppClient, { tokenManager }, { apiUri });
    await Promise.all([first.integrations.find(), second.integrations.find()]);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(first.tokenManager).toBe(tokenManager);
    expect(getTokenManager(second)).toBe(tokenManager);
  });

  it('exposes the manager, and getTokenManager returns undefined for a bare SDK client', () => {
    const client = createKitClient(IntegrationAppClient, { fetchToken: tokenSource() });
    expect(getTokenManager(client)).toBe(client.tokenManager);
    expect(Object.keys(client)).not.toContain('tokenManager');
    expect(getTokenManager(new IntegrationAppClient({ token: 'x' }))).toBeUndefined();
  });

  it("defaults to the SDK's public Membrane URLs", () => {
    const client = createKitClient(IntegrationAppClient, { fetchToken: tokenSource() });
    expect(client.apiUri).toBe('https://api.integration.app');
    expect(client.uiUri).toBe('https://ui.integration.app');
  });

  it('reports a token failure from the manager as is', async () => {
    const client = createKitClient(IntegrationAppClient, { tokenManager: createTokenManager({ fetchToken: async () => 'abc' }) }, { apiUri });
    await expect(client.integrations.find()).rejects.toMatchObject({ code: 'invalid_token' });
    expect(seen).toHaveLength(0);
  });

  it('refuses bad arguments with clear errors', () => {
    expect(() => createKitClient(IntegrationAppClient, {} as never)).toThrow(/pass \{ fetchToken \}/);
    expect(() => createKitClient(undefined as never, { fetchToken: tokenSource() })).toThrow(/MembraneClient from '@membranehq\/sdk' or IntegrationAppClient/);
    expect(() => createKitClient(IntegrationAppClient, undefined as never)).toThrow(TypeError);
    const tokenManager = createTokenManager({ fetchToken: tokenSource() });
    expect(() => createKitClient(IntegrationAppClient, { fetchToken: tokenSource(), tokenManager } as never)).toThrow(/not both/);
    expect(() => createKitClient(IntegrationAppClient, { tokenManager: {} } as never)).toThrow(/made by createTokenManager/);
    expect(() => createKitClient(IntegrationAppClient, { tokenManager }, { apiUri: '' })).toThrow(/apiUri must be a non-empty URL string/);
  });
});

describe('createKitClient with @membranehq/sdk 0.28', () => {
  it('is a MembraneClient that sends the manager token, and retries a 401 once with one shared refresh', async () => {
    const fetchToken = tokenSource();
    const client = createKitClient(MembraneClient, { fetchToken }, { apiUri });
    expect(client).toBeInstanceOf(MembraneClient);
    const page = await client.integrations.find();
    expect(page.items[0]).toMatchObject({ key: 'hubspot' });
    expect(seen.map((r) => r.generation)).toEqual([1]);

    minGeneration = 2;
    await Promise.all(Array.from({ length: 20 }, () => client.integrations.find()));
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(seen.filter((r) => r.generation === 1)).toHaveLength(21);
    expect(seen.filter((r) => r.generation === 2)).toHaveLength(20);
    expect(client.token).toBe(await client.tokenManager.getToken());
    expect(getTokenManager(client)).toBe(client.tokenManager);
  });

  it('ends a second 401 in TokenError unauthorized with the 0.28 error as cause, and no token in the message', async () => {
    const client = createKitClient(MembraneClient, { fetchToken: tokenSource() }, { apiUri });
    minGeneration = 99;
    const error = await rejectionOf(client.integrations.find());
    expect(isTokenError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'unauthorized' });
    expect((error as TokenError).cause).toMatchObject({ isMembraneError: true });
    expect((error as Error).message).not.toMatch(/eyJ/);
  });
});
