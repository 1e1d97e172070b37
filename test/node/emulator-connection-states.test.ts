import { describe, expect, it } from 'vitest';
import { createEmulatorApp } from '../../src/emulator/createEmulatorApp.ts';
import { validateSeed } from '../../src/emulator/readSeedFile.ts';
import { createDefaultSeed } from '../../src/emulator/seed/createDefaultSeed.ts';
import { fetchToken, useEmulator } from './emulator-helpers.ts';

const HUBSPOT_CONNECTION = '65a1f0c2d4e5f60718293c01';

describe('putting a connection into each 0.28 state (control API and seed)', () => {
  const emulator = useEmulator();

  async function control(path: string, method = 'GET', json?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${emulator().apiUri}/_emulator${path}`, {
      method,
      ...(json === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
  async function connection(id = HUBSPOT_CONNECTION): Promise<Record<string, unknown>> {
    const response = await fetch(`${emulator().apiUri}/connections/${id}`, {
      headers: { authorization: `Bearer ${await fetchToken(emulator())}` },
    });
    return (await response.json()) as Record<string, unknown>;
  }

  it('CLIENT_ACTION_REQUIRED with a clientAction {type, description}', async () => {
    for (const type of ['connect', 'provide-input'] as const) {
      const clientAction = { type, description: type === 'connect' ? 'Sign in to HubSpot again.' : 'Choose a pipeline.' };
      const set = await control(`/connections/${HUBSPOT_CONNECTION}`, 'PATCH', { state: 'CLIENT_ACTION_REQUIRED', clientAction });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ state: 'CLIENT_ACTION_REQUIRED', clientAction, customerId: 'demo-customer' });
      expect(await connection()).toMatchObject({ state: 'CLIENT_ACTION_REQUIRED', clientAction });
    }
  });

  it('BUILDING, DISCONNECTING, CONFIGURATION_ERROR, SETUP_FAILED and READY; null goes back to the derived state', async () => {
    for (const state of ['BUILDING', 'DISCONNECTING', 'CONFIGURATION_ERROR', 'SETUP_FAILED', 'READY']) {
      expect((await control(`/connections/${HUBSPOT_CONNECTION}`, 'PATCH', { state })).status).toBe(200);
      const api = await connection();
      expect(api.state).toBe(state);
      expect(api).not.toHaveProperty('clientAction');
    }
    await control(`/connections/${HUBSPOT_CONNECTION}`, 'PATCH', { state: null });
    expect((await connection()).state).toBe('READY');
  });

  it('isDefunct, errors, requestError, disconnected/connected and the 1.14 error', async () => {
    const problem = { type: 'connection', key: 'invalid_scope', message: 'Scope missing: crm.objects.read' };
    await control(`/connections/${HUBSPOT_CONNECTION}`, 'PATCH', { errors: [problem], requestError: { message: 'HubSpot answered 429' } });
    expect(await connection()).toMatchObject({
      connected: true,
      errors: [problem],
      requestError: { type: 'connection', message: 'HubSpot answered 429' },
    });
    await control(`/connections/${HUBSPOT_CONNECTION}`, 'PATCH', { isDefunct: true });
    expect(await connection()).toMatchObject({ isDefunct: true, connected: false, disconnected: false });
    await control(`/connections/${HUBSPOT_CONNECTION}`, 'PATCH', { isDefunct: false, connected: false });
    expect(await connection()).toMatchObject({ isDefunct: false, connected: false, disconnected: true });
    await control(`/connections/${HUBSPOT_CONNECTION}`, 'PATCH', { disconnected: false, error: { message: 'Token refresh failed' } });
    expect(await connection()).toMatchObject({ connected: false, error: { message: 'Token refresh failed' }, errors: [problem] });
    await control(`/connections/${HUBSPOT_CONNECTION}`, 'PATCH', { errors: null, requestError: null, error: null });
    const cleared = await connection();
    expect(cleared).toMatchObject({ connected: true, errors: [] });
    expect(cleared).not.toHaveProperty('requestError');
    expect(cleared).not.toHaveProperty('error');
  });

  it('selects by integration key (the default customer, or ?customerId=) and lists every connection', async () => {
    const set = await control('/connections/salesforce', 'PATCH', { state: 'BUILDING' });
    expect(set.body).toMatchObject({ name: 'Salesforce', state: 'BUILDING', integration: { key: 'salesforce' } });
    expect((await control('/connections/salesforce?customerId=nobody', 'PATCH', { state: 'BUILDING' })).status).toBe(404);
    expect((await control('/connections/google-sheets', 'PATCH', { state: 'BUILDING' })).body.message).toContain('has no connection to Google Sheets');
    expect((await control('/connections/nope', 'PATCH', { state: 'BUILDING' })).status).toBe(404);
    const all = (await (await fetch(`${emulator().apiUri}/_emulator/connections`)).json()) as Array<Record<string, unknown>>;
    expect(all.map((item) => item.name).sort()).toEqual(['HubSpot', 'Salesforce', 'Slack']);
    expect((await control('/connections/slack')).body).toMatchObject({ name: 'Slack', connected: false });
  });

  it('refuses bad input with a 400 that names the problem, and changes nothing', async () => {
    const cases: Array<[unknown, string]> = [
      [{ state: 'BROKEN' }, 'state must be one of BUILDING, CLIENT_ACTION_REQUIRED'],
      [{ state: 'CLIENT_ACTION_REQUIRED' }, 'state CLIENT_ACTION_REQUIRED needs a clientAction'],
      [{ clientAction: { type: 'connect', description: 'x' } }, 'clientAction is only allowed with state CLIENT_ACTION_REQUIRED'],
      [{ state: 'CLIENT_ACTION_REQUIRED', clientAction: { type: 'login', description: 'x' } }, 'clientAction.type must be one of connect, provide-input'],
      [{ state: 'CLIENT_ACTION_REQUIRED', clientAction: { type: 'connect' } }, 'clientAction.description must be a non-empty string'],
      [{ isDefunct: 'yes' }, 'isDefunct must be true or false'],
      [{ errors: { message: 'x' } }, 'errors must be an array'],
      [{ errors: [{ type: 'connection' }] }, 'errors[0].message must be a non-empty string'],
      [{ requestError: 'boom' }, 'requestError must be an error object'],
      [{ connected: true, disconnected: true }, 'Give "connected" or "disconnected", not both'],
      [{ stat: 'READY' }, 'Unknown field "stat"'],
      [[1], 'must be a JSON object'],
    ];
    for (const [body, message] of cases) {
      const response = await control(`/connections/${HUBSPOT_CONNECTION}`, 'PATCH', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.message).toContain(message);
    }
    expect(await connection()).toMatchObject({ state: 'READY', connected: true, isDefunct: false, errors: [] });
  });

  it('leaving CLIENT_ACTION_REQUIRED drops the clientAction; a reconnect clears every status field', async () => {
    await control('/connections/hubspot', 'PATCH', { state: 'CLIENT_ACTION_REQUIRED', clientAction: { type: 'connect', description: 'Sign in again' } });
    await control('/connections/hubspot', 'PATCH', { state: 'BUILDING' });
    expect(emulator().store.connections.get(HUBSPOT_CONNECTION)?.clientAction).toBeUndefined();
    await control('/connections/hubspot', 'PATCH', {
      state: 'CLIENT_ACTION_REQUIRED',
      clientAction: { type: 'connect', description: 'Sign in again' },
      isDefunct: true,
      errors: [{ message: 'x' }],
      requestError: { message: 'y' },
    });
    const body = new URLSearchParams({
      payload: JSON.stringify({ token: await fetchToken(emulator()), connectionId: HUBSPOT_CONNECTION, requestId: 'r' }),
    });
    const consent = await (await fetch(`${emulator().apiUri}/connect`, { method: 'POST', body })).text();
    const consentId = /name="consentId" value="([^"]+)"/.exec(consent)?.[1] ?? '';
    await fetch(`${emulator().apiUri}/connect/consent`, { method: 'POST', body: new URLSearchParams({ consentId, decision: 'allow' }) });
    const repaired = await connection();
    expect(repaired).toMatchObject({ state: 'READY', connected: true, isDefunct: false, errors: [] });
    expect(repaired).not.toHaveProperty('clientAction');
    expect(repaired).not.toHaveProperty('requestError');
  });

  it('refresh-credentials refuses a defunct connection and clears errors/requestError of a live one', async () => {
    const refresh = async () =>
      fetch(`${emulator().apiUri}/connections/${HUBSPOT_CONNECTION}/refresh-credentials`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await fetchToken(emulator())}` },
      });
    await control('/connections/hubspot', 'PATCH', { errors: [{ message: 'x' }], requestError: { message: 'y' } });
    expect((await refresh()).status).toBe(200);
    expect(await connection()).toMatchObject({ errors: [] });
    await control('/connections/hubspot', 'PATCH', { isDefunct: true });
    const refused = await refresh();
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ type: 'connection', key: 'connection_is_defunct' });
  });

  it('reset puts the seed back', async () => {
    await control('/connections/hubspot', 'PATCH', { state: 'SETUP_FAILED' });
    await control('/reset', 'POST');
    expect((await connection()).state).toBe('READY');
  });
});

