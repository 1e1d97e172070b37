/**
 * sessionStorage key of the marker that says "a same-window connect left this page".
 *
 * @example
 * ```ts
 * const pending = sessionStorage.getItem(REDIRECT_MARKER_KEY) !== null;
 * ```
 */
export const REDIRECT_MARKER_KEY = 'membrane-kit:connect-redirect';

/** What the kit remembers across the same-window redirect. */
export interface ConnectRedirectMarker {
  integrationKey: string;
  requestId: string;
  startedAt: number;
}
