import { IntegrationAppClient } from '@integration-app/sdk';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { commands, userEvent } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../src/styles/styles.css';
import { ConnectButton, IntegrationsList, resetSharedKits, type MembraneKitEvent } from '../../src/index.ts';
import { connectWithRedirect } from '../../src/core/connect/connectWithRedirect.ts';
import { clearConnectRedirectResult, readConnectRedirectResult } from '../../src/core/connect/readConnectRedirectResult.ts';
import { emulator, getToken, requestLog, resetEmulator, setFaults } from './emulator.ts';

const fetchToken = () => getToken();

beforeEach(async () => {
  await resetEmulator();
  // A popup of the previous test may still be closing itself; never act on it by mistake.
  await waitFor(async () => expect(await commands.countPopups()).toBe(0), { timeout: 5000 });
});
afterEach(() => {
  cleanup();
  resetSharedKits();
  vi.restoreAllMocks();
});

async function ready(name: string) {
  const button = await screen.findByRole('button', { name }, { timeout: 10_000 });
  await waitFor(() => expect(button).not.toHaveAttribute('data-state', 'loading'));
  return button;
}

describe('custom flow in Chromium against the emulator', () => {
  it('connects through a real popup; a forged message from another origin changes nothing', async () => {
    const open = vi.spyOn(window, 'open');
    const onConnected = vi.fn();
    const events: MembraneKitEvent[] = [];
    render(
      <ConnectButton
        integrationKey="github"
        fetchToken={fetchToken}
        apiUri={emulator().apiUri}
        onConnected={onConnected}
        onEvent={(event) => events.push(event)}
      />,
    );
    const button = await ready('Connect GitHub');
    await waitFor(() => expect(button).toHaveAttribute('data-state', 'not-connected'));
    await userEvent.click(button);
    expect(open).toHaveBeenCalledTimes(1);
    const requestId = String(open.mock.calls[0]![1]).replace('connection-request-', '');
    await commands.waitForPopup({ urlIncludes: '/connect' });

    // This page's origin is not the API's: the kit must ignore the message, though the requestId matches.
    window.postMessage(
      { source: 'integration.app', type: 'newConnectionCreated', requestId, connection: { id: '65a1f0c2d4e5f60718293c01' } },
      '*',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(onConnected).not.toHaveBeenCalled();
    expect(button).toHaveAttribute('data-busy');

    await commands.clickInPopup({ urlIncludes: '/connect', role: 'button', name: 'Allow' });
    await waitFor(() => expect(onConnected).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    const connection = onConnected.mock.calls[0]![0] as { id: string; integrationId: string };
    expect(connection.id).not.toBe('65a1f0c2d4e5f60718293c01');
    await waitFor(() => expect(button).toHaveAttribute('data-state', 'connected'));
    expect(events.map((event) => event.type)).toEqual(['connect.started', 'connect.succeeded']);
    const log = await requestLog();
    expect(log.filter((entry) => entry.method === 'GET' && entry.path === `/connections/${connection.id}`)).toHaveLength(1);
    // The current connect stack: at most one /connection-options (hover prefetch and click share it), one POST /connect.
    expect(log.filter((entry) => entry.method === 'POST' && entry.path === '/connection-options').length).toBeLessThanOrEqual(1);
    expect(log.filter((entry) => entry.method === 'POST' && entry.path === '/connect')).toHaveLength(1);
    expect(log.filter((entry) => entry.path.startsWith('/connection-popup'))).toEqual([]);
    // The token is in no URL but the SSE streams', where Membrane's protocol puts it.
    const withToken = log.filter((entry) => 'token' in entry.query).map((entry) => entry.path);
    expect(withToken.filter((path) => !path.startsWith('/sse/'))).toEqual([]);
    expect(withToken).toContain(`/sse/connection-events/${requestId}`);
  });

  it('a result from the API origin naming another integration’s connection neither ends the flow nor closes the popup', async () => {
    const open = vi.spyOn(window, 'open');
    const onConnected = vi.fn();
    const onError = vi.fn();
    const events: MembraneKitEvent[] = [];
    render(
      <ConnectButton
        integrationKey="github"
        fetchToken={fetchToken}
        apiUri={emulator().apiUri}
        onConnected={onConnected}
        onError={onError}
        onEvent={(event) => events.push(event)}
      />,
    );
    const button = await ready('Connect GitHub');
    await waitFor(() => expect(button).toHaveAttribute('data-state', 'not-connected'));
    await userEvent.click(button);
    const requestId = String(open.mock.calls[0]![1]).replace('connection-request-', '');
    // The popup's consent page is loaded (it waits for a click); from now on consent answers itself.
    await commands.waitForPopup({ urlIncludes: '/connect' });
    await setFaults({ consent: 'allow' });

    // A frame on the API origin runs a HubSpot connect under the popup's request id: its result page
    // posts a genuine-looking success (right origin, right requestId) for HubSpot's connection.
    const token = await getToken();
    const hubspot = (await (await fetch(`${emulator().apiUri}/integrations/hubspot`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      id: string;
    };
    const frame = document.createElement('iframe');
    frame.name = 'forger';
    document.body.appendChild(frame);
    const form = document.createElement('form');
    form.method = 'POST';
    form.action = `${emulator().apiUri}/connect`;
    form.target = 'forger';
    const payload = document.createElement('input');
    payload.type = 'hidden';
    payload.name = 'payload';
    payload.value = JSON.stringify({ token, integrationId: hubspot.id, requestId });
    form.appendChild(payload);
    document.body.appendChild(form);
    const forged = new Promise<void>((resolve) => {
      const onMessage = (event: MessageEvent) => {
        if ((event.data as { requestId?: unknown } | null)?.requestId !== requestId) return;
        window.removeEventListener('message', onMessage);
        resolve();
      };
      window.addEventListener('message', onMessage);
    });
    form.submit();
    await forged;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(onError).not.toHaveBeenCalled();
    expect(onConnected).not.toHaveBeenCalled();
    expect(button).toHaveAttribute('data-busy');
    expect(await commands.countPopups()).toBe(1);

    // The user clicks Allow: the real GitHub connection is taken.
    await commands.clickInPopup({ urlIncludes: '/connect', role: 'button', name: 'Allow' });
    await waitFor(() => expect(onConnected).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(onConnected.mock.calls[0]![0]).toMatchObject({ integrationId: expect.not.stringMatching(`^${hubspot.id}$`) });
    expect(onError).not.toHaveBeenCalled();
    expect(events.map((event) => event.type)).toEqual(['connect.started', 'connect.succeeded']);
    form.remove();
    frame.remove();
  });

  it('reports a popup closed by the user as cancelled', async () => {
    const onCancel = vi.fn();
    render(<ConnectButton integrationKey="github" fetchToken={fetchToken} apiUri={emulator().apiUri} onCancel={onCancel} />);
    const button = await ready('Connect GitHub');
    await waitFor(() => expect(button).toHaveAttribute('data-state', 'not-connected'));
    await userEvent.click(button);
    await commands.waitForPopup({ urlIncludes: '/connect' });
    await commands.closePopup({ urlIncludes: '/connect' });
    await waitFor(() => expect(onCancel).toHaveBeenCalledTimes(1), { timeout: 5000 });
    expect(button).not.toHaveAttribute('data-busy');
  });

  it('explains a blocked popup and offers "Continue in this tab"', async () => {
    // Playwright starts Chromium with its popup blocker off, so the test plays the blocker's part:
    // window.open answers null, exactly what a blocking browser gives the page.
    vi.spyOn(window, 'open').mockReturnValue(null);
    const submitted: Array<{ target: string; action: string; payload: Record<string, unknown> }> = [];
    vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(function (this: HTMLFormElement) {
      const payload = this.querySelector<HTMLInputElement>('input[name="payload"]')!.value;
      submitted.push({ target: this.target, action: this.action, payload: JSON.parse(payload) as Record<string, unknown> });
    });
    const onError = vi.fn();
    render(<ConnectButton integrationKey="github" fetchToken={fetchToken} apiUri={emulator().apiUri} onError={onError} />);
    const button = await ready('Connect GitHub');
    await waitFor(() => expect(button).toHaveAttribute('data-state', 'not-connected'));
    await userEvent.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Connect GitHub' });
    expect(within(dialog).getByRole('alert')).toHaveTextContent('The connection window was blocked');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'popup_blocked' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Continue in this tab' }));
    await waitFor(() => expect(submitted).toHaveLength(1));
    const github = (await (
      await fetch(`${emulator().apiUri}/integrations/github`, { headers: { authorization: `Bearer ${await getToken()}` } })
    ).json()) as { id: string };
    expect(submitted[0]).toEqual({
      target: '_self',
      action: `${emulator().apiUri}/connect`,
      payload: {
        token: expect.any(String),
        integrationId: github.id,
        authOptionKey: expect.any(String),
        requestId: expect.stringMatching(/^[0-9a-z]{22}$/),
        redirectUri: expect.any(String),
      },
    });
    // This page, plus the request id the returned page must carry to be taken as the result.
    const back = new URL(location.href);
    back.searchParams.set('mk_connect', String(submitted[0]!.payload.requestId));
    expect(submitted[0]!.payload.redirectUri).toBe(back.toString());
    expect(Object.keys(submitted[0]!.payload)).toEqual(['token', 'integrationId', 'authOptionKey', 'requestId', 'redirectUri']);
    // The blocked click and "Continue in this tab" asked /connection-options once between them.
    const log = await requestLog();
    expect(log.filter((entry) => entry.method === 'POST' && entry.path === '/connection-options')).toHaveLength(1);
  });

  it('runs client credentials in a hidden iframe with the keyboard alone, then returns focus to the button', async () => {
    const open = vi.spyOn(window, 'open');
    const onConnected = vi.fn();
    render(<ConnectButton integrationKey="stripe" fetchToken={fetchToken} apiUri={emulator().apiUri} onConnected={onConnected} />);
    const button = await ready('Connect Stripe');
    await waitFor(() => expect(button).toHaveAttribute('data-state', 'not-connected'));
    await userEvent.keyboard('{Tab}');
    expect(button).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Connect Stripe' });
    const secret = within(dialog).getByLabelText(/Secret key/);
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    secret.focus();
    await userEvent.keyboard('sk_test_1234567890{Enter}');
    await waitFor(() => expect(onConnected).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(button).toHaveFocus();
    expect(document.querySelector('iframe[name^="connection-request-"]')).toBeNull();
    await waitFor(() => expect(button).toHaveAttribute('data-state', 'connected'));
    // /connection-options said client-credentials: no window at all, the form went into the hidden iframe.
    expect(open).not.toHaveBeenCalled();
    const log = await requestLog();
    expect(log.filter((entry) => entry.method === 'POST' && entry.path === '/connection-options')).toHaveLength(1);
    expect(log.filter((entry) => entry.method === 'POST' && entry.path === '/connect')).toHaveLength(1);
  });

  it('picks an auth option and fills its form with the keyboard alone; Escape also returns focus', async () => {
    const onConnected = vi.fn();
    render(<ConnectButton integrationKey="jira" fetchToken={fetchToken} apiUri={emulator().apiUri} onConnected={onConnected} />);
    const button = await ready('Connect Jira');
    await waitFor(() => expect(button).toHaveAttribute('data-state', 'not-connected'));
    button.focus();
    await userEvent.keyboard('{Enter}');
    let dialog = await screen.findByRole('dialog', { name: 'Connect Jira' });
    await waitFor(() => expect(within(dialog).getByRole('radio', { name: /Atlassian account/ })).toHaveFocus());
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(button).toHaveFocus();

    await userEvent.keyboard('{Enter}');
    dialog = await screen.findByRole('dialog', { name: 'Connect Jira' });
    await waitFor(() => expect(within(dialog).getByRole('radio', { name: /Atlassian account/ })).toHaveFocus());
    await userEvent.keyboard('{ArrowDown}');
    expect(within(dialog).getByRole('radio', { name: /API token/ })).toBeChecked();
    await userEvent.keyboard('{Tab}');
    expect(within(dialog).getByLabelText(/Site URL/)).toHaveFocus();
    await userEvent.keyboard('https://acme.atlassian.net{Tab}me@acme.test{Tab}secret-token{Enter}');
    await waitFor(() => expect(onConnected).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(button).toHaveFocus();
    expect(onConnected.mock.calls[0]![0]).toMatchObject({ authOptionKey: 'api-token' });
  });

  it('runs the same-window redirect and reads the result back', async () => {
    await setFaults({ consent: 'allow' });
    const frame = document.createElement('iframe');
    frame.src = 'about:blank';
    document.body.appendChild(frame);
    const frameWindow = frame.contentWindow!;
    const integrations = (await (
      await fetch(`${emulator().apiUri}/integrations/github`, { headers: { authorization: `Bearer ${await getToken()}` } })
    ).json()) as { id: string };
    const landed = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: false }));
    await connectWithRedirect({
      apiUri: emulator().apiUri,
      getToken: fetchToken,
      integrationId: integrations.id,
      integrationKey: 'github',
      redirectUri: `${location.origin}/__redirect-target?tab=apps`,
      win: frameWindow,
    });
    await landed;
    await waitFor(() => expect(frame.contentWindow!.location.search).toContain('connectionId='), { timeout: 10_000 });
    const result = readConnectRedirectResult(frame.contentWindow!);
    expect(result).toMatchObject({ integrationKey: 'github', connectionId: expect.any(String) });
    clearConnectRedirectResult(frame.contentWindow!);
    expect(frame.contentWindow!.location.search).toBe('?tab=apps');
    frame.remove();
  });
});

// These drive the 1.14 SDK's /embed pages: the SDK is given explicitly (the default is the kit's 0.28 screens).
describe('prebuilt mode in Chromium', () => {
  it('connects through the SDK iframe UI and refreshes the list once', async () => {
    const onConnected = vi.fn();
    render(
      <IntegrationsList
        mode="prebuilt"
        sdk={IntegrationAppClient}
        fetchToken={fetchToken}
        apiUri={emulator().apiUri}
        uiUri={emulator().uiUri}
        onConnected={onConnected}
      />,
    );
    const button = await ready('Connect GitHub');
    expect(screen.getByRole('button', { name: 'Manage integrations' })).toBeInTheDocument();
    await userEvent.click(button);
    await commands.clickInFrame({ frameUrlIncludes: '/embed/', role: 'button', name: 'Connect' });
    await waitFor(() => expect(onConnected).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    await waitFor(() =>
      expect(document.querySelector('[data-integration-key="github"]')).toHaveAttribute('data-state', 'connected'),
    );
    const log = await requestLog();
    expect(log.filter((entry) => entry.method === 'GET' && entry.path === '/integrations')).toHaveLength(2);
  });

  it('repairs a disconnected connection through the SDK reconnect UI', async () => {
    const onConnected = vi.fn();
    const events: MembraneKitEvent[] = [];
    render(
      <ConnectButton
        integrationKey="salesforce"
        mode="prebuilt"
        sdk={IntegrationAppClient}
        fetchToken={fetchToken}
        apiUri={emulator().apiUri}
        uiUri={emulator().uiUri}
        onConnected={onConnected}
        onEvent={(event) => events.push(event)}
      />,
    );
    const button = await ready('Reconnect Salesforce');
    await userEvent.click(button);
    await commands.clickInFrame({ frameUrlIncludes: '/embed/connections/', role: 'button', name: 'Reconnect' });
    await waitFor(() => expect(onConnected).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(onConnected.mock.calls[0]![0]).toMatchObject({ id: '65a1f0c2d4e5f60718293c02' });
    await waitFor(() => expect(button).toHaveAttribute('data-state', 'connected'));
    expect(events.map((event) => event.type)).toEqual(['connect.started', 'connect.succeeded']);
    expect(events[0]).toMatchObject({ mode: 'prebuilt', reconnect: true });
  });

  it('reports a prebuilt UI closed without connecting as cancelled, and "Manage integrations" refreshes the list on close', async () => {
    const onCancel = vi.fn();
    const events: MembraneKitEvent[] = [];
    render(
      <>
        <ConnectButton
          integrationKey="notion"
          mode="prebuilt"
          sdk={IntegrationAppClient}
          fetchToken={fetchToken}
          apiUri={emulator().apiUri}
          uiUri={emulator().uiUri}
          onCancel={onCancel}
          onEvent={(event) => events.push(event)}
        />
        <IntegrationsList mode="prebuilt" sdk={IntegrationAppClient} searchable={false} fetchToken={fetchToken} apiUri={emulator().apiUri} uiUri={emulator().uiUri} />
      </>,
    );
    await screen.findByRole('list', { name: 'Integrations' }, { timeout: 10_000 });
    const button = document.querySelector<HTMLButtonElement>('[data-slot="connect-button"]')!;
    expect(button).toHaveAccessibleName('Connect Notion');
    await userEvent.click(button);
    await commands.clickInFrame({ frameUrlIncludes: '/embed/', role: 'button', name: 'Cancel' });
    await waitFor(() => expect(onCancel).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(events.map((event) => event.type)).toEqual(['connect.started', 'connect.cancelled']);

    const listsBefore = (await requestLog()).filter((entry) => entry.method === 'GET' && entry.path === '/integrations').length;
    await userEvent.click(screen.getByRole('button', { name: 'Manage integrations' }));
    expect(await commands.frameText({ frameUrlIncludes: '/embed/main' })).toContain('Integrations');
    await commands.clickInFrame({ frameUrlIncludes: '/embed/main', role: 'button', name: 'Close' });
    await waitFor(async () =>
      expect((await requestLog()).filter((entry) => entry.method === 'GET' && entry.path === '/integrations').length).toBe(listsBefore + 1),
    );
  });
});
