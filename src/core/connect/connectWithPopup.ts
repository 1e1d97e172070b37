import type { MembraneConnection } from '../api/types.js';
import { KitError } from '../errors/KitError.js';
import { toKitError } from '../errors/toKitError.js';
import { listenForConnectionResult, type ConnectRequestResult } from './listenForConnectionResult.js';
import type { ConnectPopupHandle } from './openConnectPopup.js';
import { submitConnectionForm, type ConnectionRequestFields } from './submitConnectionForm.js';

/** Options shared by the popup and iframe connect flows. */
export interface ConnectRequestOptions extends Omit<ConnectionRequestFields, 'token' | 'requestId' | 'redirectUri'> {
  /** Returns a fresh customer token; called after the window is open, so it may be async. */
  getToken: () => Promise<string>;
  /** Give up after this long (default 5 minutes for a popup, 60 s for the hidden iframe). */
  timeoutMs?: number;
  /** Aborting rejects with `cancelled` and closes the popup. */
  signal?: AbortSignal;
  /** How often to check whether the user closed the popup (default 500 ms). */
  pollIntervalMs?: number;
  /**
   * Confirms a reported connection (fetch it, check its integration) before the request settles
   * with it. A refused report does not end the request: it keeps waiting for the real result until
   * the window closes or the time runs out, and then fails with the refusal instead of `cancelled`
   * or `timeout`.
   */
  confirm?: (connectionId: string) => Promise<MembraneConnection>;
  win?: Window;
}

const CLOSE_GRACE_MS = 600;

/**
 * Runs a connect request in a popup that the caller already opened (synchronously, in the click
 * handler) with `openConnectPopup()`. Posts the connection form into it, then settles with:
 * the connection id (`newConnectionCreated`), a {@link KitError} `cancelled` when the user closes
 * the popup, `timeout`, `popup_blocked` when the handle has no window, or the failure Membrane
 * reports. Without `confirm` the result comes from the message only: confirm it by fetching the
 * connection. With `confirm`, a message whose connection fails the check leaves the popup open and
 * the request waiting for the real result (a forged message cannot cancel a real connect).
 *
 * @example
 * ```ts
 * const popup = openConnectPopup();
 * const { connectionId } = await connectWithPopup(popup, {
 *   apiUri, integrationId: integration.id, getToken: () => tokenManager.getToken(),
 * });
 * ```
 */
export async function connectWithPopup(popup: ConnectPopupHandle, options: ConnectRequestOptions): Promise<ConnectRequestResult> {
  const popupWindow = popup.window;
  if (popup.blocked || !popupWindow) {
    throw new KitError('popup_blocked', 'The browser blocked the connection window.');
  }
  const win = options.win ?? window;
  // One token for the SSE stream's `?token=` and the form: the stream opens first, as the SDK's does.
  const tokenPromise = (async () => options.getToken())();
  const listener = listenForConnectionResult({
    apiUri: options.apiUri,
    requestId: popup.requestId,
    win,
    token: tokenPromise,
    confirm: options.confirm,
  });
  const timers: Array<ReturnType<typeof setTimeout>> = [];
  let closeCheck: ReturnType<typeof setInterval> | undefined;
  let abortListener: (() => void) | undefined;

  const settled = new Promise<ConnectRequestResult>((resolve, reject) => {
    listener.result.then(resolve, reject);
    timers.push(
      setTimeout(
        () => reject(listener.refusal() ?? new KitError('timeout', 'The connection window did not report back in time.')),
        options.timeoutMs ?? 5 * 60_000,
      ),
    );
    closeCheck = setInterval(() => {
      if (!popupWindow.closed) return;
      if (closeCheck) clearInterval(closeCheck);
      // The page posts its result right before closing itself; let that message land (and its
      // confirmation finish) first. Closed after a refused report: that refusal is the outcome.
      timers.push(
        setTimeout(() => {
          void listener.idle().then(() => reject(listener.refusal() ?? new KitError('cancelled', 'The connection window was closed.')));
        }, CLOSE_GRACE_MS),
      );
    }, options.pollIntervalMs ?? 500);
    if (options.signal) {
      abortListener = () => reject(new KitError('cancelled', 'The connection was cancelled.'));
      if (options.signal.aborted) abortListener();
      else options.signal.addEventListener('abort', abortListener, { once: true });
    }
  });

  const send = (async () => {
    let token: string;
    try {
      token = await tokenPromise;
    } catch (error) {
      throw toKitError(error);
    }
    if (popupWindow.closed) return; // the close poll reports the cancel
    submitConnectionForm({ ...options, token, requestId: popup.requestId }, popup.name, win.document);
  })();

  try {
    return await Promise.race([settled, send.then(() => settled)]);
  } catch (error) {
    if (!popupWindow.closed) {
      try {
        popupWindow.close();
      } catch {
        // Cross-origin close can throw in old browsers; nothing else to do.
      }
    }
    throw toKitError(error);
  } finally {
    listener.stop();
    for (const timer of timers) clearTimeout(timer);
    if (closeCheck) clearInterval(closeCheck);
    if (abortListener) options.signal?.removeEventListener('abort', abortListener);
  }
}
