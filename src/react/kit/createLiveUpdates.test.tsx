import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_URI, startKitTestEnvironment } from '../../../test/dom/emulatorServer.ts';
import { membraneKeys } from '../../core/query/membraneKeys.js';
import { FakeEventSource } from '../../core/live/test-utils/FakeEventSource.js';
import type { WorkspaceEvent, WorkspaceEvents } from '../../core/live/types.js';
import { ConnectionStatus, IntegrationsList, MembraneKitProvider } from '../../index.js';
import { createLiveUpdates, LIVE_UPDATE_DEBOUNCE_MS } from './createLiveUpdates.js';

/** A WorkspaceEvents the test drives by hand. */
function fakeEvents() {
  let listener: ((event: WorkspaceEvent) => void) | undefined;
  const subscribe = vi.fn((next: (event: WorkspaceEvent) => void) => {
    listener = next;
    return () => {
      listener = undefined;
    };
  });
  const events: WorkspaceEvents = { subscribe, getStatus: () => (listener ? 'open' : 'idle') };
  return { events, subscribe, emit: (event: WorkspaceEvent) => listener?.(event), isOpen: () => listener !== undefined };
}

function seededClient() {
  const queryClient = new QueryClient();
  const keys = {
    list: membraneKeys.integrations(),
    hubspot: membraneKeys.integration('hubspot'),
    slack: membraneKeys.integration('slack'),
    connections: membraneKeys.connections({ integrationKey: 'hubspot' }),
    connection: membraneKeys.connection('c1'),
    other: membraneKeys.connection('c2'),
    spec: membraneKeys.spec('hubspot'),
  };
  queryClient.setQueryData(keys.list, { pages: [], pageParams: [] });
  queryClient.setQueryData(keys.hubspot, { id: 'i1', key: 'hubspot', connection: { id: 'c1' } });
  queryClient.setQueryData(keys.slack, { id: 'i2', key: 'slack' });
  queryClient.setQueryData(keys.connections, { items: [] });
  queryClient.setQueryData(keys.connection, { id: 'c1' });
  queryClient.setQueryData(keys.other, { id: 'c2' });
  queryClient.setQueryData(keys.spec, {});
  // The cached data predates the updates the tests send.
  vi.advanceTimersByTime(10);
  const invalidated = () =>
    Object.entries(keys)
      .filter(([, key]) => queryClient.getQueryState(key)?.isInvalidated)
      .map(([name]) => name);
  return { queryClient, invalidated };
}

describe('createLiveUpdates', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('subscribes while held and enabled, and unsubscribes when the last holder releases or it is turned off', () => {
    const fake = fakeEvents();
    const live = createLiveUpdates({ events: fake.events, queryClient: new QueryClient() });
    const releaseA = live.retain();
    const releaseB = live.retain();
    expect(fake.subscribe).toHaveBeenCalledTimes(1);
    releaseA();
    releaseA();
    expect(fake.isOpen()).toBe(true);
    live.setEnabled(false);
    expect(fake.isOpen()).toBe(false);
    live.setEnabled(true);
    expect(fake.isOpen()).toBe(true);
    releaseB();
    expect(fake.isOpen()).toBe(false);

    const off = createLiveUpdates({ events: fake.events, queryClient: new QueryClient(), enabled: false });
    off.retain();
    expect(fake.subscribe).toHaveBeenCalledTimes(2);
  });

  it('invalidates the lists, the matching integration and connection once per burst, after the debounce', () => {
    const fake = fakeEvents();
    const { queryClient, invalidated } = seededClient();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    createLiveUpdates({ events: fake.events, queryClient }).retain();
    fake.emit({ type: 'element-update', elementType: 'connection', elementId: 'c1' });
    fake.emit({ type: 'element-update', elementType: 'integration', elementId: 'i1' });
    fake.emit({ type: 'element-update', elementType: 'connection', elementId: 'c1' });
    vi.advanceTimersByTime(LIVE_UPDATE_DEBOUNCE_MS - 1);
    expect(invalidated()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(invalidated().sort()).toEqual(['connection', 'connections', 'hubspot', 'list']);
    const calls = invalidate.mock.calls.length;
    vi.advanceTimersByTime(1000);
    expect(invalidate.mock.calls.length).toBe(calls);
  });

  it("finds the integration through a connection's payload or its cached connection", () => {
    const fake = fakeEvents();
    const { queryClient, invalidated } = seededClient();
    createLiveUpdates({ events: fake.events, queryClient }).retain();
    fake.emit({ type: 'element-update', elementType: 'connection', elementId: 'c9', data: { id: 'c9', integrationId: 'i2' } });
    vi.advanceTimersByTime(LIVE_UPDATE_DEBOUNCE_MS);
    expect(invalidated().sort()).toEqual(['connections', 'list', 'slack']);
  });

  it('refetches everything after a resumed stream, nothing on the first connected message or other element types', () => {
    const fake = fakeEvents();
    const { queryClient, invalidated } = seededClient();
    createLiveUpdates({ events: fake.events, queryClient }).retain();
    fake.emit({ type: 'connected', resumed: false });
    fake.emit({ type: 'element-update', elementType: 'flow-instance', elementId: 'f1' });
    vi.advanceTimersByTime(1000);
    expect(invalidated()).toEqual([]);
    fake.emit({ type: 'connected', resumed: true });
    vi.advanceTimersByTime(LIVE_UPDATE_DEBOUNCE_MS);
    expect(invalidated()).toHaveLength(7);
  });

  it('skips data fetched after the update arrived, and joins a fetch in flight instead of restarting it', async () => {
    const fake = fakeEvents();
    const queryClient = new QueryClient();
    createLiveUpdates({ events: fake.events, queryClient }).retain();
    let calls = 0;
    let release: () => void = () => {};
    const observer = new QueryObserver(queryClient, {
      queryKey: membraneKeys.integrations(),
      queryFn: () => {
        calls++;
        return new Promise<{ pages: [] }>((resolve) => (release = () => resolve({ pages: [] })));
      },
    });
    const stop = observer.subscribe(() => {});
    expect(calls).toBe(1);
    fake.emit({ type: 'element-update', elementType: 'connection', elementId: 'c1' });
    vi.advanceTimersByTime(LIVE_UPDATE_DEBOUNCE_MS);
    expect(calls).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(10);

    // An update whose burst started before the data arrived refetches; the burst after it does.
    fake.emit({ type: 'element-update', elementType: 'connection', elementId: 'c1' });
    vi.advanceTimersByTime(50);
    queryClient.setQueryData(membraneKeys.connection('c1'), { id: 'c1' });
    vi.advanceTimersByTime(LIVE_UPDATE_DEBOUNCE_MS - 50);
    expect(calls).toBe(2);
    expect(queryClient.getQueryState(membraneKeys.connection('c1'))?.isInvalidated).toBe(false);
    stop();
  });

  it('drops a pending burst when the last holder leaves', () => {
    const fake = fakeEvents();
    const { queryClient, invalidated } = seededClient();
    const release = createLiveUpdates({ events: fake.events, queryClient }).retain();
    fake.emit({ type: 'element-update', elementType: 'integration', elementId: 'i1' });
    release();
    vi.advanceTimersByTime(1000);
    expect(invalidated()).toEqual([]);
  });
});

