import { IntegrationAppClient } from '@integration-app/sdk';
import { beforeEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { emulator, getToken, requestLog, resetEmulator, setFaults } from './emulator.ts';

function client(customerId?: string): IntegrationAppClient {
  const { apiUri, uiUri } = emulator();
  return new IntegrationAppClient({ apiUri, uiUri, fetchToken: () => getToken(customerId) });
}

/** Waits until no popup is left open (the previous test's popup closes itself after posting). */
async function noPopups(): Promise<void> {
  for (let i = 0; i < 40 && (await commands.countPopups()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
}

describe('official SDK against the emulator in Chromium', () => {
  beforeEach(async () => {
    await noPopups();
    await resetEmulator();
    document.body.innerHTML = '';
  });

  it('REST calls work cross-origin (CORS preflight with Authorization)', async () => {
    const c = client();
    const page = await c.integrations.find({ limit: 25 });
    expect(page.items.length).toBeGreaterThanOrEqual(12);
    expect(page.items.find((integration) => integration.key === 'hubspot')?.connection).toMatchObject({ connected: true });
    expect((await c.self.get()).name).toBe('Acme Inc.');
    const log = await requestLog();
    expect(log.map((entry) => `${entry.method} ${entry.path}`)).toEqual(['GET /integrations', 'GET /self']);
  });

  describe('connect() through the consent popup', () => {
    it('resolves with the connection after Allow', async () => {
      const connecting = client().integration('google-sheets').connect();
      expect(await commands.popupText({ urlIncludes: '/connection-popup' })).toContain('Authorize Google Sheets for Acme Inc.');
      await commands.clickInPopup({ urlIncludes: '/connection-popup', role: 'button', name: 'Allow' });
      const connection = await connecting;
      expect(connection).toMatchObject({ name: 'Google Sheets', connected: true });
      expect((await client().integration('google-sheets').get()).connection?.id).toBe(connection?.id);
    });

    it('rejects after Deny', async () => {
      const connecting = client().integration('notion').connect();
      const settled = connecting.then(
        () => 'resolved',
        (error: { message?: string; data?: { key?: string } }) => error,
      );
      await commands.clickInPopup({ urlIncludes: '/connection-popup', role: 'button', name: 'Deny' });
      const error = await settled;
      expect(error).not.toBe('resolved');
      expect(String((error as { message?: string }).message)).toContain('Access to Notion was denied by the user.');
      expect((await client().integration('notion').get()).connection).toBeUndefined();
    });

    it('resolves null when the user closes the popup', async () => {
      const connecting = client().integration('asana').connect();
      await commands.waitForPopup({ urlIncludes: '/connection-popup' });
      await commands.closePopup({ urlIncludes: '/connection-popup' });
      expect(await connecting).toBeNull();
    });

    it('reconnect() repairs the connection in error', async () => {
      const c = client();
      const slack = await c.connection('slack').get();
      const reconnecting = c.connection(slack.id).reconnect();
      expect(await commands.popupText({ urlIncludes: '/connection-popup' })).toContain('reconnecting an existing connection');
      await commands.clickInPopup({ urlIncludes: '/connection-popup', role: 'button', name: 'Allow' });
      expect(await reconnecting).toMatchObject({ id: slack.id, connected: true });
    });

    it('completes by itself with the consent fault "allow"', async () => {
      await setFaults({ consent: 'allow' });
      await expect(client().integration('xero').connect()).resolves.toMatchObject({ name: 'Xero', connected: true });
    });

    it('rejects by itself with the consent fault "fail"', async () => {
      await setFaults({ consent: 'fail' });
      await expect(client().integration('xero').connect()).rejects.toMatchObject({
        message: expect.stringContaining('emulated consent failure'),
      });
    });
  });

  it('client-credentials connect completes in a hidden iframe with no user step', async () => {
    const connection = await client().integration('stripe').connect({ parameters: { secretKey: 'sk_test_0123456789', mode: 'test' } });
    expect(connection).toMatchObject({ name: 'Stripe', connected: true, authOptionKey: 'secret-key' });
    expect(document.querySelector('iframe[name^="connection-request-"]')).not.toBeNull();
    expect(await commands.countPopups()).toBe(0);
  });

  it('client-credentials connect with invalid parameters rejects', async () => {
    await expect(client().integration('pipedrive').connect({ parameters: {} })).rejects.toMatchObject({
      message: expect.stringContaining('"apiToken" is required'),
    });
  });

  it('mirrors connect results on SSE, readable cross-origin by EventSource', async () => {
    const { apiUri } = emulator();
    // The stream needs the customer's token (the customer the popup connects for).
    const source = new EventSource(`${apiUri}/sse/connection-events/sse-browser?token=${encodeURIComponent(await getToken())}`);
    const received = new Promise<MessageEvent>((resolve, reject) => {
      source.onmessage = resolve;
      source.onerror = () => reject(new Error('EventSource failed'));
    });
    await new Promise<void>((resolve) => source.addEventListener('open', () => resolve(), { once: true }));
    const payload = JSON.stringify({
      token: await getToken(),
      requestId: 'sse-browser',
      connectionParameters: { apiToken: 'pd-token' },
    });
    await fetch(`${apiUri}/connection-popup?integrationKey=pipedrive`, { method: 'POST', body: new URLSearchParams({ payload }) });
    const event = await received;
    source.close();
    expect(JSON.parse(event.data as string)).toMatchObject({
      source: 'integration.app',
      type: 'newConnectionCreated',
      requestId: 'sse-browser',
      connection: { name: 'Pipedrive' },
    });
  });

  describe('prebuilt UI (penpal iframe)', () => {
    const embed = { frameUrlIncludes: '/ui/embed/' };

    it('openNewConnection() resolves with the connection after Connect (OAuth app)', async () => {
      const opening = client().integration('hubspot').openNewConnection({ allowMultipleConnections: true });
      expect(await commands.frameText(embed)).toContain('Authorize HubSpot for Acme Inc.');
      await commands.clickInFrame({ ...embed, role: 'button', name: 'Connect' });
      const connection = await opening;
      // A second account is named after the account it signed in as (src/emulator/accountIdentityOf.ts).
      expect(connection).toMatchObject({ name: expect.stringMatching(/^HubSpot · \S+ \(\S+@\S+\)$/), connected: true });
      expect((await client().connections.find({ integrationKey: 'hubspot' })).items).toHaveLength(2);
      expect(document.querySelector('iframe')).toBeNull();
    });

    it('openNewConnection() with a parameters form (API-key style app)', async () => {
      const opening = client().integration('zendesk').openNewConnection();
      await commands.clickInFrame({ ...embed, role: 'button', name: 'Connect' });
      await expect.poll(() => commands.frameText(embed)).toContain('"subdomain" is required');
      await commands.fillInFrame({ ...embed, label: 'Subdomain *', value: 'acme' });
      await commands.fillInFrame({ ...embed, label: 'Agent email *', value: 'ops@acme.test' });
      await commands.fillInFrame({ ...embed, label: 'API token *', value: 'zd-secret' });
      await commands.clickInFrame({ ...embed, role: 'button', name: 'Connect' });
      expect(await opening).toMatchObject({ name: 'Zendesk', connected: true, authOptionKey: 'api-token' });
    });

    it('openNewConnection() resolves null on Cancel', async () => {
      const opening = client().integration('github').openNewConnection();
      await commands.clickInFrame({ ...embed, role: 'button', name: 'Cancel' });
      expect(await opening).toBeNull();
    });

    it('openReconnectUI() repairs a connection', async () => {
      const c = client();
      const salesforce = await c.connection('salesforce').get();
      const opening = c.connection(salesforce.id).openReconnectUI();
      await commands.clickInFrame({ ...embed, role: 'button', name: 'Reconnect' });
      await opening;
      expect(await c.connection(salesforce.id).get()).toMatchObject({ connected: true, disconnected: false });
    });

    it('open() shows every app; disconnect and close work', async () => {
      const c = client();
      const opening = c.open();
      const text = await commands.frameText(embed);
      expect(text).toContain('Integrations');
      expect(text).toContain('The access token was revoked by the user');
      const before = (await c.connections.find()).items.length;
      await commands.clickInFrame({ ...embed, selector: 'li:has-text("HubSpot") button:has-text("Disconnect")' });
      await expect.poll(async () => (await c.connections.find()).items.length).toBe(before - 1);
      await commands.clickInFrame({ ...embed, role: 'button', name: 'Close' });
      await opening;
      expect(document.querySelector('iframe')).toBeNull();
    });
  });
});
