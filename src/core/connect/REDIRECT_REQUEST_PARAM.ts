/**
 * Query parameter the kit adds to the `redirectUri` of a same-window connect, set to the request id
 * it stored in the marker (`REDIRECT_MARKER_KEY`). Membrane sends the browser back to that URL
 * with `connectionId` or `error` added, so a page load is taken as a connect result only when this
 * parameter equals the stored request id: an app's own `?error=`, an abandoned redirect or a copied
 * link never is. Removed from the address bar with the result.
 *
 * @example
 * ```ts
 * const returned = new URLSearchParams(location.search).get(REDIRECT_REQUEST_PARAM); // 'lq2h94…' or null
 * ```
 */
export const REDIRECT_REQUEST_PARAM = 'mk_connect';
