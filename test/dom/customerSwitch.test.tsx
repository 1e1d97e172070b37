// Another customer signs in without a page reload: nothing of the previous customer (token, cached
// connections) may show or be used for the new one, with a provider or without.
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConnectButton, ConnectionStatus, MembraneKitProvider, membraneKeys, useMembraneKit, type MembraneKit, type MembraneKitEvent } from '../../src/index.ts';
import { answerPopup, captureForms, fakePopup } from './connectPopupHelpers.ts';
import { API_URI, startKitTestEnvironment } from './emulatorServer.ts';

const { emulator, requests } = startKitTestEnvironment();

/** A token endpoint answering for `customerId` (the emulator's default customer has HubSpot connected). */
async function tokenFor(customerId: string): Promise<string> {
  const response = await fetch(`${API_URI}/_emulator/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ customerId }),
  });
  return ((await response.json()) as { token: string }).token;
}

const status = () => document.querySelector('[data-slot="connection-status"]');

/** The status after every pending render, then until it reads `state`. */
async function waitForState(state: string) {
  await vi.waitFor(() => expect(status()).toHaveAttribute('data-state', state), { timeout: 5000 });
}

describe('customer switch', () => {
  it('a provider given another customerKey renders the new customer with no frame of the previous one', async () => {
    const alice = emulator.store.defaultCustomer.id;
    const aliceToken = vi.fn(() => tokenFor(alice));
    const bobToken = vi.fn(() => tokenFor('bob'));
    const page = (customerKey: string, fetchToken: () => Promise<string>) => (
      <MembraneKitProvider apiUri={API_URI} customerKey={customerKey} fetchToken={fetchToken}>
        <ConnectionStatus integrationKey="hubspot" />
      </MembraneKitProvider>
    );
    const { rerender } = render(page(alice, aliceToken));
    await waitForState('connected');
    const aliceCalls = aliceToken.mock.calls.length;

    rerender(page('bob', bobToken));
    // The very render that switched customers already shows nothing of Alice's.
    expect(status()).not.toHaveAttribute('data-state', 'connected');
    await waitForState('not-connected');
    expect(bobToken).toHaveBeenCalled();
    expect(aliceToken).toHaveBeenCalledTimes(aliceCalls);
    expect(status()).not.toHaveAttribute('data-state', 'connected');
  });

  it("after a switch, components follow the new customer's kit: its refreshes reach them", async () => {
    const alice = emulator.store.defaultCustomer.id;
    let kit!: MembraneKit;
    function Probe() {
      kit = useMembraneKit().kit;
      return null;
    }
    const page = (customerKey: string) => (
      <MembraneKitProvider apiUri={API_URI} customerKey={customerKey} fetchToken={() => tokenFor(customerKey)}>
        <ConnectionStatus integrationKey="hubspot" />
        <Probe />
      </MembraneKitProvider>
    );
    const { rerender } = render(page(alice));
    await waitForState('connected');
    rerender(page('bob'));
    await waitForState('not-connected');
    // Bob connects HubSpot elsewhere; the new kit refreshes (as a connect flow or the live stream does).
    const bob = emulator.store.findCustomer('bob')!;
    const hubspot = emulator.store.findIntegration('hubspot')!;
    emulator.store.createConnection({ name: 'HubSpot', userId: bob.id, integrationId: hubspot.id, authOptionKey: 'oauth2', parameters: {} });
    await act(() => kit.queryClient.invalidateQueries({ queryKey: membraneKeys.all }));
    await waitForState('connected');
  });

  it("a provider's own QueryClient loses the previous customer's Membrane data, and only that", async () => {
    const { QueryClient } = await import('@tanstack/react-query');
    const queryClient = new QueryClient();
    queryClient.setQueryData(['app', 'settings'], { theme: 'dark' });
    const alice = emulator.store.defaultCustomer.id;
    const page = (customerKey: string) => (
      <MembraneKitProvider apiUri={API_URI} customerKey={customerKey} queryClient={queryClient} fetchToken={() => tokenFor(customerKey)}>
        <ConnectionStatus integrationKey="hubspot" />
      </MembraneKitProvider>
    );
    const { rerender } = render(page(alice));
    await waitForState('connected');
    rerender(page('bob'));
    expect(status()).not.toHaveAttribute('data-state', 'connected');
    await waitForState('not-connected');
    expect(queryClient.getQueryData(['app', 'settings'])).toEqual({ theme: 'dark' });
  });

  it('a new token for another customer empties the cache before anything is fetched with it', async () => {
    let signedIn = emulator.store.defaultCustomer.id;
    let kit!: MembraneKit;
    function Probe() {
      kit = useMembraneKit().kit;
      return null;
    }
    const page = (showStatus: boolean) => (
      <MembraneKitProvider apiUri={API_URI} fetchToken={() => tokenFor(signedIn)}>
        <Probe />
        {showStatus && <ConnectionStatus integrationKey="hubspot" />}
      </MembraneKitProvider>
    );
    const { rerender } = render(page(true));
    await waitForState('connected');
    rerender(page(false));

    // Bob signs in (the app passes no customerKey); the kit's next token is his.
    signedIn = 'bob';
    await act(async () => {
      kit.tokenManager.invalidate();
      await kit.tokenManager.getToken();
    });
    const listed = requests('GET', '/integrations');
    rerender(page(true));
    // Alice's cached HubSpot connection is gone: Bob never sees it, not even while refetching.
    expect(status()).not.toHaveAttribute('data-state', 'connected');
    await waitForState('not-connected');
    expect(requests('GET', '/integrations')).toBeGreaterThan(listed);
  });

  it('an answer requested with the previous customer’s token never lands in the cache', async () => {
    let signedIn = emulator.store.defaultCustomer.id;
    let kit!: MembraneKit;
    function Probe() {
      kit = useMembraneKit().kit;
      return null;
    }
    render(
      <MembraneKitProvider apiUri={API_URI} fetchToken={() => tokenFor(signedIn)}>
        <Probe />
        <ConnectionStatus integrationKey="hubspot" />
      </MembraneKitProvider>,
    );
    await waitForState('connected');
    // A slow refetch, still on Alice's token, is in flight when Bob's token arrives.
    emulator.faults.set({ latencyMs: 300 });
    await act(async () => {
      void kit.queryClient.invalidateQueries();
      await new Promise((resolve) => setTimeout(resolve, 50));
      emulator.faults.clear();
      signedIn = 'bob';
      kit.tokenManager.invalidate();
      await kit.tokenManager.getToken();
    });
    await waitForState('not-connected');
    // Alice's late answer arrived meanwhile and was dropped.
    await act(() => new Promise((resolve) => setTimeout(resolve, 400)));
    expect(status()).toHaveAttribute('data-state', 'not-connected');
  });

  it('components without a provider switch customers with customerKey', async () => {
    const alice = emulator.store.defaultCustomer.id;
    const aliceToken = vi.fn(() => tokenFor(alice));
    const page = (customerKey: string) => (
      <ConnectionStatus integrationKey="hubspot" apiUri={API_URI} customerKey={customerKey} fetchToken={customerKey === alice ? aliceToken : () => tokenFor('bob')} />
    );
    const { rerender } = render(page(alice));
    await waitForState('connected');
    const aliceCalls = aliceToken.mock.calls.length;
    rerender(page('bob'));
    expect(status()).not.toHaveAttribute('data-state', 'connected');
    await waitForState('not-connected');
    expect(aliceToken).toHaveBeenCalledTimes(aliceCalls);
  });

  it('a connect flow running for the previous customer is cancelled, and its popup closed', async () => {
    const popup = fakePopup();
    vi.spyOn(window, 'open').mockImplementation(() => popup as unknown as Window);
    const forms = captureForms();
    const alice = emulator.store.defaultCustomer.id;
    const events: MembraneKitEvent[] = [];
    const onConnected = vi.fn();
    const onCancel = vi.fn();
    const page = (customerKey: string) => (
      <ConnectButton
        integrationKey="github"
        apiUri={API_URI}
        customerKey={customerKey}
        fetchToken={() => tokenFor(customerKey)}
        onEvent={(event) => events.push(event)}
        onConnected={onConnected}
        onCancel={onCancel}
      />
    );
    const { rerender } = render(page(alice));
    const button = await screen.findByRole('button', { name: 'Connect GitHub' });
    await waitFor(() => expect(button).toHaveAttribute('data-state', 'not-connected'));
    await userEvent.setup().click(button);
    await waitFor(() => expect(forms).toHaveLength(1));

    rerender(page('bob'));
    await waitFor(() => expect(events.map((event) => event.type)).toEqual(['connect.started', 'connect.cancelled']));
    expect(popup.close).toHaveBeenCalled();
    expect(onCancel).toHaveBeenCalledTimes(1);
    // Alice finishing in the popup afterwards changes nothing on Bob's page.
    await act(() => answerPopup(forms[0]!, 'allow'));
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(onConnected).not.toHaveBeenCalled();
    expect(events.map((event) => event.type)).toEqual(['connect.started', 'connect.cancelled']);
  });
});
