import { KitError } from '../errors/KitError.js';
import { toKitError } from '../errors/toKitError.js';
import { createRequestId } from './createRequestId.js';
import { submitConnectionForm, type ConnectionRequestFields } from './submitConnectionForm.js';

import { REDIRECT_MARKER_KEY, type ConnectRedirectMarker } from './REDIRECT_MARKER_KEY.js';
import { REDIRECT_REQUEST_PARAM } from './REDIRECT_REQUEST_PARAM.js';

export { REDIRECT_MARKER_KEY, type ConnectRedirectMarker };

/** Options for {@link connectWithRedirect}. */
export interface ConnectRedirectOptions extends Omit<ConnectionRequestFields, 'token' | 'requestId'> {
  /**
   * Where Membrane sends the browser back; it appends `connectionId` or `error` and `errorData`.
   * The kit adds `mk_connect=<requestId>` to it, so only that return is taken as the result.
   */
  redirectUri: string;
  /** Remembered so the right component picks the result up when the app loads again. */
  integrationKey: string;
  getToken: () => Promise<string>;
  win?: Window;
}

/**
 * Same-window connect: remembers the request (integration, request id, time) in sessionStorage,
 * adds `mk_connect=<requestId>` to the `redirectUri` it sends, then posts the connection form with
 * target `_self`, so the browser leaves the page. Read the outcome when the app loads again with
 * `readConnectRedirectResult`, which takes it only when the returned URL carries that request id.
 * With sessionStorage disabled nothing can be remembered, so no result is read back; the lists
 * still show the new connection once they load.
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
  let redirectUri: URL;
  try {
    // Relative to the page, as a link would be: Membrane needs an absolute URL to send the browser to.
    redirectUri = new URL(options.redirectUri, win.location.href);
  } catch {
    throw new KitError('invalid_parameters', `redirectUri must be a URL the browser can return to, got "${options.redirectUri}".`);
  }
  let token: string;
  try {
    token = await options.getToken();
  } catch (error) {
    throw toKitError(error);
  }
  const requestId = createRequestId();
  redirectUri.searchParams.set(REDIRECT_REQUEST_PARAM, requestId);
  const marker: ConnectRedirectMarker = { integrationKey: options.integrationKey, requestId, startedAt: Date.now() };
  try {
    win.sessionStorage.setItem(REDIRECT_MARKER_KEY, JSON.stringify(marker));
  } catch {
    // Storage can be disabled: the connection is still made, only its result is not read back.
  }
  submitConnectionForm({ ...options, redirectUri: redirectUri.toString(), token, requestId }, '_self', win.document);
}
