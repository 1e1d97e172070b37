/**
 * sessionStorage key of the marker that says "a same-window connect left this page": its
 * integration, its request id (also sent in the `redirectUri`, see `REDIRECT_REQUEST_PARAM`)
 * and when it started. It is consumed only by a page load whose URL carries that request id, and
 * dropped once older than `REDIRECT_MARKER_MAX_AGE_MS`.
 *
 * @example
 * ```ts
 * const pending = sessionStorage.getItem(REDIRECT_MARKER_KEY) !== null;
 * ```
 */
export const REDIRECT_MARKER_KEY = 'membrane-kit:connect-redirect';

/**
 * How long a same-window connect marker is trusted (15 minutes): long enough for a sign-in with
 * two-factor authentication, short enough that an abandoned redirect does not linger. An older
 * marker is dropped when read.
 *
 * @example
 * ```ts
 * const fresh = Date.now() - marker.startedAt <= REDIRECT_MARKER_MAX_AGE_MS;
 * ```
 */
export const REDIRECT_MARKER_MAX_AGE_MS = 15 * 60_000;

/** What the kit remembers across the same-window redirect. */
export interface ConnectRedirectMarker {
  integrationKey: string;
  /** Also in the `redirectUri` as `mk_connect`: a result is taken only when the two match. */
  requestId: string;
  /** `Date.now()` when the page left; the marker is dropped 15 minutes later. */
  startedAt: number;
}
