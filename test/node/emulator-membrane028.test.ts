import { describe, expect, it } from 'vitest';
import type { ConnectionEventMessage } from '../../src/emulator/createConnectionEvents.ts';
import { fetchToken, useEmulator } from './emulator-helpers.ts';

/** The message a result page posts to its opener (read from its inline script). */
function postedMessage(html: string): ConnectionEventMessage & Record<string, unknown> {
  const match = /var m=(\{.*?\});var t=/.exec(html);
  if (!match?.[1]) throw new Error(`No posted message in page:\n${html}`);
  return JSON.parse(match[1]) as ConnectionEventMessage & Record<string, unknown>;
}

const SALESFORCE_CONNECTION = '65a1f0c2d4e5f60718293c02';
const SLACK_CONNECTION = '65a1f0c2d4e5f60718293c03';

describe('emulator speaks @membranehq/sdk 0.28: POST /connection-options and POST /connect', () => {
  const emulator = useEmulator();

  async function api(path: string, init: RequestInit & { json?: unknown } = {}, token?: string): Promise<Response> {
    const { json, ...rest } = init;
    return fetch(`${emulator().apiUri}${path}`, {
      ...rest,
      headers: {
        authorization: `Bearer ${token ?? (await fetchToken(emulator()))}`,
        'membrane-api-version': '2025-10-21',
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
        ...(rest.headers as Record<string, string> | undefined),
      },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
  }

  /** Submits the form exactly as SDK 0.28 does: urlencoded `payload` with the token inside, no query. */
  async function connect(payload: Record<string, unknown>, { token, query = '' }: { token?: string | null; query?: string } = {}): Promise<Response> {
    const jwt = token === null ? undefined : (token ?? (await fetchToken(emulator())));
    const body = new URLSearchParams({ payload: JSON.stringify({ ...(jwt ? { token: jwt } : {}), ...payload }) });
    return fetch(`${emulator().apiUri}/connect${query}`, { method: 'POST', body, redirect: 'manual' });
  }

  async function decide(consentPage: string, decision: string): Promise<Response> {
    const consentId = /name="consentId" value="([^"]+)"/.exec(consentPage)?.[1];
    const action = /action="([^"]+)"/.exec(consentPage)?.[1];
    if (!consentId || !action) throw new Error(`Not a consent page:\n${consentPage}`);
    return fetch(action, { method: 'POST', body: new URLSearchParams({ consentId, decision }), redirect: 'manual' });
  }

  function sse(requestId: string, token?: string): { next: Promise<ConnectionEventMessage & Record<string, unknown>>; close: () => void } {
    const controller = new AbortController();
    const next = (async () => {
      const query = token === undefined ? '' : `?token=${encodeURIComponent(token)}`;
      const response = await fetch(`${emulator().apiUri}/sse/connection-events/${requestId}${query}`, { signal: controller.signal });
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) throw new Error('SSE stream ended without an event');
        buffer += value;
        const data = /^data: (.*)$/m.exec(buffer)?.[1];
        if (data) return JSON.parse(data) as ConnectionEventMessage & Record<string, unknown>;
      }
    })();
    return { next, close: () => controller.abort() };
  }

  describe('POST /connection-options', () => {
    it('answers a JSON array of options {key, type, title?, description?, inputSchema?} by integrationKey', async () => {
      const response = await api('/connection-options', { method: 'POST', json: { integrationKey: 'jira' } });
      expect(response.status).toBe(200);
      const options = (await response.json()) as Array<Record<string, unknown>>;
      expect(Array.isArray(options)).toBe(true);
      expect(options.map((option) => [option.key, option.type])).toEqual([
        ['oauth2', 'oauth2'],
        ['api-token', 'client-credentials'],
      ]);
      expect(options[1]).toMatchObject({ inputSchema: { required: expect.arrayContaining(['siteUrl', 'email', 'apiToken']) } });
      for (const option of options) expect(Object.keys(option).every((key) => ['key', 'type', 'title', 'description', 'inputSchema'].includes(key))).toBe(true);
      // The SDK's lookup: options.find(o => o.key == authOptionKey).type
      expect(options.find((option) => option.key === 'api-token')?.type).toBe('client-credentials');
    });

    it('resolves integrationId, connectionId (its integration) and connectorId the same way', async () => {
      const integration = (await (await api('/integrations/salesforce')).json()) as { id: string; connectorId: string };
      const byId = await (await api('/connection-options', { method: 'POST', json: { integrationId: integration.id } })).json();
      const byConnection = await (await api('/connection-options', { method: 'POST', json: { connectionId: SALESFORCE_CONNECTION } })).json();
      const byConnector = await (await api('/connection-options', { method: 'POST', json: { connectorId: integration.connectorId } })).json();
      const withParameters = await (
        await api('/connection-options', { method: 'POST', json: { integrationKey: 'salesforce', connectorParameters: { region: 'eu' } } })
      ).json();
      expect(byId).toEqual([expect.objectContaining({ key: 'oauth2', type: 'oauth2' })]);
      expect(byConnection).toEqual(byId);
      expect(byConnector).toEqual(byId);
      expect(withParameters).toEqual(byId);
    });

    it('404s unknown integrations and connections, 400s a body naming nothing, 401s without a token', async () => {
      for (const json of [{ integrationKey: 'nope' }, { connectionId: 'nope' }, { connectorId: 'nope' }]) {
        const response = await api('/connection-options', { method: 'POST', json });
        expect(response.status).toBe(404);
        expect(await response.json()).toMatchObject({ type: 'bad_request', key: 'not_found' });
      }
      const other = await fetchToken(emulator(), { customerId: 'someone-else' });
      expect((await api('/connection-options', { method: 'POST', json: { connectionId: SALESFORCE_CONNECTION } }, other)).status).toBe(404);
      expect((await api('/connection-options', { method: 'POST', json: {} })).status).toBe(400);
      const anonymous = await fetch(`${emulator().apiUri}/connection-options`, { method: 'POST', body: '{"integrationKey":"jira"}' });
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toMatchObject({ key: 'not_authenticated' });
    });

    it('answers the CORS preflight the SDK sends', async () => {
      const preflight = await fetch(`${emulator().apiUri}/connection-options`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://localhost:6006',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type,membrane-api-version',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
      expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization,content-type,membrane-api-version');
    });
  });

  describe('POST /connect', () => {
    it('renders the consent page; Allow posts newConnectionCreated with a 0.28 connection and mirrors it on SSE ?token=', async () => {
      const token = await fetchToken(emulator());
      const stream = sse('rq028allow', token);
      const response = await connect({ integrationKey: 'hubspot', allowMultipleConnections: true, requestId: 'rq028allow', name: 'HubSpot 2' }, { token });
      expect(response.status).toBe(200);
      const consent = await response.text();
      expect(consent).toContain('Authorize HubSpot for Acme Inc.');
      expect(consent).toContain('/connect/consent');
      const message = postedMessage(await (await decide(consent, 'allow')).text());
      expect(message).toMatchObject({
        source: 'integration.app',
        requestId: 'rq028allow',
        type: 'newConnectionCreated',
        connection: {
          name: 'HubSpot 2',
          connected: true,
          disconnected: false,
          state: 'READY',
          isDefunct: false,
          errors: [],
          integration: { key: 'hubspot', name: 'HubSpot', id: '65a1f0c2d4e5f60718293a01', logoUri: expect.stringMatching(/^data:/) },
        },
      });
      expect(await stream.next).toEqual(message);
      stream.close();
      // allowMultipleConnections (a JSON boolean) made a second connection.
      expect(emulator().store.findConnections({ integrationKey: 'hubspot' })).toHaveLength(2);
    });

    it('the result page posts to opener or parent and closes the popup', async () => {
      const html = await (await decide(await (await connect({ integrationKey: 'notion', requestId: 'r' })).text(), 'allow')).text();
      expect(html).toContain('window.opener||(window.parent!==window?window.parent:null)');
      expect(html).toContain("t.postMessage(m,'*')");
      expect(html).toContain('window.close()');
    });

    it('SSE without ?token= is refused (anyone could read a connection by its requestId); a bad ?token= too', async () => {
      const tokenless = await fetch(`${emulator().apiUri}/sse/connection-events/rq-notoken`);
      expect(tokenless.status).toBe(401);
      expect(await tokenless.json()).toMatchObject({ key: 'not_authenticated' });
      const refused = await fetch(`${emulator().apiUri}/sse/connection-events/x?token=not.a.jwt`);
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({ key: 'not_authenticated' });
    });

    it('takes the token from the payload only, never from the URL', async () => {
      const token = await fetchToken(emulator());
      const html = await (await connect({ integrationKey: 'hubspot', requestId: 'rq-url' }, { token: null, query: `?token=${token}` })).text();
      expect(postedMessage(html)).toMatchObject({ type: 'newConnectionFailure', requestId: 'rq-url', errorData: { key: 'not_authenticated' } });
      // Ids in the query are ignored too: 0.28 puts them in the payload.
      const noApp = await (await connect({ requestId: 'rq-q' }, { query: '?integrationKey=hubspot' })).text();
      expect((postedMessage(noApp) as { error: string }).error).toContain('Say which app to connect');
    });

    it('refuses a body that is not a urlencoded payload', async () => {
      const response = await fetch(`${emulator().apiUri}/connect`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: await fetchToken(emulator()), integrationKey: 'hubspot' }),
      });
      expect(postedMessage(await response.text())).toMatchObject({ type: 'newConnectionFailure', errorData: { type: 'bad_request' } });
    });

    it('validates `input` against the option schema; 1.14 `connectionParameters` is not read', async () => {
      const invalid = postedMessage(await (await connect({ integrationKey: 'zendesk', requestId: 'z1', input: { subdomain: 42, region: 'mars' } })).text());
      expect(invalid.type).toBe('newConnectionFailure');
      expect(invalid.error).toContain('"email" is required');
      expect(invalid.error).toContain('"subdomain" must be of type string');
      expect(invalid.error).toContain('"region" must be one of us, eu, apac');
      const old = postedMessage(
        await (
          await connect({
            integrationKey: 'zendesk',
            requestId: 'z2',
            connectionParameters: { subdomain: 'acme', email: 'ops@acme.test', apiToken: 'secret-value' },
          })
        ).text(),
      );
      expect(old.error).toContain('"subdomain" is required');
    });

    it('client-credentials (the iframe mode) completes with no user step', async () => {
      const html = await (
        await connect({ integrationKey: 'stripe', authOptionKey: 'secret-key', requestId: 'cc', input: { secretKey: 'sk_test_1234567890', mode: 'live' } })
      ).text();
      expect(html).not.toContain('value="allow"');
      const message = postedMessage(html);
      expect(message).toMatchObject({ type: 'newConnectionCreated', requestId: 'cc', connection: { authOptionKey: 'secret-key', integration: { key: 'stripe' } } });
      expect(emulator().store.connections.get((message.connection as { id: string }).id)?.parameters).toEqual({ secretKey: 'sk_test_1234567890', mode: 'live' });
    });

    it('connectionId reconnects that connection; a failure carries connectionId', async () => {
      const denied = postedMessage(await (await decide(await (await connect({ connectionId: SLACK_CONNECTION, requestId: 'd' })).text(), 'deny')).text());
      expect(denied).toMatchObject({
        type: 'newConnectionFailure',
        requestId: 'd',
        connectionId: SLACK_CONNECTION,
        errorData: { type: 'connection', key: 'access_denied' },
      });
      const consent = await (await connect({ connectionId: SLACK_CONNECTION, requestId: 're' })).text();
      expect(consent).toContain('reconnecting an existing connection');
      const message = postedMessage(await (await decide(consent, 'allow')).text());
      expect(message).toMatchObject({ type: 'newConnectionCreated', connection: { id: SLACK_CONNECTION, connected: true, errors: [] } });
      expect(emulator().store.findConnections({ integrationKey: 'slack' })).toHaveLength(1);
      const unknown = postedMessage(await (await connect({ connectionId: 'nope', requestId: 'u' })).text());
      expect(unknown).toMatchObject({ type: 'newConnectionFailure', connectionId: 'nope', errorData: { key: 'not_found' } });
    });

    it('connectorId names the app when no integration is given', async () => {
      const { connectorId } = (await (await api('/integrations/asana')).json()) as { connectorId: string };
      const consent = await (await connect({ connectorId, requestId: 'cid' })).text();
      expect(consent).toContain('Authorize Asana');
    });

    it('redirect mode sends the browser to redirectUri?connectionId=… or ?error=…&errorData=…', async () => {
      const consent = await (await connect({ integrationKey: 'asana', requestId: 'r', redirectUri: 'https://app.example.com/done?x=1' })).text();
      const allowed = await decide(consent, 'allow');
      expect(allowed.status).toBe(303);
      const location = new URL(allowed.headers.get('location')!);
      expect(location.searchParams.get('x')).toBe('1');
      expect(location.searchParams.get('connectionId')).toMatch(/^[0-9a-f]{24}$/);
      const failed = await connect({ integrationKey: 'zendesk', input: {}, redirectUri: 'https://app.example.com/done' });
      expect(failed.status).toBe(303);
      const failure = new URL(failed.headers.get('location')!);
      expect(failure.searchParams.get('error')).toContain('"email" is required');
      expect(JSON.parse(failure.searchParams.get('errorData')!)).toMatchObject({ type: 'bad_request', data: { problems: expect.any(Array) } });
    });

    it('honours the consent fault like /connection-popup', async () => {
      emulator().faults.set({ consent: 'fail' });
      const html = await (await connect({ integrationKey: 'pipedrive', requestId: 'pf', input: { apiToken: 'abc' } })).text();
      expect(postedMessage(html)).toMatchObject({ type: 'newConnectionFailure', requestId: 'pf' });
    });
  });
});

