import { KitError } from '../errors/KitError.js';

/**
 * What goes into Membrane's `POST {apiUri}/connect` form (membrane-sdk-0.28.md §1, step 3). The
 * kit posts this form whichever SDK the app installed: the flow talks to the server, not to the SDK.
 */
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
  /** Values the user typed for the auth option's schema; sent as the payload's `input`. */
  parameters?: Record<string, unknown>;
  /** Parameters of the connector itself (also sent to `/connection-options`). */
  connectorParameters?: Record<string, unknown>;
  authOptionKey?: string;
  allowMultipleConnections?: boolean;
  name?: string;
  /** Same-window flow only: where Membrane sends the browser back. */
  redirectUri?: string;
}

/**
 * The URL the connect form is posted to: `{apiUri}/connect`, with no query (the ids and the token
 * travel in the `payload` field). The kit no longer posts 1.14's `/connection-popup?integrationId=`:
 * the custom flow talks to the server, so it uses `/connect` even when the app installed SDK 1.14; a
 * server that only serves `/connection-popup` gets `mode="prebuilt"` (the SDK's own UI) instead.
 *
 * @example
 * ```ts
 * connectUrl('https://api.integration.app'); // 'https://api.integration.app/connect'
 * ```
 */
export function connectUrl(apiUri: string): string {
  return new URL('connect', apiUri.endsWith('/') ? apiUri : `${apiUri}/`).toString();
}

/**
 * The `payload` field exactly as SDK 0.28 sends it: JSON with the keys in the SDK's order
 * `token, input, connectorParameters, integrationKey, integrationId, connectorId, connectorVersion,
 * connectionId, connectionKey, name, authOptionKey, allowMultipleConnections, connectionRequestId,
 * requestId, redirectUri`, undefined keys left out. The kit sends `integrationId` for a new
 * connection and only `connectionId` for a reconnect, as `integration(x).connect` and
 * `connection(x).reconnect` do.
 *
 * @example
 * ```ts
 * const payload = connectionPayload({ apiUri, token, requestId, integrationId: 'int_1' });
 * ```
 */
export function connectionPayload(fields: ConnectionRequestFields): string {
  if (!fields.integrationId && !fields.connectionId) {
    throw new KitError('invalid_parameters', 'A connect request needs an integrationId or a connectionId.');
  }
  return JSON.stringify({
    token: fields.token,
    input: fields.parameters,
    connectorParameters: fields.connectorParameters,
    integrationKey: undefined,
    integrationId: fields.connectionId ? undefined : fields.integrationId,
    connectorId: undefined,
    connectorVersion: undefined,
    connectionId: fields.connectionId,
    connectionKey: undefined,
    name: fields.name,
    authOptionKey: fields.authOptionKey,
    allowMultipleConnections: fields.allowMultipleConnections,
    connectionRequestId: undefined,
    requestId: fields.requestId,
    redirectUri: fields.redirectUri,
  });
}

/**
 * Posts the urlencoded connect form (`POST {apiUri}/connect`, one field `payload`) into `target`
 * (a window or iframe name, or `_self`) and removes the form again. The token only travels in the
 * POST body, never in a URL.
 *
 * @example
 * ```ts
 * submitConnectionForm({ apiUri, token, requestId, integrationId }, popupName);
 * ```
 */
export function submitConnectionForm(fields: ConnectionRequestFields, target: string, doc: Document = document): void {
  const form = doc.createElement('form');
  form.method = 'POST';
  form.action = connectUrl(fields.apiUri);
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
