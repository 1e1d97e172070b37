import { describe, expect, it } from 'vitest';
import { createTeamsSeed } from '../../src/emulator/seed/createTeamsSeed.ts';
import { startEmulator } from '../../src/emulator/startEmulator.ts';
import { fetchToken, useEmulator } from './emulator-helpers.ts';

type Json = Record<string, unknown> & { id: string; name: string };

const HUBSPOT_CONNECTION = '65a1f0c2d4e5f60718293c01';

describe('emulator: several accounts of one app per customer', () => {
  const emulator = useEmulator();

  async function rest(path: string, init: { method?: string; json?: unknown } = {}): Promise<{ status: number; body: Json & { items?: Json[]; connection?: Json } }> {
    const response = await fetch(`${emulator().apiUri}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${await fetchToken(emulator())}`, ...(init.json === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
    });
    return { status: response.status, body: (await response.json()) as Json & { items?: Json[]; connection?: Json } };
  }

  /** What the prebuilt UI's form (embed and `/screens` pages) submits. */
  const uiConnect = (body: Record<string, unknown>) => rest('/ui/api/connect', { method: 'POST', json: body });

  /** SDK 0.28's popup form, then Allow on the consent page. */
  async function popupConnect(payload: Record<string, unknown>): Promise<Json> {
    const form = new URLSearchParams({ payload: JSON.stringify({ token: await fetchToken(emulator()), requestId: 'rq', ...payload }) });
    const consent = await (await fetch(`${emulator().apiUri}/connect`, { method: 'POST', body: form, redirect: 'manual' })).text();
    const consentId = /name="consentId" value="([^"]+)"/.exec(consent)?.[1];
    const action = /action="([^"]+)"/.exec(consent)?.[1];
    if (!consentId || !action) throw new Error(`Not a consent page:\n${consent}`);
    const result = await (await fetch(action, { method: 'POST', body: new URLSearchParams({ consentId, decision: 'allow' }) })).text();
    const message = /var m=(\{.*?\});var t=/.exec(result)?.[1];
    if (!message) throw new Error(`No posted message in:\n${result}`);
    return (JSON.parse(message) as { connection: Json }).connection;
  }

  const hubspotNames = () =>
    emulator()
      .store.findConnections({ integrationKey: 'hubspot' })
      .map((connection) => connection.name)
      .sort();

  it('with allowMultipleConnections each connect route makes a new connection, named after a distinct account', async () => {
    const viaPopup = await popupConnect({ integrationKey: 'hubspot', allowMultipleConnections: true });
    const viaUi = (await uiConnect({ integration: 'hubspot', allowMultipleConnections: true })).body;
    const viaRest = await rest('/connections', { method: 'POST', json: { integrationKey: 'hubspot' } });
    expect(viaRest.status).toBe(201);
    expect(viaPopup.name).toBe('HubSpot · acme-eu.com (ops@acme-eu.com)');
    expect(viaUi.name).toBe('HubSpot · acme-us.com (sam@acme-us.com)');
    expect(viaRest.body.name).toBe('HubSpot · acme-uk.com (lee@acme-uk.com)');
    expect(viaRest.body.meta).toEqual({ account: { email: 'lee@acme-uk.com', domain: 'acme-uk.com' } });
    expect(new Set([viaPopup.id, viaUi.id, viaRest.body.id, HUBSPOT_CONNECTION]).size).toBe(4);
    expect(hubspotNames()).toHaveLength(4);
    expect(new Set(hubspotNames()).size).toBe(4);
  });

  it('without allowMultipleConnections the connection the integration shows is re-authenticated, keeping its name', async () => {
    await rest(`/connections/${HUBSPOT_CONNECTION}`, { method: 'PATCH', json: { name: 'Sales HubSpot' } });
    const viaPopup = await popupConnect({ integrationKey: 'hubspot' });
    const viaUi = (await uiConnect({ integration: 'hubspot' })).body;
    expect(viaPopup).toMatchObject({ id: HUBSPOT_CONNECTION, name: 'Sales HubSpot' });
    expect(viaUi).toMatchObject({ id: HUBSPOT_CONNECTION, name: 'Sales HubSpot' });
    expect(hubspotNames()).toEqual(['Sales HubSpot']);
    // REST create without the flag also reconnects (0.28's POST /connections defaults to a new one).
    const viaRest = await rest('/connections', { method: 'POST', json: { integrationKey: 'hubspot', allowMultipleConnections: false } });
    expect(viaRest.body.id).toBe(HUBSPOT_CONNECTION);
  });

  it('takes the account from the input where it names one, and numbers repeats of the same account', async () => {
    const input = { subdomain: 'acme', email: 'help@acme.test', apiToken: 'zendesk-token-1' };
    const first = (await uiConnect({ integration: 'zendesk', parameters: input, allowMultipleConnections: true })).body;
    const second = (await uiConnect({ integration: 'zendesk', parameters: input, allowMultipleConnections: true })).body;
    expect(first.name).toBe('Zendesk · acme.zendesk.com (help@acme.test)');
    expect(second.name).toBe('Zendesk · acme.zendesk.com (help@acme.test) #2');
    expect(JSON.stringify([first, second])).not.toContain('zendesk-token-1');
  });

  it('PATCH and PUT rename a connection; GET /connections and GET /integrations show the new name', async () => {
    const patched = await rest(`/connections/${HUBSPOT_CONNECTION}`, { method: 'PATCH', json: { name: '  HubSpot (sales)  ' } });
    expect(patched.body.name).toBe('HubSpot (sales)');
    const listed = (await rest('/connections?integrationKey=hubspot')).body.items ?? [];
    expect(listed.map((item) => item.name)).toEqual(['HubSpot (sales)']);
    const put = await rest(`/connections/${HUBSPOT_CONNECTION}`, { method: 'PUT', json: { name: 'HubSpot (marketing)' } });
    expect(put.body.name).toBe('HubSpot (marketing)');
    const integrations = (await rest('/integrations')).body.items ?? [];
    expect((integrations.find((item) => item.key === 'hubspot')?.connection as Json | undefined)?.name).toBe('HubSpot (marketing)');
    expect((await rest(`/connections/${HUBSPOT_CONNECTION}`, { method: 'PATCH', json: { name: ' ' } })).status).toBe(400);
  });

  it('integration.connection is the most recently updated healthy connection, else the most recent one', async () => {
    const second = (await uiConnect({ integration: 'hubspot', allowMultipleConnections: true })).body;
    expect((await rest('/integrations/hubspot')).body.connection?.id).toBe(second.id);
    // The newer account breaks: the older healthy one is shown.
    emulator().store.updateConnection(second.id, { state: 'CLIENT_ACTION_REQUIRED', clientAction: { type: 'connect', description: 'Sign in again.' } });
    expect((await rest('/integrations/hubspot')).body.connection?.id).toBe(HUBSPOT_CONNECTION);
    // Both broken: the most recently updated.
    emulator().store.updateConnection(HUBSPOT_CONNECTION, { disconnected: true });
    expect((await rest('/integrations/hubspot')).body.connection?.id).toBe(HUBSPOT_CONNECTION);
    // Archiving it leaves the other.
    await rest(`/connections/${HUBSPOT_CONNECTION}`, { method: 'DELETE' });
    expect((await rest('/integrations/hubspot')).body.connection?.id).toBe(second.id);
  });
});

