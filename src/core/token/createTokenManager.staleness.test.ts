import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTokenManager } from './createTokenManager.js';
import { deferred, makeTokenAt } from './test-utils/makeJwt.js';

// Issue 11 item 1: a stale token must not be read as device-clock skew.
const START = Date.parse('2025-01-01T00:00:00Z');
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('createTokenManager: stale tokens versus clock skew', () => {
  it('without a reference time, trusts this clock: a cached token issued 60 min ago that expires in 3 s is refetched on the next try', async () => {
    const stale = makeTokenAt(START - HOUR + 3 * SECOND, HOUR, { n: 'cached' });
    let issued = 0;
    const fetchToken = vi.fn(async () => (++issued === 1 ? stale : makeTokenAt(Date.now(), HOUR, { n: issued })));
    const manager = createTokenManager({ fetchToken });

    expect(await manager.getToken()).toBe(stale);
    expect(manager.getSnapshot().expiresAt).toBe(START + 3 * SECOND);

    // Three "Connect clicks" after the cached token expired: each must get a token that works.
    for (let click = 1; click <= 3; click++) {
      vi.setSystemTime(START + (3 + click) * SECOND);
      expect(await manager.getToken()).not.toBe(stale);
    }
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  for (const [label, deviceOffset] of [
    ['1 hour ahead', HOUR],
    ['1 hour behind', -HOUR],
  ] as const) {
    it(`with the server's time as reference, works on the token's timeline when this clock is ${label}`, async () => {
      const serverNow = () => Date.now() - deviceOffset;
      const fetchToken = vi.fn(async () => ({ token: makeTokenAt(serverNow(), HOUR, { n: fetchToken.mock.calls.length }), serverTime: serverNow() }));
      vi.setSystemTime(START + deviceOffset);
      const manager = createTokenManager({ fetchToken });

      const first = await manager.getToken();
      expect(manager.getSnapshot()).toEqual({ status: 'valid', expiresAt: START + deviceOffset + HOUR });
      for (let minute = 0; minute <= 50; minute++) {
        vi.setSystemTime(START + deviceOffset + minute * MINUTE);
        expect(await manager.getToken()).toBe(first);
      }
      expect(fetchToken).toHaveBeenCalledTimes(1);
      vi.setSystemTime(START + deviceOffset + HOUR - 6 * MINUTE);
      expect(await manager.getToken()).not.toBe(first);
      expect(fetchToken).toHaveBeenCalledTimes(2);
    });
  }

  it('with the server time as reference, a stale token is seen as stale even on a device clock 1 hour ahead', async () => {
    const deviceOffset = HOUR;
    vi.setSystemTime(START + deviceOffset);
    const stale = makeTokenAt(START - HOUR + 3 * SECOND, HOUR);
    const fetchToken = vi.fn(async () => ({ token: stale, serverTime: new Date(START).toISOString() }));
    const manager = createTokenManager({ fetchToken });
    await manager.getToken();
    expect(manager.getSnapshot().expiresAt).toBe(START + deviceOffset + 3 * SECOND);
    vi.setSystemTime(START + deviceOffset + 4 * SECOND);
    await manager.getToken();
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('ignores a serverTime that is not a date', async () => {
    const token = makeTokenAt(START, HOUR);
    const manager = createTokenManager({ fetchToken: async () => ({ token, serverTime: 'soon' }) });
    await manager.getToken();
    expect(manager.getSnapshot().expiresAt).toBe(START + HOUR);
  });

  it('drops a token the API refused at once: callers during the refresh never get it again', async () => {
    const first = makeTokenAt(START, HOUR, { n: 1 });
    const second = makeTokenAt(START, HOUR, { n: 2 });
    const refresh = deferred<string>();
    const fetchToken = vi.fn<() => Promise<string>>().mockResolvedValueOnce(first).mockReturnValueOnce(refresh.promise);
    const manager = createTokenManager({ fetchToken });
    expect(await manager.getToken()).toBe(first);

    const forced = manager.getToken({ forceRefresh: true, rejectedToken: first });
    const other = manager.getToken();
    refresh.resolve(second);
    expect(await forced).toBe(second);
    expect(await other).toBe(second);
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });
});
