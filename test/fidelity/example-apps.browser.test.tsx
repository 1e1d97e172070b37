/**
 * Fidelity in Chromium: the integrations pages of Membrane's public example apps, as their calls go,
 * against the shared emulator. Not their files: `membranehq/playground` and
 * `integration-app/showcase` are Next.js apps whose `IntegrationList` renders with shadcn/ui
 * (`@/components/ui/*`, Tailwind), `lucide-react` and `next/link`, none of which this repo has; and
 * their code is not copied into this repo. What is reproduced is every SDK call and data read their
 * `integrations-list.tsx` makes, in minimal markup:
 *
 * - playground (`@membranehq/react` 0.28): `useIntegrations()` + `useConnections()`; "Your
 *   connections" lists connections by `connection.name || connection.integration?.name` and
 *   `connection.integration?.key`; "Available" = integrations whose `id` no connection's
 *   `integrationId` has; Connect = `integration(key).openNewConnection()`, then refresh both;
 *   Disconnect = `connection(id).archive()`, then refresh both.
 * - showcase (`@integration-app/react` 2.25): `useIntegrations()`; each row shows Disconnect when
 *   `integration.connection` is set (`connection(integration.connection.id).archive()`), else
 *   Connect (`integration(key).openNewConnection()`); refresh after either.
 */
import * as Legacy from '@integration-app/react';
import { MembraneProvider, useConnections, useIntegrationApp, useIntegrations } from '@membranehq/react';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { SWRConfig } from 'swr';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import { emulator, getToken, resetEmulator } from '../browser/emulator.ts';

const embed = { frameUrlIncludes: '/ui/embed/' };

beforeEach(() => resetEmulator());
afterEach(() => cleanup());

function Providers({ generation, children }: { generation: '0.28' | '1.14'; children: ReactNode }) {
  const { apiUri, uiUri } = emulator();
  const fetchToken = () => getToken();
  return (
    <SWRConfig value={{ provider: () => new Map() }}>
      {generation === '0.28' ? (
        <MembraneProvider apiUri={apiUri} uiUri={uiUri} fetchToken={fetchToken}>
          {children}
        </MembraneProvider>
      ) : (
        <Legacy.IntegrationAppProvider apiUri={apiUri} uiUri={uiUri} fetchToken={fetchToken}>
          {children}
        </Legacy.IntegrationAppProvider>
      )}
    </SWRConfig>
  );
}

/** The playground's calls and reads (see the file comment). */
function PlaygroundIntegrations() {
  const client = useIntegrationApp();
  const { integrations, refresh: refreshIntegrations, loading: integrationsLoading } = useIntegrations();
  const { connections, refresh: refreshConnections, loading: connectionsLoading } = useConnections();
  if (integrationsLoading || connectionsLoading) return <p>Loading</p>;
  const connectedIds = new Set(connections.map((connection) => connection.integrationId));
  const available = integrations.filter((integration) => !connectedIds.has(integration.id));
  const refreshBoth = () => {
    void refreshIntegrations();
    void refreshConnections();
  };
  return (
    <>
      <section aria-label="Your connections">
        {connections.map((connection) => (
          <article key={connection.id} aria-label={connection.name || connection.integration?.name}>
            <img alt="" src={connection.integration?.logoUri} />
            <span>{connection.integration?.key}</span>
            <button type="button" onClick={() => void client.connection(connection.id).archive().then(refreshBoth)}>
              Disconnect
            </button>
          </article>
        ))}
      </section>
      <section aria-label="Available integrations">
        {available.map((integration) => (
          <article key={integration.key} aria-label={integration.name}>
            <img alt="" src={integration.logoUri} />
            <button type="button" onClick={() => void client.integration(integration.key!).openNewConnection().then(refreshBoth)}>
              Connect
            </button>
          </article>
        ))}
      </section>
    </>
  );
}

/** The showcase's calls and reads (see the file comment). */
function ShowcaseIntegrations() {
  const client = Legacy.useIntegrationApp();
  const { integrations, refresh, loading } = Legacy.useIntegrations();
  if (loading) return <p>Loading</p>;
  return (
    <ul aria-label="Integrations">
      {integrations.map((integration) => (
        <li key={integration.key} aria-label={integration.name}>
          <img alt="" src={integration.logoUri} />
          <button
            type="button"
            onClick={() =>
              void (integration.connection
                ? client.connection(integration.connection.id).archive()
                : client.integration(integration.key).openNewConnection()
              ).then(() => refresh())
            }
          >
            {integration.connection ? 'Disconnect' : 'Connect'}
          </button>
        </li>
      ))}
    </ul>
  );
}

describe('fidelity: example apps’ integrations pages in Chromium', () => {
  describe('@membranehq/react 0.28.0', () => {
    it('playground IntegrationList: lists, connects through the embed, disconnects by archive', async () => {
      render(
        <Providers generation="0.28">
          <PlaygroundIntegrations />
        </Providers>,
      );
      const mine = await screen.findByRole('region', { name: 'Your connections' }, { timeout: 10_000 });
      const available = screen.getByRole('region', { name: 'Available integrations' });
      // connection.integration is what the playground reads for the logo, the key and the fallback name.
      expect(within(mine).getByRole('article', { name: 'HubSpot' })).toHaveTextContent('hubspot');
      expect(within(mine).getAllByRole('article')).toHaveLength(3);
      expect(within(available).queryByRole('article', { name: 'HubSpot' })).toBeNull();

      await userEvent.click(within(within(available).getByRole('article', { name: 'Asana' })).getByRole('button', { name: 'Connect' }));
      await commands.clickInFrame({ ...embed, role: 'button', name: 'Connect' });
      await waitFor(() => expect(within(mine).getByRole('article', { name: 'Asana' })).toHaveTextContent('asana'), { timeout: 10_000 });
      expect(within(available).queryByRole('article', { name: 'Asana' })).toBeNull();

      await userEvent.click(within(within(mine).getByRole('article', { name: 'HubSpot' })).getByRole('button', { name: 'Disconnect' }));
      await waitFor(() => expect(within(available).getByRole('article', { name: 'HubSpot' })).toBeVisible(), { timeout: 10_000 });
      expect(within(mine).queryByRole('article', { name: 'HubSpot' })).toBeNull();
    });
  });

  describe('@integration-app/react 2.25.1', () => {
    it('showcase IntegrationList: lists, connects through the embed, disconnects by archive', async () => {
      render(
        <Providers generation="1.14">
          <ShowcaseIntegrations />
        </Providers>,
      );
      const list = await screen.findByRole('list', { name: 'Integrations' }, { timeout: 10_000 });
      const row = (name: string) => within(list).getByRole('listitem', { name });
      expect(within(row('HubSpot')).getByRole('button')).toHaveTextContent('Disconnect');
      expect(within(row('Asana')).getByRole('button')).toHaveTextContent('Connect');

      await userEvent.click(within(row('Asana')).getByRole('button', { name: 'Connect' }));
      await commands.clickInFrame({ ...embed, role: 'button', name: 'Connect' });
      await waitFor(() => expect(within(row('Asana')).getByRole('button')).toHaveTextContent('Disconnect'), { timeout: 10_000 });

      await userEvent.click(within(row('HubSpot')).getByRole('button', { name: 'Disconnect' }));
      await waitFor(() => expect(within(row('HubSpot')).getByRole('button')).toHaveTextContent('Connect'), { timeout: 10_000 });
    });
  });
});
