/**
 * The real `@membranehq/sdk` 0.28.3 hosted screens (`ui.connect`, `ui.connection`,
 * `integration(key).openNewConnectionV2`, membrane-sdk-0.28.md §2) against the emulator's
 * `/screens/*` pages in Chromium: the SDK's own penpal v6 parent with `childOrigin` = the API
 * origin, the user acting in the screen's iframe.
 */
import { MembraneClient } from '@membranehq/sdk';
import { beforeEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { emulator, getToken, requestLog, resetEmulator, setFaults } from './emulator.ts';

type Conn = { id: string; name: string; connected?: boolean } | null;

const screens = { frameUrlIncludes: '/screens/' };

function client(): MembraneClient {
  const { apiUri, uiUri } = emulator();
  return new MembraneClient({ apiUri, uiUri, fetchToken: () => getToken() });
}

/** The SDK's overlay is gone once a screen closed (it removes `#__integration-app-container`). */
const overlayGone = () => expect.poll(() => document.getElementById('__integration-app-container')).toBeNull();

describe('@membranehq/sdk 0.28 hosted screens against the emulator', () => {
  beforeEach(async () => {
    await resetEmulator();
    await setFaults({ consent: 'manual' });
    document.body.innerHTML = '';
  });

  it('ui.connect({ integrationKey }) resolves with the connection after the user connects', async () => {
    const connecting = client().ui.connect({ integrationKey: 'hubspot', allowMultipleConnections: true }) as Promise<Conn>;
    expect(await commands.frameText(screens)).toContain('Authorize HubSpot for Acme Inc.');
    await commands.clickInFrame({ ...screens, role: 'button', name: 'Connect' });
    const connection = await connecting;
    // allowMultipleConnections made another account, named after it (src/emulator/accountIdentityOf.ts).
    expect(connection).toMatchObject({ name: expect.stringMatching(/^HubSpot · \S+ \(\S+@\S+\)$/), connected: true });
    await overlayGone();
    expect((await client().connection(connection!.id).get()).id).toBe(connection!.id);
    const post = (await requestLog()).find((entry) => entry.path === '/screens/connect');
    expect(post).toMatchObject({ method: 'POST', status: 200 });
    expect(post?.query).toEqual({});
  });

  it('ui.connect resolves null after Cancel, and nothing is created', async () => {
    const before = (await client().connections.find()).items.length;
    const connecting = client().ui.connect({ integrationKey: 'notion' }) as Promise<Conn>;
    await commands.clickInFrame({ ...screens, role: 'button', name: 'Cancel' });
    expect(await connecting).toBeNull();
    await overlayGone();
    expect((await client().connections.find()).items).toHaveLength(before);
  });

  it('ui.connect({ connectionId }) re-authenticates the same connection', async () => {
    const slack = await client().connection('slack').get();
    const reconnecting = client().ui.connect({ connectionId: slack.id }) as Promise<Conn>;
    expect(await commands.frameText(screens)).toContain('Reconnect Slack');
    await commands.clickInFrame({ ...screens, role: 'button', name: 'Reconnect' });
    expect(await reconnecting).toMatchObject({ id: slack.id, connected: true });
  });

  it('ui.connection({ connectionId }) shows the connection; Reconnect keeps its id; Close resolves null', async () => {
    const slack = await client().connection('slack').get();
    const viewing = client().ui.connection({ connectionId: slack.id, theme: 'dark' }) as Promise<Conn>;
    expect(await commands.frameText(screens)).toContain(slack.id);
    await commands.clickInFrame({ ...screens, role: 'button', name: 'Reconnect' });
    await expect.poll(() => commands.frameText(screens)).toContain('Reconnect Slack');
    await commands.clickInFrame({ ...screens, role: 'button', name: 'Reconnect' });
    expect(await viewing).toMatchObject({ id: slack.id, connected: true });
    await overlayGone();

    const closing = client().ui.connection({ connectionId: slack.id }) as Promise<Conn>;
    await commands.clickInFrame({ ...screens, role: 'button', name: 'Close' });
    expect(await closing).toBeNull();
  });

  it('integration(key).openNewConnectionV2() posts /screens/integrations/:key/connect and connects with consent "allow"', async () => {
    await setFaults({ consent: 'allow' });
    const connection = (await client().integration('google-sheets').openNewConnectionV2({ name: 'Sheets' })) as Conn;
    expect(connection).toMatchObject({ name: 'Sheets', connected: true });
    expect((await requestLog()).some((entry) => entry.method === 'POST' && entry.path === '/screens/integrations/google-sheets/connect')).toBe(true);
  });

  it('consent "deny" closes the screen by itself: null', async () => {
    await setFaults({ consent: 'deny' });
    expect(await client().ui.connect({ integrationKey: 'asana' })).toBeNull();
  });

  it('an unknown integration is an error page the user can close', async () => {
    const connecting = client().ui.connect({ integrationKey: 'no-such-app' }) as Promise<Conn>;
    expect(await commands.frameText(screens)).toContain('Integration "no-such-app" not found.');
    await commands.clickInFrame({ ...screens, role: 'button', name: 'Close' });
    expect(await connecting).toBeNull();
  });
});
