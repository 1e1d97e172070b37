import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { createFaultController } from '../../src/emulator/createFaultController.ts';
import { fetchToken, rejection, sdkClient, useEmulator } from './emulator-helpers.ts';

describe('emulator faults', () => {
  const emulator = useEmulator();
  const client = async () => sdkClient(emulator(), await fetchToken(emulator()));

  it('adds latency to every API request', async () => {
    const c = await client();
    emulator().faults.set({ latencyMs: 250 });
    const started = performance.now();
    await c.integrations.find();
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
    expect(emulator().store.requests.at(-1)?.durationMs).toBeGreaterThanOrEqual(240);
  });

  it('fails the next N requests with a status, then recovers', async () => {
    const c = await client();
    emulator().faults.addError({ status: 500, times: 2 });
    expect((await rejection(c.integrations.find())).data).toMatchObject({ type: 'internal', message: 'Internal server error' });
    expect((await rejection(c.connections.find())).data?.type).toBe('internal');
    await expect(c.integrations.find()).resolves.toMatchObject({ items: expect.any(Array) });
    expect(emulator().faults.get().errors).toEqual([]);
  });

  it('fails only requests matching a route pattern (with method and :param)', async () => {
    const c = await client();
    emulator().faults.addError({ status: 429, route: 'GET /integrations/:idOrKey' });
    expect((await rejection(c.integration('hubspot').get())).data).toMatchObject({ key: 'rate_limit_exceeded' });
    expect((await rejection(c.integration('slack').get())).data?.key).toBe('rate_limit_exceeded');
    await expect(c.integrations.find()).resolves.toBeTruthy();
    await expect(c.integration('slack').getConnectorSpec()).resolves.toBeTruthy();
    emulator().faults.set({ errors: [{ status: 403, route: '/connections/*', message: 'Plan limit reached' }] });
    expect((await rejection(c.connection('hubspot').get())).data).toEqual({
      type: 'bad_request',
      key: 'access_denied',
      message: 'Plan limit reached',
    });
    await expect(c.connections.find()).resolves.toBeTruthy();
  });

  it('answers 404 faults in Membrane shape', async () => {
    const c = await client();
    emulator().faults.addError({ status: 404, times: 1, route: '/self' });
    expect((await rejection(c.self.get())).data).toMatchObject({ type: 'bad_request', key: 'not_found' });
  });

  it('forces 401 not_authenticated on every authenticated request', async () => {
    const c = await client();
    emulator().faults.set({ unauthenticated: true });
    expect((await rejection(c.self.get())).data).toEqual({ type: 'bad_request', key: 'not_authenticated', message: 'Token expired' });
    emulator().faults.set({ unauthenticated: false });
    await expect(c.self.get()).resolves.toBeTruthy();
  });

  it('a 401 error fault for the next request only', async () => {
    const c = await client();
    emulator().faults.addError({ status: 401, times: 1 });
    expect((await rejection(c.self.get())).data?.key).toBe('not_authenticated');
    await expect(c.self.get()).resolves.toBeTruthy();
  });

  it('shortens token lifetimes from the token endpoint', async () => {
    emulator().faults.set({ tokenExpiresIn: 5 });
    const response = await fetch(emulator().tokenUrl, { method: 'POST' });
    const { token, expiresAt } = (await response.json()) as { token: string; expiresAt: string };
    const claims = decodeJwt(token);
    expect(claims.exp! - claims.iat!).toBe(5);
    expect(Date.parse(expiresAt)).toBe(claims.exp! * 1000);
  });

  it('tokens that expire after N seconds are then refused', async () => {
    emulator().faults.set({ tokenExpiresIn: 1 });
    const token = await fetchToken(emulator());
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect((await rejection(sdkClient(emulator(), token).self.get())).data?.message).toBe('Token expired');
  }, 10_000);

  it('is controllable over HTTP: GET, POST (merge), PUT (replace), DELETE', async () => {
    const url = `${emulator().url}/_emulator/faults`;
    const send = async (method: string, body?: unknown) => {
      const response = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    expect((await send('POST', { latencyMs: 10, consent: 'allow' })).body).toMatchObject({ latencyMs: 10, consent: 'allow' });
    expect((await send('POST', { unauthenticated: true })).body).toMatchObject({ latencyMs: 10, unauthenticated: true });
    expect((await send('PUT', { errors: [{ status: 503, times: 1 }] })).body).toMatchObject({
      latencyMs: 0,
      unauthenticated: false,
      errors: [{ status: 503, times: 1 }],
    });
    expect((await send('GET')).body).toEqual(emulator().faults.get());
    expect((await send('DELETE')).body).toMatchObject({ errors: [], latencyMs: 0, consent: 'manual' });
  });

  it('refuses bad fault settings with a 400 that names the field, and keeps the old ones', async () => {
    const url = `${emulator().url}/_emulator/faults`;
    emulator().faults.set({ latencyMs: 5 });
    for (const [body, pattern] of [
      [{ latencyMs: -1 }, /latencyMs/],
      [{ errors: [{ status: 200 }] }, /errors\[0\]\.status/],
      [{ errors: [{ status: 500, times: 0 }] }, /times/],
      [{ consent: 'maybe' }, /consent must be one of manual, allow, deny, fail/],
      [{ tokenExpiresIn: 0 }, /tokenExpiresIn/],
      [{ slowness: 1 }, /Unknown fault "slowness"/],
    ] as const) {
      for (const method of ['POST', 'PUT']) {
        const response = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        expect(response.status).toBe(400);
        expect(((await response.json()) as { message: string }).message).toMatch(pattern);
      }
    }
    expect(emulator().faults.get().latencyMs).toBe(5);
  });

  it('reset puts the store back to the seed and clears faults and the request log', async () => {
    const c = await client();
    await c.connection('hubspot').archive();
    emulator().faults.set({ latencyMs: 1 });
    expect(emulator().store.requests.length).toBeGreaterThan(0);
    const response = await fetch(`${emulator().url}/_emulator/reset`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(emulator().store.requests).toEqual([]);
    expect(emulator().faults.get().latencyMs).toBe(0);
    expect((await c.integration('hubspot').get()).connection).toMatchObject({ connected: true });
  });

  it('logs API requests (not the controls) with status and customer', async () => {
    const c = await client();
    await c.integrations.find({ limit: 3 });
    await rejection(c.integration('nope').get());
    const log = (await (await fetch(`${emulator().url}/_emulator/requests`)).json()) as Array<Record<string, unknown>>;
    expect(log.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
      'GET /integrations 200',
      'GET /integrations/nope 404',
    ]);
    expect(log[0]).toMatchObject({ query: { limit: '3' }, customerId: 'demo-customer' });
  });

  it('route patterns: * spans segments, a method prefix must match', () => {
    const faults = createFaultController({ errors: [{ status: 500, route: 'POST /connections/*' }] });
    expect(faults.takeError('GET', '/connections/abc')).toBeUndefined();
    expect(faults.takeError('POST', '/connections/abc/refresh-credentials')).toMatchObject({ status: 500 });
    expect(faults.takeError('POST', '/integrations')).toBeUndefined();
  });
});