describe('seed connections may carry the 0.28 status fields', () => {
  const withStatus = (status: Record<string, unknown>) => {
    const seed = createDefaultSeed();
    Object.assign(seed.connections[0]!, status);
    return seed;
  };

  it('are validated by validateSeed with the control API rules', () => {
    expect(() => validateSeed(withStatus({ state: 'BUILDING', isDefunct: false, errors: [], requestError: { message: 'x' } }))).not.toThrow();
    expect(() => validateSeed(withStatus({ state: 'CLIENT_ACTION_REQUIRED' }))).toThrow(/connections\[0\]: state CLIENT_ACTION_REQUIRED needs a clientAction/);
    expect(() => validateSeed(withStatus({ state: 'nope' }))).toThrow(/connections\[0\]: state must be one of/);
    expect(() => validateSeed(withStatus({ errors: [{}] }))).toThrow(/connections\[0\]: errors\[0\]\.message/);
    expect(() => validateSeed(withStatus({ clientAction: { type: 'connect', description: 'x' } }))).toThrow(/only allowed with state CLIENT_ACTION_REQUIRED/);
  });

  it('are answered by the API', async () => {
    const clientAction = { type: 'provide-input', description: 'Pick a HubSpot portal.' };
    const app = createEmulatorApp({ seed: withStatus({ state: 'CLIENT_ACTION_REQUIRED', clientAction, requestError: { type: 'connection', message: 'x' } }) });
    const { token } = (await (await app.fetch(new Request('http://emulator.test/_emulator/token', { method: 'POST' }))).json()) as { token: string };
    const response = await app.fetch(new Request(`http://emulator.test/connections/${HUBSPOT_CONNECTION}`, { headers: { authorization: `Bearer ${token}` } }));
    expect(await response.json()).toMatchObject({ state: 'CLIENT_ACTION_REQUIRED', clientAction, requestError: { message: 'x' }, connected: true });
  });
});

describe('favicon', () => {
  const emulator = useEmulator();

  it('GET /favicon.ico answers a small SVG, outside the request log and faults', async () => {
    emulator().faults.set({ errors: [{ status: 500 }] });
    const response = await fetch(`${emulator().url}/favicon.ico`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('image/svg+xml');
    expect(await response.text()).toMatch(/^<svg /);
    expect(emulator().store.requests).toHaveLength(0);
  });

  it('emulator pages link an inline icon, so a base-path mount does not 404 either', async () => {
    const app = createEmulatorApp({ basePath: '/__membrane' });
    expect((await app.fetch(new Request('http://emulator.test/__membrane/favicon.ico'))).status).toBe(200);
    const body = new URLSearchParams({ payload: JSON.stringify({ integrationKey: 'hubspot' }) });
    const html = await (await app.fetch(new Request('http://emulator.test/__membrane/connect', { method: 'POST', body }))).text();
    expect(html).toContain('<link rel="icon" href="data:image/svg+xml,');
  });
});
