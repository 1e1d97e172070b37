import { describe, expect, it } from 'vitest';
import type { ConnectionEventMessage } from '../../src/emulator/createConnectionEvents.ts';
import { fetchToken, useEmulator } from './emulator-helpers.ts';

/** The message a result page posts to its opener (read from its inline script). */
function postedMessage(html: string): ConnectionEventMessage {
  const match = /var m=(\{.*?\});var t=/.exec(html);
  if (!match?.[1]) throw new Error(`No posted message in page:\n${html}`);
  return JSON.parse(match[1]) as ConnectionEventMessage;
}

describe('emulator connect flow over HTTP (POST /connection-popup, consent, SSE)', () => {
  const emulator = useEmulator();

  /** Submits the popup form exactly as SDK 1.14 does: urlencoded `payload`, target in the query. */
  async function popup(query: string, payload: Record<string, unknown>, token?: string): Promise<Response> {
    const body = new URLSearchParams({ payload: JSON.stringify({ token: token ?? (await fetchToken(emulator())), ...payload }) });
    return fetch(`${emulator().apiUri}/connection-popup?${query}`, { method: 'POST', body, redirect: 'manual' });
  }

  async function decide(consentPage: string, decision: string): Promise<Response> {
    const consentId = /name="consentId" value="([^"]+)"/.exec(consentPage)?.[1];
    const action = /action="([^"]+)"/.exec(consentPage)?.[1];
    if (!consentId || !action) throw new Error('Not a consent page');
    return fetch(action, { method: 'POST', body: new URLSearchParams({ consentId, decision }), redirect: 'manual' });
  }

  function sse(requestId: string): { next: Promise<ConnectionEventMessage>; close: () => void } {
    const controller = new AbortController();
    const next = (async () => {
      // The stream needs the customer's token (the same default customer the popups connect for).
      const token = await fetchToken(emulator());
      const response = await fetch(`${emulator().apiUri}/sse/connection-events/${requestId}?token=${encodeURIComponent(token)}`, { signal: controller.signal });
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) throw new Error('SSE stream ended without an event');
        buffer += value;
        const data = /^data: (.*)$/m.exec(buffer)?.[1];
        if (data) return JSON.parse(data) as ConnectionEventMessage;
      }
    })();
    return { next, close: () => controller.abort() };
  }

  it('shows a consent page for an OAuth app, naming app and customer, with secrets masked', async () => {
    const response = await popup('integrationId=65a1f0c2d4e5f60718293a02', {
      requestId: 'r1',
      connectionParameters: { environment: 'sandbox', loginDomain: 'acme.my.salesforce.com' },
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Authorize Salesforce for Acme Inc.');
    expect(html).toContain('acme.my.salesforce.com');
    expect(html).toMatch(/value="allow"[^>]*>Allow</);
    expect(html).toMatch(/value="deny"[^>]*>Deny</);
    expect(html).not.toContain('<script>');
  });

  it('masks secret parameters on the consent page', async () => {
    const html = await (
      await popup('integrationKey=jira', {
        requestId: 'r-secret',
        authOptionKey: 'oauth2',
        connectionParameters: { apiToken: 'super-secret-value' },
      })
    ).text();
    expect(html).not.toContain('super-secret-value');
    expect(html).toContain('••••');
  });

  it('Allow creates the connection, posts newConnectionCreated and mirrors it on SSE', async () => {
    const stream = sse('req-allow');
    const consent = await (await popup('integrationId=65a1f0c2d4e5f60718293a04', { requestId: 'req-allow' })).text();
    const result = await decide(consent, 'allow');
    const message = postedMessage(await result.text());
    expect(message).toMatchObject({
      source: 'integration.app',
      type: 'newConnectionCreated',
      requestId: 'req-allow',
      connection: { name: 'Google Sheets', connected: true, integrationId: '65a1f0c2d4e5f60718293a04' },
    });
    expect(await stream.next).toEqual(message);
    stream.close();
    expect(emulator().store.findConnections({ integrationKey: 'google-sheets' })).toHaveLength(1);
  });

  it('SSE delivers a result published before the stream opened', async () => {
    const consent = await (await popup('integrationKey=github', { requestId: 'req-late' })).text();
    await decide(consent, 'allow');
    const stream = sse('req-late');
    expect(await stream.next).toMatchObject({ type: 'newConnectionCreated', requestId: 'req-late' });
    stream.close();
  });

  it('Deny posts newConnectionFailure with errorData and creates nothing', async () => {
    const consent = await (await popup('integrationKey=notion', { requestId: 'req-deny' })).text();
    const message = postedMessage(await (await decide(consent, 'deny')).text());
    expect(message).toMatchObject({
      type: 'newConnectionFailure',
      requestId: 'req-deny',
      error: 'Access to Notion was denied by the user.',
      errorData: { type: 'connection', key: 'access_denied', message: 'Access to Notion was denied by the user.' },
    });
    expect(emulator().store.findConnections({ integrationKey: 'notion' })).toHaveLength(0);
  });

  it('parameters failing the schema fail at once (required, type, enum)', async () => {
    const response = await popup('integrationKey=zendesk', {
      requestId: 'req-invalid',
      connectionParameters: { subdomain: 42, region: 'mars' },
    });
    const message = postedMessage(await response.text());
    expect(message.type).toBe('newConnectionFailure');
    const error = (message as { error: string }).error;
    expect(error).toContain('"email" is required');
    expect(error).toContain('"apiToken" is required');
    expect(error).toContain('"subdomain" must be of type string');
    expect(error).toContain('"region" must be one of us, eu, apac');
  });

  it('client-credentials options complete with no user step', async () => {
    const response = await popup('integrationKey=stripe', {
      requestId: 'req-cc',
      connectionParameters: { secretKey: 'sk_test_1234567890', mode: 'test' },
    });
    const html = await response.text();
    expect(html).not.toContain('value="allow"');
    expect(postedMessage(html)).toMatchObject({ type: 'newConnectionCreated', connection: { name: 'Stripe', authOptionKey: 'secret-key' } });
  });

  it('the second Jira option (client-credentials) is picked by authOptionKey', async () => {
    const html = await (
      await popup('integrationKey=jira', {
        requestId: 'req-jira',
        authOptionKey: 'api-token',
        connectionParameters: { siteUrl: 'https://acme.atlassian.net', email: 'dev@acme.test', apiToken: 'x' },
      })
    ).text();
    expect(postedMessage(html)).toMatchObject({ type: 'newConnectionCreated', connection: { authOptionKey: 'api-token' } });
    const unknown = await (await popup('integrationKey=jira', { requestId: 'req-jira2', authOptionKey: 'basic' })).text();
    expect((postedMessage(unknown) as { error: string }).error).toContain('use one of: oauth2, api-token');
  });

  it('reconnect with connectionId repairs the existing connection', async () => {
    const slack = emulator().store.findConnections({ integrationKey: 'slack' })[0]!;
    const consent = await (await popup(`connectionId=${slack.id}`, { requestId: 'req-re' })).text();
    expect(consent).toContain('reconnecting an existing connection');
    const message = postedMessage(await (await decide(consent, 'allow')).text());
    expect(message).toMatchObject({ type: 'newConnectionCreated', connection: { id: slack.id, connected: true } });
    expect(emulator().store.connections.get(slack.id)?.error).toBeUndefined();
    expect(emulator().store.findConnections({ integrationKey: 'slack' })).toHaveLength(1);
  });

  it('without allowMultipleConnections a second connect updates the connection; with it a new one is made', async () => {
    const connectHubspot = async (payload: Record<string, unknown>) =>
      postedMessage(await (await decide(await (await popup('integrationKey=hubspot', payload)).text(), 'allow')).text());
    await connectHubspot({ requestId: 'a' });
    expect(emulator().store.findConnections({ integrationKey: 'hubspot' })).toHaveLength(1);
    await connectHubspot({ requestId: 'b', allowMultipleConnections: true, name: 'HubSpot EU' });
    const names = emulator().store.findConnections({ integrationKey: 'hubspot' }).map((c) => c.name);
    expect(names.sort()).toEqual(['HubSpot', 'HubSpot EU']);
  });

  it('redirects to redirectUri with connectionId, or with error and errorData', async () => {
    const consent = await (await popup('integrationKey=asana', { requestId: 'r', redirectUri: 'https://app.example.com/done?x=1' })).text();
    const allowed = await decide(consent, 'allow');
    expect(allowed.status).toBe(303);
    const location = new URL(allowed.headers.get('location')!);
    expect(location.origin + location.pathname).toBe('https://app.example.com/done');
    expect(location.searchParams.get('x')).toBe('1');
    expect(location.searchParams.get('connectionId')).toMatch(/^[0-9a-f]{24}$/);

    const denied = await decide(await (await popup('integrationKey=xero', { redirectUri: 'https://app.example.com/done' })).text(), 'deny');
    const failed = new URL(denied.headers.get('location')!);
    expect(failed.searchParams.get('error')).toBe('Access to Xero was denied by the user.');
    expect(JSON.parse(failed.searchParams.get('errorData')!)).toMatchObject({ type: 'connection', key: 'access_denied' });
  });

  it('an invalid token fails the popup with not_authenticated', async () => {
    const message = postedMessage(await (await popup('integrationKey=hubspot', { requestId: 'bad' }, 'x.y.z')).text());
    expect(message).toMatchObject({ type: 'newConnectionFailure', errorData: { key: 'not_authenticated' } });
  });

  describe('consent fault', () => {
    it('manual (default): the page waits for a click', async () => {
      expect(await (await popup('integrationKey=hubspot', {})).text()).not.toContain('<script>');
    });

    for (const mode of ['allow', 'deny', 'fail'] as const) {
      it(`${mode}: the consent page submits "${mode}" by itself`, async () => {
        emulator().faults.set({ consent: mode });
        const html = await (await popup('integrationKey=hubspot', { requestId: `auto-${mode}` })).text();
        expect(html).toContain(`d.value="${mode}"`);
        expect(html).toContain('f.submit()');
        const message = postedMessage(await (await decide(html, mode)).text());
        if (mode === 'allow') expect(message.type).toBe('newConnectionCreated');
        else expect(message.type).toBe('newConnectionFailure');
        if (mode === 'fail') expect((message as { error: string }).error).toMatch(/rejected the authorization request/);
      });
    }

    it('fail (or deny) also fails client-credentials connects', async () => {
      emulator().faults.set({ consent: 'fail' });
      const html = await (
        await popup('integrationKey=pipedrive', { requestId: 'cc-fail', connectionParameters: { apiToken: 'abc' } })
      ).text();
      expect(postedMessage(html)).toMatchObject({ type: 'newConnectionFailure', requestId: 'cc-fail' });
    });
  });

  it('an unknown or already used consent id answers 410 with a failure message', async () => {
    const response = await fetch(`${emulator().apiUri}/connection-popup/consent`, {
      method: 'POST',
      body: new URLSearchParams({ consentId: 'nope', decision: 'allow' }),
    });
    expect(response.status).toBe(410);
    expect(postedMessage(await response.text()).type).toBe('newConnectionFailure');
  });
});