describe('createTeamsSeed', () => {
  it('gives Acme Inc. two HubSpot accounts, one healthy and one needing a new sign-in; the healthy one is the integration\'s', async () => {
    const emulator = await startEmulator({ port: 0, seed: createTeamsSeed() });
    try {
      const token = await fetchToken(emulator);
      const get = async (path: string) =>
        (await (await fetch(`${emulator.apiUri}${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as Json & { items?: Json[]; connection?: Json };
      const hubspot = (await get('/connections?integrationKey=hubspot')).items ?? [];
      expect(hubspot.map(({ name, state, connected }) => ({ name, state, connected }))).toEqual([
        { name: 'HubSpot · acme-eu.com (ops@acme-eu.com)', state: 'CLIENT_ACTION_REQUIRED', connected: true },
        { name: 'HubSpot · acme.com (jane@acme.com)', state: 'READY', connected: true },
      ]);
      expect(hubspot[0]).toMatchObject({ clientAction: { type: 'connect' }, meta: { account: { email: 'ops@acme-eu.com' } } });
      expect((await get('/integrations/hubspot')).connection?.name).toBe('HubSpot · acme.com (jane@acme.com)');
      expect(((await get('/connections')).items ?? []).map((item) => item.name)).toEqual(expect.arrayContaining(['Salesforce', 'Slack']));
    } finally {
      await emulator.close();
    }
  });
});