describe('live updates in components (jsdom, emulator over MSW, fake EventSource)', () => {
  const { emulator, fetchToken, requests } = startKitTestEnvironment();
  beforeEach(() => {
    FakeEventSource.reset();
    vi.stubGlobal('EventSource', FakeEventSource);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  const openSources = () => FakeEventSource.openInstances();

  it('one stream for the list and every status; an element-update refreshes them with one request; unmounting closes it', async () => {
    const { unmount } = render(
      <MembraneKitProvider fetchToken={fetchToken} apiUri={API_URI}>
        <IntegrationsList />
        <ConnectionStatus integrationKey="hubspot" />
        <ConnectionStatus integrationKey="hubspot" />
      </MembraneKitProvider>,
    );
    const list = await screen.findByRole('list', { name: 'Integrations' });
    const hubspotRow = () => within(list).getAllByRole('listitem').find((row) => row.dataset.integrationKey === 'hubspot');
    await waitFor(() => expect(hubspotRow()).toHaveAttribute('data-state', 'connected'), { timeout: 5000 });
    await waitFor(() => expect(openSources()).toHaveLength(1), { timeout: 5000 });
    expect(FakeEventSource.instances).toHaveLength(1);
    const source = openSources()[0]!;
    expect(source.url).toMatch(new RegExp(`^${API_URI}/sse/workspace\\?token=`));
    const listRequests = requests('GET', '/integrations');

    // Changed elsewhere: the store is the emulator's, no request from this page.
    const hubspot = [...emulator.store.connections.values()].find((connection) => connection.name === 'HubSpot')!;
    emulator.store.updateConnection(hubspot.id, { archivedAt: new Date().toISOString() });
    expect(hubspotRow()).toHaveAttribute('data-state', 'connected');
    source.send({ type: 'element-update', elementType: 'connection', elementId: hubspot.id });
    source.send({ type: 'element-update', elementType: 'integration', elementId: hubspot.integrationId });

    // Generous timeouts: jsdom under a loaded CI machine; the Chromium test checks the 2 s budget.
    await waitFor(() => expect(hubspotRow()).toHaveAttribute('data-state', 'not-connected'), { timeout: 5000 });
    await waitFor(
      () => expect(document.querySelectorAll('[data-slot="connection-status"][data-state="not-connected"]')).toHaveLength(2),
      { timeout: 5000 },
    );
    expect(requests('GET', '/integrations')).toBe(listRequests + 1);

    unmount();
    expect(openSources()).toHaveLength(0);
  });

  it('live={false} on the provider opens no stream', async () => {
    render(
      <MembraneKitProvider fetchToken={fetchToken} apiUri={API_URI} live={false}>
        <ConnectionStatus integrationKey="hubspot" />
      </MembraneKitProvider>,
    );
    await waitFor(() => expect(document.querySelector('[data-slot="connection-status"]')).toHaveAttribute('data-state', 'connected'), { timeout: 5000 });
    expect(FakeEventSource.instances).toHaveLength(0);
  });

  it('live={false} on a provider-less component opens no stream; without it the shared kit opens one', async () => {
    const { unmount } = render(<ConnectionStatus integrationKey="hubspot" fetchToken={fetchToken} apiUri={API_URI} live={false} />);
    await waitFor(() => expect(document.querySelector('[data-slot="connection-status"]')).toHaveAttribute('data-state', 'connected'), { timeout: 5000 });
    expect(FakeEventSource.instances).toHaveLength(0);
    expect(document.querySelector('[data-slot="connection-status"]')).not.toHaveAttribute('live');
    unmount();
    render(<ConnectionStatus integrationKey="hubspot" fetchToken={fetchToken} apiUri={API_URI} live />);
    await waitFor(() => expect(openSources()).toHaveLength(1), { timeout: 5000 });
  });
});
