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
    expect(readConnectRedirectResult(fakeWindow('https://app.test/?connectionId=c1&mk_connect=r1').win)).toBeNull();
  });

  it('takes a result only when the URL carries the marker’s request id', () => {
    // An abandoned redirect left the marker; the app's own ?error= later is not a connect result.
    expect(readConnectRedirectResult(fakeWindow('https://app.test/?error=quota', marker).win)).toBeNull();
    expect(readConnectRedirectResult(fakeWindow('https://app.test/?connectionId=c1&mk_connect=r0', marker).win)).toBeNull();
    expect(readConnectRedirectResult(fakeWindow('https://app.test/?connectionId=c1&mk_connect=', { ...marker, requestId: '' }).win)).toBeNull();
    // The marker is kept for its own return (the page may load before Membrane sends it back).
    const early = fakeWindow('https://app.test/?error=quota', marker);
    readConnectRedirectResult(early.win);
    expect(early.storage.has(REDIRECT_MARKER_KEY)).toBe(true);
  });

  it('drops a marker older than 15 minutes, and a broken one', () => {
    const fresh = fakeWindow('https://app.test/?connectionId=c1&mk_connect=r1', { ...marker, startedAt: Date.now() - 14 * 60_000 });
    expect(readConnectRedirectResult(fresh.win)).toMatchObject({ connectionId: 'c1' });
    const stale = fakeWindow('https://app.test/?connectionId=c1&mk_connect=r1', { ...marker, startedAt: Date.now() - 16 * 60_000 });
    expect(readConnectRedirectResult(stale.win)).toBeNull();
    expect(stale.storage.has(REDIRECT_MARKER_KEY)).toBe(false);
    const broken = fakeWindow('https://app.test/?connectionId=c1&mk_connect=r1');
    broken.storage.set(REDIRECT_MARKER_KEY, '{not json');
    expect(readConnectRedirectResult(broken.win)).toBeNull();
    expect(broken.storage.has(REDIRECT_MARKER_KEY)).toBe(false);
  });

  it('reads a success and a failure', () => {
    expect(readConnectRedirectResult(fakeWindow('https://app.test/settings?connectionId=c1&mk_connect=r1', marker).win)).toEqual({
      integrationKey: 'hubspot',
      connectionId: 'c1',
    });
    const errorData = encodeURIComponent(JSON.stringify({ type: 'bad_request', key: 'rate_limit_exceeded', message: 'Slow down' }));
    const failure = readConnectRedirectResult(fakeWindow(`https://app.test/?error=Slow%20down&errorData=${errorData}&mk_connect=r1`, marker).win);
    expect(failure?.error).toMatchObject({ code: 'rate_limited', message: 'Slow down' });
    const plain = readConnectRedirectResult(fakeWindow('https://app.test/?error=Access%20denied&errorData=%7Bbroken&mk_connect=r1', marker).win);
    expect(plain?.error).toMatchObject({ code: 'auth', message: 'Access denied' });
  });

  it.each([
    [{ type: 'internal', message: 'Membrane is down' }, 'server'],
    [{ type: 'dependency_error', message: 'HubSpot answered 502' }, 'server'],
    [{ type: 'flow_run', message: 'Something else broke' }, 'server'],
    [{ type: 'bad_request', message: 'Invalid connection parameters' }, 'invalid_parameters'],
    [{ type: 'bad_request', key: 'not_found', message: 'Integration not found' }, 'invalid_parameters'],
    [{ type: 'bad_request', key: 'not_authenticated', message: 'Token expired' }, 'auth'],
    [{ type: 'bad_request', key: 'access_denied', message: 'Access denied' }, 'auth'],
    [{ type: 'connection', message: 'HubSpot refused the authorization' }, 'auth'],
  ])('keeps the real code of a redirect failure: %j is %s', (data, code) => {
    const errorData = encodeURIComponent(JSON.stringify(data));
    const result = readConnectRedirectResult(fakeWindow(`https://app.test/?error=failed&errorData=${errorData}&mk_connect=r1`, marker).win);
    expect(result?.error).toMatchObject({ code, message: data.message });
  });

  it('describes a failure without any text, and never lets a token from the URL through', () => {
    expect(readConnectRedirectResult(fakeWindow('https://app.test/?error=&mk_connect=r1', marker).win)?.error).toMatchObject({
      code: 'auth',
      message: 'The connection failed.',
    });
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJpZCI6IjEifQ.c2lnbmF0dXJl';
    const errorData = encodeURIComponent(JSON.stringify({ type: 'internal', message: `Bad token ${token}` }));
    const result = readConnectRedirectResult(fakeWindow(`https://app.test/?error=x&errorData=${errorData}&mk_connect=r1`, marker).win);
    expect(result?.error?.code).toBe('server');
    expect(result?.error?.message).toBe('Bad token [token]');
    expect(JSON.stringify(result?.error?.data)).not.toContain(token);
    expect(result?.error?.cause).toBeUndefined();
  });

  it('cleans the URL (the kit’s mk_connect too) and the marker, keeping the app’s own parameters', () => {
    const { win, storage } = fakeWindow('https://app.test/settings?tab=apps&connectionId=c1&mk_connect=r1#top', marker);
    clearConnectRedirectResult(win);
    expect(win.location.href).toBe('https://app.test/settings?tab=apps#top');
    expect(storage.has(REDIRECT_MARKER_KEY)).toBe(false);
  });
});
