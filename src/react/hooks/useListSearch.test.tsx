import { renderHook, waitFor, act } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { API_URI, startKitTestEnvironment } from '../../../test/dom/emulatorServer.ts';
import { MembraneKitProvider } from '../provider/MembraneKitProvider.js';
import { useListSearch } from './useListSearch.js';
import { useMembraneKit } from './useMembraneKit.js';

const { fetchToken, emulator } = startKitTestEnvironment();

function wrapper({ children }: { children: ReactNode }) {
  return (
    <MembraneKitProvider fetchToken={fetchToken} apiUri={API_URI}>
      {children}
    </MembraneKitProvider>
  );
}

function useSearchOnResolvedKit(pageSize: number) {
  return useListSearch(useMembraneKit().kit, { pageSize, debounceMs: 0 });
}

const searchRequests = () => emulator.store.requests.filter((entry) => entry.path === '/integrations' && entry.query.search !== undefined);

describe('useListSearch', () => {
  it('filters the loaded integrations by name or key, and asks the server only while more pages exist', async () => {
    const { result: all } = renderHook(() => useSearchOnResolvedKit(100), { wrapper });
    await waitFor(() => expect(all.current.query.integrations.length).toBeGreaterThan(5));
    expect(all.current.query.hasNextPage).toBe(false);
    const last = all.current.query.integrations.at(-1)!;
    act(() => all.current.search.setValue(last.key.toUpperCase()));
    await waitFor(() => expect(all.current.matches.map((integration) => integration.id)).toContain(last.id));
    expect(searchRequests()).toHaveLength(0);

    const { result: paged } = renderHook(() => useSearchOnResolvedKit(5), { wrapper });
    await waitFor(() => expect(paged.current.query.integrations).toHaveLength(5));
    expect(paged.current.query.hasNextPage).toBe(true);
    act(() => paged.current.search.setValue(last.name));
    await waitFor(() => expect(paged.current.matches.map((integration) => integration.id)).toEqual([last.id]));
    expect(searchRequests().map((entry) => entry.query.search)).toContain(last.name);
  });
});
