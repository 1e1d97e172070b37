import { describe, expect, it } from 'vitest';
import { fetchToken, rejection, sdkClient, useEmulator } from './emulator-helpers.ts';

describe('emulator REST API through the official SDK', () => {
  const emulator = useEmulator();
  const client = async (body: Record<string, unknown> = {}) => sdkClient(emulator(), await fetchToken(emulator(), body));

  it('GET /self answers the default customer', async () => {
    const self = await (await client()).self.get();
    expect(self).toMatchObject({ internalId: 'demo-customer', name: 'Acme Inc.', fields: { plan: 'pro' }, isTest: false });
    expect(self.id).toMatch(/^[0-9a-f]{24}$/);
  });

  it('creates a customer the first time its id is seen and updates its name from later tokens', async () => {
    const first = await (await client({ customerId: 'cust-42', name: 'Globex' })).self.get();
    expect(first).toMatchObject({ internalId: 'cust-42', name: 'Globex' });
    const again = await (await client({ customerId: 'cust-42', name: 'Globex Corp', fields: { tier: 'gold' } })).self.get();
    expect(again).toMatchObject({ id: first.id, name: 'Globex Corp', fields: { tier: 'gold' } });
    expect([...emulator().store.customers.values()].filter((c) => c.internalId === 'cust-42')).toHaveLength(1);
  });

  it('PATCH /self stores credentials (SDK `credentials` option)', async () => {
    const c = await client();
    await c.self.patch({ credentials: { apiKey: 'k' } });
    expect(emulator().store.findCustomer('demo-customer')?.credentials).toEqual({ apiKey: 'k' });
  });

  it('lists integrations with the current customer connection, paginated by cursor', async () => {
    const c = await client();
    const page = await c.integrations.find({ limit: 5 });
    expect(page.items).toHaveLength(5);
    expect(page.cursor).toBe('5');
    const byKey = Object.fromEntries(page.items.map((integration) => [integration.key, integration]));
    expect(byKey.hubspot?.connection).toMatchObject({ connected: true, disconnected: false, state: 'READY' });
    expect(byKey.salesforce?.connection).toMatchObject({ connected: false, disconnected: true });
    expect(byKey.slack?.connection?.error).toEqual({
      type: 'connection',
      key: 'access_token_revoked',
      message: 'The access token was revoked by the user',
    });
    expect(byKey['google-sheets']?.connection).toBeUndefined();
    const last = await c.integrations.find({ limit: 5, cursor: '15' });
    expect(last.items).toHaveLength(1);
    expect(last.cursor).toBeUndefined();
  });

  it('findAll walks every page; search filters by name', async () => {
    const c = await client();
    const all = await c.integrations.findAll();
    expect(all.length).toBeGreaterThanOrEqual(12);
    expect(new Set(all.map((integration) => integration.authOptions?.[0]?.type))).toEqual(
      new Set(['oauth2', 'oauth1', 'client-credentials']),
    );
    for (const integration of all) expect(integration.logoUri).toMatch(/^data:image\/svg\+xml,/);
    const found = await c.integrations.find({ search: 'sheet' });
    expect(found.items.map((integration) => integration.key)).toEqual(['google-sheets']);
  });

  it('ignores unknown query parameters such as the hooks\' hash', async () => {
    const token = await fetchToken(emulator());
    const response = await fetch(`${emulator().apiUri}/integrations?hash=-384264312&limit=25`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { items: unknown[] }).items).toHaveLength(16);
  });

  it('rejects a bad limit or cursor with a 400 in Membrane shape', async () => {
    const c = await client();
    const error = await rejection(c.integrations.find({ limit: 0 }));
    expect(error.data).toMatchObject({ type: 'bad_request', message: expect.stringContaining('limit') });
    expect((await rejection(c.integrations.find({ cursor: 'abc' }))).data?.message).toContain('cursor');
  });

  it('gets an integration by key or id, and 404s an unknown one', async () => {
    const c = await client();
    const byKey = await c.integration('hubspot').get();
    const byId = await c.integration(byKey.id).get();
    expect(byId).toEqual(byKey);
    expect(byKey.connection?.id).toMatch(/^[0-9a-f]{24}$/);
    const error = await rejection(c.integration('nope').get());
    expect(error.data).toMatchObject({ type: 'bad_request', key: 'not_found' });
  });

  it('serves connector specs: one auth option, or auth.options for Jira', async () => {
    const c = await client();
    const zendesk = await c.integration('zendesk').getConnectorSpec();
    expect(zendesk.auth).toMatchObject({ type: 'client-credentials' });
    expect(zendesk.auth?.options).toBeUndefined();
    expect(zendesk.auth?.ui?.schema).toMatchObject({ required: ['subdomain', 'email', 'apiToken'] });
    expect(zendesk.auth?.ui?.schema?.properties?.apiToken?.format).toBe('password');
    const region = zendesk.auth?.ui?.schema?.properties?.region as { oneOf?: Array<{ const: string; title: string }> } | undefined;
    expect(region?.oneOf?.map((choice) => `${choice.const}: ${choice.title}`)).toEqual(['us: United States', 'eu: European Union', 'apac: Asia-Pacific']);
    const jira = await c.integration('jira').getConnectorSpec();
    expect(Object.keys(jira.auth?.options ?? {})).toEqual(['oauth2', 'api-token']);
    expect(jira.auth?.options?.['api-token']?.type).toBe('client-credentials');
    const integration = await c.integration('jira').get();
    expect(integration.authOptions?.map((option) => option.key)).toEqual(['oauth2', 'api-token']);
  });

  it('disconnect marks the customer connection disconnected', async () => {
    const c = await client();
    await c.integration('hubspot').disconnect();
    expect((await c.integration('hubspot').get()).connection).toMatchObject({ connected: false, disconnected: true });
  });

  it('GET /connections filters by integration, archived state and isTest', async () => {
    const c = await client();
    expect((await c.connections.find()).items).toHaveLength(3);
    expect((await c.connections.find({ integrationKey: 'slack' })).items.map((x) => x.name)).toEqual(['Slack']);
    const hubspot = await c.integration('hubspot').get();
    expect((await c.connections.find({ integrationId: hubspot.id })).items).toHaveLength(1);
    expect((await c.connections.find({ isTest: true })).items).toHaveLength(0);
    await c.connection('slack').archive();
    expect((await c.connections.find()).items).toHaveLength(2);
    const withArchived = await c.connections.find({ includeArchived: true });
    expect(withArchived.items.find((x) => x.name === 'Slack')?.archivedAt).toEqual(expect.any(String));
  });

  it('a customer sees only its own connections', async () => {
    const other = await client({ customerId: 'someone-else' });
    expect((await other.connections.find()).items).toHaveLength(0);
    const hubspotId = (await (await client()).connection('hubspot').get()).id;
    expect((await rejection(other.connection(hubspotId).get())).data?.key).toBe('not_found');
  });

  it('GET/PATCH/DELETE /connections/:id, by id or by integration key', async () => {
    const c = await client();
    const byKey = await c.connection('hubspot').get();
    expect(await c.connection(byKey.id).get()).toEqual(byKey);
    expect(emulator().store.requests.at(-1)?.query).toEqual({ includeSecrets: 'false' });
    const patched = await c.connection(byKey.id).patch({ name: 'HubSpot (sales)' });
    expect(patched).toMatchObject({ name: 'HubSpot (sales)' });
    await c.connection(byKey.id).archive();
    expect((await c.integration('hubspot').get()).connection).toBeUndefined();
  });

  it('refresh-credentials repairs an errored connection, refuses a revoked or disconnected one', async () => {
    const c = await client();
    const store = emulator().store;
    const hubspot = store.findConnections({ integrationKey: 'hubspot' })[0]!;
    store.updateConnection(hubspot.id, { error: { type: 'connection', message: 'Token refresh failed' } });
    await c.connection(hubspot.id).refreshCredentials();
    expect((await c.connection(hubspot.id).get())).toMatchObject({ connected: true });
    expect((await c.connection(hubspot.id).get()).error).toBeUndefined();
    expect((await rejection(c.connection('slack').refreshCredentials())).data).toMatchObject({
      type: 'connection',
      message: expect.stringContaining('revoked'),
    });
    expect((await rejection(c.connection('salesforce').refreshCredentials())).data?.message).toContain('disconnected');
  });

  it('POST /connections validates parameters against the auth option schema', async () => {
    const c = await client();
    const error = await rejection(c.connections.create({ name: 'Zendesk', integrationId: 'zendesk', credentials: { subdomain: 'acme' } as never }));
    expect(error.data?.message).toMatch(/"email" is required; "apiToken" is required/);
    const created = await c.connections.create({
      name: 'Zendesk',
      integrationId: 'zendesk',
      credentials: { subdomain: 'acme', email: 'ops@acme.test', apiToken: 's3cr3t-zendesk-value', region: 'eu' } as never,
    });
    expect(created).toMatchObject({ name: 'Zendesk', connected: true, authOptionKey: 'api-token' });
    expect(emulator().store.connections.get(created.id)?.parameters).toMatchObject({ region: 'eu', apiToken: 's3cr3t-zendesk-value' });
    expect(JSON.stringify(created)).not.toContain('s3cr3t');
  });

  it('answers CORS preflights and unknown routes in Membrane shape', async () => {
    const preflight = await fetch(`${emulator().apiUri}/integrations`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:6006',
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'authorization,content-type,membrane-api-version',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization,content-type,membrane-api-version');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PATCH');
    const missing = await fetch(`${emulator().apiUri}/flows`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ type: 'bad_request', key: 'not_found' });
  });
});