describe('emulator connections carry the 0.28 fields; filters, create with input, archive', () => {
  const emulator = useEmulator();

  async function api<T = unknown>(path: string, init: { method?: string; json?: unknown } = {}): Promise<{ status: number; body: T }> {
    const response = await fetch(`${emulator().apiUri}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${await fetchToken(emulator())}`,
        ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
    });
    return { status: response.status, body: (await response.json()) as T };
  }
  type Connection = Record<string, unknown> & { id: string; name: string };
  const names = async (query: string): Promise<string[]> =>
    (await api<{ items: Connection[] }>(`/connections${query}`)).body.items.map((item) => item.name).sort();

  it('each connection carries connected, integration, state, isDefunct, errors (and 1.14 disconnected/error)', async () => {
    const { body } = await api<{ items: Connection[] }>('/connections');
    const byName = Object.fromEntries(body.items.map((item) => [item.name, item]));
    expect(byName.HubSpot).toMatchObject({
      connected: true,
      disconnected: false,
      state: 'READY',
      isDefunct: false,
      errors: [],
      integration: { id: '65a1f0c2d4e5f60718293a01', key: 'hubspot', name: 'HubSpot', logoUri: expect.any(String) },
    });
    expect(byName.HubSpot).not.toHaveProperty('requestError');
    expect(byName.HubSpot).not.toHaveProperty('clientAction');
    expect(byName.Salesforce).toMatchObject({ connected: false, disconnected: true, errors: [] });
    const revoked = { type: 'connection', key: 'access_token_revoked', message: 'The access token was revoked by the user' };
    expect(byName.Slack).toMatchObject({ connected: false, disconnected: true, error: revoked, errors: [revoked] });
    // Inside integration.connection, no nested integration (as in 0.28's IntegrationApiResponse).
    const hubspot = await api<{ connection: Connection }>('/integrations/hubspot');
    expect(hubspot.body.connection).not.toHaveProperty('integration');
    expect((await api<Connection>(`/connections/${byName.HubSpot!.id}`)).body.integration).toMatchObject({ key: 'hubspot' });
  });

  it('GET /connections honours connected, disconnected (true/1/false/0) and search', async () => {
    expect(await names('?connected=true')).toEqual(['HubSpot']);
    expect(await names('?connected=1')).toEqual(['HubSpot']);
    expect(await names('?connected=false')).toEqual(['Salesforce', 'Slack']);
    expect(await names('?disconnected=0')).toEqual(['HubSpot']);
    expect(await names('?disconnected=true&connected=false')).toEqual(['Salesforce', 'Slack']);
    expect(await names('?search=hub')).toEqual(['HubSpot']);
    expect(await names('?search=SALES')).toEqual(['Salesforce']);
    // The SDK's own example query.
    expect(await names('?connected=true&disconnected=false&search=Hub&isTest=false&integrationKey=hubspot&includeArchived=true&limit=10')).toEqual(['HubSpot']);
    const bad = await api('/connections?connected=yes');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ type: 'bad_request', message: expect.stringContaining('"connected" must be true, 1, false or 0') });
  });

  it('search matches the integration key and name, not only the connection name', async () => {
    const { body: created } = await api<Connection>('/connections', {
      method: 'POST',
      json: { integrationKey: 'google-sheets', name: 'Finance workbook' },
    });
    expect(await names('?search=google')).toEqual(['Finance workbook']);
    expect(await names('?search=sheets')).toEqual(['Finance workbook']);
    expect(await names('?search=finance')).toEqual(['Finance workbook']);
    expect(created.integration).toMatchObject({ key: 'google-sheets' });
  });

  it('POST /connections accepts 0.28 `input` as well as `parameters`', async () => {
    const invalid = await api('/connections', { method: 'POST', json: { integrationKey: 'zendesk', input: { subdomain: 'acme' } } });
    expect(invalid.status).toBe(400);
    expect((invalid.body as { message: string }).message).toMatch(/"email" is required/);
    const created = await api<Connection>('/connections', {
      method: 'POST',
      json: { integrationKey: 'zendesk', name: 'Zendesk', input: { subdomain: 'acme', email: 'ops@acme.test', apiToken: 'zendesk-secret-1' } },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ connected: true, integration: { key: 'zendesk' } });
    expect(JSON.stringify(created.body)).not.toContain('zendesk-secret-1');
    expect(emulator().store.connections.get(created.body.id)?.parameters).toMatchObject({ subdomain: 'acme', region: 'us' });
    const viaParameters = await api<Connection>('/connections', {
      method: 'POST',
      json: { integrationKey: 'pipedrive', parameters: { apiToken: 'p' } },
    });
    expect(viaParameters.status).toBe(201);
  });

  it('DELETE /connections/:id archives: hidden from lists unless includeArchived, GET still answers it', async () => {
    const hubspot = (await api<{ items: Connection[] }>('/connections?search=hubspot')).body.items[0]!;
    const archived = await api<Connection>(`/connections/${hubspot.id}`, { method: 'DELETE' });
    expect(archived.body.archivedAt).toEqual(expect.any(String));
    expect(await names('')).toEqual(['Salesforce', 'Slack']);
    expect(await names('?includeArchived=true')).toEqual(['HubSpot', 'Salesforce', 'Slack']);
    expect((await api<Connection>(`/connections/${hubspot.id}`)).body).toMatchObject({ id: hubspot.id, archivedAt: archived.body.archivedAt });
  });

  it("1.14's POST /integrations/:key/disconnect still marks the connection disconnected", async () => {
    await api('/integrations/hubspot/disconnect', { method: 'POST' });
    expect(await names('?connected=true')).toEqual([]);
    expect(await names('?disconnected=true')).toEqual(['HubSpot', 'Salesforce', 'Slack']);
  });
});
