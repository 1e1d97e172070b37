import { QueryClient } from '@tanstack/react-query';
import { act, render, renderHook, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionStatus, MembraneKitProvider, useDisconnect, useMembraneKit, type MembraneKit } from '../../src/index.ts';
import { SHARED_KIT_RELEASE_DELAY_MS } from '../../src/react/kit/getSharedKit.ts';
import { API_URI, startKitTestEnvironment } from './emulatorServer.ts';

const { fetchToken, requests } = startKitTestEnvironment();

/** Renders a provider with one status and hands back the provider's kit. */
function renderProvider(options: { strict?: boolean; queryClient?: QueryClient } = {}) {
  let kit!: MembraneKit;
  function Capture() {
    kit = useMembraneKit().kit;
    return null;
  }
  const tree = (
    <MembraneKitProvider fetchToken={fetchToken} apiUri={API_URI} queryClient={options.queryClient}>
      <ConnectionStatus integrationKey="hubspot" />
      <Capture />
    </MembraneKitProvider>
  );
  const view = render(options.strict ? <StrictMode>{tree}</StrictMode> : tree);
  return { ...view, kit: () => kit };
}

const status = () => document.querySelector('[data-slot="connection-status"]');
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('MembraneKitProvider releases its kit on unmount', () => {
  it('empties the QueryClient it created, so no garbage-collection timer keeps the data for 5 minutes', async () => {
    const { kit, unmount } = renderProvider();
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'connected'));
    const cache = kit().queryClient.getQueryCache();
    expect(cache.getAll().length).toBeGreaterThan(0);
    unmount();
    await nextTask();
    expect(cache.getAll()).toEqual([]);
    expect(kit().queryClient.getMutationCache().getAll()).toEqual([]);
  });

  it("keeps the cache through StrictMode's simulated unmount: the data stays and nothing is fetched twice", async () => {
    const { kit } = renderProvider({ strict: true });
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'connected'));
    await nextTask();
    await nextTask();
    expect(kit().queryClient.getQueryCache().getAll().length).toBeGreaterThan(0);
    expect(status()).toHaveAttribute('data-state', 'connected');
    expect(requests('GET', '/integrations')).toBe(1);
  });

  it("leaves an app's own QueryClient alone: its cache is the app's", async () => {
    const queryClient = new QueryClient();
    const { unmount } = renderProvider({ queryClient });
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'connected'));
    unmount();
    await nextTask();
    expect(queryClient.getQueryCache().getAll().length).toBeGreaterThan(0);
    queryClient.clear();
  });
});

/** Timers of a minute or more still pending: TanStack Query's garbage-collection timers (5 minutes). */
function trackLongTimers() {
  const pending = new Set<unknown>();
  const realSet = globalThis.setTimeout;
  const realClear = globalThis.clearTimeout;
  vi.spyOn(globalThis, 'setTimeout').mockImplementation(((handler: () => void, delay?: number, ...args: unknown[]) => {
    const timer = { id: undefined as unknown };
    timer.id = realSet(() => {
      pending.delete(timer.id);
      handler();
    }, delay, ...args);
    if ((delay ?? 0) >= 60_000) pending.add(timer.id);
    return timer.id;
  }) as typeof setTimeout);
  vi.spyOn(globalThis, 'clearTimeout').mockImplementation(((id?: Parameters<typeof clearTimeout>[0]) => {
    pending.delete(id);
    realClear(id);
  }) as typeof clearTimeout);
  return () => pending.size;
}

describe('no timers left after the last component unmounts', () => {
  afterEach(() => vi.restoreAllMocks());

  it("a provider's finished disconnect leaves no mutation timer behind", async () => {
    const longTimers = trackLongTimers();
    const { result, unmount } = renderHook(() => useDisconnect('hubspot'), {
      wrapper: ({ children }) => (
        <MembraneKitProvider fetchToken={fetchToken} apiUri={API_URI}>
          <ConnectionStatus integrationKey="hubspot" />
          {children}
        </MembraneKitProvider>
      ),
    });
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'connected'));
    await act(() => result.current.disconnect());
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'not-connected'));
    unmount();
    await nextTask();
    expect(longTimers()).toBe(0);
  });

  it("a shared kit's finished disconnect leaves no mutation timer behind once the kit is released", async () => {
    const longTimers = trackLongTimers();
    const { result, unmount } = renderHook(() => useDisconnect('hubspot', { apiUri: API_URI, fetchToken }));
    await waitFor(() => expect(result.current.isDisconnecting).toBe(false));
    await act(() => result.current.disconnect());
    unmount();
    await new Promise((resolve) => setTimeout(resolve, SHARED_KIT_RELEASE_DELAY_MS + 50));
    expect(longTimers()).toBe(0);
  }, 10_000);
});
