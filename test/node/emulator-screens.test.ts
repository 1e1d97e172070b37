import { describe, expect, it } from 'vitest';
import { fetchToken, signToken, useEmulator } from './emulator-helpers.ts';

/** The config the screen hands its client script (`window.__EMBED__ = {...}`). */
function configOf(html: string): Record<string, unknown> {
  const match = /window\.__EMBED__=(\{.*?\});\(function/.exec(html);
  if (!match?.[1]) throw new Error('no window.__EMBED__ in the page');
  return JSON.parse(match[1]) as Record<string, unknown>;
}

describe('emulator 0.28 hosted screens (/screens/*)', () => {
  const emulator = useEmulator();
  /** A form POST as the SDK's openIframeWithPost sends it (urlencoded, no auth header). */
  const screen = async (path: string, fields: Record<string, string>, query = '') => {
    const response = await fetch(`${emulator().apiUri}/screens${path}${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    return { status: response.status, html: await response.text() };
  };
  const connect = async (token: string, body: Record<string, unknown>) => {
    const response = await fetch(`${emulator().uiUri}/api/connect`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('/screens/connect reads the SDK form fields and answers the connect form as a penpal child', async () => {
    const token = await fetchToken(emulator());
    const { status, html } = await screen('/connect', {
      token,
      integrationKey: 'zendesk',
      allowMultipleConnections: '1',
      connectorParameters: JSON.stringify({ region: 'eu' }),
      name: 'Support desk',
      theme: 'dark',
    });
    expect(status).toBe(200);
    expect(html).toContain('Connect Zendesk');
    expect(html).toMatch(/<input type="password"[^>]*name="apiToken"[^>]*required/);
    expect(html).toContain("{penpal:'syn'}");
    expect(html).toContain('<html lang="en" data-theme="dark">');
    expect(configOf(html)).toMatchObject({ screen: true, integrationId: expect.any(String), allowMultipleConnections: true, name: 'Support desk', theme: 'dark' });
    // '' (the SDK's "false") is not multiple.
    const single = await screen('/connect', { token, integrationKey: 'zendesk', allowMultipleConnections: '' });
    expect(configOf(single.html)).toMatchObject({ allowMultipleConnections: false });
    expect(configOf(single.html)).not.toHaveProperty('theme');
  });

  it('takes the token only from the body: a query token or none gives an error page without it', async () => {
    const token = await fetchToken(emulator());
    const fromQuery = await screen('/connect', { integrationKey: 'zendesk' }, `?token=${token}`);
    expect(fromQuery.status).toBe(401);
    expect(fromQuery.html).toContain('Cannot open this page');
    expect(fromQuery.html).toContain('data-action="close"');
    expect(fromQuery.html).not.toContain(token);
    const bad = await screen('/connect', { token: 'not-a-token', integrationKey: 'zendesk' });
    expect(bad.status).toBe(401);
    expect(bad.html).not.toContain('not-a-token');
    const admin = await screen('/connect', { token: await signToken({ isAdmin: true }), integrationKey: 'zendesk' });
    expect(admin.status).toBe(403);
    expect(emulator().store.requests.filter((r) => r.path.startsWith('/screens')).every((r) => r.query.token === undefined || r.query.token === '[redacted]')).toBe(true);
  });

  it('unknown apps and connections, bad JSON and bad themes are error pages', async () => {
    const token = await fetchToken(emulator());
    expect((await screen('/connect', { token, integrationKey: 'nope' })).status).toBe(404);
    expect((await screen('/integrations/nope/connect', { token })).status).toBe(404);
    expect((await screen('/connection', { token, connectionId: 'nope' })).status).toBe(404);
    expect((await screen('/connection', { token })).status).toBe(400);
    const json = await screen('/connect', { token, integrationKey: 'zendesk', connectorParameters: '{oops' });
    expect(json.status).toBe(400);
    expect(json.html).toContain('connectorParameters must be a JSON object');
    expect((await screen('/connect', { token, integrationKey: 'zendesk', theme: 'pink' })).status).toBe(400);
  });

  it('openNewConnectionV2 posts /screens/integrations/:key/connect; ui.connect() with no app gets a picker', async () => {
    const token = await fetchToken(emulator());
    const byPath = await screen('/integrations/hubspot/connect', { token, allowMultipleConnections: '', name: 'CRM' });
    expect(byPath.status).toBe(200);
    expect(byPath.html).toContain('Connect HubSpot');
    expect(configOf(byPath.html)).toMatchObject({ name: 'CRM', integrationId: emulator().store.findIntegration('hubspot')!.id });
    const picker = await screen('/connect', { token, allowMultipleConnections: '1' });
    expect(picker.html).toContain('Connect an app');
    expect(picker.html).toContain('aria-label="Connect HubSpot"');
    expect(picker.html).toContain('data-action="post" data-path="/screens/connect"');
    expect(picker.html).toContain('&quot;integrationKey&quot;:&quot;hubspot&quot;');
    expect(picker.html).toContain('&quot;allowMultipleConnections&quot;:&quot;1&quot;');
  });

  it('/screens/connection shows the connection; Reconnect re-authenticates the same id', async () => {
    const token = await fetchToken(emulator());
    const slack = emulator().store.findConnections({ integrationKey: 'slack' })[0]!;
    const view = await screen('/connection', { token, connectionId: slack.id, theme: 'light' });
    expect(view.status).toBe(200);
    expect(view.html).toMatch(/<span class="badge" data-state="(disconnected|error)">/);
    expect(view.html).toContain('data-action="disconnect"');
    expect(view.html).toContain(`&quot;connectionId&quot;:&quot;${slack.id}&quot;`);
    // Reconnect: the connect screen with that connectionId, then the form's POST /ui/api/connect.
    const form = await screen('/connect', { token, connectionId: slack.id });
    expect(form.html).toContain('Reconnect Slack');
    const config = configOf(form.html);
    expect(config).toMatchObject({ connectionId: slack.id, authOptionKey: slack.authOptionKey });
    const before = emulator().store.connections.size;
    const result = await connect(token, { integration: config.integrationId, connectionId: config.connectionId, authOptionKey: config.authOptionKey, parameters: {} });
    expect(result).toMatchObject({ status: 200, body: { id: slack.id, connected: true } });
    expect(emulator().store.connections.size).toBe(before);
  });

  it("another customer's connection is not found", async () => {
    const slack = emulator().store.findConnections({ integrationKey: 'slack' })[0]!;
    const other = await signToken({ id: 'someone-else' });
    expect((await screen('/connection', { token: other, connectionId: slack.id })).status).toBe(404);
    expect((await screen('/connect', { token: other, connectionId: slack.id })).status).toBe(404);
  });

  it('passes the consent fault to the page script', async () => {
    const token = await fetchToken(emulator());
    emulator().faults.set({ consent: 'deny' });
    expect(configOf((await screen('/connect', { token, integrationKey: 'github' })).html)).toMatchObject({ consent: 'deny' });
  });
});
