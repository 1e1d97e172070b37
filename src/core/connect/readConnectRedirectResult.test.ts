import { describe, expect, it } from 'vitest';
import { REDIRECT_MARKER_KEY } from './connectWithRedirect.js';
import { clearConnectRedirectResult, readConnectRedirectResult } from './readConnectRedirectResult.js';

function fakeWindow(href: string, marker?: object) {
  const storage = new Map<string, string>();
  if (marker) storage.set(REDIRECT_MARKER_KEY, JSON.stringify(marker));
  const win = {
    location: new URL(href),
    sessionStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => storage.set(key, value),
      removeItem: (key: string) => storage.delete(key),
    },
    history: {
      state: null,
      replaceState: (_state: unknown, _title: string, url: string) => {
        win.location = new URL(url);
      },
    },
  };
  return { win: win as unknown as Window & { location: URL }, storage };
}

const marker = { integrationKey: 'hubspot', requestId: 'r1', startedAt: Date.now() };

describe('readConnectRedirectResult', () => {
  it('ignores the URL unless this tab started a same-window connect', () => {
    expect(readConnectRedirectResult(fakeWindow('https://app.test/?connectionId=c1').win)).toBeNull();
    expect(readConnectRedirectResult(fakeWindow('https://app.test/?connectionId=c1', { ...marker, startedAt: Date.now() - 2 * 3600_000 }).win)).toBeNull();
  });

  it('reads a success and a failure', () => {
    expect(readConnectRedirectResult(fakeWindow('https://app.test/settings?connectionId=c1', marker).win)).toEqual({
      integrationKey: 'hubspot',
      connectionId: 'c1',
    });
    const errorData = encodeURIComponent(JSON.stringify({ type: 'bad_request', key: 'rate_limit_exceeded', message: 'Slow down' }));
    const failure = readConnectRedirectResult(fakeWindow(`https://app.test/?error=Slow%20down&errorData=${errorData}`, marker).win);
    expect(failure?.error).toMatchObject({ code: 'rate_limited', message: 'Slow down' });
    const plain = readConnectRedirectResult(fakeWindow('https://app.test/?error=Access%20denied&errorData=%7Bbroken', marker).win);
    expect(plain?.error).toMatchObject({ code: 'auth', message: 'Access denied' });
  });

  it('cleans the URL and the marker, keeping the app’s own parameters', () => {
    const { win, storage } = fakeWindow('https://app.test/settings?tab=apps&connectionId=c1#top', marker);
    clearConnectRedirectResult(win);
    expect(win.location.href).toBe('https://app.test/settings?tab=apps#top');
    expect(storage.has(REDIRECT_MARKER_KEY)).toBe(false);
  });
});
