/**
 * One account among several of an app: `<ConnectionStatus connectionId>`, `<ConnectButton
 * connectionId>` and `useConnection`, against the emulator's MSW handlers.
 */
import { act, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectButton, ConnectionStatus, MembraneKitProvider, useConnection } from '../../src/index.ts';
import { answerPopup, captureForms, fakePopup } from './connectPopupHelpers.ts';
import { API_URI, startKitTestEnvironment } from './emulatorServer.ts';

const { emulator, fetchToken, requests } = startKitTestEnvironment();

let healthy: string;
let broken: string;

beforeEach(() => {
  emulator.faults.set({ consent: 'allow' });
  const hubspot = emulator.store.findIntegration('hubspot')!;
  const [first] = emulator.store.findConnections({ integrationId: hubspot.id });
  healthy = emulator.store.updateConnection(first!.id, { name: 'HubSpot · acme.com (jane@acme.com)' }).id;
  broken = emulator.store.createConnection({
    name: 'HubSpot · acme-eu.com (ops@acme-eu.com)',
    userId: first!.userId,
    integrationId: hubspot.id,
    authOptionKey: 'oauth2',
    parameters: {},
    state: 'CLIENT_ACTION_REQUIRED',
    clientAction: { type: 'connect', description: 'Sign in to acme-eu.com again.' },
  }).id;
});

describe('<ConnectionStatus connectionId> and <ConnectButton connectionId>', () => {
  it('each account shows its own name and status, and Reconnect repairs only that account', async () => {
    vi.spyOn(window, 'open').mockImplementation(() => fakePopup() as unknown as Window);
    const forms = captureForms();
    const user = userEvent.setup();
    render(
      <MembraneKitProvider fetchToken={fetchToken} apiUri={API_URI}>
        <div data-testid="jane">
          <ConnectionStatus integrationKey="hubspot" connectionId={healthy} showReconnect />
        </div>
        <div data-testid="ops">
          <ConnectionStatus integrationKey="hubspot" connectionId={broken} showReconnect />
        </div>
      </MembraneKitProvider>,
    );
    const status = (id: string) => screen.getByTestId(id).querySelector('[data-slot="connection-status"]');
    await waitFor(() => expect(status('ops')).toHaveAttribute('data-state', 'needs-action'));
    await waitFor(() => expect(status('jane')).toHaveAttribute('data-state', 'connected'));
    expect(screen.getByTestId('ops')).toHaveTextContent('HubSpot · acme-eu.com (ops@acme-eu.com)');
    expect(screen.getByTestId('jane')).toHaveTextContent('HubSpot · acme.com (jane@acme.com)');
    expect(within(screen.getByTestId('jane')).queryByRole('button', { name: /Reconnect/ })).toBeNull();
    expect(requests('GET', `/connections/${broken}`)).toBe(1);

    const reconnect = within(screen.getByTestId('ops')).getByRole('button', { name: 'Reconnect HubSpot · acme-eu.com (ops@acme-eu.com)' });
    expect(reconnect).toHaveAttribute('data-state', 'needs-action');
    expect(reconnect).toHaveAttribute('data-reconnect', '');
    await user.click(reconnect);
    await waitFor(() => expect(forms).toHaveLength(1));
    expect(forms[0]!.payload).toMatchObject({ connectionId: broken });
    await act(() => answerPopup(forms[0]!));

    await waitFor(() => expect(status('ops')).toHaveAttribute('data-state', 'connected'));
    expect(emulator.store.connections.get(broken)).toMatchObject({ name: 'HubSpot · acme-eu.com (ops@acme-eu.com)' });
    expect(emulator.store.connections.get(broken)?.state).toBeUndefined();
    expect(emulator.store.findConnections({ integrationKey: 'hubspot' })).toHaveLength(2);
    expect(status('jane')).toHaveAttribute('data-state', 'connected');
  });

  it('a ConnectButton for a healthy account reads Connected and starts nothing, even when another account needs action', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => fakePopup() as unknown as Window);
    const user = userEvent.setup();
    render(
      <MembraneKitProvider fetchToken={fetchToken} apiUri={API_URI}>
        <ConnectButton integrationKey="hubspot" connectionId={healthy} />
        <ConnectButton integrationKey="hubspot" connectionId={broken} />
      </MembraneKitProvider>,
    );
    const fine = await screen.findByRole('button', { name: 'HubSpot · acme.com (jane@acme.com) is connected' });
    expect(fine).toHaveAttribute('aria-disabled', 'true');
    await user.click(fine);
    expect(open).not.toHaveBeenCalled();
    expect(await screen.findByRole('button', { name: 'Reconnect HubSpot · acme-eu.com (ops@acme-eu.com)' })).toHaveAttribute('data-action', 'reconnect');
  });

  it('an archived account reads Connect and its click adds a new account instead of reviving it', async () => {
    emulator.store.updateConnection(broken, { archivedAt: new Date().toISOString() });
    vi.spyOn(window, 'open').mockImplementation(() => fakePopup() as unknown as Window);
    const forms = captureForms();
    const user = userEvent.setup();
    render(<ConnectButton integrationKey="hubspot" connectionId={broken} fetchToken={fetchToken} apiUri={API_URI} />);
    const button = await screen.findByRole('button', { name: 'Connect HubSpot' });
    await waitFor(() => expect(button).toHaveAttribute('data-state', 'not-connected'));
    await user.click(button);
    await waitFor(() => expect(forms).toHaveLength(1));
    expect(forms[0]!.payload).not.toHaveProperty('connectionId');
  });
});

describe('useConnection', () => {
  it('reads one connection by id with its state and message; an unknown id is an error', async () => {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <MembraneKitProvider fetchToken={fetchToken} apiUri={API_URI}>
        {children}
      </MembraneKitProvider>
    );
    const { result } = renderHook(() => useConnection(broken), { wrapper });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(result.current.connection?.id).toBe(broken);
    expect(result.current.state).toBe('needs-action');
    expect(result.current.details).toMatchObject({ action: 'reconnect', message: 'Sign in to acme-eu.com again.' });

    const missing = renderHook(() => useConnection('000000000000000000000000'), { wrapper });
    await waitFor(() => expect(missing.result.current.error).not.toBeNull(), { timeout: 5000 });
    expect(missing.result.current.connection).toBeUndefined();
  });
});
