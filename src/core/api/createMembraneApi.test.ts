import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { isKitError, type KitError } from '../errors/KitError.js';
import { createTokenManager } from '../token/createTokenManager.js';
import { generationOf, makeTokenAt } from '../token/test-utils/makeJwt.js';
import { isTokenError } from '../token/TokenError.js';
import { createMembraneApi } from './createMembraneApi.js';
import { MEMBRANE_API_VERSION } from './MEMBRANE_API_VERSION.js';
import { MembraneHttpError } from './MembraneHttpError.js';

interface Seen {
  method: string;
  url: string;
  generation: number | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

let minGeneration = 1;
const seen: Seen[] = [];
let server: Server;
let apiUri: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const url = req.url ?? '/';
      const path = new URL(url, 'http://127.0.0.1').pathname;
      const generation = generationOf(req.headers.authorization);
      seen.push({ method: req.method ?? '', url, generation, headers: req.headers, body });
      const json = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (generation === undefined || generation < minGeneration) {
        json(401, { type: 'bad_request', key: 'not_authenticated', message: 'Token expired' });
        return;
      }
      if (path === '/integrations') json(200, { items: [{ id: 'int-1', key: 'hubspot', name: 'HubSpot' }], cursor: 'c2' });
      else if (path === '/integrations/hub%20spot') json(200, { id: 'int-2', key: 'hub spot', name: 'Spaced' });
      else if (path === '/integrations/hubspot/disconnect' && req.method === 'POST') json(200, { id: 'int-1' });
      else if (path === '/connections/conn%201' && req.method === 'PATCH') json(200, { id: 'conn 1', ...(JSON.parse(body || '{}') as object) });
      else if (path === '/connections/conn-1' && req.method === 'DELETE') {
        res.writeHead(204);
        res.end();
      } else if (path === '/crash') json(500, { type: 'internal', message: 'Boom' });
      else if (path === '/html-502') {
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end('<h1>Bad gateway</h1>');
      } else if (path === '/limited') json(429, { type: 'bad_request', key: 'rate_limit_exceeded', message: 'Slow down' });
      else if (path === '/connection-options' && req.method === 'POST') {
        const target = JSON.parse(body || '{}') as { integrationKey?: string };
        if (target.integrationKey === 'object-answer') json(200, { items: [{ key: 'oauth', type: 'oauth2' }] });
        else json(200, [{ key: 'oauth', type: 'oauth2', title: 'OAuth' }, { key: 'cc', type: 'client-credentials' }, 'junk']);
      } else if (path === '/echo') json(200, { got: JSON.parse(body || 'null') });
      else if (path === '/slow') setTimeout(() => json(200, {}), 2_000);
      else json(404, { type: 'bad_request', key: 'not_found', message: `Not found: ${path}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  minGeneration = 1;
  seen.length = 0;
});

function setup() {
  let generation = 0;
  const tokens: string[] = [];
  const fetchToken = vi.fn(async () => {
    const token = makeTokenAt(Date.now(), 3_600_000, { g: ++generation });
    tokens.push(token);
    return token;
  });
  const tokenManager = createTokenManager({ fetchToken });
  return { api: createMembraneApi({ apiUri, tokenManager }), fetchToken, tokens };
}

async function failure(promise: Promise<unknown>): Promise<KitError> {
  const reason = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (caught: unknown) => caught,
  );
  expect(isKitError(reason)).toBe(true);
  return reason as KitError;
}

describe('createMembraneApi', () => {
  it('sends the token, the membrane-api-version header and the query, and returns the JSON', async () => {
    const { api } = setup();
    const page = await api.listIntegrations({ search: 'hub', limit: 20, cursor: undefined });
    expect(page).toEqual({ items: [{ id: 'int-1', key: 'hubspot', name: 'HubSpot' }], cursor: 'c2' });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('/integrations?search=hub&limit=20');
    expect(seen[0]?.headers['membrane-api-version']).toBe(MEMBRANE_API_VERSION);
    expect(seen[0]?.generation).toBe(1);
    expect(api.apiUri).toBe(apiUri.replace(/\/$/, ''));
  });

  it('encodes keys in paths and sends JSON bodies', async () => {
    const { api } = setup();
    await expect(api.getIntegration('hub spot')).resolves.toMatchObject({ key: 'hub spot' });
    await expect(api.request('POST', '/echo', { body: { a: 1 } })).resolves.toEqual({ got: { a: 1 } });
    expect(seen[1]?.headers['content-type']).toBe('application/json');
  });

  it('disconnects an integration and archives a connection (empty answers resolve)', async () => {
    const { api } = setup();
    await expect(api.disconnectIntegration('hubspot')).resolves.toBeUndefined();
    await expect(api.archiveConnection('conn-1')).resolves.toBeUndefined();
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /integrations/hubspot/disconnect', 'DELETE /connections/conn-1']);
  });

  it('renames a connection with PATCH /connections/{id} and a trimmed JSON name; refuses empty and over-long names before any request', async () => {
    const { api } = setup();
    await expect(api.patchConnection('conn 1', { name: '  Sales team ' })).resolves.toEqual({ id: 'conn 1', name: 'Sales team' });
    expect(seen.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual(['PATCH /connections/conn%201 {"name":"Sales team"}']);
    expect(seen[0]?.headers['content-type']).toBe('application/json');
    const empty = await failure(api.patchConnection('conn 1', { name: '   ' }));
    expect(empty.code).toBe('invalid_parameters');
    expect(empty.message).toMatch(/must not be empty/);
    const long = await failure(api.patchConnection('conn 1', { name: 'x'.repeat(121) }));
    expect(long.message).toMatch(/at most 120 characters; this one has 121/);
    expect((await failure(api.patchConnection('', { name: 'ok' }))).message).toContain('connectionId must be a non-empty string');
    expect(seen).toHaveLength(1);
  });

  it('on a 401 refreshes the token once and retries once', async () => {
    const { api, fetchToken } = setup();
    await api.getSelf().catch(() => undefined); // primes token 1
    seen.length = 0;
    minGeneration = 2;
    await expect(api.listIntegrations()).resolves.toMatchObject({ cursor: 'c2' });
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(seen.map((r) => r.generation)).toEqual([1, 2]);
  });

  it('shares one refresh between 20 concurrent requests refused with the same token', async () => {
    const { api, fetchToken } = setup();
    await api.listIntegrations();
    minGeneration = 2;
    await Promise.all(Array.from({ length: 20 }, () => api.listIntegrations()));
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('a second 401 becomes KitError auth whose cause is TokenError unauthorized, without the token in the text', async () => {
    const { api, tokens } = setup();
    minGeneration = 99;
    const error = await failure(api.listIntegrations());
    expect(error.code).toBe('auth');
    expect(isTokenError(error.cause)).toBe(true);
    expect(seen).toHaveLength(2);
    for (const token of tokens) {
      expect(error.message).not.toContain(token);
      expect(String((error.cause as Error).message)).not.toContain(token);
    }
  });

  it('asks POST /connection-options with a JSON body, the Bearer token and the version header', async () => {
    const { api, tokens } = setup();
    await expect(api.getConnectionOptions({ integrationId: 'int-1' })).resolves.toEqual([
      { key: 'oauth', type: 'oauth2', title: 'OAuth' },
      { key: 'cc', type: 'client-credentials' },
    ]);
    await api.getConnectionOptions({ connectionId: 'conn-1', connectorParameters: { region: 'eu' } });
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /connection-options', 'POST /connection-options']);
    expect(seen[0]?.body).toBe('{"integrationId":"int-1"}');
    expect(seen[1]?.body).toBe('{"connectionId":"conn-1","connectorParameters":{"region":"eu"}}');
    expect(seen[0]?.headers['content-type']).toBe('application/json');
    expect(seen[0]?.headers['membrane-api-version']).toBe(MEMBRANE_API_VERSION);
    expect(seen[0]?.headers.authorization).toBe(`Bearer ${tokens[0]}`);
  });

  it('rejects a /connection-options answer that is not an array as KitError server, and a request without a target', async () => {
    const { api } = setup();
    const notArray = await failure(api.getConnectionOptions({ integrationKey: 'object-answer' }));
    expect(notArray.code).toBe('server');
    expect(notArray.message).toContain('instead of a list of connection options');
    const noTarget = await failure(api.getConnectionOptions({}));
    expect(noTarget.code).toBe('invalid_parameters');
    expect(seen).toHaveLength(1);
  });

  it('maps HTTP errors to KitError codes, keeping status and Membrane body', async () => {
    const { api } = setup();
    const crash = await failure(api.request('GET', '/crash'));
    expect(crash).toMatchObject({ code: 'server', status: 500, message: 'Boom' });
    expect(crash.cause).toBeInstanceOf(MembraneHttpError);
    const notFound = await failure(api.getIntegration('nope'));
    expect(notFound).toMatchObject({ code: 'invalid_parameters', status: 404 });
    const limited = await failure(api.request('GET', '/limited'));
    expect(limited.code).toBe('rate_limited');
    const gateway = await failure(api.request('GET', '/html-502'));
    expect(gateway).toMatchObject({ code: 'server', status: 502 });
    expect(gateway.message).toContain('GET /html-502');
    expect(seen.filter((r) => r.url === '/crash')).toHaveLength(1); // no retry for non-401
  });

  it('reports an unreachable API as network and an aborted request as cancelled', async () => {
    const tokenManager = createTokenManager({ fetchToken: async () => makeTokenAt(Date.now(), 3_600_000, { g: 1 }) });
    const unreachable = createMembraneApi({ apiUri: 'http://127.0.0.1:9', tokenManager });
    expect((await failure(unreachable.listIntegrations())).code).toBe('network');
    const { api } = setup();
    const controller = new AbortController();
    const pending = api.request('GET', '/slow', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await failure(pending)).code).toBe('cancelled');
  });

  it('reports a token failure as auth without calling the API', async () => {
    const tokenManager = createTokenManager({
      fetchToken: async () => {
        throw new Error('backend down');
      },
      maxAttempts: 1,
    });
    const api = createMembraneApi({ apiUri, tokenManager });
    expect((await failure(api.listIntegrations())).code).toBe('auth');
    expect(seen).toHaveLength(0);
  });

  it('refuses bad arguments with clear errors', async () => {
    const { api } = setup();
    const empty = await failure(api.getIntegration(''));
    expect(empty.code).toBe('invalid_parameters');
    expect(empty.message).toContain('integrationKey must be a non-empty string');
    expect(() => createMembraneApi({ apiUri: '', tokenManager: setup().api.tokenManager })).toThrow(/apiUri must be a non-empty URL/);
    expect(() => createMembraneApi({ apiUri, tokenManager: {} as never })).toThrow(/tokenManager must be a TokenManager/);
    expect(seen).toHaveLength(0);
  });
});
