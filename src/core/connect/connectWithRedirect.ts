import { toKitError } from '../errors/toKitError.js';
import { createRequestId } from './createRequestId.js';
import { submitConnectionForm, type ConnectionRequestFields } from './submitConnectionForm.js';

import { REDIRECT_MARKER_KEY, type ConnectRedirectMarker } from './REDIRECT_MARKER_KEY.js';

export { REDIRECT_MARKER_KEY, type ConnectRedirectMarker };

/** Options for {@link connectWithRedirect}. */
export interface ConnectRedirectOptions extends Omit<ConnectionRequestFields, 'token' | 'requestId'> {
  /** Where Membrane sends the browser back; it appends `connectionId` or `error` and `errorData`. */
  redirectUri: string;
  /** Remembered so the right component picks the result up when the app loads again. */
  integrationKey: string;
  getToken: () => Promise<string>;
  win?: Window;
}

/**
 * Same-window connect: remembers the request in sessionStorage, then posts the connection form
 * with target `_self`, so the browser leaves the page. Read the outcome when the app loads again
 * with {@link readConnectRedirectResult}.
 *
 * @example
 * ```ts
 * await connectWithRedirect({
 *   apiUri, integrationId: integration.id, integrationKey: 'hubspot',
 *   redirectUri: window.location.href, getToken,
 * });
 * ```
 */
export async function connectWithRedirect(options: ConnectRedirectOptions): Promise<void> {
  const win = options.win ?? window;
  let token: string;
  try {
    token = await options.getToken();
  } catch (error) {
    throw toKitError(error);
  }
  const requestId = createRequestId();
  const marker: ConnectRedirectMarker = { integrationKey: options.integrationKey, requestId, startedAt: Date.now() };
  try {
    win.sessionStorage.setItem(REDIRECT_MARKER_KEY, JSON.stringify(marker));
  } catch {
    // Storage can be disabled; the result is then read without knowing the integration.
  }
  submitConnectionForm({ ...options, token, requestId }, '_self', win.document);
}
