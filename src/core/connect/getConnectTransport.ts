import type { MembraneConnectionOption } from '../api/types.js';

/** How a connect request reaches Membrane's `POST /connect` page. */
export type ConnectTransport = 'popup' | 'iframe' | 'redirect';

/**
 * Chooses the transport the way SDK 0.28 does (membrane-sdk-0.28.md §1, step 4), from the matched
 * `POST /connection-options` element: client-credentials needs no user interaction, so it runs in a
 * hidden iframe; a `redirectUri` means a same-window redirect; anything else is a popup.
 *
 * @example
 * ```ts
 * getConnectTransport({ type: 'client-credentials' });            // 'iframe'
 * getConnectTransport({ type: 'oauth2' }, 'https://app/settings'); // 'redirect'
 * ```
 */
export function getConnectTransport(option: Pick<MembraneConnectionOption, 'type'> | undefined, redirectUri?: string): ConnectTransport {
  if (option?.type === 'client-credentials') return 'iframe';
  if (redirectUri) return 'redirect';
  return 'popup';
}
