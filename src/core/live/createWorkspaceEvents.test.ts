import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTokenManager } from '../token/createTokenManager.js';
import { makeTokenAt } from '../token/test-utils/makeJwt.js';
import { isKitError } from '../errors/KitError.js';
import { createWorkspaceEvents } from './createWorkspaceEvents.js';
import { FakeEventSource } from './test-utils/FakeEventSource.js';
import type { WorkspaceEvent } from './types.js';

const open = (): FakeEventSource[] => FakeEventSource.openInstances();
const last = (): FakeEventSource => FakeEventSource.last();
const LIFETIME_MS = 60 * 60_000;

function setup(options: { lifetimeMs?: number; random?: () => number } = {}) {
  let generation = 0;
  const fetchToken = vi.fn(async () => makeTokenAt(Date.now(), options.lifetimeMs ?? LIFETIME_MS, { g: ++generation }));
  const tokenManager = createTokenManager({ fetchToken });
  const events = createWorkspaceEvents({
    apiUri: 'https://api.example.test/',
    tokenManager,
    EventSource: FakeEventSource,
    backoff: { random: options.random ?? (() => 0) },
  });
  return { events, tokenManager, fetchToken };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

describe('createWorkspaceEvents', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeEventSource.reset();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens one stream for many subscribers, with the token in ?token=, and closes it when the last one leaves', async () => {
    const { events, tokenManager } = setup();
    expect(events.getStatus()).toBe('idle');
    const a: WorkspaceEvent[] = [];
    const b: WorkspaceEvent[] = [];
    const offA = events.subscribe((event) => a.push(event));
    const offB = events.subscribe((event) => b.push(event));
    expect(events.getStatus()).toBe('connecting');
    await settle();
    expect(FakeEventSource.instances).toHaveLength(1);
    const source = last();
    expect(source.url.startsWith('https://api.example.test/sse/workspace?token=')).toBe(true);
    expect(source.token).toBe(await tokenManager.getToken());

    source.open();
    source.send({ type: 'connected', message: 'hi', timestamp: '2026-01-01T00:00:00Z' });
    source.send({ type: 'element-update', elementType: 'connection', elementId: 'c1' });
    expect(events.getStatus()).toBe('open');
    expect(a).toEqual([
      { type: 'connected', message: 'hi', timestamp: '2026-01-01T00:00:00Z', resumed: false },
      { type: 'element-update', elementType: 'connection', elementId: 'c1' },
    ]);
    expect(b).toEqual(a);

    offA();
    expect(source.closed).toBe(false);
    offB();
    expect(source.closed).toBe(true);
    expect(events.getStatus()).toBe('idle');
    expect(vi.getTimerCount()).toBe(0);

    events.subscribe(() => {});
    await settle();
    expect(FakeEventSource.instances).toHaveLength(2);
    expect(open()).toHaveLength(1);
  });

  it('ignores malformed messages', async () => {
    const { events } = setup();
    const received: WorkspaceEvent[] = [];
    events.subscribe((event) => received.push(event));
    await settle();
    const source = last();
    for (const data of ['not json', '[1,2]', 'null', '{"type":"other"}', '{"type":"element-update","elementType":"connection"}', '{"type":"element-update","elementId":5,"elementType":"x"}']) {
      source.send(data);
    }
    source.send({ type: 'element-update', elementType: 'integration', elementId: 'i1', data: { key: 'hubspot' } });
    expect(received).toEqual([{ type: 'element-update', elementType: 'integration', elementId: 'i1', data: { key: 'hubspot' } }]);
  });

  it('never opens a stream that was unsubscribed before its token arrived (StrictMode mount, unmount, mount)', async () => {
    const { events } = setup();
    const off = events.subscribe(() => {});
    off();
    events.subscribe(() => {});
    await settle();
    expect(FakeEventSource.instances).toHaveLength(1);
  });

  it('reopens after an error with exponential backoff (1 s, 2 s, 4 s … capped at 30 s) and a fresh token each time', async () => {
    const { events, fetchToken } = setup();
    events.subscribe(() => {});
    await settle();
    last().open();
    const delays: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      const before = FakeEventSource.instances.length;
      last().fail();
      expect(events.getStatus()).toBe('waiting');
      expect(open()).toHaveLength(0);
      let waited = 0;
      while (FakeEventSource.instances.length === before) {
        await vi.advanceTimersByTimeAsync(250);
        waited += 250;
        if (waited > 60_000) throw new Error('no reopen within 60 s');
      }
      delays.push(waited);
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    // Only the first failure of the outage happened before an open: one forced refresh, then the held token.
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('applies jitter: with random() = 0.99 the delay is about half', async () => {
    const { events } = setup({ random: () => 0.99 });
    events.subscribe(() => {});
    await settle();
    last().open();
    last().fail();
    await vi.advanceTimersByTimeAsync(500);
    expect(FakeEventSource.instances).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(50);
    expect(FakeEventSource.instances).toHaveLength(2);
  });

  it('a success resets the backoff', async () => {
    const { events } = setup();
    events.subscribe(() => {});
    await settle();
    last().open();
    last().fail();
    await vi.advanceTimersByTimeAsync(1000);
    last().fail();
    await vi.advanceTimersByTimeAsync(2000);
    expect(FakeEventSource.instances).toHaveLength(3);
    last().send({ type: 'connected' });
    last().fail();
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeEventSource.instances).toHaveLength(4);
  });

  it('forces one token refresh when a stream fails before opening (a refused token), not on every retry', async () => {
    const { events, fetchToken } = setup();
    events.subscribe(() => {});
    await settle();
    const first = last();
    expect(fetchToken).toHaveBeenCalledTimes(1);
    first.fail();
    await vi.advanceTimersByTimeAsync(1000);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(last().token).not.toBe(first.token);
    last().fail();
    await vi.advanceTimersByTimeAsync(2000);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(FakeEventSource.instances).toHaveLength(3);
  });

  it('reports resumed: true on the first connected message after a failure, so missed updates can be refetched', async () => {
    const { events } = setup();
    const received: WorkspaceEvent[] = [];
    events.subscribe((event) => received.push(event));
    await settle();
    last().send({ type: 'connected' });
    last().fail();
    await vi.advanceTimersByTimeAsync(1000);
    last().send({ type: 'connected' });
    expect(received).toEqual([
      { type: 'connected', resumed: false },
      { type: 'connected', resumed: true },
    ]);
  });

  it('retries when fetching the token fails', async () => {
    let calls = 0;
    const tokenManager = createTokenManager({
      fetchToken: async () => {
        calls++;
        if (calls <= 3) throw new Error('backend down');
        return makeTokenAt(Date.now(), LIFETIME_MS);
      },
      maxAttempts: 1,
    });
    const events = createWorkspaceEvents({ apiUri: 'https://api.example.test', tokenManager, EventSource: FakeEventSource, backoff: { random: () => 0 } });
    events.subscribe(() => {});
    await settle();
    expect(events.getStatus()).toBe('waiting');
    expect(FakeEventSource.instances).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1000 + 2000 + 4000);
    expect(FakeEventSource.instances).toHaveLength(1);
  });

  it('reopens with a fresh token before the token expires', async () => {
    const { events, fetchToken } = setup({ lifetimeMs: 10 * 60_000 });
    events.subscribe(() => {});
    await settle();
    const first = last();
    first.open();
    await vi.advanceTimersByTimeAsync(10 * 60_000 - 31_000);
    expect(FakeEventSource.instances).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(FakeEventSource.instances).toHaveLength(2);
    expect(first.closed).toBe(true);
    expect(last().token).not.toBe(first.token);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(events.getStatus()).toBe('open');
  });

  it('renews with the token the manager already refreshed, without an extra fetch', async () => {
    const { events, fetchToken, tokenManager } = setup({ lifetimeMs: 10 * 60_000 });
    events.subscribe(() => {});
    await settle();
    const first = last();
    first.open();
    // The app's own requests get a refreshed token inside the manager's margin (60 s here).
    await vi.advanceTimersByTimeAsync(10 * 60_000 - 50_000);
    const refreshed = await tokenManager.getToken();
    expect(refreshed).not.toBe(first.token);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(25_000);
    expect(last().token).toBe(refreshed);
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('reopens with a new token when the token manager is invalidated (another customer signed in)', async () => {
    const { events, tokenManager } = setup();
    events.subscribe(() => {});
    await settle();
    const first = last();
    first.open();
    tokenManager.invalidate();
    await settle();
    expect(first.closed).toBe(true);
    expect(open()).toHaveLength(1);
    expect(last().token).not.toBe(first.token);
  });

  it('a listener that throws does not stop the others', async () => {
    const { events } = setup();
    const received: string[] = [];
    events.subscribe(() => {
      throw new Error('listener bug');
    });
    events.subscribe((event) => received.push(event.type));
    await settle();
    last().send({ type: 'element-update', elementType: 'connection', elementId: 'c1' });
    expect(received).toEqual(['element-update']);
  });

  it('is a no-op without EventSource (server rendering)', async () => {
    const fetchToken = vi.fn(async () => makeTokenAt(Date.now(), LIFETIME_MS));
    const events = createWorkspaceEvents({ apiUri: 'https://api.example.test', tokenManager: createTokenManager({ fetchToken }), EventSource: null });
    expect(events.getStatus()).toBe('unsupported');
    const off = events.subscribe(() => {});
    await settle();
    off();
    expect(fetchToken).not.toHaveBeenCalled();
    expect(events.getStatus()).toBe('unsupported');
  });

  it('uses globalThis.EventSource by default, and Node has none', () => {
    const events = createWorkspaceEvents({ apiUri: 'https://api.example.test', tokenManager: createTokenManager({ fetchToken: async () => 'x' }) });
    expect(events.getStatus()).toBe(typeof (globalThis as { EventSource?: unknown }).EventSource === 'function' ? 'idle' : 'unsupported');
  });

  it('refuses a relative apiUri with a KitError saying what to pass', () => {
    let error: unknown;
    try {
      createWorkspaceEvents({ apiUri: '/api', tokenManager: createTokenManager({ fetchToken: async () => 'x' }), EventSource: FakeEventSource });
    } catch (caught) {
      error = caught;
    }
    expect(isKitError(error)).toBe(true);
    expect((error as Error).message).toContain('absolute http(s) URL');
  });
});
