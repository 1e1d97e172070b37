import type { ConnectionEventMessage } from '../createConnectionEvents.js';
import { escapeHtml, renderPage, scriptJson } from './html.js';

/**
 * The last page of a connect flow: posts the result to the SDK (opener of a popup, or parent of
 * the hidden iframe) with target `'*'` as Membrane does, then closes the popup.
 */
export function renderResultPage(message: ConnectionEventMessage, appName?: string): string {
  const ok = message.type === 'newConnectionCreated';
  const title = ok ? `Connected${appName ? ` ${appName}` : ''}` : 'Connection failed';
  const detail = ok ? 'You can close this window.' : message.error;
  const body = `<div class="card" role="status"><h1 class="${ok ? '' : 'error'}">${escapeHtml(title)}</h1><p>${escapeHtml(detail)}</p></div>`;
  // The short delay lets the opener handle the message before its closed-window poll runs.
  const script = `(function(){var m=${scriptJson(message)};var t=window.opener||(window.parent!==window?window.parent:null);if(t){t.postMessage(m,'*');}if(window.opener){setTimeout(function(){window.close()},300);}})();`;
  return renderPage(title, body, script);
}
