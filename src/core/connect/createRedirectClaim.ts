import { clearConnectRedirectResult, readConnectRedirectResult, type ConnectRedirectResult } from './readConnectRedirectResult.js';

/**
 * Hands out a same-window connect result (the page loaded again with `?connectionId=` or `?error=`
 * and the marker's own `mk_connect` request id, see `readConnectRedirectResult`) once: to the first
 * claimant whose integration matches the marker. The claimant still confirms a `connectionId` with
 * the API. The URL and the marker are read at most once; the claim removes the marker and the kit's
 * URL parameters. One instance per kit, so this per-page state lives on the kit instance, not in
 * module globals.
 *
 * @example
 * ```ts
 * const claim = createRedirectClaim();
 * const result = claim('hubspot'); // null, or the result (only once)
 * ```
 */
export function createRedirectClaim(getWindow: () => Window | undefined = () => (typeof window === 'undefined' ? undefined : window)) {
  let state: 'unread' | 'available' | 'done' = 'unread';
  let result: ConnectRedirectResult | null = null;
  return (integrationKey: string): ConnectRedirectResult | null => {
    if (state === 'done') return null;
    const win = getWindow();
    if (!win) return null;
    if (state === 'unread') {
      result = readConnectRedirectResult(win);
      state = result ? 'available' : 'done';
    }
    if (!result || result.integrationKey !== integrationKey) return null;
    state = 'done';
    clearConnectRedirectResult(win);
    return result;
  };
}
