import { KitError } from '../errors/KitError.js';

/** What goes into the `connection-popup` request (docs/membrane-api.md §1 and §3). */
export interface ConnectionRequestFields {
  /** Base URL of the Membrane API, e.g. `https://api.integration.app`. */
  apiUri: string;
  /** A customer token, fetched just before the form is sent. */
  token: string;
  requestId: string;
  /** New connection to this integration (id). One of `integrationId` / `connectionId` is required. */
  integrationId?: string;
  /** Reconnect this existing connection. */
  connectionId?: string;
  /** Values entered for the auth option's `ui.schema`. */
  parameters?: Record<string, unknown>;
  authOptionKey?: string;
  allowMultipleConnections?: boolean;
  name?: string;
  /** Same-window flow only: where Membrane sends the browser back. */
  redirectUri?: string;
}

/**
 * The URL of Membrane's connection page, with the integration or connection in the query string.
 *
 * @example
 * ```ts
 * connectionPopupUrl('https://api.integration.app', { integrationId: 'int_1' });
 * // 'https://api.integration.app/connection-popup?integrationId=int_1'
 * ```
 */
export function connectionPopupUrl(apiUri: string, target: { integrationId?: string; connectionId?: string }): string {
  const url = new URL('connection-popup', apiUri.endsWith('/') ? apiUri : `${apiUri}/`);
  if (target.connectionId) url.searchParams.set('connectionId', target.connectionId);
  else if (target.integrationId) url.searchParams.set('integrationId', target.integrationId);
  else throw new KitError('invalid_parameters', 'A connect request needs an integrationId or a connectionId.');
  return url.toString();
}

/**
 * The `payload` field exactly as the SDK sends it: JSON of
 * `{ token, connectionParameters, name, authOptionKey, allowMultipleConnections, requestId, redirectUri }`,
 * with undefined keys left out.
 *
 * @example
 * ```ts
 * const payload = connectionPayload({ apiUri, token, requestId, integrationId: 'int_1' });
 * ```
 */
export function connectionPayload(fields: ConnectionRequestFields): string {
  return JSON.stringify({
    token: fields.token,
    connectionParameters: fields.parameters,
    name: fields.name,
    authOptionKey: fields.authOptionKey,
    allowMultipleConnections: fields.allowMultipleConnections,
    requestId: fields.requestId,
    redirectUri: fields.redirectUri,
  });
}

/**
 * Posts the urlencoded connection form into `target` (a window or iframe name, or `_self`) and
 * removes the form again. The token only travels in the POST body, never in a URL.
 *
 * @example
 * ```ts
 * submitConnectionForm({ apiUri, token, requestId, integrationId }, popupName);
 * ```
 */
export function submitConnectionForm(fields: ConnectionRequestFields, target: string, doc: Document = document): void {
  const form = doc.createElement('form');
  form.method = 'POST';
  form.action = connectionPopupUrl(fields.apiUri, fields);
  form.target = target;
  form.style.display = 'none';
  const input = doc.createElement('input');
  input.type = 'hidden';
  input.name = 'payload';
  input.value = connectionPayload(fields);
  form.appendChild(input);
  doc.body.appendChild(form);
  try {
    form.submit();
  } finally {
    form.remove();
  }
}
