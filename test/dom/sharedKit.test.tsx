import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  ConnectButton,
  ConnectionStatus,
  MembraneKitProvider,
  getSharedKit,
  membraneKeys,
  useTokenState,
  type MembraneKitEvent,
} from '../../src/index.ts';
import { countSharedKits, SHARED_KIT_RELEASE_DELAY_MS } from '../../src/react/kit/getSharedKit.ts';
import { API_URI, startKitTestEnvironment } from './emulatorServer.ts';

const { emulator, fetchToken, requests } = startKitTestEnvironment();

describe('components without a provider', () => {
  it('share one token and one list request, even with inline fetchToken arrows recreated on every render', async () => {
    const backend = vi.fn(fetchToken);
    let rerender!: () => void;
    function Page() {
      const [count, setCount] = useState(0);
      rerender = () => setCount((value) => value + 1);
      return (
        <div data-count={count}>
          <ConnectionStatus integrationKey="hubspot" apiUri={API_URI} fetchToken={() => backend()} />
          <ConnectionStatus integrationKey="salesforce" apiUri={API_URI} fetchToken={() => backend()} />
          <ConnectButton integrationKey="github" apiUri={API_URI} fetchToken={async () => backend()} />
        </div>
      );
    }
    render(<Page />);
    await waitFor(() => expect(document.querySelector('[data-slot="connection-status"]')).toHaveAttribute('data-state', 'connected'));
    for (let index = 0; index < 5; index++) rerender();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Connect GitHub' })).toBeInTheDocument());
    expect(document.querySelectorAll('[data-slot="connection-status"]')[1]).toHaveAttribute('data-state', 'disconnected');
    expect(backend).toHaveBeenCalledTimes(1);
    expect(requests('GET', '/integrations')).toBe(1);
  });

  it('refreshes a status when the window regains focus', async () => {
    render(<ConnectionStatus integrationKey="github" apiUri={API_URI} fetchToken={fetchToken} />);
    const status = () => document.querySelector('[data-slot="connection-status"]');
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'not-connected'));
    const loaded = requests('GET', '/integrations');
    expect(loaded).toBe(1);
    const customer = emulator.store.findCustomer(emulator.store.defaultCustomer.id)!;
    const github = emulator.store.findIntegration('github')!;
    emulator.store.createConnection({ name: 'GitHub', userId: customer.id, integrationId: github.id, authOptionKey: 'oauth2', parameters: {} });
    // Still fresh: focus does not refetch.
    window.dispatchEvent(new Event('focus'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(status()).toHaveAttribute('data-state', 'not-connected');
    expect(requests('GET', '/integrations')).toBe(loaded);
    // Stale: focus refetches once.
    await act(() => getSharedKit({ apiUri: API_URI }).queryClient.invalidateQueries({ queryKey: membraneKeys.all, refetchType: 'none' }));
    window.dispatchEvent(new Event('focus'));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'connected'));
    expect(requests('GET', '/integrations')).toBe(loaded + 1);
  });

  it('explains a missing fetchToken', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<ConnectionStatus integrationKey="hubspot" />)).toThrow(/needs a tokenUrl .* or a fetchToken function, or must be rendered inside <MembraneKitProvider/);
  });
});

describe('token state and events', () => {
  it('publishes token.refreshed, and token.failed with a typed error when the backend fails', async () => {
    const events: MembraneKitEvent[] = [];
    const { result } = renderHook(() => useTokenState(), {
      wrapper: ({ children }) => (
        <MembraneKitProvider fetchToken={fetchToken} apiUri={API_URI} onEvent={(event) => events.push(event)}>
          <ConnectionStatus integrationKey="hubspot" />
          {children}
        </MembraneKitProvider>
      ),
    });
    await waitFor(() => expect(result.current.status).toBe('valid'));
    expect(result.current.expiresAt).toBeGreaterThan(Date.now());
    expect(events).toContainEqual({ type: 'token.refreshed', expiresAt: result.current.expiresAt });

    const failing: MembraneKitEvent[] = [];
    const { result: failed } = renderHook(() => useTokenState(), {
      wrapper: ({ children }) => (
        <MembraneKitProvider
          fetchToken={() => Promise.reject(new Error('backend down'))}
          apiUri={`${API_URI}/other`}
          onEvent={(event) => failing.push(event)}
        >
          <ConnectionStatus integrationKey="hubspot" />
          {children}
        </MembraneKitProvider>
      ),
    });
    await waitFor(() => expect(failed.current.status).toBe('error'), { timeout: 8000 });
    const failure = failing.find((event) => event.type === 'token.failed');
    expect(failure).toMatchObject({ type: 'token.failed', error: { code: 'auth' } });
  }, 15_000);
});

