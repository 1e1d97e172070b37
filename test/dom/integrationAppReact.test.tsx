import { IntegrationAppProvider, useIntegrationApp, useIntegrations } from '@integration-app/react';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { useEffect, useState } from 'react';
import { ConnectionStatus, MembraneKitProvider, resetSharedKits, useMembraneKit } from '../../src/index.ts';
import { IntegrationAppProviderFromKit, MembraneKitProviderFromIntegrationApp } from '../../src/integration-app-react/index.ts';
import { API_URI, startEmulatorServer } from './emulatorServer.ts';

const { emulator, server, fetchToken } = startEmulatorServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => emulator.store.reset());
afterEach(() => {
  // Unmount first: a still-mounted component would refetch into the kit being reset.
  cleanup();
  resetSharedKits();
});

function LegacyList() {
  const { items } = useIntegrations();
  return <p data-testid="legacy">{items.map((item) => item.key).join(',')}</p>;
}

describe('membrane-react-kit/integration-app-react', () => {
  it('runs @integration-app/react hooks inside the kit provider on the kit’s token', async () => {
    const backend = vi.fn(fetchToken);
    render(
      <MembraneKitProvider fetchToken={backend} apiUri={API_URI}>
        <IntegrationAppProviderFromKit>
          <LegacyList />
          <ConnectionStatus integrationKey="hubspot" />
        </IntegrationAppProviderFromKit>
      </MembraneKitProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('legacy')).toHaveTextContent('hubspot'));
    await waitFor(() => expect(document.querySelector('[data-slot="connection-status"]')).toHaveAttribute('data-state', 'connected'));
    expect(backend).toHaveBeenCalledTimes(1);
  });

  it('runs the kit’s components inside IntegrationAppProvider on its client', async () => {
    const backend = vi.fn(fetchToken);
    // The kit takes its token from the legacy client, and its hosted UI runs on that very client.
    function SameClient() {
      const legacyClient = useIntegrationApp();
      const { kit } = useMembraneKit();
      const [same, setSame] = useState('pending');
      useEffect(() => {
        // StrictMode runs this effect twice: spy once.
        const open = vi.isMockFunction(legacyClient.open) ? vi.mocked(legacyClient.open) : vi.spyOn(legacyClient, 'open').mockResolvedValue(undefined);
        void (async () => {
          const kitToken = await kit.tokenManager.getToken();
          const legacyToken = await legacyClient.getToken();
          await (await kit.hostedUi()).manage();
          setSame(String(kitToken === legacyToken && open.mock.calls.length >= 1));
        })();
      }, [kit, legacyClient]);
      return <p data-testid="same-client">{same}</p>;
    }
    render(
      <IntegrationAppProvider fetchToken={backend} apiUri={API_URI}>
        <MembraneKitProviderFromIntegrationApp>
          <SameClient />
          <ConnectionStatus integrationKey="salesforce" />
          <LegacyList />
        </MembraneKitProviderFromIntegrationApp>
      </IntegrationAppProvider>,
    );
    await waitFor(() => expect(document.querySelector('[data-slot="connection-status"]')).toHaveAttribute('data-state', 'disconnected'));
    await waitFor(() => expect(screen.getByTestId('legacy')).toHaveTextContent('hubspot'));
    await waitFor(() => expect(screen.getByTestId('same-client')).toHaveTextContent('true'));
    expect(backend).toHaveBeenCalledTimes(1);
  });

  it('says where each bridge belongs', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<IntegrationAppProviderFromKit>x</IntegrationAppProviderFromKit>)).toThrow(/inside <MembraneKitProvider>/);
    expect(() => render(<MembraneKitProviderFromIntegrationApp>x</MembraneKitProviderFromIntegrationApp>)).toThrow(/inside <IntegrationAppProvider>/);
  });
});
