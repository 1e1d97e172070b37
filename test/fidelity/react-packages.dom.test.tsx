/**
 * Fidelity in jsdom (React 19): Membrane's own React packages, `@membranehq/react` 0.28.0 and
 * `@integration-app/react` 2.25.1, their hooks and their ready-made integration components, run
 * against a real emulator over HTTP on 127.0.0.1 (not MSW): the SDKs inside them make every
 * request themselves. Data the 0.28 hooks return is parsed with the 0.28 SDK's zod schemas.
 *
 * Both packages keep SWR state in a module-global cache keyed without the token when `fetchToken`
 * is used, so each render gets a fresh SWR cache (`SWRConfig provider`), as separate page loads would.
 * Test names are `<package> › <hook or component>` for scripts/fidelity-table.mjs.
 */
import * as Legacy from '@integration-app/react';
import {
  IntegrationItem,
  MembraneProvider,
  useConnection,
  useConnections,
  useIntegration,
  useIntegrations,
} from '@membranehq/react';
import { ConnectionApiResponse, IntegrationApiResponse, IntegrationListItem } from '@membranehq/sdk';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { SWRConfig } from 'swr';
import { describe, expect, it } from 'vitest';
// Not a React hook: the file-level emulator lifecycle (beforeAll/beforeEach/afterAll).
import { fetchToken, useEmulator as emulatorForThisFile } from '../node/emulator-helpers.ts';
import { arrayOf, expectSchema } from './expectSchema.ts';

const HUBSPOT_CONNECTION = '65a1f0c2d4e5f60718293c01';
const SALESFORCE_CONNECTION = '65a1f0c2d4e5f60718293c02';
const NEW_NAME = 'Sales CRM';

const emulator = emulatorForThisFile();

const freshSwr = ({ children }: { children: ReactNode }) => <SWRConfig value={{ provider: () => new Map() }}>{children}</SWRConfig>;

function Membrane({ children }: { children: ReactNode }) {
  const { apiUri, uiUri } = emulator();
  return (
    <SWRConfig value={{ provider: () => new Map() }}>
      <MembraneProvider apiUri={apiUri} uiUri={uiUri} fetchToken={() => fetchToken(emulator())}>
        {children}
      </MembraneProvider>
    </SWRConfig>
  );
}

function IntegrationApp({ children }: { children: ReactNode }) {
  const { apiUri, uiUri } = emulator();
  return (
    <SWRConfig value={{ provider: () => new Map() }}>
      <Legacy.IntegrationAppProvider apiUri={apiUri} uiUri={uiUri} fetchToken={() => fetchToken(emulator())}>
        {children}
      </Legacy.IntegrationAppProvider>
    </SWRConfig>
  );
}

/** Renders what a hook answers as JSON, for assertions on the real responses. */
function Probe({ value }: { value: unknown }) {
  return <pre data-testid="probe">{JSON.stringify(value ?? null)}</pre>;
}

async function probed<T>(): Promise<T> {
  let value: T | undefined;
  await waitFor(() => {
    value = JSON.parse(screen.getByTestId('probe').textContent ?? 'null') as T;
    expect(value).not.toBeNull();
  }, { timeout: 5000 });
  return value as T;
}

const requests = (method: string, path: string) => emulator().store.requests.filter((entry) => entry.method === method && entry.path === path);

