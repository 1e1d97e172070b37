import { describe, expect, it, vi } from 'vitest';
import { REDIRECT_MARKER_KEY } from './connectWithRedirect.js';
import { createRedirectClaim } from './createRedirectClaim.js';

/** A window with just what the claim reads and writes: location, sessionStorage, history. */
function fakeWindow(href: string, markerFor?: string) {
  const storage = new Map<string, string>();
  if (markerFor) storage.set(REDIRECT_MARKER_KEY, JSON.stringify({ integrationKey: markerFor, requestId: 'r1', startedAt: Date.now() }));
  const getItem = vi.fn((key: string) => storage.get(key) ?? null);
  const replaceState = vi.fn((_state: unknown, _title: string, url: string) => {
    win.location = new URL(url);
  });
  const win = {
    location: new URL(href),
    sessionStorage: {
      getItem,
      setItem: (key: string, value: string) => storage.set(key, value),
      removeItem: (key: string) => storage.delete(key),
    },
    history: { state: null, replaceState },
  };
  const navigate = (url: string) => {
    win.location = new URL(url);
  };
  return { win: win as unknown as Window & { location: URL }, storage, getItem, replaceState, navigate };
}

describe('createRedirectClaim', () => {
  it('hands a ?connectionId= result to the integration that started it, once', () => {
    const { win, storage } = fakeWindow('https://app.test/settings?tab=apps&connectionId=c1&mk_connect=r1#top', 'hubspot');
    const claim = createRedirectClaim(() => win);
    expect(claim('hubspot')).toEqual({ integrationKey: 'hubspot', connectionId: 'c1' });
    expect(claim('hubspot')).toBeNull();
    expect(claim('salesforce')).toBeNull();
    // The URL keeps the app's own parameters and hash; the marker is gone.
    expect(win.location.href).toBe('https://app.test/settings?tab=apps#top');
    expect(storage.has(REDIRECT_MARKER_KEY)).toBe(false);
  });

  it('does not hand the result to another integration, nor clean the URL for it', () => {
    const { win, storage, replaceState } = fakeWindow('https://app.test/?connectionId=c1&mk_connect=r1', 'hubspot');
    const claim = createRedirectClaim(() => win);
    expect(claim('salesforce')).toBeNull();
    expect(claim('pipedrive')).toBeNull();
    expect(win.location.search).toBe('?connectionId=c1&mk_connect=r1');
    expect(storage.has(REDIRECT_MARKER_KEY)).toBe(true);
    expect(replaceState).not.toHaveBeenCalled();
    // The right integration still gets it later.
    expect(claim('hubspot')).toEqual({ integrationKey: 'hubspot', connectionId: 'c1' });
    expect(win.location.search).toBe('');
  });

  it('turns ?error= and errorData into a typed failure', () => {
    const errorData = encodeURIComponent(JSON.stringify({ type: 'bad_request', key: 'rate_limit_exceeded', message: 'Slow down' }));
    const { win } = fakeWindow(`https://app.test/settings?error=Slow%20down&errorData=${errorData}&mk_connect=r1`, 'hubspot');
    const claim = createRedirectClaim(() => win);
    const result = claim('hubspot');
    expect(result?.connectionId).toBeUndefined();
    expect(result?.error).toMatchObject({ name: 'KitError', code: 'rate_limited', message: 'Slow down' });
    expect(win.location.href).toBe('https://app.test/settings');
    expect(claim('hubspot')).toBeNull();
  });

  it('ignores the URL when this tab started no same-window connect (no marker, or a stale one)', () => {
    const none = fakeWindow('https://app.test/?connectionId=c1&error=app-own');
    expect(createRedirectClaim(() => none.win)('hubspot')).toBeNull();
    expect(none.win.location.search).toBe('?connectionId=c1&error=app-own');

    const stale = fakeWindow('https://app.test/?connectionId=c1&mk_connect=r');
    stale.storage.set(REDIRECT_MARKER_KEY, JSON.stringify({ integrationKey: 'hubspot', requestId: 'r', startedAt: Date.now() - 16 * 60_000 }));
    expect(createRedirectClaim(() => stale.win)('hubspot')).toBeNull();
    expect(stale.win.location.search).toBe('?connectionId=c1&mk_connect=r');
    // The stale marker is dropped, not kept around for later page loads.
    expect(stale.storage.has(REDIRECT_MARKER_KEY)).toBe(false);
  });

  it('reads the URL and the marker at most once per page', () => {
    const { win, storage, getItem, navigate } = fakeWindow('https://app.test/settings');
    const claim = createRedirectClaim(() => win);
    expect(claim('hubspot')).toBeNull();
    expect(getItem).toHaveBeenCalledTimes(1);
    // A result appearing later (client-side navigation) is not picked up by this page's claim.
    navigate('https://app.test/settings?connectionId=c1&mk_connect=r');
    storage.set(REDIRECT_MARKER_KEY, JSON.stringify({ integrationKey: 'hubspot', requestId: 'r', startedAt: Date.now() }));
    expect(claim('hubspot')).toBeNull();
    expect(getItem).toHaveBeenCalledTimes(1);
  });

  it('reads once even when several integrations claim before the right one', () => {
    const { win, getItem } = fakeWindow('https://app.test/?connectionId=c1&mk_connect=r1', 'hubspot');
    const claim = createRedirectClaim(() => win);
    claim('a');
    claim('b');
    expect(claim('hubspot')?.connectionId).toBe('c1');
    expect(getItem).toHaveBeenCalledTimes(1);
  });

  it('returns null without a window (server rendering) and reads later when there is one', () => {
    const { win } = fakeWindow('https://app.test/?connectionId=c1&mk_connect=r1', 'hubspot');
    const page: { win?: Window } = {};
    const claim = createRedirectClaim(() => page.win);
    expect(claim('hubspot')).toBeNull();
    page.win = win;
    expect(claim('hubspot')).toEqual({ integrationKey: 'hubspot', connectionId: 'c1' });
  });

  it('keeps its state per instance (one per kit), not in module globals', () => {
    const first = fakeWindow('https://app.test/?connectionId=c1&mk_connect=r1', 'hubspot');
    const second = fakeWindow('https://app.test/?connectionId=c2&mk_connect=r1', 'hubspot');
    const claimA = createRedirectClaim(() => first.win);
    const claimB = createRedirectClaim(() => second.win);
    expect(claimA('hubspot')?.connectionId).toBe('c1');
    expect(claimB('hubspot')?.connectionId).toBe('c2');
  });

  it('a second instance on the same page finds nothing once the first has claimed (URL and marker cleaned)', () => {
    const { win } = fakeWindow('https://app.test/?connectionId=c1&mk_connect=r1', 'hubspot');
    expect(createRedirectClaim(() => win)('hubspot')?.connectionId).toBe('c1');
    expect(createRedirectClaim(() => win)('hubspot')).toBeNull();
  });

  it('survives a sessionStorage that throws (storage disabled)', () => {
    const { win } = fakeWindow('https://app.test/?connectionId=c1&mk_connect=r1');
    const throwing = {
      ...win,
      location: win.location,
      sessionStorage: {
        getItem: () => {
          throw new Error('SecurityError');
        },
      },
    } as unknown as Window;
    expect(createRedirectClaim(() => throwing)('hubspot')).toBeNull();
  });
});
