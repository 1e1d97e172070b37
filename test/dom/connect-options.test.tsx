/**
 * `<ConnectButton>` options and repair flows, end to end against the emulator's MSW handlers:
 * `allowMultipleConnections`, reconnecting a connection in error, and a parameters failure
 * reported by Membrane.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EmulatorAuthOption } from '../../src/emulator/types.ts';
import { ConnectButton, ConnectionStatus, MembraneKitProvider, type MembraneKitEvent } from '../../src/index.ts';
import { answerPopup, captureForms, fakePopup } from './connectPopupHelpers.ts';
import { API_URI, startKitTestEnvironment } from './emulatorServer.ts';

const { emulator, fetchToken, requests } = startKitTestEnvironment();

beforeEach(() => {
  emulator.faults.set({ consent: 'allow' });
});

function connectionsOf(integrationKey: string) {
  const integration = emulator.store.findIntegration(integrationKey)!;
  return emulator.store.findConnections({ integrationId: integration.id });
}

describe('<ConnectButton allowMultipleConnections>', () => {
  it('reads "Add account" once connected, sends allowMultipleConnections, and ends with a second HubSpot connection', async () => {
    expect(connectionsOf('hubspot')).toHaveLength(1);
    const existing = connectionsOf('hubspot')[0]!.id;
    vi.spyOn(window, 'open').mockImplementation(() => fakePopup() as unknown as Window);
    const forms = captureForms();
    const onConnected = vi.fn();
    const user = userEvent.setup();
    render(<ConnectButton integrationKey="hubspot" allowMultipleConnections fetchToken={fetchToken} apiUri={API_URI} onConnected={onConnected} />);
    const button = await screen.findByRole('button', { name: 'Add another HubSpot account' });
    expect(button).toHaveAttribute('data-state', 'connected');
    expect(button).toHaveTextContent('Add account');

    await user.click(button);
    await waitFor(() => expect(forms).toHaveLength(1));
    const form = forms[0]!;
    // SDK 0.28's wire: POST /connect, the ids and the token only in the payload.
    expect(form.action).toBe(`${API_URI}/connect`);
    expect(form.payload).toMatchObject({ integrationId: emulator.store.findIntegration('hubspot')!.id, allowMultipleConnections: true });
    expect(form.payload).not.toHaveProperty('connectionId');
    expect(requests('POST', '/connection-options')).toBe(1);
    await act(() => answerPopup(form));

    await waitFor(() => expect(onConnected).toHaveBeenCalledTimes(1));
    expect(connectionsOf('hubspot')).toHaveLength(2);
    const confirmed = onConnected.mock.calls[0]![0] as { id: string };
    expect(confirmed.id).not.toBe(existing);
    expect(requests('GET', `/connections/${confirmed.id}`)).toBe(1);
  });

  it('without it, a connected integration reads "Connected" and a click starts nothing', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => fakePopup() as unknown as Window);
    const forms = captureForms();
    const user = userEvent.setup();
    render(<ConnectButton integrationKey="hubspot" fetchToken={fetchToken} apiUri={API_URI} />);
    const button = await screen.findByRole('button', { name: 'HubSpot is connected' });
    expect(button).toHaveTextContent('Connected');
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAttribute('data-state', 'connected');
    await user.click(button);
    expect(open).not.toHaveBeenCalled();
    expect(forms).toHaveLength(0);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(connectionsOf('hubspot')).toHaveLength(1);
  });
});

describe('POST /connection-options and the hover prefetch', () => {
  it('a hover asks /connection-options once; the click then asks nothing and posts into the popup it opened', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => fakePopup() as unknown as Window);
    const forms = captureForms();
    const user = userEvent.setup();
    render(<ConnectButton integrationKey="github" fetchToken={fetchToken} apiUri={API_URI} />);
    const button = await screen.findByRole('button', { name: 'Connect GitHub' });
    await waitFor(() => expect(button).toHaveAttribute('data-state', 'not-connected'));
    expect(requests('POST', '/connection-options')).toBe(0);

    await user.hover(button);
    await waitFor(() => expect(requests('POST', '/connection-options')).toBe(1));
    await user.click(button);
    expect(open).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(forms).toHaveLength(1));
    expect(forms[0]).toMatchObject({ action: `${API_URI}/connect`, target: open.mock.calls[0]![1] });
    expect(requests('POST', '/connection-options')).toBe(1);
    await act(() => answerPopup(forms[0]!));
    await waitFor(() => expect(button).toHaveAttribute('data-state', 'connected'));
    expect(requests('POST', '/connection-options')).toBe(1);
  });
});

describe('reconnect from a connection in error', () => {
  it('reads Reconnect, sends the connection id, and ends connected', async () => {
    const [slack] = connectionsOf('slack');
    expect(slack?.error).toBeTruthy();
    vi.spyOn(window, 'open').mockImplementation(() => fakePopup() as unknown as Window);
    const forms = captureForms();
    const events: MembraneKitEvent[] = [];
    const user = userEvent.setup();
    render(
      <MembraneKitProvider fetchToken={fetchToken} apiUri={API_URI} onEvent={(event) => events.push(event)}>
        <ConnectionStatus integrationKey="slack" />
        <ConnectButton integrationKey="slack" />
      </MembraneKitProvider>,
    );
    const button = await screen.findByRole('button', { name: 'Reconnect Slack' });
    expect(button).toHaveTextContent('Reconnect');
    // disconnected + a revoked-token error: 0.28's connected:false is read before the error (membrane-sdk-0.28.md §3).
    expect(button).toHaveAttribute('data-state', 'disconnected');
    expect(button).toHaveAttribute('data-reconnect', '');

    await user.click(button);
    await waitFor(() => expect(forms).toHaveLength(1));
    expect(forms[0]!.action).toBe(`${API_URI}/connect`);
    expect(forms[0]!.payload).toMatchObject({ connectionId: slack!.id });
    expect(forms[0]!.payload).not.toHaveProperty('integrationId');
    expect(requests('POST', '/connection-options')).toBe(1);
    await act(() => answerPopup(forms[0]!));

    await waitFor(() => expect(button).toHaveAttribute('data-state', 'connected'));
    expect(button).not.toHaveAttribute('data-reconnect');
    expect(button).toHaveAccessibleName('Slack is connected');
    await waitFor(() => expect(document.querySelector('[data-slot="connection-status"]')).toHaveAttribute('data-state', 'connected'));
    expect(connectionsOf('slack')).toHaveLength(1);
    expect(connectionsOf('slack')[0]).toMatchObject({ id: slack!.id });
    expect(connectionsOf('slack')[0]!.error).toBeUndefined();
    expect(events.filter((event) => event.type.startsWith('connect.'))).toEqual([
      { type: 'connect.started', integrationKey: 'slack', mode: 'custom', reconnect: true },
      expect.objectContaining({ type: 'connect.succeeded', integrationKey: 'slack', mode: 'custom', reconnect: true }),
    ]);
  });
});

describe('a parameters failure reported by Membrane', () => {
  it('reaches the UI as invalid_parameters in plain words, and Try again starts a new request', async () => {
    const github = emulator.store.findIntegration('github')! as { authOptions: EmulatorAuthOption[] };
    const original = github.authOptions;
    try {
      vi.spyOn(window, 'open').mockImplementation(() => fakePopup() as unknown as Window);
      const forms = captureForms();
      const onError = vi.fn();
      const user = userEvent.setup();
      render(<ConnectButton integrationKey="github" fetchToken={fetchToken} apiUri={API_URI} onError={onError} />);
      const button = await screen.findByRole('button', { name: 'Connect GitHub' });
      await waitFor(() => expect(button).toHaveAttribute('data-state', 'not-connected'));

      // Membrane's schema now asks for a field the page loaded before it existed: the server refuses.
      github.authOptions = [
        {
          ...original[0]!,
          ui: { schema: { type: 'object', properties: { org: { type: 'string', title: 'Organisation' } }, required: ['org'] } },
        },
      ];
      await user.click(button);
      await waitFor(() => expect(forms).toHaveLength(1));
      const message = await act(() => answerPopup(forms[0]!));
      expect(message).toMatchObject({ type: 'newConnectionFailure', errorData: { type: 'bad_request' } });

      const dialog = await screen.findByRole('dialog', { name: 'Connect GitHub' });
      const alert = within(dialog).getByRole('alert');
      expect(alert).toHaveTextContent('Could not connect GitHub');
      expect(alert).toHaveTextContent('Some details were not accepted. Check them and try again.');
      expect(onError).toHaveBeenCalledWith(
        expect.objectContaining({ code: 'invalid_parameters', message: 'Invalid connection parameters for GitHub: "org" is required.' }),
      );

      github.authOptions = original;
      await user.click(within(alert).getByRole('button', { name: 'Try again' }));
      await waitFor(() => expect(forms).toHaveLength(2));
      expect(forms[1]!.payload.requestId).not.toBe(forms[0]!.payload.requestId);
      await act(() => answerPopup(forms[1]!));
      await waitFor(() => expect(button).toHaveAttribute('data-state', 'connected'));
      expect(connectionsOf('github')).toHaveLength(1);
    } finally {
      github.authOptions = original;
    }
  });
});
