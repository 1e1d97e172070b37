import type { KitError } from '../errors/KitError.js';
import { connectFailureToKitError } from './connectFailureToKitError.js';
import { REDIRECT_MARKER_KEY, type ConnectRedirectMarker } from './REDIRECT_MARKER_KEY.js';

/** The outcome of a same-window connect, read from the URL Membrane redirected back to. */
export type ConnectRedirectResult =
  | { integrationKey: string | undefined; connectionId: string; error?: undefined }
  | { integrationKey: string | undefined; connectionId?: undefined; error: KitError };

const MARKER_MAX_AGE_MS = 60 * 60_000;

function readMarker(win: Window): ConnectRedirectMarker | undefined {
  try {
    const raw = win.sessionStorage.getItem(REDIRECT_MARKER_KEY);
    if (!raw) return undefined;
    const marker = JSON.parse(raw) as Partial<ConnectRedirectMarker>;
    if (typeof marker.integrationKey !== 'string' || typeof marker.startedAt !== 'number') return undefined;
    if (Date.now() - marker.startedAt > MARKER_MAX_AGE_MS) return undefined;
    return marker as ConnectRedirectMarker;
  } catch {
    return undefined;
  }
}

/**
 * Reads `connectionId`, or `error` and `errorData`, from `location.search` after a same-window
 * connect. Returns `null` unless this tab started one (a sessionStorage marker), so an app's own
 * `?error=` parameter is never mistaken for a connect result. Does not change the URL; call
 * {@link clearConnectRedirectResult} after handling it.
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
 * Forgets the same-window connect marker and removes `connectionId`, `error` and `errorData` from
 * the address bar with `history.replaceState` (no reload, no new history entry).
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
  for (const name of ['connectionId', 'error', 'errorData']) {
    if (url.searchParams.has(name)) {
      url.searchParams.delete(name);
      changed = true;
    }
  }
  if (changed) win.history.replaceState(win.history.state, '', url.toString());
}
