import { createRequestId } from './createRequestId.js';

/** A popup opened for one connect request. `window` is `null` when the browser blocked it. */
export interface ConnectPopupHandle {
  requestId: string;
  /** Window name; the connection form is posted into it. */
  name: string;
  window: Window | null;
  /** True when the browser refused to open the popup. */
  blocked: boolean;
}

function popupFeatures(win: Window): string {
  const screenWidth = win.screen?.availWidth || win.outerWidth || 1024;
  const screenHeight = win.screen?.availHeight || win.outerHeight || 768;
  const width = Math.round(Math.min(screenWidth * 0.7, 1000));
  const height = Math.round(Math.min(screenHeight * 0.6, 800));
  const left = Math.round((win.screenX ?? 0) + (screenWidth - width) / 2);
  const top = Math.round((win.screenY ?? 0) + (screenHeight - height) / 2);
  return `popup,width=${width},height=${height},left=${left},top=${top}`;
}

/**
 * Opens an empty popup for a connect request. Call it synchronously inside the click handler,
 * before any `await`: popup blockers only allow windows opened during the user's gesture. The
 * connection form is posted into it later with {@link connectWithPopup}.
 *
 * @example
 * ```ts
 * button.onclick = () => {
 *   const popup = openConnectPopup(); // no await before this line
 *   void connectWithPopup(popup, { apiUri, getToken, integrationId });
 * };
 * ```
 */
export function openConnectPopup(requestId: string = createRequestId(), win: Window = window): ConnectPopupHandle {
  const name = `connection-request-${requestId}`;
  let opened: Window | null = null;
  try {
    opened = win.open('', name, popupFeatures(win));
  } catch {
    opened = null;
  }
  const blocked = !opened || opened.closed;
  return { requestId, name, window: blocked ? null : opened, blocked };
}
