import { KitError } from '../errors/KitError.js';
import { toKitError } from '../errors/toKitError.js';
import { createRequestId } from './createRequestId.js';
import type { ConnectRequestOptions } from './connectWithPopup.js';
import { listenForConnectionResult, type ConnectRequestResult } from './listenForConnectionResult.js';
import { submitConnectionForm } from './submitConnectionForm.js';

/**
 * Runs a connect request that needs no user interaction (client-credentials auth) in a hidden
 * iframe, and removes the iframe afterwards (the SDK leaves it in the page).
 *
 * @example
 * ```ts
 * const { connectionId } = await connectInIframe({
 *   apiUri, integrationId, parameters: { clientId, clientSecret }, getToken,
 * });
 * ```
 */
export async function connectInIframe(options: ConnectRequestOptions & { requestId?: string }): Promise<ConnectRequestResult> {
  const win = options.win ?? window;
  const doc = win.document;
  const requestId = options.requestId ?? createRequestId();
  const name = `connection-request-${requestId}`;
  // One token for the SSE stream's `?token=` and the form: the stream opens first, as the SDK's does.
  const tokenPromise = (async () => options.getToken())();
  const listener = listenForConnectionResult({ apiUri: options.apiUri, requestId, win, token: tokenPromise, confirm: options.confirm });
  const iframe = doc.createElement('iframe');
  iframe.name = name;
  iframe.title = 'Membrane connection request';
  iframe.setAttribute('aria-hidden', 'true');
  iframe.tabIndex = -1;
  iframe.style.cssText = 'position:absolute;width:1px;height:1px;border:0;opacity:0;pointer-events:none;inset-inline-start:-9999px';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let abortListener: (() => void) | undefined;
  try {
    const token = await tokenPromise.catch((error: unknown) => {
      throw toKitError(error);
    });
    doc.body.appendChild(iframe);
    const settled = new Promise<ConnectRequestResult>((resolve, reject) => {
      listener.result.then(resolve, reject);
      timer = setTimeout(
        () => reject(listener.refusal() ?? new KitError('timeout', 'Membrane did not answer the connection request in time.')),
        options.timeoutMs ?? 60_000,
      );
      if (options.signal) {
        abortListener = () => reject(new KitError('cancelled', 'The connection was cancelled.'));
        if (options.signal.aborted) abortListener();
        else options.signal.addEventListener('abort', abortListener, { once: true });
      }
    });
    submitConnectionForm({ ...options, token, requestId }, name, doc);
    return await settled;
  } catch (error) {
    throw toKitError(error);
  } finally {
    listener.stop();
    if (timer) clearTimeout(timer);
    if (abortListener) options.signal?.removeEventListener('abort', abortListener);
    iframe.remove();
  }
}