describe('@membranehq/react 0.28.0', () => {
  it('Provider + useIntegrations()', async () => {
    function List() {
      const { integrations, loading, error } = useIntegrations();
      if (error) throw error;
      return <Probe value={loading ? null : integrations} />;
    }
    render(<List />, { wrapper: Membrane });
    const items = await probed<Array<{ key: string; connection?: { connected?: boolean } }>>();
    expectSchema(arrayOf(IntegrationListItem), items, 'useIntegrations() items');
    expect(items.length).toBeGreaterThanOrEqual(12);
    expect(items.find((item) => item.key === 'hubspot')?.connection?.connected).toBe(true);
    // The list key carries a hash of client.token: one request before the token is fetched, one after.
    expect(requests('GET', '/integrations').map((entry) => entry.query.limit)).toEqual(['25', '25']);
  });

  it('useIntegrations({limit}) + loadMore()', async () => {
    function List() {
      const { integrations, loading, loadMore } = useIntegrations({ limit: 5 });
      return (
        <>
          <button type="button" disabled={loading} onClick={() => void loadMore()}>
            Load more
          </button>
          <Probe value={integrations.length === 10 ? integrations : null} />
        </>
      );
    }
    render(<List />, { wrapper: Membrane });
    const button = await screen.findByRole('button', { name: 'Load more' });
    await waitFor(() => expect(button).toBeEnabled(), { timeout: 5000 });
    await userEvent.click(button);
    const items = await probed<Array<{ key: string }>>();
    expect(new Set(items.map((item) => item.key)).size).toBe(10);
    expect(requests('GET', '/integrations').filter((entry) => entry.query.cursor).map((entry) => entry.query.limit)).toEqual(['5']);
  });

  it('useIntegration(key)', async () => {
    function One() {
      const { integration, loading } = useIntegration('salesforce');
      return <Probe value={loading ? null : integration} />;
    }
    render(<One />, { wrapper: Membrane });
    const integration = await probed<{ key: string; connection?: { id: string; connected?: boolean } }>();
    expectSchema(IntegrationApiResponse, integration, 'useIntegration() integration');
    expect(integration).toMatchObject({ key: 'salesforce', connection: { id: SALESFORCE_CONNECTION, connected: false } });
  });

  it('useConnections({connected})', async () => {
    function List() {
      const all = useConnections();
      const healthy = useConnections({ connected: true });
      return <Probe value={all.loading || healthy.loading ? null : { all: all.connections, healthy: healthy.connections }} />;
    }
    render(<List />, { wrapper: Membrane });
    const { all, healthy } = await probed<{ all: Array<{ id: string }>; healthy: Array<{ id: string }> }>();
    expectSchema(arrayOf(ConnectionApiResponse), all, 'useConnections() items');
    expect(all).toHaveLength(3);
    expect(healthy.map((connection) => connection.id)).toEqual([HUBSPOT_CONNECTION]);
  });

  it('useConnection(id) + patch({name})', async () => {
    function One() {
      const hook = useConnection(HUBSPOT_CONNECTION);
      return (
        <>
          <button type="button" onClick={() => void hook.patch({ name: NEW_NAME })}>
            Rename
          </button>
          <Probe value={hook.loading ? null : hook.connection} />
        </>
      );
    }
    render(<One />, { wrapper: Membrane });
    expectSchema(ConnectionApiResponse, await probed(), 'useConnection() connection');
    // The hook sends a debounced PUT of the merged object (membrane-sdk-0.28.md §4).
    await userEvent.click(screen.getByRole('button', { name: 'Rename' }));
    await waitFor(() => expect(emulator().store.connections.get(HUBSPOT_CONNECTION)?.name).toBe(NEW_NAME), { timeout: 3000 });
    expect(requests('PUT', `/connections/${HUBSPOT_CONNECTION}`)).toHaveLength(1);
    await waitFor(() => expect(screen.getByTestId('probe')).toHaveTextContent(`"name":"${NEW_NAME}"`));
  });

  it('useConnection(id) + archive()', async () => {
    function One() {
      const hook = useConnection(HUBSPOT_CONNECTION);
      return (
        <>
          <button type="button" onClick={() => void hook.archive()}>
            Archive
          </button>
          <Probe value={hook.loading ? null : hook.connection} />
        </>
      );
    }
    render(<One />, { wrapper: Membrane });
    await probed();
    await userEvent.click(screen.getByRole('button', { name: 'Archive' }));
    await waitFor(() => expect(emulator().store.connections.get(HUBSPOT_CONNECTION)?.archivedAt).toEqual(expect.any(String)), { timeout: 3000 });
    expect(requests('DELETE', `/connections/${HUBSPOT_CONNECTION}`)).toHaveLength(1);
    // The hook revalidates with GET after DELETE: the archived connection is still readable.
    await waitFor(() => expect(requests('GET', `/connections/${HUBSPOT_CONNECTION}`).length).toBeGreaterThanOrEqual(2));
    const after = await probed<{ archivedAt?: string }>();
    expectSchema(ConnectionApiResponse, after, 'useConnection() after archive');
    expect(after.archivedAt).toEqual(expect.any(String));
  });

  it('<IntegrationItem> for each integration of useIntegrations()', async () => {
    function Grid() {
      const { integrations } = useIntegrations();
      return (
        <div>
          {integrations.map((integration) => (
            <IntegrationItem key={integration.key} integration={integration as never} />
          ))}
        </div>
      );
    }
    render(<Grid />, { wrapper: Membrane });
    expect(await screen.findByRole('button', { name: /HubSpot/ })).toBeInTheDocument();
    expect(screen.getAllByRole('button').length).toBeGreaterThanOrEqual(12);
    const logo = screen.getByRole('button', { name: /HubSpot/ }).querySelector('img');
    expect(logo?.getAttribute('src')).toMatch(/^data:image\/svg\+xml|^http/);
  });
});

