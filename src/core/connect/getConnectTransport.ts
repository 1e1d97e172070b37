import type { AuthOption } from './getAuthOptions.js';

/** How a connect request reaches Membrane's `connection-popup` page. */
export type ConnectTransport = 'popup' | 'iframe' | 'redirect';

/**
 * Chooses the transport the way the SDK does: client-credentials needs no user interaction, so
 * it runs in a hidden iframe; a `redirectUri` means a same-window redirect; anything else is a popup.
 *
 * @example
 * ```ts
 * getConnectTransport({ type: 'client-credentials' });            // 'iframe'
 * getConnectTransport({ type: 'oauth2' }, 'https://app/settings'); // 'redirect'
 * ```
 */
export function getConnectTransport(option: Pick<AuthOption, 'type'> | undefined, redirectUri?: string): ConnectTransport {
  if (option?.type === 'client-credentials') return 'iframe';
  if (redirectUri) return 'redirect';
  return 'popup';
}
