import type { Integration } from '@integration-app/sdk';
import { IntegrationAppProvider, useIntegration, useIntegrationApp, useIntegrations } from '@integration-app/react';
import { useState } from 'react';
import type { PageProps, ShownState } from './PageProps.js';

/** How a status element finds its integration with the official hooks. */
export type OfficialStatusSource = 'useIntegration' | 'useIntegrations';

function stateOf(integration: Integration | undefined, loading: boolean): ShownState {
  if (!integration) return loading ? 'loading' : 'missing';
  const connection = integration.connection;
  if (!connection) return 'not-connected';
  if (connection.error) return 'error';
  return connection.disconnected ? 'disconnected' : 'connected';
}

/** The list as `integration-app/showcase` builds it: `useIntegrations()`, connect, then `refresh()`. */
function OfficialList() {
  const { items, loading, refresh } = useIntegrations();
  const client = useIntegrationApp();
  const [busy, setBusy] = useState<string | null>(null);
  if (loading && items.length === 0) return <p role="status">Loading…</p>;
  return (
    <ul aria-label="Integrations">
      {items.map((integration) => {
        const state = stateOf(integration, false);
        return (
          <li key={integration.key} data-integration-key={integration.key} data-state={state}>
            <img src={integration.logoUri} alt="" width={24} height={24} /> {integration.name}{' '}
            {state === 'connected' ? (
              <span>Connected</span>
            ) : (
              <button
                type="button"
                disabled={busy === integration.key}
                onClick={async () => {
                  setBusy(integration.key);
                  try {
                    // The SDK's custom-UI flow: popup + connection-popup form, result by postMessage/SSE.
                    await client.integration(integration.key).connect();
                    await refresh();
                  } finally {
                    setBusy(null);
                  }
                }}
              >
                Connect
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function StatusByIntegration({ integrationKey }: { integrationKey: string }) {
  const { integration, loading } = useIntegration(integrationKey);
  const state = stateOf(integration, loading);
  return <span data-state={state}>{state}</span>;
}

function StatusFromList({ integrationKey }: { integrationKey: string }) {
  const { items, loading } = useIntegrations();
  const state = stateOf(
    items.find((integration) => integration.key === integrationKey),
    loading,
  );
  return <span data-state={state}>{state}</span>;
}

/**
 * The same page built from `@integration-app/react` 2.25.1 hooks, written the way its docs and
 * showcase do: `IntegrationAppProvider` with `fetchToken`, a `useIntegrations()` list, and one
 * status element per key using `useIntegration(key)` or the shared `useIntegrations()` list.
 */
export function OfficialPage({ fetchToken, apiUri, uiUri, statusKeys, statusSource }: PageProps & { statusSource: OfficialStatusSource }) {
  const Status = statusSource === 'useIntegration' ? StatusByIntegration : StatusFromList;
  return (
    <IntegrationAppProvider fetchToken={fetchToken} apiUri={apiUri} uiUri={uiUri}>
      <main>
        <h1>Integrations</h1>
        <OfficialList />
        <h2>Status of every integration</h2>
        <ul>
          {statusKeys.map((key) => (
            <li key={key} data-status-key={key}>
              <Status integrationKey={key} />
            </li>
          ))}
        </ul>
      </main>
    </IntegrationAppProvider>
  );
}