describe('releasing shared kits', () => {
  /** Window `focus` listeners added and not removed since the spy was installed. */
  function spyOnFocusListeners() {
    const live = new Set<unknown>();
    const add = window.addEventListener.bind(window);
    const remove = window.removeEventListener.bind(window);
    vi.spyOn(window, 'addEventListener').mockImplementation((type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) => {
      if (type === 'focus') live.add(listener);
      add(type, listener, options);
    });
    vi.spyOn(window, 'removeEventListener').mockImplementation((type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions) => {
      if (type === 'focus') live.delete(listener);
      remove(type, listener, options);
    });
    return () => live.size;
  }
  /** A token that never arrives: these components make no request. */
  const waitForever = () => new Promise<string>(() => undefined);

  it('releases the kits of 200 unmounted components on distinct apiUris after the grace delay', { timeout: 30_000 }, () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const focusListeners = spyOnFocusListeners();
      const apiUris = Array.from({ length: 200 }, (_, index) => `${API_URI}/tenant-${index}`);
      const { unmount } = render(
        <>
          {apiUris.map((apiUri) => (
            <ConnectionStatus key={apiUri} integrationKey="hubspot" apiUri={apiUri} fetchToken={waitForever} />
          ))}
        </>,
      );
      expect(countSharedKits()).toBe(200);
      expect(focusListeners()).toBe(200);
      const kits = apiUris.map((apiUri) => getSharedKit({ apiUri }));
      unmount();
      // Still there during the grace delay (a route change mounts the next page meanwhile).
      vi.advanceTimersByTime(SHARED_KIT_RELEASE_DELAY_MS - 1);
      expect(countSharedKits()).toBe(200);
      vi.advanceTimersByTime(1);
      expect(countSharedKits()).toBe(0);
      expect(focusListeners()).toBe(0);
      expect(kits.every((kit) => kit.queryClient.getQueryCache().getAll().length === 0)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps a kit, and its cache, for a component mounted again within the grace delay', async () => {
    const backend = vi.fn(fetchToken);
    const status = () => document.querySelector('[data-slot="connection-status"]');
    const first = render(<ConnectionStatus integrationKey="hubspot" apiUri={API_URI} fetchToken={backend} />);
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'connected'));
    const kit = getSharedKit({ apiUri: API_URI });
    first.unmount();
    render(<ConnectionStatus integrationKey="hubspot" apiUri={API_URI} fetchToken={backend} />);
    // Shown from the cache at once, with the same token: no second token request, no second list.
    expect(status()).toHaveAttribute('data-state', 'connected');
    expect(getSharedKit({ apiUri: API_URI })).toBe(kit);
    expect(backend).toHaveBeenCalledTimes(1);
    expect(requests('GET', '/integrations')).toBe(1);
  });

  it('a kit still used by one component outlives the unmount of another', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const apiUri = `${API_URI}/kept`;
      const a = render(<ConnectionStatus integrationKey="hubspot" apiUri={apiUri} fetchToken={waitForever} />);
      render(<ConnectionStatus integrationKey="salesforce" apiUri={apiUri} fetchToken={waitForever} />);
      const kit = getSharedKit({ apiUri });
      a.unmount();
      vi.advanceTimersByTime(SHARED_KIT_RELEASE_DELAY_MS * 2);
      expect(getSharedKit({ apiUri })).toBe(kit);
      expect(countSharedKits()).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