describe('@integration-app/react 2.25.1', () => {
  it('Provider + useIntegrations()', async () => {
    function List() {
      const { items, loading, error } = Legacy.useIntegrations();
      if (error) throw error;
      return <Probe value={loading ? null : items} />;
    }
    render(<List />, { wrapper: IntegrationApp });
    const items = await probed<Array<{ key: string; connection?: { disconnected?: boolean } }>>();
    expect(items.length).toBeGreaterThanOrEqual(12);
    expect(items.find((item) => item.key === 'salesforce')?.connection?.disconnected).toBe(true);
  });

  it('useIntegrations({limit}) + loadMore()', async () => {
    function List() {
      const { items, loading, loadMore } = Legacy.useIntegrations({ limit: 5 });
      return (
        <>
          <button type="button" disabled={loading} onClick={() => void loadMore()}>
            Load more
          </button>
          <Probe value={items.length === 10 ? items : null} />
        </>
      );
    }
    render(<List />, { wrapper: IntegrationApp });
    const button = await screen.findByRole('button', { name: 'Load more' });
    await waitFor(() => expect(button).toBeEnabled(), { timeout: 5000 });
    await userEvent.click(button);
    const items = await probed<Array<{ key: string }>>();
    expect(new Set(items.map((item) => item.key)).size).toBe(10);
    expect(requests('GET', '/integrations').filter((entry) => entry.query.cursor).map((entry) => entry.query.limit)).toEqual(['5']);
  });

  it('useIntegration(key)', async () => {
    function One() {
      const { integration, loading } = Legacy.useIntegration('hubspot');
      return <Probe value={loading ? null : integration} />;
    }
    render(<One />, { wrapper: IntegrationApp });
    expect(await probed()).toMatchObject({ key: 'hubspot', connection: { id: HUBSPOT_CONNECTION, disconnected: false } });
  });

  it('useConnections({connected})', async () => {
    function List() {
      const all = Legacy.useConnections();
      const healthy = Legacy.useConnections({ connected: true } as never);
      return <Probe value={all.loading || healthy.loading ? null : { all: all.items, healthy: healthy.items }} />;
    }
    render(<List />, { wrapper: IntegrationApp });
    const { all, healthy } = await probed<{ all: Array<{ id: string }>; healthy: Array<{ id: string }> }>();
    expect(all).toHaveLength(3);
    expect(healthy.map((connection) => connection.id)).toEqual([HUBSPOT_CONNECTION]);
  });

  it('useConnection(id) + patch({name})', async () => {
    function One() {
      const hook = Legacy.useConnection(HUBSPOT_CONNECTION);
      return (
        <>
          <button type="button" onClick={() => void hook.patch({ name: NEW_NAME })}>
            Rename
          </button>
          <Probe value={hook.loading ? null : hook.connection} />
        </>
      );
    }
    render(<One />, { wrapper: IntegrationApp });
    await probed();
    await userEvent.click(screen.getByRole('button', { name: 'Rename' }));
    await waitFor(() => expect(emulator().store.connections.get(HUBSPOT_CONNECTION)?.name).toBe(NEW_NAME), { timeout: 3000 });
  });

  it('useConnection(id) + archive()', async () => {
    function One() {
      const hook = Legacy.useConnection(SALESFORCE_CONNECTION);
      return (
        <>
          <button type="button" onClick={() => void hook.archive()}>
            Archive
          </button>
          <Probe value={hook.loading ? null : hook.connection} />
        </>
      );
    }
    render(<One />, { wrapper: IntegrationApp });
    await probed();
    await userEvent.click(screen.getByRole('button', { name: 'Archive' }));
    await waitFor(() => expect(emulator().store.connections.get(SALESFORCE_CONNECTION)?.archivedAt).toEqual(expect.any(String)), { timeout: 3000 });
  });

  it('<IntegrationItem> for each integration of useIntegrations()', async () => {
    function Grid() {
      const { items } = Legacy.useIntegrations();
      return (
        <div>
          {items.map((integration) => (
            <Legacy.IntegrationItem key={integration.key} integration={integration as never} />
          ))}
        </div>
      );
    }
    render(<Grid />, { wrapper: IntegrationApp });
    expect(await screen.findByRole('button', { name: /Salesforce/ })).toBeInTheDocument();
    expect(screen.getAllByRole('button').length).toBeGreaterThanOrEqual(12);
  });
});

it('freshSwr isolates renders (a second render refetches)', async () => {
  function List() {
    const { integrations, loading } = useIntegrations();
    return <Probe value={loading ? null : integrations.length} />;
  }
  const { apiUri, uiUri } = emulator();
  const tree = () => (
    <MembraneProvider apiUri={apiUri} uiUri={uiUri} fetchToken={() => fetchToken(emulator())}>
      <List />
    </MembraneProvider>
  );
  const first = render(tree(), { wrapper: freshSwr });
  await probed();
  first.unmount();
  const before = requests('GET', '/integrations').length;
  render(tree(), { wrapper: freshSwr });
  await probed();
  expect(requests('GET', '/integrations').length).toBeGreaterThan(before);
});
