import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTokenManager } from './createTokenManager.js';
import { deferred, makeTokenAt, type Deferred } from './test-utils/makeJwt.js';

// Issue 11 item 12: fetchToken runs at most once at a time, also across timeouts and invalidate().
const START = Date.parse('2025-01-01T00:00:00Z');
const HOUR = 3_600_000;

/** A backend whose calls stay open until the test settles them; counts how many run at once. */
function controlledBackend() {
  const calls: Deferred<string>[] = [];
  let running = 0;
  let maxRunning = 0;
  const fetchToken = vi.fn(() => {
    const call = deferred<string>();
    calls.push(call);
    running++;
    maxRunning = Math.max(maxRunning, running);
    const settle = () => {
      running--;
    };
    call.promise.then(settle, settle);
    return call.promise;
  });
  return { fetchToken, calls, maxRunning: () => maxRunning };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('createTokenManager: one fetchToken at a time', () => {
  it('10 getToken() calls in a row against a hanging backend start one fetchToken, not 10', async () => {
    const backend = controlledBackend();
    const manager = createTokenManager({ fetchToken: backend.fetchToken, fetchTimeoutMs: 500 });
    for (let i = 0; i < 10; i++) {
      const result = manager.getToken().then(
        () => 'resolved',
        (error: { code?: string }) => error.code,
      );
      await vi.advanceTimersByTimeAsync(500);
      expect(await result).toBe('timeout');
    }
    expect(backend.fetchToken).toHaveBeenCalledTimes(1);
    expect(backend.maxRunning()).toBe(1);

    // Once the hanging call settles, the next getToken() may ask again.
    backend.calls[0]!.reject(new Error('gave up'));
    const next = manager.getToken();
    await vi.advanceTimersByTimeAsync(0);
    expect(backend.fetchToken).toHaveBeenCalledTimes(2);
    const token = makeTokenAt(START, HOUR);
    backend.calls[1]!.resolve(token);
    expect(await next).toBe(token);
  });

  it('100 × invalidate() + getToken() run fetchToken twice in all, never two at once', async () => {
    const backend = controlledBackend();
    const manager = createTokenManager({ fetchToken: backend.fetchToken });
    const results: Promise<string>[] = [];
    for (let i = 0; i < 100; i++) {
      manager.invalidate();
      results.push(manager.getToken());
    }
    await vi.advanceTimersByTimeAsync(0);
    expect(backend.fetchToken).toHaveBeenCalledTimes(1);

    backend.calls[0]!.resolve(makeTokenAt(START, HOUR, { n: 'before invalidate' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(backend.fetchToken).toHaveBeenCalledTimes(2);
    const fresh = makeTokenAt(START, HOUR, { n: 'fresh' });
    backend.calls[1]!.resolve(fresh);
    expect(new Set(await Promise.all(results))).toEqual(new Set([fresh]));
    expect(backend.fetchToken).toHaveBeenCalledTimes(2);
    expect(backend.maxRunning()).toBe(1);
  });
});
