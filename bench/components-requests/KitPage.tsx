import { ConnectionStatus, IntegrationsList, MembraneKitProvider } from '../../src/index.js';
import type { PageProps } from './PageProps.js';

/**
 * The figure's page built from the kit: one `IntegrationsList` and a `ConnectionStatus` per key.
 * With `withProvider` the settings come from `MembraneKitProvider`; without it every component gets
 * its own inline `fetchToken` arrow (the drop-in use), and the kit must still share one cache.
 */
export function KitPage({ fetchToken, apiUri, uiUri, statusKeys, withProvider }: PageProps & { withProvider: boolean }) {
  const body = (kitProps: { fetchToken?: () => Promise<string>; apiUri?: string; uiUri?: string }) => (
    <main>
      <h1>Integrations</h1>
      <IntegrationsList {...kitProps} />
      <h2>Status of every integration</h2>
      <ul>
        {statusKeys.map((key) => (
          <li key={key} data-status-key={key}>
            <ConnectionStatus integrationKey={key} {...kitProps} />
          </li>
        ))}
      </ul>
    </main>
  );
  if (withProvider) {
    return (
      <MembraneKitProvider fetchToken={fetchToken} apiUri={apiUri} uiUri={uiUri}>
        {body({})}
      </MembraneKitProvider>
    );
  }
  // A new arrow on every render, as an app would write it inline.
  return body({ fetchToken: () => fetchToken(), apiUri, uiUri });
}
