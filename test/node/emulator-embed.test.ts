import { describe, expect, it } from 'vitest';
import { fetchToken, useEmulator } from './emulator-helpers.ts';

describe('emulator prebuilt UI pages over HTTP', () => {
  const emulator = useEmulator();
  const page = async (path: string, token?: string) => {
    const t = token ?? (await fetchToken(emulator()));
    const response = await fetch(`${emulator().uiUri}/embed${path}${path.includes('?') ? '&' : '?'}token=${t}`);
    return { status: response.status, html: await response.text() };
  };
  const connect = async (body: Record<string, unknown>) => {
    const response = await fetch(`${emulator().uiUri}/api/connect`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await fetchToken(emulator())}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('main lists every app with its state, plus the penpal child script', async () => {
    const { status, html } = await page('/main');
    expect(status).toBe(200);
    expect(html.match(/<li>/g)?.length).toBe(16);
    expect(html).toContain('data-state="connected"');
    expect(html).toContain('data-state="disconnected"');
    expect(html).toContain('data-state="error"');
    expect(html).toContain("{penpal:'syn'}");
    expect(html).toContain('Apps connected for Acme Inc.');
    expect(emulator().store.requests.at(-1)).toMatchObject({ path: '/ui/embed/main', query: { token: '[redacted]' } });
  });

  it('the connect form renders the schema: required, secret as password, enum as select', async () => {
    const { html } = await page('/integrations/zendesk/connect');
    expect(html).toContain('Authorize Zendesk for Acme Inc.');
    expect(html).toMatch(/<input type="password"[^>]*name="apiToken"[^>]*required/);
    expect(html).toMatch(/<input type="email"[^>]*name="email"/);
    expect(html).toMatch(/<select [^>]*name="region"[^>]*>.*<option value="us" selected>/);
  });

  it('two auth options get a picker; only the selected option is active', async () => {
    const { html } = await page('/integrations/jira/connect');
    expect(html).toContain('How do you want to connect?');
    expect(html).toMatch(/<div data-option="oauth2" data-active>/);
    expect(html).toMatch(/<div data-option="api-token" hidden>/);
  });

  it('the reconnect page targets the connection', async () => {
    const slack = emulator().store.findConnections({ integrationKey: 'slack' })[0]!;
    const { html } = await page(`/connections/${slack.id}/refresh`);
    expect(html).toContain('Reconnect Slack');
    expect(html).toContain(`"connectionId":"${slack.id}"`);
  });

  it('refuses a bad token or unknown ids with a closable error page', async () => {
    const bad = await page('/main', 'not-a-token');
    expect(bad.status).toBe(401);
    expect(bad.html).toContain('Access token is not a valid JWT.');
    expect(bad.html).toContain('data-action="close"');
    expect(bad.html).not.toContain('not-a-token"');
    expect((await page('/integrations/nope')).status).toBe(404);
    expect((await page('/connections/nope/refresh')).status).toBe(404);
  });

  it('POST /ui/api/connect validates, creates, and honours consent faults', async () => {
    const invalid = String((await connect({ integration: 'twilio', parameters: { accountSid: 'short' } })).body.message);
    expect(invalid).toContain('"authToken" is required');
    expect(invalid).toContain('"accountSid" must be at least 34 characters');
    const created = await connect({ integration: 'twilio', parameters: { accountSid: 'A'.repeat(34), authToken: 'x' } });
    expect(created).toMatchObject({ status: 200, body: { name: 'Twilio', connected: true } });
    emulator().faults.set({ consent: 'fail' });
    expect((await connect({ integration: 'github' })).body.message).toMatch(/emulated consent failure/);
    emulator().faults.set({ consent: 'deny' });
    expect((await connect({ integration: 'github' })).body).toMatchObject({ key: 'access_denied' });
  });
});
