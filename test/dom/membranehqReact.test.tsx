/**
 * membrane-react-kit/membranehq-react: the kit and an app's `@membranehq/react` 0.28 share one
 * client and one token, in both directions, against the emulator's MSW handlers.
 */
import { MembraneProvider, useIntegrations, useMembrane } from '@membranehq/react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConnectButton, ConnectionStatus, MembraneKitProvider, useMembraneKit, type MembraneKitEvent } from '../../src/index.ts';
import { MembraneKitProviderFromMembrane, MembraneProviderFromKit } from '../../src/membranehq-react/index.ts';
import { API_URI, startKitTestEnvironment } from './emulatorServer.ts';

const { emulator, fetchToken, requests } = startKitTestEnvironment();

/** Integrations as `@membranehq/react`'s own hook lists them (its SWR fetch, on its client). */
function MembraneList() {
  const { integrations } = useIntegrations();
  return <p data-testid="membrane-list">{integrations.map((integration) => integration.key).join(',')}</p>;
}

/** Where Membrane's client points. */
function MembraneClientFacts() {
  const client = useMembrane();
  return (
    <p data-testid="membrane-client">
      {client.apiUri} {client.uiUri}
    </p>
  );
}

/** The app's `MembraneClient`, as `useMembrane()` types it. */
type MembraneClientLike = ReturnType<typeof useMembrane>;

describe('membrane-react-kit/membranehq-react', () => {
  it('runs @membranehq/react hooks inside the kit provider on the kit’s token and URIs', async () => {
    const backend = vi.fn(fetchToken);
    render(
      <MembraneKitProvider fetchToken={backend} apiUri={API_URI} uiUri={`${API_URI}/ui`}>
        <MembraneProviderFromKit>
          <MembraneList />
          <MembraneClientFacts />
          <ConnectionStatus integrationKey="hubspot" />
        </MembraneProviderFromKit>
      </MembraneKitProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('membrane-list')).toHaveTextContent('hubspot'));
    expect(screen.getByTestId('membrane-list')).toHaveTextContent('github');
    // Membrane's own default would be https://api.getmembrane.com: the kit's URIs are passed on.
    expect(screen.getByTestId('membrane-client')).toHaveTextContent(`${API_URI} ${API_URI}/ui`);
    await waitFor(() => expect(document.querySelector('[data-slot="connection-status"]')).toHaveAttribute('data-state', 'connected'));
    // One token for both: the kit's manager fetched it once, Membrane's client asked the manager.
    expect(backend).toHaveBeenCalledTimes(1);
    expect(requests('GET', '/integrations')).toBeGreaterThanOrEqual(1);
  });

  it('runs the kit’s components inside MembraneProvider on its client and token', async () => {
    const backend = vi.fn(fetchToken);
    function SameToken() {
      const membrane = useMembrane();
      const { kit } = useMembraneKit();
      const [same, setSame] = useState('pending');
      useEffect(() => {
        let live = true;
        void (async () => {
          const kitToken = await kit.tokenManager.getToken();
          const membraneToken = await membrane.getToken();
          if (live) setSame(String(kitToken === membraneToken && kit.apiUri === membrane.apiUri));
        })();
        return () => {
          live = false;
        };
      }, [kit, membrane]);
      return <p data-testid="same-token">{same}</p>;
    }
    render(
      <MembraneProvider fetchToken={backend} apiUri={API_URI}>
        <MembraneKitProviderFromMembrane>
          <SameToken />
          <ConnectionStatus integrationKey="salesforce" />
        </MembraneKitProviderFromMembrane>
      </MembraneProvider>,
    );
    await waitFor(() => expect(document.querySelector('[data-slot="connection-status"]')).toHaveAttribute('data-state', 'disconnected'));
    await waitFor(() => expect(screen.getByTestId('same-token')).toHaveTextContent('true'));
    // The kit has no fetchToken of its own: its one token is the one the app's client fetched.
    expect(backend).toHaveBeenCalledTimes(1);
  });

  it('opens prebuilt mode through the app’s MembraneClient (ui.connect), and the row ends connected', async () => {
    const events: MembraneKitEvent[] = [];
    // The hosted screen is a penpal iframe jsdom cannot run: the SDK boundary stands in for the
    // user finishing it, by creating the connection on the client that opened it, as the screen would.
    const uiConnect = vi.fn(async (client: MembraneClientLike, options: { integrationKey?: string }) =>
      client.connections.create({ integrationKey: options.integrationKey, authOptionKey: 'oauth2' }),
    );
    const appClients = new Set<MembraneClientLike>();
    function SpyOnHostedScreens() {
      const membrane = useMembrane();
      useEffect(() => {
        appClients.add(membrane);
        // `client.ui` is a getter that builds a new UI object each time: spy on its prototype.
        const uiPrototype = Object.getPrototypeOf(membrane.ui) as typeof membrane.ui;
        if (!vi.isMockFunction(uiPrototype.connect)) {
          vi.spyOn(uiPrototype, 'connect').mockImplementation(function (this: { client: MembraneClientLike }, options = {}) {
            return uiConnect(this.client, options);
          });
        }
      }, [membrane]);
      return null;
    }
    render(
      <MembraneProvider fetchToken={fetchToken} apiUri={API_URI}>
        <SpyOnHostedScreens />
        <MembraneKitProviderFromMembrane onEvent={(event) => events.push(event)}>
          <ConnectButton integrationKey="github" mode="prebuilt" />
        </MembraneKitProviderFromMembrane>
      </MembraneProvider>,
    );
    const button = await screen.findByRole('button', { name: 'Connect GitHub' });
    await waitFor(() => expect(button).toHaveAttribute('data-state', 'not-connected'));
    await userEvent.setup().click(button);
    await waitFor(() => expect(events.map((event) => event.type).filter((type) => type.startsWith('connect.'))).toEqual(['connect.started', 'connect.succeeded']));
    expect(uiConnect).toHaveBeenCalledTimes(1);
    expect(uiConnect).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ integrationKey: 'github' }));
    // The app's own client opened the screen (not one the kit built from an SDK of its own).
    expect(appClients.size).toBe(1);
    expect(appClients.has(uiConnect.mock.calls[0]![0])).toBe(true);
    await waitFor(() => expect(button).toHaveAttribute('data-state', 'connected'));
    expect(emulator.store.findConnections({ integrationKey: 'github' })).toHaveLength(1);
  });

  it('says where each bridge belongs', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<MembraneProviderFromKit>x</MembraneProviderFromKit>)).toThrow(/inside <MembraneKitProvider>/);
    expect(() => render(<MembraneKitProviderFromMembrane>x</MembraneKitProviderFromMembrane>)).toThrow(/inside <MembraneProvider>/);
  });
});

