import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTokenManager } from './createTokenManager.js';
import { isTokenError, TokenError } from './TokenError.js';
import { deferred, makeJwt, makeTokenAt } from './test-utils/makeJwt.js';

const START = Date.parse('2025-01-01T00:00:00Z');
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** A fetchToken that mints a fresh token on the "server" clock each call. */
function tokenServer(lifetimeMs: number, serverClock: () => number = Date.now) {
  let issued = 0;
  const fetchToken = vi.fn(async () => makeTokenAt(serverClock(), lifetimeMs, { n: ++issued }));
  return fetchToken;
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('createTokenManager: caching and refresh margin', () => {
  it('fetches once and reuses the token while it is fresh', async () => {
    const fetchToken = tokenServer(HOUR);
    const manager = createTokenManager({ fetchToken });
    const first = await manager.getToken();
    vi.advanceTimersByTime(30 * MINUTE);
    expect(await manager.getToken()).toBe(first);
    expect(fetchToken).toHaveBeenCalledTimes(1);
  });

  it('refreshes 10 % of the lifetime ahead of expiry when that exceeds 30 s (1 h token → 6 min)', async () => {
    const fetchToken = tokenServer(HOUR);
    const manager = createTokenManager({ fetchToken });
    const first = await manager.getToken();

    vi.setSystemTime(START + HOUR - 6 * MINUTE - 1);
    expect(await manager.getToken()).toBe(first);
    expect(fetchToken).toHaveBeenCalledTimes(1);

    vi.setSystemTime(START + HOUR - 6 * MINUTE);
    const second = await manager.getToken();
    expect(second).not.toBe(first);
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('refreshes 30 s ahead of expiry when 10 % of the lifetime is less (2 min token → 30 s, not 12 s)', async () => {
    const fetchToken = tokenServer(2 * MINUTE);
    const manager = createTokenManager({ fetchToken });
    const first = await manager.getToken();

    vi.setSystemTime(START + 2 * MINUTE - 30 * SECOND - 1);
    expect(await manager.getToken()).toBe(first);
    vi.setSystemTime(START + 2 * MINUTE - 30 * SECOND);
    expect(await manager.getToken()).not.toBe(first);
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('never hands out a token that expires within the margin', async () => {
    const fetchToken = tokenServer(10 * MINUTE);
    const manager = createTokenManager({ fetchToken });
    const margin = 60 * SECOND; // 10 % of 10 min
    for (let elapsed = 0; elapsed < 35 * MINUTE; elapsed += 7 * SECOND) {
      vi.setSystemTime(START + elapsed);
      const token = await manager.getToken();
      const { exp } = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number };
      expect(exp * 1000 - Date.now()).toBeGreaterThan(margin);
    }
    // 35 minutes of 10-minute tokens refreshed 1 minute early: one fetch per 9 minutes.
    expect(fetchToken).toHaveBeenCalledTimes(4);
  });

  it('honours refreshMarginMs', async () => {
    const fetchToken = tokenServer(HOUR);
    const manager = createTokenManager({ fetchToken, refreshMarginMs: 2 * MINUTE });
    const first = await manager.getToken();
    vi.setSystemTime(START + HOUR - 2 * MINUTE - 1);
    expect(await manager.getToken()).toBe(first);
    vi.setSystemTime(START + HOUR - 2 * MINUTE);
    expect(await manager.getToken()).not.toBe(first);
  });

  it('caps the margin at half the lifetime so short-lived tokens do not refetch on every call', async () => {
    const fetchToken = tokenServer(20 * SECOND);
    const manager = createTokenManager({ fetchToken });
    const first = await manager.getToken();
    for (let i = 0; i < 20; i++) expect(await manager.getToken()).toBe(first);
    vi.setSystemTime(START + 10 * SECOND - 1);
    expect(await manager.getToken()).toBe(first);
    vi.setSystemTime(START + 10 * SECOND);
    expect(await manager.getToken()).not.toBe(first);
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('accepts { token } objects as well as strings', async () => {
    const token = makeTokenAt(START, HOUR);
    const manager = createTokenManager({ fetchToken: async () => ({ token, expiresAt: 'ignored' }) });
    expect(await manager.getToken()).toBe(token);
  });
});

describe('createTokenManager: concurrency', () => {
  it('shares one fetchToken call between 100 concurrent getToken calls', async () => {
    const pending = deferred<string>();
    const fetchToken = vi.fn(() => pending.promise);
    const manager = createTokenManager({ fetchToken });
    const calls = Array.from({ length: 100 }, () => manager.getToken());
    const token = makeTokenAt(START, HOUR);
    pending.resolve(token);
    const results = await Promise.all(calls);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(new Set(results)).toEqual(new Set([token]));
  });

  it('shares one refresh between concurrent callers when the token nears expiry', async () => {
    const fetchToken = tokenServer(HOUR);
    const manager = createTokenManager({ fetchToken });
    const first = await manager.getToken();
    vi.setSystemTime(START + HOUR - MINUTE);
    const results = await Promise.all(Array.from({ length: 100 }, () => manager.getToken()));
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(new Set(results).size).toBe(1);
    expect(results[0]).not.toBe(first);
  });

  it('joins a running refresh when forceRefresh is asked concurrently', async () => {
    const fetchToken = tokenServer(HOUR);
    const manager = createTokenManager({ fetchToken });
    await manager.getToken();
    const results = await Promise.all(Array.from({ length: 10 }, () => manager.getToken({ forceRefresh: true })));
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(new Set(results).size).toBe(1);
  });

  it('with rejectedToken, skips the refresh when another caller already replaced that token', async () => {
    const fetchToken = tokenServer(HOUR);
    const manager = createTokenManager({ fetchToken });
    const first = await manager.getToken();
    const second = await manager.getToken({ forceRefresh: true, rejectedToken: first });
    expect(second).not.toBe(first);
    // A late 401 for the first token must not cause another fetch.
    expect(await manager.getToken({ forceRefresh: true, rejectedToken: first })).toBe(second);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    // But a rejection of the current token does.
    expect(await manager.getToken({ forceRefresh: true, rejectedToken: second })).not.toBe(second);
    expect(fetchToken).toHaveBeenCalledTimes(3);
  });
});

describe('createTokenManager: tokens without exp', () => {
  it('keeps using a token without exp until forceRefresh or invalidate', async () => {
    let n = 0;
    const fetchToken = vi.fn(async () => makeJwt({ id: 'customer-1', n: ++n }));
    const manager = createTokenManager({ fetchToken });
    const first = await manager.getToken();
    vi.setSystemTime(START + 30 * 24 * HOUR);
    expect(await manager.getToken()).toBe(first);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(manager.getSnapshot()).toEqual({ status: 'valid' });

    const second = await manager.getToken({ forceRefresh: true });
    expect(second).not.toBe(first);
    expect(fetchToken).toHaveBeenCalledTimes(2);

    manager.invalidate();
    expect(await manager.getToken()).not.toBe(second);
    expect(fetchToken).toHaveBeenCalledTimes(3);
  });
});

describe('createTokenManager: failures', () => {
  it('retries a rejecting fetchToken with exponential backoff and jitter, then succeeds', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(1); // upper end of the jitter: 300 ms, then 600 ms
    const token = makeTokenAt(START, HOUR);
    const fetchToken = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('network down'))
      .mockRejectedValueOnce(new Error('network down'))
      .mockResolvedValue(token);
    const manager = createTokenManager({ fetchToken });
    const result = manager.getToken();

    await vi.advanceTimersByTimeAsync(0);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(299);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(599);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchToken).toHaveBeenCalledTimes(3);
    await expect(result).resolves.toBe(token);
  });

  it('jitters the backoff: the delay depends on Math.random within [half, full] of the step', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0); // lower end: 150 ms
    const fetchToken = vi.fn<() => Promise<string>>().mockRejectedValue(new Error('down'));
    const manager = createTokenManager({ fetchToken, maxAttempts: 2 });
    const result = rejectionOf(manager.getToken());
    await vi.advanceTimersByTimeAsync(149);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    await result;
  });

  it('rejects with fetch_failed carrying the cause after maxAttempts (default 3)', async () => {
    const cause = new Error('ECONNREFUSED');
    const fetchToken = vi.fn<() => Promise<string>>().mockRejectedValue(cause);
    const manager = createTokenManager({ fetchToken });
    const result = rejectionOf(manager.getToken());
    await vi.advanceTimersByTimeAsync(10_000);
    const error = await result;
    expect(fetchToken).toHaveBeenCalledTimes(3);
    expect(error).toBeInstanceOf(TokenError);
    expect(isTokenError(error) && error.code).toBe('fetch_failed');
    expect((error as TokenError).cause).toBe(cause);
    expect((error as TokenError).message).toContain('ECONNREFUSED');
    expect(manager.getSnapshot()).toEqual({ status: 'error', error });
  });

  it('honours maxAttempts and retries a fetchToken that throws synchronously', async () => {
    const fetchToken = vi.fn((): Promise<string> => {
      throw new TypeError('fetch is not a function');
    });
    const manager = createTokenManager({ fetchToken, maxAttempts: 5, retryDelayMs: 10 });
    const result = rejectionOf(manager.getToken());
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await result).toMatchObject({ code: 'fetch_failed' });
    expect(fetchToken).toHaveBeenCalledTimes(5);
  });

  it('keeps tokens found in a rejection reason out of the message', async () => {
    const secretToken = makeTokenAt(START, HOUR);
    const fetchToken = vi.fn<() => Promise<string>>().mockRejectedValue(new Error(`server refused Bearer ${secretToken}`));
    const manager = createTokenManager({ fetchToken, maxAttempts: 1 });
    const error = (await rejectionOf(manager.getToken())) as TokenError;
    expect(error.code).toBe('fetch_failed');
    expect(error.message).not.toContain(secretToken);
    expect(error.message).not.toContain(secretToken.split('.')[1]!);
  });

  it('never caches a failure: the next getToken tries again', async () => {
    const token = makeTokenAt(START, HOUR);
    const fetchToken = vi.fn<() => Promise<string>>().mockRejectedValueOnce(new Error('down')).mockResolvedValue(token);
    const manager = createTokenManager({ fetchToken, maxAttempts: 1 });
    await expect(manager.getToken()).rejects.toMatchObject({ code: 'fetch_failed' });
    expect(manager.getSnapshot().status).toBe('error');
    await expect(manager.getToken()).resolves.toBe(token);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(manager.getSnapshot().status).toBe('valid');
  });

  it('rejects with timeout when fetchToken hangs for fetchTimeoutMs (default 15 s), then tries again once that call settled', async () => {
    const token = makeTokenAt(START, HOUR);
    const hanging = deferred<string>();
    const fetchToken = vi
      .fn<() => Promise<string>>()
      .mockReturnValueOnce(hanging.promise)
      .mockResolvedValue(token);
    const manager = createTokenManager({ fetchToken });
    let settled: unknown = 'pending';
    manager.getToken().then(
      (value) => (settled = value),
      (error: unknown) => (settled = error),
    );
    await vi.advanceTimersByTimeAsync(14_999);
    expect(settled).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBeInstanceOf(TokenError);
    expect(settled).toMatchObject({ code: 'timeout' });
    expect((settled as TokenError).message).toMatch(/15 seconds/);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    const next = manager.getToken();
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    hanging.reject(new Error('backend gave up'));
    await expect(next).resolves.toBe(token);
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('honours fetchTimeoutMs', async () => {
    const manager = createTokenManager({ fetchToken: () => new Promise<string>(() => {}), fetchTimeoutMs: 500 });
    const result = rejectionOf(manager.getToken());
    await vi.advanceTimersByTimeAsync(500);
    expect(await result).toMatchObject({ code: 'timeout' });
  });
});

describe('createTokenManager: clock skew', () => {
  // With the server's time as reference: createTokenManager.staleness.test.ts.
  it('without iat, a token that looks long expired is refused with a hint about caching and the clock', async () => {
    const token = makeJwt({ id: 'customer-1', exp: Math.floor((START - 3 * MINUTE) / 1000) });
    const manager = createTokenManager({ fetchToken: async () => token });
    const error = (await rejectionOf(manager.getToken())) as TokenError;
    expect(error.code).toBe('expired_token');
    expect(error.message).toBe(
      "fetchToken returned a token that expired 3 minutes ago by this device's clock. If your backend or the page caches tokens, " +
        "cache them for less than their lifetime; if this device's clock is wrong, answer the server's time as { token, serverTime } (createTokenHandler does).",
    );
  });

  it('tolerates a token that expired only seconds ago by this clock (small skew) and refetches next time', async () => {
    const fetchToken = vi.fn(async () => makeJwt({ id: 'customer-1', exp: Math.floor((START - 10 * SECOND) / 1000) }));
    const manager = createTokenManager({ fetchToken });
    await expect(manager.getToken()).resolves.toBeTypeOf('string');
    await manager.getToken();
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('without a reference time, does not read an iat far in the past as clock skew: a token expired by this clock is refused', async () => {
    const token = makeTokenAt(START - 2 * HOUR, HOUR);
    const manager = createTokenManager({ fetchToken: async () => token });
    expect(await rejectionOf(manager.getToken())).toMatchObject({ code: 'expired_token' });
  });
});

describe('createTokenManager: snapshot and subscribe', () => {
  it('publishes idle → fetching → valid → fetching → error → fetching → valid as stable objects', async () => {
    const fetchToken = vi
      .fn<() => Promise<string>>()
      .mockResolvedValueOnce(makeTokenAt(START, HOUR))
      .mockRejectedValueOnce(new Error('down'))
      .mockResolvedValueOnce(makeTokenAt(START, HOUR, { n: 2 }));
    const manager = createTokenManager({ fetchToken, maxAttempts: 1 });
    const seen: unknown[] = [];
    const listener = vi.fn(() => seen.push(manager.getSnapshot()));
    manager.subscribe(listener);

    const idle = manager.getSnapshot();
    expect(idle).toEqual({ status: 'idle' });
    expect(manager.getSnapshot()).toBe(idle);

    await manager.getToken();
    const valid = manager.getSnapshot();
    expect(valid).toEqual({ status: 'valid', expiresAt: START + HOUR });
    await manager.getToken(); // cached: no change, same object
    expect(manager.getSnapshot()).toBe(valid);

    await rejectionOf(manager.getToken({ forceRefresh: true }));
    await manager.getToken();

    expect(seen.map((s) => (s as { status: string }).status)).toEqual([
      'fetching',
      'valid',
      'fetching',
      'error',
      'fetching',
      'valid',
    ]);
    expect(seen[2]).toEqual({ status: 'fetching', expiresAt: START + HOUR });
    expect((seen[3] as { error: unknown }).error).toMatchObject({ code: 'fetch_failed' });
    expect(Object.isFrozen(seen[1])).toBe(true);
    expect(listener).toHaveBeenCalledTimes(6);
  });

  it('lets a listener call getToken while a fetch starts without causing a second fetch', async () => {
    const fetchToken = tokenServer(HOUR);
    const manager = createTokenManager({ fetchToken });
    const fromListener: Promise<string>[] = [];
    manager.subscribe(() => {
      if (manager.getSnapshot().status === 'fetching') fromListener.push(manager.getToken());
    });
    const token = await manager.getToken();
    expect(await Promise.all(fromListener)).toEqual([token]);
    expect(fetchToken).toHaveBeenCalledTimes(1);
  });

  it('stops notifying after unsubscribe, and one faulty listener does not stop the others', async () => {
    vi.useRealTimers();
    const manager = createTokenManager({ fetchToken: async () => makeTokenAt(Date.now(), HOUR) });
    const faulty = vi.fn(() => {
      throw new Error('listener bug');
    });
    const kept = vi.fn();
    const removed = vi.fn();
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      manager.subscribe(faulty);
      manager.subscribe(kept);
      const unsubscribe = manager.subscribe(removed);
      unsubscribe();
      unsubscribe();
      await manager.getToken();
      await new Promise((resolve) => setTimeout(resolve, 0));
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    expect(kept).toHaveBeenCalledTimes(2);
    expect(removed).not.toHaveBeenCalled();
    expect(uncaught).toHaveLength(2);
  });
});

describe('createTokenManager: invalidate', () => {
  it('does not let a fetch in flight resurrect an invalidated token', async () => {
    const firstFetch = deferred<string>();
    const staleToken = makeTokenAt(START, HOUR, { n: 'stale' });
    const freshToken = makeTokenAt(START, HOUR, { n: 'fresh' });
    const fetchToken = vi
      .fn<() => Promise<string>>()
      .mockReturnValueOnce(firstFetch.promise)
      .mockResolvedValue(freshToken);
    const manager = createTokenManager({ fetchToken });

    const before = manager.getToken();
    manager.invalidate();
    expect(manager.getSnapshot()).toEqual({ status: 'idle' });
    const after = manager.getToken();
    await vi.advanceTimersByTimeAsync(0);
    // The next call waits for the one in flight instead of running beside it.
    expect(fetchToken).toHaveBeenCalledTimes(1);

    firstFetch.resolve(staleToken);
    await expect(before).resolves.toBe(freshToken);
    await expect(after).resolves.toBe(freshToken);
    await expect(manager.getToken()).resolves.toBe(freshToken);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(manager.getSnapshot().status).toBe('valid');
  });

  it('ignores the failure of a fetch started before invalidate', async () => {
    const firstFetch = deferred<string>();
    const token = makeTokenAt(START, HOUR);
    const fetchToken = vi.fn<() => Promise<string>>().mockReturnValueOnce(firstFetch.promise).mockResolvedValue(token);
    const manager = createTokenManager({ fetchToken, maxAttempts: 1 });
    const before = manager.getToken();
    manager.invalidate();
    firstFetch.reject(new Error('logged out'));
    await expect(before).resolves.toBe(token);
    expect(manager.getSnapshot().status).toBe('valid');
  });

  it('forgets a held token', async () => {
    const fetchToken = tokenServer(HOUR);
    const manager = createTokenManager({ fetchToken });
    const first = await manager.getToken();
    manager.invalidate();
    expect(manager.getSnapshot()).toEqual({ status: 'idle' });
    expect(await manager.getToken()).not.toBe(first);
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });
});

describe('createTokenManager: options', () => {
  it('rejects bad options with a clear error', () => {
    expect(() => createTokenManager({} as never)).toThrow(/fetchToken must be a function/);
    expect(() => createTokenManager({ fetchToken: 'x' } as never)).toThrow(TypeError);
    expect(() => createTokenManager({ fetchToken: async () => '', maxAttempts: 0 })).toThrow(/maxAttempts must be an integer ≥ 1, but it is 0/);
    expect(() => createTokenManager({ fetchToken: async () => '', fetchTimeoutMs: -1 })).toThrow(RangeError);
    expect(() => createTokenManager({ fetchToken: async () => '', refreshMarginMs: Number.NaN })).toThrow(/refreshMarginMs/);
  });
});
