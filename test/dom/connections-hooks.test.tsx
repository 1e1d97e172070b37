import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { MembraneKitProvider, useConnections, useIntegration, useRenameConnection, type MembraneConnection } from '../../src/index.ts';
import { API_URI, startKitTestEnvironment } from './emulatorServer.ts';

const { emulator, fetchToken, requests } = startKitTestEnvironment();
const HUBSPOT = '65a1f0c2d4e5f60718293c01';

const wrapper = ({ children }: { children: ReactNode }) => (
  <MembraneKitProvider fetchToken={fetchToken} apiUri={API_URI}>
    {children}
  </MembraneKitProvider>
);

function Names({ query }: { query: Parameters<typeof useConnections>[0] }) {
  const { connections } = useConnections(query);
  return <p data-testid="names">{connections.map((c: MembraneConnection) => c.name).join(' | ')}</p>;
}

describe('useConnections', () => {
  it('shares one request between components with the same query and reads every page', async () => {
    render(
      <MembraneKitProvider fetchToken={fetchToken} apiUri={API_URI}>
        <Names query={{ limit: 1 }} />
        <Names query={{ limit: 1 }} />
        <Names query={{ limit: 1 }} />
      </MembraneKitProvider>,
    );
    const all = emulator.store.findConnections({ userId: 'demo-customer' }).length;
    expect(all).toBeGreaterThan(1);
    await waitFor(() => expect(screen.getAllByTestId('names')[0]!.textContent!.split(' | ')).toHaveLength(all));
    // One request per page (limit 1: one page per connection, and the emulator's last cursor may
    // lead to one empty page), not one per component: three components would make 3× as many.
    expect(requests('GET', '/connections')).toBeGreaterThanOrEqual(all);
    expect(requests('GET', '/connections')).toBeLessThanOrEqual(all + 1);
  });

  it('filters by integrationKey', async () => {
    const { result } = renderHook(() => useConnections({ integrationKey: 'hubspot' }), { wrapper });
    await waitFor(() => expect(result.current.connections.map((c) => c.id)).toEqual([HUBSPOT]));
  });
});

describe('useRenameConnection', () => {
  it('renames at once in the connection lists and in the integration, and keeps it after the server answers', async () => {
    const { result } = renderHook(() => ({ list: useConnections({ integrationKey: 'hubspot' }), one: useIntegration('hubspot'), rename: useRenameConnection() }), { wrapper });
    await waitFor(() => expect(result.current.list.connections).toHaveLength(1));
    await waitFor(() => expect(result.current.one.integration?.connection?.id).toBe(HUBSPOT));
    let done!: Promise<MembraneConnection | undefined>;
    act(() => {
      done = result.current.rename.rename(HUBSPOT, '  Sales HubSpot ');
    });
    await waitFor(() => expect(result.current.list.connections[0]?.name).toBe('Sales HubSpot'));
    expect(result.current.one.integration?.connection?.name).toBe('Sales HubSpot');
    await expect(done).resolves.toMatchObject({ id: HUBSPOT, name: 'Sales HubSpot' });
    expect(emulator.store.connections.get(HUBSPOT)?.name).toBe('Sales HubSpot');
  });

  it('puts the old name back when Membrane refuses, with a typed error; refuses an empty name before any request', async () => {
    const { result } = renderHook(() => ({ list: useConnections({ integrationKey: 'hubspot' }), rename: useRenameConnection() }), { wrapper });
    await waitFor(() => expect(result.current.list.connections).toHaveLength(1));
    const before = result.current.list.connections[0]!.name;
    emulator.faults.set({ errors: [{ status: 500, times: 1, route: 'PATCH /connections/:id' }] });
    await act(async () => {
      await expect(result.current.rename.rename(HUBSPOT, 'Never saved')).resolves.toBeUndefined();
    });
    await waitFor(() => expect(result.current.rename.error?.code).toBe('server'));
    expect(result.current.list.connections[0]!.name).toBe(before);

    await act(async () => {
      await result.current.rename.rename(HUBSPOT, '   ');
    });
    await waitFor(() => expect(result.current.rename.error?.code).toBe('invalid_parameters'));
    expect(result.current.rename.error?.message).toMatch(/must not be empty/);
    expect(requests('PATCH', `/connections/${HUBSPOT}`)).toBe(1);
  });
});

