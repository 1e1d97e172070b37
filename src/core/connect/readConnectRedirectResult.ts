import type { KitError } from '../errors/KitError.js';
import { connectFailureToKitError } from './connectFailureToKitError.js';
import { REDIRECT_MARKER_KEY, REDIRECT_MARKER_MAX_AGE_MS, type ConnectRedirectMarker } from './REDIRECT_MARKER_KEY.js';
import { REDIRECT_REQUEST_PARAM } from './REDIRECT_REQUEST_PARAM.js';

/** The outcome of a same-window connect, read from the URL Membrane redirected back to. */
export type ConnectRedirectResult =
  | { integrationKey: string; connectionId: string; error?: undefined }
  | { integrationKey: string; connectionId?: undefined; error: KitError };

/** The stored marker, if well-formed and fresh; a stale or broken one is removed. */
function readMarker(win: Window): ConnectRedirectMarker | undefined {
  try {
    const raw = win.sessionStorage.getItem(REDIRECT_MARKER_KEY);
    if (!raw) return undefined;
    let marker: Partial<ConnectRedirectMarker> | null = null;
    try {
      marker = JSON.parse(raw) as Partial<ConnectRedirectMarker> | null;
    } catch {
      // Not ours any more (or corrupted): dropped below.
    }
    const age = typeof marker?.startedAt === 'number' ? Date.now() - marker.startedAt : Number.NaN;
    if (
      typeof marker?.integrationKey !== 'string' ||
      typeof marker.requestId !== 'string' ||
      marker.requestId === '' ||
      !(age <= REDIRECT_MARKER_MAX_AGE_MS)
    ) {
      win.sessionStorage.removeItem(REDIRECT_MARKER_KEY);
      return undefined;
    }
    return marker as ConnectRedirectMarker;
  } catch {
    return undefined;
  }
}

/**
 * Reads `connectionId`, or `error` and `errorData`, from `location.search` after a same-window
 * connect. Returns `null` unless this tab started one less than 15 minutes ago (the sessionStorage
 * marker) and the URL carries that connect's request id (`mk_connect`, added to the `redirectUri`
 * the kit sent), so an app's own `?error=`, an abandoned redirect or a copied link is never taken
 * for a connect result. A stale marker is removed; otherwise the URL and the marker are left
 * alone: call {@link clearConnectRedirectResult} after handling the result.
 *
 * @example
 * ```ts
 * const result = readConnectRedirectResult();
 * if (result?.connectionId) await confirm(result.connectionId);
 * clearConnectRedirectResult();
 * ```
 */
export function readConnectRedirectResult(win: Window = window): ConnectRedirectResult | null {
  const marker = readMarker(win);
  if (!marker) return null;
  const params = new URLSearchParams(win.location.search);
  if (params.get(REDIRECT_REQUEST_PARAM) !== marker.requestId) return null;
  const connectionId = params.get('connectionId');
  const error = params.get('error');
  if (connectionId) return { integrationKey: marker.integrationKey, connectionId };
  if (error !== null) {
    let errorData: unknown;
    try {
      errorData = JSON.parse(params.get('errorData') ?? 'null');
    } catch {
      errorData = undefined;
    }
    return { integrationKey: marker.integrationKey, error: connectFailureToKitError(error, errorData) };
  }
  return null;
}

/**
 * Forgets the same-window connect marker and removes `connectionId`, `error`, `errorData` and
 * `mk_connect` from the address bar with `history.replaceState` (no reload, no new history entry).
 *
 * @example
 * ```ts
 * clearConnectRedirectResult();
 * ```
 */
export function clearConnectRedirectResult(win: Window = window): void {
  try {
    win.sessionStorage.removeItem(REDIRECT_MARKER_KEY);
  } catch {
    // Storage disabled: nothing was stored.
  }
  const url = new URL(win.location.href);
  let changed = false;
  for (const name of ['connectionId', 'error', 'errorData', REDIRECT_REQUEST_PARAM]) {
    if (url.searchParams.has(name)) {
      url.searchParams.delete(name);
      changed = true;
    }
  }
  if (changed) win.history.replaceState(win.history.state, '', url.toString());
}
